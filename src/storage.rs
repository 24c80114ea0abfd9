//! The one module that touches the browser's storage.
//!
//! Saved form (key [`KEY`]): `{"schema": 1, "saved_at": "...", "screen": "q:sites", "profile": {...},
//! "rev": 3, "started": "..."}` where `profile` is the engine's profile JSON, `rev` counts the
//! saves of this story and `started` (the time of its first save) tells one story from the next. Optional fields added later (same schema; an
//! older copy without them still loads, and a damaged one is ignored rather than losing the
//! answers): `notes`, `own_questions`, `values`, `compare` (see [`crate::personal`]).
//!
//! Several tabs (docs/architecture.md "Storage"): every save reads the stored copy first. When
//! its `rev`/`started` is not the one this tab last read or wrote, another tab saved in between,
//! and the three are merged per field ([`merge`]: what this tab changed since, on top of the
//! other tab's copy) before writing `rev + 1`. The `storage` event calls [`Store::refresh`], which
//! takes the other tab's copy in the same way. A copy that is gone means "deleted in another tab":
//! the tab clears its answers and never writes them back.
//!
//! Everything that decides (reading the envelope, what to do with bad or newer data, what to
//! tell the person) is plain Rust over the [`Backend`] trait and tested natively
//! (`tests/storage_logic.rs`) with a fake backend. Only [`WebStorage`] and [`open_browser_store`]
//! call the browser. Nothing here panics on anything found in storage.

use std::cell::RefCell;

use guide_engine::{Profile, PROFILE_VERSION};
use serde_json::{json, Map, Value};

use crate::personal::{Personal, Values, MAX_COMPARE};

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
    /// The browser does not allow it (`SecurityError`: blocked storage, sandboxed frame).
    Blocked,
    /// Anything else (the error's name, for developers).
    Other(String),
}

impl StoreError {
    /// The `ui.json` key of the message for a failed save: each cause has its own words.
    pub fn ui_key(&self) -> &'static str {
        match self {
            StoreError::Quota => "storage.quota",
            StoreError::Blocked => "storage.save_blocked",
            StoreError::Other(_) => "storage.save_other",
        }
    }
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
    /// Saved answers were read, but the browser refuses writes: changes live only in this page.
    ReadOnly,
    /// Storage is full (found at start): saved answers (if any) were read; changes may not be kept.
    Full,
    /// Saved data could not be read; it was kept aside and the guide started fresh.
    Unreadable,
    /// Saved data could not be read nor copied aside (no room): it is left in place and nothing
    /// new is saved, so the answers of this visit are not kept.
    NotKept,
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
            Notice::ReadOnly => "storage.read_only",
            Notice::Full => "storage.full",
            Notice::Unreadable => "storage.unreadable",
            Notice::NotKept => "storage.not_kept",
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
    /// How many saves this story has had (0 in copies from before revisions).
    pub rev: u64,
    /// When this story was first saved ("" in copies from before revisions).
    pub started: String,
}

impl Saved {
    /// The answers and what the person added.
    pub fn doc(&self) -> Doc {
        Doc {
            profile: self.profile.clone(),
            personal: self.personal.clone(),
        }
    }
}

/// What a tab keeps and merges: the answers and what the person added (not the screen).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Doc {
    pub profile: Profile,
    pub personal: Personal,
}

impl Default for Doc {
    fn default() -> Doc {
        Doc {
            profile: Profile::new(),
            personal: Personal::default(),
        }
    }
}

/// Three-way merge per field: whatever `mine` changed since `base` wins, everything else comes
/// from `theirs` (the copy another tab saved). Notes, own questions and comparison picks merge
/// per item: added on either side is kept, deleted on either side is gone.
pub fn merge(base: &Doc, mine: &Doc, theirs: &Doc) -> Doc {
    let (b, m, t) = (&base.personal, &mine.personal, &theirs.personal);
    let mut compare = merge_list(&b.compare, &m.compare, &t.compare);
    compare.truncate(MAX_COMPARE);
    let mut tradeoffs = t.values.tradeoffs.clone();
    for k in b.values.tradeoffs.keys().chain(m.values.tradeoffs.keys()) {
        let mv = m.values.tradeoffs.get(k);
        if mv != b.values.tradeoffs.get(k) {
            match mv {
                Some(v) => tradeoffs.insert(k.clone(), v.clone()),
                None => tradeoffs.remove(k),
            };
        }
    }
    Doc {
        profile: merge_profile(&base.profile, &mine.profile, &theirs.profile),
        personal: Personal {
            notes: merge_list(&b.notes, &m.notes, &t.notes),
            own_questions: merge_list(&b.own_questions, &m.own_questions, &t.own_questions),
            values: Values {
                tradeoffs,
                other: pick(&b.values.other, &m.values.other, &t.values.other).clone(),
            },
            compare,
        },
    }
}

