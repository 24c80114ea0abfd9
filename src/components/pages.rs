//! Content pages (`about`, `living`, `trials`, `recurrence`, `urgent`) from `pages.json`, with
//! headings, glossary terms and sources. The `urgent` page starts with the §4 banner wording and
//! a short list of every red flag (from `red_flags.json`), then the page's own sections; `about`
//! also shows the content date and the engine version.

use guide_engine::{Symptom, ENGINE_VERSION};
use leptos::prelude::*;

use super::glossary::Glossed;
use super::sources::{content, ui, ui_fill, SourceList, UnverifiedFlag};

fn red_flag_list() -> impl IntoView {
    let c = content();
    let items = Symptom::RED_FLAGS
        .iter()
        .map(|s| {
            let (label, unverified) = match c.red_flags.flags.get(s.id()) {
                Some(f) => (f.label.clone(), f.unverified),
                None => (s.id().to_string(), false),
            };
            view! {
                <li class="red-flag" data-flag=s.id()>
                    {label}
                    {unverified.then(|| view! { " " <UnverifiedFlag /> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="page-section red-flags" aria-labelledby="page-red-flags">
            <h2 id="page-red-flags">{ui("page.red_flags")}</h2>
            <p class="urgent-text urgent-page-banner">{c.red_flags.banner.clone()}</p>
            <ul>{items}</ul>
        </section>
    }
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
    let sections = page
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| {
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
        })
        .collect_view();
    let about = (id == "about").then(|| {
        view! {
            <p class="page-content-date">
                {ui_fill("page.content_date", &[("date", &c.meta.content_date)])}
            </p>
            <p class="page-engine-version">
                {ui_fill("page.engine_version", &[("version", ENGINE_VERSION)])}
            </p>
        }
    });
    view! {
        <article class="content-page" data-page=id aria-labelledby=title_id>
            <h1 id=title_id.clone() tabindex="-1">{page.title.clone()}</h1>
            {(id == "urgent").then(red_flag_list)}
            {sections}
            {about}
        </article>
    }
    .into_any()
}
