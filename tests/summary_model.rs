//! The visit summary's model: answers in words, urgent symptoms, options by group with their
//! reasons, questions (generated and own), notes, values, sources, content date and engine
//! version; and the comparison's rows.

use guide_content::{render, Content, Lang};
use guide_engine::{evaluate, Level, Profile, ENGINE_VERSION};
use recurrence_guide::personal::{Field, Personal};
use recurrence_guide::results_model::group_by_level;
use recurrence_guide::results_model::{question_key, QuestionGroup};
use recurrence_guide::state::Answers;
use recurrence_guide::summary_model::{
    build, comparable, compare_cell, split_questions, valid_picks, CompareRow, COMPARE_ROWS,
    TOP_QUESTIONS,
};

fn content() -> &'static Content {
    Content::get(Lang::En)
}

fn effective(json: &str) -> Profile {
    Answers::from_profile(Profile::from_json(json).unwrap_or_else(|e| panic!("{e}"))).effective()
}

const EGFR: &str = r#"{"version":1,"histology":"NSCLC_NONSQ","sites":["BONE","LIVER"],"met_count":"GT5",
  "organ_count":"2","biomarker_tested":"YES_TISSUE","biomarkers":["EGFR_COMMON"],"prior_tx":["SURGERY"],
  "ps":"1","brain":"NONE_KNOWN","symptoms":["BONE_PAIN"],"goals":"BALANCE"}"#;
const SCLC_SEIZURE: &str = r#"{"version":1,"histology":"SCLC","sites":["LIVER"],"met_count":"GT5",
  "organ_count":"1","prior_tx":["PLATINUM_CHEMO"],"prior_tx_setting":{"PLATINUM_CHEMO":"ADVANCED"},
  "last_systemic_outcome":"CAME_BACK_AFTER","ctfi":"GT6M","ps":"1","symptoms":["SEIZURE"]}"#;

#[test]
fn the_summary_lists_the_answers_in_words() {
    let c = content();
    let m = build(
        c,
        &effective(EGFR),
        &guide_engine::evaluate(&effective(EGFR)),
        &Personal::default(),
    );
    let histology = m
        .answers
        .iter()
        .find(|r| r.question_id == "histology")
        .expect("histology row");
    assert_eq!(histology.question, c.question("histology").unwrap().text);
    assert_eq!(
        histology.lines,
        vec![c.answer("histology", "NSCLC_NONSQ").unwrap().label.clone()]
    );
    let sites = m.answers.iter().find(|r| r.question_id == "sites").unwrap();
    assert_eq!(sites.lines.len(), 2);
    // The question only, up to its question mark (anything after it is an instruction).
    let full = &c.question("sites").unwrap().text;
    assert!(
        full.starts_with(&sites.question) && sites.question.ends_with('?'),
        "{full}"
    );
    // No raw IDs where content has words.
    for row in &m.answers {
        for l in &row.lines {
            assert!(
                !l.chars().all(|ch| ch.is_ascii_uppercase() || ch == '_'),
                "{}: {l}",
                row.question_id
            );
        }
    }
    assert_eq!(
        m.goal.as_deref(),
        Some(c.answer("goals", "BALANCE").unwrap().label.as_str())
    );
}

#[test]
fn the_summary_has_the_options_by_group_with_reasons_as_on_the_results() {
    let c = content();
    let p = effective(EGFR);
    let m = build(c, &p, &guide_engine::evaluate(&p), &Personal::default());
    let e = evaluate(&p);
    let g = group_by_level(&e.options);
    let ids = |v: &[recurrence_guide::summary_model::SummaryOption]| {
        v.iter().map(|o| o.id.clone()).collect::<Vec<_>>()
    };
    assert_eq!(
        ids(&m.likely),
        g.likely
            .iter()
            .map(|o| o.id.id().to_string())
            .collect::<Vec<_>>()
    );
    assert_eq!(
        ids(&m.may),
        g.may
            .iter()
            .map(|o| o.id.id().to_string())
            .collect::<Vec<_>>()
    );
    assert_eq!(
        ids(&m.not_shown),
        g.not
            .iter()
            .map(|o| o.id.id().to_string())
            .collect::<Vec<_>>()
    );
    assert!(!m.likely.is_empty());
    for o in m.likely.iter().chain(m.may.iter()) {
        let r = e.options.iter().find(|x| x.id.id() == o.id).unwrap();
        assert!(o.level != Level::Not);
        assert_eq!(o.name, c.option(&o.id).unwrap().name);
        // Why it was shown: the same reasons the results card shows, first.
        let reasons = render::reasons(c, r);
        assert_eq!(&o.reasons[..reasons.len()], &reasons[..], "{}", o.id);
        // What it is like and common side effects, nothing else.
        let fields: Vec<Field> = o.facts.iter().map(|f| f.field).collect();
        assert_eq!(
            fields,
            vec![Field::WhatItIsLike, Field::CommonSideEffects],
            "{}",
            o.id
        );
    }
    for o in &m.not_shown {
        assert!(o.facts.is_empty());
        assert!(!o.reasons.is_empty());
    }
    assert_eq!(
        m.shown_names().len(),
        g.likely.len() + g.may.len(),
        "every shown option has a name"
    );
}

