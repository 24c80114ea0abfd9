//! How the guide looks for people who need it bigger or still, and inside a partner's theme:
//! - the text-size control (header): by keyboard, the whole page grows, no sideways scrolling at
//!   320 px, kept on reload and by "Start over", removed by "Delete my answers";
//! - reduced motion: with the setting on, nothing moves (even a transition or animation set on
//!   an element is switched off), without it the same element would move;
//! - in embed mode with a theme: the option cards take the partner's radius, and axe-core finds
//!   nothing on the results, summary and comparison screens, also at the largest text size.

use guide_e2e::{dist_dir, json, Browser, Key, StaticServer, Value};

const STORAGE_KEY: &str = "recurrence-guide.answers";
const TEXT_SIZE_KEY: &str = "recurrence-guide.text-size";

/// The saved form of the answers (`src/storage.rs`) of an EGFR story, on the results screen.
fn results_envelope() -> String {
    json!({
        "schema": 1,
        "saved_at": "2026-11-28T10:00:00Z",
        "screen": "results",
        "profile": {
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
            "symptoms": ["BONE_PAIN"]
        }
    })
    .to_string()
}

/// Opens `url`, puts `envelope` in storage, reloads and waits for `wait_for`.
async fn open_with(b: &Browser, url: &str, envelope: &str, wait_for: &str) {
    b.goto(url).await;
    b.wait_for("main h1").await;
    b.js(
        "localStorage.clear(); localStorage.setItem(arguments[0], arguments[1]); return true",
        vec![json!(STORAGE_KEY), json!(envelope)],
    )
    .await;
    b.reload().await;
    b.wait_for(wait_for).await;
}

async fn px(b: &Browser, selector: &str, property: &str) -> f64 {
    let v = b
        .js(
            "return getComputedStyle(document.querySelector(arguments[0])).getPropertyValue(arguments[1])",
            vec![json!(selector), json!(property)],
        )
        .await;
    let s = v.as_str().unwrap_or_default();
    s.trim_end_matches("px")
        .parse()
        .unwrap_or_else(|_| panic!("{selector} {property} = {s:?}"))
}

async fn pressed(b: &Browser) -> Vec<String> {
    let v = b
        .js(
            "return Array.from(document.querySelectorAll('.text-size-button[aria-pressed=true]'), e => e.dataset.size)",
            vec![],
        )
        .await;
    serde_json::from_value(v).unwrap()
}

/// Whether the page scrolls sideways.
async fn scrolls_sideways(b: &Browser) -> bool {
    b.js(
        "return document.documentElement.scrollWidth > window.innerWidth",
        vec![],
    )
    .await
        == json!(true)
}

