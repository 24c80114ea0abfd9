//! The person's answers: every question of §1, keyed by the reference's question IDs.
//!
//! Every field may be missing (unanswered) or `UNKNOWN`. Multi-select answers are lists; an empty
//! list means unanswered. See `docs/profile.md` for the JSON form with a full example.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::answers::*;

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
    pub fn from_json(text: &str) -> Result<Profile, ProfileError> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| ProfileError(format!("not valid JSON: {e}")))?;
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
                        "version: {v} is not supported; allowed: {PROFILE_VERSION}"
                    )))
                }
            },
        }
        for (key, v) in &obj {
            if !PROFILE_FIELDS.contains(&key.as_str()) {
                return Err(ProfileError(format!(
                    "{key}: unknown field; allowed fields: {}",
                    PROFILE_FIELDS.join(", ")
                )));
            }
            if MULTI_SELECT_FIELDS.contains(&key.as_str()) && !v.is_array() && !v.is_null() {
                return Err(ProfileError(format!(
                    "{key}: expected a list of answer IDs, e.g. [\"UNKNOWN\"], got {v}"
                )));
            }
            if key == "prior_tx_setting" && !v.is_object() && !v.is_null() {
                return Err(ProfileError(format!(
                    "prior_tx_setting: expected an object keyed by prior_tx IDs, e.g. {{\"PLATINUM_CHEMO\": \"ADJUVANT\"}}, got {v}"
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

/// serde_json adds " at line 0 column 0" to errors from a `Value`; it helps nobody.
#[cfg(not(target_arch = "wasm32"))]
fn strip_position(msg: String) -> String {
    match msg.find(" at line ") {
        Some(i) => msg[..i].to_owned(),
        None => msg,
    }
}
