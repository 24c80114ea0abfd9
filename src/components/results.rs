//! The results screen: renders only the engine's evaluation of the profile.
//!
//! The answer first (issue 10): urgent help (if any red flag) · the title · when answers were
//! "not sure", that the list is general and which answers would change it most · at a glance:
//! the names of the options likely to be discussed (links to their cards), how many more may be
//! considered, and what to do next (the one-page summary, own questions) · one statement (not
//! advice, not a ranking, approvals differ) · the cards, collapsed, in catalogue order (never a
//! ranking) · safety notes · "Usually not used" for the person's type (collapsed) · questions for
//! the care team (at most 10, the rest behind "More questions") · the person's own questions and
//! notes · visit tools · dates, the review statement · urgent help again.

use guide_content::render;
use guide_engine::{Evaluation, OptionResult, Profile, ENGINE_VERSION};
use leptos::prelude::*;

use super::glossary::Glossed;
use super::my_notes::{ListKind, PersonalList};
use super::option_card::OptionCard;
use super::sources::UnverifiedFlag;
use super::urgent::UrgentBanner;
use super::{content, ui, ui_with};
use crate::results_model::{group_by_level, not_for_type, split_questions, Grouped, QuestionGroup};

/// The questions to ask for an evaluation: unknown answers first, then each shown option's
/// card questions (likely, then may be considered; catalogue order), without repeats; the same
/// as the printed summary's (`summary_model::generated_questions`).
pub fn questions_for(eval: &Evaluation) -> Vec<QuestionGroup> {
    crate::summary_model::generated_questions(content(), eval)
}

fn cards(options: &[&OptionResult]) -> impl IntoView {
    options
        .iter()
        .map(|o| view! { <li class="option-item"><OptionCard result=(*o).clone() /></li> })
        .collect_view()
}

/// One level group ("Likely to be discussed", "May be considered").
fn level_group(
    level: &'static str,
    title: &'static str,
    help: &'static str,
    options: &[&OptionResult],
) -> impl IntoView {
    let heading_id = format!("results-{}", level.to_ascii_lowercase());
    let body = if options.is_empty() {
        view! { <p class="results-empty">{ui("results.none_in_group")}</p> }.into_any()
    } else {
        view! { <ul class="option-list" role="list">{cards(options)}</ul> }.into_any()
    };
    view! {
        <section class="level-group" data-level=level aria-labelledby=heading_id>
            <h2 id=heading_id.clone()>{ui(title)}</h2>
            <p class="level-help">{ui(help)}</p>
            {body}
        </section>
    }
}

/// "May be considered", folded: the glance names how many, and its link opens it (issue 10:
/// the likely options first, the rest on request). Open when nothing is likely.
fn may_group(options: &[&OptionResult], open: bool) -> impl IntoView {
    (!options.is_empty()).then(|| {
        view! {
            <section class="level-group" data-level="MAY" aria-labelledby="results-may">
                <details class="may-group" id="may-details" open=open>
                    <summary>
                        <h2 id="results-may">
                            {ui("results.may")}
                            " "
                            <span class="not-group-count">"(" {options.len()} ")"</span>
                        </h2>
                    </summary>
                    <p class="level-help">{ui("results.may_help")}</p>
                    <ul class="option-list" role="list">{cards(options)}</ul>
                </details>
            </section>
        }
    })
}

