//! Each derived fact of §1 and §3.0 on its own.

mod common;

use common::profile;
use guide_engine::facts::*;
use guide_engine::{Ctfi, PriorTx, Tki};
use serde_json::json;

#[test]
fn extent_follows_the_reference_order() {
    let e = |v| extent(&profile(v));
    assert_eq!(
        e(json!({"sites": ["LOCAL"], "met_count": "NONE"})),
        Extent::LocalOnly
    );
    assert_eq!(
        e(json!({"sites": ["LOCAL", "REGIONAL_NODES"], "met_count": "NONE"})),
        Extent::Locoregional
    );
    assert_eq!(
        e(json!({"sites": ["REGIONAL_NODES"], "met_count": "NONE"})),
        Extent::Locoregional
    );
    assert_eq!(
        e(json!({"sites": ["BONE"], "met_count": "1"})),
        Extent::Oligometastatic
    );
    // An unanswered organ count counts as 3 or fewer only for 1 to 3 spots.
    assert_eq!(
        e(json!({"sites": ["BONE"], "met_count": "4_5"})),
        Extent::Unknown
    );
    assert_eq!(
        e(json!({"sites": ["BONE"], "met_count": "4_5", "organ_count": "3"})),
        Extent::Oligometastatic
    );
    assert_eq!(
        e(json!({"sites": ["BONE"], "met_count": "2_3", "organ_count": "GT3"})),
        Extent::Widespread
    );
    assert_eq!(
        e(json!({"sites": ["PLEURA"], "met_count": "1"})),
        Extent::Widespread
    );
    assert_eq!(
        e(json!({"sites": ["BONE"], "met_count": "1", "symptoms": ["FLUID_AROUND_LUNG_KNOWN"]})),
        Extent::Widespread
    );
    assert_eq!(
        e(json!({"sites": ["BRAIN"], "met_count": "1", "leptomeningeal": "YES"})),
        Extent::Unknown
    );
    assert_eq!(
        e(json!({"sites": ["LIVER"], "met_count": "GT5"})),
        Extent::Widespread
    );
    assert_eq!(
        e(json!({"sites": ["UNKNOWN"], "met_count": "NONE"})),
        Extent::Unknown
    );
    assert_eq!(e(json!({"met_count": "NONE"})), Extent::Unknown);
    assert_eq!(
        e(json!({"sites": ["LOCAL", "BONE"], "met_count": "NONE"})),
        Extent::Unknown
    );
}

#[test]
fn driver_class_priority_and_t790m() {
    let d = |v| driver_class(&profile(json!({ "biomarkers": v })));
    assert_eq!(d(json!(["EGFR_T790M"])), Some(DriverClass::EgfrCommon));
    assert_eq!(
        d(json!(["ALK", "EGFR_COMMON"])),
        Some(DriverClass::EgfrCommon)
    );
    assert_eq!(d(json!(["KRAS_G12C", "ROS1"])), Some(DriverClass::Ros1));
    assert_eq!(
        d(json!([
            "MET_AMP",
            "HER2_IHC3",
            "CMET_IHC_HIGH",
            "MSI_H_DMMR"
        ])),
        None
    );
    assert_eq!(d(json!(["BRAF_OTHER"])), None);
    assert_eq!(d(json!(["NRG1"])), Some(DriverClass::Nrg1));
    // T790M counts as common EGFR only alone: beside another EGFR change, that change is the
    // class ("the original driver + flag").
    assert_eq!(
        d(json!(["EGFR_EX20INS", "EGFR_T790M"])),
        Some(DriverClass::EgfrEx20ins)
    );
    assert_eq!(
        d(json!(["EGFR_T790M", "EGFR_UNCOMMON"])),
        Some(DriverClass::EgfrUncommon)
    );
    assert_eq!(
        d(json!(["EGFR_T790M", "EGFR_COMMON"])),
        Some(DriverClass::EgfrCommon)
    );
    assert_eq!(
        d(json!(["EGFR_T790M", "ALK"])),
        Some(DriverClass::EgfrCommon)
    );
}

#[test]
fn a_treatment_named_only_as_the_last_one_counts_as_had_everywhere() {
    // D-24: Q5a names it, Q4 missed it.
    let ici_only_in_q5a = profile(json!({
        "prior_tx": ["PLATINUM_CHEMO"], "last_tx": ["PLATINUM_CHEMO", "ICI_ADVANCED"],
        "last_systemic_outcome": "GREW_DURING"
    }));
    assert!(had_ici(&ici_only_in_q5a));
    assert_eq!(ici_status(&ici_only_in_q5a), IciStatus::Refractory);
    let platinum_only_in_q5a = profile(json!({
        "prior_tx": ["ICI_ADVANCED"], "last_tx": ["PLATINUM_CHEMO", "ICI_ADVANCED"],
        "last_systemic_outcome": "GREW_DURING"
    }));
    assert!(prior_platinum_advanced(&platinum_only_in_q5a));
    assert!(!prior_platinum_advanced(&profile(
        json!({"prior_tx": ["ICI_ADVANCED"]})
    )));
}