fn pick<'a, T: PartialEq>(base: &T, mine: &'a T, theirs: &'a T) -> &'a T {
    if mine != base {
        mine
    } else {
        theirs
    }
}

fn merge_list(base: &[String], mine: &[String], theirs: &[String]) -> Vec<String> {
    let mut out: Vec<String> = theirs
        .iter()
        .filter(|x| !base.contains(x) || mine.contains(x))
        .cloned()
        .collect();
    for x in mine {
        if !base.contains(x) && !out.contains(x) {
            out.push(x.clone());
        }
    }
    out
}

fn fields(p: &Profile) -> Map<String, Value> {
    match serde_json::to_value(p) {
        Ok(Value::Object(m)) => m,
        _ => Map::new(),
    }
}

/// Per question: this tab's answer where it changed it, the other tab's otherwise.
fn merge_profile(base: &Profile, mine: &Profile, theirs: &Profile) -> Profile {
    let (b, m) = (fields(base), fields(mine));
    let mut out = fields(theirs);
    for k in b.keys().chain(m.keys()) {
        if m.get(k) != b.get(k) {
            match m.get(k) {
                Some(v) => out.insert(k.clone(), v.clone()),
                None => out.remove(k),
            };
        }
    }
    Profile::from_value(Value::Object(out)).unwrap_or_else(|_| mine.clone())
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
            rev: obj.get("rev").and_then(Value::as_u64).unwrap_or(0),
            started: obj
                .get("started")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned(),
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
    envelope_value(profile, screen, personal, saved_at).to_string()
}

fn envelope_value(profile: &Profile, screen: &str, personal: &Personal, saved_at: &str) -> Value {
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
    v
}

/// Whether the backend can be written to: one test write and remove.
pub fn probe<B: Backend>(backend: B) -> Option<B> {
    try_write(&backend).ok()?;
    Some(backend)
}

fn try_write<B: Backend>(b: &B) -> Result<(), StoreError> {
    b.set(PROBE_KEY, "1")?;
    b.remove(PROBE_KEY)
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

/// What a save did besides writing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveOutcome {
    /// Written (or nothing to write).
    Done,
    /// Another tab had saved in between: the merged answers were written; show them.
    Merged(Box<Doc>),
    /// The saved copy was deleted in another tab: nothing was written; clear this tab.
    DeletedElsewhere,
}

/// What another tab's change means for this one ([`Store::refresh`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refresh {
    /// Nothing to show.
    Same,
    /// Show these answers (the other tab's, with this tab's unsaved changes on top).
    Updated(Box<Doc>),
    /// Deleted in another tab: clear this tab and do not save what it had.
    Deleted,
}

/// The copy this tab last read or wrote.
#[derive(Clone, Debug)]
struct Synced {
    started: String,
    rev: u64,
    doc: Doc,
    screen: String,
}

/// The answers' store for this visit.
pub struct Store<B: Backend> {
    backend: Option<B>,
    mode: Mode,
    synced: RefCell<Option<Synced>>,
}

impl<B: Backend> Store<B> {
    fn new(backend: Option<B>, mode: Mode, synced: Option<Synced>) -> Store<B> {
        Store {
            backend,
            mode,
            synced: RefCell::new(synced),
        }
    }

