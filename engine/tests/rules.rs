//! One test per rule of §3, named after it. Each checks what the rule does on a witness profile
//! and that switching the rule off changes the result, so the test fails if the rule is removed
//! or changed. `every_rule_has_a_test` keeps the list complete.

mod common;

use common::*;
use guide_engine::{evaluate, evaluate_without, Symptom, RULES};
use serde_json::json;

macro_rules! rule_test {
    ($name:ident, $rule:literal, $profile:expr, |$e:ident| $check:block) => {
        #[test]
        fn $name() {
            let p = profile($profile);
            let $e = evaluate(&p);
            $check
            let without = evaluate_without(&p, &[$rule]);
            assert_ne!(without, $e, "{}: switching the rule off changed nothing", $rule);
        }
    };
}

// Base situations, reused with small changes.
fn nsclc(extra: serde_json::Value) -> serde_json::Value {
    let mut v = json!({
        "histology": "NSCLC_NONSQ", "sites": ["LIVER", "BONE"], "met_count": "GT5",
        "ps": "1", "biomarker_tested": "YES_TISSUE", "prior_tx": ["NONE"]
    });
    merge(&mut v, extra);
    v
}

fn sclc(extra: serde_json::Value) -> serde_json::Value {
    let mut v = json!({
        "histology": "SCLC", "sites": ["LIVER"], "met_count": "GT5", "ps": "1",
        "prior_tx": ["PLATINUM_CHEMO"], "prior_tx_setting": {"PLATINUM_CHEMO": "ADVANCED"},
        "last_systemic_outcome": "CAME_BACK_AFTER", "ctfi": "GT6M"
    });
    merge(&mut v, extra);
    v
}

fn merge(base: &mut serde_json::Value, extra: serde_json::Value) {
    for (k, v) in extra.as_object().expect("object") {
        base[k] = v.clone();
    }
}

// §3.1 Always
rule_test!(
    r_00_urgent_banner,
    "R-00",
    nsclc(json!({"symptoms": ["SEIZURE", "COUGH"]})),
    |e| {
        assert_eq!(e.urgent, vec![Symptom::Seizure]);
    }
);
rule_test!(
    r_01_supportive_always_likely,
    "R-01",
    nsclc(json!({})),
    |e| {
        expect(
            &e,
            &[
                ("PALLIATIVE_CARE", "LIKELY"),
                ("SYMPTOM_MGMT", "LIKELY"),
                ("EMOTIONAL_SUPPORT", "LIKELY"),
            ],
        );
    }
);
rule_test!(
    r_02_trials_likely_when_wanted,
    "R-02",
    nsclc(json!({"biomarkers": ["EGFR_COMMON"], "goals": "INTERESTED_IN_TRIALS"})),
    |e| {
        expect(&e, &[("TRIALS", "LIKELY"), ("EGFR_OSI", "LIKELY")]);
        assert!(rules_of(&e, "TRIALS").contains(&"R-02"));
    }
);
rule_test!(
    r_03_tumor_board_likely_with_local_option,
    "R-03",
    nsclc(
        json!({"sites": ["LOCAL"], "met_count": "NONE", "surgery_fit": "YES", "biomarkers": ["NONE_FOUND"]})
    ),
    |e| {
        expect(
            &e,
            &[
                ("SECOND_OPINION_MDT", "LIKELY"),
                ("LOC_RESECTION", "LIKELY"),
            ],
        );
    }
);
rule_test!(
    r_04_comfort_first_hospice_may,
    "R-04",
    nsclc(json!({"goals": "COMFORT_FIRST", "biomarkers": ["NONE_FOUND"]})),
    |e| {
        expect(&e, &[("BSC_HOSPICE", "MAY")]);
    }
);

// §3.2 Cancer-type gate
rule_test!(
    r_10_nsclc_drugs_not_for_sclc,
    "R-10",
    sclc(json!({})),
    |e| {
        expect(
            &e,
            &[
                ("IO_MONO", "NOT"),
                ("EGFR_OSI", "NOT"),
                ("CHEMO_DOCETAXEL_RAM", "NOT"),
            ],
        );
        assert_eq!(not_because(&e, "IO_MONO"), vec!["R-10"]);
    }
);
rule_test!(
    r_10a_transformed_egfr_osimertinib_may,
    "R-10a",
    sclc(json!({"histology": "SCLC_TRANSFORMED", "biomarkers": ["EGFR_COMMON"]})),
    |e| {
        expect(&e, &[("EGFR_OSI", "MAY"), ("EGFR_OSI_CHEMO", "NOT")]);
    }
);
rule_test!(
    r_11_sclc_options_not_for_nsclc,
    "R-11",
    nsclc(json!({"biomarkers": ["NONE_FOUND"]})),
    |e| {
        expect(
            &e,
            &[
                ("SCLC_PLAT_ETOP", "NOT"),
                ("SCLC_TARLATAMAB", "NOT"),
                ("SCLC_RT", "NOT"),
            ],
        );
    }
);
rule_test!(
    r_12_unknown_type_asks_and_headings_only,
    "R-12",
    json!({"histology": "UNKNOWN", "sites": ["LIVER"], "met_count": "GT5", "ps": "1"}),
    |e| {
        expect(
            &e,
            &[
                ("ASK_TYPE", "LIKELY"),
                ("TARGETED_FAMILY", "MAY"),
                ("IO_FAMILY", "MAY"),
                ("CHEMO_FAMILY", "MAY"),
                ("RADIATION_FAMILY", "MAY"),
                ("SURGERY_FAMILY", "MAY"),
                ("REBIOPSY_NGS", "MAY"),
                ("EGFR_OSI", "-"),
                ("IO_CHEMO", "-"),
            ],
        );
    }
);
rule_test!(
    r_13_squamous_excludes_pemetrexed_and_nonsq_labels,
    "R-13",
    nsclc(
        json!({"histology": "NSCLC_SQ", "biomarkers": ["NONE_FOUND"], "prior_tx": ["PLATINUM_CHEMO"], "prior_chemo_drugs": ["CARBOPLATIN", "GEMCITABINE"], "last_systemic_outcome": "CAME_BACK_AFTER"})
    ),
    |e| {
        expect(
            &e,
            &[
                ("CHEMO_PEMETREXED_MONO", "NOT"),
                ("CHEMO_PACLI_BEV", "NOT"),
                ("CMET_TELISO", "NOT"),
                ("HER2_ZONG", "NOT"),
            ],
        );
    }
);

// §3.3 Performance status
rule_test!(
    r_20_poor_ps_without_driver,
    "R-20",
    sclc(json!({"ps": "3"})),
    |e| {
        expect(
            &e,
            &[
                ("BSC_HOSPICE", "LIKELY"),
                ("SCLC_PLAT_ETOP", "NOT"),
                ("SCLC_TARLATAMAB", "-"),
                ("SCLC_LURBINECTEDIN", "MAY"),
            ],
        );
        assert_eq!(not_because(&e, "SCLC_PLAT_ETOP"), vec!["R-20"]);
    }
);
// D-21: without a driver class, what R-42 continues at PS 3-4 is treated as R-21 would: a
// pill at most MAY, amivantamab with lazertinib NOT (found by the property test).
rule_test!(
    r_20_poor_ps_without_driver_continued_targeted_options,
    "R-20",
    nsclc(json!({
        "ps": "3", "biomarkers": ["BRAF_OTHER"],
        "prior_tx": ["TKI:lazertinib", "TKI:osimertinib"],
        "last_tx": ["TKI:lazertinib", "TKI:osimertinib"],
        "last_systemic_outcome": "GREW_DURING", "progressing_spots": "1"
    })),
    |e| {
        expect(
            &e,
            &[
                ("EGFR_AMI_LAZ", "NOT"),
                ("EGFR_OSI", "MAY"),
                ("LOC_OLIGOPROG", "LIKELY"),
                ("BSC_HOSPICE", "LIKELY"),
            ],
        );
        assert_eq!(not_because(&e, "EGFR_AMI_LAZ"), vec!["R-20"]);
    }
);
rule_test!(
    r_21_poor_ps_with_driver_pills_may,
    "R-21",
    nsclc(json!({"ps": "4", "biomarkers": ["EGFR_COMMON"]})),
    |e| {
        // Issue 16 item 7 (D-44): the first EGFR pill stays LIKELY at PS 3-4.
        assert!(rules_of(&e, "EGFR_OSI").contains(&"R-21"));
        expect(
            &e,
            &[
                ("EGFR_OSI", "LIKELY"),
                ("EGFR_OSI_CHEMO", "NOT"),
                ("EGFR_AMI_LAZ", "NOT"),
                ("BSC_HOSPICE", "LIKELY"),
                ("EGFR_OLDER_TKI", "MAY"),
            ],
        );
    }
);
rule_test!(
    r_22_ps2_lowers_combinations,
    "R-22",
    nsclc(json!({"ps": "2", "biomarkers": ["NONE_FOUND"], "pdl1": "LT1"})),
    |e| {
        expect(&e, &[("IO_CHEMO", "MAY"), ("CHEMO_SINGLE_AGENT", "MAY")]);
        assert!(lowered_by(&e, "IO_CHEMO").contains(&"R-22"));
    }
);
rule_test!(
    r_23_unknown_ps_note,
    "R-23",
    nsclc(json!({"ps": "UNKNOWN", "biomarkers": ["NONE_FOUND"]})),
    |e| {
        assert!(e.notes.contains(&"N-9"));
        expect(&e, &[("IO_CHEMO", "LIKELY")]);
    }
);

