//! Glossary matching (pure logic behind the `Glossed` component).

use recurrence_guide::glossary_match::{segments, GlossaryIndex, Segment};

fn entries() -> Vec<(&'static str, Vec<&'static str>)> {
    vec![
        ("sbrt", vec!["SBRT", "SABR", "stereotactic radiation"]),
        ("egfr", vec!["EGFR"]),
        ("nsclc", vec!["non-small cell lung cancer", "NSCLC"]),
        ("small-cell", vec!["small cell lung cancer", "SCLC"]),
        ("pd-l1", vec!["PD-L1"]),
        ("ct", vec!["CT"]),
        ("biopsy", vec!["biopsy"]),
    ]
}

fn term(id: &str, text: &str) -> Segment {
    Segment::Term {
        id: id.into(),
        text: text.into(),
    }
}

fn text(t: &str) -> Segment {
    Segment::Text(t.into())
}

fn joined(segs: &[Segment]) -> String {
    segs.iter()
        .map(|s| match s {
            Segment::Text(t) => t.as_str(),
            Segment::Term { text, .. } => text.as_str(),
        })
        .collect()
}

#[test]
fn marks_a_term_case_insensitively_and_keeps_its_original_case() {
    let s = segments("Your team may offer sbrt to the spot.", &entries());
    assert_eq!(
        s,
        vec![
            text("Your team may offer "),
            term("sbrt", "sbrt"),
            text(" to the spot.")
        ]
    );
}

#[test]
fn only_whole_words_match() {
    // "CT" inside "effects" or "CTFI" must not match; "biopsy" inside "rebiopsy" must not.
    let s = segments("Side effects, CTFI and rebiopsy.", &entries());
    assert_eq!(s, vec![text("Side effects, CTFI and rebiopsy.")]);
}

#[test]
fn only_the_first_occurrence_of_an_entry_is_marked_including_aliases() {
    let s = segments("SBRT is also called SABR. SBRT is short.", &entries());
    assert_eq!(
        s,
        vec![
            term("sbrt", "SBRT"),
            text(" is also called SABR. SBRT is short."),
        ]
    );
}

#[test]
fn the_alias_that_comes_first_is_the_one_marked() {
    let s = segments("Stereotactic radiation (SBRT) is precise.", &entries());
    assert_eq!(
        s,
        vec![
            term("sbrt", "Stereotactic radiation"),
            text(" (SBRT) is precise.")
        ]
    );
}

#[test]
fn the_longest_form_wins_and_a_longer_term_is_not_split() {
    // "non-small cell lung cancer" starts before "small cell lung cancer" could: it wins,
    // and the SCLC entry is not marked inside it.
    let s = segments("It is non-small cell lung cancer, not SCLC.", &entries());
    assert_eq!(
        s,
        vec![
            text("It is "),
            term("nsclc", "non-small cell lung cancer"),
            text(", not "),
            term("small-cell", "SCLC"),
            text("."),
        ]
    );
}

#[test]
fn terms_with_punctuation_and_next_to_punctuation_match() {
    let s = segments("PD-L1 (a protein) and EGFR-mutant cancer.", &entries());
    assert_eq!(
        s,
        vec![
            term("pd-l1", "PD-L1"),
            text(" (a protein) and "),
            term("egfr", "EGFR"),
            text("-mutant cancer."),
        ]
    );
}

#[test]
fn segments_join_back_to_the_text_unchanged() {
    let texts = [
        "",
        "No terms here.",
        "EGFR, egfr, Egfr: SBRT/SABR and a CT scan; a biopsy. Ünïcödé CT",
        "ends with CT",
    ];
    for t in texts {
        let s = segments(t, &entries());
        assert_eq!(joined(&s), t);
        // No empty segments, no two plain segments in a row.
        assert!(s
            .iter()
            .all(|x| !joined(std::slice::from_ref(x)).is_empty()));
        assert!(s
            .windows(2)
            .all(|w| !matches!(w, [Segment::Text(_), Segment::Text(_)])));
    }
}

#[test]
fn a_term_at_the_very_start_and_end_matches() {
    let s = segments("CT then biopsy", &entries());
    assert_eq!(
        s,
        vec![term("ct", "CT"), text(" then "), term("biopsy", "biopsy")]
    );
}

