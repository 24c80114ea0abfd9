//! Everything after the welcome screen's words, fetched after the first screen.
//!
//! The app is built without guide-content's `embed-details` feature: the words the first screen
//! and the urgent help need (meta, pages, red flags, UI) are in the wasm, while the questions,
//! the glossary, the option cards, the sources and the words of the reasons
//! (`guide_content::DETAIL_FILES`, most of the content) are files of `dist/` at
//! `content/<lang>/…` (copied by Trunk, see `index.html`). [`start`] fetches them once the first
//! screen is painted, so they never compete with the wasm download, and installs them with
//! `Content::install_details` (which checks them first). Every screen but the welcome and the
//! pages waits behind `components::details::DetailsGate` (a glossary term on the urgent page opened
//! before they arrive is plain text). The service worker (`pwa/`) caches
//! them with every other file, so they are there offline.
//!
//! Relative URLs: the same build works at `/` and under a sub-path such as `/guide/`.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use guide_content::{Content, Lang, DETAIL_FILES};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Whether the detail files are there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DetailsStatus {
    /// Being fetched (or not yet asked for).
    Loading,
    Ready,
    /// A file could not be fetched or was refused; [`load`] tries again.
    Failed,
}

impl DetailsStatus {
    /// At start: ready when the content has them already (built with `embed-details`).
    pub fn initial(lang: Lang) -> DetailsStatus {
        if Content::details_ready(lang) {
            DetailsStatus::Ready
        } else {
            DetailsStatus::Loading
        }
    }

    /// The value of the `data-details` attribute of the waiting message.
    pub fn id(self) -> &'static str {
        match self {
            DetailsStatus::Loading => "loading",
            DetailsStatus::Ready => "ready",
            DetailsStatus::Failed => "failed",
        }
    }
}

/// The URL of a detail file, relative to the page (`content/en/options/local.json`).
pub fn detail_url(lang: Lang, file: &str) -> String {
    format!("content/{}/{file}", lang.code())
}

/// Starts fetching the details after the first paint (two animation frames after mount), or
/// after a second at the latest (animation frames wait while the tab is hidden).
pub fn start(lang: Lang, status: RwSignal<DetailsStatus>) {
    if status.get_untracked() == DetailsStatus::Ready {
        return;
    }
    let started = Rc::new(Cell::new(false));
    let once = move || {
        if !started.replace(true) {
            load(lang, status);
        }
    };
    let after_paint = once.clone();
    request_animation_frame(move || request_animation_frame(after_paint));
    set_timeout(once, Duration::from_secs(1));
}

/// Fetches and installs the details now (also the Retry button); sets `status` as it goes.
pub fn load(lang: Lang, status: RwSignal<DetailsStatus>) {
    if Content::details_ready(lang) {
        status.set(DetailsStatus::Ready);
        return;
    }
    status.set(DetailsStatus::Loading);
    let styles = load_later_styles();
    wasm_bindgen_futures::spawn_local(async move {
        let result = fetch_files(lang, DETAIL_FILES).await.and_then(|files| {
            let files: Vec<(&str, &str)> = files.iter().map(|(n, t)| (*n, t.as_str())).collect();
            Content::install_details(lang, &files).map_err(|e| e.0)
        });
        // The screens that need the details also need their stylesheet: no unstyled flash.
        if let Some(loaded) = styles {
            let _ = loaded.await;
        }
        match result {
            Ok(()) => status.set(DetailsStatus::Ready),
            Err(e) => {
                // A warning, not an error: the page says so and offers to try again.
                web_sys::console::warn_1(&format!("guide: treatment details: {e}").into());
                status.set(DetailsStatus::Failed);
            }
        }
    });
}

/// Starts loading the later screens' stylesheet (results, cards, summary, print), which a release
/// build names in `<meta name="guide-later-css">` instead of linking it (`pwa/gen-sw.sh`: not part of
/// the first load); the future ends when it has loaded or failed. `None` when there is nothing to
/// load (a dev build links every stylesheet) or it is there already.
fn load_later_styles() -> Option<JsFuture> {
    let doc = web_sys::window()?.document()?;
    let href = doc
        .query_selector("meta[name=guide-later-css]")
        .ok()??
        .get_attribute("content")?;
    if doc.query_selector("link[data-later-css]").ok()?.is_some() {
        return None;
    }
    let link = doc.create_element("link").ok()?;
    let _ = link.set_attribute("rel", "stylesheet");
    let _ = link.set_attribute("href", &href);
    let _ = link.set_attribute("data-later-css", "");
    let done = web_sys::js_sys::Promise::new(&mut |resolve, _reject| {
        let _ = link.add_event_listener_with_callback("load", &resolve);
        let _ = link.add_event_listener_with_callback("error", &resolve);
    });
    doc.head()?.append_child(&link).ok()?;
    Some(JsFuture::from(done))
}

/// Fetches content files of a language (all at once), as (file name, text): the details, or
/// another language's core files (`crate::lang::ensure_core`).
pub async fn fetch_files(
    lang: Lang,
    names: &'static [&'static str],
) -> Result<Vec<(&'static str, String)>, String> {
    let window = web_sys::window().ok_or("no window")?;
    // Ask the server each time whether the file changed (the names carry no content hash); the
    // service worker, when there, answers from its copy of this build.
    let init = web_sys::RequestInit::new();
    init.set_cache(web_sys::RequestCache::NoCache);
    // Every request starts now; each promise gets its handler at once (JsFuture), so a failure
    // after the first one is never an "uncaught" rejection.
    let pending: Vec<(&'static str, JsFuture)> = names
        .iter()
        .map(|file| {
            let promise = window.fetch_with_str_and_init(&detail_url(lang, file), &init);
            (*file, JsFuture::from(promise))
        })
        .collect();
    let mut files = Vec::with_capacity(pending.len());
    for (file, request) in pending {
        let response: web_sys::Response = request
            .await
            .ok()
            .and_then(|r| r.dyn_into().ok())
            .ok_or_else(|| format!("{file}: not reachable"))?;
        if !response.ok() {
            return Err(format!("{file}: HTTP {}", response.status()));
        }
        let text = match response.text() {
            Ok(promise) => JsFuture::from(promise)
                .await
                .ok()
                .and_then(|t| t.as_string()),
            Err(_) => None,
        }
        .ok_or_else(|| format!("{file}: could not be read"))?;
        files.push((file, text));
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detail_urls_are_relative_to_the_page() {
        assert_eq!(
            detail_url(Lang::En, "options/local.json"),
            "content/en/options/local.json"
        );
        assert_eq!(
            detail_url(Lang::En, "sources.json"),
            "content/en/sources.json"
        );
        for f in DETAIL_FILES {
            assert!(!detail_url(Lang::En, f).starts_with('/'));
        }
    }

    #[test]
    fn status_ids() {
        assert_eq!(DetailsStatus::Loading.id(), "loading");
        assert_eq!(DetailsStatus::Ready.id(), "ready");
        assert_eq!(DetailsStatus::Failed.id(), "failed");
    }
}
