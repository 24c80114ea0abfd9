//! The visit summary, save/open a file, what matters to me, the comparison and own notes, in
//! real headless Chromium against the release build (dist/).
//!
//! - Chromium's print to PDF (WebDriver Print, A4 and US Letter) of the summary, read with
//!   `pdftotext` (Debian poppler-utils): the answers, each shown option, the content date, the
//!   person's own question and note, "not medical advice"; no header, navigation or buttons.
//!   "Print with full details" adds the decision, every option's card, the options usually not
//!   used, the sources and the words.
//! - The default printout of every story in `tests/stories/` is at most 2 pages (A4 and US
//!   Letter); a typical EGFR story fits on 1 A4 page.
//! - Save as file, then open it in a fresh browser profile: the same results.
//! - Every kind of bad file leaves the answers as they were (and says so).
//! - axe-core on the summary, values and comparison screens (also at phone width).
//! - The summary flow by keyboard alone; trade-offs never change the results shown.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use guide_e2e::fantoccini::wd::{PrintConfiguration, PrintSize};
use guide_e2e::{dist_dir, json, repo_root, Browser, Key, StaticServer, TempDir, Value};

/// localStorage key of the saved answers (`src/storage.rs` `KEY`).
const STORAGE_KEY: &str = "recurrence-guide.answers";

/// EGFR-mutant non-squamous NSCLC, widespread, PS 1, a seizure (red flag), goals BALANCE.
fn egfr_profile() -> Value {
    json!({
        "version": 1,
        "histology": "NSCLC_NONSQ",
        "sites": ["BONE", "LIVER"],
        "met_count": "GT5",
        "organ_count": "2",
        "prior_tx": ["SURGERY"],
        "ps": "1",
        "biomarker_tested": "YES_TISSUE",
        "biomarkers": ["EGFR_COMMON"],
        "brain": "NONE_KNOWN",
        "symptoms": ["BONE_PAIN", "SEIZURE"],
        "goals": "BALANCE"
    })
}

/// Small cell, relapse more than 6 months after platinum, PS 1.
fn sclc_profile() -> Value {
    json!({
        "version": 1,
        "histology": "SCLC",
        "sites": ["LIVER"],
        "met_count": "GT5",
        "organ_count": "1",
        "prior_tx": ["PLATINUM_CHEMO"],
        "prior_tx_setting": {"PLATINUM_CHEMO": "ADVANCED"},
        "last_systemic_outcome": "CAME_BACK_AFTER",
        "ctfi": "GT6M",
        "ps": "1"
    })
}

const OWN_QUESTION: &str = "Can I still go to my grandson's wedding in June?";
const OWN_NOTE: &str = "Bring the letter from the scan in October.";
const OWN_WORDS: &str = "Gardening with my wife";

/// The browser's saved envelope with answers, a note, a question and a trade-off.
fn envelope(profile: Value, screen: &str) -> String {
    json!({
        "schema": 1,
        "saved_at": "2026-11-28T10:00:00Z",
        "screen": screen,
        "profile": profile,
        "notes": [OWN_NOTE],
        "own_questions": [OWN_QUESTION],
        "values": {"tradeoffs": {"side_effects": "A_LOT", "travel": "SOME"}, "other": OWN_WORDS}
    })
    .to_string()
}

