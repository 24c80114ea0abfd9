//! The visit summary: one printable page to take to the appointment (`summary_model::build`).
//!
//! Order: title and date · "not medical advice" · actions (print, save as file, open a saved
//! file; not printed) · the decision · urgent symptoms (if any) · the answers · what matters to
//! the person · options by group with why each was shown and (in the person's emphasis) what it
//! is like and common side effects · safety notes · options usually not used, and why ·
//! questions (their own, then the generated ones) · their notes · sources · content date, engine
//! version. The static parts are HTML text from `summary_html.rs` (escaped; much less
//! WebAssembly than a typed view per element); the person's lists are live components. The print
//! stylesheet is `style/summary.css`.

use leptos::prelude::*;

use super::file_tools::{today_iso, OpenFile, SaveFile};
use super::my_notes::{ListKind, PersonalList};
use super::{content, ui, ui_with, AppState};
use crate::state::Screen;
use crate::summary_html::{head_html, options_html, questions_html, sources_html};
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
        state
            .profile
            .with(|p| state.personal.with(|x| build(c, p, x)))
    });
    let made_on = today_iso();
    let head = move || model.with(|m| head_html(c, m));
    let options = move || model.with(|m| options_html(c, m));
    let questions = move || model.with(|m| questions_html(c, &m.generated_questions));
    let sources = move || model.with(|m| sources_html(c, m));

    view! {
        <article class="summary" aria-labelledby="summary-title">
            <h1 id="summary-title" tabindex="-1">{ui("summary.title")}</h1>
            <p class="summary-made">{ui_with("summary.made_on", &[("date", &made_on)])}</p>
            <p class="summary-not-advice"><strong>{ui("summary.not_advice")}</strong>" "{ui("summary.not_advice_more")}</p>

            <section class="summary-actions no-print" aria-labelledby="summary-actions-title">
                <h2 id="summary-actions-title">{ui("summary.actions")}</h2>
                <p>{ui("summary.actions_intro")}</p>
                <div class="actions">
                    <button type="button" class="button primary" id="print-summary" on:click=move |_| print_page()>
                        {ui("summary.print")}
                    </button>
                    <SaveFile />
                </div>
                <OpenFile />
            </section>

            <div class="summary-part" inner_html=head></div>
            <p class="no-print summary-change-values">
                <button type="button" class="link-button" id="summary-to-values"
                    on:click=move |_| state.go(Screen::Values)>
                    {ui("values.open")}
                </button>
            </p>
            <div class="summary-part" inner_html=options></div>

            <section class="summary-section summary-questions" aria-labelledby="summary-questions-title">
                <h2 id="summary-questions-title">{ui("results.questions")}</h2>
                <p>{ui("results.questions_intro")}</p>
                <PersonalList kind=ListKind::Questions sub=true />
                <div class="summary-part" inner_html=questions></div>
            </section>

            <PersonalList kind=ListKind::Notes />

            <div class="summary-part" inner_html=sources></div>

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
