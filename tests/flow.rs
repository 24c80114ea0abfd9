//! The question flow: every branching rule, progress numbers, no question asked twice, and the
//! answers model (exclusive answers, the nested targeted-pill and ADC lists).

use guide_engine::{PriorTx, Profile, Tki, TxSetting};
use recurrence_guide::flow::{
    asked_steps, choices, is_answered, last_tx_choices, next_step, next_unanswered, possible_steps,
    prev_step, prior_tx_layout, pruned, resume_step, screen_lead, setting_drugs, PriorTxItem, Step,
};
use recurrence_guide::state::{resume_screen, Answers, Screen};

fn answers(pairs: &[(&str, &str)], multi: &[(&str, &[&str])]) -> Answers {
    let mut a = Answers::new();
    for (q, id) in pairs {
        a.set_single(q, id)
            .unwrap_or_else(|e| panic!("{q}={id}: {e}"));
    }
    for (q, ids) in multi {
        for id in *ids {
            a.toggle(q, id, true)
                .unwrap_or_else(|e| panic!("{q}+={id}: {e}"));
        }
    }
    a
}

/// The questions whose branching condition holds (relevant or not): the branching rules below
/// are about these; relevance (which of them can change the results) is tested further down.
fn asked(a: &Answers) -> Vec<Step> {
    possible_steps(a.profile())
}

fn is_asked(a: &Answers, s: Step) -> bool {
    asked(a).contains(&s)
}

#[test]
fn an_empty_profile_asks_the_core_questions_in_reference_order() {
    let steps = asked(&Answers::new());
    assert_eq!(
        steps,
        [
            Step::Histology,
            Step::Sites,
            Step::MetCount,
            Step::OrganCount,
            Step::PriorTx,
            Step::BiomarkerTested,
            Step::Biomarkers,
            Step::Pdl1,
            Step::Brain,
            Step::Ps,
            Step::SurgeryFit,
            Step::Contra,
            Step::Symptoms,
            Step::Goals,
        ]
    );
    assert_eq!(
        next_step(Answers::new().profile(), None),
        Some(Step::Histology)
    );
    // Of these, the walk asks those whose answer can change something: with nothing known yet,
    // the type, the spread, the treatments, the tests, fitness and the symptoms (red flags).
    let walked = asked_steps(Answers::new().profile());
    assert!(walked.iter().all(|s| steps.contains(s)), "{walked:?}");
    for s in [Step::Histology, Step::PriorTx, Step::Ps, Step::Symptoms] {
        assert!(walked.contains(&s), "{s:?} not asked: {walked:?}");
    }
}

#[test]
fn step_ids_are_the_profile_keys_in_profile_order() {
    let ids: Vec<&str> = Step::ALL.iter().map(|s| s.id()).collect();
    let fields: Vec<&str> = guide_engine::profile::PROFILE_FIELDS[1..].to_vec();
    assert_eq!(ids, fields);
    for s in Step::ALL {
        assert_eq!(Step::from_id(s.id()), Some(*s));
    }
}

#[test]
fn small_cell_skips_biomarker_pdl1_and_surgery_fit() {
    for h in ["SCLC", "SCLC_TRANSFORMED"] {
        let a = answers(&[("histology", h), ("biomarker_tested", "YES_TISSUE")], &[]);
        for s in [Step::TestedSinceRecurrence, Step::Pdl1, Step::SurgeryFit] {
            assert!(!is_asked(&a, s), "{h}: {s:?} asked");
        }
        // Transformed small cell keeps the EGFR change of the earlier cancer, which R-10a reads
        // (review C-1); de novo small cell has no gene questions.
        let transformed = h == "SCLC_TRANSFORMED";
        for s in [Step::BiomarkerTested, Step::Biomarkers] {
            assert_eq!(is_asked(&a, s), transformed, "{h}: {s:?}");
        }
    }
    // De novo small cell with the treatments unknown: the rules assume platinum, so the time
    // since it is asked (review C-2).
    let a = answers(&[("histology", "SCLC")], &[("prior_tx", &["UNKNOWN"])]);
    assert!(is_asked(&a, Step::Ctfi));
    let a = answers(&[("histology", "SCLC")], &[("prior_tx", &["SURGERY"])]);
    assert!(!is_asked(&a, Step::Ctfi));
    for h in ["NSCLC_NONSQ", "NSCLC_SQ", "NSCLC_NOS", "UNKNOWN"] {
        let a = answers(&[("histology", h)], &[]);
        for s in [
            Step::BiomarkerTested,
            Step::Biomarkers,
            Step::Pdl1,
            Step::SurgeryFit,
        ] {
            assert!(is_asked(&a, s), "{h}: {s:?} not asked");
        }
    }
}

