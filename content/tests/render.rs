//! `guide_content::render` over real engine outputs: the reason sentence, `NOT` reasons,
//! "lowered" sentences, option notes, safety notes and questions for the care team.
//!
//! Exact-wording tests use a copy of the content with known phrases put in, so they test the
//! sentence building, not other people's wording; the others use the real content.

use guide_content::render::*;
use guide_content::{sample, AnswerContent, Content, Lang, QuestionContent};
use guide_engine::{evaluate, Evaluation, Level, OptionId, OptionResult, Profile};
use serde_json::{json, Value};

fn real() -> Content {
    Content::parse(Lang::En).unwrap_or_else(|e| panic!("{e}"))
}

fn eval(mut v: Value) -> Evaluation {
    v["version"] = Value::from(1);
    evaluate(&Profile::from_value(v).unwrap_or_else(|e| panic!("{e}")))
}

fn option<'a>(e: &'a Evaluation, id: &str) -> &'a OptionResult {
    let o = OptionId::from_id(id).unwrap();
    e.option(o)
        .unwrap_or_else(|| panic!("{id} not in the result: {:?}", e.options))
}

/// Sets (or adds) a question answer with a label and a `because`.
fn set_answer(c: &mut Content, q: &str, a: &str, label: &str, because: &str) {
    if c.question(q).is_none() {
        c.questions.push(QuestionContent {
            id: q.into(),
            text: "t".into(),
            help: "h".into(),
            ask: format!("ask about {q}"),
            answers: vec![],
        });
    }
    let qc = c.questions.iter_mut().find(|x| x.id == q).unwrap();
    qc.answers.retain(|x| x.id != a);
    qc.answers.push(AnswerContent {
        id: a.into(),
        label: label.into(),
        hint: None,
        because: because.into(),
    });
}

/// The real content with known phrases for the facts these tests use.
fn known() -> Content {
    let mut c = real();
    set_answer(
        &mut c,
        "histology",
        "NSCLC_NONSQ",
        "Adenocarcinoma",
        "it is adenocarcinoma",
    );
    set_answer(
        &mut c,
        "biomarkers",
        "EGFR_COMMON",
        "EGFR",
        "the test found an EGFR change",
    );
    set_answer(&mut c, "sites", "BONE", "Bone", "it is in your bones");
    set_answer(
        &mut c,
        "prior_tx",
        "TKI:osimertinib",
        "Osimertinib (Tagrisso)",
        "you had osimertinib",
    );
    set_answer(
        &mut c,
        "prior_tx",
        "TKI:UNKNOWN",
        "A targeted pill, but I don't know its name",
        "you have had a targeted pill",
    );
    set_answer(
        &mut c,
        "ps",
        "2",
        "I can look after myself",
        "you can look after yourself",
    );
    c.facts.insert(
        "no_prior_egfr_tki".into(),
        "you have not had an EGFR pill yet".into(),
    );
    c.facts
        .insert("everyone".into(), "this is for everyone".into());
    c.facts.insert(
        "progressed_on".into(),
        "the cancer grew on {treatment}".into(),
    );
    c.facts.insert(
        "sentence.shown_because".into(),
        "Shown because {reasons}.".into(),
    );
    c.facts
        .insert("sentence.you_said".into(), "you said {answers}".into());
    c.facts.insert("sentence.and".into(), "and".into());
    c.facts
        .insert("sentence.also".into(), "Also, {reasons}.".into());
    c
}

#[test]
fn answers_are_grouped_as_you_said_then_derived_clauses() {
    let c = known();
    let e = eval(json!({
        "histology": "NSCLC_NONSQ", "biomarkers": ["EGFR_COMMON"], "biomarker_tested": "YES_TISSUE",
        "sites": ["LIVER", "BONE"], "met_count": "GT5", "prior_tx": ["NONE"], "ps": "1"
    }));
    let osi = option(&e, "EGFR_OSI");
    assert_eq!(osi.level, Level::Likely);
    assert_eq!(
        reasons(&c, osi),
        vec!["Shown because you said the test found an EGFR change, and you have not had an EGFR pill yet."]
    );
    let bone = option(&e, "BONE_AGENT");
    assert_eq!(
        reasons(&c, bone),
        vec!["Shown because you said it is in your bones."]
    );
    let pall = option(&e, "PALLIATIVE_CARE");
    assert_eq!(
        reasons(&c, pall),
        vec!["Shown because this is for everyone."]
    );
}