#[test]
fn accented_capitals_fold_as_their_small_letters() {
    let idx = GlossaryIndex::new(vec![("metastasis", vec!["metástasis"])]);
    let s = idx.segments("Una METÁSTASIS ósea.");
    assert_eq!(
        s,
        vec![
            text("Una "),
            term("metastasis", "METÁSTASIS"),
            text(" ósea.")
        ]
    );
}

#[test]
fn accented_letters_are_part_of_the_word() {
    let idx = GlossaryIndex::new(vec![("met", vec!["MET"]), ("ca", vec!["cáncer"])]);
    // "met" followed by "á" is not the word MET; "cáncer" is whole between curly quotes.
    let s = idx.segments("La metástasis del “cáncer”—y MET.");
    assert_eq!(
        s,
        vec![
            text("La metástasis del “"),
            term("ca", "cáncer"),
            text("”—y "),
            term("met", "MET"),
            text("."),
        ]
    );
}

#[test]
fn empty_glossary_and_empty_forms_are_harmless() {
    let idx = GlossaryIndex::new(Vec::<(String, Vec<String>)>::new());
    assert!(idx.is_empty());
    assert_eq!(idx.segments("SBRT"), vec![text("SBRT")]);
    let idx = GlossaryIndex::new(vec![("x", vec!["", "  "])]);
    assert_eq!(idx.segments("a b"), vec![text("a b")]);
}

#[test]
fn the_real_glossary_builds_and_each_term_matches_itself() {
    let c = guide_content::Content::get(guide_content::Lang::En);
    let idx = recurrence_guide::components::glossary::glossary_index(c);
    for (id, e) in &c.glossary {
        let s = idx.segments(&e.term);
        assert!(
            s.iter()
                .any(|x| matches!(x, Segment::Term { id: got, .. } if got == id)),
            "glossary term {:?} ({id}) is not found in its own text: {s:?}",
            e.term
        );
    }
}

#[test]
fn a_scope_marks_each_entry_once_across_several_texts() {
    let idx = GlossaryIndex::new(entries());
    let mut seen = std::collections::HashSet::new();
    let a = idx.segments_excluding("An EGFR pill.", &mut seen);
    let b = idx.segments_excluding("EGFR again, and SBRT.", &mut seen);
    let c = idx.segments_excluding("SABR and EGFR.", &mut seen);
    assert_eq!(a, vec![text("An "), term("egfr", "EGFR"), text(" pill.")]);
    assert_eq!(
        b,
        vec![text("EGFR again, and "), term("sbrt", "SBRT"), text(".")]
    );
    assert_eq!(c, vec![text("SABR and EGFR.")]);
    assert!(seen.contains("egfr") && seen.contains("sbrt"));
    // Without a scope every text starts afresh.
    assert_eq!(idx.segments("EGFR").len(), 1);
    assert!(matches!(idx.segments("EGFR")[0], Segment::Term { .. }));
}

/// Spanish (issue 14): the real Spanish glossary finds its terms in Spanish text whatever the
/// case of accented letters, and never inside a longer word with accents.
#[test]
fn spanish_terms_match_with_accents_and_capitals() {
    let c = guide_content::Content::parse(guide_content::Lang::Es).expect("Spanish content");
    let index = GlossaryIndex::new(c.glossary.iter().map(|(id, e)| {
        let mut forms = vec![e.term.clone()];
        forms.extend(e.aliases.iter().cloned());
        (id.clone(), forms)
    }));
    let found = |t: &str| -> Vec<String> {
        index
            .segments(t)
            .into_iter()
            .filter_map(|s| match s {
                Segment::Term { id, .. } => Some(id),
                Segment::Text(_) => None,
            })
            .collect()
    };
    // Capital accented letters fold to their small forms: "METÁSTASIS" is "metástasis".
    assert!(found("Hay METÁSTASIS en el hígado.").contains(&"metastasis".to_string()));
    assert!(found("La quimio se da por la vena.").contains(&"chemotherapy".to_string()));
    assert!(found("Puede causar neumonitis.").contains(&"pneumonitis".to_string()));
    // A term is a whole word: "quimio" is not found inside "quimioterapéutico".
    assert!(!found("un régimen quimioterapéutico").contains(&"chemotherapy".to_string()));
}
