//! The person's path, measured on a 390 x 844 phone in headless Chromium against the release
//! build (issue 10): screens and taps from the welcome to the results for the project's stories,
//! the results' height in phone screens with every card collapsed, urgent help in the first
//! screen of the results, and no sideways scrolling on any screen at 320 CSS px with the browser's
//! text at 200% and with the guide's own 150%. Counts are asserted (they are deterministic), never
//! times. The numbers are printed for the notes: `cargo test -p guide-e2e --test experience --
//! --nocapture`.

use std::path::PathBuf;

use guide_e2e::steps::{envelope, open_seeded, wait_after_step, STORAGE_KEY};
use guide_e2e::{dist_dir, json, repo_root, Browser, StaticServer, Value};

const PHONE: (u32, u32) = (390, 844);
/// Issue 10's target for the results (met: 7.4 at most over the 76 stories on 2026-12-07).
const MAX_RESULT_SCREENS: f64 = 8.0;
/// Screens from the welcome to the results for the EGFR story that grew on osimertinib: the
/// issue's target. 23 at first, 17 with the question table, 14 once only the questions that can
/// change the list are asked and short related questions share a screen (2026-12-07).
const MAX_SCREENS_TO_RESULTS: usize = 14;

fn stories() -> Vec<(String, Value)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(repo_root().join("tests/stories"))
        .expect("tests/stories")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let v: Value =
                serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).expect("story");
            let name = p.file_stem().unwrap().to_string_lossy().to_string();
            (name, v["profile"].clone())
        })
        .collect()
}

/// "Not sure" of almost everything: the type is known, every other answer is "not sure".
fn unsure_profile() -> Value {
    json!({
        "version": 1,
        "histology": "NSCLC_NONSQ",
        "sites": ["UNKNOWN"],
        "met_count": "UNKNOWN",
        "organ_count": "UNKNOWN",
        "prior_tx": ["UNKNOWN"],
        "ps": "UNKNOWN",
        "surgery_fit": "UNKNOWN",
        "biomarker_tested": "UNKNOWN",
        "brain": "UNKNOWN",
        "goals": "UNSURE"
    })
}

/// Small cell that came back, with new confusion or weakness (a neurological red flag).
fn sclc_neuro_profile() -> Value {
    json!({
        "version": 1,
        "histology": "SCLC",
        "sites": ["BRAIN", "LIVER"],
        "met_count": "GT5",
        "organ_count": "2",
        "prior_tx": ["PLATINUM_CHEMO"],
        "prior_tx_setting": {"PLATINUM_CHEMO": "ADVANCED"},
        "last_systemic_outcome": "CAME_BACK_AFTER",
        "ctfi": "M3_6",
        "ps": "2",
        "brain": "SYMPTOMATIC",
        "symptoms": ["NEW_NEURO_SYMPTOMS"]
    })
}

/// The results' height in phone screens, every card collapsed (as they open).
async fn result_screens(b: &Browser, url: &str, profile: &Value) -> f64 {
    open_seeded(
        b,
        url,
        &[(STORAGE_KEY, &envelope(profile.clone(), "results"))],
    )
    .await;
    b.wait_for(".results .option-card").await;
    let v = b
        .js(
            "return [document.documentElement.scrollHeight, window.innerHeight]",
            vec![],
        )
        .await;
    v[0].as_f64().unwrap() / v[1].as_f64().unwrap()
}

#[tokio::test]
async fn results_fit_in_eight_phone_screens_for_every_story() {
    let server = StaticServer::start(dist_dir());
    let b = Browser::start().await;
    b.set_viewport(PHONE.0, PHONE.1).await;
    let url = server.url("/");
    let mut named = stories();
    named.push(("not-sure-of-almost-everything".into(), unsure_profile()));
    named.push(("sclc-neurological-red-flag".into(), sclc_neuro_profile()));
    let mut over = Vec::new();
    let mut worst = (String::new(), 0.0f64);
    for (name, profile) in &named {
        let screens = result_screens(&b, &url, profile).await;
        if name.contains("grew-on-osimertinib")
            || name.starts_with("not-sure")
            || name.starts_with("sclc-neuro")
        {
            println!("results of {name}: {screens:.1} phone screens");
        }
        if screens > worst.1 {
            worst = (name.clone(), screens);
        }
        if screens > MAX_RESULT_SCREENS {
            over.push(format!("{name}: {screens:.1} screens"));
        }
    }
    println!(
        "results of {} stories: the longest is {} at {:.1} phone screens",
        named.len(),
        worst.0,
        worst.1
    );
    assert!(
        over.is_empty(),
        "results longer than {MAX_RESULT_SCREENS} phone screens (390 x 844, cards collapsed):\n{}",
        over.join("\n")
    );
    b.close().await;
}

