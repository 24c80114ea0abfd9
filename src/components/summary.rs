//! The visit summary: one printable page to take to the appointment (`summary_model::build`).
//!
//! Order: title and date · actions (print, save as file, open a saved file; not printed) ·
//! "not medical advice" · the decision · urgent symptoms (if any) · the answers · what matters
//! to the person · options by group with why each was shown and (in the person's emphasis) what
//! it is like and common side effects · safety notes · options usually not used, and why ·
//! questions (their own, then the generated ones) · their notes · sources · content date,
//! engine version. The print stylesheet is `style/summary.css`.

use leptos::prelude::*;

use super::file_tools::{today_iso, OpenFile, SaveFile};
use super::my_notes::{ListKind, PersonalList};
use super::urgent::UrgentBanner;
use super::{content, ui, ui_with, AppState};
use crate::results_model::QuestionGroup;
use crate::state::Screen;
use crate::summary_model::{build, SummaryModel, SummaryOption};

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

fn option_view(o: SummaryOption) -> impl IntoView {
    let facts = o
        .facts
        .into_iter()
        .map(|f| {
            let heading = ui(f.field.ui_key());
            let body = if f.texts.len() == 1 && f.field.ui_key() == "card.like" {
                view! { <p>{f.texts[0].clone()}</p> }.into_any()
            } else {
                view! {
                    <ul>{f.texts.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
                }
                .into_any()
            };
            view! {
                <div class="summary-fact" data-field=heading>
                    <h5>{heading}</h5>
                    {body}
                </div>
            }
        })
        .collect_view();
    let reasons = o
        .reasons
        .into_iter()
        .map(|r| view! { <li>{r}</li> })
        .collect_view();
    view! {
        <li class="summary-option" data-option=o.id.clone() data-level=o.level.id()>
            <h4 class="summary-option-name">{o.name.clone()}</h4>
            {(!o.summary.is_empty()).then(|| view! { <p>{o.summary.clone()}</p> })}
            <h5>{ui("card.why")}</h5>
            <ul class="summary-why">{reasons}</ul>
            {facts}
        </li>
    }
}

fn option_group(
    title: &'static str,
    help: &'static str,
    options: Vec<SummaryOption>,
) -> impl IntoView {
    let body = if options.is_empty() {
        view! { <p>{ui("results.none_in_group")}</p> }.into_any()
    } else {
        view! {
            <ul class="summary-options" role="list">
                {options.into_iter().map(option_view).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <div class="summary-group">
            <h3>{ui(title)}</h3>
            <p class="level-help">{ui(help)}</p>
            {body}
        </div>
    }
}

fn generated_questions(groups: Vec<QuestionGroup>) -> impl IntoView {
    let c = content();
    groups
        .into_iter()
        .map(|g| {
            let heading = match &g.option {
                None => ui("results.questions_answers").to_owned(),
                Some(id) => {
                    let name = c.option(id).map(|k| k.name.as_str()).unwrap_or(id);
                    ui_with("results.questions_option", &[("name", name)])
                }
            };
            view! {
                <div class="question-group">
                    <h3>{heading}</h3>
                    <ul>{g.questions.into_iter().map(|q| view! { <li>{q}</li> }).collect_view()}</ul>
                </div>
            }
        })
        .collect_view()
}

fn values_view(m: &SummaryModel) -> impl IntoView {
    let state = AppState::get();
    let nothing = m.goal.is_none() && m.values.is_empty() && m.other_values.is_empty();
    let goal = m.goal.clone().map(|g| {
        view! {
            <div class="summary-row">
                <dt>{super::question_text("goals")}</dt>
                <dd>{g}</dd>
            </div>
        }
    });
    let rows = m
        .values
        .iter()
        .map(|v| {
            view! {
                <div class="summary-row" data-values=v.id.clone()>
                    <dt>{v.question.clone()}</dt>
                    <dd>{v.answer.clone()}</dd>
                </div>
            }
        })
        .collect_view();
    let other = (!m.other_values.is_empty()).then(|| {
        view! {
            <div class="summary-row">
                <dt>{ui("values.other")}</dt>
                <dd class="summary-own-words">{m.other_values.clone()}</dd>
            </div>
        }
    });
    let emphasis_note = (!m.values.is_empty()).then(|| view! { <p>{ui("summary.emphasis")}</p> });
    view! {
        <section class="summary-section summary-values" aria-labelledby="summary-values-title">
            <h2 id="summary-values-title">{ui("summary.values")}</h2>
            {nothing.then(|| view! { <p>{ui("summary.values_none")}</p> })}
            <dl class="summary-list">{goal}{rows}{other}</dl>
            {emphasis_note}
            <p class="no-print">
                <button type="button" class="link-button" id="summary-to-values"
                    on:click=move |_| state.go(Screen::Values)>
                    {ui("values.open")}
                </button>
            </p>
        </section>
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

    // Only the engine's part re-renders from the model; the person's own lists are live
    // components (so typing a note does not rebuild the page under the cursor).
    let answers = move || {
        model.with(|m| {
            m.answers
                .iter()
                .map(|row| {
                    let answer = if row.lines.is_empty() {
                        view! { <span class="not-answered">{ui("review.not_answered")}</span> }.into_any()
                    } else if row.lines.len() == 1 {
                        row.lines[0].clone().into_any()
                    } else {
                        view! {
                            <ul class="answer-list">
                                {row.lines.iter().map(|l| view! { <li>{l.clone()}</li> }).collect_view()}
                            </ul>
                        }
                        .into_any()
                    };
                    view! {
                        <div class="summary-row" data-step=row.question_id.clone()>
                            <dt>{row.question.clone()}</dt>
                            <dd>{answer}</dd>
                        </div>
                    }
                })
                .collect_view()
        })
    };
    let values = move || model.with(values_view);
    let options = move || {
        let m = model.get();
        view! {
            {option_group("results.likely", "results.likely_help", m.likely)}
            {option_group("results.may", "results.may_help", m.may)}
        }
    };
    let safety = move || {
        let notes = model.with(|m| m.safety_notes.clone());
        (!notes.is_empty()).then(|| {
            view! {
                <section class="summary-section" aria-labelledby="summary-notes-title">
                    <h2 id="summary-notes-title">{ui("results.notes")}</h2>
                    <ul>{notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                </section>
            }
        })
    };
    let not_shown = move || {
        let list = model.with(|m| m.not_shown.clone());
        (!list.is_empty()).then(|| {
            let items = list
                .into_iter()
                .map(|o| {
                    view! {
                        <li data-option=o.id.clone() data-level="NOT">
                            <strong>{o.name}</strong>": "
                            {o.reasons.join(" ")}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="summary-section summary-not" aria-labelledby="summary-not-title">
                    <h2 id="summary-not-title">{ui("results.not")}</h2>
                    <p>{ui("results.not_help")}</p>
                    <ul>{items}</ul>
                </section>
            }
        })
    };
    let questions = move || model.with(|m| generated_questions(m.generated_questions.clone()));
    let sources = move || {
        model.with(|m| {
            m.sources
                .iter()
                .map(|s| {
                    let text = if s.text.is_empty() {
                        ui("card.source_missing").to_owned()
                    } else {
                        s.text.clone()
                    };
                    view! {
                        <li data-source=s.id.clone()>
                            <span class="source-id">{s.id.clone()}</span>" "{text}
                        </li>
                    }
                })
                .collect_view()
        })
    };

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

            <section class="summary-section summary-decision" aria-labelledby="summary-decision-title">
                <h2 id="summary-decision-title">{ui("summary.decision")}</h2>
                <p>{ui("results.decision")}</p>
                <ul>
                    <li>{ui("results.decision_local")}</li>
                    <li>{ui("results.decision_systemic")}</li>
                    <li>{ui("results.decision_trial")}</li>
                    <li>{ui("results.decision_comfort")}</li>
                </ul>
            </section>

            <UrgentBanner profile=Signal::from(state.profile) />

            <section class="summary-section summary-answers" aria-labelledby="summary-answers-title">
                <h2 id="summary-answers-title">{ui("summary.answers")}</h2>
                <dl class="summary-list">{answers}</dl>
            </section>

            {values}

            <section class="summary-section summary-options" aria-labelledby="summary-options-title">
                <h2 id="summary-options-title">{ui("results.title")}</h2>
                <p>{ui("results.intro")}</p>
                {options}
            </section>

            {safety}
            {not_shown}

            <section class="summary-section summary-questions" aria-labelledby="summary-questions-title">
                <h2 id="summary-questions-title">{ui("results.questions")}</h2>
                <p>{ui("results.questions_intro")}</p>
                <PersonalList kind=ListKind::Questions sub=true />
                {questions}
            </section>

            <PersonalList kind=ListKind::Notes />

            <section class="summary-section summary-sources" aria-labelledby="summary-sources-title">
                <h2 id="summary-sources-title">{ui("page.sources")}</h2>
                <ul class="source-list">{sources}</ul>
            </section>

            <footer class="summary-footer">
                <p class="summary-content-date">{ui_with("results.content_date", &[("date", &c.meta.content_date)])}</p>
                <p class="summary-engine-version">{ui_with("results.engine_version", &[("version", guide_engine::ENGINE_VERSION)])}</p>
                <p><strong>{ui("summary.not_advice")}</strong></p>
            </footer>

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
