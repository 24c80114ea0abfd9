//! Proves the harness itself detects what the app tests rely on: console errors and uncaught
//! exceptions, axe violations, foreign requests, key presses, localStorage seeding, going offline.
//! Uses small fixture pages, not the app.

use guide_e2e::{json, Browser, Key, StaticServer, TempDir};

const PAGE: &str = r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>fixture</title>
<link rel="icon" href="data:,"></head><body><main><h1>Fixture</h1>
<button id="a">First</button> <button id="b">Second</button>
<label for="name">Name</label> <input id="name">
<p id="out">none</p><p id="stored"></p></main>
<script>
  document.getElementById('b').addEventListener('click', () => document.getElementById('out').textContent = 'clicked b');
  document.getElementById('name').addEventListener('keydown', e => { if (e.key === 'ArrowDown') document.getElementById('out').textContent = 'arrow down'; });
  document.getElementById('stored').textContent = localStorage.getItem('answers') || 'empty';
</script></body></html>"#;

fn fixtures() -> TempDir {
    let dir = TempDir::new("fixtures");
    dir.write("index.html", PAGE);
    dir.write(
        "throws.html",
        r#"<!doctype html><html lang="en"><head><title>t</title><link rel="icon" href="data:,"></head>
        <body><main><h1>t</h1></main><script>throw new Error('boom from fixture');</script></body></html>"#,
    );
    dir.write(
        "console-error.html",
        r#"<!doctype html><html lang="en"><head><title>t</title><link rel="icon" href="data:,"></head>
        <body><main><h1>t</h1></main><script>console.error('logged failure'); Promise.reject(new Error('rejected promise'));</script></body></html>"#,
    );
    dir.write(
        "inaccessible.html",
        r#"<!doctype html><html><head><title>t</title><link rel="icon" href="data:,"></head>
        <body><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input type="text"></body></html>"#,
    );
    dir
}

#[tokio::test]
async fn detects_uncaught_exceptions_console_errors_and_rejections() {
    let dir = fixtures();
    let server = StaticServer::start(dir.path());
    let b = Browser::start().await;

    b.goto(&server.url("/")).await;
    b.wait_for("h1").await;
    b.assert_no_console_errors().await;

    b.goto(&server.url("/throws.html")).await;
    b.goto(&server.url("/console-error.html")).await;
    b.wait_for("h1").await;
    let errors = b.console_errors().await;
    let all: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
    assert!(
        all.iter()
            .any(|m| m.contains("Uncaught Error: boom from fixture")),
        "{all:#?}"
    );
    assert!(all.iter().any(|m| m.contains("logged failure")), "{all:#?}");
    assert!(
        all.iter().any(|m| m.contains("rejected promise")),
        "{all:#?}"
    );

    // A 404 is a console error too.
    b.clear_logs().await;
    b.js("const s = document.createElement('script'); s.src = 'missing.js'; document.body.append(s); return 1", vec![])
        .await;
    b.wait_until_js(
        "return performance.getEntriesByType('resource').some(e => e.name.endsWith('missing.js'))",
        vec![],
        "missing.js",
    )
    .await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert!(b
        .console_errors()
        .await
        .iter()
        .any(|e| e.message.contains("404")));
    b.close().await;
}

#[tokio::test]
async fn axe_reports_violation_ids_with_node_counts() {
    let dir = fixtures();
    let server = StaticServer::start(dir.path());
    let b = Browser::start().await;
    b.goto(&server.url("/")).await;
    assert_eq!(b.axe_summary().await, Vec::<String>::new());
    b.goto(&server.url("/inaccessible.html")).await;
    let summary = b.axe_summary().await;
    for expected in ["html-has-lang: 1", "image-alt: 1", "label: 1"] {
        assert!(
            summary.iter().any(|s| s == expected),
            "missing {expected} in {summary:?}"
        );
    }
    b.close().await;
}