#[test]
fn not_tested_skips_the_test_result_questions() {
    let a = answers(
        &[("histology", "NSCLC_NONSQ"), ("biomarker_tested", "NO")],
        &[],
    );
    assert!(!is_asked(&a, Step::Biomarkers));
    assert!(!is_asked(&a, Step::TestedSinceRecurrence));
    // PD-L1 is a separate test, often done without a gene panel: still asked (review C-3).
    assert!(is_asked(&a, Step::Pdl1));
    let a = answers(
        &[
            ("histology", "NSCLC_NONSQ"),
            ("biomarker_tested", "UNKNOWN"),
        ],
        &[],
    );
    assert!(is_asked(&a, Step::Biomarkers));
    assert!(is_asked(&a, Step::Pdl1));
}

#[test]
fn tested_since_recurrence_only_for_nsclc_unless_never_tested() {
    for t in ["YES_TISSUE", "YES_BLOOD", "YES_BOTH"] {
        let a = answers(&[("histology", "NSCLC_SQ"), ("biomarker_tested", t)], &[]);
        assert!(is_asked(&a, Step::TestedSinceRecurrence), "{t}");
        let a = answers(&[("histology", "UNKNOWN"), ("biomarker_tested", t)], &[]);
        assert!(
            !is_asked(&a, Step::TestedSinceRecurrence),
            "unknown type, {t}"
        );
        let a = answers(&[("biomarker_tested", t)], &[]);
        assert!(!is_asked(&a, Step::TestedSinceRecurrence), "no type, {t}");
    }
    let a = answers(
        &[("histology", "NSCLC_SQ"), ("biomarker_tested", "NO")],
        &[],
    );
    assert!(!is_asked(&a, Step::TestedSinceRecurrence), "never tested");
    // Unsure how it was tested: still asked (review C-8).
    let a = answers(
        &[("histology", "NSCLC_SQ"), ("biomarker_tested", "UNKNOWN")],
        &[],
    );
    assert!(is_asked(&a, Step::TestedSinceRecurrence), "unsure how");
}

#[test]
fn brain_details_only_when_the_brain_is_involved() {
    for (single, multi) in [
        (vec![("brain", "ASYMPTOMATIC")], vec![]),
        (vec![("brain", "SYMPTOMATIC")], vec![]),
        (
            vec![("brain", "NONE_KNOWN")],
            vec![("sites", &["BRAIN"][..])],
        ),
        (vec![], vec![("sites", &["BONE", "BRAIN"][..])]),
    ] {
        let a = answers(&single, &multi);
        assert!(is_asked(&a, Step::BrainCount), "{single:?} {multi:?}");
        assert!(is_asked(&a, Step::Leptomeningeal), "{single:?} {multi:?}");
    }
    for (single, multi) in [
        (
            vec![("brain", "NONE_KNOWN")],
            vec![("sites", &["BONE"][..])],
        ),
        (vec![("brain", "UNKNOWN")], vec![]),
        (vec![], vec![]),
    ] {
        let a = answers(&single, &multi);
        assert!(!is_asked(&a, Step::BrainCount), "{single:?} {multi:?}");
        assert!(!is_asked(&a, Step::Leptomeningeal), "{single:?} {multi:?}");
    }
}

#[test]
fn organ_count_only_when_a_few_spots_or_not_known() {
    for m in ["1", "2_3", "4_5", "UNKNOWN"] {
        assert!(
            is_asked(&answers(&[("met_count", m)], &[]), Step::OrganCount),
            "{m}"
        );
    }
    for m in ["NONE", "GT5"] {
        assert!(
            !is_asked(&answers(&[("met_count", m)], &[]), Step::OrganCount),
            "{m}"
        );
    }
}

