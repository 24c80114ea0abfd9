//! The welcome screen pre-rendered in `index.html` (`pwa/welcome.html`, put in by
//! `pwa/gen-sw.sh`):
//! - it is exactly what the app renders on a first visit (comments, dialogs, the live region and
//!   the notices left out). When the welcome changes, regenerate it with
//!   `UPDATE_PRERENDER=1 cargo test -p guide-e2e --test prerender`, then rebuild;
//! - without the wasm it is painted, readable and accessible; it is not shown in an embed or when
//!   answers are saved, and it has the person's text size;
//! - with the wasm the app replaces it: one `main`, one welcome.

use guide_e2e::{dist_dir, json, repo_root, Browser, StaticServer, TempDir};

const STORAGE_KEY: &str = "recurrence-guide.answers";
const TEXT_SIZE_KEY: &str = "recurrence-guide.text-size";

/// The body as the pre-render keeps it: no comments, dialogs, live region, notices or scripts.
const SNAPSHOT: &str = "
    const clone = document.body.cloneNode(true);
    clone.querySelectorAll('dialog, #announcer, script, noscript').forEach(e => e.remove());
    clone.querySelectorAll('.notices').forEach(n => n.replaceChildren());
    const walker = document.createTreeWalker(clone, NodeFilter.SHOW_COMMENT);
    const comments = [];
    while (walker.nextNode()) comments.push(walker.currentNode);
    comments.forEach(c => c.remove());
    return clone.innerHTML.trim();";

fn committed() -> String {
    std::fs::read_to_string(repo_root().join("pwa/welcome.html"))
        .expect("pwa/welcome.html")
        .trim()
        .to_string()
}

#[tokio::test]
async fn the_pre_rendered_welcome_is_what_the_app_renders() {
    let server = StaticServer::start(dist_dir());
    let b = Browser::start().await;
    b.goto(&server.url("/")).await;
    b.wait_for(".welcome h1").await;
    assert!(
        !b.exists("#prerender").await,
        "the app did not remove the pre-render"
    );
    let counts = b
        .js(
            "return [document.querySelectorAll('main').length, document.querySelectorAll('.welcome').length, document.querySelectorAll('#start').length]",
            vec![],
        )
        .await;
    assert_eq!(counts, json!([1, 1, 1]));
    let rendered = b.js(SNAPSHOT, vec![]).await.as_str().unwrap().to_string();
    b.close().await;
    if std::env::var_os("UPDATE_PRERENDER").is_some() {
        std::fs::write(repo_root().join("pwa/welcome.html"), rendered + "\n").unwrap();
        return;
    }
    assert!(
        rendered == committed(),
        "pwa/welcome.html is not what the app renders: run \
         UPDATE_PRERENDER=1 cargo test -p guide-e2e --test prerender, then rebuild.\n\
         app:       {rendered}\ncommitted: {}",
        committed()
    );
}

fn copy(from: &std::path::Path, to: &std::path::Path, keep_wasm: bool) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let (path, name) = (e.path(), e.file_name());
        if path.is_dir() {
            copy(&path, &to.join(&name), keep_wasm);
        } else if keep_wasm || !name.to_string_lossy().ends_with(".wasm") {
            std::fs::copy(&path, to.join(&name)).unwrap();
        }
    }
}

/// A copy of dist/ without the wasm: what a person sees before it has arrived.
fn dist_without_wasm() -> TempDir {
    let dir = TempDir::new("no-wasm");
    copy(&dist_dir(), dir.path(), false);
    dir
}

/// A copy of dist/ whose page does not start the app by itself: the test starts it (as Trunk's
/// bootstrap does) when it chooses, after acting on the pre-rendered welcome.
fn dist_started_by_hand() -> TempDir {
    let dir = TempDir::new("by-hand");
    copy(&dist_dir(), dir.path(), true);
    let index = dir.path().join("index.html");
    let html = std::fs::read_to_string(&index).unwrap();
    let start = html
        .find("<script type=module>")
        .expect("Trunk's bootstrap");
    let end = start + html[start..].find("</script>").unwrap() + "</script>".len();
    std::fs::write(&index, format!("{}{}", &html[..start], &html[end..])).unwrap();
    dir
}

