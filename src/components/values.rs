//! "What matters to me": the goals question (the engine's own `goals` answer, from the content's
//! questions file) and a few trade-offs (time in hospital, side effects, travel, time at home),
//! plus the person's own words. The trade-offs are not engine inputs: they only change which
//! facts come first in the summary (`personal::emphasis`), never which options are shown.

use guide_engine::Q;
use leptos::prelude::*;

use super::my_notes::Counter;
use super::{content, dom_id, question_help, question_text, ui, AppState};
use crate::personal::{MAX_TEXT, TRADE_OFFS, TRADE_OFF_ANSWERS};
use crate::state::Screen;

/// The goals question as radio buttons (sets the profile's `goals`).
fn goals_fieldset() -> impl IntoView {
    let state = AppState::get();
    let answers = content()
        .question(Q::Goals.id())
        .map(|q| q.answers.clone())
        .unwrap_or_default();
    let radios = answers
        .into_iter()
        .map(|a| {
            let input_id = dom_id(&["values-goals", &a.id]);
            let id = a.id.clone();
            let id_check = a.id.clone();
            view! {
                <div class="choice">
                    <input type="radio" id=input_id.clone() name="values-goals" value=a.id.clone()
                        prop:checked=move || state.answers.with(|x| x.single(Q::Goals).as_deref() == Some(id_check.as_str()))
                        on:change=move |_| state.update(|x| { let _ = x.set_single(Q::Goals, &id); }) />
                    <label for=input_id>{a.label.clone()}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="values-group" data-values=Q::Goals.id() aria-describedby="values-goals-help">
            <legend>{question_text(Q::Goals.id())}</legend>
            <p class="hint" id="values-goals-help">{question_help(Q::Goals.id())}</p>
            {radios}
        </fieldset>
    }
}

/// One trade-off as radio buttons.
fn trade_off_fieldset(id: &'static str) -> impl IntoView {
    let state = AppState::get();
    let c = content();
    let legend = c.ui(&format!("values.{id}")).to_owned();
    let hint = c.ui(&format!("values.{id}.hint")).to_owned();
    let hint_id = format!("values-{id}-hint");
    let described_by = hint_id.clone();
    let radios = TRADE_OFF_ANSWERS
        .iter()
        .map(|answer| {
            let input_id = format!("values-{id}-{}", answer.to_ascii_lowercase());
            let label = c.ui(&format!("values.answer.{answer}")).to_owned();
            view! {
                <div class="choice">
                    <input type="radio" id=input_id.clone() name=format!("values-{id}") value=*answer
                        prop:checked=move || state.personal.with(|p| p.values.answer(id) == Some(*answer))
                        on:change=move |_| state.personal.update(|p| { p.values.set(id, answer); }) />
                    <label for=input_id>{label}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="values-group" data-values=id aria-describedby=described_by>
            <legend>{legend}</legend>
            <p class="hint" id=hint_id>{hint}</p>
            {radios}
        </fieldset>
    }
}

#[component]
pub fn ValuesScreen() -> impl IntoView {
    let state = AppState::get();
    // What is in the box now (for the counter; saved on change, kept whole).
    let other = RwSignal::new(state.personal.with_untracked(|p| p.values.other.clone()));
    let trade_offs = TRADE_OFFS
        .iter()
        .map(|t| trade_off_fieldset(t.id))
        .collect_view();
    view! {
        <div class="values">
            <h1 tabindex="-1">{ui("values.title")}</h1>
            <p class="lead">{ui("values.intro")}</p>
            <p>{ui("values.no_change")}</p>
            {goals_fieldset()}
            <h2>{ui("values.tradeoffs")}</h2>
            <p>{ui("values.tradeoffs_intro")}</p>
            {trade_offs}
            <div class="values-other">
                <label for="values-other">{ui("values.other")}</label>
                <textarea id="values-other" rows="3" maxlength=MAX_TEXT aria-describedby="values-other-count"
                    prop:value=move || state.personal.with(|p| p.values.other.clone())
                    on:input=move |ev| other.set(event_target_value(&ev))
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        state.personal.update(|p| p.values.other = v.trim().to_owned());
                    }></textarea>
                <Counter id="values-other-count".to_owned() text=other.into() />
            </div>
            <div class="actions">
                <button type="button" class="button primary" id="values-to-summary"
                    on:click=move |_| state.go(Screen::Summary)>
                    {ui("summary.open")}
                </button>
                <button type="button" class="button secondary" id="values-to-results"
                    on:click=move |_| state.go(Screen::Results)>
                    {ui("nav.back_to_results")}
                </button>
            </div>
        </div>
    }
}
