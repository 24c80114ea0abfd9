//! Shared helpers for the engine tests.
#![allow(dead_code)]

use guide_engine::{evaluate, Evaluation, OptionId, Profile};
use serde_json::Value;

/// A profile from a JSON object without the version boilerplate.
pub fn profile(mut v: Value) -> Profile {
    v["version"] = Value::from(1);
    Profile::from_value(v).unwrap_or_else(|e| panic!("test profile invalid: {e}"))
}

pub fn eval(v: Value) -> Evaluation {
    evaluate(&profile(v))
}

fn opt(id: &str) -> OptionId {
    OptionId::from_id(id).unwrap_or_else(|| panic!("unknown option {id}"))
}

/// The resolved level as the reference spells it, or "-" when the option is not listed.
pub fn level(e: &Evaluation, id: &str) -> &'static str {
    e.level(opt(id)).map(|l| l.id()).unwrap_or("-")
}

pub fn rules_of(e: &Evaluation, id: &str) -> Vec<&'static str> {
    e.option(opt(id))
        .map(|o| o.rules.clone())
        .unwrap_or_default()
}

pub fn lowered_by(e: &Evaluation, id: &str) -> Vec<&'static str> {
    e.option(opt(id))
        .map(|o| o.lowered_by.clone())
        .unwrap_or_default()
}

pub fn not_because(e: &Evaluation, id: &str) -> Vec<&'static str> {
    e.option(opt(id))
        .map(|o| o.not_because.clone())
        .unwrap_or_default()
}

/// Asserts several option levels at once, naming the option in the failure.
pub fn expect(e: &Evaluation, wanted: &[(&str, &str)]) {
    for (id, lvl) in wanted {
        assert_eq!(
            level(e, id),
            *lvl,
            "{id}: expected {lvl}, trace {:?}",
            e.option(opt(id))
        );
    }
}