fn content_json(file: &str) -> Value {
    let path = repo_root().join("content/en").join(file);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn ui(key: &str) -> String {
    // The core words (ui.json) and those of the later screens (ui_more.json).
    content_json("ui.json")
        .get(key)
        .cloned()
        .unwrap_or_else(|| content_json("ui_more.json")[key].clone())
        .as_str()
        .unwrap_or_else(|| panic!("ui.json has no {key}"))
        .to_string()
}

fn norm(s: &str) -> String {
    // Word joiners (U+2060, invisible) keep punctuation after a glossary term on its line.
    s.replace('\u{2060}', "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Opens the app, saves `envelope` the way the app does, and reloads on its screen.
async fn open_with(b: &Browser, server: &StaticServer, envelope: &str, wait_for: &str) {
    b.goto(&server.url("/")).await;
    b.wait_for("main h1").await;
    b.js(
        "localStorage.clear(); localStorage.setItem(arguments[0], arguments[1]); return true",
        vec![json!(STORAGE_KEY), json!(envelope)],
    )
    .await;
    b.reload().await;
    b.wait_for(wait_for).await;
}

/// The options on the results screen as `(id, level)`, in page order.
async fn results_shown(b: &Browser) -> Vec<(String, String)> {
    b.wait_for("section.results h1#results-title").await;
    let v = b
        .js(
            "return Array.from(document.querySelectorAll('.results .option-card'),
                c => [c.getAttribute('data-option'), c.getAttribute('data-level')])",
            vec![],
        )
        .await;
    let list: Vec<(String, String)> = serde_json::from_value(v).unwrap_or_default();
    assert!(!list.is_empty(), "no options on the results");
    list
}

/// The saved answers and additions in localStorage (without the time stamp).
async fn stored(b: &Browser) -> Value {
    let raw = b
        .local_storage_get(STORAGE_KEY)
        .await
        .expect("answers saved");
    let mut v: Value = serde_json::from_str(&raw).unwrap();
    v.as_object_mut().unwrap().remove("saved_at");
    v.as_object_mut().unwrap().remove("screen");
    v
}

/// Press Tab until the focused element matches `css`.
async fn tab_to(b: &Browser, css: &str) {
    for _ in 0..120 {
        if b.focused_matches(css).await {
            return;
        }
        b.press(Key::Tab).await;
    }
    panic!(
        "Tab never reached {css:?}; focus is on {}\n{}",
        b.focused().await,
        b.debug_state().await
    );
}

// ------------------------------------------------------------------ PDF

fn pdf_text(pdf: &[u8], dir: &TempDir, name: &str) -> (String, String) {
    let path = dir.write(&format!("{name}.pdf"), pdf);
    // Keep a copy to look at: target/e2e-screenshots/summary-<size>.pdf.
    let keep = repo_root().join("target/e2e-screenshots");
    if std::fs::create_dir_all(&keep).is_ok() {
        let _ = std::fs::write(keep.join(format!("summary-{name}.pdf")), pdf);
    }
    let out = Command::new("pdftotext")
        .arg("-enc")
        .arg("UTF-8")
        .arg(&path)
        .arg("-")
        .output()
        .unwrap_or_else(|e| {
            panic!("cannot run pdftotext ({e}): apt-get install poppler-utils (scripts/setup.sh --test)")
        });
    assert!(out.status.success(), "pdftotext failed: {:?}", out);
    let info = Command::new("pdfinfo")
        .arg(&path)
        .output()
        .expect("pdfinfo");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&info.stdout).into_owned(),
    )
}

/// Prints the current page to PDF (WebDriver Print) on `size`.
async fn print_pdf(b: &Browser, size: PrintSize) -> Vec<u8> {
    let config = PrintConfiguration::builder()
        .size(size)
        .background(true)
        .build()
        .expect("print configuration");
    let pdf = b.client().print(config).await.expect("WebDriver print");
    assert!(pdf.starts_with(b"%PDF"), "not a PDF");
    pdf
}

/// The page count `pdfinfo` reports.
fn pages(info: &str) -> usize {
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no page count in pdfinfo output:\n{info}"))
}

/// PDF text joins lines; typographic quotes and ligatures may differ from the page text.
fn pdf_norm(s: &str) -> String {
    norm(
        &s.replace(['\u{2019}', '\u{2018}'], "'")
            .replace('\u{fb01}', "fi")
            .replace('\u{fb02}', "fl")
            .replace("\u{00ad}", ""),
    )
}