#[test]
fn setting_asked_once_per_drug_treatment_ticked() {
    let a = answers(&[], &[("prior_tx", &["SURGERY", "CHEST_RT"])]);
    assert!(!is_asked(&a, Step::PriorTxSetting));
    assert!(!is_asked(&a, Step::LastSystemicOutcome));
    assert!(!is_asked(&a, Step::LastTx));

    let a = answers(
        &[],
        &[(
            "prior_tx",
            &[
                "SURGERY",
                "PLATINUM_CHEMO",
                "ICI_PERIOP",
                "ICI_ADVANCED",
                "TARLATAMAB",
                "TKI:osimertinib",
                "ADC:datopotamab deruxtecan",
                "AMIVANTAMAB",
                "ZENOCUTUZUMAB",
                "OTHER_CHEMO",
            ],
        )],
    );
    assert!(is_asked(&a, Step::PriorTxSetting));
    let drugs: Vec<String> = setting_drugs(a.profile()).iter().map(|d| d.id()).collect();
    assert_eq!(
        drugs,
        [
            "PLATINUM_CHEMO",
            "TKI:osimertinib",
            "ADC:datopotamab deruxtecan",
            "AMIVANTAMAB",
            "ZENOCUTUZUMAB",
            "OTHER_CHEMO"
        ]
    );
    // ICI and tarlatamab have a fixed setting: not asked; only ICI/tarlatamab -> no setting screen.
    let a = answers(&[], &[("prior_tx", &["ICI_CONSOLIDATION", "TARLATAMAB"])]);
    assert!(!is_asked(&a, Step::PriorTxSetting));
    assert!(is_asked(&a, Step::LastSystemicOutcome));
    assert!(is_asked(&a, Step::LastTx));
}

#[test]
fn setting_answers_are_the_profile_map_and_the_screen_is_answered_when_all_are() {
    let mut a = answers(&[], &[("prior_tx", &["PLATINUM_CHEMO", "TKI:osimertinib"])]);
    assert!(!is_answered(Step::PriorTxSetting, a.profile()));
    a.set_setting(PriorTx::PlatinumChemo, TxSetting::Adjuvant);
    assert!(!is_answered(Step::PriorTxSetting, a.profile()));
    a.set_setting(PriorTx::Tki(Tki::Osimertinib), TxSetting::Advanced);
    assert!(is_answered(Step::PriorTxSetting, a.profile()));
    let json: serde_json::Value = serde_json::from_str(&a.profile().to_json()).unwrap();
    assert_eq!(
        json["prior_tx_setting"],
        serde_json::json!({"PLATINUM_CHEMO": "ADJUVANT", "TKI:osimertinib": "ADVANCED"})
    );
}

#[test]
fn chemo_drugs_only_when_chemo_ticked() {
    assert!(!is_asked(
        &answers(&[], &[("prior_tx", &["TKI:osimertinib"])]),
        Step::PriorChemoDrugs
    ));
    assert!(is_asked(
        &answers(&[], &[("prior_tx", &["PLATINUM_CHEMO"])]),
        Step::PriorChemoDrugs
    ));
    assert!(is_asked(
        &answers(&[], &[("prior_tx", &["OTHER_CHEMO"])]),
        Step::PriorChemoDrugs
    ));
    assert!(!is_asked(&Answers::new(), Step::PriorChemoDrugs));
}

#[test]
fn last_tx_offers_the_drugs_ticked_plus_unknown() {
    let a = answers(
        &[],
        &[(
            "prior_tx",
            &["SURGERY", "PLATINUM_CHEMO", "ICI_ADVANCED", "TKI:UNKNOWN"],
        )],
    );
    let ids: Vec<String> = last_tx_choices(a.profile())
        .iter()
        .map(|t| t.id())
        .collect();
    assert_eq!(
        ids,
        ["PLATINUM_CHEMO", "ICI_ADVANCED", "TKI:UNKNOWN", "UNKNOWN"]
    );
    assert_eq!(choices(Step::LastTx, a.profile()), ids);
    // "Never had drug treatment" makes "which one" pointless.
    let mut b = a.clone();
    b.set_single("last_systemic_outcome", "NEVER_HAD_DRUG_TREATMENT")
        .unwrap();
    assert!(!is_asked(&b, Step::LastTx));
    assert!(is_asked(&a, Step::LastTx));
}

