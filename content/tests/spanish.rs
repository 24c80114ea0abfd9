//! The Spanish content against the English it was translated from (issue 14):
//!
//! - every file of `content/en/` has its twin in `content/es/` with the same keys, list lengths,
//!   IDs, numbers and `{placeholders}` (glossary aliases are the Spanish words, so their number
//!   may differ; reviewer-only `review_note`s stay in English);
//! - no patient-facing Spanish text is left in English;
//! - plain language measured in Spanish: INFLESZ (`guide_content::readability::es`) at least 55
//!   for every graded text, median at least 65;
//! - `content/es/translation.json` records, per file, the English it was translated from (a hash
//!   of the file and the date): an English file changed since fails here until its translation is
//!   brought up to date and the record with it.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use guide_content::readability::es::{graded, median, MIN_INFLESZ, MIN_MEDIAN};
use guide_content::{Content, Lang};
use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// The JSON files of a language folder, as paths relative to it (`options/sclc.json`).
fn files(lang: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for sub in ["", "options"] {
        let dir = root().join(lang).join(sub);
        for e in std::fs::read_dir(&dir).unwrap().flatten() {
            let name = e.file_name().to_string_lossy().to_string();
            if name.ends_with(".json") && name != "translation.json" {
                out.insert(if sub.is_empty() {
                    name
                } else {
                    format!("{sub}/{name}")
                });
            }
        }
    }
    out
}

fn read(lang: &str, file: &str) -> (String, Value) {
    let text = std::fs::read_to_string(root().join(lang).join(file)).unwrap();
    let v = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{lang}/{file}: {e}"));
    (text, v)
}

/// FNV-1a, 64 bits, of the file's bytes (line ends as written): enough to notice a change.
fn fnv64(text: &str) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in text.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("{h:016x}")
}

fn placeholders(s: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = s;
    while let Some(i) = rest.find('{') {
        let Some(j) = rest[i..].find('}') else { break };
        let inner = &rest[i + 1..i + j];
        if !inner.is_empty() && inner.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
            out.insert(inner.to_string());
        }
        rest = &rest[i + j + 1..];
    }
    out
}

/// An ID-like value that must stay as it is (`EGFR_OSI`, `R-10`, `S45`, `2026-11-28`, a URL).
fn is_code(s: &str) -> bool {
    s.starts_with("https://")
        || (!s.is_empty()
            && !s.contains(' ')
            && s.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || "_-.".contains(c)))
}

fn compare(path: &str, en: &Value, es: &Value, out: &mut Vec<String>) {
    match (en, es) {
        (Value::Object(a), Value::Object(b)) => {
            let ka: Vec<&String> = a.keys().collect();
            let kb: Vec<&String> = b.keys().collect();
            if ka != kb {
                out.push(format!("{path}: keys differ: {ka:?} vs {kb:?}"));
                return;
            }
            for (k, va) in a {
                if k == "review_note" {
                    if va != &b[k] {
                        out.push(format!("{path}.{k}: reviewer notes stay as in English"));
                    }
                    continue;
                }
                compare(&format!("{path}.{k}"), va, &b[k], out);
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            // Glossary aliases are the Spanish words; a crisis help's sources name the lines of
            // the places its readers live in (validate_es checks that every ID resolves).
            if path.ends_with(".aliases") || path.ends_with(".sources") {
                return;
            }
            if a.len() != b.len() {
                out.push(format!("{path}: {} items vs {}", a.len(), b.len()));
                return;
            }
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                compare(&format!("{path}[{i}]"), x, y, out);
            }
        }
        (Value::String(a), Value::String(b)) => {
            if is_code(a) && a != b {
                out.push(format!("{path}: {a:?} is a code and stays; got {b:?}"));
            }
            if placeholders(a) != placeholders(b) {
                out.push(format!("{path}: placeholders differ: {a:?} vs {b:?}"));
            }
        }
        (a, b) if a != b => out.push(format!("{path}: {a} vs {b}")),
        _ => {}
    }
}