#[tokio::test]
async fn printing_the_summary_gives_a_pdf_with_answers_options_and_content_date() {
    let server = StaticServer::start(dist_dir());
    let b = Browser::start().await;
    open_with(
        &b,
        &server,
        &envelope(egfr_profile(), "summary"),
        ".summary h1#summary-title",
    )
    .await;

    // What the page shows (the PDF must hold the same).
    // (Questions not answered are left off the paper.)
    let answers: Vec<String> = b
        .texts(".summary-answers dd:not(:has(.not-answered))")
        .await;
    let names: Vec<String> = b.texts(".summary-brief-name").await;
    assert!(answers.len() >= 8, "answers: {answers:?}");
    assert!(names.len() >= 2, "options: {names:?}");
    assert!(names.iter().all(|n| !n.is_empty()), "options: {names:?}");
    let meta = content_json("meta.json");
    let date = meta["content_date"].as_str().unwrap().to_string();

    let dir = TempDir::new("summary-pdf");
    let mut default_pages = 0;
    for (size, label, expect_size) in [
        (PrintSize::A4, "a4", "(A4)"),
        (PrintSize::US_LETTER, "letter", "(letter)"),
    ] {
        let pdf = print_pdf(&b, size).await;
        let (text, info) = pdf_text(&pdf, &dir, label);
        assert!(
            info.contains(expect_size),
            "{label}: page size is not {expect_size}:\n{info}"
        );
        default_pages = default_pages.max(pages(&info));
        let text = pdf_norm(&text);
        let has = |needle: &str| text.contains(&pdf_norm(needle));
        for a in &answers {
            for line in a.lines().filter(|l| !l.trim().is_empty()) {
                assert!(has(line), "{label}: answer {line:?} missing from the PDF");
            }
        }
        for n in &names {
            assert!(has(n), "{label}: option {n:?} missing from the PDF");
        }
        // Each shown option of the engine, by the content's name.
        assert!(has(&date), "{label}: content date {date} missing");
        assert!(
            has(&ui("summary.not_advice")),
            "{label}: not medical advice"
        );
        assert!(has(&ui("summary.approvals")), "{label}: approvals differ");
        assert!(has(OWN_QUESTION), "{label}: own question");
        assert!(has(OWN_NOTE), "{label}: own note");
        assert!(has(OWN_WORDS), "{label}: own words about what matters");
        assert!(has(&ui("values.answer.A_LOT")), "{label}: trade-off");
        let seizure = content_json("red_flags.json")["flags"]["SEIZURE"]["label"]
            .as_str()
            .unwrap()
            .to_string();
        assert!(has(&seizure), "{label}: urgent symptom");
        // The one page to hand over: no full details, no "usually not used" list.
        for absent in [
            ui("summary.details"),
            ui("results.decision"),
            ui("results.not"),
            ui("page.sources"),
            ui("card.common"),
        ] {
            assert!(
                !has(&absent),
                "{label}: {absent:?} is in the default printout"
            );
        }
        // No chrome: header navigation, buttons and forms are not printed.
        for absent in [
            ui("nav.skip"),
            ui("nav.urgent"),
            ui("nav.start_over"),
            ui("file.save"),
            ui("file.open_hint"),
            ui("mine.questions.label"),
            ui("nav.back_to_results"),
            ui("summary.print_full"),
        ] {
            assert!(!has(&absent), "{label}: {absent:?} is printed");
        }
    }

    // "Print with full details": the screen shows them, and the printout has them too.
    b.click("#print-full").await;
    b.wait_for(".summary-full .summary-details").await;
    let cards: Vec<String> = b.texts(".summary-details .summary-option-name").await;
    assert_eq!(
        cards, names,
        "a full card for each option, in the same order"
    );
    let source_ids: Vec<String> = b.texts(".summary-details [data-source] .source-id").await;
    assert!(!source_ids.is_empty(), "no sources in the full details");
    let not_used: Vec<String> = b.texts(".summary-not li strong").await;
    assert!(!not_used.is_empty(), "no options usually not used");
    for (size, label) in [
        (PrintSize::A4, "a4-full"),
        (PrintSize::US_LETTER, "letter-full"),
    ] {
        let pdf = print_pdf(&b, size).await;
        let (text, info) = pdf_text(&pdf, &dir, label);
        assert!(
            pages(&info) > default_pages,
            "{label}: the full details add no page ({} pages)",
            pages(&info)
        );
        let text = pdf_norm(&text);
        let has = |needle: &str| text.contains(&pdf_norm(needle));
        for present in [
            ui("summary.details"),
            ui("results.decision"),
            ui("results.not"),
            ui("page.sources"),
            ui("summary.glossary"),
            ui("card.common"),
            OWN_QUESTION.to_string(),
            OWN_NOTE.to_string(),
        ] {
            assert!(
                has(&present),
                "{label}: {present:?} missing from the full printout"
            );
        }
        for n in cards.iter().chain(&not_used).chain(&source_ids) {
            assert!(has(n), "{label}: {n:?} missing from the full printout");
        }
    }
    b.assert_no_console_errors().await;
    b.close().await;
}

