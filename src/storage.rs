//! The one module that touches the browser's storage.
//!
//! Saved form (key [`KEY`]): `{"schema": 1, "saved_at": "...", "screen": "q:sites", "profile": {...}}`
//! where `profile` is the engine's profile JSON. Optional fields added later (same schema; an
//! older copy without them still loads, and a damaged one is ignored rather than losing the
//! answers): `notes`, `own_questions`, `values`, `compare` (see [`crate::personal`]).
//!
//! Everything that decides (reading the envelope, what to do with bad or newer data, what to
//! tell the person) is plain Rust over the [`Backend`] trait and tested natively
//! (`tests/storage_logic.rs`) with a fake backend. Only [`WebStorage`] and [`open_browser_store`]
//! call the browser. Nothing here panics on anything found in storage.

use guide_engine::{Profile, PROFILE_VERSION};
use serde_json::{json, Value};

use crate::personal::Personal;

/// Every key the guide writes starts with this (what "Delete my answers" removes: [`delete_all`]).
pub const KEY_PREFIX: &str = "recurrence-guide.";
/// Where the answers are saved.
pub const KEY: &str = "recurrence-guide.answers";
/// Saved data that could not be read is moved here (then `<key>.<time>` if taken), never deleted.
pub const UNREADABLE_KEY: &str = "recurrence-guide.answers.unreadable";
/// Written and removed once at start to see whether storage works at all.
pub const PROBE_KEY: &str = "recurrence-guide.probe";
/// The envelope version this app writes and reads.
pub const SCHEMA: u64 = 1;

/// Why a storage call failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The browser's storage is full (`QuotaExceededError`).
    Quota,
    /// Anything else (blocked, security error, ...).
    Other(String),
}

/// A key-value store: the browser's localStorage, or a fake in tests.
pub trait Backend {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&self, key: &str) -> Result<(), StoreError>;
}

/// What is said to the person about saving. Each maps to a UI string.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    /// No usable storage: answers live only in this page.
    Unavailable,
    /// Saved data could not be read; it was kept aside and the guide started fresh.
    Unreadable,
    /// Saved data from a newer version: left untouched, answers live only in this page.
    Future,
    /// A save failed because storage is full.
    Quota,
}

impl Notice {
    /// The `ui.json` key of the message.
    pub fn ui_key(self) -> &'static str {
        match self {
            Notice::Unavailable => "storage.unavailable",
            Notice::Unreadable => "storage.unreadable",
            Notice::Future => "storage.future",
            Notice::Quota => "storage.quota",
        }
    }
}

/// A readable saved envelope.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Saved {
    pub profile: Profile,
    pub screen: Option<String>,
    pub saved_at: Option<String>,
    /// Notes, own questions, values, comparison picks (empty when absent or damaged).
    pub personal: Personal,
}

/// What was found under [`KEY`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found {
    Saved(Box<Saved>),
    /// Written by a newer version of the guide (envelope schema or profile version).
    Newer,
    /// Not JSON, not our envelope, or a profile the engine refuses. `reason` is for developers.
    Unreadable {
        reason: String,
    },
}

/// Reads a saved envelope. Pure; never panics.
pub fn parse_envelope(raw: &str) -> Found {
    let v: Value = match serde_json::from_str(raw) {
        Ok(v) => v,
        Err(e) => {
            return Found::Unreadable {
                reason: format!("not JSON: {e}"),
            }
        }
    };
    let Some(obj) = v.as_object() else {
        return Found::Unreadable {
            reason: "not a JSON object".into(),
        };
    };
    let schema = match obj.get("schema").and_then(Value::as_u64) {
        Some(s) => s,
        None => {
            return Found::Unreadable {
                reason: "no schema number".into(),
            }
        }
    };
    if schema > SCHEMA {
        return Found::Newer;
    }
    if schema != SCHEMA {
        return Found::Unreadable {
            reason: format!("schema {schema} is not supported"),
        };
    }
    let Some(profile) = obj.get("profile") else {
        return Found::Unreadable {
            reason: "no profile".into(),
        };
    };
    if profile
        .get("version")
        .and_then(Value::as_u64)
        .is_some_and(|v| v > PROFILE_VERSION as u64)
    {
        return Found::Newer;
    }
    match Profile::from_value(profile.clone()) {
        Ok(profile) => Found::Saved(Box::new(Saved {
            profile,
            screen: obj.get("screen").and_then(Value::as_str).map(str::to_owned),
            saved_at: obj
                .get("saved_at")
                .and_then(Value::as_str)
                .map(str::to_owned),
            personal: Personal::from_fields_lenient(obj),
        })),
        Err(e) => Found::Unreadable {
            reason: format!("profile: {e}"),
        },
    }
}

