//! A question screen: a fieldset whose legend is the heading, radio buttons (one answer) or
//! checkboxes (several), the help text with glossary terms, Back and Next. A screen of several
//! short related questions (`guide_engine::flow::SCREENS`) has its own heading and a fieldset
//! per question, shown while the flow asks it. Every change is saved at once (see the save
//! effect in `lib.rs`).

use guide_engine::{PriorTx, TxSetting};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use web_sys::wasm_bindgen::JsCast;

use super::glossary::Glossed;
use super::progress::Progress;
use super::urgent::UrgentBanner;
use super::{
    answer_hint, answer_label, content, dom_id, question_help, question_text, ui, ui_with, AppState,
};
use crate::flow::{choices, prior_tx_layout, screen_of, setting_drugs, Kind, PriorTxItem, Step};
use crate::state::Screen;

fn focus_by_id(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// The label and optional hint of one answer; the hint is the input's description.
fn label_and_hint(question: &'static str, id: &str, input_id: &str) -> (AnyView, Option<String>) {
    let label = answer_label(question, id);
    let hint = answer_hint(question, id);
    let hint_id = hint.as_ref().map(|_| format!("{input_id}-hint"));
    let view = view! {
        <label for=input_id.to_owned()>{label}</label>
        {hint.map(|h| view! { <span class="hint" id=format!("{input_id}-hint")>{h}</span> })}
    }
    .into_any();
    (view, hint_id)
}

/// One radio button of a single-answer question.
fn radio(question: &'static str, id: String) -> impl IntoView {
    let state = AppState::get();
    let input_id = dom_id(&[question, &id]);
    let (label, described_by) = label_and_hint(question, &id, &input_id);
    let id_check = id.clone();
    view! {
        <div class="choice">
            <input type="radio" id=input_id name=question value=id.clone()
                aria-describedby=described_by
                prop:checked=move || state.answers.with(|a| a.single(question).as_deref() == Some(id_check.as_str()))
                on:change=move |_| state.update(|a| { let _ = a.set_single(question, &id); }) />
            {label}
        </div>
    }
}

/// One checkbox of a multi-select question.
fn checkbox(question: &'static str, id: String) -> impl IntoView {
    let state = AppState::get();
    let input_id = dom_id(&[question, &id]);
    let (label, described_by) = label_and_hint(question, &id, &input_id);
    let id_check = id.clone();
    view! {
        <div class="choice">
            <input type="checkbox" id=input_id name=question value=id.clone()
                aria-describedby=described_by
                prop:checked=move || state.answers.with(|a| a.has(question, &id_check))
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    state.update(|a| { let _ = a.toggle(question, &id, on); });
                } />
            {label}
        </div>
    }
}

fn single_choices(step: Step) -> impl IntoView {
    let state = AppState::get();
    let ids = state.answers.with_untracked(|a| choices(step, a.profile()));
    view! {
        <div class="choices">
            {ids.into_iter().map(|id| radio(step.id(), id)).collect_view()}
        </div>
    }
}

fn multi_choices(step: Step) -> impl IntoView {
    let state = AppState::get();
    let ids = state.answers.with_untracked(|a| choices(step, a.profile()));
    view! {
        <div class="choices">
            {ids.into_iter().map(|id| checkbox(step.id(), id)).collect_view()}
        </div>
    }
}

/// Symptoms: everyday symptoms first, then the signs that need help now under their own
/// heading, with the banner right after them. Ticking one also brings up the "Get help now" bar
/// at the top of the screen, announced at once (`HelpBar`).
fn symptom_choices() -> impl IntoView {
    let state = AppState::get();
    let red: Vec<String> = guide_engine::Symptom::RED_FLAGS
        .iter()
        .map(|s| s.id().to_owned())
        .collect();
    let (none_unsure, other): (Vec<String>, Vec<String>) =
        choices(Step::Symptoms, &guide_engine::Profile::new())
            .into_iter()
            .filter(|id| !red.contains(id))
            .partition(|id| id == "NONE" || id == "UNKNOWN");
    view! {
        <fieldset class="nested">
            <legend>{ui("symptoms.other_heading")}</legend>
            <div class="choices">
                {other.into_iter().map(|id| checkbox(Step::Symptoms.id(), id)).collect_view()}
            </div>
        </fieldset>
        <fieldset class="nested red-flags-group">
            <legend>{ui("symptoms.red_heading")}</legend>
            <div class="choices">
                {red.into_iter().map(|id| checkbox(Step::Symptoms.id(), id)).collect_view()}
            </div>
        </fieldset>
        <UrgentBanner profile=Signal::from(state.profile) />
        <div class="choices">
            {none_unsure.into_iter().map(|id| checkbox(Step::Symptoms.id(), id)).collect_view()}
        </div>
    }
}