/// The default printout of every story (with an own question, a note and what matters): at most
/// 2 pages on A4 and on US Letter; the EGFR story that grew on osimertinib fits on 1 page.
#[tokio::test]
async fn the_default_printout_is_one_page_for_a_typical_story_and_at_most_two_for_any() {
    let server = StaticServer::start(dist_dir());
    let b = Browser::start().await;
    let dir = TempDir::new("summary-pages");
    let mut stories: Vec<PathBuf> = std::fs::read_dir(repo_root().join("tests/stories"))
        .expect("tests/stories")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().and_then(|e| e.to_str()) == Some("json"))
        .collect();
    stories.sort();
    assert!(stories.len() >= 50, "only {} stories", stories.len());
    let mut table = Vec::new();
    let mut too_long = Vec::new();
    for path in &stories {
        let name = path.file_stem().unwrap().to_str().unwrap().to_string();
        let story: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        open_with(
            &b,
            &server,
            &envelope(story["profile"].clone(), "summary"),
            ".summary .summary-answers dd",
        )
        .await;
        let mut counts = Vec::new();
        for (size, paper) in [(PrintSize::A4, "a4"), (PrintSize::US_LETTER, "letter")] {
            let pdf = print_pdf(&b, size).await;
            let (_, info) = pdf_text(&pdf, &dir, &format!("{name}-{paper}"));
            counts.push(pages(&info));
        }
        if counts.iter().any(|&n| n > 2) {
            too_long.push(format!("{name}: {counts:?}"));
        }
        table.push((name, counts));
    }
    // For the notes: pages per story, A4 and Letter.
    for (name, c) in &table {
        eprintln!("summary pages {name}: A4 {} Letter {}", c[0], c[1]);
    }
    assert!(
        too_long.is_empty(),
        "more than 2 pages (A4, Letter): {too_long:?}"
    );
    let typical = table
        .iter()
        .find(|(n, _)| n == "02-egfr-grew-on-osimertinib")
        .expect("the EGFR story");
    assert_eq!(
        typical.1[0], 1,
        "the EGFR story is not 1 A4 page: {:?}",
        typical.1
    );
    b.assert_no_console_errors().await;
    b.close().await;
}

// ------------------------------------------------------------------ save and open

/// Waits for a finished download in `dir` and returns its path.
async fn downloaded(dir: &Path) -> PathBuf {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let files: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().and_then(|e| e.to_str()) == Some("json"))
            .collect();
        if let Some(f) = files.into_iter().next() {
            return f;
        }
        assert!(Instant::now() < deadline, "no file was downloaded");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Chooses `path` in the "Open a saved file" input (WebDriver file upload).
async fn choose_file(b: &Browser, path: &Path) {
    let input = b.wait_for("#open-file").await;
    input
        .send_keys(path.to_str().unwrap())
        .await
        .expect("choose a file");
}

#[tokio::test]
async fn a_saved_file_opens_in_a_fresh_browser_with_the_same_results() {
    let server = StaticServer::start(dist_dir());
    let downloads = TempDir::new("downloads");

    // First browser: the answers, then Save as file.
    let b = Browser::start().await;
    open_with(
        &b,
        &server,
        &envelope(sclc_profile(), "results"),
        "section.results h1",
    )
    .await;
    let before = results_shown(&b).await;
    b.cdp(
        "Browser.setDownloadBehavior",
        json!({ "behavior": "allow", "downloadPath": downloads.path().to_str().unwrap() }),
    )
    .await;
    b.click("#open-summary").await;
    b.wait_for(".summary h1").await;
    b.click("#save-file").await;
    let file = downloaded(downloads.path()).await;
    let today = b
        .js(
            "const d = new Date(); return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0')",
            vec![],
        )
        .await;
    assert_eq!(
        file.file_name().unwrap().to_str().unwrap(),
        format!("lung-guide-answers-{}.json", today.as_str().unwrap())
    );
    b.wait_for_text(
        "#save-file-status",
        file.file_name().unwrap().to_str().unwrap(),
    )
    .await;
    let saved: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(saved["kind"], "lung-recurrence-guide");
    assert_eq!(saved["schema"], 1);
    assert!(saved["saved_at"].as_str().is_some_and(|s| s.len() >= 10));
    assert_eq!(saved["profile"], sclc_profile());
    assert_eq!(saved["notes"], json!([OWN_NOTE]));
    assert_eq!(saved["own_questions"], json!([OWN_QUESTION]));
    assert_eq!(saved["values"]["other"], OWN_WORDS);
    b.assert_no_console_errors().await;
    b.assert_all_requests_same_origin(&server.origin()).await;
    b.close().await;

    // A fresh browser profile: nothing saved; open the file from the welcome screen.
    let b = Browser::start().await;
    b.goto(&server.url("/")).await;
    b.wait_for(".welcome h1").await;
    assert!(b.local_storage_get(STORAGE_KEY).await.is_none());
    choose_file(&b, &file).await;
    let after = results_shown(&b).await;
    assert_eq!(after, before, "the same results after opening the file");
    // The person's own question and note came with it.
    b.wait_for_text("[data-kind=own-questions] .own-list", OWN_QUESTION)
        .await;
    b.wait_for_text("[data-kind=own-notes] .own-list", OWN_NOTE)
        .await;
    let v = stored(&b).await;
    assert_eq!(v["profile"], sclc_profile());
    b.assert_no_console_errors().await;
    b.assert_all_requests_same_origin(&server.origin()).await;
    b.close().await;
}

