//! Content pages (`about`, `living`, `trials`, `recurrence`, `urgent`) from `pages.json`, with
//! headings, glossary terms and sources. The `urgent` page starts with the §4 banner wording and
//! a short list of every red flag (from `red_flags.json`), then the page's own sections; `about`
//! also shows the content date and the engine version.

use guide_engine::{UrgentLevel, ENGINE_VERSION};
use leptos::prelude::*;

use super::glossary::Glossed;
use super::sources::SourceList;
use super::{content, ui, ui_with};
use crate::urgent_model::flags_of_level;

/// The urgent page's list: every red flag, grouped by §4 level (emergency services first, then
/// the crisis message, then the team), each level with its action and each sign with why it is
/// urgent and its sources. Written once in `red_flags.json`, like the banner.
fn red_flag_list() -> impl IntoView {
    let c = content();
    UrgentLevel::ORDER
        .into_iter()
        .map(|level| {
            let words = c.red_flags.level(level);
            let heading_id = format!("page-level-{}", level.id());
            // Its own copy: the view macro may take `id` before `aria-labelledby` (native builds).
            let labelled_by = heading_id.clone();
            let flags = flags_of_level(level)
                .into_iter()
                .map(|s| {
                    let f = c.red_flags.flags.get(s.id())?;
                    let escalate = f
                        .escalate
                        .clone()
                        .map(|e| view! { <p><strong class="urgent-escalate">{e}</strong></p> });
                    let sources = (!f.sources.is_empty())
                        .then(|| view! { <SourceList ids=f.sources.clone() /> });
                    Some(view! {
                        // Heading, why and sources come with the details (`red_flags_more.json`);
                        // the sign and what to do never wait.
                        <li class="red-flag" data-flag=s.id()>
                            {(!f.heading.is_empty()).then(|| view! { <h3>{f.heading.clone()}</h3> })}
                            <p>{f.label.clone()}</p>
                            {escalate}
                            {(!f.why.is_empty()).then(|| view! { <p>{f.why.clone()}</p> })}
                            {sources}
                        </li>
                    })
                })
                .collect_view();
            view! {
                <section class="page-section red-flags" data-level=level.id() aria-labelledby=labelled_by>
                    <h2 id=heading_id>{words.title}</h2>
                    <p class="urgent-text urgent-page-banner">{words.action}</p>
                    <ul class="red-flag-list">{flags}</ul>
                </section>
            }
        })
        .collect_view()
}

/// One content page.
#[component]
pub fn PageView(id: &'static str) -> impl IntoView {
    let c = content();
    let title_id = format!("page-{id}-title");
    let Some(page) = c.pages.get(id) else {
        return view! {
            <article class="content-page" data-page=id aria-labelledby=title_id>
                <h1 id=title_id.clone() tabindex="-1">{id}</h1>
                <p>{ui("page.missing")}</p>
                {(id == "urgent").then(red_flag_list)}
            </article>
        }
        .into_any();
    };
    let section_view = |(i, s): (usize, &guide_content::PageSection)| {
        let heading_id = format!("page-{id}-{i}");
        let paragraphs = s
            .paragraphs
            .iter()
            .map(|p| view! { <p><Glossed text=p.clone() /></p> })
            .collect_view();
        let sources = (!s.sources.is_empty()).then(|| {
            view! {
                <div class="page-sources">
                    <h3>{ui("page.sources")}</h3>
                    <SourceList ids=s.sources.clone() />
                </div>
            }
        });
        view! {
            <section class="page-section" aria-labelledby=heading_id>
                <h2 id=heading_id.clone()>{s.heading.clone()}</h2>
                {paragraphs}
                {sources}
            </section>
        }
    };
    // The urgent page: its first section (what to do when unsure) comes before the red flags.
    let split = if id == "urgent" {
        1.min(page.sections.len())
    } else {
        0
    };
    let first = page.sections[..split]
        .iter()
        .enumerate()
        .map(section_view)
        .collect_view();
    let sections = page.sections[split..]
        .iter()
        .enumerate()
        .map(|(i, s)| section_view((i + split, s)))
        .collect_view();
    let about = (id == "about").then(|| {
        view! {
            <p class="page-content-date">
                {ui_with("review.statement", &[("date", &c.meta.content_date)])}
            </p>
            <super::welcome::TranslationNote />
            <p class="page-engine-version">
                {ui_with("page.engine_version", &[("version", ENGINE_VERSION)])}
            </p>
        }
    });
    view! {
        <article class="content-page" data-page=id aria-labelledby=title_id>
            <h1 id=title_id.clone() tabindex="-1">{page.title.clone()}</h1>
            {first}
            {(id == "urgent").then(red_flag_list)}
            {sections}
            {about}
        </article>
    }
    .into_any()
}