/// Treatments had: plain checkboxes, and "A targeted pill" / "An antibody-drug conjugate"
/// checkboxes that reveal the list of drugs (with "I don't know the name").
fn prior_tx_choices() -> impl IntoView {
    let state = AppState::get();
    let items = prior_tx_layout()
        .into_iter()
        .map(|item| match item {
            PriorTxItem::Plain(id) => checkbox(Step::PriorTx.id(), id).into_any(),
            PriorTxItem::Group { prefix, drugs } => {
                let group_input = dom_id(&[Step::PriorTx.id(), prefix]);
                let list_id = dom_id(&["group", prefix]);
                let on = move || state.answers.with(|a| a.group_on(prefix));
                let (label_key, hint_key, which_key) = match prefix {
                    "TKI" => ("prior_tx.tki", "prior_tx.tki_hint", "prior_tx.tki_which"),
                    _ => ("prior_tx.adc", "prior_tx.adc_hint", "prior_tx.adc_which"),
                };
                let hint_id = format!("{group_input}-hint");
                let group_input_focus = group_input.clone();
                let drug_boxes = drugs
                    .into_iter()
                    .map(|id| {
                        let input_id = dom_id(&[Step::PriorTx.id(), &id]);
                        let (label, described_by) = label_and_hint(Step::PriorTx.id(), &id, &input_id);
                        let id_check = id.clone();
                        let group_input_focus = group_input_focus.clone();
                        view! {
                            <div class="choice">
                                <input type="checkbox" id=input_id name=Step::PriorTx.id() value=id.clone()
                                    aria-describedby=described_by
                                    prop:checked=move || state.answers.with(|a| a.has(Step::PriorTx, &id_check))
                                    on:change=move |ev| {
                                        let checked = event_target_checked(&ev);
                                        state.update(|a| { let _ = a.toggle(Step::PriorTx, &id, checked); });
                                        // The last drug unticked closes the list: keep focus in place.
                                        if !state.answers.with_untracked(|a| a.group_on(prefix)) {
                                            focus_by_id(&group_input_focus);
                                        }
                                    } />
                                {label}
                            </div>
                        }
                    })
                    .collect_view();
                view! {
                    <div class="choice">
                        <input type="checkbox" id=group_input.clone() name="prior_tx-group" value=prefix
                            aria-describedby=hint_id.clone()
                            aria-expanded=move || if on() { "true" } else { "false" }
                            aria-controls=list_id.clone()
                            prop:checked=on
                            on:change=move |ev| {
                                let checked = event_target_checked(&ev);
                                state.update(|a| { let _ = a.set_group(prefix, checked); });
                            } />
                        <label for=group_input>{ui(label_key)}</label>
                        <span class="hint" id=hint_id>{ui(hint_key)}</span>
                    </div>
                    <fieldset class="nested drug-list" id=list_id hidden=move || !on()>
                        <legend>{ui(which_key)}</legend>
                        <div class="choices">{drug_boxes}</div>
                    </fieldset>
                }
                .into_any()
            }
        })
        .collect_view();
    view! { <div class="choices">{items}</div> }
}

/// When each drug treatment was given: one radio group per drug ticked.
fn setting_choices() -> impl IntoView {
    let state = AppState::get();
    let drugs = state.answers.with_untracked(|a| setting_drugs(a.profile()));
    let groups = drugs
        .into_iter()
        .map(|drug: PriorTx| {
            let drug_id = drug.id();
            let name = dom_id(&["setting", &drug_id]);
            let legend = answer_label(Step::PriorTx.id(), &drug_id);
            let radios = TxSetting::ALL
                .iter()
                .map(|setting| {
                    let setting = *setting;
                    let input_id = dom_id(&["setting", &drug_id, setting.id()]);
                    let (label, described_by) =
                        label_and_hint(Step::PriorTxSetting.id(), setting.id(), &input_id);
                    view! {
                        <div class="choice">
                            <input type="radio" id=input_id name=name.clone() value=setting.id()
                                aria-describedby=described_by
                                prop:checked=move || state.answers.with(|a| a.setting(drug) == Some(setting))
                                on:change=move |_| state.update(|a| a.set_setting(drug, setting)) />
                            {label}
                        </div>
                    }
                })
                .collect_view();
            view! {
                <fieldset class="setting-group" data-drug=drug_id.clone()>
                    <legend>{legend}</legend>
                    <div class="choices">{radios}</div>
                </fieldset>
            }
        })
        .collect_view();
    view! { <div class="setting-groups">{groups}</div> }
}

/// What to do with the answers ("Choose one.", "Choose all that apply.").
fn instruction(step: Step) -> &'static str {
    match step.kind() {
        Kind::Single => ui("question.choose_one"),
        Kind::Settings => ui("question.choose_each"),
        Kind::Multi | Kind::PriorTx => ui("question.choose_any"),
    }
}

fn choices_view(step: Step) -> AnyView {
    match step.kind() {
        Kind::Single => single_choices(step).into_any(),
        Kind::Multi if step == Step::Symptoms => symptom_choices().into_any(),
        Kind::Multi => multi_choices(step).into_any(),
        Kind::PriorTx => prior_tx_choices().into_any(),
        Kind::Settings => setting_choices().into_any(),
    }
}

