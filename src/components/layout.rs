//! The shell: which screen shows (and the browser's Back and Forward), the focus move, page
//! title and announcement on each screen change, and the start-over dialog. The header, notices
//! and footer around the screen are in `frame.rs`.

use leptos::html;
use leptos::prelude::*;
use web_sys::wasm_bindgen::{JsCast, JsValue};

use super::catalogue::Catalogue;
use super::compare::CompareScreen;
use super::details::DetailsGate;
use super::frame::{Notices, SiteFooter, SiteHeader};
use super::pages::PageView;
use super::question::Question;
use super::results::Results;
use super::review::Review;
use super::summary::Summary;
use super::urgent::{HelpBar, UrgentBanner};
use super::values::ValuesScreen;
use super::welcome::Welcome;
use super::{content, ui, AppState};
use crate::flow::Step;
use crate::state::{resume_screen, Screen};

/// Moves focus to the screen's main heading (made focusable if needed) and returns its text.
fn focus_heading() -> Option<String> {
    let doc = web_sys::window()?.document()?;
    let h = doc.query_selector("main h1").ok()??;
    let h: web_sys::HtmlElement = h.dyn_into().ok()?;
    if !h.has_attribute("tabindex") {
        let _ = h.set_attribute("tabindex", "-1");
    }
    let _ = h.focus();
    // Show the top of the page (header, banner, Back) when the heading still fits on screen;
    // otherwise the top of the screen's own content, so the focused heading stays visible.
    if let Some(w) = web_sys::window() {
        let top = h.get_bounding_client_rect().bottom() + w.scroll_y().unwrap_or(0.0);
        let height = w
            .inner_height()
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0);
        if top <= height {
            w.scroll_to_with_x_and_y(0.0, 0.0);
        } else if let Ok(Some(screen)) = h.closest(".question, .review, .welcome") {
            screen.scroll_into_view();
        }
    }
    Some(h.inner_text())
}

