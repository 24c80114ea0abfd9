//! The questions, glossary, option cards, sources and words of the reasons come after the first
//! screen (`src/details.rs`): the welcome screen is in the page before the detail files
//! (`content/en/options/*.json`, `sources.json`, `facts.json`, `rules.json`, `notes.json`,
//! `questions.json`, `glossary.json`) are requested, the results show once they are there (also
//! under `/guide/`), and when they cannot be fetched the screen says so (the welcome and the
//! urgent page still work) and "Try again" loads them.

use guide_e2e::{dist_dir, json, repo_root, Browser, StaticServer, TempDir, Value};

/// localStorage key of the saved answers (`src/storage.rs` `KEY`).
const STORAGE_KEY: &str = "recurrence-guide.answers";

/// The detail files, as `guide_content::DETAIL_FILES`.
const DETAIL_FILES: [&str; 14] = [
    "options/local.json",
    "options/targeted.json",
    "options/immunotherapy_chemo.json",
    "options/sclc.json",
    "options/everyone.json",
    "sources.json",
    "facts.json",
    "rules.json",
    "notes.json",
    "questions.json",
    "glossary.json",
    "ui_more.json",
    "pages_more.json",
    "red_flags_more.json",
];

fn ui(key: &str) -> String {
    // The core words (ui.json) and those of the later screens (ui_more.json).
    let read = |f: &str| -> Value {
        let path = repo_root().join("content/en").join(f);
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    };
    let (core, more) = (read("ui.json"), read("ui_more.json"));
    let ui = if core.get(key).is_some() { core } else { more };
    ui[key]
        .as_str()
        .unwrap_or_else(|| panic!("ui.json has no {key}"))
        .to_string()
}

fn envelope() -> String {
    let profile = json!({
        "version": 1,
        "histology": "NSCLC_NONSQ",
        "sites": ["BONE", "LIVER"],
        "met_count": "GT5",
        "prior_tx": ["SURGERY"],
        "ps": "1",
        "biomarker_tested": "YES_TISSUE",
        "biomarkers": ["EGFR_COMMON"],
        "symptoms": ["BONE_PAIN"]
    });
    json!({ "schema": 1, "saved_at": "2026-11-28T10:00:00Z", "screen": "results", "profile": profile })
        .to_string()
}

/// Opens `url`, saves answers on the results screen, reloads: the app starts on the results.
async fn open_results(b: &Browser, url: &str) {
    b.goto(url).await;
    b.wait_for("main h1").await;
    b.js(
        "localStorage.clear(); localStorage.setItem(arguments[0], arguments[1]); return true",
        vec![json!(STORAGE_KEY), json!(envelope())],
    )
    .await;
    b.reload().await;
}

/// The resource entries of the current page whose URL contains `content/en/`.
async fn detail_entries(b: &Browser) -> Vec<Value> {
    let v = b
        .js(
            "return performance.getEntriesByType('resource')
                .filter(e => e.name.includes('/content/en/'))
                .map(e => ({ name: e.name, start: e.startTime }))",
            vec![],
        )
        .await;
    v.as_array().cloned().unwrap_or_default()
}

/// Runs before the page's own scripts: notes when the welcome heading is first in the page and
/// how many detail files had been requested by then.
const WATCH_WELCOME: &str = "
    new MutationObserver((_, observer) => {
        if (document.querySelector('.welcome h1')) {
            window.__welcome = {
                at: performance.now(),
                requested: performance.getEntriesByType('resource')
                    .filter(e => e.name.includes('/content/en/')).length,
            };
            observer.disconnect();
        }
    }).observe(document, { childList: true, subtree: true });
";

#[tokio::test]
async fn the_welcome_is_on_screen_before_the_details_are_requested() {
    let server = StaticServer::start(dist_dir());
    let b = Browser::start().await;
    b.init_script(WATCH_WELCOME).await;
    b.goto(&server.url("/")).await;
    b.wait_for(".welcome h1").await;
    // Every detail file is fetched soon after, once each, next to index.html.
    b.wait_until_js(
        "return performance.getEntriesByType('resource')
            .filter(e => e.name.includes('/content/en/') && e.responseEnd > 0).length >= arguments[0]",
        vec![json!(DETAIL_FILES.len())],
        "the detail files to be fetched",
    )
    .await;
    let entries = detail_entries(&b).await;
    let mut names: Vec<String> = entries
        .iter()
        .map(|e| e["name"].as_str().unwrap_or_default().to_string())
        .collect();
    names.sort();
    let mut expected: Vec<String> = DETAIL_FILES
        .iter()
        .map(|f| server.url(&format!("/content/en/{f}")))
        .collect();
    expected.sort();
    assert_eq!(names, expected, "each detail file once, next to index.html");

    // When the welcome was first in the page none had been requested; each was requested after
    // it, and after the wasm download had finished.
    let welcome = b.js("return window.__welcome || null", vec![]).await;
    assert_eq!(
        welcome["requested"],
        json!(0),
        "detail files requested before the welcome: {welcome}"
    );
    let welcome_at = welcome["at"].as_f64().expect("the welcome was seen");
    let wasm_end = b
        .js(
            "const w = performance.getEntriesByType('resource').find(e => e.name.endsWith('.wasm'));
             return w ? w.responseEnd : null",
            vec![],
        )
        .await
        .as_f64()
        .expect("a .wasm resource entry");
    for e in &entries {
        let start = e["start"].as_f64().unwrap_or(0.0);
        assert!(
            start >= welcome_at && start >= wasm_end,
            "{} requested at {start} ms: before the welcome ({welcome_at} ms) or the end of the wasm download ({wasm_end} ms)",
            e["name"]
        );
    }
    b.assert_no_console_errors().await;
    b.assert_all_requests_same_origin(&server.origin()).await;
    b.close().await;
}

