//! The person's answers: every question of §1, keyed by the reference's question IDs.
//!
//! Every field may be missing (unanswered) or `UNKNOWN`. Multi-select answers are lists; an empty
//! list means unanswered. See `docs/profile.md` for the JSON form with a full example.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::answers::*;
use crate::json::{self, quote, MAX_INPUT_BYTES};

/// The profile schema version this engine reads and writes.
pub const PROFILE_VERSION: u32 = 1;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub histology: Option<Histology>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sites: Vec<Site>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub met_count: Option<MetCount>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organ_count: Option<OrganCount>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub prior_tx: Vec<PriorTx>,
    /// Q4a, keyed by the Q4 ID (e.g. `{"PLATINUM_CHEMO": "ADJUVANT"}`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub prior_tx_setting: BTreeMap<PriorTx, TxSetting>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub prior_chemo_drugs: Vec<ChemoDrug>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_systemic_outcome: Option<Outcome>,
    /// Q5a: which treatment the outcome is about (Q4 IDs, or `UNKNOWN`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub last_tx: Vec<PriorTx>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progressing_spots: Option<ProgressingSpots>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ctfi: Option<Ctfi>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ici_interval: Option<IciInterval>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adjuvant_interval: Option<AdjuvantInterval>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ps: Option<Ps>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub surgery_fit: Option<SurgeryFit>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contra: Vec<Contra>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub biomarker_tested: Option<BiomarkerTested>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tested_since_recurrence: Option<TestedSinceRecurrence>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub biomarkers: Vec<Biomarker>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pdl1: Option<Pdl1>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brain: Option<Brain>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brain_count: Option<BrainCount>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leptomeningeal: Option<Leptomeningeal>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub symptoms: Vec<Symptom>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goals: Option<Goal>,
}

/// Fields whose value is a list of answer IDs.
pub const MULTI_SELECT_FIELDS: &[&str] = &[
    "sites",
    "prior_tx",
    "prior_chemo_drugs",
    "last_tx",
    "contra",
    "biomarkers",
    "symptoms",
];

/// Every key a profile may have, in question order.
pub const PROFILE_FIELDS: &[&str] = &[
    "version",
    "histology",
    "sites",
    "met_count",
    "organ_count",
    "prior_tx",
    "prior_tx_setting",
    "prior_chemo_drugs",
    "last_systemic_outcome",
    "last_tx",
    "progressing_spots",
    "ctfi",
    "ici_interval",
    "adjuvant_interval",
    "ps",
    "surgery_fit",
    "contra",
    "biomarker_tested",
    "tested_since_recurrence",
    "biomarkers",
    "pdl1",
    "brain",
    "brain_count",
    "leptomeningeal",
    "symptoms",
    "goals",
];

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
            if key == "prior_tx_setting" && !v.is_object() && !v.is_null() {
                return Err(ProfileError(format!(
                    "prior_tx_setting: expected an object keyed by prior_tx IDs, e.g. {{\"PLATINUM_CHEMO\": \"ADJUVANT\"}}, got {}",
                    shown(v)
                )));
            }
        }
        // `null` reads as unanswered, like a missing key.
        obj.retain(|_, v| !v.is_null());
        // The WebAssembly build reads with a small reader instead of serde's derive (smaller;
        // same rules and messages for unknown answers; `profile_read.rs`).
        #[cfg(target_arch = "wasm32")]
        return crate::profile_read::read(&obj);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        let e = Profile::from_json(text).expect_err(text).0;
        assert!(!e.contains('\n'), "one line: {e}");
        assert!(
            !e.chars().any(char::is_control),
            "no raw control characters: {e:?}"
        );
        e
    }

    #[test]
    fn a_key_given_twice_is_refused_by_name() {
        let e = err(r#"{"version":2,"version":1}"#);
        assert!(e.contains("duplicate key \"version\""), "{e}");
        let e = err(r#"{"version":1,"histology":"SCLC","ps":"1","histology":"SCLC"}"#);
        assert!(e.contains("duplicate key \"histology\""), "{e}");
        let e =
            err(r#"{"version":1,"prior_tx_setting":{"SURGERY":"ADJUVANT","SURGERY":"ADVANCED"}}"#);
        assert!(e.contains("duplicate key \"SURGERY\""), "{e}");
        // The same key in two objects is fine.
        Profile::from_json(
            r#"{"version":1,"prior_tx":["SURGERY"],"prior_tx_setting":{"SURGERY":"ADJUVANT"}}"#,
        )
        .unwrap();
    }

    #[test]
    fn a_byte_order_mark_is_accepted() {
        let p = Profile::from_json("\u{feff}{\"version\":1,\"histology\":\"SCLC\"}").unwrap();
        assert_eq!(p.histology, Some(Histology::Sclc));
    }

    #[test]
    fn more_than_a_megabyte_is_refused_unread() {
        let text = format!(
            r#"{{"version":1,"histology":"{}"}}"#,
            "A".repeat(MAX_INPUT_BYTES)
        );
        let e = err(&text);
        assert!(e.contains("larger than 1000000 bytes"), "{e}");
        // Just under the limit is read (and refused for what it says, in a short line).
        let text = format!(
            r#"{{"version":1,"histology":"{}"}}"#,
            "A".repeat(MAX_INPUT_BYTES - 40)
        );
        let e = err(&text);
        assert!(
            e.starts_with("histology: unknown answer \"AAAA") && e.len() < 300,
            "{e}"
        );
    }

    #[test]
    fn input_in_messages_is_escaped_and_cut() {
        let e = err("{\"version\":1,\"\\u001b[31mred\\nline\\u0007\":1}");
        assert!(
            e.starts_with("\"\\u{1b}[31mred\\nline\\u{7}\": unknown field"),
            "{e}"
        );
        assert!(e.len() < 300, "{e}");
        let e = err(&format!("{{\"version\":1,\"{}\":1}}", "k".repeat(100_000)));
        assert!(e.len() < 300, "{}", e.len());
        let e = err(&format!(
            "{{\"version\":1,\"sites\":\"{}\"}}",
            "x\\n".repeat(100_000)
        ));
        assert!(
            e.starts_with("sites: expected a list") && e.len() < 300,
            "{e}"
        );
        let e = err(&format!(
            "{{\"version\":1,\"sites\":[\"{}\"]}}",
            "\\u0000".repeat(1000)
        ));
        assert!(
            e.starts_with("sites: unknown answer \"\\u{0}") && e.len() < 300,
            "{e}"
        );
        let e = err(&format!(
            "{{\"version\":1,\"prior_tx_setting\":[{}1]}}",
            "1,".repeat(100_000)
        ));
        assert!(e.contains("got [1,1,1,") && e.len() < 300, "{e}");
        let e = err(&format!("{{\"version\":\"{}\"}}", "9".repeat(100_000)));
        assert!(e.starts_with("version: \"999") && e.len() < 300, "{e}");
    }

    #[test]
    fn an_unknown_field_suggests_the_nearest_one() {
        let e = err(r#"{"version":1,"histolgy":"SCLC"}"#);
        assert!(
            e.contains("\"histolgy\": unknown field; did you mean \"histology\"?"),
            "{e}"
        );
        let e = err(r#"{"version":1,"biomarker":["ALK"]}"#);
        assert!(e.contains("did you mean \"biomarkers\"?"), "{e}");
        let e = err(r#"{"version":1,"colour":"blue"}"#);
        assert!(
            !e.contains("did you mean") && e.contains("docs/profile.md"),
            "{e}"
        );
    }
}
