//! Offline, installable, private (release build, served under the sub-path `/guide/`):
//!
//! - after one visit the service worker controls the page and holds every file of the build;
//!   with the server stopped a reload still shows the guide and the whole question flow reaches
//!   the results; every request of the session stays on the page's origin; the
//!   Content-Security-Policy reports no violation anywhere;
//! - the manifest and icons are there, with a start URL and scope inside `/guide/`;
//! - "Delete my answers" removes every localStorage key of the guide (and caches other than the
//!   app shell), says so, and leaves other sites' keys alone;
//! - a new build on the server is offered ("A new version of the guide is ready" + Reload) and
//!   Reload switches to it.

use std::path::Path;

use guide_e2e::steps::wait_after_step;
use guide_e2e::{dist_dir, json, Browser, StaticServer, TempDir, Value};

const KEY_PREFIX: &str = "recurrence-guide.";

/// Every document of the session records Content-Security-Policy violations in
/// `window.__cspViolations` (read with [`csp_violations`] before leaving a page).
async fn record_csp_violations(b: &Browser) {
    let source = "window.__cspViolations = []; \
        document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push( \
          e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));";
    b.init_script(source).await;
}

async fn csp_violations(b: &Browser) -> Vec<String> {
    let v = b
        .js("return window.__cspViolations || ['no recorder']", vec![])
        .await;
    serde_json::from_value(v).unwrap_or_default()
}

async fn assert_no_csp_violations(b: &Browser, context: &str) {
    let seen = csp_violations(b).await;
    assert!(seen.is_empty(), "CSP violations on {context}: {seen:#?}");
    let logged: Vec<String> = b
        .console_errors()
        .await
        .into_iter()
        .map(|e| e.message)
        .filter(|m| m.contains("Content Security Policy") || m.contains("Refused to"))
        .collect();
    assert!(
        logged.is_empty(),
        "CSP errors in the console ({context}): {logged:#?}"
    );
}

/// Wait until the service worker controls the page and its cache holds the whole build.
async fn wait_for_service_worker(b: &Browser) {
    b.wait_until_js(
        "return navigator.serviceWorker.controller !== null",
        vec![],
        "the service worker to control the page",
    )
    .await;
}

/// Names of the Cache Storage caches of the page's origin.
async fn cache_names(b: &Browser) -> Vec<String> {
    let v = b
        .client()
        .execute_async(
            "const done = arguments[arguments.length - 1]; caches.keys().then(done, e => done(['error: ' + e]))",
            vec![],
        )
        .await
        .expect("caches.keys");
    serde_json::from_value(v).unwrap_or_default()
}

/// Paths (relative to the scope) of the requests cached in `cache`.
async fn cached_paths(b: &Browser, cache: &str, scope: &str) -> Vec<String> {
    let v = b
        .client()
        .execute_async(
            "const [name, scope, done] = arguments; caches.open(name).then(c => c.keys())
               .then(rs => done(rs.map(r => r.url.replace(scope, '')).sort()), e => done(['error: ' + e]))",
            vec![json!(cache), json!(scope)],
        )
        .await
        .expect("cache.keys");
    serde_json::from_value(v).unwrap_or_default()
}

