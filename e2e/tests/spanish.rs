//! The guide in Spanish (issue 14), in headless Chromium against the release build: a seeded
//! story's results and summary with `?lang=es` (`lang="es"`, Spanish headings, no English ones,
//! no axe violations); the keyboard path from the welcome to the results in Spanish; the device's
//! language as the default (and the English pre-rendered welcome left out); switching language
//! in the menu keeps the answers and is kept on the device; Spanish offline after one visit.

use guide_e2e::fantoccini::wd::{PrintConfiguration, PrintSize};
use guide_e2e::steps::{envelope, open_seeded, tab_to, wait_after_step, STORAGE_KEY};
use guide_e2e::{dist_dir, json, Browser, Key, StaticServer, TempDir, Value};

const LANG_KEY: &str = "recurrence-guide.lang";

fn content(lang: &str, file: &str) -> Value {
    let path = guide_e2e::repo_root().join("content").join(lang).join(file);
    serde_json::from_str(&std::fs::read_to_string(&path).expect("content file"))
        .expect("content JSON")
}

/// A UI string of a language (core or the later screens' words).
fn ui(lang: &str, key: &str) -> String {
    for file in ["ui.json", "ui_more.json"] {
        if let Some(s) = content(lang, file)[key].as_str() {
            return s.to_string();
        }
    }
    panic!("no UI key {key} in {lang}");
}

/// EGFR cancer that grew on osimertinib after surgery, with a seizure (red flag).
fn story() -> Value {
    json!({
        "version": 1,
        "histology": "NSCLC_NONSQ",
        "sites": ["BONE", "LIVER"],
        "met_count": "GT5",
        "organ_count": "2",
        "prior_tx": ["SURGERY", "TKI:osimertinib"],
        "ps": "1",
        "biomarker_tested": "YES_TISSUE",
        "biomarkers": ["EGFR_COMMON"],
        "brain": "NONE_KNOWN",
        "symptoms": ["BONE_PAIN", "SEIZURE"],
        "goals": "BALANCE"
    })
}

/// Common English words Spanish text does not use (as in content/tests/spanish.rs).
const ENGLISH: &[&str] = &[
    "the", "and", "of", "to", "with", "your", "you", "is", "are", "this", "that", "for", "it",
    "be", "can", "have", "will", "or", "not", "what", "when", "who", "how", "may", "about",
];

fn looks_english(text: &str) -> bool {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let english = words
        .iter()
        .filter(|w| ENGLISH.contains(&w.as_str()))
        .count();
    english >= 1 && english * 4 >= words.len()
}

/// Every heading and button of the page: none reads as English, and none is an English UI string
/// (drug and brand names, the same in both, aside).
async fn assert_no_english(b: &Browser, context: &str) {
    let english_ui: Vec<String> = ["ui.json", "ui_more.json"]
        .iter()
        .flat_map(|f| {
            content("en", f)
                .as_object()
                .unwrap()
                .values()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect::<Vec<_>>()
        })
        .filter(|s| s.split_whitespace().count() >= 2)
        .collect();
    let texts = b.texts("h1, h2, h3, button, summary, .lead, label").await;
    let english: Vec<&String> = texts
        .iter()
        .filter(|t| !t.trim().is_empty() && t.trim() != "English")
        .filter(|t| looks_english(t) || english_ui.iter().any(|e| e == t.trim()))
        .collect();
    assert!(
        english.is_empty(),
        "English on the Spanish {context}: {english:#?}"
    );
}

async fn assert_spanish_page(b: &Browser, context: &str) {
    assert_eq!(
        b.attr("html", "lang").await.as_deref(),
        Some("es"),
        "{context}"
    );
    assert_no_english(b, context).await;
    b.assert_no_axe_violations(&format!("Spanish {context}"))
        .await;
}