/// Starts the app as Trunk's bootstrap does (same files, same CSP).
const START_APP: &str = "
    const js = document.querySelector('link[rel=modulepreload]').getAttribute('href');
    const wasm = document.querySelector('link[rel=preload][href$=\".wasm\"]').getAttribute('href');
    return import(js).then(m => m.default({ module_or_path: wasm })).then(() => true);";

#[tokio::test]
async fn what_the_person_did_before_the_app_started_is_kept() {
    let dir = dist_started_by_hand();
    let server = StaticServer::start(dir.path());
    let b = Browser::start().await;
    b.goto_before_app(&server.url("/")).await;
    b.wait_for("#prerender .welcome h1").await;

    // A text size pressed (which also focuses it): after the start, pressed again and focused.
    b.click("#prerender #text-size-150").await;
    assert!(b.exists("#prerender").await, "the app started by itself");
    assert_eq!(b.js(START_APP, vec![]).await, json!(true));
    b.wait_gone("#prerender").await;
    b.wait_until_js(
        "return document.getElementById('text-size-150').getAttribute('aria-pressed') === 'true'",
        vec![],
        "the 150% size pressed again",
    )
    .await;
    assert!(b.focused_matches("#text-size-150").await, "focus was lost");

    // Start pressed before the app started: the first question comes once it has.
    b.js("localStorage.clear(); return true", vec![]).await;
    b.reload_before_app().await;
    b.wait_for("#prerender #start").await;
    b.click("#prerender #start").await;
    assert_eq!(b.js(START_APP, vec![]).await, json!(true));
    b.wait_for(".question h1").await;
    b.assert_no_console_errors().await;
    b.close().await;
}

/// Whether the pre-rendered welcome is in the page and visible.
async fn prerender_shown(b: &Browser) -> bool {
    b.js(
        "const p = document.getElementById('prerender');
         return !!p && getComputedStyle(p).display !== 'none' && p.getBoundingClientRect().height > 0",
        vec![],
    )
    .await
        == json!(true)
}

#[tokio::test]
async fn before_the_wasm_the_welcome_is_painted_except_in_an_embed_or_when_answers_are_saved() {
    let dir = dist_without_wasm();
    let server = StaticServer::start(dir.path());
    let b = Browser::start().await;
    b.goto_before_app(&server.url("/")).await;
    b.wait_for("#prerender .welcome h1").await;
    assert!(prerender_shown(&b).await);
    let html = std::fs::read_to_string(dist_dir().join("index.html")).unwrap();
    assert!(
        html.contains(r#"<div id="prerender">"#),
        "index.html has no pre-render"
    );
    assert_eq!(
        b.text("#prerender .welcome h1").await,
        b.client().title().await.unwrap(),
        "the heading is the page title"
    );
    assert!(b.exists("#prerender #start").await);
    assert!(b
        .text("#prerender .privacy")
        .await
        .contains("Nothing you type leaves this device"));
    b.assert_no_axe_violations("pre-rendered welcome, before the wasm")
        .await;
    b.assert_all_requests_same_origin(&server.origin()).await;
    let root = b
        .js(
            "return parseFloat(getComputedStyle(document.documentElement).fontSize)",
            vec![],
        )
        .await
        .as_f64()
        .unwrap();

    // The person's text size applies before the wasm.
    b.js(
        "localStorage.setItem(arguments[0], '150'); return true",
        vec![json!(TEXT_SIZE_KEY)],
    )
    .await;
    b.reload_before_app().await;
    b.wait_for("#prerender .welcome h1").await;
    let big = b
        .js(
            "return parseFloat(getComputedStyle(document.documentElement).fontSize)",
            vec![],
        )
        .await
        .as_f64()
        .unwrap();
    assert!((big / root - 1.5).abs() < 0.02, "{root}px -> {big}px");

    // Saved answers: the app will resume elsewhere, so no welcome flashes first.
    b.js(
        "localStorage.setItem(arguments[0], '{}'); return true",
        vec![json!(STORAGE_KEY)],
    )
    .await;
    b.reload_before_app().await;
    assert!(!b.exists("#prerender").await, "shown with answers saved");
    b.js("localStorage.clear(); return true", vec![]).await;

    // In an embed: the partner's theme comes with the app.
    b.goto_before_app(&server.url("/?embed=1")).await;
    assert!(!b.exists("#prerender").await, "shown in an embed");
    b.goto_before_app(&server.url("/")).await;
    b.wait_for("#prerender").await;
    assert!(prerender_shown(&b).await);
    b.close().await;
}
