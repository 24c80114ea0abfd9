//! Partner-site embedding in real headless Chromium against the release build (dist/).
//!
//! Two local origins: the guide at `http://127.0.0.1:A/guide/` and a partner test page at
//! `http://localhost:B/` (another site, so the frame is third-party, as on a real partner site).
//! The partner page loads `embed/embed.js` from the guide's origin, with a message spy installed
//! before it. Checked: the snippet inserts the iframe with its attributes; the frame grows and
//! shrinks with the content (screens, details opened and closed); theme parameters change
//! computed colours, font and corners, and a colour that fails contrast falls back; every
//! message to the partner is `{type:"guide:height",height:N}` and holds nothing the person
//! chose; forged messages are ignored; axe-core finds nothing inside the frame; and a frame with
//! `sandbox="allow-scripts allow-same-origin allow-forms"` and blocked storage still works and says answers
//! will not be kept.

use guide_e2e::{
    dist_dir, json, Browser, BrowserOptions, StaticServer, TempDir, Value, DEFAULT_TIMEOUT,
};
use std::time::{Duration, Instant};

const SANDBOX: &str = "allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox allow-downloads allow-modals";
const STORAGE_KEY: &str = "recurrence-guide.answers";
/// Words the person types in the frame (they must never reach the partner page).
const NOTE: &str = "Zebrafish note 4417: ask about the trial near home";
const QUESTION: &str = "Quokka question 9932: how long is each visit?";

/// The guide's server and a partner's server on another site, serving `partner.html`.
struct Sites {
    guide: StaticServer,
    partner: StaticServer,
    _dir: TempDir,
}

impl Sites {
    /// `body` is the partner page's body; `{GUIDE}` stands for the guide's origin and
    /// `{PARTNER}` for the partner's.
    fn start(body: &str) -> Sites {
        let guide = StaticServer::start(dist_dir());
        let dir = TempDir::new("partner");
        // Bind first to learn the port, then write the page (served from disk on each request).
        let partner = StaticServer::start_with_mounts(&[("/", dir.path())]);
        let partner_origin = format!("http://localhost:{}", partner.port());
        let page = PARTNER_PAGE
            .replace("{BODY}", body)
            .replace("{GUIDE}", &guide.origin())
            .replace("{PARTNER}", &partner_origin);
        dir.write("partner.html", page);
        Sites {
            guide,
            partner,
            _dir: dir,
        }
    }

    fn partner_origin(&self) -> String {
        format!("http://localhost:{}", self.partner.port())
    }

    fn partner_url(&self) -> String {
        format!("{}/partner.html", self.partner_origin())
    }
}

/// A partner's page: a message spy first (before any guide code), then the body.
const PARTNER_PAGE: &str = r#"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Partner charity</title>
<link rel="icon" href="data:,">
<script>
  // Every message this page receives, as the partner's own scripts would see it.
  window.__messages = [];
  window.addEventListener("message", function (e) {
    var frame = document.querySelector("iframe");
    window.__messages.push({
      origin: e.origin,
      fromGuide: !!frame && e.source === frame.contentWindow,
      data: JSON.stringify(e.data)
    });
  });
</script>
</head>
<body style="margin: 0; font-family: sans-serif">
<main style="max-width: 48rem; margin: 0 auto; padding: 0 1rem">
<h1>Partner charity</h1>
<p>Our guide for people whose lung cancer has come back:</p>
{BODY}
<p id="after">Text after the guide.</p>
</main>
</body>
</html>
"#;

/// A browser that keeps the partner page and the guide's frame in one process (no site
/// isolation): chromedriver then reports the frame's console messages too, and init scripts
/// run in the frame. The two are still different sites (storage partitioning, origin checks).
async fn browser() -> Browser {
    Browser::start_with(BrowserOptions {
        extra_args: vec![
            "--disable-site-isolation-trials".into(),
            "--disable-features=IsolateOrigins,site-per-process".into(),
        ],
        ..BrowserOptions::default()
    })
    .await
}

// ------------------------------------------------------------------ frame helpers

/// Switch WebDriver into the partner page's first iframe (waits for the guide to start in it).
async fn enter(b: &Browser) {
    b.wait_for("iframe").await;
    b.client().enter_frame(0).await.expect("enter the iframe");
    b.wait_for("main h1").await;
}

/// Back to the partner page.
async fn leave(b: &Browser) {
    b.client()
        .enter_parent_frame()
        .await
        .expect("leave the iframe");
}