#[test]
fn progressing_spots_only_when_it_grew_on_a_targeted_pill() {
    let base = |outcome: &str, last: &[&str]| {
        let mut a = answers(
            &[
                ("histology", "NSCLC_NONSQ"),
                ("last_systemic_outcome", outcome),
            ],
            &[("prior_tx", &["PLATINUM_CHEMO", "TKI:osimertinib"])],
        );
        for l in last {
            a.toggle("last_tx", l, true).unwrap();
        }
        a
    };
    assert!(is_asked(
        &base("GREW_DURING", &["TKI:osimertinib"]),
        Step::ProgressingSpots
    ));
    assert!(!is_asked(
        &base("GREW_DURING", &["PLATINUM_CHEMO"]),
        Step::ProgressingSpots
    ));
    assert!(!is_asked(
        &base("CAME_BACK_AFTER", &["TKI:osimertinib"]),
        Step::ProgressingSpots
    ));
    // Last treatment not known: a TKI was had, so ask.
    assert!(is_asked(
        &base("GREW_DURING", &["UNKNOWN"]),
        Step::ProgressingSpots
    ));
    assert!(is_asked(&base("GREW_DURING", &[]), Step::ProgressingSpots));
    // Not known and no TKI had: do not ask.
    let a = answers(
        &[("last_systemic_outcome", "GREW_DURING")],
        &[("prior_tx", &["PLATINUM_CHEMO"]), ("last_tx", &["UNKNOWN"])],
    );
    assert!(!is_asked(&a, Step::ProgressingSpots));
}

#[test]
fn ctfi_only_for_small_cell_with_platinum() {
    let a = answers(
        &[("histology", "SCLC")],
        &[("prior_tx", &["PLATINUM_CHEMO"])],
    );
    assert!(is_asked(&a, Step::Ctfi));
    let a = answers(
        &[("histology", "SCLC_TRANSFORMED")],
        &[("prior_tx", &["PLATINUM_CHEMO"])],
    );
    assert!(is_asked(&a, Step::Ctfi));
    let a = answers(&[("histology", "SCLC")], &[("prior_tx", &["OTHER_CHEMO"])]);
    assert!(!is_asked(&a, Step::Ctfi));
    let a = answers(
        &[("histology", "NSCLC_NONSQ")],
        &[("prior_tx", &["PLATINUM_CHEMO"])],
    );
    assert!(!is_asked(&a, Step::Ctfi));
    let a = answers(
        &[("histology", "UNKNOWN")],
        &[("prior_tx", &["PLATINUM_CHEMO"])],
    );
    assert!(!is_asked(&a, Step::Ctfi));
}

#[test]
fn ici_interval_only_for_nsclc_or_unknown_with_an_ici() {
    for ici in ["ICI_PERIOP", "ICI_CONSOLIDATION", "ICI_ADVANCED"] {
        for h in ["NSCLC_NONSQ", "NSCLC_SQ", "NSCLC_NOS", "UNKNOWN"] {
            let a = answers(&[("histology", h)], &[("prior_tx", &[ici])]);
            assert!(is_asked(&a, Step::IciInterval), "{h} {ici}");
        }
        let a = answers(&[], &[("prior_tx", &[ici])]);
        assert!(is_asked(&a, Step::IciInterval), "no type, {ici}");
        let a = answers(&[("histology", "SCLC")], &[("prior_tx", &[ici])]);
        assert!(!is_asked(&a, Step::IciInterval), "SCLC {ici}");
    }
    let a = answers(
        &[("histology", "NSCLC_NOS")],
        &[("prior_tx", &["PLATINUM_CHEMO"])],
    );
    assert!(!is_asked(&a, Step::IciInterval));
}

#[test]
fn adjuvant_interval_only_when_a_drug_was_adjuvant() {
    let mut a = answers(
        &[("histology", "NSCLC_NONSQ")],
        &[("prior_tx", &["PLATINUM_CHEMO", "TKI:osimertinib"])],
    );
    assert!(!is_asked(&a, Step::AdjuvantInterval));
    a.set_setting(PriorTx::PlatinumChemo, TxSetting::Advanced);
    a.set_setting(PriorTx::Tki(Tki::Osimertinib), TxSetting::Unknown);
    assert!(!is_asked(&a, Step::AdjuvantInterval));
    a.set_setting(PriorTx::Tki(Tki::Osimertinib), TxSetting::Adjuvant);
    assert!(is_asked(&a, Step::AdjuvantInterval));
    // The reference asks it for NSCLC; small cell has the CTFI instead.
    a.set_single("histology", "SCLC").unwrap();
    assert!(!is_asked(&a, Step::AdjuvantInterval));
    // ICI_PERIOP is adjuvant by definition but is timed by ici_interval, not this question.
    let a = answers(
        &[("histology", "NSCLC_NONSQ")],
        &[("prior_tx", &["ICI_PERIOP"])],
    );
    assert!(!is_asked(&a, Step::AdjuvantInterval));
    // A setting left over for a drug no longer ticked does not count.
    let mut a = answers(
        &[("histology", "NSCLC_NONSQ")],
        &[("prior_tx", &["OTHER_CHEMO"])],
    );
    a.set_setting(PriorTx::PlatinumChemo, TxSetting::Adjuvant);
    assert!(!is_asked(&a, Step::AdjuvantInterval));
}