#[tokio::test]
async fn the_results_show_once_the_details_are_there_also_under_a_sub_path() {
    let server = StaticServer::start(dist_dir());
    let b = Browser::start().await;
    for base in ["/", "/guide/"] {
        open_results(&b, &server.url(base)).await;
        b.wait_for("section.results h1#results-title").await;
        b.wait_for(".option-card").await;
        assert!(
            !b.exists(".details-wait").await,
            "the waiting message is gone"
        );
        // A card's sources come from sources.json.
        assert!(b.exists(".option-card .source .source-title").await);
        let names: Vec<String> = detail_entries(&b)
            .await
            .iter()
            .map(|e| e["name"].as_str().unwrap_or_default().to_string())
            .collect();
        assert!(
            !names.is_empty()
                && names
                    .iter()
                    .all(|n| n.starts_with(&server.url(&format!("{base}content/en/")))),
            "detail files under {base}: {names:?}"
        );
    }
    b.assert_no_console_errors().await;
    b.assert_all_requests_same_origin(&server.origin()).await;
    b.close().await;
}

/// Copies `from` into `to`, recursively, leaving out the `content` folder at the top.
fn copy_without_content(from: &std::path::Path, to: &std::path::Path, top: bool) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let path = entry.path();
        let target = to.join(entry.file_name());
        if path.is_dir() {
            if top && entry.file_name() == "content" {
                continue;
            }
            std::fs::create_dir_all(&target).unwrap();
            copy_without_content(&path, &target, false);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

#[tokio::test]
async fn when_the_details_cannot_be_fetched_the_screen_says_so_and_try_again_loads_them() {
    let dist = dist_dir();
    let dir = TempDir::new("details");
    copy_without_content(&dist, dir.path(), true);
    let server = StaticServer::start(dir.path());
    let b = Browser::start().await;
    open_results(&b, &server.url("/")).await;

    // The screen's own heading, then why, with a way to try again; the rest of the frame works.
    let failed = b
        .wait_for_text(".details-failed", "could not be loaded")
        .await;
    assert!(failed.contains("try again"), "{failed}");
    assert_eq!(b.text(".details-wait h1").await, ui("results.title"));
    assert!(
        !b.exists("section.results").await,
        "no results without the details"
    );
    assert!(b.exists("#nav-urgent").await);
    b.assert_no_axe_violations("details failed").await;

    // The urgent page never waits for them.
    b.click("#nav-urgent").await;
    b.wait_for(".content-page[data-page='urgent'] h1").await;
    assert!(b.exists(".content-page .red-flag").await);
    b.click(".back-link").await;
    b.wait_for(".details-failed").await;

    // The welcome screen does not wait; the questions do, with their own heading.
    b.click(".title-button").await;
    b.wait_for(".welcome h1").await;
    b.click("#resume").await;
    b.wait_for_text(".details-failed", "could not be loaded")
        .await;
    assert_eq!(
        b.text(".details-wait h1").await,
        ui("details.questions_title")
    );
    b.assert_no_axe_violations("questions waiting, details failed")
        .await;
    b.click("#nav-urgent").await;
    b.wait_for(".content-page[data-page='urgent'] h1").await;
    b.click(".back-link").await;
    b.wait_for(".details-failed").await;

    // Back online: "Try again" loads them and the results show.
    for f in DETAIL_FILES {
        let text = std::fs::read(dist.join("content/en").join(f)).unwrap();
        dir.write(&format!("content/en/{f}"), text);
    }
    // On the question screen where the person was: the question shows, its heading focused.
    b.click(".details-retry").await;
    b.wait_for(".question h1").await;
    assert!(!b.exists(".details-failed").await);
    b.wait_for_focus("main h1").await;
    // And the results with them.
    open_results(&b, &server.url("/")).await;
    b.wait_for("section.results h1#results-title").await;
    b.wait_for(".option-card").await;
    b.close().await;
}
