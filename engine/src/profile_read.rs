//! A small reader of a [`crate::Profile`] from its JSON object, used by the WebAssembly build instead of
//! serde's derived `Deserialize` (README "Size": serde's code for the 26 fields and their answer
//! types was about 5 KB of the compressed wasm).
//!
//! The fields are the question table's (`questions.rs` `read_fields`, one [`ReadField`] per
//! kind of field). [`Profile::from_value`] checks the version, the field names and the list fields first and
//! drops `null`s; this reads what is left with the same rules as the derive: single answers, lists
//! of answers, the Q4a settings keyed by treatment, and the same messages for an unknown answer.
//! Native builds keep serde; a test checks both read the same profiles and refuse the same ones.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::answers::*;
use crate::profile::ProfileError;
#[cfg(test)]
use crate::questions::Profile;
use crate::questions::Q;

/// An answer ID as the serde impls accept it: a string, or a whole number (a performance status of `2`).
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

/// Reads one field of the question table from its JSON value (`None`: the key is missing).
pub(crate) trait ReadField: Sized {
    fn read(v: Option<&Value>, q: Q) -> Result<Self, ProfileError>;
}

/// A single answer.
impl<T: AnswerId> ReadField for Option<T> {
    fn read(v: Option<&Value>, _: Q) -> Result<Self, ProfileError> {
        v.map(answer).transpose()
    }
}

/// A list of answers.
impl<T: AnswerId> ReadField for Vec<T> {
    fn read(v: Option<&Value>, q: Q) -> Result<Self, ProfileError> {
        match v {
            None => Ok(Vec::new()),
            Some(Value::Array(items)) => items.iter().map(answer).collect(),
            Some(_) => Err(ProfileError(format!("{q}: expected a list of answer IDs"))),
        }
    }
}

/// The Q4a settings keyed by treatment.
impl ReadField for BTreeMap<PriorTx, TxSetting> {
    fn read(v: Option<&Value>, q: Q) -> Result<Self, ProfileError> {
        let mut out = BTreeMap::new();
        match v {
            None => {}
            Some(Value::Object(m)) => {
                for (k, v) in m {
                    let tx = answer::<PriorTx>(&Value::String(k.clone()))?;
                    out.insert(tx, answer::<TxSetting>(v)?);
                }
            }
            Some(_) => {
                return Err(ProfileError(format!(
                    "{q}: expected an object keyed by {} IDs",
                    Q::PriorTx
                )))
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questions::{read_fields, Kind};
    use serde_json::{json, Map};

    fn by_serde(v: &Value) -> Result<Profile, String> {
        serde_json::from_value(v.clone()).map_err(|e| e.to_string())
    }

    fn by_reader(v: &Value) -> Result<Profile, String> {
        read_fields(v.as_object().unwrap()).map_err(|e| e.0)
    }

    fn with(key: Q, v: Value) -> Value {
        let mut m = Map::new();
        m.insert("version".into(), json!(1));
        m.insert(key.id().into(), v);
        Value::Object(m)
    }

    /// Every answer of every question (from the question table), alone and as lists, and every
    /// treatment setting: both readers give the same profile.
    #[test]
    fn reads_every_answer_like_serde() {
        let mut profiles = vec![json!({ "version": 1 })];
        for q in Q::ALL {
            let answers: Vec<Value> = q.all_answer_ids().into_iter().map(Value::String).collect();
            match q.kind() {
                Kind::Single => {
                    for a in answers {
                        profiles.push(with(*q, a));
                    }
                }
                Kind::Multi | Kind::PriorTx => {
                    profiles.push(with(*q, Value::Array(answers)));
                    profiles.push(with(*q, json!([])));
                }
                Kind::Settings => {
                    let mut settings = Map::new();
                    for (i, tx) in PriorTx::all().iter().enumerate() {
                        settings.insert(tx.id(), answers[i % answers.len()].clone());
                    }
                    profiles.push(with(*q, Value::Object(settings)));
                }
            }
        }
        let mut mixed = with(Q::Ps, json!(2));
        mixed[Q::Histology.id()] = json!("SCLC");
        mixed[Q::Sites.id()] = json!(["BONE"]);
        profiles.push(mixed);
        assert!(profiles.len() > 80, "{}", profiles.len());
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
            with(Q::Histology, json!("LUNG")),
            with(Q::Sites, json!(["BONE", "KNEE"])),
            with(Q::PriorTx, json!(["TKI:aspirin"])),
            with(Q::PriorTxSetting, json!({ "SURGERY": "SOMETIMES" })),
            with(Q::PriorTxSetting, json!({ "NOT_A_TX": "ADVANCED" })),
            with(Q::Ps, json!(7)),
        ] {
            let ours = by_reader(&p).expect_err("refused");
            let theirs = by_serde(&p).expect_err("refused by serde");
            assert!(
                theirs.starts_with(&ours),
                "{p}:\n ours: {ours}\n serde: {theirs}"
            );
        }
        for p in [
            with(Q::Histology, json!(true)),
            with(Q::Histology, json!(1.5)),
            with(Q::Sites, json!([["BONE"]])),
            with(Q::Goals, json!({ "x": 1 })),
        ] {
            assert!(by_reader(&p).is_err(), "{p}");
            assert!(by_serde(&p).is_err(), "{p}");
        }
    }
}