// §3.4 Local and regional recurrence
fn local(extra: serde_json::Value) -> serde_json::Value {
    let mut v = nsclc(
        json!({"sites": ["LOCAL"], "met_count": "NONE", "biomarkers": ["NONE_FOUND"], "prior_tx": ["SURGERY"]}),
    );
    merge(&mut v, extra);
    v
}
rule_test!(
    r_30_local_fit_resection_likely,
    "R-30",
    local(json!({"surgery_fit": "YES", "ps": "0"})),
    |e| {
        expect(
            &e,
            &[
                ("LOC_RESECTION", "LIKELY"),
                ("LOC_SBRT", "MAY"),
                ("LOC_ABLATION", "MAY"),
            ],
        );
    }
);
rule_test!(
    r_31_local_unfit_sbrt_likely,
    "R-31",
    local(json!({"surgery_fit": "NO"})),
    |e| {
        expect(
            &e,
            &[
                ("LOC_SBRT", "LIKELY"),
                ("LOC_ABLATION", "MAY"),
                ("LOC_RESECTION", "-"),
            ],
        );
    }
);
rule_test!(
    r_31_unsure_fit_resection_may,
    "R-31",
    local(json!({"surgery_fit": "UNKNOWN"})),
    |e| {
        expect(&e, &[("LOC_SBRT", "LIKELY"), ("LOC_RESECTION", "MAY")]);
        assert!(e.questions.contains(&"surgery_fit"));
    }
);
rule_test!(
    r_32_nodes_chemoradiation_likely,
    "R-32",
    local(json!({"sites": ["REGIONAL_NODES"], "surgery_fit": "YES"})),
    |e| {
        expect(&e, &[("LOC_CHEMORT", "LIKELY"), ("LOC_RESECTION", "MAY")]);
    }
);
rule_test!(
    r_33_prior_chest_radiation,
    "R-33",
    local(
        json!({"sites": ["REGIONAL_NODES"], "prior_tx": ["CHEST_RT", "PLATINUM_CHEMO"], "prior_tx_setting": {"PLATINUM_CHEMO": "ADJUVANT"}})
    ),
    |e| {
        expect(&e, &[("LOC_REIRRADIATION", "MAY"), ("LOC_CHEMORT", "MAY")]);
        assert!(lowered_by(&e, "LOC_CHEMORT").contains(&"R-33"));
    }
);
rule_test!(
    r_34_local_caps_systemic_and_rebiopsy,
    "R-34",
    local(json!({"biomarkers": ["EGFR_COMMON"], "surgery_fit": "NO"})),
    |e| {
        expect(&e, &[("EGFR_OSI", "MAY"), ("REBIOPSY_NGS", "LIKELY")]);
        assert!(lowered_by(&e, "EGFR_OSI").contains(&"R-34"));
    }
);
rule_test!(
    r_35_single_new_lung_spot,
    "R-35",
    nsclc(
        json!({"sites": ["LUNG_OTHER"], "met_count": "1", "surgery_fit": "YES", "ps": "0", "biomarkers": ["NONE_FOUND"]})
    ),
    |e| {
        expect(&e, &[("LOC_RESECTION", "MAY"), ("REBIOPSY_NGS", "LIKELY")]);
    }
);
rule_test!(
    r_36_local_palliative_trace,
    "R-36",
    local(json!({"surgery_fit": "NO"})),
    |e| {
        assert!(rules_of(&e, "PALLIATIVE_CARE").contains(&"R-36"));
        expect(&e, &[("BSC_HOSPICE", "-")]);
    }
);
rule_test!(
    r_37_sclc_chest_only_radiation,
    "R-37",
    sclc(json!({"sites": ["REGIONAL_NODES"], "met_count": "NONE"})),
    |e| {
        expect(&e, &[("SCLC_RT", "MAY")]);
    }
);

// §3.5 Oligometastatic
fn oligo(extra: serde_json::Value) -> serde_json::Value {
    let mut v = nsclc(
        json!({"sites": ["BONE", "ADRENAL"], "met_count": "2_3", "organ_count": "2", "biomarkers": ["NONE_FOUND"]}),
    );
    merge(&mut v, extra);
    v
}
rule_test!(
    r_40_oligo_consolidative_may,
    "R-40",
    oligo(json!({})),
    |e| {
        // Issue 15/16 item 10 (D-32): MAY after NRG-LU002, no longer LIKELY.
        expect(&e, &[("LOC_CONSOLIDATIVE", "MAY")]);
    }
);
// R-40 does not fire during oligoprogression on a pill (R-42 gives LOC_OLIGOPROG) (D-32).
rule_test!(
    r_40_not_during_oligoprogression,
    "R-42",
    oligo(
        json!({"biomarkers": ["ALK"], "prior_tx": ["TKI:alectinib"], "last_systemic_outcome": "GREW_DURING", "progressing_spots": "1"})
    ),
    |e| {
        expect(&e, &[("LOC_OLIGOPROG", "LIKELY")]);
        assert_eq!(level(&e, "LOC_CONSOLIDATIVE"), "-");
        let without_check = evaluate(&profile(oligo(
            json!({"biomarkers": ["ALK"], "prior_tx": ["TKI:alectinib"], "last_systemic_outcome": "GREW_DURING", "progressing_spots": "MORE"}),
        )));
        assert_eq!(level(&without_check, "LOC_CONSOLIDATIVE"), "MAY");
    }
);
rule_test!(
    r_41_oligo_ps2_consolidative_may,
    "R-41",
    oligo(json!({"ps": "2"})),
    |e| {
        expect(&e, &[("LOC_CONSOLIDATIVE", "MAY")]);
    }
);
fn oligoprog() -> serde_json::Value {
    nsclc(
        json!({"biomarkers": ["EGFR_COMMON"], "prior_tx": ["TKI:osimertinib"], "last_systemic_outcome": "GREW_DURING",
        "last_tx": ["TKI:osimertinib"], "progressing_spots": "1", "tested_since_recurrence": "YES"}),
    )
}
rule_test!(r_42_oligoprogression, "R-42", oligoprog(), |e| {
    expect(
        &e,
        &[
            ("LOC_OLIGOPROG", "LIKELY"),
            ("EGFR_OSI", "LIKELY"),
            ("EGFR_AMI_CHEMO", "MAY"),
            ("CHEMO_PLATINUM_DOUBLET", "MAY"),
        ],
    );
    assert!(lowered_by(&e, "EGFR_AMI_CHEMO").contains(&"R-42"));
});
rule_test!(
    r_43_sclc_oligo_no_consolidation,
    "R-43",
    sclc(json!({"sites": ["BONE"], "met_count": "1", "organ_count": "1"})),
    |e| {
        expect(&e, &[("LOC_CONSOLIDATIVE", "NOT"), ("PALL_RT", "MAY")]);
    }
);

// §3.6 Brain
rule_test!(
    r_50_few_brain_spots_srs,
    "R-50",
    nsclc(json!({"biomarkers": ["NONE_FOUND"], "brain": "ASYMPTOMATIC", "brain_count": "1_4"})),
    |e| {
        expect(&e, &[("BRAIN_SRS", "LIKELY")]);
    }
);
rule_test!(
    r_51_five_to_ten_brain_spots,
    "R-51",
    nsclc(json!({"biomarkers": ["NONE_FOUND"], "brain": "ASYMPTOMATIC", "brain_count": "5_10"})),
    |e| {
        expect(&e, &[("BRAIN_SRS", "MAY"), ("BRAIN_WBRT", "MAY")]);
    }
);
rule_test!(
    r_52_many_brain_spots_wbrt,
    "R-52",
    nsclc(json!({"biomarkers": ["NONE_FOUND"], "brain": "SYMPTOMATIC", "brain_count": "GT10"})),
    |e| {
        expect(&e, &[("BRAIN_WBRT", "LIKELY")]);
    }
);
rule_test!(
    r_53_symptomatic_brain_surgery,
    "R-53",
    nsclc(json!({"biomarkers": ["NONE_FOUND"], "brain": "SYMPTOMATIC", "brain_count": "1_4"})),
    |e| {
        expect(&e, &[("BRAIN_SURGERY", "MAY"), ("BRAIN_SRS", "LIKELY")]);
    }
);
rule_test!(
    r_54_brain_active_pill_caps_srs,
    "R-54",
    nsclc(json!({"biomarkers": ["EGFR_COMMON"], "brain": "ASYMPTOMATIC", "brain_count": "1_4"})),
    |e| {
        expect(&e, &[("BRAIN_SRS", "MAY"), ("EGFR_OSI", "LIKELY")]);
    }
);
rule_test!(
    r_55_sclc_brain_wbrt,
    "R-55",
    sclc(json!({"brain": "ASYMPTOMATIC", "brain_count": "1_4"})),
    |e| {
        expect(
            &e,
            &[
                ("BRAIN_WBRT", "LIKELY"),
                ("BRAIN_SRS", "MAY"),
                ("SCLC_OTHER_CHEMO", "MAY"),
            ],
        );
    }
);

// §3.7 Symptoms
rule_test!(
    r_60_bone_pain,
    "R-60",
    nsclc(json!({"biomarkers": ["NONE_FOUND"], "symptoms": ["BONE_PAIN"]})),
    |e| {
        expect(&e, &[("PALL_RT", "LIKELY"), ("BONE_AGENT", "MAY")]);
    }
);
rule_test!(
    r_61_blood_streaks_airway,
    "R-61",
    nsclc(json!({"biomarkers": ["NONE_FOUND"], "symptoms": ["COUGHING_BLOOD_STREAKS"]})),
    |e| {
        expect(
            &e,
            &[("AIRWAY_INTERVENTION", "LIKELY"), ("PALL_RT", "LIKELY")],
        );
        assert!(e.urgent.is_empty());
    }
);
rule_test!(
    r_62_pleural_fluid_drainage,
    "R-62",
    nsclc(json!({"biomarkers": ["NONE_FOUND"], "symptoms": ["FLUID_AROUND_LUNG_KNOWN"]})),
    |e| {
        expect(&e, &[("PLEURAL_PROCEDURE", "LIKELY")]);
    }
);
rule_test!(
    r_63_svc_radiation,
    "R-63",
    nsclc(json!({"sites": ["LIVER"], "biomarkers": ["NONE_FOUND"], "symptoms": ["SVC_SIGNS"]})),
    |e| {
        expect(&e, &[("PALL_RT", "LIKELY")]);
        assert_eq!(e.urgent, vec![Symptom::SvcSigns]);
    }
);
rule_test!(
    r_63_svc_sclc_chest_radiation,
    "R-63",
    sclc(json!({"symptoms": ["SVC_SIGNS"]})),
    |e| {
        expect(&e, &[("SCLC_RT", "MAY")]);
    }
);

