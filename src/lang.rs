//! Which language the guide speaks (`guide_content::Lang`), chosen on the device and never sent.
//!
//! The order: `?lang=` in the address (a link, or a partner's embed), then the person's own choice
//! kept on the device under its own key ([`LANG_KEY`]: a display preference like the text size,
//! so "Start over" keeps it and "Delete my answers" removes it), then the device's languages in
//! order (`navigator.languages`, read here), then English. `index.html`'s first script makes the
//! same choice to leave out the pre-rendered (English) welcome; `tests/lang.rs` and
//! `e2e/tests/spanish.rs` keep both equal.
//!
//! English is in the wasm. Another language's core files (`guide_content::CORE_FILES`: the first
//! screen and the urgent help) are fetched before the app mounts in it ([`ensure_core`]), then its
//! details like English's (`crate::details`). The service worker precaches every language.

use std::cell::Cell;

use guide_content::{Content, Lang, CORE_FILES};

/// The key of the person's own choice on the device.
pub const LANG_KEY: &str = "recurrence-guide.lang";

/// The language to show: `?lang=` first, then the saved choice, then the device's languages in
/// order, then English. Tags the guide does not have are passed over ("fr-CA" then "es-MX" is
/// Spanish).
pub fn choose(param: Option<&str>, saved: Option<&str>, device: &[String]) -> Lang {
    param
        .and_then(Lang::from_tag)
        .or_else(|| saved.and_then(Lang::from_tag))
        .or_else(|| device.iter().find_map(|t| Lang::from_tag(t)))
        .unwrap_or(Lang::En)
}

/// The value of `name` in a query string (`?a=1&lang=es`), if any.
pub fn query_param<'a>(search: &'a str, name: &str) -> Option<&'a str> {
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix(name)?.strip_prefix('='))
}

thread_local! {
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::En) };
}

/// The language the screens are in now (English until [`set_current`]).
pub fn current() -> Lang {
    CURRENT.with(Cell::get)
}

/// Makes `lang` the language of the screens and of `<html lang>` (the page's title follows the
/// screen, `components::layout`). Its content must be there ([`ensure_core`]).
pub fn set_current(lang: Lang) {
    CURRENT.with(|c| c.set(lang));
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", lang.code());
    }
}

/// The language this page should open in (see the module's order).
pub fn from_page() -> Lang {
    let Some(window) = web_sys::window() else {
        return Lang::En;
    };
    let search = window.location().search().unwrap_or_default();
    let saved = crate::storage::read_pref(LANG_KEY);
    let device: Vec<String> = window
        .navigator()
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    choose(query_param(&search, "lang"), saved.as_deref(), &device)
}

/// Keeps the person's choice on the device (blocked storage: it still applies to this visit).
pub fn save_choice(lang: Lang) {
    let _ = crate::storage::write_pref(LANG_KEY, Some(lang.code()));
}

/// Fetches and installs the core files of a language that is not in the wasm (nothing to do for
/// English or once installed).
pub async fn ensure_core(lang: Lang) -> Result<(), String> {
    if Content::core_ready(lang) {
        return Ok(());
    }
    let files = crate::details::fetch_files(lang, CORE_FILES).await?;
    let files: Vec<(&str, &str)> = files.iter().map(|(n, t)| (*n, t.as_str())).collect();
    Content::install_core(lang, &files).map_err(|e| e.0)
}

/// The address of this page in `lang`: the same page with `lang=<code>` in its query, the rest
/// of the query kept (an embed keeps its theme).
pub fn address_in(href: &str, lang: Lang) -> String {
    let (rest, hash) = match href.find('#') {
        Some(i) => href.split_at(i),
        None => (href, ""),
    };
    let (path, query) = match rest.find('?') {
        Some(i) => (&rest[..i], &rest[i + 1..]),
        None => (rest, ""),
    };
    let mut pairs: Vec<&str> = query
        .split('&')
        .filter(|p| !p.is_empty() && *p != "lang" && !p.starts_with("lang="))
        .collect();
    let ours = format!("lang={}", lang.code());
    pairs.push(&ours);
    format!("{path}?{}{hash}", pairs.join("&"))
}

/// Opens the guide in another language: the choice is kept on the device, and the page opens
/// again in it. The answers are saved on every change, so they are there after; where the
/// browser keeps nothing, the storage notice has said so already.
pub fn switch_to(lang: Lang) {
    save_choice(lang);
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return;
    };
    if let Ok(href) = location.href() {
        let _ = location.replace(&address_in(&href, lang));
    }
}