/// The saved form of the answers and the screen.
pub fn envelope_json(profile: &Profile, screen: &str, saved_at: &str) -> String {
    envelope_json_with(profile, screen, &Personal::default(), saved_at)
}

/// The saved form of the answers, the screen and what the person added (empty parts left out,
/// so with nothing added it is exactly [`envelope_json`]).
pub fn envelope_json_with(
    profile: &Profile,
    screen: &str,
    personal: &Personal,
    saved_at: &str,
) -> String {
    let profile = serde_json::to_value(profile).unwrap_or(Value::Null);
    let mut v = json!({
        "schema": SCHEMA,
        "saved_at": saved_at,
        "screen": screen,
        "profile": profile,
    });
    if let Some(obj) = v.as_object_mut() {
        obj.extend(personal.to_fields(true));
    }
    v.to_string()
}

/// Whether the backend can be written to: one test write and remove.
pub fn probe<B: Backend>(backend: B) -> Option<B> {
    backend.set(PROBE_KEY, "1").ok()?;
    backend.remove(PROBE_KEY).ok()?;
    Some(backend)
}

/// How answers are kept for this visit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Saved in the backend on every change.
    Saving,
    /// Kept in memory only; the backend is never written (absent, blocked, holds newer data,
    /// or holds unreadable data that could not be moved aside).
    MemoryOnly,
}

/// What the app starts with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Startup {
    pub profile: Profile,
    /// The saved screen (see `state::Screen::id`), if any.
    pub screen: Option<String>,
    pub notice: Option<Notice>,
    /// Notes, own questions, values, comparison picks.
    pub personal: Personal,
}

/// The answers' store for this visit.
pub struct Store<B: Backend> {
    backend: Option<B>,
    mode: Mode,
}

impl<B: Backend> Store<B> {
    /// Opens the store on a probed backend (`None` = no usable storage) and reads what was saved.
    /// `now` names a second copy of unreadable data when the first slot is taken.
    pub fn open(backend: Option<B>, now: &str) -> (Store<B>, Startup) {
        let fresh = |notice: Option<Notice>| Startup {
            profile: Profile::new(),
            screen: None,
            notice,
            personal: Personal::default(),
        };
        let Some(backend) = backend else {
            return (
                Store {
                    backend: None,
                    mode: Mode::MemoryOnly,
                },
                fresh(Some(Notice::Unavailable)),
            );
        };
        let raw = match backend.get(KEY) {
            Ok(raw) => raw,
            Err(_) => {
                return (
                    Store {
                        backend: None,
                        mode: Mode::MemoryOnly,
                    },
                    fresh(Some(Notice::Unavailable)),
                )
            }
        };
        let Some(raw) = raw else {
            return (
                Store {
                    backend: Some(backend),
                    mode: Mode::Saving,
                },
                fresh(None),
            );
        };
        match parse_envelope(&raw) {
            Found::Saved(saved) => (
                Store {
                    backend: Some(backend),
                    mode: Mode::Saving,
                },
                Startup {
                    profile: saved.profile,
                    screen: saved.screen,
                    notice: None,
                    personal: saved.personal,
                },
            ),
            Found::Newer => (
                Store {
                    backend: Some(backend),
                    mode: Mode::MemoryOnly,
                },
                fresh(Some(Notice::Future)),
            ),
            Found::Unreadable { .. } => {
                let mode = if keep_aside(&backend, &raw, now) {
                    Mode::Saving
                } else {
                    // Could not copy it: leave it where it is and do not write over it.
                    Mode::MemoryOnly
                };
                (
                    Store {
                        backend: Some(backend),
                        mode,
                    },
                    fresh(Some(Notice::Unreadable)),
                )
            }
        }
    }

    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// Saves the answers and screen (nothing to do in memory-only mode).
    pub fn save(&self, profile: &Profile, screen: &str, now: &str) -> Result<(), StoreError> {
        match (&self.backend, self.mode) {
            (Some(b), Mode::Saving) => b.set(KEY, &envelope_json(profile, screen, now)),
            _ => Ok(()),
        }
    }

    /// Saves the answers, screen and what the person added (nothing to do in memory-only mode).
    pub fn save_with(
        &self,
        profile: &Profile,
        screen: &str,
        personal: &Personal,
        now: &str,
    ) -> Result<(), StoreError> {
        match (&self.backend, self.mode) {
            (Some(b), Mode::Saving) => {
                b.set(KEY, &envelope_json_with(profile, screen, personal, now))
            }
            _ => Ok(()),
        }
    }