// §3.8 NSCLC general
rule_test!(
    r_70_systemic_backbone_trace,
    "R-70",
    nsclc(json!({"biomarkers": ["NONE_FOUND"]})),
    |e| {
        assert!(rules_of(&e, "IO_CHEMO").contains(&"R-70"));
    }
);
rule_test!(
    r_71_untested_rebiopsy,
    "R-71",
    nsclc(json!({"biomarker_tested": "NO"})),
    |e| {
        expect(&e, &[("REBIOPSY_NGS", "LIKELY")]);
        // Not tested: the flow does not ask for results, so the results are not a question to
        // ask either (the re-biopsy card carries the testing conversation).
        assert!(!e.questions.contains(&"biomarkers"));
    }
);
rule_test!(
    r_71_blood_only_negative_rebiopsy,
    "R-71",
    nsclc(json!({"biomarker_tested": "YES_BLOOD", "biomarkers": ["NONE_FOUND"]})),
    |e| {
        expect(&e, &[("REBIOPSY_NGS", "LIKELY")]);
    }
);
rule_test!(
    r_72_untested_caps_systemic,
    "R-72",
    nsclc(json!({"biomarker_tested": "NO", "pdl1": "GE50"})),
    |e| {
        expect(&e, &[("IO_MONO", "MAY"), ("TARGETED_FAMILY", "MAY")]);
        assert!(lowered_by(&e, "IO_MONO").contains(&"R-72"));
        assert!(e.notes.contains(&"N-6"));
    }
);

