//! The storage decisions, with a fake backend: fresh start, restore, unreadable data kept aside,
//! newer data left alone, blocked storage, a full storage, start over; reading before the write
//! probe; two tabs on one storage (merge per field with revisions, delete in one tab); failed
//! deletes and save causes; limits kept whole on load. Nothing panics.

use std::cell::RefCell;
use std::collections::BTreeMap;

use guide_engine::Profile;
use recurrence_guide::personal::{Added, Personal, MAX_ITEMS, MAX_TEXT};
use recurrence_guide::state::Answers;
use recurrence_guide::storage::{
    delete_keys, envelope_json, envelope_json_with, merge, parse_envelope, probe, Backend, Doc,
    Found, Mode, Notice, Refresh, SaveOutcome, Store, StoreError, KEY, PROBE_KEY, TEXT_SIZE_KEY,
    UNREADABLE_KEY,
};

/// An in-memory backend that can be told to fail.
#[derive(Default)]
struct Fake {
    items: RefCell<BTreeMap<String, String>>,
    fail_get: bool,
    fail_all_writes: bool,
    /// Only removing fails (as with storage methods made to throw).
    fail_removes: bool,
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
            return Err(StoreError::Blocked);
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
        if self.fail_all_writes || self.fail_removes {
            return Err(StoreError::Blocked);
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
    // Nothing of this visit can be kept either: the notice says so (not "kept aside").
    assert_eq!(start.notice, Some(Notice::NotKept));
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
    let notices = [
        Notice::Unavailable,
        Notice::ReadOnly,
        Notice::Full,
        Notice::Unreadable,
        Notice::NotKept,
        Notice::Future,
        Notice::Quota,
    ];
    let mut texts = Vec::new();
    for n in notices {
        assert!(c.ui.contains_key(n.ui_key()), "{}", n.ui_key());
        texts.push(c.ui(n.ui_key()));
    }
    texts.sort();
    texts.dedup();
    assert_eq!(texts.len(), notices.len(), "each notice has its own words");
    // The notices that mean "nothing of this visit is kept" say so.
    for n in [
        Notice::Unavailable,
        Notice::ReadOnly,
        Notice::NotKept,
        Notice::Future,
    ] {
        assert!(
            c.ui(n.ui_key()).contains("lost when you close the page"),
            "{n:?}"
        );
    }
    assert!(c.ui("storage.not_kept").contains("can't keep your answers"));
    assert!(!c.ui("storage.not_kept").contains("kept on this device"));
    assert_eq!(
        c.ui("storage.unavailable"),
        "Your answers can't be saved in this browser (private mode or blocked storage). The guide still works; your answers will be lost when you close the page."
    );
    assert_eq!(
        c.ui("storage.unreadable"),
        "We couldn't read your saved answers, so we started fresh. The old data is kept on this device."
    );
}

// ------------------------------------------------------------------ read before probing

fn saved_with_note(note: &str) -> String {
    let mut p = Personal::default();
    p.add_note(note);
    envelope_json_with(&sample_profile(), "results", &p, NOW)
}

#[test]
fn a_storage_too_full_for_the_probe_still_gives_back_the_saved_answers() {
    let fake = Fake {
        quota_keys: vec![PROBE_KEY.to_string()],
        ..Fake::with(&[(KEY, &saved_with_note("keep me"))])
    };
    let (store, start) = Store::open(Some(&fake), NOW);
    assert_eq!(
        start.profile,
        sample_profile(),
        "the answers are read first"
    );
    assert_eq!(start.personal.notes, vec!["keep me"]);
    assert_eq!(start.screen.as_deref(), Some("results"));
    assert_eq!(start.notice, Some(Notice::Full));
    assert_eq!(
        store.mode(),
        Mode::Saving,
        "a save that fits still goes through"
    );

    // Nothing saved and no room: a fresh start that says the storage is full.
    let empty = Fake {
        quota_keys: vec![PROBE_KEY.to_string()],
        ..Fake::default()
    };
    let (_, start) = Store::open(Some(&empty), NOW);
    assert_eq!(start.notice, Some(Notice::Full));
    assert_eq!(start.profile, Profile::new());
}

#[test]
fn refused_writes_still_show_the_saved_answers_and_never_change_them() {
    let raw = saved_with_note("read only");
    let fake = Fake {
        fail_all_writes: true,
        ..Fake::with(&[(KEY, &raw)])
    };
    let (store, start) = Store::open(Some(&fake), NOW);
    assert_eq!(start.profile, sample_profile());
    assert_eq!(start.notice, Some(Notice::ReadOnly));
    assert_eq!(store.mode(), Mode::MemoryOnly);
    store.save(&Profile::new(), "welcome", NOW).unwrap();
    store.clear().unwrap();
    assert_eq!(fake.item(KEY).as_deref(), Some(raw.as_str()));

    // Nothing saved and writes refused: the old "can't be saved" notice.
    let blocked = Fake {
        fail_all_writes: true,
        ..Fake::default()
    };
    let (_, start) = Store::open(Some(&blocked), NOW);
    assert_eq!(start.notice, Some(Notice::Unavailable));
}

#[test]
fn unreadable_data_too_big_to_keep_aside_says_nothing_is_kept() {
    let big = format!("{{\"schema\":1,\"junk\":\"{}\"", "x".repeat(10_000));
    let fake = Fake {
        quota_keys: vec![UNREADABLE_KEY.to_string(), PROBE_KEY.to_string()],
        ..Fake::with(&[(KEY, &big)])
    };
    let (store, start) = Store::open(Some(&fake), NOW);
    assert_eq!(start.notice, Some(Notice::NotKept));
    assert_eq!(store.mode(), Mode::MemoryOnly);
    assert_eq!(fake.item(KEY).as_deref(), Some(big.as_str()));
}

// ------------------------------------------------------------------ two tabs

fn doc(store_notes: &[&str]) -> Doc {
    let mut d = Doc {
        profile: sample_profile(),
        personal: Personal::default(),
    };
    d.personal.notes = store_notes.iter().map(|s| s.to_string()).collect();
    d
}

fn save(store: &Store<&Fake>, d: &Doc, screen: &str) -> SaveOutcome {
    store
        .save_with(&d.profile, screen, &d.personal, NOW)
        .expect("saved")
}

fn stored(fake: &Fake) -> (Doc, u64) {
    match parse_envelope(&fake.item(KEY).expect("saved")) {
        Found::Saved(s) => (s.doc(), s.rev),
        other => panic!("{other:?}"),
    }
}

#[test]
fn notes_added_in_two_tabs_both_survive() {
    let fake = Fake::default();
    let (tab_a, _) = Store::open(Some(&fake), NOW);
    let (tab_b, _) = Store::open(Some(&fake), NOW);
    assert_eq!(
        save(&tab_a, &doc(&["from A"]), "summary"),
        SaveOutcome::Done
    );
    assert_eq!(stored(&fake).1, 1);
    // Tab B has not heard of A's save yet: its save merges instead of overwriting.
    let outcome = save(&tab_b, &doc(&["from B"]), "results");
    assert_eq!(
        outcome,
        SaveOutcome::Merged(Box::new(doc(&["from A", "from B"])))
    );
    assert_eq!(stored(&fake), (doc(&["from A", "from B"]), 2));
    // Tab A hears of it (the storage event) and shows both.
    assert_eq!(
        tab_a.refresh(&doc(&["from A"])),
        Refresh::Updated(Box::new(doc(&["from A", "from B"])))
    );
    assert_eq!(tab_a.refresh(&doc(&["from A", "from B"])), Refresh::Same);
    // Showing them does not write again (no endless back and forth between tabs).
    assert_eq!(
        save(&tab_a, &doc(&["from A", "from B"]), "summary"),
        SaveOutcome::Done
    );
    assert_eq!(stored(&fake).1, 2);
    // Tab A's next change is on top of both.
    save(&tab_a, &doc(&["from A", "from B", "A again"]), "summary");
    assert_eq!(
        tab_b.refresh(&doc(&["from A", "from B"])),
        Refresh::Updated(Box::new(doc(&["from A", "from B", "A again"])))
    );
    assert_eq!(stored(&fake).1, 3);
}

#[test]
fn answers_merge_per_question_and_deletes_stick() {
    let base = doc(&["one", "two"]);
    let mut mine = base.clone();
    mine.personal.notes.retain(|n| n != "one"); // deleted here
    mine.profile.sites.clear();
    let mut a = Answers::from_profile(mine.profile.clone());
    a.set_single("ps", "1").unwrap();
    mine.profile = a.profile().clone();
    let mut theirs = base.clone();
    theirs.personal.notes.push("three".into()); // added there
    let mut t = Answers::from_profile(theirs.profile.clone());
    t.set_single("histology", "SCLC").unwrap();
    theirs.profile = t.profile().clone();
    theirs.personal.values.set("travel", "A_LOT");

    let m = merge(&base, &mine, &theirs);
    assert_eq!(m.personal.notes, vec!["two", "three"]);
    let v = serde_json::to_value(&m.profile).unwrap();
    assert_eq!(v["histology"], "SCLC", "their change");
    assert_eq!(v["ps"], "1", "my change");
    assert_eq!(m.personal.values.answer("travel"), Some("A_LOT"));
    // Merging is symmetric in what it keeps.
    let m2 = merge(&base, &theirs, &mine);
    assert_eq!(m2.profile, m.profile);
    // A question changed on both sides: this tab's answer wins when it saves.
    let mut both = theirs.clone();
    let mut b = Answers::from_profile(both.profile.clone());
    b.set_single("ps", "2").unwrap();
    both.profile = b.profile().clone();
    let v = serde_json::to_value(merge(&base, &mine, &both).profile).unwrap();
    assert_eq!(v["ps"], "1");
}

#[test]
fn a_delete_in_one_tab_is_never_undone_by_another() {
    let fake = Fake::with(&[(KEY, &saved_with_note("private"))]);
    let (tab_a, _) = Store::open(Some(&fake), NOW);
    let (tab_b, start_b) = Store::open(Some(&fake), NOW);
    // Tab A: "Delete my answers".
    let report = delete_keys(&&fake, &[KEY.to_string()]);
    assert!(report.left.is_empty());
    drop(tab_a);
    // Tab B still shows the old answers and saves a change before it hears of the delete.
    let old = Doc {
        profile: start_b.profile.clone(),
        personal: start_b.personal.clone(),
    };
    assert_eq!(save(&tab_b, &old, "summary"), SaveOutcome::DeletedElsewhere);
    assert_eq!(fake.item(KEY), None, "nothing written back");
    // Once cleared, a new start saves again (from revision 1).
    assert_eq!(save(&tab_b, &doc(&[]), "q:histology"), SaveOutcome::Done);
    assert_eq!(stored(&fake).1, 1);

    // The storage event path: the other tab learns of the delete and clears itself.
    let fake = Fake::with(&[(KEY, &saved_with_note("private"))]);
    let (tab_c, start_c) = Store::open(Some(&fake), NOW);
    fake.items.borrow_mut().remove(KEY);
    let shown = Doc {
        profile: start_c.profile,
        personal: start_c.personal,
    };
    assert_eq!(tab_c.refresh(&shown), Refresh::Deleted);
    assert_eq!(fake.item(KEY), None);
}

#[test]
fn a_new_story_started_in_another_tab_after_a_delete_replaces_the_old_one() {
    let fake = Fake::default();
    let (tab_a, _) = Store::open(Some(&fake), NOW);
    for i in 0..3 {
        save(&tab_a, &doc(&["old"]), &format!("q:{i}"));
    }
    assert_eq!(stored(&fake).1, 3);
    // Another tab deletes and starts again (same revision number by chance, new story).
    fake.items.borrow_mut().remove(KEY);
    let (tab_b, _) = Store::open(Some(&fake), "2026-11-29T00:00:00.000Z");
    let new = Doc::default();
    for i in 0..3 {
        tab_b
            .save_with(
                &new.profile,
                &format!("q:{i}"),
                &new.personal,
                "2026-11-29T00:00:00.000Z",
            )
            .unwrap();
    }
    assert_eq!(stored(&fake).1, 3);
    // Tab A does not take the same revision number for its own copy.
    assert_eq!(
        tab_a.refresh(&doc(&["old"])),
        Refresh::Updated(Box::default())
    );
}

#[test]
fn data_a_newer_tab_wrote_is_never_overwritten() {
    let fake = Fake::default();
    let (tab, _) = Store::open(Some(&fake), NOW);
    save(&tab, &doc(&["mine"]), "results");
    let newer = r#"{"schema":2,"profile":{"version":9}}"#;
    fake.items.borrow_mut().insert(KEY.into(), newer.into());
    assert!(tab
        .save_with(&sample_profile(), "summary", &Personal::default(), NOW)
        .is_err());
    assert_eq!(fake.item(KEY).as_deref(), Some(newer));
    assert_eq!(tab.refresh(&doc(&["mine"])), Refresh::Same);
}

// ------------------------------------------------------------------ causes and deletes

#[test]
fn every_failed_save_names_its_cause() {
    let c = guide_content::Content::parse(guide_content::Lang::En).expect("content parses");
    let causes = [
        StoreError::Quota,
        StoreError::Blocked,
        StoreError::Other("InvalidStateError".into()),
    ];
    let mut texts: Vec<&str> = causes.iter().map(|e| c.ui(e.ui_key())).collect();
    assert!(texts[0].contains("full"));
    assert!(texts[1].contains("does not let"));
    assert!(texts[2].contains("problem"));
    texts.dedup();
    assert_eq!(texts.len(), 3);
    for e in &causes {
        assert!(c.ui.contains_key(e.ui_key()), "{}", e.ui_key());
    }
    // And the fake's blocked writes come back as blocked, not as "full".
    let blocked = Fake {
        fail_all_writes: true,
        ..Fake::default()
    };
    assert_eq!(probe(&blocked).map(|_| ()), None);
}

#[test]
fn a_failed_delete_says_what_is_left() {
    let fake = Fake {
        fail_removes: true,
        ..Fake::with(&[
            (KEY, &saved_with_note("n")),
            (UNREADABLE_KEY, "bad"),
            (TEXT_SIZE_KEY, "large"),
        ])
    };
    let keys = [KEY, UNREADABLE_KEY, TEXT_SIZE_KEY].map(String::from);
    let report = delete_keys(&&fake, &keys);
    assert_eq!(report.removed, 0);
    assert_eq!(report.left.len(), 3);
    assert_eq!(report.error, Some(StoreError::Blocked));
    assert_eq!(
        report.left_ui_keys(),
        vec![
            "privacy.left.answers",
            "privacy.left.old_copy",
            "privacy.left.text_size"
        ]
    );
    let c = guide_content::Content::parse(guide_content::Lang::En).expect("content parses");
    for k in report.left_ui_keys().into_iter().chain([
        "privacy.delete_failed",
        "privacy.left.other",
        "storage.updated_elsewhere",
        "storage.deleted_elsewhere",
        "storage.week",
        "storage.week_home",
        "storage.week_ok",
    ]) {
        assert!(c.ui.contains_key(k), "{k}");
    }
    assert!(c.ui("privacy.delete_failed").contains("{what}"));

    // A delete that works reports nothing left.
    let ok = Fake::with(&[(KEY, "x"), (TEXT_SIZE_KEY, "large")]);
    let report = delete_keys(&&ok, &[KEY.to_string(), TEXT_SIZE_KEY.to_string()]);
    assert_eq!(
        (report.removed, report.left.len(), report.error),
        (2, 0, None)
    );
}

// ------------------------------------------------------------------ limits

#[test]
fn long_notes_are_refused_with_a_reason_never_cut() {
    let mut p = Personal::default();
    let long = "a".repeat(3012);
    assert_eq!(p.add_note(&long), Added::TooLong);
    assert!(p.notes.is_empty(), "not stored as 2,000 characters");
    assert_eq!(p.add_note(&"a".repeat(MAX_TEXT)), Added::Yes);
    // The limit counts as the browser's maxlength does (UTF-16 units).
    assert_eq!(
        p.add_question(&"😀".repeat(MAX_TEXT / 2 + 1)),
        Added::TooLong
    );
    assert_eq!(p.add_question(&"😀".repeat(MAX_TEXT / 2)), Added::Yes);
    for i in 1..MAX_ITEMS {
        assert_eq!(p.add_note(&format!("n{i}")), Added::Yes);
    }
    assert_eq!(p.notes.len(), MAX_ITEMS);
    assert_eq!(p.add_note("the 101st"), Added::Full);
    assert_eq!(p.notes.len(), MAX_ITEMS);
}

#[test]
fn long_texts_and_long_lists_load_whole() {
    let mut v: serde_json::Value =
        serde_json::from_str(&envelope_json(&sample_profile(), "summary", NOW)).unwrap();
    let notes: Vec<String> = (0..150).map(|i| format!("note {i}")).collect();
    v["notes"] = serde_json::json!(notes);
    v["own_questions"] = serde_json::json!(["q".repeat(3012)]);
    v["values"] = serde_json::json!({"other": "w".repeat(5000)});
    let Found::Saved(s) = parse_envelope(&v.to_string()) else {
        panic!("readable")
    };
    assert_eq!(s.personal.notes.len(), 150);
    assert_eq!(s.personal.own_questions[0].len(), 3012);
    assert_eq!(s.personal.values.other.len(), 5000);
}