    /// Opens the store (`None` = no storage at all): reads what was saved first, then checks
    /// with one test write whether anything can be saved. So a storage too full for the test
    /// write still gives back the saved answers (with [`Notice::Full`]). `now` names a second
    /// copy of unreadable data when the first slot is taken.
    pub fn open(backend: Option<B>, now: &str) -> (Store<B>, Startup) {
        let fresh = |notice: Option<Notice>| Startup {
            profile: Profile::new(),
            screen: None,
            notice,
            personal: Personal::default(),
        };
        let Some(backend) = backend else {
            return (
                Store::new(None, Mode::MemoryOnly, None),
                fresh(Some(Notice::Unavailable)),
            );
        };
        let Ok(raw) = backend.get(KEY) else {
            return (
                Store::new(None, Mode::MemoryOnly, None),
                fresh(Some(Notice::Unavailable)),
            );
        };
        let write = try_write(&backend);
        let found = raw.as_deref().map(parse_envelope);
        // Writes refused for another reason than space: whatever was read stays as it is.
        if let Err(e) = &write {
            if *e != StoreError::Quota {
                let start = match found {
                    Some(Found::Saved(s)) => Startup {
                        profile: s.profile,
                        screen: s.screen,
                        notice: Some(Notice::ReadOnly),
                        personal: s.personal,
                    },
                    _ => fresh(Some(Notice::Unavailable)),
                };
                return (Store::new(Some(backend), Mode::MemoryOnly, None), start);
            }
        }
        let full = write.is_err().then_some(Notice::Full);
        match (found, raw) {
            (Some(Found::Saved(saved)), _) => {
                let synced = Synced {
                    started: saved.started.clone(),
                    rev: saved.rev,
                    doc: saved.doc(),
                    screen: saved.screen.clone().unwrap_or_default(),
                };
                (
                    Store::new(Some(backend), Mode::Saving, Some(synced)),
                    Startup {
                        profile: saved.profile,
                        screen: saved.screen,
                        notice: full,
                        personal: saved.personal,
                    },
                )
            }
            (Some(Found::Newer), _) => (
                Store::new(Some(backend), Mode::MemoryOnly, None),
                fresh(Some(Notice::Future)),
            ),
            (Some(Found::Unreadable { .. }), Some(raw)) => {
                let (mode, notice) = if keep_aside(&backend, &raw, now) {
                    (Mode::Saving, Notice::Unreadable)
                } else {
                    // Could not copy it: leave it where it is, do not write over it, and say
                    // that nothing of this visit will be kept.
                    (Mode::MemoryOnly, Notice::NotKept)
                };
                (Store::new(Some(backend), mode, None), fresh(Some(notice)))
            }
            _ => (Store::new(Some(backend), Mode::Saving, None), fresh(full)),
        }
    }

    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// Saves the answers and screen (nothing to do in memory-only mode).
    pub fn save(
        &self,
        profile: &Profile,
        screen: &str,
        now: &str,
    ) -> Result<SaveOutcome, StoreError> {
        self.save_with(profile, screen, &Personal::default(), now)
    }

    /// Saves the answers, screen and what the person added (nothing to do in memory-only mode).
    /// Reads the stored copy first: another tab's save in between is merged ([`merge`]), a copy
    /// deleted in another tab is not written back ([`SaveOutcome::DeletedElsewhere`]), and data
    /// this version cannot read (a newer tab) is never overwritten (an error).
    pub fn save_with(
        &self,
        profile: &Profile,
        screen: &str,
        personal: &Personal,
        now: &str,
    ) -> Result<SaveOutcome, StoreError> {
        let (Some(b), Mode::Saving) = (&self.backend, self.mode) else {
            return Ok(SaveOutcome::Done);
        };
        let mine = Doc {
            profile: profile.clone(),
            personal: personal.clone(),
        };
        let mut synced = self.synced.borrow_mut();
        let stored = match b.get(KEY)?.as_deref().map(parse_envelope) {
            None => None,
            Some(Found::Saved(s)) => Some(s),
            Some(_) => return Err(StoreError::Other("changed by another version".into())),
        };
        let (doc, rev, started, outcome) = match (stored, synced.as_ref()) {
            (None, Some(_)) => {
                *synced = None;
                return Ok(SaveOutcome::DeletedElsewhere);
            }
            (None, None) => (mine, 1, now.to_owned(), SaveOutcome::Done),
            (Some(s), Some(base)) if s.started == base.started && s.rev == base.rev => {
                if mine == base.doc && screen == base.screen {
                    return Ok(SaveOutcome::Done);
                }
                let started = if s.started.is_empty() {
                    now.to_owned()
                } else {
                    s.started
                };
                (mine, base.rev + 1, started, SaveOutcome::Done)
            }
            (Some(s), base) => {
                let theirs = s.doc();
                let merged = merge(
                    &base.map(|b| b.doc.clone()).unwrap_or_default(),
                    &mine,
                    &theirs,
                );
                let outcome = if merged == mine {
                    SaveOutcome::Done
                } else {
                    SaveOutcome::Merged(Box::new(merged.clone()))
                };
                (merged, s.rev + 1, s.started, outcome)
            }
        };
        b.set(KEY, &envelope_doc(&doc, screen, now, rev, &started))?;
        *synced = Some(Synced {
            started,
            rev,
            doc,
            screen: screen.to_owned(),
        });
        Ok(outcome)
    }

