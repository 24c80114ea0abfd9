//! Shared pieces of the results and pages: the "not yet checked by a clinician" flag and the
//! offline source list. (The content and UI words helpers are in `components/mod.rs`.)

use leptos::prelude::*;

use super::details::DetailsGate;
use super::{content, ui};

/// The "not yet checked by a clinician" flag of one statement: for reviewers only (review mode,
/// `?review=1`). Patients see one honest statement about review instead (issue 11).
#[component]
pub fn UnverifiedFlag() -> impl IntoView {
    crate::embed_web::is_review()
        .then(|| view! { <span class="unverified-flag">{ui("card.unverified")}</span> })
}

/// A list of sources by ID: the title as a link (opened in a new tab only when tapped; nothing
/// is fetched before), then publisher or journal and year. Review mode adds the source ID, its
/// kind and the reviewer's note on how it was read. The sources come with the option cards after
/// the first screen: until then a short waiting line (`DetailsGate`).
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
    let review = crate::embed_web::is_review();
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
                .filter(|k| review || matches!(k.as_str(), "news report" | "podcast summary"))
                .map(|k| view! { " " <span class="source-kind">"(" {k} ")"</span> });
            let reviewer = review.then(|| {
                view! {
                    <span class="source-id">{id.clone()}</span>
                    " "
                    {s.review_note.clone().map(|n| view! { <span class="source-note">{n}</span> })}
                }
            });
            Some(view! {
                <li class="source" data-source=id.clone()>
                    <a class="source-title" href=s.url.clone() target="_blank" rel="noopener noreferrer">{s.title.clone()}</a>
                    ". "
                    <span class="source-publisher">{s.publisher.clone()}</span>
                    ", "
                    <span class="source-date">{year}</span>
                    "."
                    {kind}
                    " "
                    {reviewer}
                </li>
            })
        })
        .collect_view();
    view! { <ul class="source-list">{items}</ul> }
}