#[test]
fn biomarker_status_levels() {
    let s = |v| biomarker_status(&profile(v));
    assert_eq!(
        s(json!({"biomarkers": ["MET_AMP"]})),
        BiomarkerStatus::Driver
    );
    assert_eq!(
        s(json!({"biomarkers": ["KRAS_OTHER"]})),
        BiomarkerStatus::NoneFound
    );
    assert_eq!(
        s(json!({"biomarkers": ["NONE_FOUND"]})),
        BiomarkerStatus::NoneFound
    );
    assert_eq!(
        s(json!({"biomarker_tested": "NO"})),
        BiomarkerStatus::NotTested
    );
    assert_eq!(
        s(json!({"biomarkers": ["NOT_TESTED"]})),
        BiomarkerStatus::NotTested
    );
    assert_eq!(
        s(json!({"biomarker_tested": "YES_TISSUE"})),
        BiomarkerStatus::Unknown
    );
    assert_eq!(s(json!({})), BiomarkerStatus::Unknown);
}

#[test]
fn ps_group_and_unknown() {
    let g = |v| ps_group(&profile(json!({ "ps": v })));
    assert_eq!(g(json!("0")), PsGroup::Good);
    assert_eq!(g(json!("1")), PsGroup::Good);
    assert_eq!(g(json!("2")), PsGroup::Mid);
    assert_eq!(g(json!("3")), PsGroup::Poor);
    assert_eq!(g(json!(4)), PsGroup::Poor);
    assert_eq!(g(json!("UNKNOWN")), PsGroup::Unk);
    assert_eq!(ps_group(&profile(json!({}))), PsGroup::Unk);
}

#[test]
fn prior_lines_count_only_advanced_disease() {
    let p = profile(
        json!({"prior_tx": ["SURGERY", "PLATINUM_CHEMO", "ICI_PERIOP"], "prior_tx_setting": {"PLATINUM_CHEMO": "ADJUVANT"}}),
    );
    assert_eq!(prior_lines(&p), 0);
    assert!(!prior_platinum_advanced(&p));
    // Unanswered or UNKNOWN setting counts as advanced.
    let p = profile(
        json!({"prior_tx": ["PLATINUM_CHEMO", "TKI:osimertinib", "ICI_ADVANCED"], "prior_tx_setting": {"TKI:osimertinib": "UNKNOWN"}}),
    );
    assert_eq!(prior_lines(&p), 3);
    assert!(prior_platinum_advanced(&p));
}

#[test]
fn last_treatment_and_progression() {
    // Answered: only those.
    let p = profile(
        json!({"prior_tx": ["PLATINUM_CHEMO", "TKI:osimertinib"], "last_systemic_outcome": "GREW_DURING", "last_tx": ["TKI:osimertinib"]}),
    );
    assert_eq!(
        progressed_on(&p).into_iter().collect::<Vec<_>>(),
        vec![PriorTx::Tki(Tki::Osimertinib)]
    );
    // Unanswered: the advanced-disease drugs.
    let p = profile(
        json!({"prior_tx": ["PLATINUM_CHEMO", "TKI:osimertinib"], "prior_tx_setting": {"PLATINUM_CHEMO": "ADJUVANT"}, "last_systemic_outcome": "GREW_DURING"}),
    );
    assert_eq!(
        progressed_on(&p).into_iter().collect::<Vec<_>>(),
        vec![PriorTx::Tki(Tki::Osimertinib)]
    );
    // Only adjuvant drugs: all of them.
    let p = profile(
        json!({"prior_tx": ["PLATINUM_CHEMO"], "prior_tx_setting": {"PLATINUM_CHEMO": "ADJUVANT"}, "last_tx": ["UNKNOWN"]}),
    );
    assert_eq!(
        last_tx(&p).into_iter().collect::<Vec<_>>(),
        vec![PriorTx::PlatinumChemo]
    );
    // Not growth: nothing progressed.
    let p = profile(
        json!({"prior_tx": ["TKI:osimertinib"], "last_systemic_outcome": "STOPPED_SIDE_EFFECTS"}),
    );
    assert!(progressed_on(&p).is_empty());
}

