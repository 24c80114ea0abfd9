//! Smoke test of the release build (dist/): it loads at `/` and at `/guide/`, the wasm starts,
//! no console errors, no axe-core violations, no request leaves the origin.

use guide_e2e::{dist_dir, Browser, StaticServer};

async fn check_loads(path: &str) {
    let server = StaticServer::start(dist_dir());
    let b = Browser::start().await;
    b.goto(&server.url(path)).await;

    // The `h1` is rendered by the App component, so its presence means the wasm started.
    let heading = b.text("h1").await;
    assert!(!heading.trim().is_empty(), "the app's h1 is empty");
    assert_eq!(b.attr("html", "lang").await.as_deref(), Some("en"));
    assert!(
        !b.client().title().await.unwrap().trim().is_empty(),
        "page has no title"
    );

    b.assert_no_axe_violations(&format!("first screen at {path}"))
        .await;
    b.assert_no_console_errors().await;
    b.assert_all_requests_same_origin(&server.origin()).await;

    // The page really loaded its wasm and script from this server, under `path`.
    let requests = b.requests().await;
    for ext in [".js", "_bg.wasm", ".css"] {
        assert!(
            requests
                .iter()
                .any(|u| u.starts_with(&server.url(path)) && u.ends_with(ext)),
            "no {ext} request under {path}: {requests:#?}"
        );
    }
    let served = server.requests();
    assert!(
        served.iter().all(|r| r.status < 400),
        "the server answered errors: {served:#?}"
    );
    b.close().await;
}

#[tokio::test]
async fn release_build_starts_clean_at_root() {
    check_loads("/").await;
}

#[tokio::test]
async fn release_build_starts_clean_under_a_sub_path() {
    check_loads("/guide/").await;
}