#[component]
pub fn Layout() -> impl IntoView {
    let state = AppState::get();
    let c = content();
    let dialog: NodeRef<html::Dialog> = NodeRef::new();
    let announcement = RwSignal::new(String::new());

    // The browser's Back and Forward buttons move between screens: each screen change adds a
    // history entry (same URL, the screen ID as state) and `popstate` goes back to it.
    let from_history = StoredValue::new(false);
    let last_entry = StoredValue::new(String::new());
    let _ = window_event_listener(leptos::ev::popstate, move |ev| {
        if let Some(id) = ev.state().as_string() {
            let to = state
                .answers
                .with_untracked(|a| resume_screen(Some(&id), a.profile()));
            from_history.set_value(true);
            state.editing.set(false);
            state.screen.set(to);
        }
    });

    // On every screen change after the first: a history entry, focus on the new heading, the
    // page title, and an announcement of the step.
    let title = c.meta.title.clone();
    Effect::new(move |prev: Option<()>| {
        let screen = state.screen.get();
        let id = screen.id();
        let new_entry = last_entry.with_value(|last| *last != id);
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let entry = JsValue::from_str(&id);
            if prev.is_none() {
                let _ = history.replace_state(&entry, "");
            } else if new_entry && !from_history.get_value() {
                let _ = history.push_state(&entry, "");
            }
        }
        last_entry.set_value(id);
        from_history.set_value(false);
        if prev.is_some() {
            let title = title.clone();
            request_animation_frame(move || {
                let heading = focus_heading().unwrap_or_default();
                if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
                    if heading.is_empty() || heading == title {
                        doc.set_title(&title);
                    } else {
                        doc.set_title(&format!("{heading} - {title}"));
                    }
                }
                let text = match screen {
                    Screen::Question(step) => {
                        format!("{}. {heading}", super::progress::progress_text(step))
                    }
                    _ => heading,
                };
                announcement.set(text);
            });
        }
    });

    // Focus goes to the safe button ("keep my answers") by script, not `autofocus`: browsers
    // refuse `autofocus` in a frame of another site (the embed) and log an error.
    let show_dialog = move || {
        if let Some(d) = dialog.get() {
            let _ = d.show_modal();
            if let Ok(Some(safe)) = d.query_selector("#cancel-start-over") {
                if let Some(safe) = safe.dyn_ref::<web_sys::HtmlElement>() {
                    let _ = safe.focus();
                }
            }
        }
    };
    let close_dialog = move || {
        if let Some(d) = dialog.get() {
            d.close();
        }
    };
    let confirm = move |_| {
        close_dialog();
        state.start_over();
    };

    let screen_view = move || {
        let screen = state.screen.get();
        match screen {
            Screen::Welcome => {
                view! { <Welcome on_start_over=Callback::new(move |_| show_dialog()) /> }.into_any()
            }
            // The questions and the glossary come after the first screen too (details.rs),
            // fetched while the welcome screen is read.
            Screen::Question(step) => view! {
                <DetailsGate title="details.questions_title" waiting="details.loading_questions">
                    <Question step=step />
                </DetailsGate>
            }
            .into_any(),
            Screen::Review => view! {
                <DetailsGate title="review.heading" waiting="details.loading_questions">
                    <Review />
                </DetailsGate>
            }
            .into_any(),
            Screen::Results => {
                let on_edit = Callback::new(move |_| state.go(Screen::Review));
                // The option cards and sources come after the first screen (details.rs).
                view! {
                    <DetailsGate title="results.title">
                        <Results profile=Signal::from(state.profile) on_edit=on_edit />
                    </DetailsGate>
                }
                .into_any()
            }
            Screen::Page(id) => view! {
                <div class="page-screen">
                    <button type="button" class="back-link" on:click=move |_| {
                        state.go(state.before_page.get_untracked())
                    }>{ui("nav.back")}</button>
                    {if id == "urgent" {
                        // Urgent help never waits for a download.
                        view! { <PageView id=id /> }.into_any()
                    } else {
                        view! { <DetailsGate><PageView id=id /></DetailsGate> }.into_any()
                    }}
                </div>
            }
            .into_any(),
            Screen::Summary => {
                view! { <DetailsGate title="summary.title"><Summary /></DetailsGate> }.into_any()
            }
            Screen::Values => {
                view! { <DetailsGate title="values.title"><ValuesScreen /></DetailsGate> }
                    .into_any()
            }
            Screen::Catalogue => view! {
                <div class="page-screen">
                    <button type="button" class="back-link" on:click=move |_| {
                        state.go(state.before_page.get_untracked())
                    }>{ui("nav.back")}</button>
                    <DetailsGate title="catalogue.title"><Catalogue /></DetailsGate>
                </div>
            }
            .into_any(),
            Screen::Compare => {
                view! { <DetailsGate title="compare.title"><CompareScreen /></DetailsGate> }
                    .into_any()
            }
        }
    };
    // The banner is everywhere except where the screen shows it itself.
    let banner_here = move || {
        !matches!(
            state.screen.get(),
            Screen::Results
                | Screen::Summary
                | Screen::Page("urgent")
                | Screen::Question(Step::Symptoms)
        )
    };

    view! {
        <a class="skip-link" href="#main">{ui("nav.skip")}</a>
        <SiteHeader on_start_over=Callback::new(move |_| show_dialog()) />
        // After the header: at the top of the page the header's links stay above it; once the
        // page scrolls, the bar sticks to the top of the screen.
        <HelpBar profile=Signal::from(state.profile) />
        <Notices />
        <main id="main" tabindex="-1">
            <Show when=banner_here>
                <UrgentBanner profile=Signal::from(state.profile) />
            </Show>
            {screen_view}
        </main>
        <SiteFooter />
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" id="announcer">
            {move || announcement.get()}
        </div>
        <dialog node_ref=dialog class="dialog" aria-labelledby="start-over-title" aria-describedby="start-over-body">
            <h2 id="start-over-title">{ui("dialog.start_over.title")}</h2>
            <p id="start-over-body">{ui("dialog.start_over.body")}</p>
            <div class="actions">
                <button type="button" class="button danger" id="confirm-start-over" on:click=confirm>
                    {ui("dialog.start_over.confirm")}
                </button>
                <button type="button" class="button secondary" id="cancel-start-over" on:click=move |_| close_dialog()>
                    {ui("dialog.start_over.cancel")}
                </button>
            </div>
        </dialog>
        <crate::pwa::DeleteDialog />
    }
}
