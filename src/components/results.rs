//! The results screen: renders only the engine's evaluation of the profile.
//!
//! Order: urgent banner (if any red flag) · the decision, stated explicitly · "Likely to be
//! discussed" and "May be considered" in catalogue order (never a ranking) · safety notes ·
//! "Usually not used in your situation, and why" (collapsed) · questions for the care team ·
//! content date, engine version, edit button · urgent banner again.

use guide_content::render;
use guide_engine::{evaluate, Evaluation, OptionResult, Profile, ENGINE_VERSION};
use leptos::prelude::*;

use super::glossary::Glossed;
use super::my_notes::{ListKind, PersonalList};
use super::option_card::OptionCard;
use super::sources::{content, ui, ui_fill, UnverifiedFlag};
use super::urgent::UrgentBanner;
use crate::results_model::{gather_questions, group_by_level, Grouped, QuestionGroup};

/// The questions to ask for an evaluation: unknown answers first, then each shown option's
/// card questions (likely, then may be considered; catalogue order), without repeats.
pub fn questions_for(eval: &Evaluation) -> Vec<QuestionGroup> {
    let c = content();
    let from_answers = eval
        .questions
        .iter()
        .map(|q| render::question_to_ask(c, q))
        .collect();
    let grouped = group_by_level(&eval.options);
    let from_options = grouped
        .shown()
        .filter_map(|o| {
            let card = c.option(o.id.id())?;
            Some((o.id.id().to_string(), card.questions.clone()))
        })
        .collect();
    gather_questions(from_answers, from_options)
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
            let sources = (!sources.is_empty())
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

fn questions_section(groups: Vec<QuestionGroup>) -> impl IntoView {
    let c = content();
    let groups = groups
        .into_iter()
        .map(|g| {
            let heading = match &g.option {
                None => ui("results.questions_answers").to_string(),
                Some(id) => {
                    let name = c.option(id).map(|k| k.name.as_str()).unwrap_or(id);
                    ui_fill("results.questions_option", &[("name", name)])
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
        .collect_view();
    view! {
        <section class="care-questions" aria-labelledby="results-questions">
            <h2 id="results-questions">{ui("results.questions")}</h2>
            <p>{ui("results.questions_intro")}</p>
            {groups}
        </section>
    }
}

/// The results screen for a profile. `on_edit` goes back to the answers.
#[component]
pub fn Results(#[prop(into)] profile: Signal<Profile>, on_edit: Callback<()>) -> impl IntoView {
    let eval = Memo::new(move |_| profile.with(evaluate));
    let c = content();
    let body = move || {
        let e = eval.get();
        let Grouped { likely, may, not } = group_by_level(&e.options);
        let questions = questions_for(&e);
        view! {
            {level_group("LIKELY", "results.likely", "results.likely_help", &likely)}
            {level_group("MAY", "results.may", "results.may_help", &may)}
            {safety_notes(&e)}
            {not_group(&not)}
            {questions_section(questions)}
        }
    };
    // The person's own questions and notes, and the visit tools (summary, values, comparison).
    let tools = use_context::<super::AppState>().map(|state| {
        use crate::state::Screen;
        view! {
            <PersonalList kind=ListKind::Questions />
            <PersonalList kind=ListKind::Notes />
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
        <section class="results" aria-labelledby="results-title">
            <UrgentBanner profile=profile />
            <h1 id="results-title" tabindex="-1">{ui("results.title")}</h1>
            <div class="results-decision">
                <p>
                    <strong>{ui("results.decision")}</strong>
                </p>
                <ul>
                    <li>{ui("results.decision_local")}</li>
                    <li>{ui("results.decision_systemic")}</li>
                    <li>{ui("results.decision_trial")}</li>
                    <li>{ui("results.decision_comfort")}</li>
                </ul>
            </div>
            <p class="results-intro">{ui("results.intro")}</p>
            <p class="results-discuss">{ui("results.discuss")}</p>
            <p class="results-glossary-hint">{ui("glossary.hint")}</p>
            {body}
            {tools}
            <footer class="results-footer">
                <p class="results-content-date">
                    {ui_fill("results.content_date", &[("date", &c.meta.content_date)])}
                </p>
                <p class="results-engine-version">
                    {ui_fill("results.engine_version", &[("version", ENGINE_VERSION)])}
                </p>
                <button type="button" class="results-edit" on:click=move |_| on_edit.run(())>
                    {ui("results.edit")}
                </button>
            </footer>
            <UrgentBanner profile=profile repeat=true />
        </section>
    }
}
