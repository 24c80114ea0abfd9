//! The results page's pure logic: grouping by level in catalogue order, gathering questions,
//! unverified flags, and the UI strings the results components use.

use guide_engine::{evaluate, Level, OptionId, OptionResult, Profile};
use recurrence_guide::results_model::{
    catalogue_position, field_unverified, fill, gather_questions, group_by_level, item_unverified,
    question_key, QuestionGroup, UI_KEYS,
};

fn result(id: OptionId, level: Level) -> OptionResult {
    OptionResult {
        id,
        level,
        rules: vec![],
        sources: vec![],
        because: vec![],
        lowered_by: vec![],
        not_because: vec![],
        notes: vec![],
    }
}

fn profile(json: &str) -> Profile {
    Profile::from_json(json).unwrap_or_else(|e| panic!("{e}"))
}

const EGFR: &str = r#"{"version":1,"histology":"NSCLC_NONSQ","sites":["BONE","LIVER"],"met_count":"GT5",
  "biomarker_tested":"YES_TISSUE","biomarkers":["EGFR_COMMON"],"prior_tx":["SURGERY"],"ps":"1"}"#;
const SCLC: &str = r#"{"version":1,"histology":"SCLC","sites":["LIVER"],"met_count":"GT5",
  "prior_tx":["PLATINUM_CHEMO"],"last_systemic_outcome":"CAME_BACK_AFTER","ctfi":"GT6M","ps":"1"}"#;

#[test]
fn groups_keep_catalogue_order_whatever_the_input_order() {
    let input = vec![
        result(OptionId::Trials, Level::May),
        result(OptionId::PalliativeCare, Level::Likely),
        result(OptionId::SclcPlatEtop, Level::Not),
        result(OptionId::EgfrOsi, Level::Likely),
        result(OptionId::LocSbrt, Level::May),
        result(OptionId::IoMono, Level::Not),
        result(OptionId::AskType, Level::Likely),
    ];
    let g = group_by_level(&input);
    let ids = |v: &[&OptionResult]| v.iter().map(|o| o.id.id()).collect::<Vec<_>>();
    assert_eq!(ids(&g.likely), ["EGFR_OSI", "PALLIATIVE_CARE", "ASK_TYPE"]);
    assert_eq!(ids(&g.may), ["LOC_SBRT", "TRIALS"]);
    assert_eq!(ids(&g.not), ["IO_MONO", "SCLC_PLAT_ETOP"]);
    let shown: Vec<_> = g.shown().map(|o| o.id.id()).collect();
    assert_eq!(
        shown,
        [
            "EGFR_OSI",
            "PALLIATIVE_CARE",
            "ASK_TYPE",
            "LOC_SBRT",
            "TRIALS"
        ]
    );
}