#[test]
fn surgery_fit_for_nsclc_or_unknown_only() {
    assert!(is_asked(&Answers::new(), Step::SurgeryFit));
    assert!(is_asked(
        &answers(&[("histology", "UNKNOWN")], &[]),
        Step::SurgeryFit
    ));
    assert!(is_asked(
        &answers(&[("histology", "NSCLC_SQ")], &[]),
        Step::SurgeryFit
    ));
    assert!(!is_asked(
        &answers(&[("histology", "SCLC")], &[]),
        Step::SurgeryFit
    ));
}

#[test]
fn every_answer_list_has_a_not_sure_answer() {
    let a = answers(
        &[("histology", "NSCLC_NONSQ")],
        &[("prior_tx", &["PLATINUM_CHEMO"])],
    );
    for s in Step::ALL {
        if *s == Step::PriorTx {
            let last = prior_tx_layout().last().cloned();
            assert_eq!(last, Some(PriorTxItem::Plain("UNKNOWN".into())));
            continue;
        }
        let ids = choices(*s, a.profile());
        assert!(
            ids.iter().any(|i| i == "UNKNOWN" || i == "UNSURE"),
            "{s:?}: {ids:?}"
        );
    }
}

#[test]
fn the_treatment_screen_covers_every_prior_tx_answer_once() {
    let mut seen: Vec<String> = Vec::new();
    for item in prior_tx_layout() {
        match item {
            PriorTxItem::Plain(id) => seen.push(id),
            PriorTxItem::Group { prefix, drugs } => {
                assert_eq!(drugs.last().unwrap(), &format!("{prefix}:UNKNOWN"));
                seen.extend(drugs);
            }
        }
    }
    let mut all: Vec<String> = PriorTx::all().into_iter().map(|t| t.id()).collect();
    let mut sorted = seen.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), seen.len(), "an answer is listed twice");
    all.sort();
    assert_eq!(sorted, all);
}

/// Walks the screens like a person pressing Next without changing an answer. Screens are named
/// by their first question; some ask several (`guide_engine::flow::SCREENS`).
fn walk(a: Answers) -> (Vec<Step>, Answers) {
    let mut seen = Vec::new();
    let mut cur = next_step(a.profile(), None);
    let mut last_part = None;
    while let Some(step) = cur {
        assert!(!seen.contains(&step), "{step:?} shown twice: {seen:?}");
        assert_eq!(
            screen_lead(step),
            step,
            "a screen is named by its first question"
        );
        seen.push(step);
        assert!(seen.len() <= Step::ALL.len());
        // Progress is by part: it never goes back as the walk goes on.
        let (part, n, total) = guide_engine::flow::part(step);
        assert!(last_part <= Some(part) && n <= total, "{step:?}");
        last_part = Some(part);
        cur = next_step(a.profile(), Some(step));
        if let Some(next) = cur {
            assert_eq!(prev_step(a.profile(), next), Some(step));
        }
    }
    (seen, a)
}

