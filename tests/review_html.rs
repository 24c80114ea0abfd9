//! Review mode's trace and panel (issue 11): what a clinician sees on a card with `?review=1`.

use guide_engine::{evaluate, OptionId, Profile};
use recurrence_guide::review_html::{panel, trace};

const EGFR_GREW: &str = r#"{"version":1,"histology":"NSCLC_NONSQ","sites":["BONE","LIVER"],"met_count":"GT5",
  "biomarker_tested":"YES_TISSUE","tested_since_recurrence":"YES","biomarkers":["EGFR_COMMON"],
  "prior_tx":["TKI:osimertinib"],"last_systemic_outcome":"GREW_DURING","last_tx":["TKI:osimertinib"],
  "progressing_spots":"MORE","ps":"1"}"#;

#[test]
fn the_trace_names_rules_sources_facts_and_deviations() {
    let e = evaluate(&Profile::from_json(EGFR_GREW).unwrap());
    let ami = e
        .option(OptionId::EgfrAmiChemo)
        .expect("amivantamab-chemo shown");
    let html = trace("How the guide placed this option", ami);
    for needle in ["EGFR_AMI_CHEMO", "R-92", "Rule sources", "Because", "D-4"] {
        assert!(html.contains(needle), "{needle}: {html}");
    }
    let osi = e
        .option(OptionId::EgfrOsi)
        .expect("osimertinib listed as NOT");
    let html = trace("t", osi);
    assert!(
        html.contains("Not because") && html.contains("R-182"),
        "{html}"
    );
    assert!(!html.contains("<script"), "escaped");
}

#[test]
fn the_panel_lists_the_derived_facts() {
    let e = evaluate(&Profile::from_json(EGFR_GREW).unwrap());
    let html = panel(&e);
    for needle in [
        "extent",
        "WIDESPREAD",
        "driver_class",
        "EGFR_COMMON",
        "ici_status",
    ] {
        assert!(html.contains(needle), "{needle}: {html}");
    }
}
