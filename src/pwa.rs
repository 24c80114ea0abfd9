//! Offline, install and "Delete my answers" in the page.
//!
//! - [`start`] (called once by the app) registers the service worker `./sw.js` (scope `./`, so
//!   it works under any sub-path) once the first screen is on the page and the page has loaded.
//!   Never in an embed (in a frame, or `?embed=1`): a partner's page should not install a worker
//!   in its visitors' browsers, and the partitioned storage there would not keep it anyway.
//! - When a new version of the guide is installed and waiting, [`PwaNotices`] offers it
//!   politely ("A new version of the guide is ready" + Reload). Reload asks the waiting worker
//!   to take over (`SKIP_WAITING`) and reloads when it has. Nothing changes on its own while
//!   someone is answering.
//! - [`DeleteAnswers`] (in the footer of every screen) and its [`DeleteDialog`] remove everything the guide stored in
//!   this browser: every localStorage key of the guide ([`crate::storage::delete_all`]) and any
//!   Cache Storage cache other than the service worker's app-shell caches (`guide-*`, which hold
//!   only the guide's own static files, never answers), then says so - or, when the browser
//!   refused, says what is still there ([`crate::storage::DeleteReport`]).
//! - [`keep_answers`] (after the first saved answer): asks the browser to keep the guide's
//!   storage (`navigator.storage.persist()`, not in Firefox, where it is a prompt), and where the
//!   browser may clear it after 7 days without a visit (WebKit, not opened from the home screen)
//!   says so once ([`KeepNotice`]).
//!
//! The service worker itself is `pwa/sw.js`; `pwa/gen-sw.sh` (a Trunk post_build hook) writes
//! its file list and version. The browser APIs are declared here with `wasm_bindgen` (a few
//! calls; no extra web-sys features).

use std::cell::Cell;
use std::rc::Rc;

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::js_sys::{self, Array, Promise, Reflect};

use crate::components::{ui, ui_with, AppState};

/// Prefix of the service worker's caches (`pwa/sw.js`): the app shell, kept by "Delete my answers".
pub const SHELL_CACHE_PREFIX: &str = "guide-";

/// Whether the page runs as an embed by its query string: the embed's own reading
/// (`crate::embed::parse`: `embed=1` or `embed=true`), so the two can never disagree.
pub fn is_embed_query(search: &str) -> bool {
    crate::embed::parse(search).embed
}

/// The Cache Storage caches "Delete my answers" removes: all but the app shell's.
pub fn caches_to_delete<I: IntoIterator<Item = String>>(names: I) -> Vec<String> {
    names
        .into_iter()
        .filter(|n| !n.starts_with(SHELL_CACHE_PREFIX))
        .collect()
}

// ------------------------------------------------------------------ browser APIs

#[wasm_bindgen]
extern "C" {
    /// `ServiceWorkerContainer` (`navigator.serviceWorker`).
    #[derive(Clone)]
    type SwContainer;
    #[wasm_bindgen(method, catch)]
    fn register(this: &SwContainer, url: &str, options: &JsValue) -> Result<Promise, JsValue>;
    #[wasm_bindgen(method, getter)]
    fn controller(this: &SwContainer) -> JsValue;
    #[wasm_bindgen(method, js_name = addEventListener)]
    fn on(this: &SwContainer, kind: &str, listener: &js_sys::Function);

    /// `ServiceWorkerRegistration`.
    #[derive(Clone)]
    type SwRegistration;
    #[wasm_bindgen(method, getter)]
    fn waiting(this: &SwRegistration) -> JsValue;
    #[wasm_bindgen(method, getter)]
    fn installing(this: &SwRegistration) -> JsValue;
    #[wasm_bindgen(method, catch)]
    fn update(this: &SwRegistration) -> Result<Promise, JsValue>;
    #[wasm_bindgen(method, js_name = addEventListener)]
    fn on(this: &SwRegistration, kind: &str, listener: &js_sys::Function);

    /// `ServiceWorker`.
    #[derive(Clone)]
    type Sw;
    #[wasm_bindgen(method, getter)]
    fn state(this: &Sw) -> String;
    #[wasm_bindgen(method, catch, js_name = postMessage)]
    fn post_message(this: &Sw, message: &JsValue) -> Result<(), JsValue>;
    #[wasm_bindgen(method, js_name = addEventListener)]
    fn on(this: &Sw, kind: &str, listener: &js_sys::Function);

    /// `CacheStorage` (`window.caches`).
    #[derive(Clone)]
    type CacheStore;
    #[wasm_bindgen(method, catch)]
    fn keys(this: &CacheStore) -> Result<Promise, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn delete(this: &CacheStore, name: &str) -> Result<Promise, JsValue>;
}

