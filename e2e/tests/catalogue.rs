//! "Every treatment in this guide" (`src/components/catalogue.rs`): reachable from the welcome
//! screen before any answer and from the results; every treatment of the content once, in six
//! sections, each opening by keyboard to the same parts as its card; axe-core with everything
//! open; Back returns to where the person was.

use guide_e2e::{dist_dir, json, repo_root, Browser, Key, StaticServer, Value};

const STORAGE_KEY: &str = "recurrence-guide.answers";

/// Option IDs with a card in the content that are treatments (not §2G prompts or headings).
fn treatment_ids() -> Vec<String> {
    let dir = repo_root().join("content/en/options");
    let mut ids = Vec::new();
    for f in std::fs::read_dir(&dir).unwrap() {
        let text = std::fs::read_to_string(f.unwrap().path()).unwrap();
        let v: Value = serde_json::from_str(&text).unwrap();
        ids.extend(v.as_object().unwrap().keys().cloned());
    }
    ids.retain(|id| !id.starts_with("ASK_") && !id.ends_with("_FAMILY"));
    ids.sort();
    ids
}

async fn catalogue_ids(b: &Browser) -> Vec<String> {
    let v = b
        .js(
            "return Array.from(document.querySelectorAll('.catalogue-option'), d => d.dataset.option)",
            vec![],
        )
        .await;
    serde_json::from_value(v).unwrap()
}

#[tokio::test]
async fn every_treatment_can_be_read_from_the_welcome_and_from_the_results() {
    let server = StaticServer::start(dist_dir());
    let b = Browser::start().await;
    b.goto(&server.url("/")).await;
    b.wait_for(".welcome h1").await;

    // Before any answer: from the welcome screen. Opening it saves nothing (issue 10).
    b.click("#welcome-catalogue").await;
    b.wait_for(".catalogue h1").await;
    b.wait_for_focus(".catalogue h1").await;
    assert_eq!(
        b.local_storage_get("recurrence-guide.answers").await,
        None,
        "opening a page before any answer wrote a record"
    );
    let mut ids = catalogue_ids(&b).await;
    let shown = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), shown, "an option is listed twice");
    assert_eq!(ids, treatment_ids(), "the catalogue is not every treatment");
    assert_eq!(b.texts(".catalogue-section h2").await.len(), 6);
    assert!(
        !b.exists("#catalogue-to-results").await,
        "no results to go back to yet"
    );

    // By keyboard: the first treatment opens on Enter, with the card's parts and its sources.
    b.js(
        "document.querySelector('.catalogue-option summary').focus(); return true",
        vec![],
    )
    .await;
    b.press(Key::Enter).await;
    b.wait_until_js(
        "return document.querySelector('.catalogue-option').open === true",
        vec![],
        "the first treatment to open",
    )
    .await;
    let first = b.text(".catalogue-option .catalogue-body").await;
    for part in [
        "What it aims to do",
        "What it is like",
        "Common side effects",
        "What is uncertain",
        "Questions to ask your care team",
        "Sources",
        "This card was last checked on",
    ] {
        assert!(first.contains(part), "no {part:?} in {first}");
    }
    assert!(b.exists(".catalogue-option .source-list li.source").await);
    b.js(
        "document.querySelectorAll('details').forEach(d => d.open = true); return true",
        vec![],
    )
    .await;
    b.assert_no_axe_violations("catalogue with every treatment open")
        .await;
    b.click(".back-link").await;
    b.wait_for(".welcome h1").await;

    // From the results: every option shown there is in the catalogue; back to the results.
    b.js(
        "localStorage.setItem(arguments[0], arguments[1]); return true",
        vec![
            json!(STORAGE_KEY),
            json!(json!({
                "schema": 1,
                "saved_at": "2026-11-28T10:00:00Z",
                "screen": "results",
                "profile": {
                    "version": 1,
                    "histology": "SCLC",
                    "sites": ["LIVER"],
                    "prior_tx": ["PLATINUM_CHEMO"],
                    "ps": "1"
                }
            })
            .to_string()),
        ],
    )
    .await;
    b.reload().await;
    b.wait_for("section.results h1").await;
    b.wait_for(".option-card").await;
    let on_results: Vec<String> = serde_json::from_value(
        b.js(
            "return Array.from(document.querySelectorAll('.results .option-card'), c => c.dataset.option)",
            vec![],
        )
        .await,
    )
    .unwrap();
    b.click("#open-catalogue").await;
    b.wait_for(".catalogue h1").await;
    let all = catalogue_ids(&b).await;
    for id in on_results
        .iter()
        .filter(|id| !id.starts_with("ASK_") && !id.ends_with("_FAMILY"))
    {
        assert!(
            all.contains(id),
            "{id} is on the results but not in the catalogue"
        );
    }
    b.click("#catalogue-to-results").await;
    b.wait_for("section.results h1").await;
    b.assert_no_console_errors().await;
    b.close().await;
}
