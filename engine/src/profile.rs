//! Reading and writing the person's answers ([`Profile`], declared by the question table in
//! `questions.rs`): version check, unknown keys, wrong types, one clear line per error.
//! See `docs/profile.md` for the JSON form with a full example.

use crate::json::{self, quote, MAX_INPUT_BYTES};
use crate::questions::Q;

/// The profile schema version this engine reads and writes.
pub const PROFILE_VERSION: u32 = 1;

// The struct and the field lists come from the question table.
pub use crate::questions::{Profile, MULTI_SELECT_FIELDS, PROFILE_FIELDS};

/// Why a profile could not be read: one line that names the field and what is allowed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProfileError(pub String);

impl std::fmt::Display for ProfileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ProfileError {}

impl Profile {
    /// An empty profile of the current version (nothing answered yet).
    pub fn new() -> Profile {
        Profile {
            version: PROFILE_VERSION,
            ..Profile::default()
        }
    }

    /// Reads a profile from JSON, checking the version first so that a newer file is refused
    /// with a clear message rather than misread.
    ///
    /// The text may start with a UTF-8 byte-order mark; it may not be larger than
    /// [`MAX_INPUT_BYTES`] nor give a key twice (serde_json would keep the last one).
    pub fn from_json(text: &str) -> Result<Profile, ProfileError> {
        if text.len() > MAX_INPUT_BYTES {
            return Err(ProfileError(format!(
                "profile: larger than {MAX_INPUT_BYTES} bytes (1 MB), the limit for a profile"
            )));
        }
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| ProfileError(format!("not valid JSON: {e}")))?;
        if let Some(d) = json::duplicate_key(text) {
            return Err(ProfileError(format!("profile: {d}")));
        }
        Profile::from_value(value)
    }

    pub fn from_value(value: serde_json::Value) -> Result<Profile, ProfileError> {
        let serde_json::Value::Object(mut obj) = value else {
            return Err(ProfileError(
                "profile: expected a JSON object of question IDs and answers".into(),
            ));
        };
        match obj.get("version") {
            None => {
                return Err(ProfileError(format!(
                    "version: missing; allowed: {PROFILE_VERSION}"
                )))
            }
            Some(v) => match v.as_u64() {
                Some(n) if n == PROFILE_VERSION as u64 => {}
                Some(n) if n > PROFILE_VERSION as u64 => {
                    return Err(ProfileError(format!(
                    "version: {n} is newer than this guide understands; allowed: {PROFILE_VERSION}"
                )))
                }
                _ => {
                    return Err(ProfileError(format!(
                        "version: {} is not supported; allowed: {PROFILE_VERSION}",
                        shown(v)
                    )))
                }
            },
        }
        for (key, v) in &obj {
            if !PROFILE_FIELDS.contains(&key.as_str()) {
                return Err(ProfileError(unknown_field(key)));
            }
            if MULTI_SELECT_FIELDS.contains(&key.as_str()) && !v.is_array() && !v.is_null() {
                return Err(ProfileError(format!(
                    "{key}: expected a list of answer IDs, e.g. [\"UNKNOWN\"], got {}",
                    shown(v)
                )));
            }
            if key == Q::PriorTxSetting.id() && !v.is_object() && !v.is_null() {
                return Err(ProfileError(format!(
                    "{key}: expected an object keyed by {} IDs, e.g. {{\"PLATINUM_CHEMO\": \"ADJUVANT\"}}, got {}",
                    Q::PriorTx,
                    shown(v)
                )));
            }
        }
        // `null` reads as unanswered, like a missing key.
        obj.retain(|_, v| !v.is_null());
        // The WebAssembly build reads with a small reader instead of serde's derive (smaller;
        // same rules and messages for unknown answers; `profile_read.rs`).
        #[cfg(target_arch = "wasm32")]
        return crate::questions::read_fields(&obj);
        #[cfg(not(target_arch = "wasm32"))]
        serde_json::from_value(serde_json::Value::Object(obj))
            .map_err(|e| ProfileError(strip_position(e.to_string())))
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a profile always serialises")
    }
}

/// A value of the input for a message: strings quoted, anything else as JSON, escaped and cut
/// ([`json::quote`]).
fn shown(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => quote(s),
        other => json::clip(&other.to_string()),
    }
}

/// The message for a key that is not a question ID: the key quoted and cut, the nearest field
/// when it looks like a typing slip, and where the fields are listed (the whole list is 330
/// characters: too long for one line of a message).
fn unknown_field(key: &str) -> String {
    let near = PROFILE_FIELDS
        .iter()
        .filter(|f| key.len() <= 2 * f.len())
        .map(|f| (edit_distance(key, f), *f))
        .min()
        .filter(|(d, f)| *d <= f.len() / 3);
    let hint = match near {
        Some((_, f)) => format!("did you mean \"{f}\"? "),
        None => String::new(),
    };
    format!(
        "{}: unknown field; {hint}the fields are the question IDs of docs/profile.md (version, histology, sites, met_count, …)",
        quote(key)
    )
}

/// Levenshtein distance in characters (for short keys only: [`unknown_field`] skips long ones).
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// serde_json adds " at line 0 column 0" to errors from a `Value`; it helps nobody.
#[cfg(not(target_arch = "wasm32"))]
fn strip_position(msg: String) -> String {
    match msg.find(" at line ") {
        Some(i) => msg[..i].to_owned(),
        None => msg,
    }
}