#[tokio::test]
async fn bad_files_leave_the_answers_untouched_with_a_message_each() {
    let server = StaticServer::start(dist_dir());
    let files = TempDir::new("bad-files");
    let good = json!({
        "kind": "lung-recurrence-guide", "schema": 1, "saved_at": "2026-11-28T10:00:00Z",
        "profile": sclc_profile(), "notes": ["from the file"]
    });
    let with = |f: &dyn Fn(&mut Value)| {
        let mut v = good.clone();
        f(&mut v);
        v.to_string()
    };
    let text = good.to_string();
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "damaged",
            text[..text.len() / 2].to_string(),
            "damaged.json",
        ),
        (
            "foreign",
            json!({"name": "pkg", "version": "1.0.0"}).to_string(),
            "package.json",
        ),
        ("damaged", String::new(), "empty.json"),
        (
            "kind",
            with(&|v| v["kind"] = json!("other-guide")),
            "kind.json",
        ),
        (
            "rejected",
            with(&|v| v["profile"]["histology"] = json!("BANANA")),
            "rejected.json",
        ),
        (
            "newer_file",
            with(&|v| v["schema"] = json!(2)),
            "newer-file.json",
        ),
        (
            "newer_answers",
            with(&|v| v["profile"]["version"] = json!(2)),
            "newer-answers.json",
        ),
        // serde_json would keep the last "schema"; the guide refuses the file, naming the key.
        (
            "duplicate_key",
            text.replacen("\"schema\":1", "\"schema\":1,\"schema\":1", 1),
            "duplicate-key.json",
        ),
    ];

    let b = Browser::start().await;
    open_with(
        &b,
        &server,
        &envelope(egfr_profile(), "summary"),
        ".summary h1",
    )
    .await;
    let before = stored(&b).await;
    for (code, body, name) in &cases {
        let path = files.write(name, body);
        choose_file(&b, &path).await;
        let sel = format!(".file-error[data-error={code}]");
        b.wait_for(&sel).await;
        let msg = b.text(&sel).await;
        assert!(
            msg.contains("have not changed"),
            "{name}: message {msg:?} does not say the answers are untouched"
        );
        if *code == "duplicate_key" {
            assert!(msg.contains("\"schema\" twice"), "{name}: {msg:?}");
        }
        assert_eq!(stored(&b).await, before, "{name}: answers changed");
        assert!(b.exists(".summary h1").await, "{name}: left the summary");
        let open = b
            .js("return !!document.querySelector('dialog[open]')", vec![])
            .await;
        assert_eq!(open, json!(false), "{name}: a confirmation opened");
    }

    // A good file asks first: "No" keeps everything, "Yes" replaces the answers.
    let path = files.write("good.json", good.to_string());
    choose_file(&b, &path).await;
    b.wait_for("dialog[open] #cancel-open-file").await;
    b.assert_no_axe_violations("open-file confirmation").await;
    b.click("#cancel-open-file").await;
    b.wait_for_text(".file-open .file-status", &ui("file.kept"))
        .await;
    assert_eq!(stored(&b).await, before, "No: answers changed");

    choose_file(&b, &path).await;
    b.click("dialog[open] #confirm-open-file").await;
    b.wait_for("section.results h1").await;
    let v = stored(&b).await;
    assert_eq!(v["profile"], sclc_profile());
    assert_eq!(v["notes"], json!(["from the file"]));
    b.assert_no_console_errors().await;
    b.close().await;
}

// ------------------------------------------------------------------ accessibility