    /// Removes the saved answers (Start over). Data written by a newer version is left alone.
    pub fn clear(&self) -> Result<(), StoreError> {
        match (&self.backend, self.mode) {
            (Some(b), Mode::Saving) => b.remove(KEY),
            _ => Ok(()),
        }
    }
}

/// Copies unreadable data to [`UNREADABLE_KEY`] (or `<key>.<now>` when that is taken by other
/// data), checks the copy, then removes the original. Returns false (and changes nothing) when
/// the copy could not be made.
fn keep_aside<B: Backend>(b: &B, raw: &str, now: &str) -> bool {
    let mut target = UNREADABLE_KEY.to_owned();
    match b.get(&target) {
        Ok(None) => {}
        Ok(Some(existing)) if existing == raw => {
            // Already kept aside (e.g. a reload before the first save): just free the slot.
            let _ = b.remove(KEY);
            return true;
        }
        Ok(Some(_)) => target = format!("{UNREADABLE_KEY}.{now}"),
        Err(_) => return false,
    }
    if b.set(&target, raw).is_err() {
        return false;
    }
    if b.get(&target).ok().flatten().as_deref() != Some(raw) {
        return false;
    }
    let _ = b.remove(KEY);
    true
}

// ------------------------------------------------------------------ the browser layer

/// The browser's `localStorage`.
pub struct WebStorage(web_sys::Storage);

fn js_error(e: web_sys::wasm_bindgen::JsValue) -> StoreError {
    use web_sys::wasm_bindgen::JsCast;
    let (name, code) = match e.dyn_ref::<web_sys::DomException>() {
        Some(d) => (d.name(), d.code()),
        None => (String::new(), 0),
    };
    // 22 / 1014: old WebKit / Firefox quota codes.
    if name.to_ascii_lowercase().contains("quota") || code == 22 || code == 1014 {
        StoreError::Quota
    } else {
        StoreError::Other(if name.is_empty() {
            "storage error".into()
        } else {
            name
        })
    }
}

impl Backend for WebStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.0.get_item(key).map_err(js_error)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.0.set_item(key, value).map_err(js_error)
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.0.remove_item(key).map_err(js_error)
    }
}

/// The keys among `keys` that belong to the guide (start with [`KEY_PREFIX`]).
pub fn guide_keys<I: IntoIterator<Item = String>>(keys: I) -> Vec<String> {
    keys.into_iter()
        .filter(|k| k.starts_with(KEY_PREFIX))
        .collect()
}

/// "Delete my answers": removes every key of the guide from `localStorage` - the answers, data
/// kept aside as unreadable, data from a newer version - and returns how many. Other sites'
/// and other apps' keys are left alone. Never throws (blocked storage is an error).
pub fn delete_all() -> Result<usize, StoreError> {
    let storage = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or_else(|| StoreError::Other("no localStorage".into()))?;
    let count = storage.length().map_err(js_error)?;
    let keys = guide_keys((0..count).filter_map(|i| storage.key(i).ok().flatten()));
    for key in &keys {
        storage.remove_item(key).map_err(js_error)?;
    }
    Ok(keys.len())
}

/// The text size (`crate::text_size`): a display preference under its own key, so "Start over"
/// keeps it and "Delete my answers" (every key with [`KEY_PREFIX`]) removes it.
pub const TEXT_SIZE_KEY: &str = "recurrence-guide.text-size";

/// Reads a preference from `localStorage`; `None` when absent or storage is blocked (never throws).
pub fn read_pref(key: &str) -> Option<String> {
    let backend = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .map(WebStorage)?;
    backend.get(key).ok().flatten()
}

/// Saves a preference in `localStorage` (`None` removes it). Blocked or full storage is an error
/// the caller may ignore: the answers' own notice already says that nothing is kept.
pub fn write_pref(key: &str, value: Option<&str>) -> Result<(), StoreError> {
    let backend = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .map(WebStorage)
        .ok_or_else(|| StoreError::Other("no localStorage".into()))?;
    match value {
        Some(v) => backend.set(key, v),
        None => backend.remove(key),
    }
}

/// The current time as an ISO string (browser only).
pub fn now_iso() -> String {
    web_sys::js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default()
}

/// Finds and probes `localStorage` without ever throwing (`window.localStorage` itself throws
/// in sandboxed frames and with storage blocked), then opens the store.
pub fn open_browser_store() -> (Store<WebStorage>, Startup) {
    let backend = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .map(WebStorage)
        .and_then(probe);
    Store::open(backend, &now_iso())
}