#[tokio::test]
async fn the_text_size_control_enlarges_everything_by_keyboard_and_is_kept_until_deleted() {
    let server = StaticServer::start(dist_dir());
    let b = Browser::start().await;
    b.goto(&server.url("/")).await;
    b.wait_for(".welcome h1").await;

    // Three sizes, in a labelled group in the header's menu; the standard one is chosen and
    // nothing is stored for it.
    b.open_menu_around("#text-size-label").await;
    assert_eq!(b.texts(".text-size-button").await, ["100%", "125%", "150%"]);
    assert_eq!(b.attr(".text-size", "role").await.as_deref(), Some("group"));
    assert_eq!(b.text("#text-size-label").await, "Text size");
    assert_eq!(pressed(&b).await, ["100"]);
    assert_eq!(b.local_storage_get(TEXT_SIZE_KEY).await, None);
    let root = px(&b, "html", "font-size").await;
    let heading = px(&b, ".welcome h1", "font-size").await;
    let body = px(&b, "body", "font-size").await;

    // By keyboard: focus the largest and press Enter.
    b.js(
        "document.querySelector('.text-size-button[data-size=\"150\"]').focus(); return true",
        vec![],
    )
    .await;
    b.press(Key::Enter).await;
    b.wait_until_js(
        "return document.querySelector('.text-size-button[data-size=\"150\"]').getAttribute('aria-pressed') === 'true'",
        vec![],
        "the 150% button pressed",
    )
    .await;
    assert_eq!(pressed(&b).await, ["150"]);
    for (what, before, after) in [
        ("root", root, px(&b, "html", "font-size").await),
        ("heading", heading, px(&b, ".welcome h1", "font-size").await),
        ("body", body, px(&b, "body", "font-size").await),
    ] {
        assert!(
            (after / before - 1.5).abs() < 0.02,
            "{what}: {before}px -> {after}px is not 150%"
        );
    }
    assert_eq!(
        b.local_storage_get(TEXT_SIZE_KEY).await.as_deref(),
        Some("150")
    );

    // At 320 px wide and 150%: no sideways scrolling, no axe violation, on the welcome, a
    // question and the results.
    b.set_viewport(320, 640).await;
    assert!(
        !scrolls_sideways(&b).await,
        "welcome scrolls sideways at 150%"
    );
    b.assert_no_axe_violations("welcome at 320 px and 150% text")
        .await;
    b.click("#start").await;
    b.wait_for(r#".question[data-step="histology"]"#).await;
    assert!(
        !scrolls_sideways(&b).await,
        "question scrolls sideways at 150%"
    );
    b.assert_no_axe_violations("question at 320 px and 150% text")
        .await;

    // Kept on reload, and by "Start over" (a display choice, not an answer).
    open_with(
        &b,
        &server.url("/"),
        &results_envelope(),
        "section.results h1",
    )
    .await;
    b.js(
        "localStorage.setItem(arguments[0], '150'); return true",
        vec![json!(TEXT_SIZE_KEY)],
    )
    .await;
    b.reload().await;
    b.wait_for("section.results h1").await;
    b.wait_for(".option-card").await;
    assert_eq!(pressed(&b).await, ["150"]);
    assert!((px(&b, "html", "font-size").await / root - 1.5).abs() < 0.02);
    assert!(
        !scrolls_sideways(&b).await,
        "results scroll sideways at 150%"
    );
    b.assert_no_axe_violations("results at 320 px and 150% text")
        .await;
    b.click("#nav-start-over").await;
    b.wait_for("#confirm-start-over").await;
    b.click("#confirm-start-over").await;
    b.wait_for(".welcome h1").await;
    assert_eq!(b.local_storage_get(STORAGE_KEY).await, None);
    assert_eq!(
        b.local_storage_get(TEXT_SIZE_KEY).await.as_deref(),
        Some("150")
    );

    // The middle size, then back to the standard one: nothing stored for the standard size.
    b.click(".text-size-button[data-size=\"125\"]").await;
    assert!((px(&b, "html", "font-size").await / root - 1.25).abs() < 0.02);
    assert_eq!(
        b.local_storage_get(TEXT_SIZE_KEY).await.as_deref(),
        Some("125")
    );

    // "Delete my answers" removes it too, and the page is back to the standard size.
    b.click("#delete-answers").await;
    b.wait_for("#confirm-delete").await;
    b.click("#confirm-delete").await;
    b.wait_until_js(
        "return document.querySelector('.text-size-button[data-size=\"100\"]').getAttribute('aria-pressed') === 'true'",
        vec![],
        "back to 100% after deleting",
    )
    .await;
    let left: Vec<String> = b
        .local_storage()
        .await
        .into_keys()
        .filter(|k| k.starts_with("recurrence-guide."))
        .collect();
    assert!(left.is_empty(), "left after deleting: {left:?}");
    assert!((px(&b, "html", "font-size").await - root).abs() < 0.01);
    b.assert_no_console_errors().await;
    b.close().await;
}

/// A transition and an animation set on an element by script, and what the page computes.
const MOTION_PROBE: &str = "
    const probe = document.createElement('div');
    probe.id = 'motion-probe';
    probe.style.transition = 'opacity 2s';
    probe.style.animation = 'probe-spin 2s infinite';
    document.body.appendChild(probe);
    const s = getComputedStyle(probe);
    const out = {
        reduce: matchMedia('(prefers-reduced-motion: reduce)').matches,
        probe_transition: s.transitionDuration,
        probe_animation: s.animationName,
        scroll: getComputedStyle(document.documentElement).scrollBehavior,
        moving: Array.from(document.querySelectorAll('body *'))
            .filter(e => e !== probe)
            .filter(e => {
                const c = getComputedStyle(e);
                return c.animationName !== 'none'
                    || c.transitionDuration.split(',').some(d => parseFloat(d) > 0);
            })
            .map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className),
        animations: document.getAnimations().length,
    };
    probe.remove();
    return out;";