// §3.9 Drivers
rule_test!(
    r_80_egfr_no_single_agent_io,
    "R-80",
    nsclc(json!({"biomarkers": ["EGFR_COMMON"], "pdl1": "GE50"})),
    |e| {
        expect(&e, &[("IO_MONO", "NOT"), ("IO_NIVO_IPI", "NOT")]);
        assert_eq!(not_because(&e, "IO_MONO"), vec!["R-80"]);
    }
);
rule_test!(
    r_81_alk_io_not_before_pill,
    "R-81",
    nsclc(json!({"biomarkers": ["ALK"]})),
    |e| {
        expect(
            &e,
            &[
                ("IO_MONO", "NOT"),
                ("IO_CHEMO", "NOT"),
                ("ALK_TKI", "LIKELY"),
            ],
        );
    }
);
rule_test!(
    r_82_braf_after_pill_io_may,
    "R-82",
    nsclc(
        json!({"biomarkers": ["BRAF_V600E"], "pdl1": "GE50", "prior_tx": ["TKI:dabrafenib+trametinib"]})
    ),
    |e| {
        expect(
            &e,
            &[("IO_CHEMO", "MAY"), ("IO_MONO", "MAY"), ("BRAF_DT", "-")],
        );
    }
);
rule_test!(
    r_90_egfr_first_pill,
    "R-90",
    nsclc(json!({"biomarkers": ["EGFR_COMMON"]})),
    |e| {
        expect(
            &e,
            &[
                ("EGFR_OSI", "LIKELY"),
                ("EGFR_OSI_CHEMO", "LIKELY"),
                ("EGFR_AMI_LAZ", "LIKELY"),
                ("EGFR_OLDER_TKI", "MAY"),
            ],
        );
    }
);
rule_test!(
    r_91_t790m_after_erlotinib,
    "R-91",
    nsclc(
        json!({"biomarkers": ["EGFR_COMMON", "EGFR_T790M"], "prior_tx": ["TKI:erlotinib"], "last_systemic_outcome": "GREW_DURING", "tested_since_recurrence": "YES"})
    ),
    |e| {
        expect(&e, &[("EGFR_OSI", "LIKELY"), ("EGFR_OLDER_TKI", "NOT")]);
    }
);
rule_test!(r_92_after_osimertinib, "R-92", oligoprog_wide(), |e| {
    expect(
        &e,
        &[
            ("EGFR_AMI_CHEMO", "LIKELY"),
            ("CHEMO_PLATINUM_DOUBLET", "LIKELY"),
            ("REBIOPSY_NGS", "LIKELY"),
            ("EGFR_OSI", "NOT"),
        ],
    );
});
fn oligoprog_wide() -> serde_json::Value {
    let mut v = oligoprog();
    v["progressing_spots"] = json!("MORE");
    v
}
rule_test!(
    r_93_after_pill_and_platinum_dato,
    "R-93",
    nsclc(
        json!({"biomarkers": ["EGFR_COMMON"], "prior_tx": ["TKI:osimertinib", "PLATINUM_CHEMO"], "last_systemic_outcome": "GREW_DURING", "last_tx": ["PLATINUM_CHEMO"]})
    ),
    |e| {
        expect(
            &e,
            &[
                ("EGFR_DATO", "LIKELY"),
                ("CHEMO_DOCETAXEL_RAM", "MAY"),
                ("TRIALS", "LIKELY"),
            ],
        );
    }
);
rule_test!(
    r_94_met_amplification_after_egfr_pill,
    "R-94",
    nsclc(
        json!({"biomarkers": ["EGFR_COMMON", "MET_AMP"], "prior_tx": ["TKI:osimertinib"], "last_systemic_outcome": "GREW_DURING"})
    ),
    |e| {
        expect(
            &e,
            &[
                ("TRIALS", "LIKELY"),
                ("MET_EX14", "MAY"),
                ("EGFR_AMI_CHEMO", "LIKELY"),
            ],
        );
        assert!(rules_of(&e, "TRIALS").contains(&"R-94"));
    }
);
rule_test!(
    r_95_transformed_sclc,
    "R-95",
    sclc(
        json!({"histology": "SCLC_TRANSFORMED", "biomarkers": ["EGFR_COMMON"], "prior_tx": ["TKI:osimertinib", "PLATINUM_CHEMO"], "last_tx": ["PLATINUM_CHEMO"]})
    ),
    |e| {
        expect(
            &e,
            &[("SCLC_PLAT_ETOP", "LIKELY"), ("SCLC_TARLATAMAB", "MAY")],
        );
    }
);
rule_test!(
    r_96_egfr_oligoprogression_pointer,
    "R-96",
    oligoprog(),
    |e| {
        assert!(rules_of(&e, "LOC_OLIGOPROG").contains(&"R-96"));
    }
);
rule_test!(
    r_97_after_adjuvant_osimertinib,
    "R-97",
    nsclc(
        json!({"biomarkers": ["EGFR_COMMON"], "prior_tx": ["SURGERY", "TKI:osimertinib"], "prior_tx_setting": {"TKI:osimertinib": "ADJUVANT"}, "adjuvant_interval": "GT12M", "last_systemic_outcome": "CAME_BACK_AFTER"})
    ),
    |e| {
        // Issue 16 item 9 / issue 9 (D-36): osimertinib again LIKELY after more than 12 months;
        // a new biopsy LIKELY.
        expect(
            &e,
            &[
                ("EGFR_OSI", "LIKELY"),
                ("EGFR_OSI_CHEMO", "MAY"),
                ("EGFR_AMI_LAZ", "MAY"),
                ("REBIOPSY_NGS", "LIKELY"),
            ],
        );
    }
);
// R-97 under 12 months: every option MAY, the new biopsy LIKELY (D-36; it was MAY).
rule_test!(
    r_97_biopsy_likely_within_12_months,
    "R-97",
    nsclc(
        json!({"biomarkers": ["EGFR_COMMON"], "prior_tx": ["SURGERY", "TKI:osimertinib"], "prior_tx_setting": {"TKI:osimertinib": "ADJUVANT"}, "adjuvant_interval": "LT12M", "last_systemic_outcome": "CAME_BACK_AFTER"})
    ),
    |e| {
        expect(
            &e,
            &[
                ("EGFR_OSI", "MAY"),
                ("CHEMO_PLATINUM_DOUBLET", "MAY"),
                ("REBIOPSY_NGS", "LIKELY"),
            ],
        );
        assert!(rules_of(&e, "REBIOPSY_NGS").contains(&"R-97"));
    }
);
rule_test!(
    r_97_during_adjuvant_counts_as_progression,
    "R-97",
    nsclc(
        json!({"biomarkers": ["EGFR_COMMON"], "prior_tx": ["TKI:osimertinib"], "prior_tx_setting": {"TKI:osimertinib": "ADJUVANT"}, "adjuvant_interval": "DURING"})
    ),
    |e| {
        expect(&e, &[("EGFR_AMI_CHEMO", "LIKELY"), ("EGFR_OSI", "NOT")]);
        assert!(rules_of(&e, "EGFR_AMI_CHEMO").contains(&"R-97"));
    }
);
rule_test!(
    r_98_egfr_unsure_type,
    "R-98",
    nsclc(json!({"biomarkers": ["EGFR_UNSURE_TYPE"]})),
    |e| {
        expect(
            &e,
            &[
                ("ASK_EGFR_TYPE", "LIKELY"),
                ("EGFR_FAMILY", "MAY"),
                ("EGFR_OSI", "-"),
                ("IO_MONO", "NOT"),
            ],
        );
    }
);
rule_test!(
    r_100_exon20_first,
    "R-100",
    nsclc(json!({"biomarkers": ["EGFR_EX20INS"]})),
    |e| {
        expect(&e, &[("EGFR_EX20_AMI_CHEMO", "LIKELY")]);
    }
);
rule_test!(
    r_101_exon20_after_platinum,
    "R-101",
    nsclc(
        json!({"biomarkers": ["EGFR_EX20INS"], "prior_tx": ["PLATINUM_CHEMO"], "last_systemic_outcome": "GREW_DURING"})
    ),
    |e| {
        expect(
            &e,
            &[
                ("EGFR_EX20_AMI", "LIKELY"),
                ("EGFR_EX20_SUNVO", "LIKELY"),
                ("CHEMO_DOCETAXEL_RAM", "MAY"),
            ],
        );
    }
);
rule_test!(
    r_102_exon20_standard_pills_not,
    "R-102",
    nsclc(json!({"biomarkers": ["EGFR_EX20INS"]})),
    |e| {
        expect(
            &e,
            &[
                ("EGFR_OSI", "NOT"),
                ("EGFR_OLDER_TKI", "NOT"),
                ("EGFR_AMI_LAZ", "NOT"),
            ],
        );
    }
);
rule_test!(
    r_105_uncommon_egfr,
    "R-105",
    nsclc(json!({"biomarkers": ["EGFR_UNCOMMON"]})),
    |e| {
        expect(&e, &[("EGFR_UNCOMMON", "LIKELY")]);
    }
);
rule_test!(
    r_105_uncommon_after_pill_chemo,
    "R-105",
    nsclc(
        json!({"biomarkers": ["EGFR_UNCOMMON"], "prior_tx": ["TKI:afatinib"], "last_systemic_outcome": "GREW_DURING"})
    ),
    |e| {
        expect(&e, &[("CHEMO_PLATINUM_DOUBLET", "LIKELY")]);
    }
);
rule_test!(
    r_110_alk_first_pill,
    "R-110",
    nsclc(json!({"biomarkers": ["ALK"]})),
    |e| {
        expect(&e, &[("ALK_TKI", "LIKELY")]);
    }
);
rule_test!(
    r_111_alk_after_alectinib,
    "R-111",
    nsclc(
        json!({"biomarkers": ["ALK"], "prior_tx": ["TKI:alectinib"], "last_systemic_outcome": "GREW_DURING"})
    ),
    |e| {
        expect(
            &e,
            &[
                ("ALK_AFTER", "LIKELY"),
                ("ALK_TKI", "NOT"),
                ("CHEMO_PLATINUM_DOUBLET", "MAY"),
            ],
        );
    }
);
rule_test!(
    r_111b_alk_after_crizotinib,
    "R-111b",
    nsclc(
        json!({"biomarkers": ["ALK"], "prior_tx": ["TKI:crizotinib"], "last_systemic_outcome": "GREW_DURING"})
    ),
    |e| {
        expect(&e, &[("ALK_TKI", "LIKELY"), ("REBIOPSY_NGS", "LIKELY")]);
    }
);
rule_test!(
    r_112_alk_after_lorlatinib,
    "R-112",
    nsclc(
        json!({"biomarkers": ["ALK"], "prior_tx": ["TKI:alectinib", "TKI:lorlatinib"], "last_systemic_outcome": "GREW_DURING", "last_tx": ["TKI:lorlatinib"]})
    ),
    |e| {
        expect(
            &e,
            &[
                ("CHEMO_PLATINUM_DOUBLET", "LIKELY"),
                ("TRIALS", "LIKELY"),
                ("ALK_AFTER", "NOT"),
            ],
        );
    }
);
rule_test!(
    r_115_ros1_first_pill,
    "R-115",
    nsclc(json!({"biomarkers": ["ROS1"]})),
    |e| {
        expect(&e, &[("ROS1_TKI", "LIKELY")]);
    }
);
rule_test!(
    r_116_ros1_after_crizotinib,
    "R-116",
    nsclc(
        json!({"biomarkers": ["ROS1"], "prior_tx": ["TKI:crizotinib"], "last_systemic_outcome": "GREW_DURING"})
    ),
    |e| {
        expect(
            &e,
            &[
                ("ROS1_TKI", "LIKELY"),
                ("CHEMO_PLATINUM_DOUBLET", "MAY"),
                ("ALK_TKI", "-"),
            ],
        );
    }
);
rule_test!(
    r_120_braf_v600e,
    "R-120",
    nsclc(json!({"biomarkers": ["BRAF_V600E"]})),
    |e| {
        expect(
            &e,
            &[
                ("BRAF_DT", "LIKELY"),
                ("BRAF_EB", "LIKELY"),
                ("IO_CHEMO", "MAY"),
            ],
        );
    }
);
rule_test!(
    r_121_braf_other_not,
    "R-121",
    nsclc(json!({"biomarkers": ["BRAF_OTHER"]})),
    |e| {
        expect(
            &e,
            &[
                ("BRAF_DT", "NOT"),
                ("BRAF_EB", "NOT"),
                ("IO_CHEMO", "LIKELY"),
            ],
        );
    }
);
rule_test!(
    r_125_kras_g12c_after_treatment,
    "R-125",
    nsclc(
        json!({"biomarkers": ["KRAS_G12C"], "prior_tx": ["PLATINUM_CHEMO", "ICI_ADVANCED"], "last_systemic_outcome": "CAME_BACK_AFTER", "ici_interval": "M6_12"})
    ),
    |e| {
        expect(
            &e,
            &[("KRAS_G12C", "LIKELY"), ("CHEMO_DOCETAXEL_RAM", "MAY")],
        );
    }
);
rule_test!(
    r_126_kras_g12c_first_line,
    "R-126",
    nsclc(json!({"biomarkers": ["KRAS_G12C"], "pdl1": "LT1"})),
    |e| {
        expect(&e, &[("KRAS_G12C", "MAY"), ("IO_CHEMO", "LIKELY")]);
    }
);
rule_test!(
    r_127_kras_other_not,
    "R-127",
    nsclc(json!({"biomarkers": ["KRAS_OTHER"]})),
    |e| {
        expect(&e, &[("KRAS_G12C", "NOT")]);
    }
);
rule_test!(
    r_130_met_exon14,
    "R-130",
    nsclc(json!({"biomarkers": ["MET_EX14"]})),
    |e| {
        expect(&e, &[("MET_EX14", "LIKELY")]);
    }
);
rule_test!(
    r_131_cmet_protein_teliso,
    "R-131",
    nsclc(
        json!({"biomarkers": ["CMET_IHC_HIGH"], "prior_tx": ["PLATINUM_CHEMO", "ICI_ADVANCED"], "last_systemic_outcome": "GREW_DURING", "last_tx": ["PLATINUM_CHEMO", "ICI_ADVANCED"]})
    ),
    |e| {
        expect(&e, &[("CMET_TELISO", "LIKELY")]);
    }
);
rule_test!(
    r_132_met_amp_only_trials,
    "R-132",
    nsclc(json!({"biomarkers": ["MET_AMP"], "pdl1": "LT1"})),
    |e| {
        expect(
            &e,
            &[
                ("TRIALS", "LIKELY"),
                ("MET_EX14", "-"),
                ("IO_CHEMO", "LIKELY"),
            ],
        );
    }
);
rule_test!(
    r_135_ret,
    "R-135",
    nsclc(json!({"biomarkers": ["RET"]})),
    |e| {
        expect(&e, &[("RET_TKI", "LIKELY"), ("IO_MONO", "NOT")]);
    }
);
rule_test!(
    r_136_ntrk,
    "R-136",
    nsclc(json!({"biomarkers": ["NTRK"]})),
    |e| {
        expect(&e, &[("NTRK_TKI", "LIKELY")]);
    }
);
rule_test!(
    r_137_nrg1_after_treatment,
    "R-137",
    nsclc(
        json!({"biomarkers": ["NRG1"], "prior_tx": ["PLATINUM_CHEMO"], "last_systemic_outcome": "CAME_BACK_AFTER"})
    ),
    |e| {
        expect(&e, &[("NRG1_ZENO", "LIKELY")]);
    }
);
rule_test!(
    r_138_her2_first_line,
    "R-138",
    nsclc(json!({"biomarkers": ["HER2_MUT"]})),
    |e| {
        expect(
            &e,
            &[
                ("HER2_ZONG", "LIKELY"),
                ("HER2_TDXD", "MAY"),
                ("HER2_SEVA", "MAY"),
                // Issue 16 item 12 (D-38): was MAY.
                ("IO_CHEMO", "LIKELY"),
            ],
        );
    }
);
rule_test!(
    r_139_her2_after_treatment,
    "R-139",
    nsclc(
        json!({"biomarkers": ["HER2_MUT"], "prior_tx": ["PLATINUM_CHEMO"], "last_systemic_outcome": "CAME_BACK_AFTER"})
    ),
    |e| {
        expect(
            &e,
            &[
                ("HER2_TDXD", "LIKELY"),
                ("HER2_ZONG", "LIKELY"),
                ("HER2_SEVA", "LIKELY"),
            ],
        );
    }
);
rule_test!(
    r_140_her2_protein,
    "R-140",
    nsclc(
        json!({"biomarkers": ["HER2_IHC3"], "prior_tx": ["PLATINUM_CHEMO"], "last_systemic_outcome": "CAME_BACK_AFTER"})
    ),
    |e| {
        expect(&e, &[("HER2_TDXD", "MAY")]);
    }
);
rule_test!(
    r_141_msi_high,
    "R-141",
    nsclc(
        json!({"biomarkers": ["MSI_H_DMMR"], "prior_tx": ["PLATINUM_CHEMO"], "last_systemic_outcome": "CAME_BACK_AFTER"})
    ),
    |e| {
        expect(&e, &[("AGNOSTIC_IO", "MAY")]);
    }
);

