//! Shared pieces of the results and pages: the content of the current language, UI strings,
//! the "not yet checked by a clinician" flag and the offline source list.

use guide_content::{Content, Lang};
use leptos::prelude::*;

use super::details::DetailsGate;

/// The content of the language in context (`provide_context(Lang::..)`), English otherwise.
pub fn content() -> &'static Content {
    Content::get(use_context::<Lang>().unwrap_or(Lang::En))
}

/// A UI string of the current language (its key if missing; a test checks none is).
pub fn ui(key: &'static str) -> &'static str {
    content().ui(key)
}

/// A UI string with `{name}` placeholders filled.
pub fn ui_fill(key: &'static str, vars: &[(&str, &str)]) -> String {
    crate::results_model::fill(ui(key), vars)
}

/// The "not yet checked by a clinician" flag, placed after a heading or statement.
#[component]
pub fn UnverifiedFlag() -> impl IntoView {
    view! { <span class="unverified-flag">{ui("card.unverified")}</span> }
}

/// A list of sources by ID: "S1 · title. publisher, date. URL" (URL as text: readable offline,
/// nothing fetched). Unknown IDs are listed by ID with a short note. The sources come with the
/// option cards after the first screen: until then a short waiting line (`DetailsGate`).
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
        .map(|id| {
            let body = match c.sources.get(&id) {
                Some(s) => {
                    // `review_note` is for reviewers (issue 11): not on patient screens.
                    view! {
                        <span class="source-title">{s.title.clone()}</span>
                        ". "
                        <span class="source-publisher">{s.publisher.clone()}</span>
                        ", "
                        <span class="source-date">{s.date.clone()}</span>
                        ". "
                        <span class="source-url">{s.url.clone()}</span>
                    }
                    .into_any()
                }
                None => view! { <span class="source-missing">{ui("card.source_missing")}</span> }
                    .into_any(),
            };
            view! {
                <li class="source" data-source=id.clone()>
                    <span class="source-id">{id.clone()}</span>
                    " "
                    {body}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="source-list">{items}</ul> }
}
