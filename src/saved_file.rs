//! "Save as file" and "Open a saved file": the file's form and the check of what is read.
//! Pure Rust, tested natively (`tests/saved_file.rs`); the browser parts (Blob, object URL,
//! file input) are in `components/file_tools.rs`.
//!
//! A saved file:
//!
//! ```json
//! {"kind": "lung-recurrence-guide", "schema": 1, "saved_at": "2026-11-28T10:00:00.000Z",
//!  "profile": { "version": 1, ... }, "notes": [...], "own_questions": [...], "values": {...}}
//! ```
//!
//! `profile` is the engine's profile JSON (`docs/profile.md`); `notes`, `own_questions` and
//! `values` are optional (see [`crate::personal`]).

use guide_engine::{Profile, PROFILE_VERSION};
use serde_json::{json, Map, Value};

use crate::personal::Personal;

/// The `kind` every saved file carries.
pub const FILE_KIND: &str = "lung-recurrence-guide";
/// The file format version this app writes and reads.
pub const FILE_SCHEMA: u64 = 1;
/// Files larger than this are refused before they are read (a saved file is a few KB): 1 MB,
/// the engine's limit for any profile input (the command line's too).
pub const MAX_FILE_BYTES: f64 = guide_engine::MAX_INPUT_BYTES as f64;

/// Why a file could not be opened. Each has its own message ([`FileError::ui_key`]); in every
/// case the answers on the device are left as they are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    /// Empty, not text, or not JSON (cut short, edited by hand, another format).
    Damaged(String),
    /// JSON, but not a file of this guide (no `kind`).
    Foreign,
    /// A file with a `kind` that is not this guide's.
    WrongKind(String),
    /// Made by a newer version of the guide (file schema).
    NewerFile(u64),
    /// The answers inside were made by a newer version of the guide (profile version).
    NewerAnswers(u64),
    /// Our kind and version, but the answers inside are not ones this guide knows.
    Rejected(String),
    /// Too large to be a saved file.
    TooLarge,
    /// An object in the file gives this key twice (JSON readers disagree on which one wins,
    /// so neither is trusted).
    DuplicateKey(String),
}

impl FileError {
    /// The `ui.json` key of the message.
    pub fn ui_key(&self) -> &'static str {
        match self {
            FileError::Damaged(_) => "file.error.damaged",
            FileError::Foreign => "file.error.foreign",
            FileError::WrongKind(_) => "file.error.kind",
            FileError::NewerFile(_) => "file.error.newer_file",
            FileError::NewerAnswers(_) => "file.error.newer_answers",
            FileError::Rejected(_) => "file.error.rejected",
            FileError::TooLarge => "file.error.too_large",
            FileError::DuplicateKey(_) => "file.error.duplicate_key",
        }
    }

    /// A short code for tests and the page (`data-error`).
    pub fn code(&self) -> &'static str {
        match self {
            FileError::Damaged(_) => "damaged",
            FileError::Foreign => "foreign",
            FileError::WrongKind(_) => "kind",
            FileError::NewerFile(_) => "newer_file",
            FileError::NewerAnswers(_) => "newer_answers",
            FileError::Rejected(_) => "rejected",
            FileError::TooLarge => "too_large",
            FileError::DuplicateKey(_) => "duplicate_key",
        }
    }

    /// The placeholders of the message: `{key}`, the key given twice, quoted, escaped and cut
    /// (`guide_engine::json::quote`); empty for the other errors.
    pub fn vars(&self) -> [(&'static str, String); 1] {
        let key = match self {
            FileError::DuplicateKey(k) => guide_engine::json::quote(k),
            _ => String::new(),
        };
        [("key", key)]
    }

    /// Every error code, for the tests.
    pub const CODES: &'static [&'static str] = &[
        "damaged",
        "foreign",
        "kind",
        "newer_file",
        "newer_answers",
        "rejected",
        "too_large",
        "duplicate_key",
    ];
}

/// What a good file holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loaded {
    pub profile: Profile,
    pub personal: Personal,
    pub saved_at: Option<String>,
}

/// The file's text (pretty JSON, so a person can read it too). The comparison picks are not
/// saved in the file: they are a way of looking, not something to bring back.
pub fn file_json(profile: &Profile, personal: &Personal, saved_at: &str) -> String {
    let mut m = Map::new();
    m.insert("kind".into(), json!(FILE_KIND));
    m.insert("schema".into(), json!(FILE_SCHEMA));
    m.insert("saved_at".into(), json!(saved_at));
    m.insert(
        "profile".into(),
        serde_json::to_value(profile).unwrap_or(Value::Null),
    );
    m.extend(personal.to_fields(false));
    serde_json::to_string_pretty(&Value::Object(m)).unwrap_or_default()
}

/// The file name for a save on `date` (`YYYY-MM-DD`): `lung-guide-answers-2026-11-28.json`.
/// A date that does not look like one is left out.
pub fn file_name(date: &str) -> String {
    let ok = date.len() == 10
        && date.chars().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        });
    if ok {
        format!("lung-guide-answers-{date}.json")
    } else {
        "lung-guide-answers.json".into()
    }
}

/// Checks a file's text. Pure; never panics. Only `Ok` may replace the answers.
pub fn read_file(text: &str) -> Result<Loaded, FileError> {
    if text.len() as f64 > MAX_FILE_BYTES {
        return Err(FileError::TooLarge);
    }
    let text = text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err(FileError::Damaged("empty".into()));
    }
    let v: Value =
        serde_json::from_str(text).map_err(|e| FileError::Damaged(format!("not JSON: {e}")))?;
    let Some(obj) = v.as_object() else {
        return Err(FileError::Foreign);
    };
    match obj.get("kind") {
        None => return Err(FileError::Foreign),
        Some(Value::String(k)) if k == FILE_KIND => {}
        Some(other) => {
            return Err(FileError::WrongKind(
                other
                    .as_str()
                    .map(str::to_owned)
                    .unwrap_or(other.to_string()),
            ))
        }
    }
    // A file of this guide: every object in it gives each key once (the profile's too).
    if let Some(d) = guide_engine::json::duplicate_key(text) {
        return Err(FileError::DuplicateKey(d.key));
    }
    let schema = obj
        .get("schema")
        .and_then(Value::as_u64)
        .ok_or_else(|| FileError::Damaged("no schema number".into()))?;
    if schema > FILE_SCHEMA {
        return Err(FileError::NewerFile(schema));
    }
    if schema != FILE_SCHEMA {
        return Err(FileError::Damaged(format!("schema {schema} is not known")));
    }
    let profile = obj
        .get("profile")
        .ok_or_else(|| FileError::Damaged("no answers".into()))?;
    if let Some(n) = profile
        .get("version")
        .and_then(Value::as_u64)
        .filter(|n| *n > PROFILE_VERSION as u64)
    {
        return Err(FileError::NewerAnswers(n));
    }
    let profile =
        Profile::from_value(profile.clone()).map_err(|e| FileError::Rejected(e.to_string()))?;
    let personal = Personal::from_fields(obj).map_err(FileError::Damaged)?;
    Ok(Loaded {
        profile,
        personal,
        saved_at: obj
            .get("saved_at")
            .and_then(Value::as_str)
            .map(str::to_owned),
    })
}