#[test]
fn every_english_file_has_its_spanish_twin_with_the_same_shape() {
    let en = files("en");
    let es = files("es");
    assert_eq!(en, es, "content/en and content/es hold different files");
    let mut problems = Vec::new();
    for f in &en {
        // The sources are the publishers' own titles, shown as published; only the dates of
        // reading are translated.
        let (_, a) = read("en", f);
        let (_, b) = read("es", f);
        compare(f, &a, &b, &mut problems);
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn shape_check_can_fail() {
    let mut p = Vec::new();
    compare(
        "x",
        &serde_json::json!({"id": "EGFR_OSI", "t": "You have {n} notes", "l": [1, 2]}),
        &serde_json::json!({"id": "EGFR", "t": "Tiene notas", "l": [1]}),
        &mut p,
    );
    assert_eq!(p.len(), 3, "{p:?}");
}

/// Common English words that Spanish text does not use.
const ENGLISH: &[&str] = &[
    "the", "and", "of", "to", "with", "your", "you", "is", "are", "this", "that", "for", "it",
    "be", "can", "have", "will", "or", "not", "what", "when", "who", "how", "may", "about",
];

/// Whether a text reads as English: at least 2 of its words, and a fifth of them, are common
/// English words.
fn looks_english(text: &str) -> bool {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let english = words
        .iter()
        .filter(|w| ENGLISH.contains(&w.as_str()))
        .count();
    english >= 2 && english * 5 >= words.len()
}

#[test]
fn no_spanish_text_is_left_in_english() {
    let es = Content::parse(Lang::Es).unwrap_or_else(|e| panic!("{e}"));
    let en = Content::parse(Lang::En).unwrap_or_else(|e| panic!("{e}"));
    let en_texts: BTreeSet<String> = guide_content::readability::patient_texts(&en)
        .into_iter()
        .map(|t| t.text)
        .collect();
    let mut left = Vec::new();
    for t in guide_content::readability::patient_texts(&es) {
        let words = t.text.split_whitespace().count();
        let same = words >= 4 && en_texts.contains(&t.text);
        if same || looks_english(&t.text) {
            left.push(format!("{} | {} | {} | {}", t.file, t.id, t.field, t.text));
        }
    }
    let ui_en: BTreeSet<&String> = en.ui.values().collect();
    for (k, v) in &es.ui {
        if (v.split_whitespace().count() >= 4 && ui_en.contains(v)) || looks_english(v) {
            left.push(format!("ui | {k} | {v}"));
        }
    }
    assert!(
        left.is_empty(),
        "{} Spanish texts read as English:\n{}",
        left.len(),
        left.join("\n")
    );
}

#[test]
fn the_english_check_can_fail() {
    assert!(looks_english("Talk about this with your cancer doctor."));
    assert!(!looks_english("Hable de esto con su médico del cáncer."));
    assert!(!looks_english("Osimertinib (Tagrisso)"));
}

#[test]
fn spanish_texts_are_plain() {
    let es = Content::parse(Lang::Es).unwrap_or_else(|e| panic!("{e}"));
    let scored = graded(&es);
    let scores: Vec<f64> = scored.iter().map(|(_, s)| *s).collect();
    let med = median(&scores);
    let mut low: Vec<String> = scored
        .iter()
        .filter(|(_, s)| *s < MIN_INFLESZ)
        .map(|(t, s)| format!("{} | {} | {} | {s:.1} | {}", t.file, t.id, t.field, t.text))
        .collect();
    low.sort();
    println!(
        "Spanish readability: {} graded texts, median INFLESZ {med:.1}, {} under {MIN_INFLESZ}",
        scores.len(),
        low.len()
    );
    assert!(
        low.is_empty(),
        "{} Spanish texts under INFLESZ {MIN_INFLESZ} (shorter sentences, shorter words):\n{}",
        low.len(),
        low.join("\n")
    );
    assert!(med >= MIN_MEDIAN, "median INFLESZ {med:.1} < {MIN_MEDIAN}");
}

#[test]
fn each_translation_records_the_english_it_was_made_from() {
    let (_, record) = read("es", "translation.json");
    let recorded = record["files"]
        .as_object()
        .expect("translation.json: files");
    let mut stale = Vec::new();
    for f in files("en") {
        let (text, _) = read("en", &f);
        let now = fnv64(&text);
        match recorded.get(&f) {
            Some(r) if r["english_fnv64"] == now.as_str() => {
                let date = r["translated_on"].as_str().unwrap_or("");
                assert!(
                    date.len() == 10 && date.starts_with("20"),
                    "{f}: translated_on {date:?}"
                );
            }
            Some(_) => stale.push(format!(
                "content/en/{f} changed since it was translated: bring content/es/{f} up to \
                 date, then set its english_fnv64 to \"{now}\" and translated_on to the date"
            )),
            None => stale.push(format!("content/es/translation.json has no entry for {f}")),
        }
    }
    assert!(stale.is_empty(), "{}", stale.join("\n"));
    // The meta of the Spanish content names the English content date it was translated from.
    let (_, es_meta) = read("es", "meta.json");
    let (_, en_meta) = read("en", "meta.json");
    assert_eq!(record["english_content_date"], en_meta["content_date"]);
    assert_eq!(es_meta["content_date"], en_meta["content_date"]);
}

#[test]
fn the_spanish_syllable_counter_counts_diphthongs_and_hiatus() {
    use guide_content::readability::es::syllables_es;
    for (w, n) in [
        ("cáncer", 2),
        ("pulmón", 2),
        ("quimioterapia", 5),
        ("día", 2),
        ("ciudad", 2),
        ("leer", 2),
        ("hoy", 1),
        ("país", 2),
        ("tratamiento", 4),
        ("inmunoterapia", 6),
        ("y", 1),
        ("988", 3),
    ] {
        assert_eq!(syllables_es(w), n, "{w}");
    }
}
