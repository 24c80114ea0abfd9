//! "Save as file" / "Open a saved file": the file's form and every kind of bad file. A bad
//! file is an `Err` with its own message, so the app never replaces the answers with it.

use guide_content::{Content, Lang};
use guide_engine::{Goal, Profile};
use recurrence_guide::personal::Personal;
use recurrence_guide::saved_file::{
    file_json, file_name, read_file, FileError, FILE_KIND, FILE_SCHEMA, MAX_FILE_BYTES,
};
use serde_json::{json, Value};

fn profile() -> Profile {
    Profile::from_json(
        r#"{"version":1,"histology":"NSCLC_NONSQ","sites":["BONE","LIVER"],"met_count":"GT5",
            "biomarker_tested":"YES_TISSUE","biomarkers":["EGFR_COMMON"],"prior_tx":["SURGERY"],
            "ps":"1","goals":"BALANCE"}"#,
    )
    .unwrap()
}

fn personal() -> Personal {
    let mut p = Personal::default();
    p.add_note("Ask my daughter to come.");
    p.add_question("Can I keep working?");
    p.values.set("travel", "A_LOT");
    p.values.other = "My garden".into();
    p.set_compared("EGFR_OSI", true);
    p
}

fn good() -> Value {
    serde_json::from_str(&file_json(
        &profile(),
        &personal(),
        "2026-11-28T10:00:00.000Z",
    ))
    .unwrap()
}

fn read(v: &Value) -> Result<recurrence_guide::saved_file::Loaded, FileError> {
    read_file(&v.to_string())
}

#[test]
fn a_saved_file_opens_with_the_same_answers_notes_and_values() {
    let text = file_json(&profile(), &personal(), "2026-11-28T10:00:00.000Z");
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["kind"], FILE_KIND);
    assert_eq!(v["schema"], FILE_SCHEMA);
    assert_eq!(v["saved_at"], "2026-11-28T10:00:00.000Z");
    assert_eq!(v["profile"]["version"], 1);
    assert_eq!(v["notes"], json!(["Ask my daughter to come."]));
    assert_eq!(v["own_questions"], json!(["Can I keep working?"]));
    assert_eq!(v["values"]["tradeoffs"]["travel"], "A_LOT");
    assert!(v.get("compare").is_none(), "comparison picks are not saved");

    let loaded = read_file(&text).unwrap();
    assert_eq!(loaded.profile, profile());
    assert_eq!(loaded.profile.goals, Some(Goal::Balance));
    let mut expected = personal();
    expected.compare.clear();
    assert_eq!(loaded.personal, expected);
    assert_eq!(loaded.saved_at.as_deref(), Some("2026-11-28T10:00:00.000Z"));
}

#[test]
fn a_file_with_only_the_answers_opens() {
    let v = json!({"kind": FILE_KIND, "schema": 1, "profile": {"version": 1, "histology": "SCLC"}});
    let loaded = read(&v).unwrap();
    assert!(loaded.personal.is_empty());
    assert_eq!(loaded.saved_at, None);
    // A byte-order mark (some editors add one) is fine too.
    assert!(read_file(&format!("\u{feff}{v}")).is_ok());
}

#[test]
fn the_file_name_carries_the_date() {
    assert_eq!(
        file_name("2026-11-28"),
        "lung-guide-answers-2026-11-28.json"
    );
    assert_eq!(file_name("28/11/2026"), "lung-guide-answers.json");
    assert_eq!(file_name(""), "lung-guide-answers.json");
}

#[test]
fn damaged_json_is_refused() {
    let text = file_json(&profile(), &personal(), "x");
    for bad in [
        "",
        "   ",
        &text[..text.len() / 2],
        "{\"kind\": \"lung-recurrence-guide\", ",
        "not json at all",
        "\u{0}\u{1}PNG",
    ] {
        match read_file(bad) {
            Err(FileError::Damaged(_)) => {}
            other => panic!("{bad:?}: {other:?}"),
        }
    }
}

#[test]
fn foreign_json_is_refused() {
    for v in [
        json!({"name": "my-package", "version": "1.0.0"}),
        json!([1, 2, 3]),
        json!("text"),
        json!(42),
        json!(null),
        // The browser's own saved copy (no kind) is not a file of this guide.
        json!({"schema": 1, "screen": "results", "profile": {"version": 1}}),
        // A bare engine profile.
        json!({"version": 1, "histology": "SCLC"}),
    ] {
        assert_eq!(read(&v).unwrap_err(), FileError::Foreign, "{v}");
    }
}

#[test]
fn a_file_of_another_kind_is_refused() {
    let mut v = good();
    v["kind"] = json!("breast-cancer-guide");
    assert_eq!(
        read(&v).unwrap_err(),
        FileError::WrongKind("breast-cancer-guide".into())
    );
    v["kind"] = json!(7);
    assert!(matches!(read(&v).unwrap_err(), FileError::WrongKind(_)));
}

#[test]
fn a_profile_the_engine_rejects_is_refused() {
    for bad_profile in [
        json!({"version": 1, "histology": "BANANA"}),
        json!({"version": 1, "favourite_colour": "blue"}),
        json!({"version": 1, "sites": "BONE"}),
        json!({"histology": "SCLC"}),
        json!({"version": 0}),
        json!("SCLC"),
    ] {
        let mut v = good();
        v["profile"] = bad_profile.clone();
        assert!(
            matches!(read(&v).unwrap_err(), FileError::Rejected(_)),
            "{bad_profile}"
        );
    }
}

