//! The storage decisions, with a fake backend: fresh start, restore, unreadable data kept aside,
//! newer data left alone, blocked storage, a full storage, start over. Nothing panics.

use std::cell::RefCell;
use std::collections::BTreeMap;

use guide_engine::Profile;
use recurrence_guide::state::Answers;
use recurrence_guide::storage::{
    envelope_json, parse_envelope, probe, Backend, Found, Mode, Notice, Store, StoreError, KEY,
    PROBE_KEY, UNREADABLE_KEY,
};

/// An in-memory backend that can be told to fail.
#[derive(Default)]
struct Fake {
    items: RefCell<BTreeMap<String, String>>,
    fail_get: bool,
    fail_all_writes: bool,
    /// Writes to these keys fail with a full storage.
    quota_keys: Vec<String>,
}

impl Fake {
    fn with(items: &[(&str, &str)]) -> Fake {
        let f = Fake::default();
        for (k, v) in items {
            f.items.borrow_mut().insert(k.to_string(), v.to_string());
        }
        f
    }
    fn item(&self, k: &str) -> Option<String> {
        self.items.borrow().get(k).cloned()
    }
}

impl Backend for &Fake {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        if self.fail_get {
            return Err(StoreError::Other("SecurityError".into()));
        }
        Ok(self.items.borrow().get(key).cloned())
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        if self.fail_all_writes {
            return Err(StoreError::Other("SecurityError".into()));
        }
        if self.quota_keys.iter().any(|k| k == key) {
            return Err(StoreError::Quota);
        }
        self.items
            .borrow_mut()
            .insert(key.to_string(), value.to_string());
        Ok(())
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        if self.fail_all_writes {
            return Err(StoreError::Other("SecurityError".into()));
        }
        self.items.borrow_mut().remove(key);
        Ok(())
    }
}

fn sample_profile() -> Profile {
    let mut a = Answers::new();
    a.set_single("histology", "NSCLC_NONSQ").unwrap();
    a.toggle("prior_tx", "TKI:osimertinib", true).unwrap();
    a.profile().clone()
}

const NOW: &str = "2026-11-28T10:00:00.000Z";