/// Height of the iframe on the partner page (CSS px).
async fn frame_height(b: &Browser) -> f64 {
    b.js(
        "return document.querySelector('iframe').getBoundingClientRect().height",
        vec![],
    )
    .await
    .as_f64()
    .expect("iframe height")
}

/// Height of the guide's content inside the frame (call from inside).
async fn content_height(b: &Browser) -> f64 {
    b.js(
        "return Math.ceil(document.documentElement.getBoundingClientRect().height)",
        vec![],
    )
    .await
    .as_f64()
    .expect("content height")
}

/// From inside the frame: waits until the iframe on the partner page is exactly as tall as the
/// guide's content (it follows through the height messages); returns that height. Ends inside.
async fn wait_frame_fits(b: &Browser, what: &str) -> f64 {
    let deadline = Instant::now() + DEFAULT_TIMEOUT;
    loop {
        let inner = content_height(b).await;
        leave(b).await;
        let outer = frame_height(b).await;
        b.client().enter_frame(0).await.expect("enter the iframe");
        if (outer - inner).abs() <= 1.0 {
            return outer;
        }
        if Instant::now() > deadline {
            panic!("{what}: the iframe is {outer}px tall, its content {inner}px");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The messages the partner page received (call from the partner page).
async fn messages(b: &Browser) -> Vec<Value> {
    let v = b.js("return window.__messages", vec![]).await;
    serde_json::from_value(v).expect("message list")
}

/// Every message is `{"type":"guide:height","height":<whole number>}` from the guide's frame
/// and origin, and none contains any of `secrets`. Returns the heights.
fn assert_height_only(msgs: &[Value], guide_origin: &str, secrets: &[&str]) -> Vec<u64> {
    assert!(!msgs.is_empty(), "no message reached the partner page");
    let mut heights = Vec::new();
    for m in msgs {
        assert_eq!(m["origin"], guide_origin, "{m}");
        assert_eq!(m["fromGuide"], true, "{m}");
        let raw = m["data"].as_str().expect("data as JSON text");
        for s in secrets {
            assert!(!raw.contains(s), "a message holds {s:?}: {raw}");
        }
        let data: Value = serde_json::from_str(raw).expect("JSON");
        let obj = data
            .as_object()
            .unwrap_or_else(|| panic!("not an object: {raw}"));
        let mut keys: Vec<&str> = obj.keys().map(String::as_str).collect();
        keys.sort();
        assert_eq!(keys, ["height", "type"], "{raw}");
        assert_eq!(obj["type"], "guide:height", "{raw}");
        heights.push(
            obj["height"]
                .as_u64()
                .unwrap_or_else(|| panic!("height is not a whole number: {raw}")),
        );
    }
    heights
}

/// The saved form of the answers (`src/storage.rs`), on the results screen.
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

async fn css(b: &Browser, selector: &str, property: &str) -> String {
    b.js(
        "return getComputedStyle(document.querySelector(arguments[0])).getPropertyValue(arguments[1])",
        vec![json!(selector), json!(property)],
    )
    .await
    .as_str()
    .unwrap_or_default()
    .to_string()
}

// ------------------------------------------------------------------ tests

#[tokio::test]
async fn partner_page_embeds_the_guide_which_fits_its_content_is_themed_and_posts_only_its_height()
{
    let sites = Sites::start(
        r##"<div id="guide" data-lung-guide data-src="{GUIDE}/guide/" data-title="Lung cancer guide"
             data-theme-accent="#7a1f5c" data-theme-font="serif" data-theme-radius="12"></div>
           <script src="{GUIDE}/guide/embed/embed.js" async></script>"##,
    );
    let guide = sites.guide.origin();
    let b = browser().await;
    b.goto(&sites.partner_url()).await;

    // The snippet's iframe.
    b.wait_for("#guide iframe").await;
    let attr = |name: &'static str| b.attr("#guide iframe", name);
    assert_eq!(attr("title").await.as_deref(), Some("Lung cancer guide"));
    assert_eq!(attr("loading").await.as_deref(), Some("lazy"));
    assert_eq!(attr("referrerpolicy").await.as_deref(), Some("no-referrer"));
    assert_eq!(attr("allow").await.as_deref(), Some(""));
    assert_eq!(attr("sandbox").await.as_deref(), Some(SANDBOX));
    let src = attr("src").await.unwrap();
    let url = url::Url::parse(&src).unwrap();
    let q: std::collections::BTreeMap<String, String> = url.query_pairs().into_owned().collect();
    assert_eq!(url.path(), "/guide/");
    assert_eq!(q["embed"], "1");
    assert_eq!(q["parent"], sites.partner_origin());
    assert_eq!(q["accent"], "7a1f5c", "the snippet drops the #");
    assert_eq!(q["font"], "serif");
    assert_eq!(q["radius"], "12");

    // Inside: the embed frame, themed.
    enter(&b).await;
    b.wait_for("#start").await;
    assert!(b.exists("html[data-embed]").await);
    assert_eq!(css(&b, ".site-title", "display").await, "none");
    assert!(
        b.js(
            "return document.querySelector('#nav-urgent').getBoundingClientRect().height > 0",
            vec![]
        )
        .await
            == json!(true),
        "the urgent symptoms link stays visible"
    );
    let footer = b.text(".site-footer").await;
    assert!(footer.contains("not medical advice"), "{footer}");
    assert!(footer.contains("Information last checked on"), "{footer}");
    assert_eq!(
        css(&b, "#start", "background-color").await,
        "rgb(122, 31, 92)",
        "accent"
    );
    assert!(
        css(&b, "body", "font-family").await.starts_with("Georgia"),
        "font"
    );
    assert_eq!(css(&b, "#start", "border-top-left-radius").await, "12px");
    // Storage works here (partitioned by the partner's site): the embed says where answers stay.
    b.wait_for_text(r#"[data-notice="embed.kept_here"]"#, "this website only")
        .await;
    assert!(!b.exists(r#"[data-notice="storage.unavailable"]"#).await);
    b.assert_no_axe_violations("welcome inside the embed").await;
    let welcome = wait_frame_fits(&b, "welcome").await;

    // Screens change the height; the iframe follows.
    b.click("#start").await;
    b.wait_for(r#".question[data-step="histology"]"#).await;
    let histology = wait_frame_fits(&b, "first question").await;
    assert_ne!(histology, welcome);
    b.click(r#"input[name="histology"][value="NSCLC_NONSQ"]"#)
        .await;
    b.click("#next").await;
    b.wait_for(r#".question[data-step="sites"]"#).await;
    b.click(r#"input[name="sites"][value="BONE"]"#).await;
    b.click("#next").await;
    b.wait_for(r#".question[data-step="prior_tx"]"#).await;
    wait_frame_fits(&b, "third screen").await;
    b.assert_no_axe_violations("a question inside the embed")
        .await;
    // The start-over dialog works in the frame, with focus on the safe button.
    b.click("#nav-start-over").await;
    b.wait_until_js(
        "return document.querySelector('#cancel-start-over').closest('dialog').open",
        vec![],
        "dialog open",
    )
    .await;
    b.wait_for_focus("#cancel-start-over").await;
    b.click("#cancel-start-over").await;
    b.wait_until_js(
        "return !document.querySelector('#cancel-start-over').closest('dialog').open",
        vec![],
        "dialog closed",
    )
    .await;

    // The results (saved in the frame's own storage, then reloaded there): opening an option's
    // details grows the frame, closing them shrinks it back.
    b.js(
        "localStorage.setItem(arguments[0], arguments[1]); location.reload(); return true",
        vec![json!(STORAGE_KEY), json!(results_envelope())],
    )
    .await;
    leave(&b).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    enter(&b).await;
    b.wait_for("section.results h1#results-title").await;
    let closed = wait_frame_fits(&b, "results").await;
    b.click(".option-card details.card-details > summary").await;
    let open = wait_frame_fits(&b, "results with one option's details open").await;
    assert!(open > closed + 50.0, "grows: {closed} -> {open}");
    b.click(".option-card details.card-details > summary").await;
    let again = wait_frame_fits(&b, "results with the details closed again").await;
    assert!(
        (again - closed).abs() <= 1.0,
        "shrinks back: {open} -> {again} (was {closed})"
    );
    // A much taller page and back.
    b.js(
        "const d = document.createElement('div'); d.id = 'tall'; d.style.height = '3000px'; document.querySelector('main').append(d); return true",
        vec![],
    )
    .await;
    let tall = wait_frame_fits(&b, "3000px more").await;
    assert!(tall >= closed + 3000.0, "{closed} -> {tall}");
    b.js(
        "document.getElementById('tall').remove(); return true",
        vec![],
    )
    .await;
    let back = wait_frame_fits(&b, "3000px less").await;
    assert!((back - closed).abs() <= 1.0, "{tall} -> {back}");
    b.js(
        "document.querySelectorAll('details').forEach(d => d.open = true); return true",
        vec![],
    )
    .await;
    wait_frame_fits(&b, "results with every details open").await;
    b.assert_no_axe_violations("results inside the embed with every details open")
        .await;

    // The person's own words: a note and a question typed into the frame.
    let before_notes = wait_frame_fits(&b, "before the notes").await;
    b.js(
        "document.getElementById('own-details').open = true; return 1",
        vec![],
    )
    .await;
    b.click("#own-notes-input").await;
    b.type_text(NOTE).await;
    b.click("#own-notes-add").await;
    b.wait_for_text(r#".own-list[data-list="own-notes"]"#, NOTE)
        .await;
    b.click("#own-questions-input").await;
    b.type_text(QUESTION).await;
    b.click("#own-questions-add").await;
    b.wait_for_text(r#".own-list[data-list="own-questions"]"#, QUESTION)
        .await;
    let after_notes = wait_frame_fits(&b, "after the notes").await;
    assert!(
        after_notes > before_notes,
        "{before_notes} -> {after_notes}"
    );

    // What reached the partner page: heights, nothing else.
    leave(&b).await;
    let msgs = messages(&b).await;
    let heights = assert_height_only(
        &msgs,
        &guide,
        &[
            NOTE,
            QUESTION,
            "Zebrafish",
            "Quokka",
            "NSCLC",
            "BONE",
            "LIVER",
            "EGFR",
            "SURGERY",
            "histology",
            "results",
            "answer",
            "profile",
        ],
    );
    assert!(heights.len() >= 8, "{heights:?}");
    assert_eq!(
        *heights.last().unwrap() as f64,
        frame_height(&b).await,
        "the last message set the height"
    );

    // The partner's scripts cannot look inside the frame.
    assert_eq!(
        b.js(
            "const f = document.querySelector('iframe');
             let doc = 'blocked'; try { doc = f.contentDocument === null ? 'null' : 'readable' } catch (e) {}
             let ls = 'blocked'; try { f.contentWindow.localStorage; ls = 'readable' } catch (e) {}
             return doc + ' ' + ls",
            vec![]
        )
        .await,
        json!("null blocked"),
        "the partner page cannot read the guide's page or storage"
    );

    // A message from anyone but the guide's frame changes nothing.
    let before = frame_height(&b).await;
    b.js(
        "window.postMessage({ type: 'guide:height', height: 5000 }, '*'); return true",
        vec![],
    )
    .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(frame_height(&b).await, before, "forged message ignored");

    // The partner page itself: the iframe has a title, and nothing left the two origins.
    b.assert_no_axe_violations("the partner page").await;
    b.assert_no_console_errors().await;
    let partner = sites.partner_origin();
    let foreign: Vec<String> = b
        .foreign_requests(&partner)
        .await
        .into_iter()
        .filter(|u| guide_e2e::origin_of(u) != guide)
        .collect();
    assert!(
        foreign.is_empty(),
        "requests to other origins: {foreign:#?}"
    );
    b.close().await;
}

#[tokio::test]
async fn colours_that_fail_contrast_and_unsafe_values_are_ignored_and_bad_sources_not_embedded() {
    let sites = Sites::start(
        r#"<div id="guide" data-lung-guide data-src="{GUIDE}/guide/"
             data-theme-accent="ffff00" data-theme-bg="101820" data-theme-text="f5f5f5"
             data-theme-font="url(https://fonts.example/x.woff2)" data-theme-scale="400"></div>
           <div id="insecure" data-lung-guide data-src="http://guide.example/guide/"></div>
           <div id="script-url" data-lung-guide data-src="javascript:alert(1)"></div>
           <script src="{GUIDE}/guide/embed/embed.js"></script>"#,
    );
    let b = browser().await;
    b.goto(&sites.partner_url()).await;
    b.wait_for("#guide iframe").await;
    assert!(
        !b.exists("#insecure iframe, #script-url iframe").await,
        "only https (or a local test origin) is embedded"
    );
    enter(&b).await;
    b.wait_for("#start").await;
    // The guide's own colours, font and size.
    assert_eq!(
        css(&b, "#start", "background-color").await,
        "rgb(11, 83, 148)"
    );
    assert_eq!(
        css(&b, "body", "background-color").await,
        "rgb(255, 255, 255)"
    );
    assert_eq!(css(&b, "body", "color").await, "rgb(27, 27, 27)");
    assert!(css(&b, "body", "font-family")
        .await
        .starts_with("system-ui"));
    assert_eq!(css(&b, "html", "font-size").await, "16px");
    let style = b
        .js(
            "return document.documentElement.getAttribute('style') || ''",
            vec![],
        )
        .await;
    assert_eq!(style, json!(""), "no custom property set");
    b.assert_no_axe_violations("embed with a rejected theme")
        .await;
    // Developers see why, as console warnings (not errors).
    let log = b.browser_log().await;
    for why in [
        "accent ignored",
        "text/bg ignored",
        "font ignored",
        "scale ignored",
    ] {
        assert!(
            log.iter()
                .any(|e| e.level == "WARNING" && e.message.contains(why)),
            "no warning {why:?}: {log:#?}"
        );
    }
    leave(&b).await;
    b.assert_no_console_errors().await;
    b.close().await;
}

#[tokio::test]
async fn scale_changes_the_text_size_inside_the_embed() {
    let sites = Sites::start(
        r#"<div data-lung-guide data-src="{GUIDE}/guide/" data-theme-scale="125"
             data-theme-bg="fff8e7" data-theme-text="222222"></div>
           <script src="{GUIDE}/guide/embed/embed.js"></script>"#,
    );
    let b = browser().await;
    b.goto(&sites.partner_url()).await;
    enter(&b).await;
    b.wait_for("#start").await;
    assert_eq!(css(&b, "html", "font-size").await, "20px");
    assert_eq!(
        css(&b, "body", "background-color").await,
        "rgb(255, 248, 231)"
    );
    assert_eq!(css(&b, "body", "color").await, "rgb(34, 34, 34)");
    b.assert_no_axe_violations("embed with a cream background at 125%")
        .await;
    wait_frame_fits(&b, "welcome at 125%").await;
    leave(&b).await;
    b.assert_no_console_errors().await;
    b.close().await;
}

#[tokio::test]
async fn a_strict_sandbox_with_blocked_storage_still_works_and_says_answers_will_not_be_kept() {
    // A partner's own iframe (no snippet) with the smallest sandbox the guide runs in, and a
    // browser that refuses storage to sites inside other sites.
    let sites = Sites::start(
        r#"<iframe src="{GUIDE}/guide/?embed=1&amp;parent={PARTNER}" title="Lung cancer guide"
             sandbox="allow-scripts allow-same-origin allow-forms" style="width: 100%; height: 600px; border: 0"></iframe>
           <script>
             window.addEventListener("message", function (e) {
               var f = document.querySelector("iframe");
               if (e.source !== f.contentWindow || e.origin !== "{GUIDE}") return;
               if (e.data && e.data.type === "guide:height") f.style.height = Math.min(100000, Math.max(150, e.data.height)) + "px";
             });
           </script>"#,
    );
    let b = browser().await;
    b.init_script("if (window !== window.top) { \
                   Object.defineProperty(window, 'localStorage', { configurable: true, get() { \
                     throw new DOMException(\"Failed to read the 'localStorage' property from 'Window': Access is denied for this document.\", 'SecurityError'); } }); }").await;
    b.goto(&sites.partner_url()).await;
    enter(&b).await;
    assert!(
        b.js(
            "try { localStorage.length; return false } catch (e) { return true }",
            vec![]
        )
        .await
            == json!(true),
        "storage is blocked in the frame"
    );
    let msg = b
        .wait_for_text(
            r#"[data-notice="storage.unavailable"]"#,
            "your answers will not be kept",
        )
        .await;
    assert!(msg.contains("still works"), "{msg}");
    assert!(!b.exists(r#"[data-notice="embed.kept_here"]"#).await);
    b.assert_no_axe_violations("embed with blocked storage")
        .await;
    b.click("#start").await;
    b.wait_for(r#".question[data-step="histology"]"#).await;
    b.click(r#"input[name="histology"][value="SCLC"]"#).await;
    b.click("#next").await;
    b.wait_for(r#".question[data-step="sites"]"#).await;
    assert!(!b.exists(r#"[data-notice="storage.quota"]"#).await);
    wait_frame_fits(&b, "blocked storage, second question").await;
    leave(&b).await;
    let msgs = messages(&b).await;
    assert_height_only(&msgs, &sites.guide.origin(), &["SCLC", "histology"]);
    b.assert_no_console_errors().await;
    b.close().await;
}
