//! The first screen: what the guide is and is not, the privacy promise, the review date, and
//! Start (or Resume when answers are saved).

use leptos::prelude::*;

use super::{content, ui, ui_with, AppState};
use crate::flow::{next_step, resume_step};
use crate::state::Screen;

#[component]
pub fn Welcome(
    /// Opens the "Start over?" confirmation.
    on_start_over: Callback<()>,
) -> impl IntoView {
    let state = AppState::get();
    let c = content();
    let has_answers = move || !state.answers.with(|a| a.is_empty());

    let start = move |_| {
        let first = state
            .answers
            .with_untracked(|a| next_step(a.profile(), None));
        state.go(first.map(Screen::Question).unwrap_or(Screen::Review));
    };
    let resume = move |_| {
        let to = state.answers.with_untracked(|a| resume_step(a.profile()));
        state.go(to.map(Screen::Question).unwrap_or(Screen::Review));
    };

    // The text pages, by their own titles; the urgent one first.
    let more_links = ["urgent", "recurrence", "living", "trials", "about"]
        .into_iter()
        .filter_map(|id| c.pages.get(id).map(|p| (id, p.title.clone())))
        .map(|(id, title)| {
            view! {
                <li>
                    <button type="button" class="link-button" id=format!("welcome-{id}")
                        on:click=move |_| state.open_page(id)>
                        {title}
                    </button>
                </li>
            }
        })
        .collect_view();

    view! {
        <div class="welcome">
            <super::language::LanguageOffer />
            <h1 tabindex="-1">{c.meta.title.clone()}</h1>
            <p class="lead">{ui("welcome.intro")}</p>

            <section class="privacy" aria-labelledby="privacy-heading">
                <h2 id="privacy-heading">{ui("welcome.privacy_heading")}</h2>
                <p>{ui("welcome.privacy")}</p>
            </section>

            <div class="actions welcome-actions">
                <Show
                    when=has_answers
                    fallback=move || view! {
                        <button type="button" class="button primary" id="start" on:click=start>
                            {ui("welcome.start")}
                        </button>
                    }
                >
                    <p class="saved-note">{ui("welcome.saved")}</p>
                    <button type="button" class="button primary" id="resume" on:click=resume>
                        {ui("welcome.resume")}
                    </button>
                    <button type="button" class="button secondary" id="welcome-start-over"
                        aria-haspopup="dialog" on:click=move |_| on_start_over.run(())>
                        {ui("welcome.start_over")}
                    </button>
                </Show>
            </div>

            <h2>{ui("welcome.is_heading")}</h2>
            <ul class="plain-list">
                <li>{ui("welcome.is_1")}</li>
                <li>{ui("welcome.is_2")}</li>
                <li>{ui("welcome.is_3")}</li>
            </ul>
            <h2>{ui("welcome.is_not_heading")}</h2>
            <ul class="plain-list">
                <li>{ui("welcome.is_not_1")}</li>
                <li>{ui("welcome.is_not_2")}</li>
                <li>{ui("welcome.is_not_3")}</li>
            </ul>

            <p class="reviewed">{ui_with("review.statement", &[("date", &c.meta.content_date)])}</p>
            <TranslationNote />

            <section class="welcome-open-file" aria-labelledby="welcome-open-file-title">
                <h2 id="welcome-open-file-title">{ui("file.open_heading")}</h2>
                <super::file_tools::OpenFile />
            </section>

            <h2>{ui("welcome.more_heading")}</h2>
            <ul class="link-list">
                {more_links}
                <li>
                    <button type="button" class="link-button" id="welcome-catalogue"
                        on:click=move |_| state.open_aside(crate::state::Screen::Catalogue)>
                        {ui("catalogue.open")}
                    </button>
                </li>
            </ul>
        </div>
    }
}

/// In a translation: from which English it was translated and that no medical translator has
/// reviewed it yet (`lang.translated`; not shown in English). Also on the About page.
#[component]
pub fn TranslationNote() -> impl IntoView {
    let c = content();
    (crate::lang::current() != guide_content::Lang::En).then(|| {
        view! {
            <p class="reviewed translated">
                {ui_with("lang.translated", &[("date", &c.meta.content_date)])}
            </p>
        }
    })
}