#[test]
fn no_question_is_asked_twice_and_progress_counts_up() {
    // EGFR story.
    let mut a = answers(
        &[
            ("histology", "NSCLC_NONSQ"),
            ("met_count", "2_3"),
            ("organ_count", "1"),
            ("last_systemic_outcome", "GREW_DURING"),
            ("biomarker_tested", "YES_TISSUE"),
            ("brain", "ASYMPTOMATIC"),
        ],
        &[
            ("sites", &["LUNG_OTHER", "BRAIN"]),
            ("prior_tx", &["TKI:osimertinib"]),
            ("last_tx", &["TKI:osimertinib"]),
            ("biomarkers", &["EGFR_COMMON"]),
        ],
    );
    a.set_setting(PriorTx::Tki(Tki::Osimertinib), TxSetting::Advanced);
    let (steps, a) = walk(a);
    assert_eq!(
        steps,
        [
            Step::Histology,
            // With the number of spots and of organs.
            Step::Sites,
            Step::PriorTx,
            Step::PriorTxSetting,
            // With where it grew. Not which treatment was last (one drug: it is the last).
            Step::LastSystemicOutcome,
            // With "tested again since it came back".
            Step::BiomarkerTested,
            // Not PD-L1: it changes nothing for EGFR that grew on osimertinib.
            Step::Biomarkers,
            // With the number of brain spots and the lining of the brain.
            Step::Brain,
            // With other health problems; not the chance of surgery (spread to the brain).
            Step::Ps,
            Step::Symptoms,
            Step::Goals,
        ]
    );
    let asked = asked_steps(a.profile());
    for q in [
        Step::MetCount,
        Step::OrganCount,
        Step::ProgressingSpots,
        Step::BrainCount,
        Step::Contra,
    ] {
        assert!(asked.contains(&q), "{q:?} asked on its screen");
    }
    assert!(!asked.contains(&Step::LastTx) && !asked.contains(&Step::Pdl1));
    assert_eq!(asked.len(), 18);

    // Small cell story.
    let a = answers(
        &[("histology", "SCLC"), ("met_count", "GT5")],
        &[
            ("sites", &["LIVER", "BONE"]),
            ("prior_tx", &["PLATINUM_CHEMO", "ICI_ADVANCED"]),
        ],
    );
    let (steps, _) = walk(a);
    assert_eq!(
        steps,
        [
            Step::Histology,
            Step::Sites,
            Step::PriorTx,
            Step::PriorTxSetting,
            // With nothing else answered, neither the chemo drugs, the last treatment nor
            // other health problems change anything; the time since platinum does (D-7).
            Step::LastSystemicOutcome,
            Step::Ctfi,
            Step::Brain,
            Step::Ps,
            Step::Symptoms,
            Step::Goals,
        ]
    );
}

#[test]
fn progress_is_by_part_and_never_grows() {
    // "Part n of 5" depends on the screen only, not on the answers: it cannot grow or jump
    // back as answers open or close questions (issue 10).
    let parts: Vec<_> = Step::ALL
        .iter()
        .map(|s| guide_engine::flow::part(*s))
        .collect();
    assert!(parts.windows(2).all(|w| w[0].1 <= w[1].1));
    assert!(parts
        .iter()
        .all(|(_, n, total)| *total == 5 && (1..=5).contains(n)));
    assert_eq!(parts[0].1, 1);
    assert_eq!(parts[parts.len() - 1].1, 5);
}

#[test]
fn pruned_drops_answers_to_questions_no_longer_asked() {
    let mut a = answers(
        &[
            ("histology", "NSCLC_NONSQ"),
            ("biomarker_tested", "YES_TISSUE"),
            ("pdl1", "GE50"),
            ("last_systemic_outcome", "GREW_DURING"),
            ("progressing_spots", "1"),
        ],
        &[
            ("biomarkers", &["EGFR_COMMON"]),
            ("prior_tx", &["TKI:osimertinib", "PLATINUM_CHEMO"]),
            ("last_tx", &["TKI:osimertinib"]),
        ],
    );
    a.set_setting(PriorTx::Tki(Tki::Osimertinib), TxSetting::Advanced);
    a.set_setting(PriorTx::PlatinumChemo, TxSetting::Adjuvant);
    let p = pruned(a.profile());
    // PD-L1 changes nothing for EGFR that grew on osimertinib: its answer does not count.
    let mut without_pdl1 = a.profile().clone();
    without_pdl1.pdl1 = None;
    assert_eq!(p, without_pdl1, "only the PD-L1 answer is dropped");
    assert_eq!(
        guide_engine::evaluate(&p),
        guide_engine::evaluate(a.profile()),
        "dropping an answer that changes nothing changes nothing"
    );

    // Change to small cell: biomarker answers are kept but no longer count.
    a.set_single("histology", "SCLC").unwrap();
    let p = pruned(a.profile());
    assert!(p.biomarkers.is_empty() && p.pdl1.is_none() && p.biomarker_tested.is_none());
    assert!(!a.profile().biomarkers.is_empty(), "raw answers are kept");

    // Untick the pill: its setting, last_tx entry and progressing spots go.
    a.set_single("histology", "NSCLC_NONSQ").unwrap();
    a.toggle("prior_tx", "TKI:osimertinib", false).unwrap();
    let p = pruned(a.profile());
    assert_eq!(p.prior_tx_setting.len(), 1);
    assert!(p.last_tx.is_empty());
    assert!(p.progressing_spots.is_none());
    assert_eq!(p.biomarkers.len(), 1);
    assert_eq!(a.effective(), p);
}

