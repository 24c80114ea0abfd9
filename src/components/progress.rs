//! "Part 2 of 5: Your treatments" with a bar. Progress is by the fixed parts of the flow
//! (`guide_engine::flow::part`), so it never grows or jumps back as answers open or close
//! questions (issue 10).

use leptos::prelude::*;

use super::{ui, ui_with};
use crate::flow::{part, Step};

/// The words of the progress line for `step` (also what the screen change announces).
pub fn progress_text(step: Step) -> String {
    let (p, n, total) = part(step);
    ui_with(
        "question.progress",
        &[
            ("n", &n.to_string()),
            ("total", &total.to_string()),
            ("part", ui(part_key(p))),
        ],
    )
}

/// The UI key of a part's name (`part.<id>`), written out so the UI-key test finds each one.
fn part_key(p: guide_engine::Part) -> &'static str {
    use guide_engine::Part;
    match p {
        Part::Cancer => "part.cancer",
        Part::Treatments => "part.treatments",
        Part::Tests => "part.tests",
        Part::Health => "part.health",
        Part::Now => "part.now",
    }
}

#[component]
pub fn Progress(step: Step) -> impl IntoView {
    let (_, n, total) = part(step);
    view! {
        <div class="progress">
            <p class="progress-text" id="progress-text">{progress_text(step)}</p>
            // The text says it all; the bar is for the eye only.
            <progress class="progress-bar" aria-hidden="true" max=total value=n></progress>
        </div>
    }
}
