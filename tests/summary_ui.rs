//! Every UI string the summary, values, comparison, notes and file screens use exists in
//! `content/en/ui.json` (its reading grade and wording are checked by the content tests and
//! `tests/app_text.rs`).

use guide_content::{Content, Lang};
use recurrence_guide::personal::{TRADE_OFFS, TRADE_OFF_ANSWERS};
use recurrence_guide::saved_file::FileError;
use recurrence_guide::summary_model::COMPARE_ROWS;

/// Files under `src/` that name UI keys (`ui("..")`, `ui_with("..")`, `c.ui("..")`).
const FILES: &[&str] = &[
    "components/summary.rs",
    "components/values.rs",
    "components/compare.rs",
    "components/my_notes.rs",
    "components/file_tools.rs",
    "summary_html.rs",
];

fn keys_used() -> Vec<(String, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    for file in FILES {
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
fn every_ui_key_exists() {
    let c = Content::parse(Lang::En).expect("content parses");
    let mut keys = keys_used();
    assert!(keys.len() > 40, "found only {} keys", keys.len());
    for t in TRADE_OFFS {
        keys.push(("personal.rs".into(), format!("values.{}", t.id)));
        keys.push(("personal.rs".into(), format!("values.{}.hint", t.id)));
    }
    for a in TRADE_OFF_ANSWERS {
        keys.push(("personal.rs".into(), format!("values.answer.{a}")));
    }
    for (k, _) in COMPARE_ROWS {
        keys.push(("summary_model.rs".into(), k.to_string()));
    }
    for e in [
        FileError::Damaged(String::new()),
        FileError::Foreign,
        FileError::WrongKind(String::new()),
        FileError::NewerFile(2),
        FileError::NewerAnswers(2),
        FileError::Rejected(String::new()),
        FileError::TooLarge,
    ] {
        keys.push(("saved_file.rs".into(), e.ui_key().to_string()));
    }
    let missing: Vec<_> = keys.iter().filter(|(_, k)| !c.ui.contains_key(k)).collect();
    assert!(missing.is_empty(), "missing in ui.json: {missing:?}");
}

#[test]
fn no_string_ranks_or_advises() {
    let c = Content::parse(Lang::En).expect("content parses");
    for (k, v) in c.ui.iter().filter(|(k, _)| {
        ["summary.", "values.", "compare.", "mine.", "file."]
            .iter()
            .any(|p| k.starts_with(p))
    }) {
        let lower = v.to_lowercase();
        for banned in ["you should", "best", "recommend", "top ", "ranked first"] {
            assert!(!lower.contains(banned), "{k}: {v}");
        }
    }
}
