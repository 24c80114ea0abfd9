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

/// A walk by screens (`guide_engine::flow::SCREENS`) from an empty profile, as a person pressing Next would,
/// answering from `full`: on each screen the questions the flow asks are answered top to bottom (an answer can open the one below it). Returns the screens shown and
/// the answers given.
pub fn walk_screens(full: &Profile) -> (Vec<guide_engine::Q>, Profile) {
    let mut p = Profile::new();
    let mut shown = Vec::new();
    let mut cur = None;
    let mut return_to = None;
    loop {
        let (next, back) = guide_engine::flow::flow(&p).next_screen(cur, return_to);
        let Some(lead) = next else { break };
        return_to = back;
        assert!(
            shown.len() < 3 * guide_engine::Q::ALL.len(),
            "the walk does not end: {shown:?}"
        );
        shown.push(lead);
        for q in guide_engine::flow::screen_of(lead) {
            if !guide_engine::flow::flow(&p).is_asked(*q) {
                continue;
            }
            if *q == guide_engine::Q::PriorTxSetting {
                p.prior_tx_setting = full.prior_tx_setting.clone();
            } else {
                let ids = full.answer_ids(*q);
                let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
                p.set_ids(*q, &ids).expect("answers of a generated profile");
            }
        }
        cur = Some(lead);
    }
    (shown, p)
}
