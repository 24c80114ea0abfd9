//! The browser app: a one-page guide for people whose lung cancer has come back.
//!
//! - [`state`]: the answers model and the screens (plain Rust, tested natively).
//! - [`flow`]: which questions are asked, their order and progress (plain Rust, tested natively).
//! - [`storage`]: the only module touching browser storage (logic tested natively).
//! - [`components`]: the screens. The screen is a signal (no router); a reload comes back to it.

pub mod components;
pub mod details;
pub mod embed;
pub mod embed_web;
pub mod flow;
pub mod glossary_match;
pub mod lang;
pub mod personal;
pub mod pwa;
pub mod results_model;
pub mod review_html;
pub mod saved_file;
pub mod state;
pub mod storage;
pub mod summary_html;
pub mod summary_model;
pub mod text_size;
pub mod urgent_model;

use leptos::prelude::*;

use components::layout::Layout;
use components::AppState;
use state::{resume_screen, Answers, Screen};

/// What the person did on the pre-rendered welcome before the app started: the ID of the
/// element that had focus and of the button they pressed (recorded by `index.html`'s script).
#[derive(Debug, Default)]
pub struct Handover {
    focused: Option<String>,
    pressed: Option<String>,
}

/// Removes the welcome screen that `index.html` carries pre-rendered (`pwa/welcome.html`, put in
/// by `pwa/gen-sw.sh`): it was painted before the wasm arrived, and the app now renders the same
/// screen in its place. Call before mounting; give the result to [`finish_handover`] after.
pub fn remove_prerender() -> Handover {
    use web_sys::wasm_bindgen::JsValue;
    let Some(window) = web_sys::window() else {
        return Handover::default();
    };
    let Some(doc) = window.document() else {
        return Handover::default();
    };
    let Some(prerender) = doc.get_element_by_id("prerender") else {
        return Handover::default();
    };
    let focused = doc
        .active_element()
        .filter(|a| prerender.contains(Some(a)))
        .map(|a| a.id())
        .filter(|id| !id.is_empty());
    let pressed =
        web_sys::js_sys::Reflect::get(&window, &JsValue::from_str("__guidePrerenderClick"))
            .ok()
            .and_then(|v| v.as_string());
    prerender.remove();
    Handover { focused, pressed }
}

/// After mounting: focus where the person was, and press again what they pressed.
pub fn finish_handover(h: Handover) {
    use web_sys::wasm_bindgen::JsCast;
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let element = |id: &str| {
        doc.get_element_by_id(id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    };
    if let Some(el) = h.focused.as_deref().and_then(element) {
        // A button in the header's menu: the menu was open on the pre-rendered page.
        if let Ok(Some(menu)) = el.closest("details.site-menu") {
            let _ = menu.set_attribute("open", "");
        }
        let _ = el.focus();
    }
    if let Some(el) = h.pressed.as_deref().and_then(element) {
        el.click();
    }
}

/// The whole app: reads saved answers, provides the state, saves on every change.
#[component]
pub fn App() -> impl IntoView {
    // Embed mode and theme from the query string, read once (see embed.rs, embed_web.rs).
    provide_context(embed_web::start());
    // The person's text size, from the device, before anything is painted.
    components::text_size::provide_text_size();
    let (store, startup) = storage::open_browser_store();
    let screen = resume_screen(startup.screen.as_deref(), &startup.profile);
    let answers = RwSignal::new(Answers::from_profile(startup.profile));
    // The one place the app evaluates: the engine's flow of the answers (which questions are
    // asked, the pruned answers), then its evaluation. Every screen reads these memos.
    let flow = Memo::new(move |_| answers.with(|a| guide_engine::flow::flow(a.profile())));
    let profile = Memo::new(move |_| flow.with(|f| f.profile.clone()));
    let evaluation = Memo::new(move |_| flow.with(guide_engine::flow::Flow::evaluate));
    let state = AppState {
        answers,
        screen: RwSignal::new(screen),
        editing: RwSignal::new(false),
        return_to: RwSignal::new(None),
        before_page: RwSignal::new(Screen::Welcome),
        notice: RwSignal::new(startup.notice),
        save_error: RwSignal::new(None),
        tab_note: RwSignal::new(None),
        flow,
        profile,
        evaluation,
        store: StoredValue::new_local(store),
        personal: RwSignal::new(startup.personal),
        details: RwSignal::new(details::DetailsStatus::initial(lang::current())),
    };
    provide_context(state);
    // Service worker (offline) after the first render, new-version offer, "Delete my answers".
    pwa::start();
    components::summary::open_details_when_printing();

    // Save on every change of the answers or the screen. Nothing answered and on the welcome
    // screen means nothing to keep: the saved copy is removed (that is what Start over relies on);
    // nothing answered on a text page writes nothing.
    // A save may find another tab's newer copy (merged, then shown) or find it deleted there.
    Effect::new(move |_| {
        let screen = state.screen.get();
        let personal = state.personal.get();
        let result = state.answers.with(|a| {
            state.store.with_value(|s| {
                let nothing = a.is_empty() && personal.is_empty();
                if nothing && screen == Screen::Welcome {
                    s.clear().map(|_| storage::SaveOutcome::Done)
                } else if nothing && matches!(screen, Screen::Page(_) | Screen::Catalogue) {
                    // A page opened before any answer (urgent symptoms, about, every
                    // treatment): nothing to keep, so nothing is written (issue 10).
                    Ok(storage::SaveOutcome::Done)
                } else {
                    s.save_with(a.profile(), &screen.id(), &personal, &storage::now_iso())
                }
            })
        });
        match result {
            Ok(outcome) => {
                state.save_error.set(None);
                match outcome {
                    storage::SaveOutcome::Done => {}
                    storage::SaveOutcome::Merged(doc) => state.take_in(*doc),
                    storage::SaveOutcome::DeletedElsewhere => state.deleted_elsewhere(),
                }
                // After the first saved answer: ask the browser to keep them (pwa.rs).
                let saving = state
                    .store
                    .with_value(|s| s.mode() == storage::Mode::Saving);
                if saving && !state.answers.with_untracked(Answers::is_empty) {
                    pwa::keep_answers();
                }
            }
            Err(e) => state.save_error.set(Some(e)),
        }
    });

    // Another tab of the guide changed the saved answers: take its change in, or forget
    // everything when it deleted them (storage.rs, docs/architecture.md "Storage").
    let _ = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().is_some_and(|k| k != storage::KEY) {
            return;
        }
        match state.store.with_value(|s| s.refresh(&state.doc())) {
            storage::Refresh::Same => {}
            storage::Refresh::Updated(doc) => state.take_in(*doc),
            storage::Refresh::Deleted => state.deleted_elsewhere(),
        }
    });

    // The option cards and sources, fetched once the first screen is painted (details.rs).
    details::start(lang::current(), state.details);

    view! { <Layout /> }
}