#[test]
fn envelope_round_trips() {
    let p = sample_profile();
    let raw = envelope_json(&p, "q:sites", NOW);
    let v: serde_json::Value = serde_json::from_str(&raw).unwrap();
    assert_eq!(v["schema"], 1);
    assert_eq!(v["saved_at"], NOW);
    assert_eq!(v["screen"], "q:sites");
    assert_eq!(v["profile"]["histology"], "NSCLC_NONSQ");
    assert_eq!(v["profile"]["version"], 1);
    match parse_envelope(&raw) {
        Found::Saved(s) => {
            assert_eq!(s.profile, p);
            assert_eq!(s.screen.as_deref(), Some("q:sites"));
            assert_eq!(s.saved_at.as_deref(), Some(NOW));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn parse_sorts_every_kind_of_bad_data() {
    for raw in [
        "",
        "{",
        "not json at all",
        "null",
        "[]",
        "42",
        "\"text\"",
        "{}",
        r#"{"schema": "1", "profile": {"version": 1}}"#,
        r#"{"schema": 0, "profile": {"version": 1}}"#,
        r#"{"schema": 1}"#,
        r#"{"schema": 1, "profile": null}"#,
        r#"{"schema": 1, "profile": {"version": 1, "histology": "BANANA"}}"#,
        r#"{"schema": 1, "profile": {"version": 1, "sites": "BONE"}}"#,
        r#"{"schema": 1, "profile": {"histology": "SCLC"}}"#,
        r#"{"schema": 1, "profile": {"version": 0}}"#,
        r#"{"schema": 1, "profile": {"version": 1, "favourite_colour": "blue"}}"#,
        "\u{0}\u{1}binary\u{fffd}",
    ] {
        assert!(
            matches!(parse_envelope(raw), Found::Unreadable { .. }),
            "{raw:?} -> {:?}",
            parse_envelope(raw)
        );
    }
    for raw in [
        r#"{"schema": 2, "profile": {"version": 1}}"#,
        r#"{"schema": 99, "anything": "else"}"#,
        r#"{"schema": 1, "profile": {"version": 2, "new_question": "X"}}"#,
    ] {
        assert_eq!(parse_envelope(raw), Found::Newer, "{raw}");
    }
    // Screen and saved_at are optional.
    assert!(matches!(
        parse_envelope(r#"{"schema": 1, "profile": {"version": 1}}"#),
        Found::Saved(_)
    ));
}

#[test]
fn nothing_saved_starts_fresh_and_saves() {
    let fake = Fake::default();
    let backend = probe(&fake).expect("writable");
    assert_eq!(fake.item(PROBE_KEY), None, "the probe cleans up");
    let (store, start) = Store::open(Some(backend), NOW);
    assert_eq!(store.mode(), Mode::Saving);
    assert_eq!(start.profile, Profile::new());
    assert_eq!(start.screen, None);
    assert_eq!(start.notice, None);

    let p = sample_profile();
    store.save(&p, "q:sites", NOW).unwrap();
    let (_, again) = Store::open(Some(&fake), NOW);
    assert_eq!(again.profile, p);
    assert_eq!(again.screen.as_deref(), Some("q:sites"));
    assert_eq!(again.notice, None);
}

#[test]
fn start_over_removes_the_saved_answers() {
    let p = sample_profile();
    let fake = Fake::with(&[(KEY, &envelope_json(&p, "review", NOW))]);
    let (store, start) = Store::open(Some(&fake), NOW);
    assert_eq!(start.profile, p);
    store.clear().unwrap();
    assert_eq!(fake.item(KEY), None);
}

#[test]
fn unreadable_data_is_kept_aside_and_the_guide_starts_fresh() {
    let fake = Fake::with(&[(KEY, "{ this is not json")]);
    let (store, start) = Store::open(Some(&fake), NOW);
    assert_eq!(start.notice, Some(Notice::Unreadable));
    assert_eq!(start.profile, Profile::new());
    assert_eq!(store.mode(), Mode::Saving);
    assert_eq!(
        fake.item(UNREADABLE_KEY).as_deref(),
        Some("{ this is not json")
    );
    assert_eq!(fake.item(KEY), None);
    // New answers save normally and do not touch the kept copy.
    store.save(&sample_profile(), "q:histology", NOW).unwrap();
    assert!(fake.item(KEY).is_some());
    assert_eq!(
        fake.item(UNREADABLE_KEY).as_deref(),
        Some("{ this is not json")
    );
}

#[test]
fn a_profile_the_engine_refuses_is_kept_aside_too() {
    let raw = r#"{"schema":1,"saved_at":"x","screen":"review","profile":{"version":1,"histology":"BANANA"}}"#;
    let fake = Fake::with(&[(KEY, raw)]);
    let (_, start) = Store::open(Some(&fake), NOW);
    assert_eq!(start.notice, Some(Notice::Unreadable));
    assert_eq!(fake.item(UNREADABLE_KEY).as_deref(), Some(raw));
}

#[test]
fn a_second_unreadable_copy_never_overwrites_the_first() {
    let fake = Fake::with(&[(KEY, "second bad"), (UNREADABLE_KEY, "first bad")]);
    let (_, start) = Store::open(Some(&fake), NOW);
    assert_eq!(start.notice, Some(Notice::Unreadable));
    assert_eq!(fake.item(UNREADABLE_KEY).as_deref(), Some("first bad"));
    assert_eq!(
        fake.item(&format!("{UNREADABLE_KEY}.{NOW}")).as_deref(),
        Some("second bad")
    );
    assert_eq!(fake.item(KEY), None);
}

#[test]
fn unreadable_data_that_cannot_be_copied_stays_in_place_and_is_never_overwritten() {
    let fake = Fake {
        quota_keys: vec![UNREADABLE_KEY.to_string()],
        ..Fake::with(&[(KEY, "bad data")])
    };
    let (store, start) = Store::open(Some(&fake), NOW);
    assert_eq!(start.notice, Some(Notice::Unreadable));
    assert_eq!(store.mode(), Mode::MemoryOnly);
    store.save(&sample_profile(), "review", NOW).unwrap();
    store.clear().unwrap();
    assert_eq!(fake.item(KEY).as_deref(), Some("bad data"));
}

#[test]
fn newer_data_is_left_alone_and_answers_stay_in_memory() {
    let raw = r#"{"schema":2,"saved_at":"2030-01-01","profile":{"version":3}}"#;
    let fake = Fake::with(&[(KEY, raw)]);
    let (store, start) = Store::open(Some(&fake), NOW);
    assert_eq!(start.notice, Some(Notice::Future));
    assert_eq!(start.profile, Profile::new());
    assert_eq!(store.mode(), Mode::MemoryOnly);
    store.save(&sample_profile(), "review", NOW).unwrap();
    store.clear().unwrap();
    assert_eq!(
        fake.item(KEY).as_deref(),
        Some(raw),
        "never overwritten or removed"
    );
    assert_eq!(fake.item(UNREADABLE_KEY), None);
}

#[test]
fn blocked_storage_works_in_memory_with_a_message() {
    // localStorage missing or throwing: no backend at all.
    let (store, start) = Store::<&Fake>::open(None, NOW);
    assert_eq!(start.notice, Some(Notice::Unavailable));
    assert_eq!(store.mode(), Mode::MemoryOnly);
    assert!(store.save(&sample_profile(), "review", NOW).is_ok());
    assert!(store.clear().is_ok());

    // A storage whose writes throw fails the probe.
    let fake = Fake {
        fail_all_writes: true,
        ..Fake::default()
    };
    assert!(probe(&fake).is_none());

    // A storage whose reads throw (after a good probe) is treated as blocked.
    let fake = Fake {
        fail_get: true,
        ..Fake::default()
    };
    let (store, start) = Store::open(probe(&fake), NOW);
    assert_eq!(start.notice, Some(Notice::Unavailable));
    assert_eq!(store.mode(), Mode::MemoryOnly);
}

#[test]
fn a_full_storage_reports_the_failed_save() {
    let fake = Fake {
        quota_keys: vec![KEY.to_string()],
        ..Fake::default()
    };
    let backend = probe(&fake).expect("the probe key still works");
    let (store, start) = Store::open(Some(backend), NOW);
    assert_eq!(start.notice, None);
    assert_eq!(
        store.save(&sample_profile(), "review", NOW),
        Err(StoreError::Quota)
    );
}

#[test]
fn notices_have_ui_strings() {
    let c = guide_content::Content::parse(guide_content::Lang::En).expect("content parses");
    for n in [
        Notice::Unavailable,
        Notice::Unreadable,
        Notice::Future,
        Notice::Quota,
    ] {
        assert!(c.ui.contains_key(n.ui_key()), "{}", n.ui_key());
    }
    assert_eq!(
        c.ui("storage.unavailable"),
        "Your answers can't be saved in this browser (private mode or blocked storage). The guide still works; your answers will be lost when you close the page."
    );
    assert_eq!(
        c.ui("storage.unreadable"),
        "We couldn't read your saved answers, so we started fresh. The old data is kept on this device."
    );
}
