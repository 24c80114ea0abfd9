//! Notes, own questions, values and comparison picks: editing, and keeping them on the device
//! through the storage envelope (old saves without them still load; a damaged part is ignored
//! and the answers kept).

use std::cell::RefCell;
use std::collections::BTreeMap;

use guide_engine::Profile;
use recurrence_guide::personal::{Added, Personal, MAX_COMPARE, MAX_ITEMS};
use recurrence_guide::storage::{
    envelope_json, envelope_json_with, parse_envelope, Backend, Found, Store, StoreError, KEY,
};
use serde_json::{json, Value};

#[derive(Default)]
struct Fake(RefCell<BTreeMap<String, String>>);

impl Backend for &Fake {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.0.borrow().get(key).cloned())
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.0.borrow_mut().insert(key.into(), value.into());
        Ok(())
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.0.borrow_mut().remove(key);
        Ok(())
    }
}

fn profile() -> Profile {
    Profile::from_json(r#"{"version":1,"histology":"SCLC"}"#).unwrap()
}

fn sample() -> Personal {
    let mut p = Personal::default();
    p.add_note("first note");
    p.add_note("second\nline");
    p.add_question("Will I lose my hair?");
    p.values.set("home", "A_LOT");
    p.values.other = "Time with my grandchildren".into();
    p.set_compared("EGFR_OSI", true);
    p.set_compared("TRIALS", true);
    p
}

#[test]
fn notes_and_questions_are_added_and_deleted() {
    let mut p = Personal::default();
    assert!(p.is_empty());
    assert_eq!(p.add_note("   "), Added::Blank, "blank notes are not added");
    assert_eq!(p.add_note("  Ask about pain relief  "), Added::Yes);
    assert_eq!(p.notes, vec!["Ask about pain relief"]);
    assert_eq!(p.add_question("How often are scans?"), Added::Yes);
    assert_eq!(p.add_question("Who do I call at night?"), Added::Yes);
    p.remove_question(0);
    assert_eq!(p.own_questions, vec!["Who do I call at night?"]);
    p.remove_question(7); // out of range: nothing happens
    p.remove_note(0);
    assert!(p.notes.is_empty());
    for i in 0..MAX_ITEMS + 5 {
        p.add_note(&format!("n{i}"));
    }
    assert_eq!(p.notes.len(), MAX_ITEMS);
}

#[test]
fn at_most_three_options_are_compared() {
    let mut p = Personal::default();
    for id in ["A", "B", "C"] {
        assert!(p.set_compared(id, true));
    }
    assert!(!p.set_compared("D", true));
    assert_eq!(p.compare.len(), MAX_COMPARE);
    assert!(p.set_compared("B", false));
    assert!(p.set_compared("D", true));
    assert_eq!(p.compare, vec!["A", "C", "D"]);
}

#[test]
fn the_envelope_keeps_them_and_without_them_is_unchanged() {
    // Nothing added: the envelope is exactly the old one.
    assert_eq!(
        envelope_json_with(&profile(), "results", &Personal::default(), "t"),
        envelope_json(&profile(), "results", "t")
    );
    let raw = envelope_json_with(&profile(), "summary", &sample(), "t");
    let v: Value = serde_json::from_str(&raw).unwrap();
    assert_eq!(v["schema"], 1, "same schema: the fields are optional");
    assert_eq!(v["notes"], json!(["first note", "second\nline"]));
    match parse_envelope(&raw) {
        Found::Saved(s) => {
            assert_eq!(s.profile, profile());
            assert_eq!(s.personal, sample());
            assert_eq!(s.screen.as_deref(), Some("summary"));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_old_save_without_them_still_loads() {
    let old = r#"{"schema":1,"saved_at":"2026-11-01T10:00:00Z","screen":"results","profile":{"version":1,"histology":"SCLC"}}"#;
    match parse_envelope(old) {
        Found::Saved(s) => {
            assert_eq!(s.profile, profile());
            assert!(s.personal.is_empty());
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_damaged_part_is_ignored_and_the_answers_kept() {
    let mut v: Value =
        serde_json::from_str(&envelope_json_with(&profile(), "results", &sample(), "t")).unwrap();
    v["notes"] = json!("not a list");
    v["values"] = json!(12);
    match parse_envelope(&v.to_string()) {
        Found::Saved(s) => {
            assert_eq!(s.profile, profile());
            assert!(s.personal.notes.is_empty());
            assert!(s.personal.values.is_empty());
            assert_eq!(s.personal.own_questions, sample().own_questions);
            assert_eq!(s.personal.compare, sample().compare);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_store_saves_and_restores_them() {
    let fake = Fake::default();
    let (store, start) = Store::open(Some(&fake), "t");
    assert!(start.personal.is_empty());
    store
        .save_with(&profile(), "summary", &sample(), "t")
        .unwrap();
    assert!(fake.0.borrow()[KEY].contains("grandchildren"));
    let (_, start) = Store::open(Some(&fake), "t");
    assert_eq!(start.personal, sample());
    assert_eq!(start.profile, profile());
    assert_eq!(start.screen.as_deref(), Some("summary"));
}