#[test]
fn a_long_reason_gives_the_derived_facts_their_own_sentence() {
    let c = known();
    let mut o = option(&eval(json!({})), "PALLIATIVE_CARE").clone();
    o.because = [
        "histology=NSCLC_NONSQ",
        "biomarkers=EGFR_COMMON",
        "sites=BONE",
        "fact:no_prior_egfr_tki",
        "progressed_on=TKI:osimertinib",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let s = shown_because_sentences(&c, &o);
    assert_eq!(
        s,
        vec![
            "Shown because you said it is adenocarcinoma, the test found an EGFR change and it is in your bones.",
            "Also, you have not had an EGFR pill yet and the cancer grew on osimertinib (Tagrisso).",
        ]
    );
    assert_eq!(reasons(&c, &o), vec![s.join(" ")]);
    // Short: one sentence.
    o.because.truncate(2);
    o.because.push("fact:no_prior_egfr_tki".into());
    assert_eq!(shown_because_sentences(&c, &o).len(), 1);
}

#[test]
fn lists_join_with_commas_and_and() {
    let c = known();
    let s = |xs: &[&str]| join_and(&c, &xs.iter().map(|x| x.to_string()).collect::<Vec<_>>());
    assert_eq!(s(&[]), "");
    assert_eq!(s(&["A"]), "A");
    assert_eq!(s(&["A", "B"]), "A and B");
    assert_eq!(s(&["A", "B", "C"]), "A, B and C");
}

#[test]
fn progressed_on_names_the_treatment_by_its_label() {
    let c = known();
    assert_eq!(
        fact_phrase(&c, "progressed_on=TKI:osimertinib"),
        "the cancer grew on osimertinib (Tagrisso)"
    );
    // A label in the person's own voice is not quoted; the `because` phrase names it instead.
    assert_eq!(
        fact_phrase(&c, "progressed_on=TKI:UNKNOWN"),
        "the cancer grew on a targeted pill"
    );
    assert_eq!(
        fact_kind("progressed_on=TKI:osimertinib"),
        FactKind::Derived
    );
    assert_eq!(fact_kind("fact:everyone"), FactKind::Derived);
    assert_eq!(fact_kind("histology=SCLC"), FactKind::Answer);
    // Unknown keys fall back to words, never to an empty string.
    assert_eq!(fact_phrase(&c, "fact:no_such_fact"), "no such fact");
    assert!(fact_text(&c, "fact:no_such_fact").is_none());
}

#[test]
fn growth_on_a_pill_reads_as_a_clause() {
    let c = known();
    let e = eval(json!({
        "histology": "NSCLC_NONSQ", "biomarkers": ["EGFR_COMMON"], "biomarker_tested": "YES_TISSUE",
        "sites": ["LIVER"], "met_count": "GT5",
        "prior_tx": ["TKI:osimertinib"], "prior_tx_setting": {"TKI:osimertinib": "ADVANCED"},
        "last_systemic_outcome": "GREW_DURING", "last_tx": ["TKI:osimertinib"], "ps": "1"
    }));
    let chemo = option(&e, "EGFR_AMI_CHEMO");
    let r = &reasons(&c, chemo)[0];
    assert!(
        r.starts_with("Shown because you said the test found an EGFR change"),
        "{r}"
    );
    assert!(
        r.contains("the cancer grew on osimertinib (Tagrisso)"),
        "{r}"
    );
    // The pill it grew on is NOT, with R-182's reason from rules.json.
    let osi = option(&e, "EGFR_OSI");
    assert_eq!(osi.level, Level::Not);
    assert_eq!(
        reasons(&c, osi),
        vec![c.rules["R-182"].not_reason.clone().unwrap()]
    );
}

#[test]
fn not_reasons_come_from_the_rules_that_set_not() {
    let c = real();
    let e = eval(json!({"histology": "SCLC", "biomarkers": ["EGFR_COMMON"], "prior_tx": ["NONE"]}));
    let osi = option(&e, "EGFR_OSI");
    assert_eq!(osi.level, Level::Not);
    assert_eq!(osi.not_because, vec!["R-10"]);
    assert_eq!(
        reasons(&c, osi),
        vec!["These medicines are for non-small cell lung cancer."]
    );
    // Two rules with the same words give the sentence once.
    let e = eval(json!({
        "histology": "NSCLC_NONSQ", "biomarkers": ["NONE_FOUND"], "biomarker_tested": "YES_TISSUE",
        "prior_tx": ["PLATINUM_CHEMO", "ICI_ADVANCED"], "last_systemic_outcome": "GREW_DURING",
        "last_tx": ["ICI_ADVANCED"], "ici_interval": "ON_ICI", "ps": "1"
    }));
    let io = option(&e, "IO_MONO");
    assert_eq!(io.level, Level::Not);
    assert!(io.not_because.len() >= 2, "{:?}", io.not_because);
    assert_eq!(reasons(&c, io).len(), 1);
}

#[test]
fn a_lowered_option_says_why() {
    let c = known();
    let e = eval(json!({
        "histology": "NSCLC_NONSQ", "biomarkers": ["NONE_FOUND"], "biomarker_tested": "YES_TISSUE",
        "sites": ["LIVER"], "met_count": "GT5", "prior_tx": ["NONE"], "pdl1": "LT1", "ps": "2"
    }));
    let io = option(&e, "IO_CHEMO");
    assert_eq!(io.level, Level::May);
    assert_eq!(io.lowered_by, vec!["R-22"]);
    let r = reasons(&c, io);
    assert_eq!(r.len(), 2, "{r:?}");
    assert!(r[0].starts_with("Shown because "));
    assert_eq!(r[1], c.rules["R-22"].lowered.clone().unwrap());
}

#[test]
fn option_notes_use_the_rule_note_or_the_per_option_note() {
    let c = real();
    // MET amplification after osimertinib; its note differs for TRIALS and MET_EX14.
    let e = eval(json!({
        "histology": "NSCLC_NONSQ", "biomarkers": ["EGFR_COMMON", "MET_AMP"], "biomarker_tested": "YES_TISSUE",
        "sites": ["LIVER"], "met_count": "GT5",
        "prior_tx": ["TKI:osimertinib"], "prior_tx_setting": {"TKI:osimertinib": "ADVANCED"},
        "last_systemic_outcome": "GREW_DURING", "last_tx": ["TKI:osimertinib"], "ps": "1"
    }));
    let trials = option(&e, "TRIALS");
    let met = option(&e, "MET_EX14");
    assert!(trials.notes.contains(&"R-94") && met.notes.contains(&"R-94"));
    let t = option_notes(&c, trials);
    let m = option_notes(&c, met);
    assert!(t.contains(&c.rules["R-94"].option_notes["TRIALS"]), "{t:?}");
    assert!(
        m.contains(&c.rules["R-94"].option_notes["MET_EX14"]),
        "{m:?}"
    );
    assert_ne!(t, m);
    let flagged = option_notes_flagged(&c, met);
    assert!(
        flagged.iter().all(|(_, u)| *u),
        "R-94 is marked unverified: {flagged:?}"
    );
    // surgery unsure → "ask whether surgery is possible".
    let e = eval(json!({
        "histology": "NSCLC_SQ", "sites": ["LOCAL"], "met_count": "NONE", "surgery_fit": "UNKNOWN",
        "biomarkers": ["NONE_FOUND"], "biomarker_tested": "YES_TISSUE", "ps": "1"
    }));
    let res = option(&e, "LOC_RESECTION");
    assert_eq!(
        option_notes(&c, res),
        vec![c.rules["R-31"].note.clone().unwrap()]
    );
    assert_eq!(
        rule_note(&c, "R-31", "LOC_RESECTION"),
        c.rules["R-31"].note.as_deref()
    );
    assert_eq!(rule_note(&c, "R-00", "LOC_RESECTION"), None);
}

#[test]
fn safety_notes_and_questions_have_words() {
    let c = known();
    let e = eval(json!({"histology": "UNKNOWN"}));
    assert!(
        e.notes.contains(&"N-8") && e.notes.contains(&"N-9"),
        "{:?}",
        e.notes
    );
    for n in &e.notes {
        assert_eq!(note_text(&c, n), c.notes[*n].text);
    }
    assert_eq!(note_text(&c, "N-99"), "N-99");
    assert!(e.questions.contains(&"histology"));
    assert_eq!(
        question_to_ask(&c, "histology"),
        c.question("histology").unwrap().ask
    );
    assert_eq!(question_to_ask(&c, "no_such_question"), "no_such_question");
}

#[test]
fn reasons_are_never_empty_and_fully_filled() {
    let c = real();
    let mut seen = 0;
    for p in sample::profiles(1500, 3) {
        let e = evaluate(&p);
        for o in &e.options {
            let r = reasons(&c, o);
            assert!(!r.is_empty(), "{:?}", o);
            for s in &r {
                assert!(
                    !s.trim().is_empty() && !s.contains('{'),
                    "{s:?} for {:?}",
                    o
                );
                if o.level != Level::Not {
                    seen += 1;
                }
            }
            if o.level != Level::Not {
                assert!(r[0].ends_with('.'), "{r:?}");
            }
        }
    }
    assert!(seen > 1000);
}

#[test]
fn generic_sentences_only_without_facts() {
    let c = known();
    let mut o = option(&eval(json!({})), "PALLIATIVE_CARE").clone();
    o.because.clear();
    let r = reasons(&c, &o);
    assert_eq!(r, vec![c.facts["sentence.shown_generic"].clone()]);
    o.level = Level::Not;
    o.not_because.clear();
    assert_eq!(
        reasons(&c, &o),
        vec![c.facts["sentence.not_generic"].clone()]
    );
}

/// Prints a few real sentences (run with `--nocapture` to read them).
#[test]
fn print_examples() {
    let c = real();
    let e = eval(json!({
        "histology": "NSCLC_NONSQ", "biomarkers": ["ALK"], "biomarker_tested": "YES_TISSUE",
        "sites": ["BRAIN", "LIVER"], "met_count": "2_3", "organ_count": "2", "brain": "ASYMPTOMATIC",
        "brain_count": "1_4", "prior_tx": ["TKI:alectinib"], "prior_tx_setting": {"TKI:alectinib": "ADVANCED"},
        "last_systemic_outcome": "GREW_DURING", "last_tx": ["TKI:alectinib"], "progressing_spots": "MORE", "ps": "3"
    }));
    for o in &e.options {
        println!(
            "{} {}: {:?} notes {:?}",
            o.id,
            o.level.id(),
            reasons(&c, o),
            option_notes(&c, o)
        );
    }
}
