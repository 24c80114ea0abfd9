//! "Question 4 of 12" with a bar. The numbers come from `flow::progress`, so they follow the
//! branching (answers can add or remove questions).

use leptos::prelude::*;

use super::{ui_with, AppState};
use crate::flow::{progress, Step};

#[component]
pub fn Progress(step: Step) -> impl IntoView {
    let state = AppState::get();
    let numbers = Memo::new(move |_| state.answers.with(|a| progress(a.profile(), step)));
    let text = move || {
        let (n, total) = numbers.get();
        ui_with(
            "question.progress",
            &[("n", &n.to_string()), ("total", &total.to_string())],
        )
    };
    view! {
        <div class="progress">
            <p class="progress-text" id="progress-text">{text}</p>
            // The text says it all; the bar is for the eye only.
            <progress class="progress-bar" aria-hidden="true"
                max=move || numbers.get().1 value=move || numbers.get().0></progress>
        </div>
    }
}
