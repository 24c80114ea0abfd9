//! What a person does in the guide, as reusable steps (keyboard-only answers, seeding saved
//! answers), written against W3C WebDriver only so they run in every [`crate::Engine`].
//! `e2e/tests/engines.rs` uses them; the Chromium-only test files keep their own copies.

use crate::browser::Browser;
use crate::{origin_of, Key, StaticServer};
use serde_json::json;
use std::time::Duration;

/// localStorage key of the saved answers (`src/storage.rs` `KEY`).
pub const STORAGE_KEY: &str = "recurrence-guide.answers";

/// Seed localStorage on the server's blank page (no app), drop the log so far, then open `url`:
/// the app starts with the items. Works in every engine (no init script).
pub async fn open_seeded(b: &Browser, url: &str, items: &[(&str, &str)]) {
    b.seed_local_storage(&origin_of(url), items).await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    b.clear_logs().await;
    b.goto(url).await;
}

/// The saved form of the answers (`src/storage.rs`) on `screen`.
pub fn envelope(profile: serde_json::Value, screen: &str) -> String {
    json!({
        "schema": 1,
        "saved_at": "2026-11-28T10:00:00Z",
        "screen": screen,
        "profile": profile,
    })
    .to_string()
}

/// Press Tab until the focused element matches `css` (panics after 120 presses).
pub async fn tab_to(b: &Browser, css: &str) {
    for _ in 0..120 {
        if b.focused_matches(css).await {
            return;
        }
        b.press(Key::Tab).await;
    }
    panic!(
        "{}: Tab never reached {css:?}; focus is on {}\n{}",
        b.engine(),
        b.focused().await,
        b.debug_state().await
    );
}

/// Is the input matching `css` checked?
pub async fn is_checked(b: &Browser, css: &str) -> bool {
    b.js(
        "const e = document.querySelector(arguments[0]); return !!(e && e.checked)",
        vec![json!(css)],
    )
    .await
    .as_bool()
    .unwrap_or(false)
}

/// Pick a radio button by keyboard: Tab into its group, arrow keys to the answer, Space.
pub async fn choose(b: &Browser, name: &str, value: &str) {
    let target = format!(r#"input[type=radio][name="{name}"][value="{value}"]"#);
    tab_to(b, &format!(r#"input[type=radio][name="{name}"]"#)).await;
    for _ in 0..40 {
        if b.focused_matches(&target).await {
            break;
        }
        b.press(Key::Down).await;
    }
    assert!(
        b.focused_matches(&target).await,
        "{}: arrows never reached {target}; focus is on {}",
        b.engine(),
        b.focused().await
    );
    if !is_checked(b, &target).await {
        b.press(Key::Space).await;
    }
    assert!(
        is_checked(b, &target).await,
        "{}: {target} not checked",
        b.engine()
    );
}

/// Tick a checkbox by keyboard: Tab to it, Space. Checkboxes must be ticked in page order.
pub async fn tick(b: &Browser, name: &str, value: &str) {
    let target = format!(r#"input[type=checkbox][name="{name}"][value="{value}"]"#);
    tab_to(b, &target).await;
    assert!(
        !is_checked(b, &target).await,
        "{}: {target} already ticked",
        b.engine()
    );
    b.press(Key::Space).await;
    assert!(
        is_checked(b, &target).await,
        "{}: {target} not ticked by Space",
        b.engine()
    );
}

/// Tab to Next, press Enter.
pub async fn next(b: &Browser) {
    tab_to(b, "#next").await;
    b.press(Key::Enter).await;
}

/// The question screen `step` is showing and focus is on its heading.
pub async fn at_step(b: &Browser, step: &str) {
    b.wait_for(&format!(r#".question[data-step="{step}"]"#))
        .await;
    b.wait_for_focus("#question-heading").await;
}

/// Open the guide at `/` and start by keyboard: the first question.
pub async fn start_by_keyboard(b: &Browser, server: &StaticServer) {
    b.goto(&server.url("/")).await;
    b.wait_for("#start").await;
    tab_to(b, "#start").await;
    b.press(Key::Enter).await;
    at_step(b, "histology").await;
}

/// By mouse-like clicks: start, answer the type and the first site (skipping the number of spots
/// on the same screen), land on the third screen: the treatments.
pub async fn answer_two_questions(b: &Browser) {
    b.click("#start").await;
    b.wait_for(r#".question[data-step="histology"]"#).await;
    b.click(r#"input[name="histology"][value="NSCLC_NONSQ"]"#)
        .await;
    b.click("#next").await;
    b.wait_for(r#".question[data-step="sites"]"#).await;
    b.click(r#"input[name="sites"][value="BONE"]"#).await;
    b.click("#next").await;
    b.wait_for(r#".question[data-step="prior_tx"]"#).await;
}

/// Waits until the screen after question `step` is showing: another question, or the review.
pub async fn wait_after_step(b: &Browser, step: &str) {
    b.wait_until_js(
        "const q = document.querySelector('.question'); return document.querySelector('.review') !== null || (q !== null && q.dataset.step !== arguments[0])",
        vec![serde_json::json!(step)],
        &format!("the screen after {step}"),
    )
    .await;
}