#[test]
fn future_versions_are_refused_with_their_own_messages() {
    let mut v = good();
    v["schema"] = json!(2);
    assert_eq!(read(&v).unwrap_err(), FileError::NewerFile(2));

    let mut v = good();
    v["profile"]["version"] = json!(2);
    assert_eq!(read(&v).unwrap_err(), FileError::NewerAnswers(2));
    // Even with fields this engine does not know (a newer engine may have added some).
    v["profile"]["new_question"] = json!("X");
    assert_eq!(read(&v).unwrap_err(), FileError::NewerAnswers(2));
}

#[test]
fn missing_or_odd_parts_are_damaged() {
    let mut v = good();
    v.as_object_mut().unwrap().remove("schema");
    assert!(matches!(read(&v).unwrap_err(), FileError::Damaged(_)));

    let mut v = good();
    v["schema"] = json!(0);
    assert!(matches!(read(&v).unwrap_err(), FileError::Damaged(_)));

    let mut v = good();
    v.as_object_mut().unwrap().remove("profile");
    assert!(matches!(read(&v).unwrap_err(), FileError::Damaged(_)));

    for (field, bad) in [
        ("notes", json!("one note")),
        ("notes", json!([1, 2])),
        ("own_questions", json!({"a": 1})),
        ("values", json!([1])),
    ] {
        let mut v = good();
        v[field] = bad.clone();
        assert!(
            matches!(read(&v).unwrap_err(), FileError::Damaged(_)),
            "{field}: {bad}"
        );
    }
}

#[test]
fn a_huge_file_is_refused() {
    let mut v = good();
    v["notes"] = json!(["x".repeat(MAX_FILE_BYTES as usize + 1)]);
    assert_eq!(read(&v).unwrap_err(), FileError::TooLarge);
}

#[test]
fn a_key_given_twice_is_refused_by_name() {
    let text = file_json(&profile(), &personal(), "2026-11-28T10:00:00.000Z");
    let twice = |key: &str, extra: &str| {
        let at = text
            .find(&format!("\"{key}\":"))
            .unwrap_or_else(|| panic!("{key}"));
        format!("{}{extra}{}", &text[..at], &text[at..])
    };
    for (bad, key) in [
        (twice("schema", "\"schema\": 1, "), "schema"),
        // The same value twice too: only one is allowed.
        (twice("histology", "\"histology\": \"SCLC\", "), "histology"),
        (twice("version", "\"version\": 2, "), "version"),
        (twice("travel", "\"travel\": \"NOT_AT_ALL\", "), "travel"),
        (
            format!("\u{feff}{}", twice("kind", "\"kind\": \"x\", ")),
            "kind",
        ),
    ] {
        assert_eq!(
            read_file(&bad),
            Err(FileError::DuplicateKey(key.into())),
            "{bad}"
        );
    }
    // Not a file of this guide: that is what the person is told first.
    assert_eq!(
        read_file(r#"{"name":"a","name":"b"}"#),
        Err(FileError::Foreign)
    );
    // The message names the key, escaped and cut.
    let c = Content::parse(Lang::En).unwrap();
    let e = FileError::DuplicateKey("version".into());
    let [(k, v)] = e.vars();
    let msg = c.ui["file.error.duplicate_key"].replace(&format!("{{{k}}}"), &v);
    assert!(msg.contains("the entry \"version\" twice"), "{msg}");
    let [(_, v)] = FileError::DuplicateKey(format!("\n{}", "x".repeat(1000))).vars();
    assert!(v.starts_with("\"\\nxxx") && v.chars().count() < 50, "{v}");
    let [(_, v)] = FileError::TooLarge.vars();
    assert!(v.is_empty());
}

#[test]
fn unknown_values_are_dropped_and_long_texts_kept_whole() {
    let mut v = good();
    v["values"] = json!({"tradeoffs": {"travel": "A_LOT", "money": "A_LOT", "home": "HUGE"}});
    v["notes"] = json!(["y".repeat(5000)]);
    let loaded = read(&v).unwrap();
    assert_eq!(loaded.personal.values.answer("travel"), Some("A_LOT"));
    assert_eq!(loaded.personal.values.tradeoffs.len(), 1);
    // Nothing is cut without a word (issue 12): a long note in a file opens whole.
    assert_eq!(loaded.personal.notes[0].chars().count(), 5000);
}

#[test]
fn every_error_has_its_own_plain_message() {
    let c = Content::parse(Lang::En).unwrap();
    let errors = [
        FileError::Damaged(String::new()),
        FileError::Foreign,
        FileError::WrongKind(String::new()),
        FileError::NewerFile(2),
        FileError::NewerAnswers(2),
        FileError::Rejected(String::new()),
        FileError::TooLarge,
        FileError::DuplicateKey("k".into()),
    ];
    let mut messages = Vec::new();
    let mut codes = Vec::new();
    for e in &errors {
        let text =
            c.ui.get(e.ui_key())
                .unwrap_or_else(|| panic!("{}", e.ui_key()));
        assert!(
            text.contains("have not changed"),
            "{}: the message says the answers are untouched",
            e.ui_key()
        );
        assert!(
            !messages.contains(text),
            "{}: same message twice",
            e.ui_key()
        );
        messages.push(text.clone());
        codes.push(e.code());
    }
    assert_eq!(codes, FileError::CODES);
}