#[test]
fn the_summary_has_urgent_symptoms_only_when_there_are_red_flags() {
    let c = content();
    assert!(build(
        c,
        &effective(EGFR),
        &guide_engine::evaluate(&effective(EGFR)),
        &Personal::default()
    )
    .urgent
    .is_empty());
    let m = build(
        c,
        &effective(SCLC_SEIZURE),
        &guide_engine::evaluate(&effective(SCLC_SEIZURE)),
        &Personal::default(),
    );
    assert_eq!(m.urgent.len(), 1, "one level");
    assert_eq!(m.urgent[0].level, guide_engine::UrgentLevel::Emergency);
    assert_eq!(
        m.urgent[0]
            .items
            .iter()
            .map(|i| i.label.clone())
            .collect::<Vec<_>>(),
        vec![c.red_flags.flags["SEIZURE"].label.clone()],
        "the seizure is listed in words"
    );
    assert!(m.urgent[0].action.contains("emergency services"));
}

#[test]
fn the_summary_has_questions_notes_values_date_version_and_sources() {
    let c = content();
    let mut personal = Personal::default();
    personal.add_question("Can I keep driving?");
    personal.add_note("Bring the scan report.");
    personal.values.set("side_effects", "A_LOT");
    personal.values.other = "Walking my dog".into();
    let m = build(
        c,
        &effective(EGFR),
        &guide_engine::evaluate(&effective(EGFR)),
        &personal,
    );
    assert_eq!(m.own_questions, vec!["Can I keep driving?"]);
    assert_eq!(m.notes, vec!["Bring the scan report."]);
    assert!(!m.generated_questions.is_empty());
    assert_eq!(m.values.len(), 1);
    assert_eq!(m.values[0].question, c.ui("values.side_effects"));
    assert_eq!(m.values[0].answer, c.ui("values.answer.A_LOT"));
    assert_eq!(m.other_values, "Walking my dog");
    assert_eq!(m.content_date, c.meta.content_date);
    assert_eq!(m.engine_version, ENGINE_VERSION);

    // Every source of a shown option's card is cited, once, with its text from the content.
    assert!(!m.sources.is_empty());
    let ids: Vec<&str> = m.sources.iter().map(|s| s.id.as_str()).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), ids.len(), "no source twice");
    for o in m.likely.iter().chain(m.may.iter()) {
        for s in &c.option(&o.id).unwrap().sources {
            assert!(ids.contains(&s.as_str()), "{}: {s} not cited", o.id);
        }
    }
    for s in &m.sources {
        if let Some(src) = c.sources.get(&s.id) {
            assert!(s.text.contains(&src.title), "{}", s.id);
        }
    }
}

#[test]
fn side_effects_first_when_they_matter_most() {
    let c = content();
    let mut personal = Personal::default();
    personal.values.set("side_effects", "A_LOT");
    personal.values.set("travel", "A_LITTLE");
    let m = build(
        c,
        &effective(EGFR),
        &guide_engine::evaluate(&effective(EGFR)),
        &personal,
    );
    for o in m.likely.iter().chain(m.may.iter()) {
        assert_eq!(o.facts[0].field, Field::CommonSideEffects, "{}", o.id);
    }
    // Daily life first when travel matters more.
    personal.values.set("travel", "A_LOT");
    personal.values.set("side_effects", "SOME");
    let m = build(
        c,
        &effective(EGFR),
        &guide_engine::evaluate(&effective(EGFR)),
        &personal,
    );
    for o in m.likely.iter().chain(m.may.iter()) {
        assert_eq!(o.facts[0].field, Field::WhatItIsLike, "{}", o.id);
    }
}