// §3.10 No driver
fn nodriver(extra: serde_json::Value) -> serde_json::Value {
    let mut v = nsclc(json!({"biomarkers": ["NONE_FOUND"]}));
    merge(&mut v, extra);
    v
}
rule_test!(
    r_150_pdl1_high_io_alone,
    "R-150",
    nodriver(json!({"pdl1": "GE50"})),
    |e| {
        expect(
            &e,
            &[
                ("IO_MONO", "LIKELY"),
                ("IO_CHEMO", "MAY"),
                ("IO_NIVO_IPI", "MAY"),
            ],
        );
    }
);
rule_test!(
    r_151_pdl1_low_chemo_io,
    "R-151",
    nodriver(json!({"pdl1": "1_49"})),
    |e| {
        expect(
            &e,
            &[
                ("IO_CHEMO", "LIKELY"),
                ("IO_NIVO_IPI", "MAY"),
                ("IO_MONO", "MAY"),
            ],
        );
    }
);
rule_test!(
    r_152_after_platinum_io_alone,
    "R-152",
    nodriver(json!({"prior_tx": ["PLATINUM_CHEMO"], "last_systemic_outcome": "CAME_BACK_AFTER"})),
    |e| {
        expect(&e, &[("IO_MONO", "LIKELY"), ("CHEMO_DOCETAXEL_RAM", "MAY")]);
    }
);
rule_test!(
    r_153_grew_on_io,
    "R-153",
    nodriver(
        json!({"prior_tx": ["PLATINUM_CHEMO", "ICI_ADVANCED"], "last_systemic_outcome": "GREW_DURING", "last_tx": ["ICI_ADVANCED"]})
    ),
    |e| {
        expect(
            &e,
            &[
                ("CHEMO_DOCETAXEL_RAM", "LIKELY"),
                ("CHEMO_PACLI_BEV", "MAY"),
                ("IO_MONO", "NOT"),
                ("TRIALS", "LIKELY"),
            ],
        );
    }
);
rule_test!(
    r_153_io_alone_then_platinum,
    "R-153",
    nodriver(
        json!({"prior_tx": ["ICI_ADVANCED"], "ici_interval": "ON_ICI", "last_systemic_outcome": "GREW_DURING"})
    ),
    |e| {
        expect(
            &e,
            &[
                ("CHEMO_PLATINUM_DOUBLET", "LIKELY"),
                ("CHEMO_DOCETAXEL_RAM", "LIKELY"),
            ],
        );
    }
);
rule_test!(
    r_154_io_long_ago,
    "R-154",
    nodriver(
        json!({"prior_tx": ["SURGERY", "ICI_PERIOP"], "ici_interval": "GT12M", "last_systemic_outcome": "CAME_BACK_AFTER"})
    ),
    |e| {
        expect(
            &e,
            &[("CHEMO_PLATINUM_DOUBLET", "LIKELY"), ("IO_CHEMO", "MAY")],
        );
    }
);
rule_test!(
    r_155_io_6_to_12_months,
    "R-155",
    nodriver(
        json!({"prior_tx": ["SURGERY", "ICI_PERIOP"], "ici_interval": "M6_12", "last_systemic_outcome": "CAME_BACK_AFTER"})
    ),
    |e| {
        expect(
            &e,
            &[("CHEMO_PLATINUM_DOUBLET", "LIKELY"), ("IO_CHEMO", "MAY")],
        );
    }
);
rule_test!(
    r_156_adjuvant_platinum_long_ago,
    "R-156",
    nodriver(
        json!({"prior_tx": ["SURGERY", "PLATINUM_CHEMO"], "prior_tx_setting": {"PLATINUM_CHEMO": "ADJUVANT"}, "adjuvant_interval": "GT12M", "pdl1": "GE50"})
    ),
    |e| {
        expect(
            &e,
            &[("CHEMO_PLATINUM_DOUBLET", "MAY"), ("IO_MONO", "LIKELY")],
        );
    }
);
rule_test!(
    r_157_squamous_regimens_trace,
    "R-157",
    nodriver(json!({"histology": "NSCLC_SQ"})),
    |e| {
        assert!(rules_of(&e, "IO_CHEMO").contains(&"R-157"));
    }
);
rule_test!(
    r_158_pemetrexed_alone,
    "R-158",
    nodriver(
        json!({"prior_tx": ["PLATINUM_CHEMO"], "prior_chemo_drugs": ["CARBOPLATIN", "PACLITAXEL"], "last_systemic_outcome": "CAME_BACK_AFTER"})
    ),
    |e| {
        expect(&e, &[("CHEMO_PEMETREXED_MONO", "MAY")]);
    }
);
rule_test!(
    r_159_grew_on_io_any_driver,
    "R-159",
    nsclc(
        json!({"biomarkers": ["ALK"], "prior_tx": ["TKI:alectinib", "ICI_ADVANCED"], "ici_interval": "LT6M"})
    ),
    |e| {
        expect(
            &e,
            &[
                ("IO_MONO", "NOT"),
                ("IO_CHEMO", "NOT"),
                ("IO_NIVO_IPI", "NOT"),
            ],
        );
        assert_eq!(not_because(&e, "IO_MONO"), vec!["R-159"]);
    }
);
rule_test!(
    r_159b_driver_after_platinum_and_pill,
    "R-159b",
    nsclc(
        json!({"biomarkers": ["ALK"], "prior_tx": ["TKI:alectinib", "PLATINUM_CHEMO"], "last_systemic_outcome": "CAME_BACK_AFTER", "last_tx": ["PLATINUM_CHEMO"]})
    ),
    |e| {
        expect(&e, &[("CHEMO_DOCETAXEL_RAM", "MAY"), ("TRIALS", "LIKELY")]);
    }
);

// §3.11 Small cell
rule_test!(
    r_169_sclc_no_prior_platinum,
    "R-169",
    sclc(json!({"prior_tx": ["NONE"]})),
    |e| {
        expect(
            &e,
            &[("SCLC_PLAT_ETOP", "LIKELY"), ("SCLC_TARLATAMAB", "-")],
        );
    }
);
rule_test!(r_170_sclc_tarlatamab, "R-170", sclc(json!({})), |e| {
    expect(&e, &[("SCLC_TARLATAMAB", "LIKELY")]);
    assert!(e.notes.contains(&"N-4"));
});
rule_test!(
    r_171_sclc_sensitive_rechallenge,
    "R-171",
    sclc(json!({})),
    |e| {
        expect(
            &e,
            &[
                ("SCLC_PLAT_ETOP", "LIKELY"),
                ("SCLC_LURBINECTEDIN", "MAY"),
                ("SCLC_TOPOTECAN", "MAY"),
            ],
        );
    }
);
rule_test!(
    r_172_sclc_3_to_6_months,
    "R-172",
    sclc(json!({"ctfi": "M3_6"})),
    |e| {
        expect(
            &e,
            &[("SCLC_PLAT_ETOP", "MAY"), ("SCLC_OTHER_CHEMO", "MAY")],
        );
    }
);
rule_test!(
    r_173_sclc_refractory,
    "R-173",
    sclc(json!({"ctfi": "LT3M"})),
    |e| {
        expect(
            &e,
            &[
                ("SCLC_PLAT_ETOP", "NOT"),
                ("SCLC_LURBINECTEDIN", "MAY"),
                ("TRIALS", "LIKELY"),
            ],
        );
    }
);
rule_test!(
    r_173_refractory_from_growth_on_platinum,
    "R-173",
    sclc(
        json!({"ctfi": null, "last_systemic_outcome": "GREW_DURING", "last_tx": ["PLATINUM_CHEMO"]})
    ),
    |e| {
        expect(&e, &[("SCLC_PLAT_ETOP", "NOT")]);
    }
);
rule_test!(
    r_174_sclc_interval_unknown,
    "R-174",
    sclc(json!({"ctfi": "UNKNOWN", "ps": "2"})),
    |e| {
        expect(
            &e,
            &[
                ("SCLC_TARLATAMAB", "LIKELY"),
                ("SCLC_PLAT_ETOP", "MAY"),
                ("SCLC_TOPOTECAN", "MAY"),
            ],
        );
        assert!(e.questions.contains(&"ctfi"));
    }
);
rule_test!(
    r_175_sclc_after_io_not,
    "R-175",
    sclc(json!({"prior_tx": ["PLATINUM_CHEMO", "ICI_ADVANCED"]})),
    |e| {
        expect(&e, &[("SCLC_ICI_NAIVE", "NOT")]);
    }
);
rule_test!(r_175_sclc_never_io_may, "R-175", sclc(json!({})), |e| {
    expect(&e, &[("SCLC_ICI_NAIVE", "MAY")]);
});
rule_test!(
    r_176_sclc_after_tarlatamab,
    "R-176",
    sclc(json!({"prior_tx": ["PLATINUM_CHEMO", "TARLATAMAB"]})),
    |e| {
        expect(&e, &[("SCLC_TARLATAMAB", "NOT")]);
    }
);
rule_test!(
    r_177_sclc_poor_ps_pointer,
    "R-177",
    sclc(json!({"ps": "4"})),
    |e| {
        assert!(rules_of(&e, "BSC_HOSPICE").contains(&"R-177"));
    }
);
rule_test!(r_178_trilaciclib, "R-178", sclc(json!({})), |e| {
    expect(&e, &[("TRILACICLIB", "MAY")]);
});

// §3.12 Resistance and re-challenge
rule_test!(
    r_180_grew_on_pill_rebiopsy,
    "R-180",
    nsclc(
        json!({"biomarkers": ["RET"], "prior_tx": ["TKI:selpercatinib"], "last_systemic_outcome": "GREW_DURING", "tested_since_recurrence": "YES"})
    ),
    |e| {
        expect(&e, &[("REBIOPSY_NGS", "LIKELY"), ("RET_TKI", "NOT")]);
    }
);
rule_test!(
    r_181_stopped_for_side_effects_rechallenge,
    "R-181",
    nsclc(
        json!({"biomarkers": ["ALK"], "prior_tx": ["TKI:alectinib"], "last_systemic_outcome": "STOPPED_SIDE_EFFECTS"})
    ),
    |e| {
        expect(&e, &[("ALK_TKI", "MAY")]);
    }
);
rule_test!(
    r_182_grew_on_pill_not,
    "R-182",
    nsclc(
        json!({"biomarkers": ["BRAF_V600E"], "prior_tx": ["TKI:dabrafenib+trametinib"], "last_systemic_outcome": "GREW_DURING"})
    ),
    |e| {
        expect(&e, &[("BRAF_DT", "NOT")]);
        assert_eq!(not_because(&e, "BRAF_DT"), vec!["R-182"]);
    }
);
rule_test!(
    r_183_io_rechallenge_pointer,
    "R-183",
    nodriver(json!({"prior_tx": ["ICI_ADVANCED"], "ici_interval": "LT6M"})),
    |e| {
        assert!(rules_of(&e, "IO_MONO").contains(&"R-183"));
    }
);
rule_test!(
    r_184_platinum_rechallenge_pointer,
    "R-184",
    sclc(json!({})),
    |e| {
        assert!(rules_of(&e, "SCLC_PLAT_ETOP").contains(&"R-184"));
    }
);