fn safety_notes(eval: &Evaluation) -> impl IntoView {
    let c = content();
    let items = eval
        .notes
        .iter()
        .map(|n| {
            let text = render::note_text(c, n);
            let (unverified, sources) = match c.notes.get(*n) {
                Some(t) => (t.unverified, t.sources.join(", ")),
                None => (false, String::new()),
            };
            // Source IDs are for reviewers (`?review=1`, issue 11); patients read the sources on
            // the cards.
            let sources = (crate::embed_web::is_review() && !sources.is_empty())
                .then(|| view! { " " <span class="note-sources">"(" {sources} ")"</span> });
            view! {
                <li class="safety-note" data-note=*n>
                    <Glossed text=text />
                    {unverified.then(|| view! { " " <UnverifiedFlag /> })}
                    {sources}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="safety-notes" aria-labelledby="results-notes">
            <h2 id="results-notes">{ui("results.notes")}</h2>
            <ul>{items}</ul>
        </section>
    }
}

fn not_group(options: &[&OptionResult]) -> impl IntoView {
    (!options.is_empty()).then(|| {
        view! {
            <details class="not-group" data-level="NOT">
                <summary>
                    <span class="not-group-title">{ui("results.not")}</span>
                    " "
                    <span class="not-group-count">"(" {options.len()} ")"</span>
                </summary>
                <p class="level-help">{ui("results.not_help")}</p>
                <ul class="option-list" role="list">{cards(options)}</ul>
            </details>
        }
    })
}

fn question_groups(groups: Vec<QuestionGroup>) -> impl IntoView {
    let c = content();
    groups
        .into_iter()
        .map(|g| {
            let heading = match &g.option {
                None => ui("results.questions_answers").to_string(),
                Some(id) => {
                    let name = c.option(id).map(|k| k.name.as_str()).unwrap_or(id);
                    ui_with("results.questions_option", &[("name", name)])
                }
            };
            let items = g
                .questions
                .into_iter()
                .map(|q| view! { <li>{q}</li> })
                .collect_view();
            view! {
                <div class="question-group" data-option=g.option.clone().unwrap_or_default()>
                    <h3>{heading}</h3>
                    <ul>{items}</ul>
                </div>
            }
        })
        .collect_view()
}

/// Questions for the care team: at most [`QUESTIONS_SHOWN`] at once (unknown answers first),
/// the rest behind "More questions".
const QUESTIONS_SHOWN: usize = 10;

fn questions_section(groups: Vec<QuestionGroup>) -> impl IntoView {
    let (shown, more) = split_questions(groups, QUESTIONS_SHOWN);
    let more_count: usize = more.iter().map(|g| g.questions.len()).sum();
    let more = (more_count > 0).then(|| {
        view! {
            <details class="more-questions">
                <summary>{ui_with("results.more_questions", &[("count", &more_count.to_string())])}</summary>
                {question_groups(more)}
            </details>
        }
    });
    view! {
        <section class="care-questions" aria-labelledby="results-questions">
            <h2 id="results-questions">{ui("results.questions")}</h2>
            <p>{ui("results.questions_intro")}</p>
            {question_groups(shown)}
            {more}
        </section>
    }
}

/// When unknown answers changed the list: say so first, and name the answers that would change
/// it most (the engine's questions for the care team, in its order; at most three).
fn unknowns(eval: &Evaluation) -> impl IntoView {
    let items: Vec<String> = eval
        .questions
        .iter()
        .take(3)
        .map(|q| super::question_text(q))
        .collect();
    (!items.is_empty()).then(|| {
        let items = items
            .into_iter()
            .map(|q| view! { <li>{q}</li> })
            .collect_view();
        view! {
            <div class="results-unknowns">
                <p>{ui("results.unknowns")}</p>
                <ul>{items}</ul>
            </div>
        }
    })
}

/// The first screen: the names of the options likely to be discussed (links to their cards),
/// how many more may be considered, and the two next steps.
fn at_a_glance(likely: &[&OptionResult], may: usize) -> impl IntoView {
    let c = content();
    let names = likely
        .iter()
        .map(|o| {
            let id = o.id.id();
            let name = c
                .option(id)
                .map(|k| k.name.clone())
                .unwrap_or_else(|| id.to_owned());
            view! { <li><a href=format!("#option-{id}")>{name}</a></li> }
        })
        .collect_view();
    let likely_part = if likely.is_empty() {
        view! { <p>{ui("results.glance_none")}</p> }.into_any()
    } else {
        view! {
            <p class="glance-label">{ui("results.glance_likely")}</p>
            <ul class="glance-list">{names}</ul>
        }
        .into_any()
    };
    let may_line = match may {
        0 => None,
        1 => Some(ui("results.glance_may_one").to_owned()),
        n => Some(ui_with("results.glance_may", &[("count", &n.to_string())])),
    }
    .map(|t| {
        // The group is folded: the link opens it too.
        let open = |_| {
            if let Some(d) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id("may-details"))
            {
                let _ = d.set_attribute("open", "");
            }
        };
        view! { <p><a href="#results-may" on:click=open>{t}</a></p> }
    });
    let next = use_context::<super::AppState>().map(|state| {
        use crate::state::Screen;
        let to_questions = move |_| {
            let input = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id("own-questions-input"));
            // The own questions and notes are folded away: open them first.
            if let Some(d) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id("own-details"))
            {
                let _ = d.set_attribute("open", "");
            }
            if let Some(el) = input {
                el.scroll_into_view();
                let _ = web_sys::wasm_bindgen::JsCast::unchecked_ref::<web_sys::HtmlElement>(&el).focus();
            }
        };
        view! {
            <h2 class="glance-next" id="results-next">{ui("results.next")}</h2>
            <div class="actions">
                <button type="button" class="button primary" id="glance-summary"
                    on:click=move |_| state.go(Screen::Summary)>{ui("results.next_summary")}</button>
                <button type="button" class="button secondary" id="glance-questions"
                    on:click=to_questions>{ui("results.next_questions")}</button>
            </div>
        }
    });
    view! {
        <section class="results-glance" aria-labelledby="results-glance-title">
            <h2 id="results-glance-title" class="visually-hidden">{ui("results.at_a_glance")}</h2>
            {likely_part}
            {may_line}
            {next}
        </section>
    }
}