#[tokio::test]
async fn a_seeded_story_shows_its_results_and_summary_in_spanish() {
    let server = StaticServer::start(dist_dir());
    let b = Browser::start().await;
    let url = server.url("/?lang=es");
    open_seeded(&b, &url, &[(STORAGE_KEY, &envelope(story(), "results"))]).await;
    b.wait_for(".results").await;
    b.wait_for(".option-card").await;
    assert_eq!(b.text("main h1").await.trim(), ui("es", "results.title"));
    // Urgent help in Spanish first: the seizure is an emergency.
    let banner = b.text("#urgent-banner").await;
    assert!(banner.contains("emergencia"), "{banner}");
    assert_spanish_page(&b, "results").await;
    // Nothing of it was remembered as a choice: ?lang= is for this visit.
    assert_eq!(b.local_storage_get(LANG_KEY).await, None);

    // The visit summary, in Spanish too.
    b.click("#open-summary").await;
    b.wait_for(".summary").await;
    assert_eq!(b.text("main h1").await.trim(), ui("es", "summary.title"));
    assert_spanish_page(&b, "summary").await;

    // The printed summary is in Spanish too (WebDriver print, read with pdftotext).
    let config = PrintConfiguration::builder()
        .size(PrintSize::A4)
        .background(true)
        .build()
        .expect("print configuration");
    let pdf = b.client().print(config).await.expect("WebDriver print");
    let dir = TempDir::new("spanish-pdf");
    let path = dir.write("resumen.pdf", &pdf);
    let out = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext");
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(text.contains(&ui("es", "summary.title")), "{text}");
    assert!(!text.contains(&ui("en", "summary.title")), "{text}");
    let english: Vec<&str> = text.lines().filter(|l| looks_english(l)).collect();
    assert!(
        english.is_empty(),
        "English lines on the Spanish printout: {english:#?}"
    );
    b.assert_no_console_errors().await;
    b.close().await;
}

#[tokio::test]
async fn the_keyboard_path_to_the_results_in_spanish() {
    let server = StaticServer::start(dist_dir());
    let b = Browser::start().await;
    b.goto(&server.url("/?lang=es")).await;
    b.wait_for("#start").await;
    assert_eq!(b.text("#start").await.trim(), ui("es", "welcome.start"));
    assert_spanish_page(&b, "welcome").await;
    tab_to(&b, "#start").await;
    b.press(Key::Enter).await;
    b.wait_for(".question").await;
    assert_spanish_page(&b, "first question").await;
    // Every question skipped by keyboard (Next with nothing chosen), then the review, then the
    // options: the whole way in Spanish.
    for _ in 0..60 {
        if b.exists(".review").await {
            break;
        }
        let step = b.attr(".question", "data-step").await.unwrap_or_default();
        tab_to(&b, "#next").await;
        b.press(Key::Enter).await;
        wait_after_step(&b, &step).await;
    }
    b.wait_for(".review").await;
    assert_spanish_page(&b, "review").await;
    tab_to(&b, "#see-options").await;
    b.press(Key::Enter).await;
    b.wait_for(".results").await;
    b.wait_for(".option-card").await;
    assert_spanish_page(&b, "results after not sure of everything").await;
    b.assert_no_console_errors().await;
    b.close().await;
}

