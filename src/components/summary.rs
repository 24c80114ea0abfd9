//! The visit summary: the page to hand over at the appointment (`summary_model::build`).
//!
//! Order: title and date · urgent symptoms (if any) · "not medical advice" and the actions
//! (print, "Print with full details", save as file, open a saved file; not printed) · the answers ·
//! what matters to the person (if they said) · the options by group, one line on why each was
//! shown · safety notes · questions (at most 10 from the guide, then their own) · their notes ·
//! the full details (only when "Print with full details" is ticked: the decision, every option's
//! card, options usually not used, the other questions, sources, words) · content date, engine
//! version, "not medical advice". The screen shows what will be printed. The static parts are
//! HTML text from `summary_html.rs` (escaped; much less WebAssembly than a typed view per
//! element); the person's lists are live components. Print stylesheet: `style/summary.css`
//! (empty lists are not printed).

use leptos::prelude::*;

use super::file_tools::{today_iso, OpenFile, SaveFile};
use super::my_notes::{ListKind, PersonalList};
use super::{content, ui, ui_with, AppState};
use crate::state::Screen;
use crate::summary_html::{brief_html, details_html, footer_html, questions_html, urgent_html};
use crate::summary_model::build;

/// Opens every closed `<details>` while printing and closes them again afterwards (the print
/// stylesheet also shows their content; this covers browsers without `::details-content`).
pub fn open_details_when_printing() {
    let opened: StoredValue<Vec<web_sys::Element>, LocalStorage> = StoredValue::new_local(vec![]);
    let _ = window_event_listener(leptos::ev::beforeprint, move |_| {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let Ok(list) = doc.query_selector_all("details:not([open])") else {
            return;
        };
        let mut els = Vec::new();
        for i in 0..list.length() {
            if let Some(el) = list
                .item(i)
                .and_then(|n| web_sys::wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
            {
                let _ = el.set_attribute("open", "");
                els.push(el);
            }
        }
        opened.set_value(els);
    });
    let _ = window_event_listener(leptos::ev::afterprint, move |_| {
        for el in opened.try_update_value(std::mem::take).unwrap_or_default() {
            let _ = el.remove_attribute("open");
        }
    });
}

fn print_page() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

#[component]
pub fn Summary() -> impl IntoView {
    let state = AppState::get();
    let c = content();
    let model = Memo::new(move |_| {
        state.profile.with(|p| {
            state
                .evaluation
                .with(|e| state.personal.with(|x| build(c, p, e, x)))
        })
    });
    let made_on = today_iso();
    let full = RwSignal::new(false);
    let urgent = move || model.with(|m| urgent_html(c, m));
    let brief = move || model.with(|m| brief_html(c, m));
    let questions = move || model.with(questions_html);
    let details = move || model.with(|m| details_html(c, m));
    let footer = move || model.with(|m| footer_html(c, m));

    view! {
        <article class="summary" class:summary-full=move || full.get() aria-labelledby="summary-title">
            <h1 id="summary-title" tabindex="-1">{ui("summary.title")}</h1>
            <p class="summary-made">{ui_with("summary.made_on", &[("date", &made_on)])}</p>
            <div class="summary-part" inner_html=urgent></div>
            <p class="summary-not-advice no-print"><strong>{ui("summary.not_advice")}</strong>" "{ui("summary.not_advice_more")}</p>

            <section class="summary-actions no-print" aria-labelledby="summary-actions-title">
                <h2 id="summary-actions-title">{ui("summary.actions")}</h2>
                <p>{ui("summary.actions_intro")}</p>
                <div class="actions">
                    <button type="button" class="button primary" id="print-summary" on:click=move |_| print_page()>
                        {ui("summary.print")}
                    </button>
                    <SaveFile />
                </div>
                <div class="choice summary-full-choice">
                    <input type="checkbox" id="print-full" aria-describedby="print-full-hint"
                        prop:checked=move || full.get()
                        on:change=move |ev| full.set(event_target_checked(&ev)) />
                    <label for="print-full">{ui("summary.print_full")}</label>
                </div>
                <p class="hint" id="print-full-hint">{ui("summary.print_full_hint")}</p>
                <OpenFile />
            </section>

            <div class="summary-part" inner_html=brief></div>
            <p class="no-print summary-change-values">
                <button type="button" class="link-button" id="summary-to-values"
                    on:click=move |_| state.go(Screen::Values)>
                    {ui("values.open")}
                </button>
            </p>

            <section class="summary-section summary-questions" aria-labelledby="summary-questions-title">
                <h2 id="summary-questions-title">{ui("results.questions")}</h2>
                <p class="no-print">{ui("results.questions_intro")}</p>
                <div class="summary-part" inner_html=questions></div>
                <PersonalList kind=ListKind::Questions sub=true />
            </section>

            <PersonalList kind=ListKind::Notes />

            <div class="summary-part" inner_html=details></div>
            <div class="summary-part" inner_html=footer></div>
            // Review mode (`?review=1`): the trace as an appendix, on screen and on paper.
            {crate::embed_web::is_review().then(|| {
                let appendix = move || {
                    state.evaluation.with(|e| {
                        let mut html = format!(
                            "<h2>{}</h2>{}",
                            crate::summary_html::esc(ui("review.panel")),
                            crate::review_html::panel(e)
                        );
                        for o in &e.options {
                            html.push_str(&crate::review_html::trace(ui("review.trace"), o));
                        }
                        html
                    })
                };
                view! { <section class="summary-section review-appendix" inner_html=appendix></section> }
            })}

            <div class="actions no-print">
                <button type="button" class="button secondary" id="summary-to-results"
                    on:click=move |_| state.go(Screen::Results)>
                    {ui("nav.back_to_results")}
                </button>
                <button type="button" class="button secondary" id="summary-to-compare"
                    on:click=move |_| state.go(Screen::Compare)>
                    {ui("compare.open")}
                </button>
            </div>
        </article>
    }
}
