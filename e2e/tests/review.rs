//! Review mode for clinicians (issue 11), in headless Chromium against the release build: with
//! `?review=1` the results open with the panel of derived facts and every card ends with its
//! trace (rules, sources, facts, deviations), sources show their IDs; without it, none of that,
//! and no per-item "Not yet checked" badges anywhere a patient looks. Not remembered.

use guide_e2e::steps::{envelope, open_seeded, STORAGE_KEY};
use guide_e2e::{dist_dir, json, Browser, StaticServer, Value};

/// Ken's story (tests/stories/02): EGFR cancer that grew on osimertinib.
fn story() -> Value {
    let text = std::fs::read_to_string(
        guide_e2e::repo_root().join("tests/stories/02-egfr-grew-on-osimertinib.json"),
    )
    .expect("story");
    serde_json::from_str::<Value>(&text).expect("story JSON")["profile"].clone()
}

async fn open_all_cards(b: &Browser) {
    b.js(
        "document.querySelectorAll('.option-card details').forEach(d => d.open = true); return 1",
        vec![],
    )
    .await;
}

#[tokio::test]
async fn review_mode_shows_the_trace_and_patients_never_see_it() {
    let server = StaticServer::start(dist_dir());
    let b = Browser::start().await;
    let seeded = envelope(story(), "results");

    // A patient's view: no trace, no panel, no per-item badges, no source IDs.
    open_seeded(&b, &server.url("/"), &[(STORAGE_KEY, &seeded)]).await;
    b.wait_for(".results .option-card").await;
    open_all_cards(&b).await;
    b.wait_for(".option-card .source").await;
    for css in [
        ".review-panel",
        ".review-trace",
        ".unverified-flag",
        ".source-id",
        ".source-note",
        ".note-sources",
    ] {
        assert!(!b.exists(css).await, "{css} on a patient's results");
    }

    // Review mode: the panel, a trace on every card, with rules and sources.
    b.goto(&server.url("/?review=1")).await;
    b.wait_for(".results .option-card").await;
    b.wait_for(".review-panel").await;
    let panel = b.text(".review-panel").await;
    for fact in ["extent", "driver_class"] {
        assert!(
            panel.contains(fact),
            "{fact} missing from the panel: {panel}"
        );
    }
    open_all_cards(&b).await;
    let cards = b.texts(".option-card").await.len();
    let traces = b.texts(".option-card .review-trace").await;
    assert_eq!(traces.len(), cards, "a trace on every card");
    let first = b
        .js(
            "return document.querySelector('.option-card[data-option=\"EGFR_AMI_CHEMO\"] .review-trace').textContent",
            vec![],
        )
        .await;
    let first = first.as_str().unwrap_or_default();
    assert!(
        first.contains("EGFR_AMI_CHEMO") && first.contains("R-"),
        "{first}"
    );
    b.wait_for(".source .source-id").await;

    // The summary (and so its printout) ends with the trace as an appendix.
    b.click("#open-summary").await;
    b.wait_for(".summary h1").await;
    let appendix = b.text(".review-appendix").await;
    assert!(
        appendix.contains("EGFR_AMI_CHEMO")
            && appendix.contains("R-")
            && appendix.contains("extent"),
        "{appendix}"
    );

    // Not remembered: the next visit without the parameter is a patient's view again.
    b.goto(&server.url("/")).await;
    b.wait_for(".summary h1").await;
    assert!(!b.exists(".review-appendix").await);
    b.click("#summary-to-results").await;
    b.wait_for(".results .option-card").await;
    assert!(!b.exists(".review-panel").await);
    assert_eq!(b.local_storage_get("recurrence-guide.review").await, None);
    let _ = json!(null);
    b.assert_no_console_errors().await;
    b.close().await;
}
