//! "What matters to me" never changes the result: for every patient story and every trade-off
//! answer, the options shown, their groups, their order, their reasons, the urgent symptoms,
//! notes and generated questions are exactly those of no values at all. Only the order of the
//! facts inside an option may change, and only as a reordering of the same facts.

use std::path::Path;

use guide_content::{Content, Lang};
use guide_engine::{evaluate, Profile};
use recurrence_guide::personal::{
    emphasis, Field, Personal, Values, TRADE_OFFS, TRADE_OFF_ANSWERS,
};
use recurrence_guide::state::Answers;
use recurrence_guide::summary_model::{build, comparable};

fn stories() -> Vec<(String, Profile)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/stories");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let p = Profile::from_value(v["profile"].clone())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        out.push((
            path.file_name().unwrap().to_string_lossy().into_owned(),
            Answers::from_profile(p).effective(),
        ));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(out.len() >= 30, "found {} stories", out.len());
    out
}

/// Every way of answering: each trade-off alone with each answer, all with the same answer,
/// a mixed set, and own words.
fn value_sets() -> Vec<Values> {
    let mut sets = Vec::new();
    for t in TRADE_OFFS {
        for a in TRADE_OFF_ANSWERS {
            let mut v = Values::default();
            assert!(v.set(t.id, a));
            sets.push(v);
        }
    }
    for a in TRADE_OFF_ANSWERS {
        let mut v = Values::default();
        for t in TRADE_OFFS {
            v.set(t.id, a);
        }
        sets.push(v);
    }
    let mut mixed = Values::default();
    for (t, a) in TRADE_OFFS.iter().zip(TRADE_OFF_ANSWERS.iter().rev()) {
        mixed.set(t.id, a);
    }
    mixed.other = "I want to be at my grandson's wedding in June.".into();
    sets.push(mixed);
    sets
}

#[test]
fn trade_offs_never_change_the_options_their_groups_or_reasons() {
    let c = Content::get(Lang::En);
    let sets = value_sets();
    for (name, p) in stories() {
        let eval = evaluate(&p);
        let base = build(c, &p, &guide_engine::evaluate(&p), &Personal::default());
        let base_part = base.engine_part();
        let base_compare = comparable(c, &eval);
        for values in &sets {
            let personal = Personal {
                values: values.clone(),
                ..Personal::default()
            };
            let m = build(c, &p, &guide_engine::evaluate(&p), &personal);
            assert_eq!(
                m.engine_part(),
                base_part,
                "{name}: values {values:?} changed the result"
            );
            assert_eq!(m.answers, base.answers, "{name}");
            assert_eq!(comparable(c, &evaluate(&p)), base_compare, "{name}");
            // The facts per option are the same facts, at most in another order.
            for (a, b) in m
                .likely
                .iter()
                .chain(m.may.iter())
                .zip(base.likely.iter().chain(base.may.iter()))
            {
                let mut fa: Vec<_> = a.facts.iter().map(|f| format!("{f:?}")).collect();
                let mut fb: Vec<_> = b.facts.iter().map(|f| format!("{f:?}")).collect();
                fa.sort();
                fb.sort();
                assert_eq!(fa, fb, "{name}: {} facts differ", a.id);
            }
        }
    }
}

#[test]
fn trade_offs_are_not_part_of_the_engine_profile() {
    // The profile the engine sees has no place for them: the envelope keeps them apart.
    let mut personal = Personal::default();
    personal.values.set("hospital", "A_LOT");
    let fields = personal.to_fields(true);
    assert!(fields.contains_key("values"));
    let p = Profile::new();
    let profile_json = serde_json::to_value(&p).unwrap();
    assert!(profile_json.get("values").is_none());
    assert!(Profile::from_value(serde_json::json!({"version": 1, "values": {}})).is_err());
}

#[test]
fn emphasis_is_only_a_reordering() {
    for values in value_sets() {
        let order = emphasis(&values);
        let mut sorted = order.clone();
        sorted.sort_by_key(|f| Field::DEFAULT_ORDER.iter().position(|x| x == f));
        assert_eq!(sorted, Field::DEFAULT_ORDER.to_vec(), "{values:?}");
    }
    assert_eq!(
        emphasis(&Values::default()),
        Field::DEFAULT_ORDER.to_vec(),
        "no values: the content style guide's order"
    );
    let mut v = Values::default();
    v.set("side_effects", "A_LOT");
    assert_eq!(emphasis(&v)[0], Field::CommonSideEffects);
    assert_eq!(emphasis(&v)[1], Field::SeriousSideEffects);
    let mut v = Values::default();
    v.set("home", "SOME");
    assert_eq!(emphasis(&v)[0], Field::WhatItIsLike);
    // Unknown trade-offs and answers are refused.
    let mut v = Values::default();
    assert!(!v.set("money", "A_LOT"));
    assert!(!v.set("home", "HUGE"));
    assert!(v.is_empty());
}
