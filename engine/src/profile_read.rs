//! A small reader of a [`Profile`] from its JSON object, used by the WebAssembly build instead of
//! serde's derived `Deserialize` (README "Size": serde's code for the 26 fields and their answer
//! types was about 5 KB of the compressed wasm).
//!
//! [`Profile::from_value`] checks the version, the field names and the list fields first and
//! drops `null`s; this reads what is left with the same rules as the derive: single answers, lists
//! of answers, the Q4a settings keyed by treatment, and the same messages for an unknown answer.
//! Native builds keep serde; a test checks both read the same profiles and refuse the same ones.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::answers::*;
use crate::profile::{Profile, ProfileError, PROFILE_VERSION};

/// An answer ID as the serde impls accept it: a string, or a whole number (`"ps": 2`).
fn raw_id(v: &Value, question: &str) -> Result<String, ProfileError> {
    match v {
        Value::String(s) => Ok(s.clone()),
        Value::Number(n) if n.is_u64() || n.is_i64() => Ok(n.to_string()),
        other => {
            let got = match other {
                Value::Null => "null",
                Value::Bool(_) => "a boolean",
                Value::Number(_) => "a number with a fraction",
                Value::Array(_) => "a list",
                _ => "an object",
            };
            Err(ProfileError(format!(
                "invalid type: {got}, expected an answer ID (a string) for {question}"
            )))
        }
    }
}

fn answer<T: AnswerId>(v: &Value) -> Result<T, ProfileError> {
    let raw = raw_id(v, T::QUESTION_ID)?;
    T::parse_id(&raw).ok_or_else(|| ProfileError(T::unknown(&raw)))
}

fn one<T: AnswerId>(obj: &Map<String, Value>, key: &str) -> Result<Option<T>, ProfileError> {
    obj.get(key).map(answer).transpose()
}

fn many<T: AnswerId>(obj: &Map<String, Value>, key: &str) -> Result<Vec<T>, ProfileError> {
    match obj.get(key) {
        None => Ok(Vec::new()),
        Some(Value::Array(items)) => items.iter().map(answer).collect(),
        Some(_) => Err(ProfileError(format!(
            "{key}: expected a list of answer IDs"
        ))),
    }
}

fn settings(obj: &Map<String, Value>) -> Result<BTreeMap<PriorTx, TxSetting>, ProfileError> {
    let mut out = BTreeMap::new();
    match obj.get("prior_tx_setting") {
        None => {}
        Some(Value::Object(m)) => {
            for (k, v) in m {
                let tx = answer::<PriorTx>(&Value::String(k.clone()))?;
                out.insert(tx, answer::<TxSetting>(v)?);
            }
        }
        Some(_) => {
            return Err(ProfileError(
                "prior_tx_setting: expected an object keyed by prior_tx IDs".into(),
            ))
        }
    }
    Ok(out)
}