/// Every rule of the catalogue has a `rule_test!` above that names it.
#[test]
fn every_rule_has_a_test() {
    let src = include_str!("rules.rs");
    let missing: Vec<&str> = RULES
        .iter()
        .map(|r| r.id)
        .filter(|id| !src.contains(&format!("\"{id}\",")))
        .collect();
    assert!(missing.is_empty(), "rules without a test: {missing:?}");
    assert_eq!(
        RULES.len(),
        106,
        "the reference has 102 rules R-00 to R-184; the revision adds R-176a and R-185 to R-187"
    );
}

// R-42's override lifts only R-182 ("grew on it"), not a histology or exon-20 exclusion.
rule_test!(
    r_42_does_not_lift_exon20_exclusion,
    "R-42",
    nsclc(
        json!({"biomarkers": ["EGFR_EX20INS"], "prior_tx": ["TKI:osimertinib"], "last_systemic_outcome": "GREW_DURING", "last_tx": ["TKI:osimertinib"], "progressing_spots": "1"})
    ),
    |e| {
        expect(&e, &[("EGFR_OSI", "NOT"), ("LOC_OLIGOPROG", "LIKELY")]);
        assert_eq!(not_because(&e, "EGFR_OSI"), vec!["R-102"]);
    }
);

// are for a BRAF (KRAS) change that is not the labelled one; beside V600E (G12C)
// they do not take its drugs away (review B-1, D-27).
#[test]
fn r_121_and_r_127_leave_the_labelled_drugs_when_v600e_or_g12c_is_also_ticked() {
    let e = evaluate(&profile(nsclc(
        json!({"biomarkers": ["BRAF_V600E", "BRAF_OTHER"]}),
    )));
    expect(&e, &[("BRAF_DT", "LIKELY"), ("BRAF_EB", "LIKELY")]);
    let e = evaluate(&profile(nsclc(json!({"biomarkers": ["BRAF_OTHER"]}))));
    expect(&e, &[("BRAF_DT", "NOT"), ("BRAF_EB", "NOT")]);
    let after_chemo_io = json!({
        "biomarkers": ["KRAS_G12C", "KRAS_OTHER"],
        "prior_tx": ["PLATINUM_CHEMO", "ICI_ADVANCED"],
        "last_systemic_outcome": "GREW_DURING"
    });
    let e = evaluate(&profile(nsclc(after_chemo_io)));
    expect(&e, &[("KRAS_G12C", "LIKELY")]);
}

// T790M beside exon 20: the exon 20 class, its options and its exclusions (review B-2).
#[test]
fn exon20_with_t790m_stays_exon20() {
    let e = evaluate(&profile(nsclc(
        json!({"biomarkers": ["EGFR_EX20INS", "EGFR_T790M"]}),
    )));
    expect(
        &e,
        &[
            ("EGFR_EX20_AMI_CHEMO", "LIKELY"),
            ("EGFR_OSI", "NOT"),
            ("EGFR_OLDER_TKI", "NOT"),
            ("EGFR_AMI_LAZ", "NOT"),
        ],
    );
}

// N-2 for transformed small cell with an EGFR change after immunotherapy (review A-3).
#[test]
fn n_2_for_transformed_small_cell_after_immunotherapy() {
    let e = evaluate(&profile(sclc(json!({
        "histology": "SCLC_TRANSFORMED", "biomarkers": ["EGFR_COMMON"],
        "prior_tx": ["TKI:osimertinib", "PLATINUM_CHEMO", "ICI_ADVANCED"],
        "last_tx": ["ICI_ADVANCED"], "last_systemic_outcome": "GREW_DURING"
    }))));
    assert!(e.notes.contains(&"N-2"), "{:?}", e.notes);
    let e = evaluate(&profile(sclc(
        json!({"prior_tx": ["PLATINUM_CHEMO", "ICI_ADVANCED"]}),
    )));
    assert!(!e.notes.contains(&"N-2"), "{:?}", e.notes);
}

// type unknown, no specific drug, not even as "not used" by R-182 (review A-4).
#[test]
fn r_182_lists_no_specific_drug_when_the_type_is_unknown() {
    let e = evaluate(&profile(json!({
        "histology": "UNKNOWN", "prior_tx": ["TKI:osimertinib"], "last_tx": ["TKI:osimertinib"],
        "last_systemic_outcome": "GREW_DURING", "sites": ["LIVER"], "met_count": "GT5", "ps": "1"
    })));
    expect(&e, &[("EGFR_OSI", "-")]);
}

// Spread to the lining of the brain and spinal cord is brain involvement for R-52 (review A-5).
#[test]
fn r_52_leptomeningeal_spread_alone_counts_as_brain_involvement() {
    let e = evaluate(&profile(nsclc(json!({
        "sites": ["OTHER"], "met_count": "1", "organ_count": "1", "leptomeningeal": "YES"
    }))));
    expect(&e, &[("BRAIN_WBRT", "LIKELY")]);
}

// Growth on amivantamab in common EGFR disease: not the first-line options again; the
// combination it was part of is NOT, platinum chemo comes next (review B-3, D-28).
#[test]
fn growth_on_amivantamab_in_common_egfr_is_growth_on_egfr_directed_therapy() {
    let e = evaluate(&profile(nsclc(json!({
        "biomarkers": ["EGFR_COMMON"], "prior_tx": ["AMIVANTAMAB"],
        "last_systemic_outcome": "GREW_DURING"
    }))));
    expect(
        &e,
        &[
            ("EGFR_AMI_LAZ", "NOT"),
            ("EGFR_OSI", "-"),
            ("EGFR_AMI_CHEMO", "-"),
            ("CHEMO_PLATINUM_DOUBLET", "LIKELY"),
            ("REBIOPSY_NGS", "LIKELY"),
        ],
    );
}

// After platinum for advanced disease, R-105 and R-112 do not bring platinum back as likely
// (review B-6, D-29).
#[test]
fn r_105_and_r_112_no_platinum_again_after_platinum() {
    let alk = json!({
        "biomarkers": ["ALK"], "tested_since_recurrence": "YES",
        "prior_tx": ["TKI:alectinib", "TKI:lorlatinib", "PLATINUM_CHEMO"],
        "prior_chemo_drugs": ["CARBOPLATIN", "PEMETREXED"],
        "last_systemic_outcome": "GREW_DURING", "progressing_spots": "MORE"
    });
    let e = evaluate(&profile(nsclc(alk)));
    // R-111 (growth on alectinib, by the Q5a default) keeps it at MAY; R-112 no longer LIKELY.
    expect(&e, &[("CHEMO_PLATINUM_DOUBLET", "MAY")]);
    let uncommon = json!({
        "biomarkers": ["EGFR_UNCOMMON"], "prior_tx": ["TKI:afatinib", "PLATINUM_CHEMO"],
        "last_systemic_outcome": "GREW_DURING"
    });
    let e = evaluate(&profile(nsclc(uncommon)));
    expect(&e, &[("CHEMO_PLATINUM_DOUBLET", "NOT")]);
    // Without prior platinum, still likely.
    let e = evaluate(&profile(nsclc(json!({
        "biomarkers": ["EGFR_UNCOMMON"], "prior_tx": ["TKI:afatinib"],
        "last_systemic_outcome": "GREW_DURING"
    }))));
    expect(&e, &[("CHEMO_PLATINUM_DOUBLET", "LIKELY")]);
}

// Grew on erlotinib, not tested again: T790M unknown. Osimertinib MAY, a new test LIKELY, the
// R-92 options MAY; once tested without T790M, R-92 as written (review B-4, D-30).
#[test]
fn after_an_earlier_egfr_pill_without_a_new_test_t790m_is_unknown() {
    let base = json!({
        "biomarkers": ["EGFR_COMMON"], "prior_tx": ["TKI:erlotinib"],
        "last_tx": ["TKI:erlotinib"], "last_systemic_outcome": "GREW_DURING",
        "progressing_spots": "MORE", "tested_since_recurrence": "NO"
    });
    let e = evaluate(&profile(nsclc(base.clone())));
    expect(
        &e,
        &[
            ("EGFR_OSI", "MAY"),
            ("REBIOPSY_NGS", "LIKELY"),
            ("EGFR_AMI_CHEMO", "MAY"),
            ("CHEMO_PLATINUM_DOUBLET", "MAY"),
        ],
    );
    let mut tested = base;
    tested["tested_since_recurrence"] = json!("YES");
    let e = evaluate(&profile(nsclc(tested)));
    expect(
        &e,
        &[
            ("EGFR_OSI", "-"),
            ("EGFR_AMI_CHEMO", "LIKELY"),
            ("CHEMO_PLATINUM_DOUBLET", "LIKELY"),
        ],
    );
}

// Uncommon EGFR: afatinib continued or re-started is the EGFR_UNCOMMON option (review B-8).
#[test]
fn uncommon_egfr_afatinib_is_the_uncommon_option() {
    let e = evaluate(&profile(nsclc(json!({
        "biomarkers": ["EGFR_UNCOMMON"], "prior_tx": ["TKI:afatinib"], "last_tx": ["TKI:afatinib"],
        "last_systemic_outcome": "GREW_DURING", "progressing_spots": "1"
    }))));
    expect(&e, &[("EGFR_UNCOMMON", "LIKELY"), ("EGFR_OLDER_TKI", "-")]);
}

// PD-L1 is asked for the first treatment of KRAS G12C, which 3.10 decides (review B-9).
#[test]
fn pdl1_is_asked_for_a_first_treatment_with_kras_g12c() {
    let e = evaluate(&profile(nsclc(json!({"biomarkers": ["KRAS_G12C"]}))));
    assert!(e.questions.contains(&"pdl1"), "{:?}", e.questions);
    let e = evaluate(&profile(nsclc(json!({"biomarkers": ["ALK"]}))));
    assert!(!e.questions.contains(&"pdl1"), "{:?}", e.questions);
}