    /// Another tab changed the saved copy (the `storage` event): reads it and says what this
    /// tab should show. `mine` is what this tab shows now.
    pub fn refresh(&self, mine: &Doc) -> Refresh {
        let Some(b) = &self.backend else {
            return Refresh::Same;
        };
        let Ok(raw) = b.get(KEY) else {
            return Refresh::Same;
        };
        let mut synced = self.synced.borrow_mut();
        let Some(raw) = raw else {
            // Gone: deleted (or started over) in another tab. A memory-only tab held data that
            // blocked saving (newer, unreadable); that is gone too.
            let had = synced.take().is_some();
            return if had || self.mode == Mode::MemoryOnly {
                Refresh::Deleted
            } else {
                Refresh::Same
            };
        };
        let (Mode::Saving, Found::Saved(s)) = (self.mode, parse_envelope(&raw)) else {
            return Refresh::Same;
        };
        if synced
            .as_ref()
            .is_some_and(|base| base.started == s.started && base.rev == s.rev)
        {
            return Refresh::Same;
        }
        let theirs = s.doc();
        let base = synced.as_ref().map(|b| b.doc.clone()).unwrap_or_default();
        let merged = merge(&base, mine, &theirs);
        let screen = synced
            .as_ref()
            .map(|b| b.screen.clone())
            .unwrap_or_default();
        *synced = Some(Synced {
            started: s.started,
            rev: s.rev,
            doc: theirs,
            screen,
        });
        if merged == *mine {
            Refresh::Same
        } else {
            Refresh::Updated(Box::new(merged))
        }
    }

    /// Removes the saved answers (Start over). Data written by a newer version is left alone.
    pub fn clear(&self) -> Result<(), StoreError> {
        match (&self.backend, self.mode) {
            (Some(b), Mode::Saving) => {
                b.remove(KEY)?;
                *self.synced.borrow_mut() = None;
                Ok(())
            }
            _ => Ok(()),
        }
    }
}

fn envelope_doc(doc: &Doc, screen: &str, now: &str, rev: u64, started: &str) -> String {
    let mut v = envelope_value(&doc.profile, screen, &doc.personal, now);
    if let Some(obj) = v.as_object_mut() {
        obj.insert("rev".into(), rev.into());
        obj.insert("started".into(), started.into());
    }
    v.to_string()
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
    } else if name == "SecurityError" || code == 18 {
        StoreError::Blocked
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

/// What "Delete my answers" did: how many of the guide's keys it removed, and which are still
/// there (then `error` says why).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeleteReport {
    pub removed: usize,
    pub left: Vec<String>,
    pub error: Option<StoreError>,
}

impl DeleteReport {
    /// The `ui.json` keys naming what is left, each once: the answers, an old copy kept aside,
    /// the text size, anything else of the guide.
    pub fn left_ui_keys(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        for k in &self.left {
            let word = match k.as_str() {
                KEY => "privacy.left.answers",
                TEXT_SIZE_KEY => "privacy.left.text_size",
                k if k.starts_with(UNREADABLE_KEY) => "privacy.left.old_copy",
                _ => "privacy.left.other",
            };
            if !out.contains(&word) {
                out.push(word);
            }
        }
        out
    }
}

/// Removes `keys` one by one (going on after a failure), then checks which are still there
/// (a key that cannot even be read counts as still there).
pub fn delete_keys<B: Backend>(b: &B, keys: &[String]) -> DeleteReport {
    let mut error = None;
    for k in keys {
        if let Err(e) = b.remove(k) {
            error = Some(e);
        }
    }
    let left: Vec<String> = keys
        .iter()
        .filter(|k| !matches!(b.get(k), Ok(None)))
        .cloned()
        .collect();
    if !left.is_empty() && error.is_none() {
        error = Some(StoreError::Other("still there".into()));
    }
    DeleteReport {
        removed: keys.len() - left.len(),
        left,
        error,
    }
}

/// "Delete my answers": removes every key of the guide from `localStorage` - the answers, data
/// kept aside as unreadable, data from a newer version, the text size - and reports what is
/// left. Other sites' and other apps' keys are left alone. Never throws. Storage that cannot
/// even be listed reports the answers' key as left (it may hold them; nothing is known).
pub fn delete_all() -> DeleteReport {
    let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
        // No storage at all: nothing was ever saved here.
        return DeleteReport::default();
    };
    let keys = match storage.length() {
        Ok(n) => guide_keys((0..n).filter_map(|i| storage.key(i).ok().flatten())),
        Err(e) => {
            return DeleteReport {
                removed: 0,
                left: vec![KEY.to_owned()],
                error: Some(js_error(e)),
            }
        }
    };
    delete_keys(&WebStorage(storage), &keys)
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

/// Finds `localStorage` without ever throwing (`window.localStorage` itself throws in
/// sandboxed frames and with storage blocked), then opens the store (read first, then probe).
pub fn open_browser_store() -> (Store<WebStorage>, Startup) {
    let backend = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .map(WebStorage);
    Store::open(backend, &now_iso())
}