/// Reads a profile object whose version and field names [`Profile::from_value`] has checked.
pub(crate) fn read(obj: &Map<String, Value>) -> Result<Profile, ProfileError> {
    Ok(Profile {
        version: PROFILE_VERSION,
        histology: one(obj, "histology")?,
        sites: many(obj, "sites")?,
        met_count: one(obj, "met_count")?,
        organ_count: one(obj, "organ_count")?,
        prior_tx: many(obj, "prior_tx")?,
        prior_tx_setting: settings(obj)?,
        prior_chemo_drugs: many(obj, "prior_chemo_drugs")?,
        last_systemic_outcome: one(obj, "last_systemic_outcome")?,
        last_tx: many(obj, "last_tx")?,
        progressing_spots: one(obj, "progressing_spots")?,
        ctfi: one(obj, "ctfi")?,
        ici_interval: one(obj, "ici_interval")?,
        adjuvant_interval: one(obj, "adjuvant_interval")?,
        ps: one(obj, "ps")?,
        surgery_fit: one(obj, "surgery_fit")?,
        contra: many(obj, "contra")?,
        biomarker_tested: one(obj, "biomarker_tested")?,
        tested_since_recurrence: one(obj, "tested_since_recurrence")?,
        biomarkers: many(obj, "biomarkers")?,
        pdl1: one(obj, "pdl1")?,
        brain: one(obj, "brain")?,
        brain_count: one(obj, "brain_count")?,
        leptomeningeal: one(obj, "leptomeningeal")?,
        symptoms: many(obj, "symptoms")?,
        goals: one(obj, "goals")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn by_serde(v: &Value) -> Result<Profile, String> {
        serde_json::from_value(v.clone()).map_err(|e| e.to_string())
    }

    fn by_reader(v: &Value) -> Result<Profile, String> {
        read(v.as_object().unwrap()).map_err(|e| e.0)
    }

    fn ids<T: serde::Serialize>(all: &[T]) -> Vec<Value> {
        all.iter()
            .map(|a| serde_json::to_value(a).unwrap())
            .collect()
    }

    /// Every answer of every question, alone and as lists, and every treatment setting: both
    /// readers give the same profile.
    #[test]
    fn reads_every_answer_like_serde() {
        let singles: Vec<(&str, Vec<Value>)> = vec![
            ("histology", ids(Histology::ALL)),
            ("met_count", ids(MetCount::ALL)),
            ("organ_count", ids(OrganCount::ALL)),
            ("last_systemic_outcome", ids(Outcome::ALL)),
            ("progressing_spots", ids(ProgressingSpots::ALL)),
            ("ctfi", ids(Ctfi::ALL)),
            ("ici_interval", ids(IciInterval::ALL)),
            ("adjuvant_interval", ids(AdjuvantInterval::ALL)),
            ("ps", ids(Ps::ALL)),
            ("surgery_fit", ids(SurgeryFit::ALL)),
            ("biomarker_tested", ids(BiomarkerTested::ALL)),
            ("tested_since_recurrence", ids(TestedSinceRecurrence::ALL)),
            ("pdl1", ids(Pdl1::ALL)),
            ("brain", ids(Brain::ALL)),
            ("brain_count", ids(BrainCount::ALL)),
            ("leptomeningeal", ids(Leptomeningeal::ALL)),
            ("goals", ids(Goal::ALL)),
        ];
        let lists: Vec<(&str, Vec<Value>)> = vec![
            ("sites", ids(Site::ALL)),
            ("prior_tx", ids(&PriorTx::all())),
            ("prior_chemo_drugs", ids(ChemoDrug::ALL)),
            ("last_tx", ids(&PriorTx::all())),
            ("contra", ids(Contra::ALL)),
            ("biomarkers", ids(Biomarker::ALL)),
            ("symptoms", ids(Symptom::ALL)),
        ];
        let mut profiles = vec![json!({ "version": 1 })];
        for (key, answers) in &singles {
            for a in answers {
                profiles.push(json!({ "version": 1, *key: a }));
            }
        }
        for (key, answers) in &lists {
            profiles.push(json!({ "version": 1, *key: answers }));
            profiles.push(json!({ "version": 1, *key: [] }));
        }
        let mut settings = Map::new();
        for (i, tx) in PriorTx::all().iter().enumerate() {
            let s = TxSetting::ALL[i % TxSetting::ALL.len()];
            settings.insert(tx.id(), serde_json::to_value(s).unwrap());
        }
        profiles.push(json!({ "version": 1, "prior_tx_setting": settings }));
        profiles.push(json!({ "version": 1, "ps": 2, "histology": "SCLC", "sites": ["BONE"] }));
        for p in &profiles {
            let ours = by_reader(p).unwrap_or_else(|e| panic!("{p}: {e}"));
            assert_eq!(Ok(ours), by_serde(p), "{p}");
        }
    }

    /// An answer that is not in §1 is refused with serde's message; other wrong values are
    /// refused by both.
    #[test]
    fn refuses_what_serde_refuses() {
        for p in [
            json!({ "version": 1, "histology": "LUNG" }),
            json!({ "version": 1, "sites": ["BONE", "KNEE"] }),
            json!({ "version": 1, "prior_tx": ["TKI:aspirin"] }),
            json!({ "version": 1, "prior_tx_setting": { "SURGERY": "SOMETIMES" } }),
            json!({ "version": 1, "prior_tx_setting": { "NOT_A_TX": "ADVANCED" } }),
            json!({ "version": 1, "ps": 7 }),
        ] {
            let ours = by_reader(&p).expect_err("refused");
            let theirs = by_serde(&p).expect_err("refused by serde");
            assert!(
                theirs.starts_with(&ours),
                "{p}:\n ours: {ours}\n serde: {theirs}"
            );
        }
        for p in [
            json!({ "version": 1, "histology": true }),
            json!({ "version": 1, "histology": 1.5 }),
            json!({ "version": 1, "sites": [["BONE"]] }),
            json!({ "version": 1, "goals": { "x": 1 } }),
        ] {
            assert!(by_reader(&p).is_err(), "{p}");
            assert!(by_serde(&p).is_err(), "{p}");
        }
    }
}
