//! One option card, with the parts of the content style guide in its order:
//!
//! - part 1, plain name and summary, and the first reason it was shown: always visible;
//! - the rest in one `<details>` ("More about …") so the list stays short on a phone: why it
//!   was shown (all reasons and notes), parts 2 to 6 (what it aims to do, what it is like,
//!   common then serious side effects, what is uncertain, questions to ask), sources (links)
//!   and the review date; in review mode also the engine's trace (rules, facts, caps, D-n).
//!
//! "Not yet checked by a clinician" flags are for reviewers: shown only in review mode.
//!
//! Renders only engine output ([`OptionResult`]) and content; never ranks, never advises.

use guide_content::{render, Content, OptionContent};
use guide_engine::{Level, OptionResult};
use leptos::prelude::*;

use super::glossary::{GlossScope, Glossed};
use super::sources::{SourceList, UnverifiedFlag};
use super::{content, ui, ui_with};
use crate::results_model::{field_unverified, item_unverified};

/// Whether the reason texts of a result come from a rule text marked unverified
/// (the `NOT` reason or a modifier that lowered the level).
pub fn reasons_unverified(c: &Content, result: &OptionResult) -> bool {
    result
        .not_because
        .iter()
        .chain(result.lowered_by.iter())
        .any(|r| c.rules.get(*r).is_some_and(|t| t.unverified))
}

/// Source IDs of a card: the card's own, then the engine's rule sources, without repeats.
pub fn card_sources(card: Option<&OptionContent>, result: &OptionResult) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    let card_ids = card.map(|c| c.sources.clone()).unwrap_or_default();
    for id in card_ids
        .into_iter()
        .chain(result.sources.iter().map(|s| s.to_string()))
    {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids
}

/// A heading inside a card, with the unverified flag when `flag` is set.
pub fn field_heading(label: &'static str, flag: bool) -> impl IntoView {
    view! {
        <h4 class="card-field-heading">
            {label}
            {flag.then(|| view! { " " <UnverifiedFlag /> })}
        </h4>
    }
}