/// A property of a browser object, `None` when missing or when reading it throws (e.g.
/// `navigator.serviceWorker` in a sandboxed frame throws a SecurityError).
fn property(target: &JsValue, name: &str) -> Option<JsValue> {
    Reflect::get(target, &JsValue::from_str(name))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

fn sw_container() -> Option<SwContainer> {
    let navigator = property(&web_sys::window()?.into(), "navigator")?;
    property(&navigator, "serviceWorker").map(JsCast::unchecked_into)
}

fn cache_store() -> Option<CacheStore> {
    property(&web_sys::window()?.into(), "caches").map(JsCast::unchecked_into)
}

/// Runs `f` on every `kind` event of `target` for the life of the page.
fn listen(add: impl FnOnce(&js_sys::Function), f: impl FnMut() + 'static) {
    let closure = Closure::<dyn FnMut()>::new(f);
    add(closure.as_ref().unchecked_ref());
    closure.forget();
}

/// Awaits a promise, ignoring failure (offline update checks, blocked storage...): a rejected
/// promise nobody awaits would be an "Uncaught (in promise)" console error.
async fn settle(promise: Result<Promise, JsValue>) -> Option<JsValue> {
    JsFuture::from(promise.ok()?).await.ok()
}

fn in_embed() -> bool {
    let Some(window) = web_sys::window() else {
        return true;
    };
    let framed = match window.parent() {
        Ok(Some(parent)) => !js_sys::Object::is(&parent, &window),
        _ => true,
    };
    framed || is_embed_query(&window.location().search().unwrap_or_default())
}

// ------------------------------------------------------------------ state

/// What the page knows about offline support, in context.
#[derive(Clone, Copy)]
pub struct Pwa {
    /// A new version is installed and waiting to take over.
    pub update_ready: RwSignal<bool>,
    /// "Delete my answers" has just been done.
    pub deleted: RwSignal<bool>,
    /// "Delete my answers" left something behind: what, in words.
    pub delete_problem: RwSignal<Option<String>>,
    /// Say (once) that this browser may clear the answers after a week without a visit.
    pub week_note: RwSignal<bool>,
    /// [`keep_answers`] has run in this page.
    asked: StoredValue<bool>,
    registration: StoredValue<Option<SwRegistration>, LocalStorage>,
    reloading: StoredValue<bool>,
    /// The "Delete my answers?" dialog ([`DeleteDialog`], opened by [`DeleteAnswers`]).
    delete_dialog: NodeRef<html::Dialog>,
}

impl Pwa {
    fn get() -> Pwa {
        use_context::<Pwa>().unwrap_or_else(|| {
            let pwa = Pwa {
                update_ready: RwSignal::new(false),
                deleted: RwSignal::new(false),
                delete_problem: RwSignal::new(None),
                week_note: RwSignal::new(false),
                asked: StoredValue::new(false),
                registration: StoredValue::new_local(None),
                reloading: StoredValue::new(false),
                delete_dialog: NodeRef::new(),
            };
            provide_context(pwa);
            pwa
        })
    }
}

/// Provides the [`Pwa`] state and, after the first render and the page's load event, registers
/// the service worker (not in an embed). Call once from the app's root component.
pub fn start() {
    let pwa = Pwa::get();
    // Effects run after the first render, so the first screen never waits for any of this.
    Effect::new(move |_| {
        if in_embed() {
            return;
        }
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        if document.ready_state() == "complete" {
            set_timeout(move || register(pwa), std::time::Duration::ZERO);
        } else {
            let done = Rc::new(Cell::new(false));
            listen(
                |f| {
                    if let Some(w) = web_sys::window() {
                        let _ = w.add_event_listener_with_callback("load", f);
                    }
                },
                move || {
                    if !done.replace(true) {
                        register(pwa);
                    }
                },
            );
        }
    });
}

fn register(pwa: Pwa) {
    let Some(container) = sw_container() else {
        return; // no service workers here (old browser, insecure origin, sandboxed frame)
    };
    let options = js_sys::Object::new();
    let _ = Reflect::set(&options, &"scope".into(), &"./".into());
    let registering = container.register("./sw.js", &options);
    leptos::task::spawn_local(async move {
        let Some(registration) = settle(registering).await else {
            return;
        };
        let registration: SwRegistration = registration.unchecked_into();
        watch(pwa, &container, &registration);
        pwa.registration.set_value(Some(registration));
    });
}

/// Offers a new version when one waits; reloads once the new worker has taken over (only
/// after the person pressed Reload: the first install's `clients.claim()` also changes the
/// controller, and must not reload the page).
fn watch(pwa: Pwa, container: &SwContainer, registration: &SwRegistration) {
    let has_controller = {
        let container = container.clone();
        move || !container.controller().is_null()
    };
    if !registration.waiting().is_null() && has_controller() {
        pwa.update_ready.set(true);
    }
    // A worker that finishes installing while another controls the page is a new version.
    let track = move |worker: Sw| {
        let watched = worker.clone();
        let has_controller = has_controller.clone();
        listen(
            |f| worker.on("statechange", f),
            move || {
                if watched.state() == "installed" && has_controller() {
                    pwa.update_ready.set(true);
                }
            },
        );
    };
    // The browser may have started installing it already (it checks on every page load).
    let installing = registration.installing();
    if !installing.is_null() {
        track(installing.unchecked_into());
    }
    let found = registration.clone();
    listen(
        |f| registration.on("updatefound", f),
        move || {
            let installing = found.installing();
            if !installing.is_null() {
                track(installing.unchecked_into());
            }
        },
    );
    listen(
        |f| container.on("controllerchange", f),
        move || {
            if pwa.reloading.get_value() {
                pwa.reloading.set_value(false);
                reload();
            }
        },
    );
    // A tab left open for days still learns about new versions: check when it is shown again.
    let registration = registration.clone();
    listen(
        |f| {
            if let Some(d) = web_sys::window().and_then(|w| w.document()) {
                let _ = d.add_event_listener_with_callback("visibilitychange", f);
            }
        },
        move || {
            let hidden = web_sys::window()
                .and_then(|w| w.document())
                .is_none_or(|d| d.hidden());
            if !hidden {
                let check = registration.update();
                leptos::task::spawn_local(async move {
                    let _ = settle(check).await;
                });
            }
        },
    );
}

/// Asks the waiting worker to take over; the page reloads when it has.
fn take_update(pwa: Pwa) {
    let waiting = pwa
        .registration
        .with_value(|r| r.as_ref().map(|r| r.waiting()))
        .filter(|w| !w.is_null());
    match waiting {
        Some(worker) => {
            pwa.reloading.set_value(true);
            let worker: Sw = worker.unchecked_into();
            if worker
                .post_message(&JsValue::from_str("SKIP_WAITING"))
                .is_err()
            {
                reload();
            }
        }
        None => reload(),
    }
}

fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// Deletes every Cache Storage cache but the app shell's. Returns how many were deleted.
async fn delete_other_caches() -> usize {
    let Some(store) = cache_store() else {
        return 0;
    };
    let Some(names) = settle(store.keys()).await else {
        return 0;
    };
    let names: Vec<String> = Array::from(&names)
        .iter()
        .filter_map(|n| n.as_string())
        .collect();
    let mut deleted = 0;
    for name in caches_to_delete(names) {
        if settle(store.delete(&name)).await.is_some() {
            deleted += 1;
        }
    }
    deleted
}

/// Set once the 7-day notice was shown (removed by "Delete my answers").
pub const TOLD_KEY: &str = "recurrence-guide.told-week";

/// Calls `target.name(arg)`; `None` when missing or when it throws.
fn call(target: &JsValue, name: &str, arg: &JsValue) -> Option<JsValue> {
    let f: js_sys::Function = property(target, name)?.dyn_into().ok()?;
    f.call1(target, arg).ok()
}

/// After the first saved answer (once per page, never in an embed): asks the browser to keep
/// the guide's storage, and says once where it may be cleared after a week without a visit.
pub fn keep_answers() {
    let pwa = Pwa::get();
    if pwa.asked.get_value() || in_embed() {
        return;
    }
    pwa.asked.set_value(true);
    let Some(window) = web_sys::window() else {
        return;
    };
    let win: JsValue = window.into();
    let navigator = property(&win, "navigator");
    // Firefox shows a permission prompt for this; everywhere else the browser decides quietly.
    let firefox = Reflect::has(&win, &"mozInnerScreenX".into()).unwrap_or(true);
    if !firefox {
        let asked = navigator
            .as_ref()
            .and_then(|n| property(n, "storage"))
            .and_then(|s| call(&s, "persist", &JsValue::UNDEFINED))
            .and_then(|p| p.dyn_into::<Promise>().ok());
        // A refusal changes nothing (and must not be an unhandled rejection).
        leptos::task::spawn_local(async move {
            let _ = settle(asked.ok_or(JsValue::NULL)).await;
        });
    }
    // WebKit (Safari, and every browser on iPhone and iPad) clears what a site saved after 7
    // days without a visit, unless the guide was added to the home screen. `GestureEvent`
    // exists only in WebKit; `navigator.standalone` / `display-mode` say "from the home screen".
    let webkit = Reflect::has(&win, &"GestureEvent".into()).unwrap_or(false);
    let standalone = navigator
        .as_ref()
        .and_then(|n| property(n, "standalone"))
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
        || call(&win, "matchMedia", &"(display-mode: standalone)".into())
            .and_then(|m| property(&m, "matches"))
            .and_then(|v| v.as_bool())
            .unwrap_or(false);
    if webkit && !standalone && crate::storage::read_pref(TOLD_KEY).is_none() {
        let _ = crate::storage::write_pref(TOLD_KEY, Some("1"));
        pwa.week_note.set(true);
    }
}

// ------------------------------------------------------------------ components

/// The one-time word about browsers that clear saved answers after a week without a visit,
/// with "Save as file" and how to add the guide to the home screen.
#[component]
pub fn KeepNotice() -> impl IntoView {
    let pwa = Pwa::get();
    // Its words come with the details (ui_more.json).
    let details = crate::components::AppState::get().details;
    view! {
        <Show when=move || pwa.week_note.get() && details.get() == crate::details::DetailsStatus::Ready>
            <div class="notice notice-keep" data-notice="storage.week">
                <p>{ui("storage.week")}</p>
                <p>{ui("storage.week_home")}</p>
                <crate::components::file_tools::SaveFile id="keep-save-file" />
                <button type="button" class="button secondary" id="keep-ok" on:click=move |_| pwa.week_note.set(false)>
                    {ui("storage.week_ok")}
                </button>
            </div>
        </Show>
    }
}

/// The "new version" offer and the "deleted" confirmation, in one polite live region (it is
/// always on the page, so screen readers announce what appears in it).
#[component]
pub fn PwaNotices() -> impl IntoView {
    let pwa = Pwa::get();
    let state = AppState::get();
    view! {
        <div class="pwa-notices" role="status" aria-live="polite">
            <Show when=move || pwa.update_ready.get()>
                <p class="notice notice-update" data-notice="pwa.update_ready">
                    {ui("pwa.update_ready")} " "
                    <button type="button" class="button secondary" id="pwa-reload" on:click=move |_| take_update(pwa)>
                        {ui("pwa.reload")}
                    </button>
                </p>
            </Show>
            <Show when=move || pwa.deleted.get() && state.answers.with(|a| a.is_empty())>
                <p class="notice notice-deleted" data-notice="privacy.deleted">{ui("privacy.deleted")}</p>
            </Show>
            {move || pwa.delete_problem.get().map(|t| view! {
                <p class="notice notice-storage" data-notice="privacy.delete_failed">{t}</p>
            })}
        </div>
    }
}

/// "Delete my answers": the button (in the footer of every screen). It opens [`DeleteDialog`].
#[component]
pub fn DeleteAnswers() -> impl IntoView {
    let pwa = Pwa::get();
    view! {
        <p class="delete-answers">
            <button type="button" class="link-button" id="delete-answers" aria-haspopup="dialog"
                on:click=move |_| {
                    if let Some(d) = pwa.delete_dialog.get() {
                        let _ = d.show_modal();
                        // By script, not `autofocus` (refused, with a console error, in a
                        // frame of another site: the embed).
                        if let Ok(Some(safe)) = d.query_selector("#cancel-delete") {
                            if let Some(safe) = safe.dyn_ref::<web_sys::HtmlElement>() {
                                let _ = safe.focus();
                            }
                        }
                    }
                }>
                {ui("privacy.delete")}
            </button>
        </p>
    }
}

/// The confirmation of "Delete my answers" (placed last in the page, after the other dialogs).
/// Yes removes everything the guide stored in this browser and starts again at the welcome
/// screen, which then says so.
#[component]
pub fn DeleteDialog() -> impl IntoView {
    let pwa = Pwa::get();
    let state = AppState::get();
    let dialog = pwa.delete_dialog;
    let close = move || {
        if let Some(d) = dialog.get() {
            d.close();
        }
    };
    let confirm = move |_| {
        close();
        let report = crate::storage::delete_all();
        let problem = (!report.left.is_empty()).then(|| {
            let what: Vec<&str> = report.left_ui_keys().into_iter().map(ui).collect();
            ui_with("privacy.delete_failed", &[("what", &what.join("; "))])
        });
        pwa.delete_problem.set(problem);
        if report.left.iter().any(|k| k == crate::storage::KEY) {
            // The saved answers are still there: the page keeps showing them, and says so.
            pwa.deleted.set(false);
            return;
        }
        // The text size was stored too: back to the standard size, as on a first visit.
        crate::components::text_size::set_text_size(crate::text_size::TextSize::Standard);
        // Open storage afresh: whatever made it read-only (data kept aside, data from a newer
        // version) is gone now, and so is the notice about it.
        let (store, startup) = crate::storage::open_browser_store();
        state.store.set_value(store);
        state.notice.set(startup.notice);
        state.save_error.set(None);
        state.start_over();
        pwa.deleted.set(true);
        leptos::task::spawn_local(async move {
            delete_other_caches().await;
        });
    };
    view! {
        <dialog node_ref=dialog class="dialog" aria-labelledby="delete-title" aria-describedby="delete-body">
            <h2 id="delete-title">{ui("privacy.delete_title")}</h2>
            <p id="delete-body">{ui("privacy.delete_body")}</p>
            <div class="actions">
                <button type="button" class="button danger" id="confirm-delete" on:click=confirm>
                    {ui("privacy.delete_confirm")}
                </button>
                <button type="button" class="button secondary" id="cancel-delete" on:click=move |_| close()>
                    {ui("privacy.delete_cancel")}
                </button>
            </div>
        </dialog>
    }
}