/// One question of a screen that shows several (`flow::SCREENS`): its fieldset, shown while
/// the flow asks it (an answer above can open it; hidden, not removed, so focus stays put).
fn grouped_question(q: Step, opened_note: RwSignal<String>) -> impl IntoView {
    let state = AppState::get();
    let qid = q.id();
    let asked = Memo::new(move |_| state.flow.with(|f| f.is_asked(q)));
    // Opened by an answer above it: brought into view once shown, as it may be below the
    // screen's edge, and announced ("One more question below: ...").
    Effect::new(move |was: Option<bool>| {
        let now = asked.get();
        if was == Some(false) && now {
            request_animation_frame(move || bring_into_view(qid));
            opened_note.set(ui_with(
                "question.opened",
                &[("question", &question_text(qid))],
            ));
        }
        now
    });
    let help = question_help(qid);
    let help_id = (!help.is_empty()).then(|| format!("help-{qid}"));
    let help_view = help_id.clone().map(|id| {
        view! { <div class="help" id=id><Glossed text=help.clone() /></div> }
    });
    view! {
        <fieldset class="question-fieldset grouped" data-question=qid aria-describedby=help_id
            hidden=move || !asked.get()>
            <legend class="question-legend"><h2>{question_text(qid)}</h2></legend>
            {help_view}
            <p class="instruction">{instruction(q)}</p>
            {choices_view(q)}
        </fieldset>
    }
}

/// Scrolls the fieldset of `qid` the least needed to show it.
fn bring_into_view(qid: &str) {
    let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector(&format!("fieldset[data-question=\"{qid}\"]"))
                .ok()
        })
        .flatten()
    else {
        return;
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
    el.scroll_into_view_with_scroll_into_view_options(&options);
}

#[component]
pub fn Question(step: Step) -> impl IntoView {
    let state = AppState::get();
    let qid = step.id();
    let text = question_text(qid);
    let help = question_help(qid);
    let help_id = (!help.is_empty()).then(|| format!("help-{qid}"));

    let back = move |_| {
        state.return_to.set(None);
        match state.flow.with_untracked(|f| f.prev_screen(step)) {
            Some(s) => state.screen.set(Screen::Question(s)),
            None => state.go(Screen::Welcome),
        }
    };
    let next = move |ev: SubmitEvent| {
        ev.prevent_default();
        let (to, return_to) = state.flow.with_untracked(|f| {
            if state.editing.get_untracked() {
                (f.next_unanswered_screen(Some(step)), None)
            } else {
                f.next_screen(Some(step), state.return_to.get_untracked())
            }
        });
        state.return_to.set(return_to);
        match to {
            Some(s) => state.screen.set(Screen::Question(s)),
            None => state.go(Screen::Review),
        }
    };
    let on_screen = screen_of(step);

    let instruction = instruction(step);
    let help_view = help_id.clone().map(|id| {
        view! { <div class="help" id=id><Glossed text=help.clone() /></div> }
    });
    let choices_view = choices_view(step);
    // A screen of several questions has its own heading, each question its fieldset; the
    // settings screen has one fieldset per drug, so its heading stands above them.
    let body = if on_screen.len() > 1 {
        let title = guide_engine::flow::screen_id(step)
            .map(|id| content().ui(&format!("screen.{id}")).to_owned())
            .unwrap_or(text);
        let opened_note = RwSignal::new(String::new());
        view! {
            <h1 id="question-heading" tabindex="-1">{title}</h1>
            {on_screen.iter().map(|q| grouped_question(*q, opened_note)).collect_view()}
            <p class="visually-hidden" aria-live="polite" id="opened-note">{move || opened_note.get()}</p>
        }
        .into_any()
    } else if step.kind() == Kind::Settings {
        view! {
            <h1 id="question-heading" tabindex="-1">{text}</h1>
            {help_view}
            <p class="instruction">{instruction}</p>
            {choices_view}
        }
        .into_any()
    } else {
        view! {
            <fieldset class="question-fieldset" aria-describedby=help_id>
                <legend class="question-legend">
                    <h1 id="question-heading" tabindex="-1">{text}</h1>
                </legend>
                {help_view}
                <p class="instruction">{instruction}</p>
                {choices_view}
            </fieldset>
        }
        .into_any()
    };

    view! {
        <div class="question" data-step=qid>
            <button type="button" class="back-link" id="back" on:click=back>{ui("nav.back")}</button>
            <Progress step=step />
            <form class="question-form" novalidate on:submit=next>
                {body}
                <div class="actions">
                    // Nothing chosen: the button says what it does (issue 10).
                    <button type="submit" class="button primary" id="next">
                        {move || state.flow.with(|f| {
                            let asked = on_screen.iter().filter(|q| f.is_asked(**q));
                            if asked.clone().any(|q| crate::flow::is_answered(*q, &f.profile)) {
                                ui("question.next")
                            } else if asked.count() > 1 {
                                ui("question.skip_these")
                            } else {
                                ui("question.skip")
                            }
                        })}
                    </button>
                    <Show when=move || state.editing.get()>
                        <button type="button" class="button secondary" id="back-to-review"
                            on:click=move |_| state.go(Screen::Review)>
                            {ui("question.back_to_review")}
                        </button>
                    </Show>
                </div>
            </form>
        </div>
    }
}