#[tokio::test]
async fn summary_values_and_comparison_have_no_axe_violations_and_values_never_change_results() {
    let server = StaticServer::start(dist_dir());
    let b = Browser::start().await;
    open_with(
        &b,
        &server,
        &envelope(egfr_profile(), "results"),
        "section.results h1",
    )
    .await;
    let before = results_shown(&b).await;

    b.click("#open-summary").await;
    b.wait_for(".summary h1").await;
    b.assert_no_axe_violations("summary").await;
    let summary_options = b
        .js(
            "return Array.from(document.querySelectorAll('.summary-option'), o => [o.dataset.option, o.dataset.level])",
            vec![],
        )
        .await;

    // What matters to me: change every trade-off and the goal's neighbours stay the same.
    b.click("#summary-to-values").await;
    b.wait_for(".values h1").await;
    b.assert_no_axe_violations("values").await;
    for (id, answer) in [
        ("hospital", "a_lot"),
        ("side_effects", "a_little"),
        ("travel", "a_lot"),
        ("home", "unsure"),
    ] {
        b.click(&format!("#values-{id}-{answer}")).await;
    }
    b.assert_no_axe_violations("values, answered").await;
    b.click("#values-to-results").await;
    assert_eq!(
        results_shown(&b).await,
        before,
        "trade-offs changed the results"
    );
    b.click("#open-summary").await;
    b.wait_for(".summary h1").await;
    let summary_after = b
        .js(
            "return Array.from(document.querySelectorAll('.summary-option'), o => [o.dataset.option, o.dataset.level])",
            vec![],
        )
        .await;
    assert_eq!(
        summary_after, summary_options,
        "trade-offs changed the summary's options"
    );
    // Travel matters a lot: "what it is like" comes first in every option.
    let first = b
        .js(
            "return Array.from(document.querySelectorAll('.summary-option'), o => o.querySelector('.summary-fact h5').innerText)",
            vec![],
        )
        .await;
    for f in first.as_array().unwrap() {
        assert_eq!(f.as_str().unwrap(), ui("card.like"));
    }

    // Comparison: pick 3, the fourth is disabled, a table with the same rows for each.
    b.click("#summary-to-compare").await;
    b.wait_for(".compare h1").await;
    b.assert_no_axe_violations("comparison, nothing picked")
        .await;
    let boxes = b.texts(".compare-pick input[type=checkbox]").await.len();
    assert!(boxes >= 4, "only {boxes} options to compare");
    for i in 1..=3 {
        b.click(&format!(".compare-pick .choice:nth-of-type({i}) input"))
            .await;
    }
    b.wait_for("table.compare-table").await;
    let disabled = b
        .js(
            "return document.querySelectorAll('.compare-pick input:disabled').length",
            vec![],
        )
        .await;
    assert_eq!(disabled.as_u64().unwrap() as usize, boxes - 3);
    let shape = b
        .js(
            "const t = document.querySelector('table.compare-table');
             return [t.querySelectorAll('thead th[scope=col]').length,
                     Array.from(t.querySelectorAll('tbody tr'), r => [r.querySelectorAll('th[scope=row]').length, r.querySelectorAll('td').length])]",
            vec![],
        )
        .await;
    assert_eq!(shape[0], json!(4), "corner + 3 option headers");
    for row in shape[1].as_array().unwrap() {
        assert_eq!(row, &json!([1, 3]));
    }
    b.assert_no_axe_violations("comparison, 3 picked").await;

    // On a phone the table scrolls inside its labelled region, not the page.
    b.set_viewport(360, 740).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let widths = b
        .js(
            "const r = document.querySelector('.compare-scroll');
             return [document.documentElement.scrollWidth, window.innerWidth, r.scrollWidth, r.clientWidth]",
            vec![],
        )
        .await;
    let w: Vec<u64> = serde_json::from_value(widths).unwrap();
    assert!(w[0] <= w[1], "the page scrolls sideways: {w:?}");
    assert!(
        w[2] > w[3],
        "the table does not scroll inside its region: {w:?}"
    );
    b.assert_no_axe_violations("comparison at 360 px").await;
    b.click("#compare-to-summary").await;
    b.wait_for(".summary h1").await;
    b.assert_no_axe_violations("summary at 360 px").await;
    // At 320 px the summary, also with its full details, never scrolls sideways.
    b.set_viewport(320, 740).await;
    for full in [false, true] {
        if full {
            b.click("#print-full").await;
            b.wait_for(".summary-full .summary-details").await;
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
        let w = b
            .js(
                "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]",
                vec![],
            )
            .await;
        let w: Vec<u64> = serde_json::from_value(w).unwrap();
        assert!(
            w[0] <= w[1],
            "summary (full details: {full}) scrolls sideways at 320 px: {w:?}"
        );
    }
    b.assert_no_axe_violations("summary with full details at 320 px")
        .await;
    b.assert_no_console_errors().await;
    b.close().await;
}

#[tokio::test]
async fn the_summary_flow_works_by_keyboard_alone() {
    let server = StaticServer::start(dist_dir());
    let b = Browser::start().await;
    let mut env: Value = serde_json::from_str(&envelope(sclc_profile(), "results")).unwrap();
    env.as_object_mut().unwrap().remove("notes");
    env.as_object_mut().unwrap().remove("own_questions");
    open_with(&b, &server, &env.to_string(), "section.results h1").await;

    // Results -> summary: focus moves to the summary's heading.
    tab_to(&b, "#open-summary").await;
    b.press(Key::Enter).await;
    b.wait_for_focus(".summary h1").await;

    // Add a question (Enter submits), then a note (Tab to its button).
    tab_to(&b, "#own-questions-input").await;
    b.type_text("Who do I call at night?").await;
    b.press(Key::Enter).await;
    b.wait_for_text(
        "[data-kind=own-questions] .own-list",
        "Who do I call at night?",
    )
    .await;
    assert!(b.focused_matches("#own-questions-input").await);
    b.type_text("Is there a trial near me?").await;
    b.press(Key::Enter).await;
    b.wait_for_text(
        "[data-kind=own-questions] .own-list",
        "Is there a trial near me?",
    )
    .await;
    tab_to(&b, "#own-notes-input").await;
    b.type_text("Ask about the bone scan.").await;
    tab_to(&b, "#own-notes-add").await;
    b.press(Key::Enter).await;
    b.wait_for_text(
        "[data-kind=own-notes] .own-list",
        "Ask about the bone scan.",
    )
    .await;

    // Delete the first question by keyboard: focus goes back to the question field.
    b.press_shift(Key::Tab).await;
    let mut found = false;
    for _ in 0..60 {
        if b.focused_matches("[data-kind=own-questions] .own-delete")
            .await
        {
            found = true;
            break;
        }
        b.press_shift(Key::Tab).await;
    }
    assert!(found, "Shift+Tab never reached a Delete button");
    b.press(Key::Enter).await;
    b.wait_for_focus("#own-questions-input").await;
    let items = b
        .texts("[data-kind=own-questions] .own-item .own-text")
        .await;
    assert_eq!(items.len(), 1, "{items:?}");
    let v = stored(&b).await;
    assert_eq!(v["own_questions"].as_array().unwrap().len(), 1);
    assert_eq!(v["notes"], json!(["Ask about the bone scan."]));

    // Summary -> what matters: answer a trade-off with the arrow keys and Space.
    tab_to(&b, "#summary-to-values").await;
    b.press(Key::Enter).await;
    b.wait_for_focus(".values h1").await;
    tab_to(&b, "input[name=values-hospital]").await;
    b.press(Key::Space).await;
    b.press(Key::Down).await;
    let checked = b
        .js(
            "const c = document.querySelector('input[name=values-hospital]:checked'); return c ? c.value : null",
            vec![],
        )
        .await;
    assert!(checked.is_string(), "no answer picked by keyboard");
    tab_to(&b, "#values-to-summary").await;
    b.press(Key::Enter).await;
    b.wait_for_focus(".summary h1").await;
    let values = b.text(".summary-values").await;
    assert!(
        values.contains(&ui("values.hospital")),
        "trade-off not in the summary: {values}"
    );

    // Summary -> comparison: tick two options, then the table's region takes focus.
    tab_to(&b, "#summary-to-compare").await;
    b.press(Key::Enter).await;
    b.wait_for_focus(".compare h1").await;
    tab_to(&b, ".compare-pick input[type=checkbox]").await;
    b.press(Key::Space).await;
    b.press(Key::Tab).await;
    b.press(Key::Space).await;
    b.wait_for("table.compare-table").await;
    tab_to(&b, ".compare-scroll[role=region]").await;
    tab_to(&b, "#compare-to-results").await;
    b.press(Key::Enter).await;
    b.wait_for_focus("#results-title").await;
    b.assert_no_console_errors().await;
    b.close().await;
}
