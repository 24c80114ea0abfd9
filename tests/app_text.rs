//! The app's own words: every UI string the screens use exists in `content/en/ui.json`, the
//! out-of-date check, and a few plain-language rules.

use guide_content::{Content, Lang};
use recurrence_guide::state::{content_is_stale, Date};

/// The UI keys named in the app shell's sources (`ui("..")` and `ui_with("..", ..)`).
fn keys_used() -> Vec<(String, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/components");
    let mut out = Vec::new();
    for file in [
        "layout.rs",
        "welcome.rs",
        "question.rs",
        "review.rs",
        "progress.rs",
        "details.rs",
        "my_notes.rs",
        "values.rs",
        "file_tools.rs",
        "../pwa.rs",
    ] {
        let text = std::fs::read_to_string(dir.join(file)).unwrap();
        for pat in ["ui(\"", "ui_with(\""] {
            let mut rest = text.as_str();
            while let Some(i) = rest.find(pat) {
                rest = &rest[i + pat.len()..];
                let end = rest.find('"').unwrap();
                out.push((file.to_string(), rest[..end].to_string()));
            }
        }
    }
    out
}

#[test]
fn every_ui_key_the_screens_use_exists() {
    let c = Content::parse(Lang::En).expect("content parses");
    let used = keys_used();
    assert!(used.len() > 30, "found only {} keys", used.len());
    let missing: Vec<_> = used.iter().filter(|(_, k)| !c.ui.contains_key(k)).collect();
    assert!(missing.is_empty(), "missing in ui.json: {missing:?}");
    // Keys built at run time.
    for k in [
        "prior_tx.tki",
        "prior_tx.tki_hint",
        "prior_tx.tki_which",
        "prior_tx.adc",
        "prior_tx.adc_hint",
        "prior_tx.adc_which",
        "answer.unknown",
        "stale",
        "storage.quota",
        "details.loading",
        "details.loading_sources",
    ] {
        assert!(c.ui.contains_key(k), "{k}");
    }
}

#[test]
fn app_strings_never_tell_people_what_to_do() {
    let c = Content::parse(Lang::En).expect("content parses");
    for (k, v) in &c.ui {
        let lower = v.to_lowercase();
        for banned in ["you should", "best option", "we recommend"] {
            assert!(!lower.contains(banned), "{k}: {v}");
        }
        assert!(!v.contains('!'), "{k}: no exclamation marks: {v}");
    }
}

#[test]
fn content_goes_stale_after_the_set_number_of_months() {
    let d = |year, month, day| Date { year, month, day };
    assert!(!content_is_stale("2026-11-28", 12, d(2026, 11, 28)));
    assert!(!content_is_stale("2026-11-28", 12, d(2027, 11, 27)));
    assert!(content_is_stale("2026-11-28", 12, d(2027, 11, 28)));
    assert!(content_is_stale("2026-11-28", 12, d(2030, 1, 1)));
    assert!(!content_is_stale("2026-02-15", 11, d(2027, 1, 14)));
    assert!(content_is_stale("2026-02-15", 11, d(2027, 1, 15)));
    // A date that cannot be read is treated as out of date (the safe side).
    assert!(content_is_stale("", 12, d(2026, 1, 1)));
    assert!(content_is_stale("28/11/2026", 12, d(2026, 1, 1)));
    assert!(content_is_stale("2026-13-01", 12, d(2026, 1, 1)));
    assert_eq!(
        Date::parse("2026-01-31").unwrap().plus_months(13),
        d(2027, 2, 31)
    );
}

#[test]
fn the_shipped_content_date_parses() {
    let c = Content::parse(Lang::En).expect("content parses");
    assert!(
        Date::parse(&c.meta.content_date).is_some(),
        "{}",
        c.meta.content_date
    );
    assert!(c.meta.stale_after_months > 0);
}
