//! Check your answers: every question asked, its answer in plain words, and a Change button
//! that opens the question and comes back here. Then "See options".

use leptos::prelude::*;

use super::{content, question_text, ui, AppState};
use crate::flow::asked_steps;
use crate::state::{Answers, Screen};

#[component]
pub fn Review() -> impl IntoView {
    let state = AppState::get();
    let rows = move || {
        let answers = Answers::from_profile(state.profile.get());
        asked_steps(answers.profile())
            .into_iter()
            .map(|step| {
                let qid = step.id();
                let lines = crate::summary_model::answer_lines(content(), step, &answers);
                let answer = if lines.is_empty() {
                    view! { <span class="not-answered">{ui("review.not_answered")}</span> }.into_any()
                } else if lines.len() == 1 {
                    lines[0].clone().into_any()
                } else {
                    view! {
                        <ul class="answer-list">
                            {lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                        </ul>
                    }
                    .into_any()
                };
                let text = question_text(qid);
                let edit = move |_| {
                    state.editing.set(true);
                    // The screen that asks it (some screens ask several questions).
                    state
                        .screen
                        .set(Screen::Question(crate::flow::screen_lead(step)));
                };
                view! {
                    <div class="review-row" data-step=qid>
                        <dt>{text.clone()}</dt>
                        <dd class="review-answer">{answer}</dd>
                        <dd class="review-edit">
                            <button type="button" class="link-button" id=format!("edit-{qid}") on:click=edit>
                                {ui("review.edit")}
                                <span class="visually-hidden">": " {text}</span>
                            </button>
                        </dd>
                    </div>
                }
            })
            .collect_view()
    };

    view! {
        <div class="review">
            <h1 tabindex="-1">{ui("review.heading")}</h1>
            <p>{ui("review.intro")}</p>
            <dl class="review-list">{rows}</dl>
            <div class="actions">
                <button type="button" class="button primary" id="see-options"
                    on:click=move |_| state.go(Screen::Results)>
                    {ui("review.see_options")}
                </button>
                <button type="button" class="button secondary" id="review-summary"
                    on:click=move |_| state.go(Screen::Summary)>
                    {ui("summary.open")}
                </button>
            </div>
        </div>
    }
}