/// Every file of a built directory, relative, sorted (what the service worker must precache).
fn files_of(dir: &Path) -> Vec<String> {
    fn walk(base: &Path, dir: &Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).expect("read dist") {
            let path = entry.expect("dir entry").path();
            if path.is_dir() {
                walk(base, &path, out);
            } else {
                let rel = path
                    .strip_prefix(base)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                out.push(rel);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// Answer every question with its first choice (each radio group, the first checkbox when none
/// is ticked), then See options: the results screen.
async fn answer_everything(b: &Browser) {
    b.click("#start").await;
    b.wait_for(".question").await;
    for _ in 0..60 {
        if b.exists(".review").await {
            break;
        }
        let step = b.attr(".question", "data-step").await.unwrap_or_default();
        b.js(
            "const q = document.querySelector('.question');
             const visible = e => e.offsetParent !== null;
             const radios = Array.from(q.querySelectorAll('input[type=radio]')).filter(visible);
             for (const name of new Set(radios.map(r => r.name))) {
               const group = radios.filter(r => r.name === name);
               if (!group.some(r => r.checked)) group[0].click();
             }
             const boxes = Array.from(q.querySelectorAll('input[type=checkbox]')).filter(visible);
             if (boxes.length && !boxes.some(c => c.checked)) boxes[0].click();
             return 1",
            vec![],
        )
        .await;
        b.click("#next").await;
        // The next screen (another question or the review).
        wait_after_step(b, &step).await;
    }
    b.wait_for(".review").await;
    b.click("#see-options").await;
    b.wait_for(".results").await;
}

#[tokio::test]
async fn after_one_visit_the_guide_works_offline_under_a_sub_path() {
    let dist = dist_dir();
    let mut server = StaticServer::start(&dist);
    let b = Browser::start().await;
    record_csp_violations(&b).await;
    let scope = server.url("/guide/");
    b.goto(&scope).await;
    b.wait_for("#start").await;
    wait_for_service_worker(&b).await;
    assert_no_csp_violations(&b, "first visit").await;

    // The worker's one cache holds every file of the build (sw.js itself excepted).
    let caches = cache_names(&b).await;
    assert_eq!(caches.len(), 1, "{caches:?}");
    assert!(caches[0].starts_with("guide-"), "{caches:?}");
    let mut expected = files_of(&dist);
    expected.retain(|f| f != "sw.js");
    assert_eq!(cached_paths(&b, &caches[0], &scope).await, expected);

    // Installable: the manifest is linked, and its start URL, scope and icons work under /guide/.
    let manifest: Value = serde_json::from_str(
        &std::fs::read_to_string(dist.join("manifest.webmanifest")).expect("manifest in dist"),
    )
    .expect("manifest is JSON");
    assert_eq!(manifest["start_url"], "./");
    assert_eq!(manifest["scope"], "./");
    assert_eq!(manifest["display"], "standalone");
    let icons = manifest["icons"].as_array().expect("icons");
    for (size, purpose) in [
        ("192x192", "any"),
        ("512x512", "any"),
        ("512x512", "maskable"),
    ] {
        let icon = icons
            .iter()
            .find(|i| i["sizes"] == size && i["purpose"] == purpose)
            .unwrap_or_else(|| panic!("no {size} {purpose} icon"));
        assert!(dist.join(icon["src"].as_str().unwrap()).is_file(), "{icon}");
    }
    assert_eq!(
        b.attr("link[rel=manifest]", "href").await.as_deref(),
        Some("manifest.webmanifest")
    );
    let installable = b.cdp("Page.getAppManifest", json!({})).await;
    assert_eq!(
        installable["url"],
        json!(server.url("/guide/manifest.webmanifest"))
    );
    assert_eq!(installable["errors"], json!([]), "{installable}");

    // Offline: the server is gone; a reload still shows the guide, and the whole flow works.
    server.stop();
    b.reload().await;
    b.wait_for("#start").await;
    assert_eq!(b.url().await, scope);
    answer_everything(&b).await;
    assert!(!b.text("main h1").await.trim().is_empty());
    assert_no_csp_violations(&b, "offline results").await;

    // Nothing left the origin during the whole session, and only the guide's own files were
    // asked for (the server log covers the online part).
    b.assert_all_requests_same_origin(&server.origin()).await;
    let served = server.requests();
    assert!(
        served
            .iter()
            .all(|r| r.path.starts_with("/guide/") && r.status < 400),
        "{served:#?}"
    );
    b.close().await;
}

#[tokio::test]
async fn every_screen_online_has_no_csp_violation_and_no_foreign_request() {
    let server = StaticServer::start(dist_dir());
    let b = Browser::start().await;
    record_csp_violations(&b).await;
    b.goto(&server.url("/guide/")).await;
    b.wait_for("#start").await;
    answer_everything(&b).await;
    // Every detail and glossary term open (their contents render too).
    b.js(
        "document.querySelectorAll('details').forEach(d => d.open = true);
         document.querySelectorAll('.results button[aria-expanded=false]').forEach(x => x.click());
         return 1",
        vec![],
    )
    .await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_no_csp_violations(&b, "results").await;
    // The other screens: visit summary, what matters, comparison, the text pages.
    b.click("#open-summary").await;
    b.wait_for("#summary-title").await;
    b.js(
        "document.querySelectorAll('details').forEach(d => d.open = true); return 1",
        vec![],
    )
    .await;
    b.click("#summary-to-values").await;
    b.wait_for("#values-to-results").await;
    b.click("#values-to-results").await;
    b.click("#open-compare").await;
    b.wait_for("#compare-to-results").await;
    b.click("#nav-about").await;
    b.wait_for(".page-screen").await;
    b.click("#nav-urgent").await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_no_csp_violations(&b, "summary, values, compare, about, urgent").await;
    b.assert_no_console_errors().await;
    b.assert_all_requests_same_origin(&server.origin()).await;
    b.close().await;
}

#[tokio::test]
async fn delete_my_answers_removes_everything_the_guide_stored() {
    let server = StaticServer::start(dist_dir());
    let b = Browser::start().await;
    record_csp_violations(&b).await;
    let answers =
        r#"{"schema":1,"screen":"welcome","profile":{"version":1,"histology":"NSCLC_NONSQ"}}"#;
    b.seed_local_storage(
        &server.origin(),
        &[
            ("recurrence-guide.answers", answers),
            ("recurrence-guide.answers.unreadable", "{broken"),
            (
                "recurrence-guide.answers.unreadable.2026-01-01T00:00:00Z",
                "{",
            ),
            ("another-app", "keep me"),
        ],
    )
    .await;
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    b.clear_logs().await;
    b.goto(&server.url("/guide/")).await;
    b.wait_for("#resume").await;
    wait_for_service_worker(&b).await;
    // A cache that is not the app shell (the guide makes none; it must go too).
    b.client()
        .execute_async(
            "const done = arguments[0]; caches.open('not-the-shell').then(c => c.put('x', new Response('x'))).then(() => done(1))",
            vec![],
        )
        .await
        .expect("make a cache");

    b.click("#delete-answers").await;
    b.wait_until_js(
        "return document.querySelector('#delete-title').closest('dialog').open",
        vec![],
        "the delete dialog",
    )
    .await;
    b.wait_for_focus("#cancel-delete").await;
    b.assert_no_axe_violations("delete dialog").await;
    b.click("#confirm-delete").await;
    let said = b
        .wait_for_text(
            r#"[data-notice="privacy.deleted"]"#,
            "Your answers were deleted from this device.",
        )
        .await;
    assert_eq!(said, "Your answers were deleted from this device.");
    b.wait_for("#start").await;
    b.assert_no_axe_violations("welcome after deleting").await;

    let stored = b.local_storage().await;
    let guide: Vec<&String> = stored
        .keys()
        .filter(|k| k.starts_with(KEY_PREFIX))
        .collect();
    assert!(guide.is_empty(), "the guide's keys are left: {stored:?}");
    assert_eq!(
        stored.get("another-app").map(String::as_str),
        Some("keep me")
    );
    let caches = {
        let mut names = cache_names(&b).await;
        for _ in 0..50 {
            if !names.iter().any(|n| n == "not-the-shell") {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            names = cache_names(&b).await;
        }
        names
    };
    assert_eq!(caches.len(), 1, "only the app shell stays: {caches:?}");
    assert!(caches[0].starts_with("guide-"), "{caches:?}");

    // Nothing comes back after a reload.
    b.reload().await;
    b.wait_for("#start").await;
    assert!(!b.exists("#resume").await);
    let stored = b.local_storage().await;
    assert!(
        stored.keys().all(|k| !k.starts_with(KEY_PREFIX)),
        "{stored:?}"
    );
    assert_no_csp_violations(&b, "after deleting").await;
    b.assert_no_console_errors().await;
    b.close().await;
}

#[tokio::test]
async fn a_new_build_on_the_server_is_offered_and_reload_switches_to_it() {
    // Build 1 is a copy of dist/; build 2 is the same with another version and one more file.
    let site = TempDir::new("update");
    let dist = dist_dir();
    for file in files_of(&dist) {
        site.write(&file, std::fs::read(dist.join(&file)).unwrap());
    }
    let server = StaticServer::start_with_mounts(&[("/guide/", site.path())]);
    let b = Browser::start().await;
    record_csp_violations(&b).await;
    b.goto(&server.url("/guide/")).await;
    b.wait_for("#start").await;
    wait_for_service_worker(&b).await;
    let first = cache_names(&b).await;
    assert_eq!(first.len(), 1, "{first:?}");
    assert!(!b.exists(r#"[data-notice="pwa.update_ready"]"#).await);

    // Deploy build 2.
    let sw = std::fs::read_to_string(site.path().join("sw.js")).unwrap();
    let version_line = sw
        .lines()
        .find(|l| l.starts_with("const VERSION = \""))
        .expect("VERSION line in sw.js")
        .to_string();
    let new_version = "build2build2bui2";
    let sw2 = sw
        .replace(
            &version_line,
            &format!("const VERSION = \"{new_version}\";"),
        )
        .replace("const PRECACHE = [", "const PRECACHE = [\"./build2.txt\",");
    site.write("build2.txt", "build 2");
    site.write("sw.js", sw2);

    // The next visit finds it; it waits, and the page offers it.
    b.reload().await;
    b.wait_for("#start").await;
    let offer = b
        .wait_for_text(
            r#"[data-notice="pwa.update_ready"]"#,
            "A new version of the guide is ready",
        )
        .await;
    assert!(offer.contains("Reload"), "{offer}");
    assert!(
        b.attr(".pwa-notices", "role").await.as_deref() == Some("status"),
        "the offer is announced politely"
    );
    b.assert_no_axe_violations("new version offer").await;
    // Still the old version until the person says so.
    assert_eq!(
        cache_names(&b)
            .await
            .iter()
            .filter(|n| **n == first[0])
            .count(),
        1
    );

    b.js("window.__beforeReload = true; return 1", vec![]).await;
    b.click("#pwa-reload").await;
    b.wait_until_js(
        "return window.__beforeReload === undefined && document.querySelector('#start') !== null",
        vec![],
        "the page to reload",
    )
    .await;
    wait_for_service_worker(&b).await;
    let mut caches = cache_names(&b).await;
    for _ in 0..50 {
        if caches == [format!("guide-{new_version}")] {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        caches = cache_names(&b).await;
    }
    assert_eq!(
        caches,
        [format!("guide-{new_version}")],
        "old cache deleted"
    );
    assert!(cached_paths(&b, &caches[0], &server.url("/guide/"))
        .await
        .contains(&"build2.txt".to_string()));
    assert!(!b.exists(r#"[data-notice="pwa.update_ready"]"#).await);
    assert_no_csp_violations(&b, "after the update").await;
    b.assert_no_console_errors().await;
    b.assert_all_requests_same_origin(&server.origin()).await;
    b.close().await;
}