#[test]
fn immunotherapy_status() {
    let s = |v| ici_status(&profile(v));
    assert_eq!(s(json!({"prior_tx": ["PLATINUM_CHEMO"]})), IciStatus::Naive);
    assert_eq!(
        s(json!({"prior_tx": ["ICI_ADVANCED"], "ici_interval": "ON_ICI"})),
        IciStatus::Refractory
    );
    assert_eq!(
        s(json!({"prior_tx": ["ICI_ADVANCED"], "ici_interval": "LT6M"})),
        IciStatus::Refractory
    );
    assert_eq!(
        s(json!({"prior_tx": ["ICI_ADVANCED"], "last_systemic_outcome": "GREW_DURING"})),
        IciStatus::Refractory
    );
    assert_eq!(
        s(json!({"prior_tx": ["ICI_PERIOP"], "ici_interval": "GT12M"})),
        IciStatus::Remote
    );
    assert_eq!(
        s(json!({"prior_tx": ["ICI_CONSOLIDATION"], "ici_interval": "M6_12"})),
        IciStatus::Intermediate
    );
    assert_eq!(
        s(json!({"prior_tx": ["ICI_ADVANCED"], "last_systemic_outcome": "CAME_BACK_AFTER"})),
        IciStatus::NoStatus
    );
}

#[test]
fn ctfi_answer_wins_then_growth_on_platinum() {
    let c = |v| ctfi(&profile(v));
    assert_eq!(
        c(
            json!({"ctfi": "GT6M", "prior_tx": ["PLATINUM_CHEMO"], "last_systemic_outcome": "GREW_DURING"})
        ),
        Ctfi::Gt6m
    );
    assert_eq!(
        c(json!({"prior_tx": ["PLATINUM_CHEMO"], "last_systemic_outcome": "GREW_DURING"})),
        Ctfi::Lt3m
    );
    // Growth on maintenance immunotherapy after platinum is not refractory.
    assert_eq!(
        c(
            json!({"prior_tx": ["PLATINUM_CHEMO", "ICI_ADVANCED"], "last_systemic_outcome": "GREW_DURING", "last_tx": ["ICI_ADVANCED"]})
        ),
        Ctfi::Unknown
    );
    // Q5a unanswered and another drug after platinum (consolidation durvalumab, tarlatamab,
    // other chemo): the growth may have been on it, so the interval is unknown and asked (D-22).
    for other in [
        "ICI_CONSOLIDATION",
        "TARLATAMAB",
        "OTHER_CHEMO",
        "ICI_ADVANCED",
    ] {
        assert_eq!(
            c(
                json!({"prior_tx": ["PLATINUM_CHEMO", other], "last_systemic_outcome": "GREW_DURING"})
            ),
            Ctfi::Unknown,
            "{other}"
        );
    }
    // Named as the last treatment, platinum is what it grew on.
    assert_eq!(
        c(
            json!({"prior_tx": ["PLATINUM_CHEMO", "TARLATAMAB"], "last_tx": ["PLATINUM_CHEMO"], "last_systemic_outcome": "GREW_DURING"})
        ),
        Ctfi::Lt3m
    );
    // Radiation is not a drug: platinum with chest radiation still counts.
    assert_eq!(
        c(
            json!({"prior_tx": ["PLATINUM_CHEMO", "CHEST_RT"], "last_systemic_outcome": "GREW_DURING"})
        ),
        Ctfi::Lt3m
    );
}

#[test]
fn pleural_spread_is_always_widespread() {
    // §8.10: even when the sites say local only (D-18).
    let p = profile(
        json!({"sites": ["LOCAL"], "met_count": "NONE", "symptoms": ["FLUID_AROUND_LUNG_KNOWN"]}),
    );
    assert_eq!(extent(&p), Extent::Widespread);
}

#[test]
fn an_answered_ici_interval_wins_over_growth() {
    // §3.10: growth on an ICI decides only when the interval is unanswered or unknown.
    let p = profile(
        json!({"prior_tx": ["PLATINUM_CHEMO", "ICI_ADVANCED"], "last_systemic_outcome": "GREW_DURING", "ici_interval": "GT12M"}),
    );
    assert_eq!(ici_status(&p), IciStatus::Remote);
    let p = profile(
        json!({"prior_tx": ["PLATINUM_CHEMO", "ICI_ADVANCED"], "last_systemic_outcome": "GREW_DURING", "ici_interval": "UNKNOWN"}),
    );
    assert_eq!(ici_status(&p), IciStatus::Refractory);
}

#[test]
fn growth_after_chemo_immunotherapy_is_not_refractory_by_default() {
    // D-22: with Q5a unanswered, growth may have been on maintenance immunotherapy.
    let p = profile(
        json!({"prior_tx": ["PLATINUM_CHEMO", "ICI_ADVANCED"], "last_systemic_outcome": "GREW_DURING"}),
    );
    assert_eq!(ctfi(&p), Ctfi::Unknown);
    let p = profile(
        json!({"prior_tx": ["PLATINUM_CHEMO", "ICI_ADVANCED"], "last_systemic_outcome": "GREW_DURING", "last_tx": ["PLATINUM_CHEMO", "ICI_ADVANCED"]}),
    );
    assert_eq!(ctfi(&p), Ctfi::Lt3m);
}

#[test]
fn the_last_treatment_counts_as_had() {
    let p = profile(json!({"last_tx": ["TKI:osimertinib"]}));
    assert!(treatments(&p).contains(&PriorTx::Tki(Tki::Osimertinib)));
}