#[tokio::test]
async fn with_reduced_motion_nothing_moves() {
    let server = StaticServer::start(dist_dir());
    let b = Browser::start().await;
    open_with(
        &b,
        &server.url("/"),
        &results_envelope(),
        "section.results h1",
    )
    .await;
    b.wait_for(".option-card").await;

    // Without the setting, the probe's own transition and animation apply (so the check below
    // can fail) and the guide itself moves nothing.
    let normal = b.js(MOTION_PROBE, vec![]).await;
    assert_eq!(normal["reduce"], json!(false));
    assert_eq!(normal["probe_transition"], json!("2s"), "{normal}");
    assert_eq!(normal["probe_animation"], json!("probe-spin"), "{normal}");
    assert_eq!(normal["moving"], json!([]), "the guide animates: {normal}");

    // With "reduce motion" on: the stylesheet switches both off, on every screen.
    b.cdp(
        "Emulation.setEmulatedMedia",
        json!({ "features": [{ "name": "prefers-reduced-motion", "value": "reduce" }] }),
    )
    .await;
    let check = |v: Value, screen: &str| {
        assert_eq!(v["reduce"], json!(true), "{screen}: {v}");
        assert_eq!(v["probe_transition"], json!("0s"), "{screen}: {v}");
        assert_eq!(v["probe_animation"], json!("none"), "{screen}: {v}");
        assert_eq!(v["scroll"], json!("auto"), "{screen}: {v}");
        assert_eq!(v["moving"], json!([]), "{screen}: {v}");
        assert_eq!(v["animations"], json!(0), "{screen}: {v}");
    };
    check(b.js(MOTION_PROBE, vec![]).await, "results");
    b.click("#open-summary").await;
    b.wait_for(".summary h1").await;
    check(b.js(MOTION_PROBE, vec![]).await, "summary");
    b.click(".title-button").await;
    b.wait_for(".welcome h1").await;
    check(b.js(MOTION_PROBE, vec![]).await, "welcome");
    b.assert_no_console_errors().await;
    b.close().await;
}

#[tokio::test]
async fn a_themed_embed_has_no_axe_violations_on_results_summary_and_comparison() {
    let server = StaticServer::start(dist_dir());
    let b = Browser::start().await;
    let url = server.url("/?embed=1&accent=7a1f5c&bg=fffdf8&radius=12&font=serif");
    open_with(&b, &url, &results_envelope(), "section.results h1").await;
    assert!(b.exists("html[data-embed]").await);
    b.wait_for(".option-card").await;

    // The partner's radius reaches the option cards (a third rounder than the buttons).
    assert_eq!(px(&b, ".option-card", "border-top-left-radius").await, 16.0);
    assert_eq!(
        px(&b, "#open-summary", "border-top-left-radius").await,
        12.0
    );
    b.js(
        "document.querySelectorAll('details').forEach(d => d.open = true); return true",
        vec![],
    )
    .await;
    b.assert_no_axe_violations("themed embed: results, details open")
        .await;

    b.click("#open-summary").await;
    b.wait_for(".summary h1").await;
    b.assert_no_axe_violations("themed embed: summary").await;

    b.click("#summary-to-compare").await;
    b.wait_for(".compare h1").await;
    b.assert_no_axe_violations("themed embed: comparison, nothing picked")
        .await;
    for i in 1..=2 {
        b.click(&format!(".compare-pick .choice:nth-of-type({i}) input"))
            .await;
    }
    b.wait_for("table.compare-table").await;
    b.assert_no_axe_violations("themed embed: comparison of two")
        .await;

    // The largest text, inside the embed, on a phone: the partner's scale times the person's.
    b.click(".text-size-button[data-size=\"150\"]").await;
    b.set_viewport(360, 740).await;
    b.assert_no_axe_violations("themed embed: comparison at 150% and 360 px")
        .await;
    b.click("#compare-to-summary").await;
    b.wait_for(".summary h1").await;
    assert!(
        !scrolls_sideways(&b).await,
        "the summary scrolls sideways at 150%"
    );
    b.assert_no_axe_violations("themed embed: summary at 150% and 360 px")
        .await;
    b.assert_no_console_errors().await;
    b.close().await;
}
