//! Urgent help (R-00, §4): the "Get help now" bar that stays at the top of every screen once a
//! red flag is ticked, and the full banner (each level's action, then the signs the person
//! ticked). The most urgent level leads: emergency services before the team, and the crisis
//! message has its own words. Never judges severity beyond §4's levels.

use guide_engine::{facts::red_flags, Profile};
use leptos::prelude::*;

use super::{content, ui};
use crate::urgent_model::{urgent_groups, UrgentGroup};

/// The levels' actions (each starts with what to do, so the short title is not repeated) and
/// the ticked signs under each.
fn banner_body(groups: Vec<UrgentGroup>) -> impl IntoView {
    groups
        .into_iter()
        .map(|g| {
            let items = g
                .items
                .into_iter()
                .map(|i| {
                    let escalate = i
                        .escalate
                        .map(|e| view! { " " <strong class="urgent-escalate">{e}</strong> });
                    view! { <li data-flag=i.id>{i.label}{escalate}</li> }
                })
                .collect_view();
            view! {
                <div class="urgent-level" data-level=g.level.id()>
                    <p class="urgent-text"><strong>{g.action}</strong></p>
                    <p class="urgent-symptoms-label">{ui("urgent.your_symptoms")}</p>
                    <ul class="urgent-symptoms">{items}</ul>
                </div>
            }
        })
        .collect_view()
}

/// The full urgent banner when any §4 red flag is ticked in `profile`, nothing otherwise. A
/// labelled region (the bar at the top is the alert that screen readers announce). With
/// `repeat`, it is the reminder at the end of a long page.
#[component]
pub fn UrgentBanner(
    #[prop(into)] profile: Signal<Profile>,
    #[prop(optional)] repeat: bool,
) -> impl IntoView {
    let flags = Memo::new(move |_| profile.with(red_flags));
    move || {
        let groups = urgent_groups(content(), &flags.get());
        let lead = groups.first()?.level;
        let (class, title_id, title) = if repeat {
            (
                "urgent-banner urgent-repeat",
                "urgent-repeat-title",
                ui("urgent.repeat_title"),
            )
        } else {
            ("urgent-banner", "urgent-title", ui("urgent.title"))
        };
        Some(view! {
            <section class=class id=(!repeat).then_some("urgent-banner") data-lead=lead.id() aria-labelledby=title_id>
                <h2 class="urgent-title" id=title_id>{title}</h2>
                {banner_body(groups)}
            </section>
        })
    }
}

/// The compact "Get help now" bar: the most urgent action in one line, in view at the top of
/// every screen (sticky) from the moment a red flag is ticked, and announced (`role="alert"`)
/// when it appears or its level changes. "What to do" goes to the full banner on the screen, or
/// to the urgent page where the screen has none.
#[component]
pub fn HelpBar(#[prop(into)] profile: Signal<Profile>) -> impl IntoView {
    let groups = Memo::new(move |_| profile.with(|p| urgent_groups(content(), &red_flags(p))));
    let to_details = move |_| {
        let doc = web_sys::window().and_then(|w| w.document());
        match doc.and_then(|d| d.get_element_by_id("urgent-banner")) {
            Some(el) => {
                el.scroll_into_view();
                if let Some(h) = el.query_selector("h2").ok().flatten() {
                    let _ = h.set_attribute("tabindex", "-1");
                    let _ =
                        web_sys::wasm_bindgen::JsCast::unchecked_ref::<web_sys::HtmlElement>(&h)
                            .focus();
                }
            }
            None => super::AppState::get().open_page("urgent"),
        }
    };
    move || {
        let g = groups.with(|g| g.first().cloned())?;
        Some(view! {
            <div class="help-bar" role="alert" data-level=g.level.id()>
                <p class="help-bar-text"><strong>{g.short}</strong></p>
                <button type="button" class="help-bar-more" id="help-bar-more" on:click=to_details>
                    {ui("urgent.what_to_do")}
                </button>
            </div>
        })
    }
}
