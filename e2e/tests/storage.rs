//! Saving in a real browser (release build): answers saved on every change and a reload
//! resumes the same screen; Start over asks first and then clears; unreadable, newer, blocked
//! and full storage each show their message and leave a working guide, with no console error.

use guide_e2e::{dist_dir, json, Browser, Key, StaticServer, Value};

const KEY: &str = "recurrence-guide.answers";
const UNREADABLE_KEY: &str = "recurrence-guide.answers.unreadable";

/// Seed localStorage on the server's blank page, then open the app. (The blank page has no
/// icon link, so Chromium's /favicon.ico 404 from it is dropped from the log first.)
async fn open_seeded(b: &Browser, url: &str, items: &[(&str, &str)]) {
    b.seed_local_storage(&guide_e2e::origin_of(url), items)
        .await;
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    b.clear_logs().await;
    b.goto(url).await;
}

async fn is_checked(b: &Browser, css: &str) -> bool {
    b.js(
        "const e = document.querySelector(arguments[0]); return !!(e && e.checked)",
        vec![json!(css)],
    )
    .await
    .as_bool()
    .unwrap_or(false)
}

/// Start, answer the type and the first site, land on the third question.
async fn answer_two_questions(b: &Browser) {
    b.click("#start").await;
    b.wait_for(r#".question[data-step="histology"]"#).await;
    b.click(r#"input[name="histology"][value="NSCLC_NONSQ"]"#)
        .await;
    b.click("#next").await;
    b.wait_for(r#".question[data-step="sites"]"#).await;
    b.click(r#"input[name="sites"][value="BONE"]"#).await;
    b.click("#next").await;
    b.wait_for(r#".question[data-step="met_count"]"#).await;
}

fn saved_profile(b_storage: Option<String>) -> Value {
    let raw = b_storage.expect("answers saved");
    serde_json::from_str(&raw).expect("saved JSON")
}

#[tokio::test]
async fn answers_are_saved_on_every_change_and_a_reload_resumes_the_screen() {
    let server = StaticServer::start(dist_dir());
    let b = Browser::start().await;
    b.goto(&server.url("/")).await;
    b.wait_for("#start").await;
    assert_eq!(
        b.local_storage_get(KEY).await,
        None,
        "nothing saved before any answer"
    );
    answer_two_questions(&b).await;

    let saved = saved_profile(b.local_storage_get(KEY).await);
    assert_eq!(saved["schema"], 1);
    assert_eq!(saved["screen"], "q:met_count");
    assert_eq!(saved["profile"]["version"], 1);
    assert_eq!(saved["profile"]["histology"], "NSCLC_NONSQ");
    assert_eq!(saved["profile"]["sites"], json!(["BONE"]));
    assert!(saved["saved_at"].as_str().unwrap().starts_with("20"));

    // A change is saved before Next.
    b.click(r#"input[name="met_count"][value="1"]"#).await;
    let saved = saved_profile(b.local_storage_get(KEY).await);
    assert_eq!(saved["profile"]["met_count"], "1");

    b.reload().await;
    b.wait_for(r#".question[data-step="met_count"]"#).await;
    assert!(is_checked(&b, r#"input[name="met_count"][value="1"]"#).await);
    b.click("#back").await;
    b.wait_for(r#".question[data-step="sites"]"#).await;
    assert!(is_checked(&b, r#"input[name="sites"][value="BONE"]"#).await);

    // The welcome screen offers to resume.
    b.click(".title-button").await;
    b.wait_for("#resume").await;
    b.click("#resume").await;
    b.wait_for(r#".question[data-step="organ_count"]"#).await;
    assert!(
        !b.exists(".notice-storage").await,
        "no storage message when all is well"
    );
    b.assert_no_console_errors().await;
    b.close().await;
}

#[tokio::test]
async fn start_over_asks_first_then_clears_the_saved_answers() {
    let server = StaticServer::start(dist_dir());
    let b = Browser::start().await;
    b.goto(&server.url("/")).await;
    b.wait_for("#start").await;
    answer_two_questions(&b).await;

    // Cancel keeps everything.
    b.click("#nav-start-over").await;
    b.wait_until_js(
        "return document.querySelector('dialog').open",
        vec![],
        "dialog open",
    )
    .await;
    // The safe choice has focus: Enter or Space by mistake keeps the answers.
    b.wait_for_focus("#cancel-start-over").await;
    b.assert_no_axe_violations("start over dialog").await;
    b.press(Key::Escape).await;
    b.wait_until_js(
        "return !document.querySelector('dialog').open",
        vec![],
        "dialog closed",
    )
    .await;
    assert!(b.local_storage_get(KEY).await.is_some());
    b.wait_for_focus("#nav-start-over").await;
    b.click("#nav-start-over").await;
    b.click("#cancel-start-over").await;
    b.wait_for_focus("#nav-start-over").await;
    assert!(b.local_storage_get(KEY).await.is_some());
    b.wait_for(r#".question[data-step="met_count"]"#).await;

    // Confirm clears and goes to the welcome screen.
    b.click("#nav-start-over").await;
    b.click("#confirm-start-over").await;
    b.wait_for("#start").await;
    b.wait_for_focus(".welcome h1").await;
    assert_eq!(b.local_storage_get(KEY).await, None);
    assert!(!b.exists("#nav-start-over").await);
    b.reload().await;
    b.wait_for("#start").await;
    assert_eq!(b.local_storage_get(KEY).await, None);
    b.assert_no_console_errors().await;
    b.close().await;
}

#[tokio::test]
async fn unreadable_saved_data_is_kept_aside_and_the_guide_starts_fresh() {
    let server = StaticServer::start(dist_dir());
    let b = Browser::start().await;
    let corrupt = r#"{"schema":1,"profile":{"version":1,"histology":"#;
    open_seeded(&b, &server.url("/"), &[(KEY, corrupt)]).await;
    let msg = b
        .wait_for_text(
            r#"[data-notice="storage.unreadable"]"#,
            "We couldn't read your saved answers, so we started fresh. The old data is kept on this device.",
        )
        .await;
    assert!(!msg.is_empty());
    assert_eq!(
        b.local_storage_get(UNREADABLE_KEY).await.as_deref(),
        Some(corrupt)
    );
    b.assert_no_axe_violations("welcome with the unreadable-data message")
        .await;
    answer_two_questions(&b).await;
    assert!(
        b.local_storage_get(KEY).await.is_some(),
        "new answers are saved"
    );
    assert_eq!(
        b.local_storage_get(UNREADABLE_KEY).await.as_deref(),
        Some(corrupt)
    );

    // A profile the engine refuses is handled the same way (and never overwrites the first copy).
    let bad_profile =
        r#"{"schema":1,"screen":"review","profile":{"version":1,"histology":"BANANA"}}"#;
    b.js(
        "localStorage.setItem(arguments[0], arguments[1]); return 1",
        vec![json!(KEY), json!(bad_profile)],
    )
    .await;
    b.reload().await;
    b.wait_for(r#"[data-notice="storage.unreadable"]"#).await;
    b.wait_for("#start").await;
    let all = b.local_storage().await;
    assert_eq!(all.get(UNREADABLE_KEY).map(String::as_str), Some(corrupt));
    assert!(
        all.iter()
            .any(|(k, v)| k.starts_with(&format!("{UNREADABLE_KEY}.")) && v == bad_profile),
        "{all:?}"
    );
    b.assert_no_console_errors().await;
    b.close().await;
}

#[tokio::test]
async fn data_from_a_newer_version_is_left_alone_and_the_guide_works_in_memory() {
    let server = StaticServer::start(dist_dir());
    let b = Browser::start().await;
    let newer = r#"{"schema":2,"saved_at":"2031-01-01T00:00:00Z","profile":{"version":2}}"#;
    open_seeded(&b, &server.url("/"), &[(KEY, newer)]).await;
    b.wait_for_text(r#"[data-notice="storage.future"]"#, "newer version")
        .await;
    answer_two_questions(&b).await;
    b.click("#nav-start-over").await;
    b.click("#confirm-start-over").await;
    b.wait_for("#start").await;
    assert_eq!(b.local_storage_get(KEY).await.as_deref(), Some(newer));
    assert_eq!(b.local_storage().await.len(), 1);
    b.assert_no_console_errors().await;
    b.close().await;
}

#[tokio::test]
async fn blocked_storage_shows_the_message_and_the_guide_still_works() {
    let server = StaticServer::start(dist_dir());
    let b = Browser::start().await;
    // Like a sandboxed frame or "block all site data": touching localStorage throws.
    b.init_script("Object.defineProperty(window, 'localStorage', { configurable: true, get() { \
           throw new DOMException('The document is sandboxed and lacks the allow-same-origin flag.', 'SecurityError'); } });",
    )
    .await;
    b.goto(&server.url("/")).await;
    b.wait_for_text(
        r#"[data-notice="storage.unavailable"]"#,
        "Your answers can't be saved in this browser (private mode or blocked storage). The guide still works; your answers will be lost when you close the page.",
    )
    .await;
    b.assert_no_axe_violations("welcome with the blocked-storage message")
        .await;
    answer_two_questions(&b).await;
    b.click(r#"input[name="met_count"][value="GT5"]"#).await;
    b.click("#next").await;
    b.wait_for(r#".question[data-step="prior_tx"]"#).await;
    b.assert_no_console_errors().await;
    b.close().await;
}

#[tokio::test]
async fn a_full_storage_says_the_answers_could_not_be_saved() {
    let server = StaticServer::start(dist_dir());
    let b = Browser::start().await;
    b.init_script("const set = Storage.prototype.setItem; \
         Storage.prototype.setItem = function (k, v) { \
           if (k === 'recurrence-guide.answers') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); \
           return set.call(this, k, v); };",
    )
    .await;
    b.goto(&server.url("/")).await;
    b.wait_for("#start").await;
    assert!(!b.exists(".notice-storage").await);
    b.click("#start").await;
    b.wait_for(r#".question[data-step="histology"]"#).await;
    b.wait_for_text(r#"[data-notice="storage.quota"]"#, "could not be saved")
        .await;
    b.click(r#"input[name="histology"][value="SCLC"]"#).await;
    b.click("#next").await;
    b.wait_for(r#".question[data-step="sites"]"#).await;
    b.assert_no_console_errors().await;
    b.close().await;
}