#[tokio::test]
async fn urgent_help_is_in_the_first_screen_of_the_results() {
    let server = StaticServer::start(dist_dir());
    let b = Browser::start().await;
    b.set_viewport(PHONE.0, PHONE.1).await;
    let url = server.url("/");
    open_seeded(
        &b,
        &url,
        &[(STORAGE_KEY, &envelope(sclc_neuro_profile(), "results"))],
    )
    .await;
    b.wait_for(".results .option-card").await;
    let rect = b
        .js(
            "const r = document.querySelector('#urgent-banner').getBoundingClientRect();
             const bar = document.querySelector('.help-bar');
             return [r.top, r.bottom, window.innerHeight, bar ? bar.getBoundingClientRect().bottom : -1]",
            vec![],
        )
        .await;
    let (top, bottom, height) = (
        rect[0].as_f64().unwrap(),
        rect[1].as_f64().unwrap(),
        rect[2].as_f64().unwrap(),
    );
    assert!(
        top >= 0.0 && bottom <= height,
        "the urgent banner is not whole in the first screen: {rect}"
    );
    let text = b.text("#urgent-banner").await;
    assert!(text.contains("emergency"), "{text}");
    b.close().await;
}

/// Answers the question on screen from `profile` (radios by value, ticks by values; per-drug
/// settings from `prior_tx_setting`), then presses Next; returns the taps it took.
async fn answer_from(b: &Browser, profile: &Value) -> usize {
    // An answer can open the next question on the same screen: answer again until nothing new.
    let mut taps = 0;
    for _ in 0..4 {
        let more = answer_visible(b, profile).await;
        if more == 0 {
            break;
        }
        taps += more;
        tokio::time::sleep(std::time::Duration::from_millis(60)).await;
    }
    taps
}

async fn answer_visible(b: &Browser, profile: &Value) -> usize {
    let taps = b
        .js(
            "const [p] = arguments;
             const q = document.querySelector('.question');
             let taps = 0;
             const visible = e => e.offsetParent !== null;
             // Each input's name is its question (a screen can ask several).
             for (const r of Array.from(q.querySelectorAll('input[type=radio]')).filter(visible)) {
               let value = null;
               if (r.name in p) value = p[r.name];
               else if (r.name.startsWith('setting--') && p.prior_tx_setting) {
                 for (const [k, v] of Object.entries(p.prior_tx_setting)) {
                   if (r.name === 'setting--' + k.replace(/[^A-Za-z0-9]+/g, '-')) value = v;
                 }
               }
               if (value !== null && r.value === value && !r.checked) { r.click(); taps++; }
             }
             for (const c of Array.from(q.querySelectorAll('input[type=checkbox]'))) {
               const list = Array.isArray(p[c.name]) ? p[c.name] : [];
               if (list.includes(c.value) && !c.checked) {
                 if (!visible(c)) continue;
                 c.click(); taps++;
               }
             }
             return taps",
            vec![profile.clone()],
        )
        .await;
    taps.as_u64().unwrap_or(0) as usize
}

/// Walks a story from the welcome to the results as a person would: Start, each question asked
/// answered from the story (or skipped when the story does not say), the review, See options.
/// Returns (screens, taps) including the welcome and the results.
async fn walk(b: &Browser, server: &StaticServer, profile: &Value) -> (usize, usize) {
    b.goto(&server.url("/")).await;
    b.js("localStorage.clear(); return 1", vec![]).await;
    b.reload().await;
    b.wait_for("#start").await;
    let mut screens = 1;
    let mut taps = 0;
    b.click("#start").await;
    taps += 1;
    b.wait_for(".question").await;
    for _ in 0..80 {
        if b.exists(".review").await {
            break;
        }
        screens += 1;
        let step = b.attr(".question", "data-step").await.unwrap_or_default();
        taps += answer_from(b, profile).await;
        b.click("#next").await;
        taps += 1;
        wait_after_step(b, &step).await;
    }
    b.wait_for(".review").await;
    screens += 1;
    b.click("#see-options").await;
    taps += 1;
    b.wait_for(".results").await;
    screens += 1;
    (screens, taps)
}