/// Review mode: what the engine derived from the answers.
fn review_panel(eval: &Evaluation) -> impl IntoView {
    let html = crate::review_html::panel(eval);
    view! {
        <section class="review-panel" aria-labelledby="review-panel-title">
            <h2 id="review-panel-title">{ui("review.panel")}</h2>
            <div inner_html=html></div>
        </section>
    }
}

/// The results screen for a profile. `on_edit` goes back to the answers.
#[component]
pub fn Results(#[prop(into)] profile: Signal<Profile>, on_edit: Callback<()>) -> impl IntoView {
    let eval = super::AppState::get().evaluation;
    let c = content();
    let review = crate::embed_web::is_review();
    let top = move || {
        let e = eval.get();
        let g = group_by_level(&e.options);
        view! {
            {unknowns(&e)}
            {at_a_glance(&g.likely, g.may.len())}
            {review.then(|| review_panel(&e))}
        }
    };
    let body = move || {
        let e = eval.get();
        let Grouped { likely, may, not } = group_by_level(&e.options);
        let not = not_for_type(not, profile.with(|p| p.histology));
        let questions = questions_for(&e);
        view! {
            {level_group("LIKELY", "results.likely", "results.likely_help", &likely)}
            {may_group(&may, likely.is_empty())}
            {safety_notes(&e)}
            {not_group(&not)}
            {questions_section(questions)}
        }
    };
    // The person's own questions and notes, and the visit tools (summary, values, comparison).
    let tools = use_context::<super::AppState>().map(|state| {
        use crate::state::Screen;
        let has_own = state
            .personal
            .with_untracked(|p| !p.own_questions.is_empty() || !p.notes.is_empty());
        view! {
            // Folded unless the person has written some (issue 10: a short results page).
            <details class="own-details" id="own-details" open=has_own>
                <summary>{ui("results.own")}</summary>
                <PersonalList kind=ListKind::Questions />
                <PersonalList kind=ListKind::Notes />
            </details>
            <section class="results-tools" aria-labelledby="results-tools-title">
                <h2 id="results-tools-title">{ui("results.tools")}</h2>
                <div class="actions">
                    <button type="button" class="button primary" id="open-summary"
                        on:click=move |_| state.go(Screen::Summary)>{ui("summary.open")}</button>
                    <button type="button" class="button secondary" id="open-values"
                        on:click=move |_| state.go(Screen::Values)>{ui("values.open")}</button>
                    <button type="button" class="button secondary" id="open-compare"
                        on:click=move |_| state.go(Screen::Compare)>{ui("compare.open")}</button>
                    <button type="button" class="button secondary" id="open-catalogue"
                        on:click=move |_| state.open_aside(Screen::Catalogue)>{ui("catalogue.open")}</button>
                </div>
            </section>
        }
    });
    view! {
        <section class="results" class:review-mode=review aria-labelledby="results-title">
            <UrgentBanner profile=profile />
            <h1 id="results-title" tabindex="-1">{ui("results.title")}</h1>
            {top}
            <p class="results-intro">{ui("results.statement")}</p>
            {body}
            {tools}
            <footer class="results-footer">
                <p class="results-review-statement">
                    {ui_with("review.statement", &[("date", &c.meta.content_date)])}
                </p>
                <p class="results-engine-version">
                    {ui_with("results.engine_version", &[("version", ENGINE_VERSION)])}
                </p>
                <p class="results-glossary-hint">{ui("glossary.hint")}</p>
                <button type="button" class="results-edit" on:click=move |_| on_edit.run(())>
                    {ui("results.edit")}
                </button>
            </footer>
            <UrgentBanner profile=profile repeat=true />
        </section>
    }
}