#[tokio::test]
async fn the_device_language_is_the_default_and_the_english_welcome_is_left_out() {
    let server = StaticServer::start(dist_dir());
    let b = Browser::start().await;
    b.init_script(
        "Object.defineProperty(navigator, 'languages', { get: () => ['es-MX', 'es', 'en'] });",
    )
    .await;
    b.goto_before_app(&server.url("/")).await;
    // The first script left out the English pre-rendered welcome.
    let prerender = b
        .js(
            "return document.documentElement.hasAttribute('data-no-prerender')",
            vec![],
        )
        .await;
    assert_eq!(prerender, json!(true));
    b.reload().await;
    b.wait_for("#start").await;
    assert_eq!(b.text("#start").await.trim(), ui("es", "welcome.start"));
    assert_spanish_page(&b, "welcome from the device language").await;
    // The English welcome offers Español; the Spanish one offers English.
    assert!(b.exists("#welcome-lang-en[lang=en]").await);
    b.close().await;

    // An English device: English, with the pre-rendered welcome.
    let b = Browser::start().await;
    b.init_script("Object.defineProperty(navigator, 'languages', { get: () => ['en-GB'] });")
        .await;
    b.goto_before_app(&server.url("/")).await;
    // The first script kept the pre-rendered welcome (the app may have replaced it already).
    assert_eq!(
        b.js(
            "return document.documentElement.hasAttribute('data-no-prerender')",
            vec![]
        )
        .await,
        json!(false)
    );
    b.reload().await;
    b.wait_for("#start").await;
    assert_eq!(b.attr("html", "lang").await.as_deref(), Some("en"));
    assert!(b.exists("#welcome-lang-es[lang=es]").await);
    b.close().await;
}

#[tokio::test]
async fn switching_language_keeps_the_answers_and_the_choice() {
    let server = StaticServer::start(dist_dir());
    let b = Browser::start().await;
    b.goto(&server.url("/")).await;
    b.wait_for("#start").await;
    b.click("#start").await;
    b.wait_for(r#".question[data-step="histology"]"#).await;
    b.click(r#"input[name="histology"][value="SCLC"]"#).await;
    let english_question = b.text(".question h1").await;

    b.open_menu_around("#lang-es").await;
    assert_eq!(b.attr("#lang-es", "lang").await.as_deref(), Some("es"));
    assert_eq!(
        b.attr("#lang-en", "aria-pressed").await.as_deref(),
        Some("true")
    );
    b.click("#lang-es").await;
    b.wait_until_js(
        "return document.documentElement.lang === 'es' && document.querySelector('.question h1') !== null",
        vec![],
        "the question in Spanish",
    )
    .await;
    let spanish_question = b.text(".question h1").await;
    assert_ne!(spanish_question, english_question);
    assert_eq!(
        b.attr(r#".question"#, "data-step").await.as_deref(),
        Some("histology")
    );
    assert!(
        b.js(
            "return document.querySelector('input[name=histology][value=SCLC]').checked",
            vec![]
        )
        .await
            == json!(true),
        "the answer was kept"
    );
    assert_eq!(b.local_storage_get(LANG_KEY).await.as_deref(), Some("es"));
    assert_spanish_page(&b, "question after switching").await;

    // A later visit without ?lang= opens in the chosen language.
    b.goto(&server.url("/")).await;
    b.wait_for(".question, .welcome").await;
    assert_eq!(b.attr("html", "lang").await.as_deref(), Some("es"));

    // And back to English.
    b.open_menu_around("#lang-en").await;
    b.click("#lang-en").await;
    b.wait_until_js(
        "return document.documentElement.lang === 'en' && document.querySelector('main h1') !== null",
        vec![],
        "the guide in English again",
    )
    .await;
    assert_eq!(b.local_storage_get(LANG_KEY).await.as_deref(), Some("en"));
    b.assert_no_console_errors().await;
    b.close().await;
}

#[tokio::test]
async fn spanish_works_offline_after_one_visit() {
    let mut server = StaticServer::start(dist_dir());
    let b = Browser::start().await;
    b.goto(&server.url("/?lang=es")).await;
    b.wait_for("#start").await;
    b.wait_until_js(
        "return navigator.serviceWorker.controller !== null",
        vec![],
        "the service worker to control the page",
    )
    .await;
    server.stop();
    b.reload().await;
    b.wait_for("#start").await;
    assert_eq!(b.attr("html", "lang").await.as_deref(), Some("es"));
    b.click("#start").await;
    b.wait_for(".question").await;
    assert_spanish_page(&b, "question offline").await;
    b.close().await;
}