#[tokio::test]
async fn the_egfr_story_reaches_its_results_in_few_screens() {
    let server = StaticServer::start(dist_dir());
    let b = Browser::start().await;
    b.set_viewport(PHONE.0, PHONE.1).await;
    let mut worst = (String::new(), 0usize, 0usize);
    for (name, profile) in stories() {
        let (screens, taps) = walk(&b, &server, &profile).await;
        if name.starts_with("02-egfr-grew-on-osimertinib") {
            println!("{name}: {screens} screens and {taps} taps from the welcome to the results");
            assert!(
                screens <= MAX_SCREENS_TO_RESULTS,
                "{name}: {screens} screens (target {MAX_SCREENS_TO_RESULTS})"
            );
        }
        if screens > worst.1 {
            worst = (name, screens, taps);
        }
    }
    println!(
        "the longest path of the stories: {} with {} screens and {} taps",
        worst.0, worst.1, worst.2
    );
    b.close().await;
}

/// No sideways scrolling: the page and every element inside it fit the width.
async fn assert_no_overflow(b: &Browser, context: &str) {
    let v = b
        .js(
            "const d = document.documentElement;
             const wide = Array.from(document.querySelectorAll('main *, header *'))
               .filter(e => e.getBoundingClientRect().right > d.clientWidth + 1 && e.offsetParent !== null)
               .slice(0, 5).map(e => e.tagName + '.' + e.className);
             return [d.scrollWidth, d.clientWidth, wide]",
            vec![],
        )
        .await;
    assert!(
        v[0].as_f64() <= v[1].as_f64() && v[2].as_array().is_some_and(|a| a.is_empty()),
        "{context}: scrolls sideways at 320 px: {v}"
    );
}

/// Every answer's words have room: at least 140 CSS px (about eight letters of 32 px text), so
/// no word is cut into pieces of two or three letters (seen: "For / ca / nc / er" when the
/// spacing grew with the text).
async fn assert_answers_readable(b: &Browser, context: &str) {
    let v = b
        .js(
            "const narrow = Array.from(document.querySelectorAll('.question .choice label'))
               .filter(l => l.offsetParent !== null && l.getBoundingClientRect().width < 140)
               .slice(0, 3).map(l => [l.textContent, Math.round(l.getBoundingClientRect().width)]);
             return narrow",
            vec![],
        )
        .await;
    assert!(
        v.as_array().is_some_and(|a| a.is_empty()),
        "{context}: answers squeezed: {v}"
    );
}

#[tokio::test]
async fn no_screen_scrolls_sideways_at_320px_with_large_text() {
    let server = StaticServer::start(dist_dir());
    let b = Browser::start().await;
    b.set_viewport(320, 640).await;
    // The browser's own text size at 200% (Chromium's default font size 16 -> 32 px).
    b.cdp(
        "Page.setFontSizes",
        json!({"fontSizes": {"standard": 32, "fixed": 26}}),
    )
    .await;
    for own in [None, Some("150")] {
        b.goto(&server.url("/")).await;
        b.js("localStorage.clear(); return 1", vec![]).await;
        if let Some(size) = own {
            b.js(
                "localStorage.setItem('recurrence-guide.text-size', arguments[0]); return 1",
                vec![json!(size)],
            )
            .await;
        }
        b.reload().await;
        let label = format!(
            "text 200%{}",
            own.map(|s| format!(" and the guide's {s}%"))
                .unwrap_or_default()
        );
        b.wait_for("#start").await;
        assert_no_overflow(&b, &format!("welcome, {label}")).await;
        b.click("#start").await;
        b.wait_for(".question").await;
        for _ in 0..60 {
            if b.exists(".review").await {
                break;
            }
            let step = b.attr(".question", "data-step").await.unwrap_or_default();
            if step == "prior_tx" {
                // Open the nested pill list and, on the next screen, a drug's setting.
                b.click(r#"input[name="prior_tx-group"][value="TKI"]"#)
                    .await;
                b.click(r#"input[value="TKI:osimertinib"]"#).await;
            }
            assert_no_overflow(&b, &format!("question {step}, {label}")).await;
            assert_answers_readable(&b, &format!("question {step}, {label}")).await;
            b.click("#next").await;
            wait_after_step(&b, &step).await;
        }
        assert_no_overflow(&b, &format!("review, {label}")).await;
        b.click("#see-options").await;
        b.wait_for(".results .option-card").await;
        assert_no_overflow(&b, &format!("results, {label}")).await;
        b.click("#open-summary").await;
        b.wait_for(".summary h1").await;
        assert_no_overflow(&b, &format!("summary, {label}")).await;
    }
    // A story with urgent help, on the results and the urgent page.
    open_seeded(
        &b,
        &server.url("/"),
        &[(STORAGE_KEY, &envelope(sclc_neuro_profile(), "results"))],
    )
    .await;
    b.wait_for(".results .option-card").await;
    assert_no_overflow(&b, "small cell results with urgent help, text 200%").await;
    b.click("#nav-urgent").await;
    b.wait_for(".content-page").await;
    assert_no_overflow(&b, "urgent page, text 200%").await;
    b.close().await;
}
