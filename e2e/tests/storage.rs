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

/// Start, answer the type and the first site (skipping the number of spots on the same screen),
/// land on the third screen: the treatments.
async fn answer_two_questions(b: &Browser) {
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
    assert_eq!(saved["screen"], "q:prior_tx");
    assert_eq!(saved["profile"]["version"], 1);
    assert_eq!(saved["profile"]["histology"], "NSCLC_NONSQ");
    assert_eq!(saved["profile"]["sites"], json!(["BONE"]));
    assert!(saved["saved_at"].as_str().unwrap().starts_with("20"));

    // A change is saved before Next.
    b.click(r#"input[name="prior_tx"][value="SURGERY"]"#).await;
    let saved = saved_profile(b.local_storage_get(KEY).await);
    assert_eq!(saved["profile"]["prior_tx"], json!(["SURGERY"]));

    b.reload().await;
    b.wait_for(r#".question[data-step="prior_tx"]"#).await;
    assert!(is_checked(&b, r#"input[name="prior_tx"][value="SURGERY"]"#).await);
    b.click("#back").await;
    b.wait_for(r#".question[data-step="sites"]"#).await;
    assert!(is_checked(&b, r#"input[name="sites"][value="BONE"]"#).await);

    // The welcome screen offers to resume.
    b.click(".title-button").await;
    b.wait_for("#resume").await;
    // Resume: the first screen with a question not answered (the number of spots, skipped).
    b.click("#resume").await;
    b.wait_for(r#".question[data-step="sites"]"#).await;
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
    b.wait_for(r#".question[data-step="prior_tx"]"#).await;

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
    b.click(r#"input[name="prior_tx"][value="SURGERY"]"#).await;
    b.click("#next").await;
    b.wait_for(r#".question:not([data-step="prior_tx"])"#).await;
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

// ------------------------------------------------------------------ issue 12

const TEXT_SIZE_KEY: &str = "recurrence-guide.text-size";

/// A saved story (small cell, relapse after platinum) on `screen`, with `notes`.
fn story(notes: &[String], screen: &str) -> String {
    json!({
        "schema": 1,
        "saved_at": "2026-11-28T10:00:00Z",
        "screen": screen,
        "profile": {
            "version": 1, "histology": "SCLC", "sites": ["LIVER"], "met_count": "GT5",
            "organ_count": "1", "prior_tx": ["PLATINUM_CHEMO"],
            "prior_tx_setting": {"PLATINUM_CHEMO": "ADVANCED"},
            "last_systemic_outcome": "CAME_BACK_AFTER", "ctfi": "GT6M", "ps": "1"
        },
        "notes": notes,
    })
    .to_string()
}

async fn note_texts(b: &Browser) -> Vec<String> {
    b.texts(r#"[data-list="own-notes"] .own-text"#).await
}

/// Types a note into the notes field and presses Add note.
async fn add_note(b: &Browser, text: &str) {
    b.click("#own-notes-input").await;
    b.type_text(text).await;
    b.click("#own-notes-add").await;
}

/// Sets a field's value as a paste or a script would (past `maxlength`), with an input event.
async fn set_value(b: &Browser, css: &str, value: &str) {
    b.js(
        "const e = document.querySelector(arguments[0]); e.value = arguments[1]; \
         e.dispatchEvent(new Event('input', { bubbles: true })); return true",
        vec![json!(css), json!(value)],
    )
    .await;
}

/// Fills what is left of this origin's localStorage with other keys, down to the last character.
async fn fill_storage(b: &Browser) {
    let filled = b
        .js(
            "let n = 0, size = 1 << 20; \
             while (size >= 1) { \
               try { localStorage.setItem('other-app.' + n, 'x'.repeat(size)); n++; } \
               catch (e) { size = Math.floor(size / 2); } \
             } \
             try { localStorage.setItem('recurrence-guide.probe', '1'); return -1; } catch (e) { return n; }",
            vec![],
        )
        .await;
    assert!(
        filled.as_i64().unwrap_or(-1) > 0,
        "storage filled: {filled}"
    );
}

#[tokio::test]
async fn notes_added_in_two_tabs_both_survive() {
    let server = StaticServer::start(dist_dir());
    let b = Browser::start().await;
    let url = server.url("/");
    open_seeded(&b, &url, &[(KEY, &story(&[], "summary"))]).await;
    b.wait_for("#own-notes-input").await;
    let (tab_a, tab_b) = b.new_tab().await;
    b.goto(&url).await;
    b.wait_for("#own-notes-input").await;

    b.switch_to(&tab_a).await;
    add_note(&b, "Note from tab A").await;
    b.wait_for_text(r#"[data-list="own-notes"]"#, "Note from tab A")
        .await;

    // Tab B was opened before A's note: it takes A's note in and keeps its own.
    b.switch_to(&tab_b).await;
    add_note(&b, "Note from tab B").await;
    b.wait_until_js(
        "return document.querySelectorAll('[data-list=\"own-notes\"] .own-text').length === 2",
        vec![],
        "both notes in tab B",
    )
    .await;
    let saved: Value = serde_json::from_str(&b.local_storage_get(KEY).await.unwrap()).unwrap();
    assert_eq!(
        saved["notes"],
        json!(["Note from tab A", "Note from tab B"]),
        "{saved}"
    );

    b.switch_to(&tab_a).await;
    b.wait_for_text(r#"[data-list="own-notes"]"#, "Note from tab B")
        .await;
    b.wait_for_text(
        r#"[data-notice="storage.updated_elsewhere"]"#,
        "Updated from another tab",
    )
    .await;
    assert_eq!(
        note_texts(&b).await,
        vec!["Note from tab A", "Note from tab B"]
    );
    b.reload().await;
    b.wait_for("#own-notes-input").await;
    assert_eq!(
        note_texts(&b).await,
        vec!["Note from tab A", "Note from tab B"]
    );
    assert!(
        !b.exists(r#"[data-notice="storage.week"]"#).await,
        "no 7-day notice outside WebKit"
    );
    b.assert_no_console_errors().await;
    b.close().await;
}

#[tokio::test]
async fn a_delete_in_one_tab_is_not_undone_by_the_other() {
    let server = StaticServer::start(dist_dir());
    let b = Browser::start().await;
    let url = server.url("/");
    let private = "Private note about my scan";
    open_seeded(&b, &url, &[(KEY, &story(&[private.into()], "summary"))]).await;
    b.wait_for_text(r#"[data-list="own-notes"]"#, private).await;
    let (tab_a, tab_b) = b.new_tab().await;
    b.goto(&url).await;
    b.wait_for_text(r#"[data-list="own-notes"]"#, private).await;

    b.switch_to(&tab_a).await;
    b.click("#delete-answers").await;
    b.click("#confirm-delete").await;
    b.wait_for(r#"[data-notice="privacy.deleted"]"#).await;
    assert_eq!(b.local_storage_get(KEY).await, None);

    // Tab B, still open on the summary, empties itself and writes nothing back.
    b.switch_to(&tab_b).await;
    b.wait_for(r#"[data-notice="storage.deleted_elsewhere"]"#)
        .await;
    b.wait_for("#start").await;
    assert!(!b.text("body").await.contains(private));
    assert_eq!(b.local_storage_get(KEY).await, None);
    // Moving on in tab B does not bring the old answers back.
    b.click("#nav-about").await;
    b.wait_for(".page-screen").await;
    b.click(".back-link").await;
    b.wait_for("#start").await;
    let left = b.local_storage_get(KEY).await.unwrap_or_default();
    assert!(!left.contains(private) && !left.contains("SCLC"), "{left}");
    b.reload().await;
    b.wait_for("#start").await;
    assert!(!b.exists("#resume").await);
    b.assert_no_console_errors().await;
    b.close().await;
}

#[tokio::test]
async fn near_full_storage_resumes_the_saved_answers_with_the_full_notice() {
    let server = StaticServer::start(dist_dir());
    let b = Browser::start().await;
    let url = server.url("/");
    let saved = story(&["Kept even when full".into()], "summary");
    b.seed_local_storage(&guide_e2e::origin_of(&url), &[(KEY, &saved)])
        .await;
    fill_storage(&b).await;
    b.clear_logs().await;
    b.goto(&url).await;
    b.wait_for_text(r#"[data-list="own-notes"]"#, "Kept even when full")
        .await;
    b.wait_for_text(r#"[data-notice="storage.full"]"#, "storage is full")
        .await;
    assert!(!b.exists(r#"[data-notice="storage.unavailable"]"#).await);
    assert_eq!(
        b.local_storage_get(KEY).await.as_deref(),
        Some(saved.as_str())
    );
    // The notice stays on every screen.
    b.click("#nav-about").await;
    b.wait_for(".page-screen").await;
    assert!(b.exists(r#"[data-notice="storage.full"]"#).await);
    b.close().await;
}

#[tokio::test]
async fn unreadable_data_too_big_to_keep_aside_says_answers_cannot_be_kept() {
    let server = StaticServer::start(dist_dir());
    let b = Browser::start().await;
    let url = server.url("/");
    let big = format!("{{\"schema\":1,\"profile\":\"{}", "x".repeat(1_500_000));
    b.seed_local_storage(&guide_e2e::origin_of(&url), &[(KEY, &big)])
        .await;
    fill_storage(&b).await;
    b.clear_logs().await;
    b.goto(&url).await;
    b.wait_for_text(
        r#"[data-notice="storage.not_kept"]"#,
        "can't keep your answers",
    )
    .await;
    assert!(!b.exists(r#"[data-notice="storage.unreadable"]"#).await);
    answer_two_questions(&b).await;
    // Still said on this screen, and nothing was written over the old data.
    assert!(b.exists(r#"[data-notice="storage.not_kept"]"#).await);
    assert_eq!(
        b.local_storage_get(KEY).await.map(|v| v.len()),
        Some(big.len())
    );
    b.reload().await;
    b.wait_for(r#"[data-notice="storage.not_kept"]"#).await;
    b.close().await;
}

#[tokio::test]
async fn a_failed_delete_says_so_and_what_is_left() {
    let server = StaticServer::start(dist_dir());
    let b = Browser::start().await;
    b.init_script(
        "const remove = Storage.prototype.removeItem; \
         Storage.prototype.removeItem = function (k) { \
           if (window.__failRemove) throw new DOMException('The operation is insecure.', 'SecurityError'); \
           return remove.call(this, k); };",
    )
    .await;
    let url = server.url("/");
    let saved = story(&["Still here".into()], "summary");
    open_seeded(&b, &url, &[(KEY, &saved), (TEXT_SIZE_KEY, "125")]).await;
    b.wait_for_text(r#"[data-list="own-notes"]"#, "Still here")
        .await;
    b.js("window.__failRemove = true; return 1", vec![]).await;
    b.click("#delete-answers").await;
    b.click("#confirm-delete").await;
    let msg = b
        .wait_for_text(
            r#"[data-notice="privacy.delete_failed"]"#,
            "your answers, notes and questions",
        )
        .await;
    assert!(msg.contains("could not be deleted"), "{msg}");
    assert!(msg.contains("your text size"), "{msg}");
    assert!(!b.exists(r#"[data-notice="privacy.deleted"]"#).await);
    assert!(b.local_storage_get(KEY).await.is_some());
    // The page keeps showing what is still saved.
    assert!(b
        .text(r#"[data-list="own-notes"]"#)
        .await
        .contains("Still here"));
    b.assert_no_console_errors().await;
    b.close().await;
}

#[tokio::test]
async fn limits_show_their_message_and_nothing_is_cut() {
    let server = StaticServer::start(dist_dir());
    let b = Browser::start().await;
    let url = server.url("/");
    let long_saved = "L".repeat(3012);
    let mut notes: Vec<String> = (1..99).map(|i| format!("Note {i}")).collect();
    notes.push(long_saved.clone());
    open_seeded(&b, &url, &[(KEY, &story(&notes, "summary"))]).await;
    b.wait_for("#own-notes-input").await;
    // A long note found in storage is shown whole.
    assert!(note_texts(&b).await.contains(&long_saved));
    assert_eq!(
        b.attr("#own-notes-input", "maxlength").await.as_deref(),
        Some("2000")
    );
    assert_eq!(
        b.attr("#own-questions-input", "maxlength").await.as_deref(),
        Some("2000")
    );
    assert_eq!(b.text("#own-notes-count").await, "0 of 2000 characters");

    // 3,012 characters pasted past maxlength: refused with a reason, not cut to 2,000.
    set_value(&b, "#own-notes-input", &"a".repeat(3012)).await;
    assert!(b
        .text("#own-notes-count")
        .await
        .starts_with("3012 of 2000 characters"));
    b.click("#own-notes-add").await;
    b.wait_for_text("#own-notes-status", "3012 characters long")
        .await;
    assert_eq!(note_texts(&b).await.len(), 99);
    assert!(!b
        .local_storage_get(KEY)
        .await
        .unwrap()
        .contains(&"a".repeat(2000)));

    // The 100th note is added and the list says it is full; a 101st is refused with a message.
    set_value(&b, "#own-notes-input", "").await;
    add_note(&b, "The hundredth").await;
    b.wait_for_text("#own-notes-status", "Your note was added.")
        .await;
    b.wait_for_text(r#".own-limit[data-limit="own-notes"]"#, "100 notes")
        .await;
    add_note(&b, "One too many").await;
    b.wait_for_text("#own-notes-status", "100 notes").await;
    assert_eq!(note_texts(&b).await.len(), 100);
    assert_eq!(
        b.attr("#own-notes-input", "aria-describedby")
            .await
            .as_deref(),
        Some("own-notes-count")
    );

    b.assert_no_console_errors().await;
    b.close().await;
}

#[tokio::test]
async fn own_words_have_a_counter_and_every_failed_save_names_its_cause() {
    let server = StaticServer::start(dist_dir());
    let b = Browser::start().await;
    b.init_script("const set = Storage.prototype.setItem; \
         Storage.prototype.setItem = function (k, v) { \
           if (window.__blockSave && k === 'recurrence-guide.answers') throw new DOMException('The operation is insecure.', 'SecurityError'); \
           return set.call(this, k, v); };",
    )
    .await;
    let url = server.url("/");
    open_seeded(&b, &url, &[(KEY, &story(&[], "values"))]).await;
    b.wait_for("#values-other").await;
    assert_eq!(
        b.attr("#values-other", "maxlength").await.as_deref(),
        Some("2000")
    );
    set_value(&b, "#values-other", &"w".repeat(2000)).await;
    b.wait_for_text("#values-other-count", "2000 of 2000 characters")
        .await;
    assert!(b
        .text("#values-other-count")
        .await
        .contains("the most this box can hold"));

    b.js("window.__blockSave = true; return 1", vec![]).await;
    b.click(r#"input[name="values-travel"][value="A_LOT"]"#)
        .await;
    b.wait_for_text(
        r#"[data-notice="storage.save_blocked"]"#,
        "does not let the guide save",
    )
    .await;
    assert!(!b.exists(r#"[data-notice="storage.quota"]"#).await);
    b.close().await;
}

#[tokio::test]
async fn webkit_outside_the_home_screen_is_told_once_that_answers_may_be_cleared() {
    let server = StaticServer::start(dist_dir());
    let b = Browser::start().await;
    // Chromium posing as WebKit by feature (GestureEvent exists only in WebKit).
    b.init_script("window.GestureEvent = function GestureEvent() {};")
        .await;
    b.goto(&server.url("/")).await;
    b.wait_for("#start").await;
    assert!(!b.exists(r#"[data-notice="storage.week"]"#).await);
    answer_two_questions(&b).await;
    b.wait_for_text(r#"[data-notice="storage.week"]"#, "7 days")
        .await;
    assert!(b
        .text(r#"[data-notice="storage.week"]"#)
        .await
        .contains("Add to Home Screen"));
    assert!(b.exists("#keep-save-file").await);
    b.assert_no_axe_violations("the 7-day notice").await;
    b.click("#keep-ok").await;
    b.wait_gone(r#"[data-notice="storage.week"]"#).await;
    assert_eq!(
        b.local_storage_get("recurrence-guide.told-week")
            .await
            .as_deref(),
        Some("1")
    );
    b.reload().await;
    b.click(r#"input[name="prior_tx"][value="SURGERY"]"#).await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert!(
        !b.exists(r#"[data-notice="storage.week"]"#).await,
        "said once"
    );
    b.assert_no_console_errors().await;
    b.close().await;
}
