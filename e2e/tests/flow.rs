//! The question flow in a real browser (release build): two whole stories by keyboard alone
//! (Tab, Space, arrows, Enter) to the results, focus on each new screen's heading, the urgent
//! banner on the symptoms screen, edit from the review, axe-core on welcome, questions and
//! review, the narrow (320 px) layout, and no console errors anywhere.

use guide_e2e::{dist_dir, json, Browser, Key, StaticServer};

/// Seed localStorage on the server's blank page, then open the app. (The blank page has no
/// icon link, so Chromium's /favicon.ico 404 from it is dropped from the log first.)
async fn open_seeded(b: &Browser, url: &str, items: &[(&str, &str)]) {
    b.seed_local_storage(&guide_e2e::origin_of(url), items)
        .await;
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    b.clear_logs().await;
    b.goto(url).await;
}

// ------------------------------------------------------------------ keyboard helpers

/// Press Tab until the focused element matches `css` (panics after `max` presses).
async fn tab_to(b: &Browser, css: &str) {
    for _ in 0..80 {
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

async fn is_checked(b: &Browser, css: &str) -> bool {
    b.js(
        "const e = document.querySelector(arguments[0]); return !!(e && e.checked)",
        vec![json!(css)],
    )
    .await
    .as_bool()
    .unwrap_or(false)
}

/// Pick a radio button by keyboard: Tab into its group, arrow keys to the answer, Space.
async fn choose(b: &Browser, name: &str, value: &str) {
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
        "arrows never reached {target}"
    );
    if !is_checked(b, &target).await {
        b.press(Key::Space).await;
    }
    assert!(is_checked(b, &target).await, "{target} not checked");
}

/// Tick a checkbox by keyboard: Tab to it, Space. Checkboxes must be ticked in page order.
async fn tick(b: &Browser, name: &str, value: &str) {
    let target = format!(r#"input[type=checkbox][name="{name}"][value="{value}"]"#);
    tab_to(b, &target).await;
    assert!(!is_checked(b, &target).await, "{target} already ticked");
    b.press(Key::Space).await;
    assert!(is_checked(b, &target).await, "{target} not ticked");
}

/// Tab to Next, press Enter.
async fn next(b: &Browser) {
    tab_to(b, "#next").await;
    b.press(Key::Enter).await;
}

/// The question screen `step` is showing and focus is on its heading.
async fn at_step(b: &Browser, step: &str) {
    b.wait_for(&format!(r#".question[data-step="{step}"]"#))
        .await;
    b.wait_for_focus("#question-heading").await;
}

async fn progress_text(b: &Browser) -> String {
    b.text("#progress-text").await
}

async fn start(b: &Browser, server: &StaticServer) {
    b.goto(&server.url("/")).await;
    b.wait_for("#start").await;
    tab_to(b, "#start").await;
    b.press(Key::Enter).await;
    at_step(b, "histology").await;
}

// ------------------------------------------------------------------ stories

#[tokio::test]
async fn egfr_nsclc_story_by_keyboard_alone_reaches_the_results() {
    let server = StaticServer::start(dist_dir());
    let b = Browser::start().await;
    b.goto(&server.url("/")).await;
    b.wait_for("#start").await;
    b.assert_no_axe_violations("welcome").await;
    tab_to(&b, "#start").await;
    b.press(Key::Enter).await;

    at_step(&b, "histology").await;
    assert_eq!(progress_text(&b).await, "Part 1 of 5: Your cancer");
    choose(&b, "histology", "NSCLC_NONSQ").await;
    b.assert_no_axe_violations("question: histology").await;
    next(&b).await;

    at_step(&b, "sites").await;
    // Progress is by part: it stays until the part is done, never grows.
    assert_eq!(progress_text(&b).await, "Part 1 of 5: Your cancer");
    tick(&b, "sites", "LUNG_OTHER").await;
    tick(&b, "sites", "BONE").await;
    // The number of spots on the same screen, and below it the number of organs, which only
    // matters for a few spots: more than five closes it, a few open it again.
    choose(&b, "met_count", "GT5").await;
    b.wait_for(r#"fieldset[data-question="organ_count"][hidden]"#)
        .await;
    choose(&b, "met_count", "2_3").await;
    b.wait_for(r#"fieldset[data-question="organ_count"]:not([hidden])"#)
        .await;
    // Announced, for a screen reader (and brought into view).
    b.wait_for_text("#opened-note", "One more question below")
        .await;
    choose(&b, "organ_count", "2").await;
    b.assert_no_axe_violations("a screen of several questions")
        .await;
    next(&b).await;

    // Treatments: "A targeted pill" opens the list with "I don't know the name" ticked;
    // naming the pill replaces it.
    at_step(&b, "prior_tx").await;
    assert!(
        !b.exists("#group--TKI:not([hidden])").await,
        "list closed at first"
    );
    tick(&b, "prior_tx-group", "TKI").await;
    b.wait_for("#group--TKI:not([hidden])").await;
    assert_eq!(
        b.attr("#prior-tx--TKI", "aria-expanded").await.as_deref(),
        Some("true")
    );
    assert!(is_checked(&b, r#"input[value="TKI:UNKNOWN"]"#).await);
    tick(&b, "prior_tx", "TKI:osimertinib").await;
    assert!(!is_checked(&b, r#"input[value="TKI:UNKNOWN"]"#).await);
    b.assert_no_axe_violations("question: prior_tx with the pill list open")
        .await;
    next(&b).await;

    at_step(&b, "prior_tx_setting").await;
    choose(&b, "setting--TKI-osimertinib", "ADVANCED").await;
    next(&b).await;

    at_step(&b, "last_systemic_outcome").await;
    assert_eq!(progress_text(&b).await, "Part 2 of 5: Your treatments");
    choose(&b, "last_systemic_outcome", "GREW_DURING").await;
    // One drug treatment: it is the last one, so "which treatment" is not asked.
    assert!(
        b.exists(r#"fieldset[data-question="last_tx"][hidden]"#)
            .await
    );
    choose(&b, "progressing_spots", "2_3").await;
    next(&b).await;

    at_step(&b, "biomarker_tested").await;
    choose(&b, "biomarker_tested", "YES_TISSUE").await;
    choose(&b, "tested_since_recurrence", "NO").await;
    next(&b).await;

    at_step(&b, "biomarkers").await;
    tick(&b, "biomarkers", "EGFR_COMMON").await;
    next(&b).await;

    // PD-L1 changes nothing for common EGFR: not asked.
    at_step(&b, "brain").await;
    choose(&b, "brain", "NONE_KNOWN").await;
    next(&b).await;

    // Surgery is not an option with spread to the bone: its question is not asked.
    at_step(&b, "ps").await;
    assert_eq!(progress_text(&b).await, "Part 4 of 5: Your health");
    choose(&b, "ps", "1").await;
    tick(&b, "contra", "NONE").await;
    next(&b).await;

    at_step(&b, "symptoms").await;
    tick(&b, "symptoms", "COUGH").await;
    assert!(!b.exists(".urgent-banner").await, "no red flag, no banner");
    next(&b).await;

    at_step(&b, "goals").await;
    let progress = progress_text(&b).await;
    assert_eq!(progress, "Part 5 of 5: How you are now", "{progress}");
    choose(&b, "goals", "BALANCE").await;
    next(&b).await;

    // Review: every answer in words, then See options.
    b.wait_for(".review").await;
    b.wait_for_focus(".review h1").await;
    let review = b.text(".review").await;
    for words in ["Osimertinib", "Non-small cell: adenocarcinoma"] {
        assert!(
            review.to_lowercase().contains(&words.to_lowercase()),
            "review lacks {words:?}:\n{review}"
        );
    }
    assert_eq!(b.texts(".review-row").await.len(), 16);
    b.assert_no_axe_violations("review").await;
    tab_to(&b, "#see-options").await;
    b.press(Key::Enter).await;

    b.wait_for(".results").await;
    b.wait_for_focus("main h1").await;
    b.assert_no_console_errors().await;
    b.assert_all_requests_same_origin(&server.origin()).await;
    b.close().await;
}

#[tokio::test]
async fn small_cell_story_by_keyboard_alone_skips_biomarkers_and_reaches_the_results() {
    let server = StaticServer::start(dist_dir());
    let b = Browser::start().await;
    start(&b, &server).await;

    choose(&b, "histology", "SCLC").await;
    next(&b).await;
    at_step(&b, "sites").await;
    tick(&b, "sites", "LIVER").await;
    choose(&b, "met_count", "GT5").await;
    next(&b).await;
    // Many spots: the number of organs is not asked.
    at_step(&b, "prior_tx").await;
    tick(&b, "prior_tx", "PLATINUM_CHEMO").await;
    tick(&b, "prior_tx", "ICI_ADVANCED").await;
    next(&b).await;
    at_step(&b, "prior_tx_setting").await;
    // Immunotherapy for advanced disease has a fixed setting: only the chemo is asked.
    assert_eq!(b.texts("fieldset.setting-group").await.len(), 1);
    choose(&b, "setting--PLATINUM-CHEMO", "ADVANCED").await;
    next(&b).await;
    // The chemo drugs and which treatment was last change nothing once it came back after
    // treatment ended: the time since platinum decides (D-7).
    at_step(&b, "last_systemic_outcome").await;
    choose(&b, "last_systemic_outcome", "CAME_BACK_AFTER").await;
    next(&b).await;
    at_step(&b, "ctfi").await;
    choose(&b, "ctfi", "GT6M").await;
    next(&b).await;
    // Small cell: no biomarker questions.
    at_step(&b, "brain").await;
    choose(&b, "brain", "NONE_KNOWN").await;
    next(&b).await;
    // No surgery question for small cell; other health problems change nothing here.
    at_step(&b, "ps").await;
    choose(&b, "ps", "1").await;
    next(&b).await;
    at_step(&b, "symptoms").await;
    tick(&b, "symptoms", "NONE").await;
    next(&b).await;
    at_step(&b, "goals").await;
    assert_eq!(progress_text(&b).await, "Part 5 of 5: How you are now");
    choose(&b, "goals", "UNSURE").await;
    next(&b).await;

    b.wait_for(".review").await;
    for skipped in [
        "biomarkers",
        "pdl1",
        "biomarker_tested",
        "surgery_fit",
        "organ_count",
    ] {
        assert!(
            !b.exists(&format!(r#".review-row[data-step="{skipped}"]"#))
                .await,
            "{skipped} listed for small cell"
        );
    }
    tab_to(&b, "#see-options").await;
    b.press(Key::Enter).await;
    b.wait_for(".results").await;
    b.assert_no_console_errors().await;
    b.close().await;
}

#[tokio::test]
async fn back_goes_to_the_previous_question_with_its_answer_kept() {
    let server = StaticServer::start(dist_dir());
    let b = Browser::start().await;
    start(&b, &server).await;
    choose(&b, "histology", "NSCLC_SQ").await;
    next(&b).await;
    at_step(&b, "sites").await;
    b.click("#back").await;
    at_step(&b, "histology").await;
    assert!(is_checked(&b, r#"input[name="histology"][value="NSCLC_SQ"]"#).await);
    b.click("#back").await;
    b.wait_for("#resume").await;
    b.assert_no_console_errors().await;
    b.close().await;
}

#[tokio::test]
async fn a_red_flag_symptom_shows_the_urgent_banner_at_once() {
    let server = StaticServer::start(dist_dir());
    let b = Browser::start().await;
    // Jump to the symptoms screen with a saved profile.
    let saved = r#"{"schema":1,"saved_at":"2026-11-28T00:00:00Z","screen":"q:symptoms","profile":{"version":1,"histology":"NSCLC_NONSQ"}}"#;
    open_seeded(&b, &server.url("/"), &[("recurrence-guide.answers", saved)]).await;
    b.wait_for(r#".question[data-step="symptoms"]"#).await;
    assert!(!b.exists(".urgent-banner").await);
    tick(&b, "symptoms", "SEIZURE").await;
    b.wait_for("#urgent-banner").await;
    b.wait_for(".help-bar[role=alert]").await;
    b.assert_no_axe_violations("symptoms with the urgent banner")
        .await;
    // Unticking it removes the banner.
    b.press(Key::Space).await;
    b.wait_gone(".urgent-banner").await;
    // "None of these" clears other ticks.
    tick(&b, "symptoms", "COUGH").await;
    tick(&b, "symptoms", "NONE").await;
    assert!(!is_checked(&b, r#"input[value="COUGH"]"#).await);
    b.assert_no_console_errors().await;
    b.close().await;
}

#[tokio::test]
async fn change_from_the_review_asks_newly_opened_questions_then_returns() {
    let server = StaticServer::start(dist_dir());
    let b = Browser::start().await;
    let profile = r#"{"version":1,"histology":"NSCLC_NONSQ","sites":["LOCAL"],"met_count":"NONE","prior_tx":["SURGERY"],"ps":"1","surgery_fit":"YES","contra":["NONE"],"biomarker_tested":"NO","pdl1":"UNKNOWN","brain":"NONE_KNOWN","symptoms":["NONE"],"goals":"BALANCE"}"#;
    let saved = format!(
        r#"{{"schema":1,"saved_at":"2026-11-28T00:00:00Z","screen":"review","profile":{profile}}}"#
    );
    open_seeded(
        &b,
        &server.url("/"),
        &[("recurrence-guide.answers", &saved)],
    )
    .await;
    b.wait_for(".review").await;
    let rows = b.texts(".review-row").await.len();

    // Change the type: back to the review at once.
    b.click("#edit-histology").await;
    at_step(&b, "histology").await;
    b.wait_for("#back-to-review").await;
    choose(&b, "histology", "NSCLC_SQ").await;
    next(&b).await;
    b.wait_for(".review").await;
    b.wait_for_focus(".review h1").await;
    assert!(b
        .text(r#".review-row[data-step="histology"]"#)
        .await
        .contains("squamous"));

    // Add a drug treatment: the questions it opens are asked, then the review again.
    b.click("#edit-prior_tx").await;
    at_step(&b, "prior_tx").await;
    tick(&b, "prior_tx", "PLATINUM_CHEMO").await;
    next(&b).await;
    at_step(&b, "prior_tx_setting").await;
    choose(&b, "setting--PLATINUM-CHEMO", "ADJUVANT").await;
    next(&b).await;
    // Only what can change the results: one drug treatment is the last one, and which
    // platinum it was does not matter here.
    at_step(&b, "last_systemic_outcome").await;
    choose(&b, "last_systemic_outcome", "CAME_BACK_AFTER").await;
    next(&b).await;
    at_step(&b, "adjuvant_interval").await;
    choose(&b, "adjuvant_interval", "GT12M").await;
    next(&b).await;
    b.wait_for(".review").await;
    assert_eq!(b.texts(".review-row").await.len(), rows + 3);
    b.assert_no_console_errors().await;
    b.close().await;
}

#[tokio::test]
async fn the_screen_change_is_announced() {
    let server = StaticServer::start(dist_dir());
    let b = Browser::start().await;
    start(&b, &server).await;
    let live = b.wait_for_text("#announcer", "Part 1 of 5").await;
    assert!(live.contains("What type of lung cancer"), "{live}");
    assert_eq!(
        b.attr("#announcer", "aria-live").await.as_deref(),
        Some("polite")
    );
    b.close().await;
}

async fn no_sideways_scrolling(b: &Browser, what: &str) {
    let v = b
        .js(
            "return [document.documentElement.scrollWidth, window.innerWidth]",
            vec![],
        )
        .await;
    let (scroll, inner) = (v[0].as_u64().unwrap(), v[1].as_u64().unwrap());
    assert!(
        scroll <= inner,
        "{what}: page is {scroll} px wide in a {inner} px viewport"
    );
}

/// The focused element is inside the viewport.
async fn focus_in_view(b: &Browser, what: &str) {
    let v = b
        .js(
            "const r = document.activeElement.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight",
            vec![],
        )
        .await;
    assert_eq!(
        v,
        json!(true),
        "{what}: focused {} is off screen",
        b.focused().await
    );
}

/// 320 CSS px is WCAG 1.4.10 reflow (1280 px at 400%); 640 x 450 is a 1280 x 900 window at 200%.
#[tokio::test]
async fn works_at_320_px_and_200_percent_zoom_without_sideways_scrolling() {
    let server = StaticServer::start(dist_dir());
    for (width, height) in [(320, 640), (640, 450)] {
        let b = Browser::start().await;
        b.set_viewport(width, height).await;
        let saved = r#"{"schema":1,"saved_at":"2026-11-28T00:00:00Z","screen":"welcome","profile":{"version":1,"histology":"NSCLC_NONSQ","prior_tx":["TKI:UNKNOWN","ADC:UNKNOWN","PLATINUM_CHEMO"],"symptoms":["SEIZURE"]}}"#;
        open_seeded(&b, &server.url("/"), &[("recurrence-guide.answers", saved)]).await;
        b.wait_for("#resume").await;
        assert_eq!(b.js("return window.innerWidth", vec![]).await, json!(width));
        no_sideways_scrolling(&b, &format!("welcome at {width}")).await;
        tab_to(&b, "#resume").await;
        b.press(Key::Enter).await;
        at_step(&b, "sites").await;
        focus_in_view(&b, &format!("sites at {width}")).await;
        b.click("#back").await;
        at_step(&b, "histology").await;
        b.click("#next").await;
        at_step(&b, "sites").await;
        // The numbers of spots and organs are on the sites screen.
        no_sideways_scrolling(&b, &format!("sites at {width}")).await;
        b.click("#next").await;
        at_step(&b, "prior_tx").await;
        focus_in_view(&b, &format!("prior_tx at {width}")).await;
        no_sideways_scrolling(&b, &format!("prior_tx at {width}")).await;
        b.click("#next").await;
        at_step(&b, "prior_tx_setting").await;
        no_sideways_scrolling(&b, &format!("settings at {width}")).await;
        b.click("#nav-urgent").await;
        b.wait_for(".page-screen").await;
        no_sideways_scrolling(&b, &format!("urgent page at {width}")).await;
        b.click(".page-screen .back-link").await;
        at_step(&b, "prior_tx_setting").await;
        b.assert_no_console_errors().await;
        b.close().await;
    }
}

#[tokio::test]
async fn the_browser_back_and_forward_buttons_move_between_screens() {
    let server = StaticServer::start(dist_dir());
    let b = Browser::start().await;
    start(&b, &server).await;
    assert!(b
        .client()
        .title()
        .await
        .unwrap()
        .starts_with("What type of lung cancer"));
    choose(&b, "histology", "NSCLC_NOS").await;
    next(&b).await;
    at_step(&b, "sites").await;
    b.client().back().await.expect("back");
    at_step(&b, "histology").await;
    assert!(is_checked(&b, r#"input[name="histology"][value="NSCLC_NOS"]"#).await);
    b.client().back().await.expect("back");
    b.wait_for("#resume").await;
    b.client().forward().await.expect("forward");
    at_step(&b, "histology").await;
    b.client().forward().await.expect("forward");
    at_step(&b, "sites").await;
    b.assert_no_console_errors().await;
    b.close().await;
}

#[tokio::test]
async fn content_past_its_review_period_says_it_may_be_out_of_date_on_every_screen() {
    let server = StaticServer::start(dist_dir());
    let b = Browser::start().await;
    // The browser clock says 2031: the content (reviewed in 2026, stale after 12 months) is old.
    b.init_script("(() => { const Real = Date; const t = Real.UTC(2031, 0, 15); \
                class Fake extends Real { constructor(...a) { if (a.length === 0) { super(t); } else { super(...a); } } \
                static now() { return t; } } window.Date = Fake; })();").await;
    b.goto(&server.url("/")).await;
    b.wait_for_text(
        r#"[data-notice="stale"]"#,
        "This information may be out of date",
    )
    .await;
    b.click("#start").await;
    at_step(&b, "histology").await;
    b.wait_for_text(r#"[data-notice="stale"]"#, "may be out of date")
        .await;
    b.click("#nav-about").await;
    b.wait_for(".page-screen").await;
    assert!(b.exists(r#"[data-notice="stale"]"#).await);
    b.assert_no_axe_violations("question with the out-of-date notice")
        .await;
    b.assert_no_console_errors().await;
    b.close().await;
}