#[test]
fn edit_from_review_asks_newly_opened_questions_then_returns() {
    let mut a = answers(
        &[
            ("histology", "NSCLC_NONSQ"),
            ("met_count", "NONE"),
            ("ps", "1"),
            ("surgery_fit", "YES"),
            ("biomarker_tested", "NO"),
            ("pdl1", "UNKNOWN"),
            ("brain", "NONE_KNOWN"),
            ("goals", "BALANCE"),
        ],
        &[
            ("sites", &["LOCAL"]),
            ("prior_tx", &["SURGERY"]),
            ("contra", &["NONE"]),
            ("symptoms", &["NONE"]),
        ],
    );
    assert_eq!(
        resume_step(a.profile()),
        None,
        "all answered: resume goes to review"
    );
    // Edit the treatments: platinum chemo opens its setting, then the outcome and, after
    // chemo given with surgery, the time since it (the chemo drugs and the last treatment
    // change nothing here: one drug treatment, and no platinum re-challenge to decide).
    a.toggle("prior_tx", "PLATINUM_CHEMO", true).unwrap();
    assert_eq!(
        next_unanswered(a.profile(), Some(Step::PriorTx)),
        Some(Step::PriorTxSetting)
    );
    a.set_setting(PriorTx::PlatinumChemo, TxSetting::Adjuvant);
    assert_eq!(
        next_unanswered(a.profile(), Some(Step::PriorTxSetting)),
        Some(Step::LastSystemicOutcome)
    );
    a.set_single("last_systemic_outcome", "CAME_BACK_AFTER")
        .unwrap();
    assert_eq!(
        next_unanswered(a.profile(), Some(Step::LastSystemicOutcome)),
        Some(Step::AdjuvantInterval)
    );
    a.set_single("adjuvant_interval", "GT12M").unwrap();
    assert_eq!(
        next_unanswered(a.profile(), Some(Step::AdjuvantInterval)),
        None
    );
}

#[test]
fn reload_resumes_the_saved_screen_or_the_next_asked_question() {
    let a = answers(&[("histology", "SCLC")], &[]);
    assert_eq!(
        resume_screen(Some("q:sites"), a.profile()),
        Screen::Question(Step::Sites)
    );
    // Saved on a question the answers no longer ask: the next asked one.
    assert_eq!(
        resume_screen(Some("q:biomarkers"), a.profile()),
        Screen::Question(Step::Brain)
    );
    assert_eq!(resume_screen(Some("review"), a.profile()), Screen::Review);
    assert_eq!(resume_screen(Some("results"), a.profile()), Screen::Results);
    assert_eq!(
        resume_screen(Some("page:about"), a.profile()),
        Screen::Page("about")
    );
    assert_eq!(
        resume_screen(Some("page:nope"), a.profile()),
        Screen::Welcome
    );
    assert_eq!(resume_screen(Some("garbage"), a.profile()), Screen::Welcome);
    assert_eq!(resume_screen(None, a.profile()), Screen::Welcome);
    for s in [
        Screen::Welcome,
        Screen::Review,
        Screen::Results,
        Screen::Page("urgent"),
        Screen::Question(Step::Goals),
        Screen::Summary,
        Screen::Values,
        Screen::Compare,
        Screen::Catalogue,
    ] {
        assert_eq!(Screen::from_id(&s.id()), Some(s));
    }
}

#[test]
fn exclusive_answers_clear_the_others_and_are_cleared_by_them() {
    let mut a = answers(&[], &[("symptoms", &["COUGH", "FATIGUE"])]);
    a.toggle("symptoms", "NONE", true).unwrap();
    assert_eq!(a.multi("symptoms"), ["NONE"]);
    a.toggle("symptoms", "UNKNOWN", true).unwrap();
    assert_eq!(a.multi("symptoms"), ["UNKNOWN"]);
    a.toggle("symptoms", "SEIZURE", true).unwrap();
    assert_eq!(a.multi("symptoms"), ["SEIZURE"]);
    assert!(a.has_red_flag());

    let mut a = answers(&[], &[("prior_tx", &["SURGERY", "TKI:osimertinib"])]);
    a.toggle("prior_tx", "NONE", true).unwrap();
    assert_eq!(a.multi("prior_tx"), ["NONE"]);
    a.toggle("prior_tx", "CHEST_RT", true).unwrap();
    assert_eq!(a.multi("prior_tx"), ["CHEST_RT"]);

    let mut a = answers(&[], &[("biomarkers", &["EGFR_COMMON", "EGFR_T790M"])]);
    a.toggle("biomarkers", "NOT_TESTED", true).unwrap();
    assert_eq!(a.multi("biomarkers"), ["NOT_TESTED"]);
    a.toggle("biomarkers", "ALK", true).unwrap();
    assert_eq!(a.multi("biomarkers"), ["ALK"]);

    let mut a = answers(&[], &[("contra", &["ILD"])]);
    a.toggle("contra", "NONE", true).unwrap();
    assert_eq!(a.multi("contra"), ["NONE"]);
    a.toggle("contra", "NONE", false).unwrap();
    assert!(a.multi("contra").is_empty());
}

