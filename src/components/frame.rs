//! The page's frame around every screen: the header (guide name, urgent symptoms, the menu with
//! About, Start over, text size and language), the notices under it (storage, other tabs, out of
//! date content) and the footer. The shell that switches screens is `layout.rs`.

use guide_engine::ENGINE_VERSION;
use leptos::html;
use leptos::prelude::*;

use super::{content, ui, ui_with, AppState};
use crate::state::{content_is_stale, Date, Screen};

/// Today's date from the browser clock.
fn today() -> Date {
    let d = web_sys::js_sys::Date::new_0();
    Date {
        year: d.get_full_year() as i32,
        month: d.get_month() + 1,
        day: d.get_date(),
    }
}

/// The header; `on_start_over` opens the start-over dialog (the shell's).
#[component]
pub fn SiteHeader(on_start_over: Callback<()>) -> impl IntoView {
    let state = AppState::get();
    let c = content();
    let menu: NodeRef<html::Details> = NodeRef::new();
    let close_menu = move || {
        if let Some(m) = menu.get_untracked() {
            m.set_open(false);
        }
    };
    let has_answers = move || !state.answers.with(|a| a.is_empty());
    let open_dialog = move |_| on_start_over.run(());
    // A move to another screen closes the menu (after Start over, say): left open, it would
    // fill the top of every screen after. Not when the dialog opens: Cancel or Escape give focus
    // back to the menu's Start over button, which must still be there.
    Effect::new(move |before: Option<Screen>| {
        let now = state.screen.get();
        // Not at the start: a text size pressed in the pre-rendered welcome's menu is pressed
        // again, with focus, once the app runs (`src/lib.rs`).
        if before.is_some_and(|b| b != now) {
            close_menu();
        }
        now
    });
    view! {
        <header class="site-header">
            <div class="header-inner">
                <p class="site-title">
                    <button type="button" class="title-button" on:click=move |_| state.go(Screen::Welcome)>
                        {c.meta.title.clone()}
                    </button>
                </p>
                // Urgent help stays outside the menu: one tap, in the same place on every
                // screen (WCAG 3.2.6). The rest of the links and the text size are in the menu,
                // so the header stays one or two lines on a phone (issue 10).
                <button type="button" class="nav-urgent" id="nav-urgent" on:click=move |_| state.open_page("urgent")>
                    {ui("nav.urgent")}
                </button>
                <details class="site-menu" node_ref=menu>
                    <summary class="menu-toggle" id="menu-toggle">{ui("nav.menu")}</summary>
                    <div class="site-menu-body">
                        <nav aria-label=ui("nav.label")>
                            <ul class="nav-list">
                                <li>
                                    <button type="button" id="nav-about" on:click=move |_| {
                                        close_menu();
                                        state.open_page("about")
                                    }>
                                        {ui("nav.about")}
                                    </button>
                                </li>
                                <Show when=has_answers>
                                    <li>
                                        <button type="button" id="nav-start-over" aria-haspopup="dialog" on:click=open_dialog>
                                            {ui("nav.start_over")}
                                        </button>
                                    </li>
                                </Show>
                            </ul>
                        </nav>
                        <super::text_size::TextSizeControl />
                        <super::language::LanguageControl />
                    </div>
                </details>
            </div>
        </header>
    }
}

/// The notices under the header.
#[component]
pub fn Notices() -> impl IntoView {
    let state = AppState::get();
    let c = content();
    let stale = content_is_stale(&c.meta.content_date, c.meta.stale_after_months, today());
    let words_ready = move || state.details.get() == crate::details::DetailsStatus::Ready;
    view! {
        <div class="notices">
            <crate::pwa::PwaNotices />
            // The storage notices' words come with the details (ui_more.json): they show as soon as
            // those are there, a moment after the first screen.
            {move || state.notice.get().filter(|_| words_ready()).map(|n| view! {
                <p class="notice notice-storage" role="status" data-notice=n.ui_key()>{crate::embed_web::notice_text(n)}</p>
            })}
            <crate::embed_web::EmbedNote />
            {move || state.save_error.get().filter(|_| words_ready()).map(|e| view! {
                <p class="notice notice-storage" role="alert" data-notice=e.ui_key()>{ui(e.ui_key())}</p>
            })}
            {move || state.tab_note.get().filter(|_| words_ready()).map(|k| view! {
                <p class="notice notice-tab" role="status" data-notice=k>{ui(k)}</p>
            })}
            <crate::pwa::KeepNotice />
            {stale.then(|| view! {
                <p class="notice notice-stale" data-notice="stale">
                    {ui_with("stale", &[("date", &c.meta.content_date)])}
                </p>
            })}
        </div>
    }
}

/// The footer: not medical advice, the content date and engine version, delete my answers.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let c = content();
    view! {
        <footer class="site-footer">
            <p>{ui("footer.not_advice")}</p>
            <p>
                {ui_with("footer.content_date", &[("date", &c.meta.content_date)])}
                " "
                {ui_with("footer.engine", &[("version", ENGINE_VERSION)])}
            </p>
            <crate::pwa::DeleteAnswers />
        </footer>
    }
}
