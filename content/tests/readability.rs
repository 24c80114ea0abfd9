//! Reading level of ALL patient-facing English text (see `guide_content::readability` for the
//! formula and the limits). Fails with one line per text over its limit:
//! `file | ID | field | grade > limit | text`.
//!
//! Run it alone while writing: `cargo test -p guide-content --test readability -- --nocapture`.

use guide_content::readability::{patient_texts, score, PatientText, MIN_WORDS};
use guide_content::{Content, Lang};

fn content() -> Content {
    Content::parse(Lang::En).unwrap_or_else(|e| panic!("{e}"))
}

fn line(t: &PatientText) -> String {
    format!(
        "{} | {} | {} | grade {:.2} > {} | {}",
        t.file,
        t.id,
        t.field,
        score(&t.text).grade,
        t.limit,
        t.text
    )
}

#[test]
fn every_patient_text_is_within_its_reading_grade() {
    let c = content();
    let texts = patient_texts(&c);
    let checked = texts.iter().filter(|t| t.checked()).count();
    let mut over: Vec<&PatientText> = texts.iter().filter(|t| t.too_hard()).collect();
    over.sort_by(|a, b| (&a.file, &a.id, &a.field).cmp(&(&b.file, &b.id, &b.field)));
    println!(
        "readability: {} texts, {checked} with {MIN_WORDS}+ words checked, {} over the limit",
        texts.len(),
        over.len()
    );
    assert!(
        over.is_empty(),
        "{} of {checked} texts are over their Flesch-Kincaid grade limit (shorten sentences, use \
         shorter words; texts under {MIN_WORDS} words are exempt):\n{}",
        over.len(),
        over.iter().map(|t| line(t)).collect::<Vec<_>>().join("\n")
    );
}

/// A summary per file, for the writers (always passes; run with `--nocapture`).
#[test]
fn reading_grade_report() {
    let c = content();
    let mut by_file: std::collections::BTreeMap<String, (usize, f64, f64)> = Default::default();
    for t in patient_texts(&c).iter().filter(|t| t.checked()) {
        let g = score(&t.text).grade;
        let e = by_file.entry(t.file.clone()).or_insert((0, 0.0, f64::MIN));
        e.0 += 1;
        e.1 += g;
        e.2 = e.2.max(g);
    }
    for (file, (n, sum, max)) in by_file {
        println!(
            "{file}: {n} texts, mean grade {:.1}, highest {:.1}",
            sum / n as f64,
            max
        );
    }
}
