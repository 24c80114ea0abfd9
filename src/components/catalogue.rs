//! "Every treatment in this guide": the whole catalogue of the reference's §2 by section, never
//! tied to the person's answers (IPDAS: the options a person's results leave out can still be
//! read). Each option is a disclosure with the same parts as its card on the results (summary,
//! parts 2 to 6, sources, review date), in catalogue order; nothing is ranked or advised.
//! Prompts and family headings (§2G) are not treatments and are left out.

use guide_engine::{Family, OptionId};
use leptos::prelude::*;

use super::glossary::{GlossScope, Glossed};
use super::option_card::{card_facts, field_heading};
use super::sources::{SourceList, UnverifiedFlag};
use super::AppState;
use super::{content, ui, ui_with};
use crate::state::Screen;

/// The sections shown, in §2 order, with the UI key of their heading.
pub const SECTIONS: [(Family, &str); 6] = [
    (Family::Local, "catalogue.family.local"),
    (Family::Targeted, "catalogue.family.targeted"),
    (Family::Immunotherapy, "catalogue.family.immunotherapy"),
    (Family::Chemo, "catalogue.family.chemo"),
    (Family::Sclc, "catalogue.family.sclc"),
    (Family::Everyone, "catalogue.family.everyone"),
];

/// The option IDs of one section, in catalogue order.
pub fn section_options(family: Family) -> Vec<OptionId> {
    OptionId::ALL
        .iter()
        .copied()
        .filter(|o| o.family() == family)
        .collect()
}

/// One option as a disclosure: its name, then the card's parts.
fn entry(id: OptionId) -> impl IntoView {
    let c = content();
    let id = id.id();
    let card = c.option(id);
    let name = card
        .map(|k| k.name.clone())
        .unwrap_or_else(|| id.to_string());
    let body = match card {
        Some(k) => {
            let scope = GlossScope::new();
            let sources_flag = k.unverified.iter().any(|u| u.trim() == "sources");
            view! {
                <p class="card-summary"><Glossed text=k.summary.clone() scope=scope.clone() /></p>
                {card_facts(k, &scope)}
                {field_heading(ui("card.sources"), sources_flag)}
                <SourceList ids=k.sources.clone() />
                <p class="card-reviewed">{ui_with("card.reviewed", &[("date", &k.reviewed)])}</p>
            }
            .into_any()
        }
        None => view! { <p class="card-missing">{ui("card.missing")}</p> }.into_any(),
    };
    let name_flag = card.is_some_and(|k| k.unverified.iter().any(|u| u.trim() == "name"));
    view! {
        <details class="catalogue-option" id=format!("catalogue-{id}") data-option=id>
            <summary>
                {name}
                {name_flag.then(|| view! { " " <UnverifiedFlag /> })}
            </summary>
            <div class="catalogue-body">{body}</div>
        </details>
    }
}

#[component]
pub fn Catalogue() -> impl IntoView {
    let sections = SECTIONS
        .iter()
        .map(|(family, key)| {
            let heading_id = format!("catalogue-{}", key.rsplit('.').next().unwrap_or(key));
            let labelled_by = heading_id.clone();
            let entries = section_options(*family)
                .into_iter()
                .map(entry)
                .collect_view();
            view! {
                <section class="catalogue-section" aria-labelledby=labelled_by>
                    <h2 id=heading_id>{ui(key)}</h2>
                    {entries}
                </section>
            }
        })
        .collect_view();
    let to_results = use_context::<AppState>()
        .filter(|s| s.answers.with_untracked(|a| !a.is_empty()))
        .map(|state| {
            view! {
                <p>
                    <button type="button" class="button secondary" id="catalogue-to-results"
                        on:click=move |_| state.go(Screen::Results)>
                        {ui("catalogue.to_results")}
                    </button>
                </p>
            }
        });
    view! {
        <section class="catalogue" aria-labelledby="catalogue-title">
            <h1 id="catalogue-title" tabindex="-1">{ui("catalogue.title")}</h1>
            <p class="lead">{ui("catalogue.intro")}</p>
            <p>{ui("catalogue.how")}</p>
            {sections}
            <p class="results-discuss">{ui("results.discuss")}</p>
            {to_results}
        </section>
    }
}