/// A list field (side effects, questions) with per-item unverified flags.
fn list_field(
    items: &[String],
    unverified: &[String],
    field: &str,
    scope: &GlossScope,
) -> impl IntoView {
    let whole = unverified.iter().any(|u| u.trim() == field);
    let lis = items
        .iter()
        .map(|item| {
            let flag = !whole && item_unverified(unverified, field, item);
            view! {
                <li>
                    <Glossed text=item.clone() scope=scope.clone() />
                    {flag.then(|| view! { " " <UnverifiedFlag /> })}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="card-list">{lis}</ul> }
}

/// Parts 2 to 6 of a card (what it aims to do, what it is like, common and serious side effects,
/// what is uncertain, questions to ask), each with its unverified flag: the same on the results,
/// in the catalogue (`catalogue.rs`) and, as text, in the summary.
pub fn card_facts(k: &OptionContent, scope: &GlossScope) -> impl IntoView {
    let u = &k.unverified;
    let aims_flag = field_unverified(u, "aims", &[&k.aims]);
    let like_flag = field_unverified(u, "what_it_is_like", &[&k.what_it_is_like]);
    let common_flag = u.iter().any(|x| x.trim() == "common_side_effects");
    let serious_flag = u.iter().any(|x| x.trim() == "serious_side_effects");
    let uncertain_flag = field_unverified(u, "uncertain", &[&k.uncertain]);
    let questions_flag = u.iter().any(|x| x.trim() == "questions");
    view! {
        <div class="card-details-body">
            {field_heading(ui("card.aims"), aims_flag)}
            <p><Glossed text=k.aims.clone() scope=scope.clone() /></p>
            {field_heading(ui("card.like"), like_flag)}
            <p><Glossed text=k.what_it_is_like.clone() scope=scope.clone() /></p>
            {field_heading(ui("card.common"), common_flag)}
            {list_field(&k.common_side_effects, u, "common_side_effects", scope)}
            {field_heading(ui("card.serious"), serious_flag)}
            <div class="card-serious">
                {list_field(&k.serious_side_effects, u, "serious_side_effects", scope)}
            </div>
            {field_heading(ui("card.uncertain"), uncertain_flag)}
            <p><Glossed text=k.uncertain.clone() scope=scope.clone() /></p>
            {field_heading(ui("card.questions"), questions_flag)}
            {list_field(&k.questions, u, "questions", scope)}
        </div>
    }
}

/// One option, prompt or family heading of the results.
#[component]
pub fn OptionCard(result: OptionResult) -> impl IntoView {
    let c = content();
    let id = result.id.id();
    let level = result.level;
    let card = c.option(id);
    let name = card
        .map(|k| k.name.clone())
        .unwrap_or_else(|| id.to_string());
    let dom_id = format!("option-{id}");
    let name_id = format!("option-{id}-name");
    // Each glossary term is a button once per card, at its first place in reading order.
    let scope = GlossScope::new();

    let summary = match card {
        Some(k) => {
            view! { <p class="card-summary"><Glossed text=k.summary.clone() scope=scope.clone() /></p> }.into_any()
        }
        None => view! { <p class="card-summary card-missing">{ui("card.missing")}</p> }.into_any(),
    };
    let summary_flag =
        card.is_some_and(|k| field_unverified(&k.unverified, "summary", &[&k.summary]));
    let name_flag = card.is_some_and(|k| k.unverified.iter().any(|u| u.trim() == "name"));

    // squamous partners in the text of this option.
    let squamous = card
        .filter(|_| result.rules.contains(&"R-157"))
        .and_then(|k| k.squamous_note.clone())
        .map(|note| {
            view! {
                <p class="card-squamous">
                    <strong>{ui("card.squamous")}</strong>
                    " "
                    <Glossed text=note scope=scope.clone() />
                </p>
            }
        });

    let why_label = if level == Level::Not {
        ui("card.why_not")
    } else {
        ui("card.why")
    };
    let reasons = render::reasons(c, &result);
    let reasons_flag = reasons_unverified(c, &result);
    let notes = render::option_notes_flagged(c, &result);
    let why_items = reasons
        .into_iter()
        .map(|r| view! { <li>{r}</li> })
        .collect_view();
    let note_items = notes
        .into_iter()
        .map(|(text, unverified)| {
            view! {
                <li class="card-note">
                    <Glossed text=text scope=scope.clone() />
                    {unverified.then(|| view! { " " <UnverifiedFlag /> })}
                </li>
            }
        })
        .collect_view();

    let sources = card_sources(card, &result);
    let sources_flag = card.is_some_and(|k| k.unverified.iter().any(|u| u.trim() == "sources"));
    let reviewed = card.map(|k| {
        view! { <p class="card-reviewed">{ui_with("card.reviewed", &[("date", &k.reviewed)])}</p> }
    });
    let review = crate::embed_web::is_review().then(|| {
        let html = crate::review_html::trace(ui("review.trace"), &result);
        view! { <section class="review-trace" inner_html=html></section> }
    });

    view! {
        <article
            class="option-card"
            class:option-not=level == Level::Not
            id=dom_id
            data-option=id
            data-level=level.id()
            aria-labelledby=name_id
        >
            <h3 class="card-name" id=name_id.clone()>
                {name.clone()}
                {name_flag.then(|| view! { " " <UnverifiedFlag /> })}
            </h3>
            {summary}
            {summary_flag.then(|| view! { <p><UnverifiedFlag /></p> })}
            // Short when closed (issue 10: results in a few phone screens): name and summary;
            // why it was shown comes first inside. The option's name is in the toggle's
            // accessible name, not repeated on screen.
            <details class="card-details">
                <summary>
                    {ui("card.more")}
                    <span class="visually-hidden">": " {name.clone()}</span>
                </summary>
                <div class="card-why">
                    <h4 class="card-field-heading">
                        {why_label}
                        {reasons_flag.then(|| view! { " " <UnverifiedFlag /> })}
                    </h4>
                    <ul class="card-list why-list">{why_items}{note_items}</ul>
                </div>
                {squamous}
                {card.map(|k| card_facts(k, &scope))}
                <div class="card-sources">
                    {field_heading(ui("card.sources"), sources_flag)}
                    <SourceList ids=sources />
                    {reviewed}
                </div>
                {review}
            </details>
        </article>
    }
}