#[test]
fn catalogue_position_follows_the_reference_order() {
    let positions: Vec<usize> = OptionId::ALL
        .iter()
        .map(|o| catalogue_position(*o))
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn egfr_profile_groups_osimertinib_as_likely_and_sclc_options_as_not() {
    let e = evaluate(&profile(EGFR));
    let g = group_by_level(&e.options);
    assert!(g.likely.iter().any(|o| o.id == OptionId::EgfrOsi));
    assert!(g.not.iter().any(|o| o.id == OptionId::SclcTarlatamab));
    assert!(!g
        .shown()
        .any(|o| o.id.family() == guide_engine::Family::Sclc));
    // Every option lands in exactly one group.
    assert_eq!(g.likely.len() + g.may.len() + g.not.len(), e.options.len());
}

#[test]
fn sclc_profile_groups_nsclc_medicines_as_not() {
    let e = evaluate(&profile(SCLC));
    let g = group_by_level(&e.options);
    assert!(g.shown().any(|o| o.id == OptionId::SclcTarlatamab));
    for id in [
        OptionId::EgfrOsi,
        OptionId::IoMono,
        OptionId::ChemoPlatinumDoublet,
    ] {
        assert!(
            g.not.iter().any(|o| o.id == id),
            "{id} should be NOT for SCLC"
        );
    }
}

#[test]
fn questions_from_answers_come_first_then_options_without_repeats() {
    let groups = gather_questions(
        vec!["What type of lung cancer is it?".into(), "  ".into()],
        vec![
            (
                "EGFR_OSI".into(),
                vec![
                    "How long would I take it?".into(),
                    "what type of lung cancer is it".into(),
                ],
            ),
            ("TRIALS".into(), vec!["How long would I take it ?".into()]),
            (
                "PALLIATIVE_CARE".into(),
                vec!["Who is on the team?".into(), "Who is on the team?".into()],
            ),
        ],
    );
    assert_eq!(
        groups,
        vec![
            QuestionGroup {
                option: None,
                questions: vec!["What type of lung cancer is it?".into()],
            },
            QuestionGroup {
                option: Some("EGFR_OSI".into()),
                questions: vec!["How long would I take it?".into()],
            },
            QuestionGroup {
                option: Some("PALLIATIVE_CARE".into()),
                questions: vec!["Who is on the team?".into()],
            },
        ]
    );
}

#[test]
fn no_questions_gives_no_groups() {
    assert!(gather_questions(vec![], vec![("X".into(), vec![])]).is_empty());
}

#[test]
fn question_key_ignores_case_spacing_and_end_punctuation() {
    assert_eq!(question_key("  Is it   SAFE? "), "is it safe");
    assert_eq!(question_key("is it safe"), question_key("Is it safe?!"));
    assert_ne!(question_key("Is it safe?"), question_key("Is it safer?"));
}

#[test]
fn unverified_flags_by_field_name_or_statement() {
    let u = vec![
        "common_side_effects".to_string(),
        "heart-rhythm".to_string(),
    ];
    assert!(field_unverified(&u, "common_side_effects", &[]));
    assert!(!field_unverified(
        &u,
        "aims",
        &["It aims to shrink the cancer."]
    ));
    assert!(field_unverified(
        &u,
        "serious_side_effects",
        &["Rarely, Heart-rhythm changes."]
    ));
    assert!(item_unverified(
        &u,
        "serious_side_effects",
        "heart-rhythm effects"
    ));
    assert!(!item_unverified(
        &u,
        "serious_side_effects",
        "lung inflammation"
    ));
    assert!(!field_unverified(
        &["  ".to_string()],
        "aims",
        &["anything"]
    ));
}

#[test]
fn fill_replaces_placeholders() {
    assert_eq!(
        fill(
            "About {name} ({name}) on {date}",
            &[("name", "SBRT"), ("date", "2026")]
        ),
        "About SBRT (SBRT) on 2026"
    );
    assert_eq!(fill("No placeholders", &[("name", "x")]), "No placeholders");
}

#[test]
fn every_results_ui_string_exists_in_every_language() {
    for lang in guide_content::Lang::ALL {
        let c = guide_content::Content::get(*lang);
        let missing: Vec<&str> = UI_KEYS
            .iter()
            .copied()
            .filter(|k| c.ui.get(*k).is_none_or(|v| v.trim().is_empty()))
            .collect();
        assert!(
            missing.is_empty(),
            "{}: ui.json lacks {missing:?}",
            lang.code()
        );
    }
}

#[test]
fn results_ui_strings_never_advise_or_rank() {
    let c = guide_content::Content::get(guide_content::Lang::En);
    for k in UI_KEYS {
        let v = c.ui(k).to_lowercase();
        for banned in [
            "you should",
            "the best",
            "best option",
            "recommended for you",
        ] {
            assert!(!v.contains(banned), "{k}: {v:?} contains {banned:?}");
        }
    }
}

#[test]
fn usually_not_used_lists_only_the_persons_type() {
    use recurrence_guide::results_model::not_for_type;
    let nsclc = evaluate(&profile(EGFR));
    let not: Vec<&OptionResult> = group_by_level(&nsclc.options).not;
    assert!(
        not.iter().any(|o| o.id == OptionId::SclcTarlatamab),
        "the engine lists small cell options as NOT for non-small cell"
    );
    let shown = not_for_type(not.clone(), nsclc_histology());
    assert!(shown
        .iter()
        .all(|o| o.id.family() != guide_engine::Family::Sclc));
    assert!(shown.len() < not.len());
    // Unknown type: everything stays.
    assert_eq!(not_for_type(not.clone(), None).len(), not.len());

    let sclc = evaluate(&profile(SCLC));
    let not = group_by_level(&sclc.options).not;
    let shown = not_for_type(not, Some(guide_engine::Histology::Sclc));
    assert!(shown.iter().all(|o| !matches!(
        o.id.family(),
        guide_engine::Family::Targeted
            | guide_engine::Family::Immunotherapy
            | guide_engine::Family::Chemo
    )));
}

fn nsclc_histology() -> Option<guide_engine::Histology> {
    Some(guide_engine::Histology::NsclcNonsq)
}

#[test]
fn at_most_ten_questions_are_shown_the_rest_are_kept_in_order() {
    use recurrence_guide::results_model::split_questions;
    let group = |option: Option<&str>, n: usize| QuestionGroup {
        option: option.map(str::to_owned),
        questions: (0..n).map(|i| format!("{option:?} {i}")).collect(),
    };
    let (shown, more) = split_questions(
        vec![group(None, 4), group(Some("A"), 5), group(Some("B"), 3)],
        10,
    );
    let count = |g: &[QuestionGroup]| g.iter().map(|g| g.questions.len()).sum::<usize>();
    assert_eq!(count(&shown), 10);
    assert_eq!(count(&more), 2);
    assert_eq!(shown[0].option, None, "unknown answers first");
    assert_eq!(shown[2].questions.len(), 1, "B is split");
    assert_eq!(more[0].option.as_deref(), Some("B"));
    let (shown, more) = split_questions(vec![group(None, 3)], 10);
    assert_eq!((count(&shown), more.len()), (3, 0));
}