#[test]
fn the_comparison_offers_only_shown_options_and_has_the_same_rows_for_each() {
    let c = content();
    let p = effective(EGFR);
    let e = evaluate(&p);
    let options = comparable(c, &e);
    assert!(options.len() >= 2);
    assert!(options.iter().all(|o| o.level != Level::Not));
    // Picks that are no longer shown are dropped; the order is the results' order.
    let picks = vec![
        options[1].id.clone(),
        "NOT_AN_OPTION".to_string(),
        options[0].id.clone(),
    ];
    assert_eq!(
        valid_picks(&options, &picks),
        vec![options[0].id.clone(), options[1].id.clone()]
    );
    let rows: Vec<CompareRow> = COMPARE_ROWS.iter().map(|(_, r)| *r).collect();
    for required in [
        CompareRow::Field(Field::Aims),
        CompareRow::Field(Field::WhatItIsLike),
        CompareRow::Field(Field::CommonSideEffects),
        CompareRow::Field(Field::SeriousSideEffects),
        CompareRow::Field(Field::Uncertain),
        CompareRow::Questions,
    ] {
        assert!(rows.contains(&required), "{required:?}");
    }
    for o in options.iter().take(3) {
        for (key, row) in COMPARE_ROWS {
            assert!(c.ui.contains_key(*key), "{key}");
            let cell = compare_cell(c, &e, &o.id, *row);
            assert!(
                cell.iter().any(|t| !t.trim().is_empty()),
                "{}: {key} is empty",
                o.id
            );
        }
    }
}

/// Everything unknown but the type: many questions from unknown answers.
const UNSURE: &str = r#"{"version":1,"histology":"UNKNOWN","sites":["UNKNOWN"],"met_count":"UNKNOWN",
  "prior_tx":["UNKNOWN"],"ps":"UNKNOWN","biomarker_tested":"UNKNOWN","biomarkers":["UNKNOWN"]}"#;

#[test]
fn the_default_page_lists_at_most_ten_questions_each_once_unknown_answers_first() {
    let c = content();
    for json in [EGFR, SCLC_SEIZURE, UNSURE] {
        let m = build(
            c,
            &effective(json),
            &guide_engine::evaluate(&effective(json)),
            &Personal::default(),
        );
        let all: Vec<String> = m
            .generated_questions
            .iter()
            .flat_map(|g| g.questions.clone())
            .collect();
        assert!(all.len() > TOP_QUESTIONS, "{} questions only", all.len());
        assert_eq!(m.questions.len(), TOP_QUESTIONS);
        assert_eq!(m.questions[..], all[..TOP_QUESTIONS]);
        // Each once.
        let mut keys: Vec<String> = m.questions.iter().map(|q| question_key(q)).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), m.questions.len());
        // The rest, still in their groups; together they are all the questions.
        let rest: Vec<String> = m
            .more_questions
            .iter()
            .flat_map(|g| g.questions.clone())
            .collect();
        assert_eq!(rest[..], all[TOP_QUESTIONS..]);
        // Questions about unknown answers come first.
        if let Some(g) = m.generated_questions.first().filter(|g| g.option.is_none()) {
            let n = g.questions.len().min(TOP_QUESTIONS);
            assert_eq!(m.questions[..n], g.questions[..n]);
        }
    }
    let m = build(
        c,
        &effective(UNSURE),
        &guide_engine::evaluate(&effective(UNSURE)),
        &Personal::default(),
    );
    assert!(m.generated_questions[0].option.is_none());
}

#[test]
fn splitting_questions_keeps_their_groups() {
    let g = |o: Option<&str>, qs: &[&str]| QuestionGroup {
        option: o.map(str::to_owned),
        questions: qs.iter().map(|q| q.to_string()).collect(),
    };
    let groups = vec![
        g(None, &["a", "b"]),
        g(Some("X"), &["c", "d", "e"]),
        g(Some("Y"), &["f"]),
    ];
    let (top, more) = split_questions(&groups, 3);
    assert_eq!(top, vec!["a", "b", "c"]);
    assert_eq!(more, vec![g(Some("X"), &["d", "e"]), g(Some("Y"), &["f"])]);
    let (top, more) = split_questions(&groups, 10);
    assert_eq!(top.len(), 6);
    assert!(more.is_empty());
}

#[test]
fn the_goal_is_shown_once_and_the_glossary_has_the_words_of_the_options() {
    let c = content();
    let m = build(
        c,
        &effective(EGFR),
        &guide_engine::evaluate(&effective(EGFR)),
        &Personal::default(),
    );
    assert!(m.goal.is_some());
    assert!(m.answers.iter().all(|r| r.question_id != "goals"));
    // Without a goal answer nothing is left out.
    let m2 = build(
        c,
        &effective(SCLC_SEIZURE),
        &guide_engine::evaluate(&effective(SCLC_SEIZURE)),
        &Personal::default(),
    );
    assert!(m2.goal.is_none());
    // Glossary: terms used in the shown options, each once, with their meaning from the content.
    assert!(!m.glossary.is_empty());
    let mut terms: Vec<&str> = m.glossary.iter().map(|(t, _)| t.as_str()).collect();
    terms.sort();
    terms.dedup();
    assert_eq!(terms.len(), m.glossary.len(), "a term twice");
    for (term, meaning) in &m.glossary {
        let e = c.glossary.values().find(|e| &e.term == term).unwrap();
        assert_eq!(&e.definition, meaning);
    }
}
