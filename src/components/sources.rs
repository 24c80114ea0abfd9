//! Shared pieces of the results and pages: the content of the current language, UI strings,
//! the "not yet checked by a clinician" flag and the offline source list.

use guide_content::Content;
use leptos::prelude::*;

use super::details::DetailsGate;

/// The content of the language the screens are in (`crate::lang::current`).
pub fn content() -> &'static Content {
    Content::get(crate::lang::current())
}

/// A UI string of the current language (its key if missing; a test checks none is).
pub fn ui(key: &'static str) -> &'static str {
    content().ui(key)
}

/// A UI string with `{name}` placeholders filled.
pub fn ui_fill(key: &'static str, vars: &[(&str, &str)]) -> String {
    crate::results_model::fill(ui(key), vars)
}

/// Where a statement is not yet checked by a clinician. Patients see one statement about review
/// instead (issue 11: per-item badges frighten and cannot be acted on); the flags stay in the data
/// and reviewers read them with `guide explain` and `guide export-content` (docs/review.md). So
/// this renders nothing on patient screens; it marks the places a reviewer view would use.
#[component]
pub fn UnverifiedFlag() -> impl IntoView {}

/// A list of sources by ID: the title as a link (opened in a new tab only when tapped; nothing
/// is fetched before), then publisher or journal and year, and what kind of source it is where it
/// is not a primary one (news report). How each was read is for reviewers (`review_note`, in
/// `guide export-content`). The sources come with the option cards after the first screen: until
/// then a short waiting line (`DetailsGate`).
#[component]
pub fn SourceList(ids: Vec<String>) -> impl IntoView {
    view! {
        <DetailsGate waiting="details.loading_sources">
            {source_items(ids.clone())}
        </DetailsGate>
    }
}

fn source_items(ids: Vec<String>) -> impl IntoView {
    let c = content();
    let items = ids
        .into_iter()
        .filter_map(|id| {
            let s = c.sources.get(&id)?;
            let year = s
                .year
                .map(|y| y.to_string())
                .unwrap_or_else(|| s.date.clone());
            // News reports and other secondary kinds say what they are.
            let kind = s
                .kind
                .clone()
                .filter(|k| matches!(k.as_str(), "news report" | "podcast summary"))
                .map(|k| view! { " " <span class="source-kind">"(" {k} ")"</span> });
            Some(view! {
                <li class="source" data-source=id.clone()>
                    <a class="source-title" href=s.url.clone() target="_blank" rel="noopener noreferrer">{s.title.clone()}</a>
                    ". "
                    <span class="source-publisher">{s.publisher.clone()}</span>
                    ", "
                    <span class="source-date">{year}</span>
                    "."
                    {kind}
                </li>
            })
        })
        .collect_view();
    view! { <ul class="source-list">{items}</ul> }
}