#[test]
fn targeted_pill_group_records_unknown_until_a_name_is_picked() {
    let mut a = Answers::new();
    a.set_group("TKI", true).unwrap();
    assert!(a.group_on("TKI"));
    assert_eq!(a.multi("prior_tx"), ["TKI:UNKNOWN"]);
    // Naming a pill replaces the placeholder.
    a.toggle("prior_tx", "TKI:osimertinib", true).unwrap();
    assert_eq!(a.multi("prior_tx"), ["TKI:osimertinib"]);
    // Ticking "I don't know the name" as well keeps both (another pill whose name is not known).
    a.toggle("prior_tx", "TKI:UNKNOWN", true).unwrap();
    a.toggle("prior_tx", "TKI:erlotinib", true).unwrap();
    assert_eq!(
        a.multi("prior_tx"),
        ["TKI:osimertinib", "TKI:UNKNOWN", "TKI:erlotinib"]
    );
    // ADCs are their own group.
    a.set_group("ADC", true).unwrap();
    a.toggle("prior_tx", "ADC:trastuzumab deruxtecan", true)
        .unwrap();
    assert!(a.has("prior_tx", "ADC:trastuzumab deruxtecan"));
    assert!(!a.has("prior_tx", "ADC:UNKNOWN"));
    // Unticking the group removes all its drugs, and nothing else.
    a.set_group("TKI", false).unwrap();
    assert!(!a.group_on("TKI"));
    assert_eq!(a.multi("prior_tx"), ["ADC:trastuzumab deruxtecan"]);
    // The group box again: placeholder again.
    a.set_group("TKI", true).unwrap();
    assert!(a.has("prior_tx", "TKI:UNKNOWN"));
    // "None" clears the groups too.
    a.toggle("prior_tx", "NONE", true).unwrap();
    assert!(!a.group_on("TKI") && !a.group_on("ADC"));
}

#[test]
fn unknown_questions_and_answers_are_refused_without_changing_anything() {
    let mut a = answers(&[("histology", "SCLC")], &[]);
    let before = a.clone();
    assert!(a.set_single("histology", "BANANA").is_err());
    assert!(a.set_single("nope", "UNKNOWN").is_err());
    assert!(a.set_single("version", "2").is_err());
    assert!(a.toggle("prior_tx", "TKI:aspirin", true).is_err());
    assert!(a.toggle("histology", "SCLC", true).is_err());
    assert_eq!(a, before);
    a.clear("histology");
    assert!(a.is_empty());
    let mut b = answers(&[("ps", "2")], &[("sites", &["BONE"])]);
    b.clear_all();
    assert_eq!(*b.profile(), Profile::new());
}

#[test]
fn single_answers_read_back_as_ids() {
    let a = answers(&[("ps", "0"), ("pdl1", "1_49")], &[]);
    assert_eq!(a.single("ps").as_deref(), Some("0"));
    assert_eq!(a.single("pdl1").as_deref(), Some("1_49"));
    assert_eq!(a.single("histology"), None);
}

#[test]
fn every_screen_of_several_questions_has_its_heading_in_every_language() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for lang in ["en", "es"] {
        let text = std::fs::read_to_string(root.join(format!("content/{lang}/ui_more.json")))
            .expect("ui_more.json");
        let words: serde_json::Value = serde_json::from_str(&text).expect("JSON");
        for (id, questions) in guide_engine::flow::SCREENS {
            let key = format!("screen.{id}");
            let heading = words[&key].as_str().unwrap_or_default();
            assert!(!heading.is_empty(), "{lang}: {key} missing");
            assert_eq!(screen_lead(questions[0]), questions[0]);
        }
    }
}