// The questions to ask follow the rules that read the answer (review C-4, C-5).
#[test]
fn pdl1_and_surgery_fitness_are_asked_where_they_change_options() {
    let q = |v| evaluate(&profile(nsclc(v))).questions;
    assert!(q(json!({"biomarkers": ["BRAF_V600E"]})).contains(&"pdl1"));
    assert!(!q(json!({"biomarkers": ["NONE_FOUND"], "ps": "3"})).contains(&"pdl1"));
    assert!(q(json!({"biomarkers": ["NONE_FOUND"]})).contains(&"pdl1"));
    let nodes = json!({"sites": ["REGIONAL_NODES"], "met_count": "NONE"});
    assert!(q(nodes).contains(&"surgery_fit"));
    let lung = json!({"sites": ["LUNG_OTHER"], "met_count": "1"});
    assert!(q(lung).contains(&"surgery_fit"));
    let widespread = json!({});
    assert!(!q(widespread).contains(&"surgery_fit"));
}

// More questions to ask that follow the rules (review C-6, C-7, C-9).
#[test]
fn last_treatment_leptomeningeal_and_settings_are_asked_only_where_they_matter() {
    let q = |v| evaluate(&profile(v)).questions;
    // Grew, Q5a unanswered, two drugs could be "the last one".
    let two = nsclc(json!({
        "biomarkers": ["EGFR_COMMON"], "prior_tx": ["TKI:osimertinib", "PLATINUM_CHEMO"],
        "prior_tx_setting": {"TKI:osimertinib": "ADVANCED", "PLATINUM_CHEMO": "ADVANCED"},
        "last_systemic_outcome": "GREW_DURING"
    }));
    assert!(q(two).contains(&"last_tx"));
    let one = nsclc(json!({
        "biomarkers": ["EGFR_COMMON"], "prior_tx": ["TKI:osimertinib"],
        "last_systemic_outcome": "GREW_DURING"
    }));
    assert!(!q(one).contains(&"last_tx"));
    // Brain involved, leptomeningeal unknown: asked; YES with every site answered: no "sites".
    let brain = nsclc(json!({
        "sites": ["BRAIN", "BONE"], "met_count": "2_3", "organ_count": "2",
        "brain": "ASYMPTOMATIC", "brain_count": "1_4"
    }));
    assert!(q(brain.clone()).contains(&"leptomeningeal"));
    let mut lepto = brain;
    lepto["leptomeningeal"] = json!("YES");
    let asked = q(lepto);
    assert!(
        !asked.contains(&"sites") && !asked.contains(&"leptomeningeal"),
        "{asked:?}"
    );
    // Small cell: the settings change nothing.
    let s = sclc(json!({"prior_tx_setting": {}}));
    assert!(!q(s).contains(&"prior_tx_setting"));
}

// Found by random profiles checked against the reference (review D):
// recurrence during adjuvant osimertinib is growth on it for R-180 too (a new biopsy), and the
// R-42 cap leaves a first treatment for another driver change alone.
#[test]
fn r_180_and_r_42_agree_with_r_97_and_first_line_options() {
    let e = evaluate(&profile(nsclc(json!({
        "biomarkers": ["EGFR_COMMON"], "prior_tx": ["TKI:osimertinib", "PLATINUM_CHEMO"],
        "prior_tx_setting": {"TKI:osimertinib": "ADJUVANT", "PLATINUM_CHEMO": "ADVANCED"},
        "adjuvant_interval": "DURING"
    }))));
    expect(&e, &[("REBIOPSY_NGS", "LIKELY"), ("EGFR_OSI", "NOT")]);
    let e = evaluate(&profile(nsclc(json!({
        "biomarkers": ["EGFR_UNCOMMON", "MET_EX14"], "prior_tx": ["TKI:capmatinib"],
        "last_tx": ["TKI:capmatinib"], "last_systemic_outcome": "GREW_DURING",
        "progressing_spots": "1"
    }))));
    expect(&e, &[("EGFR_UNCOMMON", "LIKELY")]);
}

// Transformed small cell, treatments unknown, but the time since platinum answered: platinum
// was given, and the answer wins (§3.11; review E).
#[test]
fn an_answered_ctfi_means_platinum_was_given_for_transformed_small_cell() {
    let e = evaluate(&profile(
        json!({"histology": "SCLC_TRANSFORMED", "ctfi": "LT3M"}),
    ));
    expect(&e, &[("SCLC_PLAT_ETOP", "NOT")]);
    let e = evaluate(&profile(json!({"histology": "SCLC_TRANSFORMED"})));
    expect(&e, &[("SCLC_PLAT_ETOP", "LIKELY")]);
}

// ---- Issue 16 and issue 9 item 5: revisions of the reference (docs/clinical-deviations.md) ----

// Item 14 (D-45): at PS 3-4 trials are at most MAY, even when no other drug is LIKELY.
rule_test!(
    r_02_trials_may_at_poor_fitness,
    "R-02",
    nsclc(json!({"ps": "3", "biomarkers": ["NONE_FOUND"]})),
    |e| {
        expect(&e, &[("TRIALS", "MAY"), ("BSC_HOSPICE", "LIKELY")]);
        let fit = eval(nsclc(
            json!({"ps": "1", "biomarkers": ["NONE_FOUND"], "prior_tx": ["PLATINUM_CHEMO", "ICI_ADVANCED"], "last_systemic_outcome": "GREW_DURING"}),
        ));
        assert_eq!(level(&fit, "TRIALS"), "LIKELY");
    }
);
rule_test!(
    r_02_trials_lowered_at_poor_fitness_after_other_rules,
    "R-02",
    nsclc(
        json!({"ps": "3", "biomarkers": ["NONE_FOUND"], "prior_tx": ["PLATINUM_CHEMO", "ICI_ADVANCED"], "last_systemic_outcome": "GREW_DURING"})
    ),
    |e| {
        // R-153 would give TRIALS LIKELY.
        expect(&e, &[("TRIALS", "MAY")]);
        assert!(lowered_by(&e, "TRIALS").contains(&"R-02"));
    }
);

// Item 2 (D-31): nodes outside an SBRT field are not "the same area"; SBRT with a recurrence
// in the same place still is.
rule_test!(
    r_33_sbrt_counts_only_in_the_same_place,
    "R-33",
    local(json!({"sites": ["LOCAL", "REGIONAL_NODES"], "prior_tx": ["CHEST_SBRT"]})),
    |e| {
        expect(&e, &[("LOC_REIRRADIATION", "MAY"), ("LOC_CHEMORT", "MAY")]);
        let nodes = eval(local(
            json!({"sites": ["REGIONAL_NODES"], "prior_tx": ["CHEST_SBRT"]}),
        ));
        expect(
            &nodes,
            &[("LOC_CHEMORT", "LIKELY"), ("LOC_REIRRADIATION", "-")],
        );
        let conventional = eval(local(
            json!({"sites": ["REGIONAL_NODES"], "prior_tx": ["CHEST_RT"]}),
        ));
        expect(
            &conventional,
            &[("LOC_CHEMORT", "MAY"), ("LOC_REIRRADIATION", "MAY")],
        );
    }
);

// Item 4 (D-43): R-54 does not keep radiosurgery in reserve when the cancer grew on the pill.
#[test]
fn r_54_not_after_growth_on_the_pill() {
    let brain = json!({"brain": "ASYMPTOMATIC", "brain_count": "1_4", "sites": ["BRAIN"], "met_count": "2_3", "organ_count": "1"});
    let mut alk = nsclc(
        json!({"biomarkers": ["ALK"], "prior_tx": ["TKI:alectinib"], "last_systemic_outcome": "GREW_DURING"}),
    );
    merge(&mut alk, brain.clone());
    let e = eval(alk);
    expect(&e, &[("BRAIN_SRS", "LIKELY"), ("ALK_AFTER", "LIKELY")]);
    assert!(!lowered_by(&e, "BRAIN_SRS").contains(&"R-54"));
    let mut egfr = nsclc(
        json!({"biomarkers": ["EGFR_COMMON"], "prior_tx": ["TKI:osimertinib"], "last_systemic_outcome": "GREW_DURING", "progressing_spots": "2_3"}),
    );
    merge(&mut egfr, brain.clone());
    let e = eval(egfr);
    expect(&e, &[("BRAIN_SRS", "LIKELY"), ("EGFR_OSI", "LIKELY")]);
    // Before any ALK pill R-54 still applies.
    let mut naive = nsclc(json!({"biomarkers": ["ALK"]}));
    merge(&mut naive, brain);
    let e = eval(naive);
    expect(&e, &[("BRAIN_SRS", "MAY"), ("ALK_TKI", "LIKELY")]);
}

// Item 5 (D-33): small cell after brain radiation (preventive), 1-4 new spots.
rule_test!(
    r_55_after_brain_radiation_srs_likely,
    "R-55",
    sclc(
        json!({"sites": ["BRAIN"], "met_count": "2_3", "organ_count": "1", "brain": "ASYMPTOMATIC", "brain_count": "1_4", "prior_tx": ["PLATINUM_CHEMO", "CHEST_RT", "BRAIN_RT"]})
    ),
    |e| {
        expect(&e, &[("BRAIN_SRS", "LIKELY"), ("BRAIN_WBRT", "MAY")]);
        assert!(e
            .option(guide_engine::OptionId::BrainWbrt)
            .unwrap()
            .notes
            .contains(&"R-55"));
    }
);

// Item 13 (D-34): KRAS G12C after chemo alone, no immunotherapy: immunotherapy alone LIKELY;
// MET exon 14 stays MAY.
rule_test!(
    r_82_kras_after_chemo_io_alone_likely,
    "R-82",
    nsclc(
        json!({"biomarkers": ["KRAS_G12C"], "prior_tx": ["PLATINUM_CHEMO"], "last_systemic_outcome": "GREW_DURING"})
    ),
    |e| {
        expect(&e, &[("IO_MONO", "LIKELY"), ("KRAS_G12C", "LIKELY")]);
        let met = eval(nsclc(
            json!({"biomarkers": ["MET_EX14"], "prior_tx": ["PLATINUM_CHEMO"], "last_systemic_outcome": "GREW_DURING"}),
        ));
        assert_eq!(level(&met, "IO_MONO"), "MAY");
    }
);

