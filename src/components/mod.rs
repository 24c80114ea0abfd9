//! The screens and their parts. One component per file.
//!
//! Shared here: the app's state in context ([`AppState`]), words from the content bundle
//! ([`ui`], [`question_text`], [`answer_label`]) and screen changes ([`AppState::go`]).

pub mod frame;
pub mod layout;
pub mod progress;
pub mod question;
pub mod review;
pub mod welcome;

// The results screen, urgent banner, pages and glossary (second UI engineer).
pub mod glossary;
pub mod option_card;
pub mod pages;
pub mod results;
pub mod sources;
pub mod urgent;

// Visit summary, save/open file, what matters to me, comparison, own notes and questions.
pub mod catalogue;
pub mod compare;
pub mod details;
pub mod file_tools;
pub mod language;
pub mod my_notes;
pub mod summary;
pub mod text_size;
pub mod values;

use guide_content::Content;
use guide_engine::Profile;
use leptos::prelude::*;

use crate::flow::Step;
use crate::personal::Personal;
use crate::state::{Answers, Screen};
use crate::storage::{Doc, Notice, Store, StoreError, WebStorage};

/// The content of the language the screens are in (`crate::lang::current`).
pub fn content() -> &'static Content {
    Content::get(crate::lang::current())
}

/// A UI string by ID (`content/<lang>/ui.json`); the ID itself if missing.
pub fn ui(key: &'static str) -> &'static str {
    content().ui(key)
}

/// A UI string with `{name}` placeholders filled in.
pub fn ui_with(key: &'static str, vars: &[(&str, &str)]) -> String {
    fill(ui(key), vars)
}

/// Fills `{name}` placeholders (one function for the screens and the printed summary).
pub use crate::results_model::fill;

/// Words for an ID that has no content yet (`summary_model::humanize`, the one home of the
/// answer-words helpers, with the current content).
pub fn humanize(id: &str) -> String {
    crate::summary_model::humanize(content(), id)
}

/// The question as asked.
pub fn question_text(question: &str) -> String {
    content()
        .question(question)
        .map(|q| q.text.clone())
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| humanize(question))
}

/// Where to find the answer (may be empty).
pub fn question_help(question: &str) -> String {
    content()
        .question(question)
        .map(|q| q.help.clone())
        .unwrap_or_default()
}

/// What the person picks for an answer (`summary_model::answer_words`).
pub fn answer_label(question: &str, id: &str) -> String {
    crate::summary_model::answer_words(content(), question, id)
}

/// The extra words under an answer, if any.
pub fn answer_hint(question: &str, id: &str) -> Option<String> {
    crate::summary_model::answer_content(content(), question, id)
        .and_then(|a| a.hint.clone())
        .filter(|h| !h.is_empty())
}

/// A string usable in an `id` attribute (answer IDs contain `:`, `+` and spaces).
pub fn dom_id(parts: &[&str]) -> String {
    parts
        .iter()
        .map(|p| {
            p.chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("--")
}

/// The app's state, shared through context. All fields are signals (the struct is `Copy`).
#[derive(Clone, Copy)]
pub struct AppState {
    pub answers: RwSignal<Answers>,
    pub screen: RwSignal<Screen>,
    /// Came to a question from the review's Change button: Next returns to the review.
    pub editing: RwSignal<bool>,
    /// Sent back to a question a later answer opened: where Next goes on from
    /// (`guide_engine::flow::Flow::next_screen`).
    pub return_to: RwSignal<Option<Step>>,
    /// Where a text page's Back button goes.
    pub before_page: RwSignal<Screen>,
    /// What was found in storage at start (unavailable, unreadable, newer).
    pub notice: RwSignal<Option<Notice>>,
    /// Why the last save failed (each cause has its own words), `None` when it worked.
    pub save_error: RwSignal<Option<StoreError>>,
    /// A short status about another tab: `storage.updated_elsewhere` or `storage.deleted_elsewhere`
    /// (cleared on the next move to another screen).
    pub tab_note: RwSignal<Option<&'static str>>,
    /// The engine's question flow of the answers: which questions are asked, next and previous
    /// screens (computed here only: `lib.rs`).
    pub flow: Memo<guide_engine::flow::Flow>,
    /// The answers as the engine and the review see them (skipped questions left out).
    pub profile: Memo<Profile>,
    /// The engine's evaluation of `profile`: computed here only (`lib.rs`); results, comparison
    /// and summary read it.
    pub evaluation: Memo<guide_engine::Evaluation>,
    pub store: StoredValue<Store<WebStorage>, LocalStorage>,
    /// Notes, own questions, what matters, comparison picks (saved with the answers).
    pub personal: RwSignal<Personal>,
    /// Whether the option cards and sources are fetched yet (`crate::details`, `DetailsGate`).
    pub details: RwSignal<crate::details::DetailsStatus>,
}

impl AppState {
    pub fn get() -> AppState {
        expect_context::<AppState>()
    }

    /// Goes to a screen (focus moves to its heading; see `layout`).
    pub fn go(self, screen: Screen) {
        self.tab_note.set(None);
        if !matches!(screen, Screen::Question(_)) {
            self.editing.set(false);
        }
        self.screen.set(screen);
    }

    /// Opens a text page, remembering where to come back to.
    pub fn open_page(self, id: &'static str) {
        self.open_aside(Screen::Page(id));
    }

    /// Opens a screen aside from the flow (a text page, the catalogue); its Back link returns to
    /// where the person was before the first of them.
    pub fn open_aside(self, to: Screen) {
        let here = self.screen.get_untracked();
        if !matches!(here, Screen::Page(_) | Screen::Catalogue) {
            self.before_page.set(here);
        }
        self.screen.set(to);
    }

    /// Changes the answers (saved by the effect in `lib.rs`).
    pub fn update(self, f: impl FnOnce(&mut Answers)) {
        self.answers.update(f);
    }

    /// What this tab has now (for merging with another tab's save).
    pub fn doc(self) -> Doc {
        Doc {
            profile: self.answers.with_untracked(|a| a.profile().clone()),
            personal: self.personal.get_untracked(),
        }
    }

    /// Shows answers taken in from another tab (the screen stays, unless it is a question those
    /// answers no longer ask), saying so.
    pub fn take_in(self, doc: Doc) {
        let here = self.screen.get_untracked();
        let to = crate::state::resume_screen(Some(&here.id()), &doc.profile);
        self.answers.set(Answers::from_profile(doc.profile));
        self.personal.set(doc.personal);
        if to != here {
            self.screen.set(to);
        }
        self.tab_note.set(Some("storage.updated_elsewhere"));
    }

    /// The answers were deleted in another tab: this tab forgets them too (nothing is written
    /// back), opens storage afresh and says so. Saving starts again with the next answer.
    pub fn deleted_elsewhere(self) {
        let (store, startup) = crate::storage::open_browser_store();
        self.store.set_value(store);
        self.notice.set(startup.notice);
        self.save_error.set(None);
        self.answers.set(Answers::new());
        self.personal.set(Personal::default());
        self.editing.set(false);
        self.screen.set(Screen::Welcome);
        self.tab_note.set(Some("storage.deleted_elsewhere"));
    }

    /// Clears every answer and the saved copy, back to the welcome screen.
    pub fn start_over(self) {
        let _ = self.store.with_value(|s| s.clear());
        self.tab_note.set(None);
        self.answers.set(Answers::new());
        self.personal.set(Personal::default());
        self.editing.set(false);
        self.screen.set(Screen::Welcome);
    }
}
