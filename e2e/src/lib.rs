//! Browser test harness for the release build of the guide.
//!
//! ```no_run
//! use guide_e2e::{dist_dir, Browser, Key, StaticServer};
//!
//! #[tokio::test]
//! async fn first_screen() {
//!     let server = StaticServer::start(dist_dir()); // dist/ at `/` and at `/guide/`
//!     let b = Browser::start().await;               // own chromedriver + fresh Chromium profile
//!     b.goto(&server.url("/")).await;
//!     b.wait_for("h1").await;                       // the wasm started
//!     b.press(Key::Tab).await;
//!     b.assert_no_axe_violations("first screen").await;
//!     b.assert_no_console_errors().await;
//!     b.assert_all_requests_same_origin(&server.origin()).await;
//!     b.close().await;
//! }
//! ```
//!
//! Other engines: `Browser::start_engine(Engine::Firefox)` / `Engine::Webkit` (W3C WebDriver only;
//! serve with `StaticServer::start(..).with_error_hook()` so their console errors are seen), or
//! `for_each_engine(async |b| { .. })` over `ENGINES=chromium,firefox,webkit` (default all).
//! `e2e/tests/engines.rs` runs the core flows in each engine.
//!
//! Tests live in `e2e/tests/*.rs`; run them with `cargo test -p guide-e2e` after `trunk build --release`.

pub mod browser;
pub mod server;
pub mod size;
pub mod steps;

pub use browser::{
    for_each_engine, origin_of, AxeViolation, Browser, BrowserOptions, Engine, LogEntry, AXE_TAGS,
    DEFAULT_TIMEOUT,
};
pub use fantoccini::{self, elements::Element, key::Key, Locator};
pub use serde_json::{self, json, Value};
pub use server::{ServedRequest, StaticServer, BLANK_PATH, ERROR_HOOK_FILE, ERROR_HOOK_JS};

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The repository root (parent of `e2e/`).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("e2e/ has a parent")
        .to_path_buf()
}

/// The built app: `$GUIDE_DIST` or `<repo>/dist`. Panics with a hint when it has not been built.
pub fn dist_dir() -> PathBuf {
    let dist = std::env::var("GUIDE_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|_| repo_root().join("dist"));
    assert!(
        dist.join("index.html").is_file(),
        "{} has no index.html: run `trunk build --release` first (scripts/test.sh does)",
        dist.display()
    );
    dist
}

/// A directory under the system temp dir, removed (with its contents) on drop.
pub struct TempDir(PathBuf);

impl TempDir {
    /// Create a fresh, empty directory whose name starts with `guide-e2e-<label>-`.
    pub fn new(label: &str) -> TempDir {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let path = std::env::temp_dir().join(format!(
            "guide-e2e-{label}-{}-{}-{nanos}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::SeqCst)
        ));
        std::fs::create_dir_all(&path).unwrap_or_else(|e| panic!("create {}: {e}", path.display()));
        TempDir(path)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }

    /// Write `contents` to `name` inside the directory (creating parent dirs); return its path.
    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.0.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create parent dir");
        }
        std::fs::write(&path, contents).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
