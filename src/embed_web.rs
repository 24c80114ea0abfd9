//! Embed mode in the browser: applies what [`crate::embed`] read from the query string (once,
//! at start), posts the page height to the partner page, and the embed-only notices.
//!
//! In embed mode `<html>` gets a `data-embed` attribute (`style/embed.css` makes the frame
//! compact) and the accepted theme as CSS custom properties in its `style`. A `ResizeObserver`
//! on `<html>` posts [`crate::embed::height_message`] to `window.parent` with the validated
//! `parent` origin as `targetOrigin` (`"*"` when none was given): the height is the only thing
//! ever posted.

use std::cell::Cell;

use leptos::prelude::*;
use web_sys::js_sys;
use web_sys::wasm_bindgen::closure::Closure;
use web_sys::wasm_bindgen::{JsCast, JsValue};

use crate::components::{ui, AppState};
use crate::embed::{self, EmbedConfig};
use crate::state::Screen;
use crate::storage::{Mode, Notice};

/// Reads the query string, and in embed mode applies the theme and starts the height messages.
/// Call once, before the first render; provide the result as context.
pub fn start() -> EmbedConfig {
    let Some(window) = web_sys::window() else {
        return EmbedConfig::default();
    };
    let config = embed::parse(&window.location().search().unwrap_or_default());
    if !config.embed {
        return config;
    }
    if let Some(root) = window.document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("data-embed", "");
        if let Some(html) = root.dyn_ref::<web_sys::HtmlElement>() {
            let style = html.style();
            for (name, value) in config.theme.css_properties() {
                let _ = style.set_property(name, &value);
            }
        }
        post_height_on_resize(&window, root, config.target_origin().to_owned());
    }
    for line in &config.ignored {
        web_sys::console::warn_1(&JsValue::from_str(&format!("guide embed: {line}")));
    }
    config
}

/// Whether review mode is on (`?review=1`; from context; false when none is provided).
pub fn is_review() -> bool {
    use_context::<EmbedConfig>().is_some_and(|c| c.review)
}

/// Whether the guide runs in embed mode (from context; false when none is provided).
pub fn is_embedded() -> bool {
    use_context::<EmbedConfig>().is_some_and(|c| c.embed)
}

/// Posts `{"type":"guide:height","height":N}` to the parent page whenever `<html>` changes size
/// (and once at start). Nothing when the page is not in a frame.
fn post_height_on_resize(window: &web_sys::Window, root: web_sys::Element, target: String) {
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if js_sys::Object::is(&parent, window) {
        return; // top-level page: nobody to tell
    }
    let last = Cell::new(f64::NAN);
    let observed = root.clone();
    let on_resize = Closure::<dyn FnMut()>::new(move || {
        // The box of <html> is the content's height (scrollHeight would never go below the frame's).
        let height = observed.get_bounding_client_rect().height().ceil();
        if height == last.get() {
            return;
        }
        last.set(height);
        if let Ok(message) = js_sys::JSON::parse(&embed::height_message(height)) {
            let _ = parent.post_message(&message, &target);
        }
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&root);
    }
    // Lives as long as the page.
    on_resize.forget();
}

/// The words of a storage notice. In an embed, "unavailable" says why: browsers often keep
/// storage from sites shown inside other sites.
pub fn notice_text(notice: Notice) -> &'static str {
    match notice {
        Notice::Unavailable if is_embedded() => ui("storage.unavailable_embed"),
        n => ui(n.ui_key()),
    }
}

/// On the welcome screen of an embed whose answers are being saved: they are kept for this
/// website only (browsers partition the storage of embedded sites by the top-level site).
#[component]
pub fn EmbedNote() -> impl IntoView {
    let state = AppState::get();
    let show = is_embedded() && state.store.with_value(|s| s.mode() == Mode::Saving);
    move || {
        (show && state.screen.get() == Screen::Welcome).then(|| {
            view! {
                <p class="notice notice-embed" data-notice="embed.kept_here">{ui("embed.kept_here")}</p>
            }
        })
    }
}