// Item 6 (D-39): sevabertinib after zongertinib is MAY; chemo-immunotherapy LIKELY.
rule_test!(
    r_139_second_her2_pill_may,
    "R-139",
    nsclc(
        json!({"biomarkers": ["HER2_MUT"], "prior_tx": ["TKI:zongertinib"], "last_systemic_outcome": "GREW_DURING"})
    ),
    |e| {
        expect(
            &e,
            &[
                ("HER2_SEVA", "MAY"),
                ("HER2_ZONG", "NOT"),
                ("HER2_TDXD", "LIKELY"),
                ("IO_CHEMO", "LIKELY"),
                ("CHEMO_PLATINUM_DOUBLET", "LIKELY"),
            ],
        );
        assert!(e
            .option(guide_engine::OptionId::Her2Seva)
            .unwrap()
            .notes
            .contains(&"R-139"));
    }
);

// Item 15 (D-41): small cell grown on lurbinectedin maintenance: lurbinectedin NOT.
rule_test!(
    r_176a_grew_on_lurbinectedin,
    "R-176a",
    sclc(
        json!({"prior_tx": ["PLATINUM_CHEMO", "OTHER_CHEMO", "ICI_ADVANCED"], "prior_chemo_drugs": ["CARBOPLATIN", "ETOPOSIDE", "LURBINECTEDIN"], "last_tx": ["OTHER_CHEMO", "ICI_ADVANCED"], "last_systemic_outcome": "GREW_DURING", "ctfi": "M3_6"})
    ),
    |e| {
        expect(
            &e,
            &[
                ("SCLC_LURBINECTEDIN", "NOT"),
                ("SCLC_TOPOTECAN", "MAY"),
                ("SCLC_TARLATAMAB", "LIKELY"),
            ],
        );
        assert_eq!(not_because(&e, "SCLC_LURBINECTEDIN"), vec!["R-176a"]);
    }
);

// Issue 9 item 5 (D-42): a completed adjuvant course counts for R-181 even when later treatment
// is the last one.
rule_test!(
    r_181_completed_adjuvant_course_then_platinum,
    "R-181",
    nsclc(
        json!({"biomarkers": ["ALK"], "prior_tx": ["SURGERY", "TKI:alectinib", "PLATINUM_CHEMO"], "prior_tx_setting": {"TKI:alectinib": "ADJUVANT", "PLATINUM_CHEMO": "ADVANCED"}, "last_tx": ["PLATINUM_CHEMO"], "last_systemic_outcome": "GREW_DURING"})
    ),
    |e| {
        expect(&e, &[("ALK_TKI", "MAY")]);
        assert!(e
            .option(guide_engine::OptionId::AlkTki)
            .unwrap()
            .notes
            .contains(&"R-181"));
        // Recurrence during the adjuvant course is not a completed course.
        let during = eval(nsclc(
            json!({"biomarkers": ["ALK"], "prior_tx": ["SURGERY", "TKI:alectinib", "PLATINUM_CHEMO"], "prior_tx_setting": {"TKI:alectinib": "ADJUVANT", "PLATINUM_CHEMO": "ADVANCED"}, "last_tx": ["PLATINUM_CHEMO"], "last_systemic_outcome": "GREW_DURING", "adjuvant_interval": "DURING"}),
        ));
        assert_eq!(level(&during, "ALK_TKI"), "-");
    }
);

// Item 1 (D-35): after growth on the matched pill, standard chemo.
rule_test!(
    r_185_ret_after_selpercatinib,
    "R-185",
    nsclc(
        json!({"biomarkers": ["RET"], "prior_tx": ["TKI:selpercatinib"], "last_systemic_outcome": "GREW_DURING", "tested_since_recurrence": "YES"})
    ),
    |e| {
        expect(
            &e,
            &[
                ("CHEMO_PLATINUM_DOUBLET", "LIKELY"),
                ("RET_TKI", "NOT"),
                ("IO_CHEMO", "-"),
            ],
        );
    }
);
rule_test!(
    r_185_braf_after_dabrafenib,
    "R-185",
    nsclc(
        json!({"biomarkers": ["BRAF_V600E"], "prior_tx": ["TKI:dabrafenib+trametinib"], "last_systemic_outcome": "GREW_DURING", "tested_since_recurrence": "YES"})
    ),
    |e| {
        expect(
            &e,
            &[
                ("CHEMO_PLATINUM_DOUBLET", "LIKELY"),
                ("IO_CHEMO", "LIKELY"),
                ("BRAF_DT", "NOT"),
            ],
        );
    }
);
rule_test!(
    r_185_ros1_after_repotrectinib,
    "R-185",
    nsclc(
        json!({"biomarkers": ["ROS1"], "prior_tx": ["TKI:repotrectinib"], "last_systemic_outcome": "GREW_DURING", "tested_since_recurrence": "YES"})
    ),
    |e| {
        expect(
            &e,
            &[("CHEMO_PLATINUM_DOUBLET", "LIKELY"), ("ROS1_TKI", "NOT")],
        );
        // After crizotinib R-116 decides (chemo MAY beside the next ROS1 pill).
        let crizo = eval(nsclc(
            json!({"biomarkers": ["ROS1"], "prior_tx": ["TKI:crizotinib"], "last_systemic_outcome": "GREW_DURING"}),
        ));
        expect(
            &crizo,
            &[("CHEMO_PLATINUM_DOUBLET", "MAY"), ("ROS1_TKI", "LIKELY")],
        );
    }
);
rule_test!(
    r_185_capped_during_oligoprogression,
    "R-185",
    nsclc(
        json!({"biomarkers": ["MET_EX14"], "prior_tx": ["TKI:capmatinib"], "last_systemic_outcome": "GREW_DURING", "progressing_spots": "1"})
    ),
    |e| {
        expect(
            &e,
            &[
                ("MET_EX14", "LIKELY"),
                ("CHEMO_PLATINUM_DOUBLET", "MAY"),
                ("IO_CHEMO", "MAY"),
            ],
        );
        assert!(lowered_by(&e, "CHEMO_PLATINUM_DOUBLET").contains(&"R-42"));
    }
);

// Item 3 (D-40): KRAS G12C grown on immunotherapy alone: platinum chemo LIKELY.
rule_test!(
    r_186_driver_after_io_alone,
    "R-186",
    nsclc(
        json!({"biomarkers": ["KRAS_G12C"], "prior_tx": ["ICI_ADVANCED"], "last_systemic_outcome": "GREW_DURING"})
    ),
    |e| {
        expect(
            &e,
            &[
                ("CHEMO_PLATINUM_DOUBLET", "LIKELY"),
                ("KRAS_G12C", "LIKELY"),
                ("IO_MONO", "NOT"),
            ],
        );
    }
);

// Item 11 (D-37): grown on osimertinib outside the brain: osimertinib with chemo MAY (COMPEL).
rule_test!(
    r_187_osimertinib_with_chemo_after_growth,
    "R-187",
    nsclc(
        json!({"biomarkers": ["EGFR_COMMON"], "prior_tx": ["TKI:osimertinib"], "last_systemic_outcome": "GREW_DURING", "brain": "NONE_KNOWN"})
    ),
    |e| {
        expect(
            &e,
            &[
                ("EGFR_OSI_CHEMO", "MAY"),
                ("EGFR_AMI_CHEMO", "LIKELY"),
                ("CHEMO_PLATINUM_DOUBLET", "LIKELY"),
                ("EGFR_OSI", "NOT"),
            ],
        );
        let brain = eval(nsclc(
            json!({"biomarkers": ["EGFR_COMMON"], "prior_tx": ["TKI:osimertinib"], "last_systemic_outcome": "GREW_DURING", "brain": "ASYMPTOMATIC", "sites": ["BRAIN", "LIVER"]}),
        ));
        assert_eq!(level(&brain, "EGFR_OSI_CHEMO"), "-");
    }
);

// Found by the property test `growth_on_the_matched_drug_leaves_a_systemic_option`:
// common EGFR grown on an exon 20 pill reads like growth on osimertinib (D-4), and growth on
// an unnamed EGFR pill like growth on an earlier one with T790M unknown (D-30).
rule_test!(
    r_92_common_egfr_after_sunvozertinib,
    "R-92",
    nsclc(
        json!({"biomarkers": ["EGFR_COMMON"], "prior_tx": ["TKI:sunvozertinib"], "last_systemic_outcome": "GREW_DURING"})
    ),
    |e| {
        expect(
            &e,
            &[
                ("CHEMO_PLATINUM_DOUBLET", "LIKELY"),
                ("EGFR_AMI_CHEMO", "LIKELY"),
            ],
        );
    }
);
rule_test!(
    r_92_common_egfr_after_unnamed_pill,
    "R-92",
    nsclc(
        json!({"biomarkers": ["EGFR_COMMON"], "prior_tx": ["TKI:UNKNOWN"], "last_systemic_outcome": "GREW_DURING"})
    ),
    |e| {
        // R-90 still lists the first EGFR options for an unnamed pill (D-2); the switch
        // options are MAY until the pill and T790M are known.
        assert!(e.questions.contains(&"prior_tx"));
        expect(
            &e,
            &[
                ("EGFR_OSI", "LIKELY"),
                ("EGFR_AMI_CHEMO", "MAY"),
                ("CHEMO_PLATINUM_DOUBLET", "MAY"),
                ("REBIOPSY_NGS", "LIKELY"),
            ],
        );
    }
);
// Exon 20, squamous, grown on its pill without platinum: platinum chemo, since R-13
// excludes amivantamab with pemetrexed chemo.
rule_test!(
    r_185_exon20_squamous,
    "R-185",
    nsclc(
        json!({"histology": "NSCLC_SQ", "biomarkers": ["EGFR_EX20INS"], "prior_tx": ["TKI:sunvozertinib"], "last_systemic_outcome": "GREW_DURING"})
    ),
    |e| {
        expect(
            &e,
            &[
                ("CHEMO_PLATINUM_DOUBLET", "LIKELY"),
                ("EGFR_EX20_AMI_CHEMO", "NOT"),
            ],
        );
    }
);