#[tokio::test]
async fn keyboard_focus_typing_and_keys() {
    let dir = fixtures();
    let server = StaticServer::start(dir.path());
    let b = Browser::start().await;
    b.goto(&server.url("/")).await;
    b.wait_for("h1").await;

    b.press(Key::Tab).await;
    assert!(
        b.focused_matches("#a").await,
        "focus: {}",
        b.focused().await
    );
    b.press(Key::Tab).await;
    assert_eq!(b.focused().await, r#"button#b "Second""#);
    b.press(Key::Enter).await;
    assert_eq!(b.text("#out").await, "clicked b");
    b.js(
        "document.getElementById('out').textContent = 'none'; return 1",
        vec![],
    )
    .await;
    b.press(Key::Space).await;
    b.wait_for_text("#out", "clicked b").await;
    b.press_shift(Key::Tab).await;
    b.wait_for_focus("#a").await;

    b.click("#name").await;
    b.type_text("Ada Lovelace").await;
    let value = b
        .js("return document.getElementById('name').value", vec![])
        .await;
    assert_eq!(value, json!("Ada Lovelace"));
    b.press(Key::Down).await;
    assert_eq!(b.text("#out").await, "arrow down");
    b.close().await;
}

#[tokio::test]
async fn seeds_and_reads_local_storage_before_the_page_starts() {
    let dir = fixtures();
    let server = StaticServer::start(dir.path());
    let b = Browser::start().await;
    b.open_with_local_storage(&server.url("/"), &[("answers", r#"{"version":1}"#)])
        .await;
    assert_eq!(b.text("#stored").await, r#"{"version":1}"#);
    assert_eq!(
        b.local_storage_get("answers").await.as_deref(),
        Some(r#"{"version":1}"#)
    );
    b.js("localStorage.setItem('other', 'x'); return 1", vec![])
        .await;
    b.reload().await;
    let all = b.local_storage().await;
    assert_eq!(all.len(), 2, "{all:?}");
    // A fresh session has a fresh profile: nothing carried over.
    b.close().await;
    let b2 = Browser::start().await;
    b2.goto(&server.url("/")).await;
    assert_eq!(b2.text("#stored").await, "empty");
    b2.close().await;
}

#[tokio::test]
async fn lists_requests_and_flags_foreign_origins() {
    let dir = fixtures();
    let server = StaticServer::start(dir.path());
    let other = StaticServer::start(dir.path()); // another port = another origin
    let b = Browser::start().await;
    b.goto(&server.url("/guide/")).await;
    b.wait_for("h1").await;
    let requests = b.requests().await;
    assert!(requests.contains(&server.url("/guide/")), "{requests:#?}");
    b.assert_all_requests_same_origin(&server.origin()).await;

    let url = other.url("/index.html");
    b.js(
        // Cross-origin without CORS headers: the request is made (and must be flagged), then fails.
        "return fetch(arguments[0]).then(r => r.status, e => String(e))",
        vec![json!(url)],
    )
    .await;
    assert!(b.requests().await.contains(&url));
    assert!(b.page_resource_urls().await.contains(&url));
    assert_eq!(b.foreign_requests(&server.origin()).await, vec![url]);
    b.close().await;
}

#[tokio::test]
async fn server_can_go_offline_and_come_back() {
    let dir = fixtures();
    let mut server = StaticServer::start(dir.path());
    let b = Browser::start().await;
    b.goto(&server.url("/")).await;
    b.wait_for("h1").await;
    let fetch = "return fetch(arguments[0], {cache: 'no-store'}).then(r => 'status ' + r.status, e => 'failed: ' + e.message)";
    let url = json!(server.url("/index.html"));
    assert_eq!(b.js(fetch, vec![url.clone()]).await, json!("status 200"));
    server.stop();
    let offline = b.js(fetch, vec![url.clone()]).await;
    assert!(offline.as_str().unwrap().starts_with("failed"), "{offline}");
    server.restart();
    assert_eq!(b.js(fetch, vec![url]).await, json!("status 200"));
    b.close().await;
}
