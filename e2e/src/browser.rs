//! One browser session driven through its own WebDriver server (free port, fresh profile), in one
//! of three engines ([`Engine`]): headless Chromium through chromedriver (the default, and the only
//! one with the Chrome DevTools helpers), headless Firefox ESR through geckodriver, and WebKitGTK
//! (Safari's engine) through WebKitWebDriver on an X display (`$DISPLAY`, e.g. under `xvfb-run -a`;
//! without one the harness starts its own Xvfb for the session). `ENGINES=chromium,firefox,webkit`
//! (default: all three) picks the engines [`Engine::selected`] and [`for_each_engine`] run.
//!
//! Helpers panic with a readable message (URL, page text, console errors) instead of returning
//! `Result`, so tests read like a script. The raw fantoccini client is available via
//! [`Browser::client`] for anything not covered here.

use crate::server::BLANK_PATH;
use crate::{repo_root, TempDir};
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::wd::{
    Capabilities, TimeoutConfiguration, WebDriverCompatibleCommand, WindowHandle,
};
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

/// How long the `wait_*` helpers wait by default (a cold wasm start on a busy 2-core CI machine is slow).
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// WCAG tags axe-core checks (A and AA up to WCAG 2.2).
pub const AXE_TAGS: [&str; 4] = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"];

/// Flags Chromium needs on these machines (see shared tech notes, gotcha 12).
const CHROMIUM_FLAGS: [&str; 10] = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-extensions",
];

/// A browser engine the harness can drive (all through W3C WebDriver).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Engine {
    /// Headless Chromium through chromedriver (`$CHROMEDRIVER`, `$CHROMIUM`).
    Chromium,
    /// Headless Firefox ESR through geckodriver (`$GECKODRIVER`, `$FIREFOX`).
    Firefox,
    /// WebKitGTK's MiniBrowser through WebKitWebDriver (`$WEBKITWEBDRIVER`), on an X display.
    Webkit,
}

impl Engine {
    /// Every engine, in the order tests run them.
    pub const ALL: [Engine; 3] = [Engine::Chromium, Engine::Firefox, Engine::Webkit];

    /// `chromium`, `firefox` or `webkit` (the names `ENGINES` takes).
    pub fn name(self) -> &'static str {
        match self {
            Engine::Chromium => "chromium",
            Engine::Firefox => "firefox",
            Engine::Webkit => "webkit",
        }
    }

    /// Parse one name of `ENGINES` (case-insensitive; `chrome`, `gecko`, `safari` also accepted).
    pub fn parse(name: &str) -> Option<Engine> {
        match name.trim().to_ascii_lowercase().as_str() {
            "chromium" | "chrome" => Some(Engine::Chromium),
            "firefox" | "gecko" => Some(Engine::Firefox),
            "webkit" | "safari" | "webkitgtk" => Some(Engine::Webkit),
            _ => None,
        }
    }

    /// The engines `$ENGINES` names (comma separated; unset or empty = all three). Panics on an
    /// unknown name, so a typo never silently runs nothing.
    pub fn selected() -> Vec<Engine> {
        let raw = std::env::var("ENGINES").unwrap_or_default();
        if raw.trim().is_empty() {
            return Engine::ALL.to_vec();
        }
        let mut out = Vec::new();
        for part in raw.split(',').filter(|p| !p.trim().is_empty()) {
            let e = Engine::parse(part).unwrap_or_else(|| {
                panic!("ENGINES={raw:?}: unknown engine {part:?} (use chromium, firefox, webkit)")
            });
            if !out.contains(&e) {
                out.push(e);
            }
        }
        out
    }

    /// Is this engine among [`Engine::selected`]?
    pub fn is_selected(self) -> bool {
        Engine::selected().contains(&self)
    }

    /// Print, for the test log, that `check` does not run in this engine and why. Use it where an
    /// engine cannot do something under automation: never skip silently.
    pub fn skipped(self, check: &str, reason: &str) {
        println!("SKIPPED in {}: {check}: {reason}", self.name());
        eprintln!("SKIPPED in {}: {check}: {reason}", self.name());
    }
}

impl std::fmt::Display for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Run `check` once per selected engine ([`Engine::selected`]), one after the other, each with a
/// fresh [`Browser`] of that engine (closed afterwards). Prints the time each engine took.
pub async fn for_each_engine(check: impl AsyncFn(&Browser)) {
    for engine in Engine::selected() {
        let t0 = Instant::now();
        let b = Browser::start_engine(engine).await;
        check(&b).await;
        b.close().await;
        println!("{engine}: {:.1}s", t0.elapsed().as_secs_f64());
    }
}

/// Session settings. `Default` is a 1280x900 English (`en-US`) desktop window.
#[derive(Clone, Debug)]
pub struct BrowserOptions {
    /// Browser UI / `navigator.languages` language, e.g. `"de"`.
    pub lang: String,
    /// Window size in CSS pixels (use e.g. `(390, 844)` for a phone).
    pub window_size: (u32, u32),
    /// Extra Chromium command line flags.
    pub extra_args: Vec<String>,
    /// Default timeout of the `wait_*` helpers.
    pub timeout: Duration,
    /// Save downloads into this directory without asking (Chromium and Firefox through their
    /// preferences; WebKit through the XDG download directory of its profile).
    pub download_dir: Option<std::path::PathBuf>,
}

impl Default for BrowserOptions {
    fn default() -> Self {
        BrowserOptions {
            lang: "en-US".into(),
            window_size: (1280, 900),
            extra_args: Vec::new(),
            timeout: DEFAULT_TIMEOUT,
            download_dir: None,
        }
    }
}

/// One entry of the browser log (console messages, uncaught exceptions, failed loads).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogEntry {
    /// `SEVERE` (console.error, uncaught exceptions, failed resource loads), `WARNING`, `INFO`, `DEBUG`.
    pub level: String,
    /// `javascript` (uncaught exceptions), `console-api`, `network`, ...
    pub source: String,
    pub message: String,
}

/// One axe-core rule violation on the current page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AxeViolation {
    /// Rule id, e.g. `color-contrast`, `image-alt`.
    pub id: String,
    pub impact: String,
    pub help: String,
    /// Number of offending nodes.
    pub nodes: usize,
    /// CSS selectors of the offending nodes.
    pub targets: Vec<String>,
}

impl std::fmt::Display for AxeViolation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} ({}): {} node(s) - {} - {}",
            self.id,
            self.impact,
            self.nodes,
            self.help,
            self.targets.join(", ")
        )
    }
}

/// A browser session with its own WebDriver server process (chromedriver, geckodriver or
/// WebKitWebDriver, in their own process group with the browser and, for WebKit without a
/// `$DISPLAY`, its own Xvfb) and a fresh profile directory. Dropping it ends the session and kills
/// that process group; [`Browser::close`] does the same politely.
pub struct Browser {
    engine: Engine,
    client: Option<Client>,
    /// The driver (first) and, for WebKit without `$DISPLAY`, its Xvfb (the process group leader).
    driver: Vec<Child>,
    driver_port: u16,
    session_id: Option<String>,
    profile: Option<TempDir>,
    timeout: Duration,
    log: Mutex<Vec<LogEntry>>,
    requests: Mutex<Vec<String>>,
}

/// `POST /session/{id}/se/log` - chromedriver's log endpoint (works in W3C mode with `goog:loggingPrefs`).
#[derive(Debug)]
struct GetLog(&'static str);

/// chromedriver's `goog/cdp/execute`: one Chrome DevTools command in the session.
#[derive(Debug)]
struct CdpCommand(String, Value);

impl WebDriverCompatibleCommand for CdpCommand {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/goog/cdp/execute",
            session.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _url: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(json!({ "cmd": self.0, "params": self.1 }).to_string()),
        )
    }
}

impl WebDriverCompatibleCommand for GetLog {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/se/log", session.unwrap_or_default()))
    }

    fn method_and_body(&self, _url: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(json!({ "type": self.0 }).to_string()),
        )
    }
}

fn env_or(var: &str, default: &str) -> String {
    std::env::var(var)
        .ok()
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| default.to_string())
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("find a free loopback port")
        .port()
}

/// Minimal blocking HTTP/1.1 request to chromedriver (used where no async runtime may be running).
fn raw_http(port: u16, method: &str, path: &str, timeout: Duration) -> Option<String> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(timeout)).ok()?;
    s.set_write_timeout(Some(timeout)).ok()?;
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    // chromedriver keeps the connection open: read the head, then Content-Length bytes of body.
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&buf[..end]).to_ascii_lowercase();
            let length = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse::<usize>().ok());
            if length.is_some_and(|n| buf.len() >= end + 4 + n) {
                break;
            }
        }
        match s.read(&mut chunk) {
            Ok(0) | Err(_) => break,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
    (!buf.is_empty()).then(|| String::from_utf8_lossy(&buf).into_owned())
}

fn axe_source() -> &'static str {
    static SRC: OnceLock<String> = OnceLock::new();
    SRC.get_or_init(|| {
        let path = std::env::var("AXE_CORE_JS")
            .map(Into::into)
            .unwrap_or_else(|_| repo_root().join("tools/node_modules/axe-core/axe.min.js"));
        std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "cannot read {} ({e}); run `npm ci --prefix tools` (scripts/setup.sh does)",
                path.display()
            )
        })
    })
}

/// `scheme://host:port` of an absolute URL.
pub fn origin_of(url: &str) -> String {
    let parsed =
        url::Url::parse(url).unwrap_or_else(|e| panic!("not an absolute URL {url:?}: {e}"));
    parsed.origin().ascii_serialization()
}

/// URLs that are not network requests (inline data, object URLs, about:blank).
fn is_local_scheme(url: &str) -> bool {
    ["data:", "blob:", "about:", "chrome:", "chrome-extension:"]
        .iter()
        .any(|p| url.starts_with(p))
}

fn chromium_prefs(options: &BrowserOptions) -> Value {
    let mut prefs = json!({ "intl.accept_languages": options.lang });
    if let Some(dir) = &options.download_dir {
        prefs["download.default_directory"] = json!(dir.display().to_string());
        prefs["download.prompt_for_download"] = json!(false);
    }
    prefs
}

fn firefox_prefs(options: &BrowserOptions) -> Value {
    let mut prefs = json!({
        "intl.accept_languages": options.lang,
        // No first-run pages, updates or telemetry pings.
        "browser.shell.checkDefaultBrowser": false,
        "app.update.disabledForTesting": true,
        "datareporting.policy.dataSubmissionEnabled": false,
        "toolkit.telemetry.enabled": false,
    });
    if let Some(dir) = &options.download_dir {
        prefs["browser.download.folderList"] = json!(2);
        prefs["browser.download.dir"] = json!(dir.display().to_string());
        prefs["browser.download.useDownloadDir"] = json!(true);
        prefs["browser.download.always_ask_before_handling_new_types"] = json!(false);
        prefs["browser.helperApps.neverAsk.saveToDisk"] = json!("application/json");
        prefs["browser.download.manager.showWhenStarting"] = json!(false);
    }
    prefs
}

/// Where the WebDriver server of one session listens and what it needs.
struct DriverSpec {
    program: String,
    args: Vec<String>,
    env: Vec<(String, String)>,
    /// Hint printed when the program cannot be started.
    install: &'static str,
}

/// An X display for WebKitGTK: `$DISPLAY` when set, else a fresh Xvfb leading a new process group
/// (the driver joins it). Returns the display (`:N`) and the Xvfb child, if started.
fn x_display() -> (Option<String>, Option<Child>) {
    if let Some(d) = std::env::var("DISPLAY").ok().filter(|d| !d.is_empty()) {
        return (Some(d), None);
    }
    let xvfb = env_or("XVFB", "Xvfb");
    let mut child = match Command::new(&xvfb)
        .args([
            "-displayfd",
            "1",
            "-nolisten",
            "tcp",
            "-screen",
            "0",
            "1400x1000x24",
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn()
    {
        Ok(c) => c,
        Err(e) => panic!(
            "WebKit needs an X display: no $DISPLAY and cannot start {xvfb} ({e}); \
             apt-get install xvfb, or run under `xvfb-run -a`"
        ),
    };
    // Xvfb writes the display number it chose to fd 1 once it accepts connections.
    let mut out = child.stdout.take().expect("Xvfb stdout");
    let mut number = String::new();
    let mut byte = [0u8; 1];
    while out.read(&mut byte).unwrap_or(0) == 1 && byte[0] != b'\n' {
        number.push(byte[0] as char);
    }
    let number = number.trim().to_string();
    assert!(!number.is_empty(), "Xvfb did not report a display number");
    (Some(format!(":{number}")), Some(child))
}

impl Browser {
    /// Start chromedriver and a default Chromium session (1280x900, en-US).
    pub async fn start() -> Browser {
        Self::start_with(BrowserOptions::default()).await
    }

    /// Start chromedriver on a free port and open a Chromium session with `options`.
    ///
    /// Binaries: `$CHROMEDRIVER` (default `/usr/bin/chromedriver`), `$CHROMIUM` (default `/usr/bin/chromium`).
    pub async fn start_with(options: BrowserOptions) -> Browser {
        Self::start_engine_with(Engine::Chromium, options).await
    }

    /// Start a default session (1280x900, en-US) of `engine`.
    pub async fn start_engine(engine: Engine) -> Browser {
        Self::start_engine_with(engine, BrowserOptions::default()).await
    }

    /// Start `engine`'s WebDriver server on a free port and open a session with `options`
    /// (`extra_args` are browser command line arguments of that engine).
    ///
    /// Binaries: Chromium `$CHROMEDRIVER`, `$CHROMIUM`; Firefox `$GECKODRIVER` (default
    /// `geckodriver` on PATH, e.g. `~/.cargo/bin`), `$FIREFOX` (default `/usr/bin/firefox-esr`);
    /// WebKit `$WEBKITWEBDRIVER` (default `WebKitWebDriver`), `$DISPLAY` or else `$XVFB`.
    pub async fn start_engine_with(engine: Engine, options: BrowserOptions) -> Browser {
        let mut last_error = String::new();
        // A free port can be taken by someone else before the driver binds it: retry a few times.
        for _attempt in 0..5 {
            let port = free_port();
            let profile = TempDir::new(&format!("{}-profile", engine.name()));
            let (spec, caps) = Self::driver_and_caps(engine, port, &profile, &options);
            // WebKit: an X display; a private Xvfb leads the process group the driver joins.
            let (display, xvfb) = if engine == Engine::Webkit {
                x_display()
            } else {
                (None, None)
            };
            let mut command = Command::new(&spec.program);
            command
                .args(&spec.args)
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                // Own process group: on drop we kill the driver *and* the browser it started.
                .process_group(xvfb.as_ref().map_or(0, |x| x.id() as i32));
            for (k, v) in &spec.env {
                command.env(k, v);
            }
            if let Some(d) = &display {
                command.env("DISPLAY", d);
            }
            let child = match command.spawn() {
                Ok(child) => child,
                Err(e) => panic!("cannot start {} ({e}): {}", spec.program, spec.install),
            };
            let mut group = vec![child];
            if let Some(x) = xvfb {
                group.push(x);
            }
            let deadline = Instant::now() + Duration::from_secs(30);
            let mut ready = false;
            while Instant::now() < deadline {
                if let Ok(Some(_)) = group[0].try_wait() {
                    break; // exited, e.g. port taken
                }
                if raw_http(port, "GET", "/status", Duration::from_secs(2))
                    .is_some_and(|r| r.contains("\"ready\":true") || r.contains("\"ready\": true"))
                {
                    ready = true;
                    break;
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            if !ready {
                kill_all(&mut group);
                last_error = format!("{} on port {port} did not become ready", spec.program);
                continue;
            }
            let connected = ClientBuilder::new(HttpConnector::new())
                .capabilities(caps)
                .connect(&format!("http://127.0.0.1:{port}"))
                .await;
            match connected {
                Ok(client) => {
                    let session_id = client.session_id().await.ok().flatten();
                    let browser = Browser {
                        engine,
                        client: Some(client),
                        driver: group,
                        driver_port: port,
                        session_id,
                        profile: Some(profile),
                        timeout: options.timeout,
                        log: Mutex::new(Vec::new()),
                        requests: Mutex::new(Vec::new()),
                    };
                    browser
                        .client()
                        .update_timeouts(TimeoutConfiguration::new(
                            Some(Duration::from_secs(60)),
                            Some(Duration::from_secs(60)),
                            Some(Duration::ZERO),
                        ))
                        .await
                        .expect("set WebDriver timeouts");
                    if engine != Engine::Chromium {
                        // Chromium gets --window-size; the others a W3C window rect.
                        let (w, h) = options.window_size;
                        browser.set_window_size(w, h).await;
                    }
                    return browser;
                }
                Err(e) => {
                    last_error = format!("cannot open a {engine} session ({}): {e}", spec.program);
                    kill_all(&mut group);
                }
            }
        }
        panic!("{last_error}");
    }

    /// The driver command line and the session capabilities of `engine`.
    fn driver_and_caps(
        engine: Engine,
        port: u16,
        profile: &TempDir,
        options: &BrowserOptions,
    ) -> (DriverSpec, Capabilities) {
        let (spec, caps) = match engine {
            Engine::Chromium => {
                let chromium = env_or("CHROMIUM", "/usr/bin/chromium");
                let mut args: Vec<String> = CHROMIUM_FLAGS.iter().map(|s| s.to_string()).collect();
                args.push(format!("--user-data-dir={}", profile.path().display()));
                args.push(format!(
                    "--window-size={},{}",
                    options.window_size.0, options.window_size.1
                ));
                args.push(format!("--lang={}", options.lang));
                args.extend(options.extra_args.iter().cloned());
                (
                    DriverSpec {
                        program: env_or("CHROMEDRIVER", "/usr/bin/chromedriver"),
                        args: vec![format!("--port={port}")],
                        env: vec![],
                        install: "apt-get install chromium-driver (scripts/setup.sh --test)",
                    },
                    json!({
                        "browserName": "chrome",
                        "goog:chromeOptions": {
                            "binary": chromium,
                            "args": args,
                            "prefs": chromium_prefs(options),
                        },
                        // Console messages/uncaught errors ("browser") and network events
                        // ("performance"), both read through chromedriver's /se/log endpoint.
                        "goog:loggingPrefs": { "browser": "ALL", "performance": "ALL" },
                    }),
                )
            }
            Engine::Firefox => {
                let mut args: Vec<String> = vec![
                    "-headless".into(),
                    "-profile".into(),
                    profile.path().display().to_string(),
                ];
                args.extend(options.extra_args.iter().cloned());
                (
                    DriverSpec {
                        program: env_or("GECKODRIVER", "geckodriver"),
                        // Own ports for the driver, Marionette and WebDriver BiDi: sessions in
                        // parallel never share one.
                        args: vec![
                            "--host".into(),
                            "127.0.0.1".into(),
                            "--port".into(),
                            port.to_string(),
                            "--marionette-port".into(),
                            free_port().to_string(),
                            "--websocket-port".into(),
                            free_port().to_string(),
                        ],
                        env: vec![("MOZ_HEADLESS".into(), "1".into())],
                        install: "cargo install geckodriver --locked --version 0.37.1 and \
                                  apt-get install firefox-esr (scripts/setup.sh --test)",
                    },
                    json!({
                        "browserName": "firefox",
                        "acceptInsecureCerts": false,
                        "moz:firefoxOptions": {
                            "binary": env_or("FIREFOX", "/usr/bin/firefox-esr"),
                            "args": args,
                            "prefs": firefox_prefs(options),
                        },
                    }),
                )
            }
            Engine::Webkit => {
                // MiniBrowser keeps its data under the XDG directories: point them at the profile.
                let dir = profile.path().display().to_string();
                if let Some(downloads) = &options.download_dir {
                    profile.write(
                        "config/user-dirs.dirs",
                        format!("XDG_DOWNLOAD_DIR=\"{}\"\n", downloads.display()),
                    );
                }
                let locale = format!("{}.UTF-8", options.lang.replace('-', "_"));
                (
                    DriverSpec {
                        program: env_or("WEBKITWEBDRIVER", "WebKitWebDriver"),
                        args: vec![format!("--port={port}"), "--host=127.0.0.1".into()],
                        env: vec![
                            ("XDG_DATA_HOME".into(), format!("{dir}/data")),
                            ("XDG_CACHE_HOME".into(), format!("{dir}/cache")),
                            ("XDG_CONFIG_HOME".into(), format!("{dir}/config")),
                            ("LANG".into(), locale.clone()),
                            ("LANGUAGE".into(), options.lang.replace('-', "_")),
                        ],
                        install: "apt-get install webkit2gtk-driver xvfb (scripts/setup.sh --test)",
                    },
                    json!({
                        "browserName": "MiniBrowser",
                        "webkitgtk:browserOptions": {
                            "args": std::iter::once("--automation".to_string())
                                .chain(options.extra_args.iter().cloned())
                                .collect::<Vec<_>>(),
                        },
                    }),
                )
            }
        };
        let caps: Capabilities = serde_json::from_value(caps).expect("capabilities object");
        (spec, caps)
    }

    /// The engine of this session.
    pub fn engine(&self) -> Engine {
        self.engine
    }

    /// Print that `check` does not run in this session's engine and why (see [`Engine::skipped`]).
    pub fn skipped(&self, check: &str, reason: &str) {
        self.engine.skipped(check, reason);
    }

    /// Set the window's outer size through W3C WebDriver (every engine). The viewport is
    /// smaller by the browser's own frame, if any: check `window.innerWidth` where it matters.
    pub async fn set_window_size(&self, width: u32, height: u32) {
        if let Err(e) = self.client().set_window_size(width, height).await {
            panic!("{}: set the window to {width}x{height}: {e}", self.engine);
        }
    }

    /// The underlying fantoccini client, for anything the helpers do not cover.
    pub fn client(&self) -> &Client {
        self.client.as_ref().expect("browser already closed")
    }

    /// The timeout the `wait_*` helpers use.
    pub fn timeout(&self) -> Duration {
        self.timeout
    }

    /// End the session and stop chromedriver/Chromium (dropping does the same, less politely).
    pub async fn close(mut self) {
        if let Some(client) = self.client.take() {
            let _ = client.close().await;
            self.session_id = None;
        }
        // Drop does the rest (kill the process group, remove the profile).
    }

    // ---------------------------------------------------------------- navigation and DOM

    /// Navigate to `url`, wait for the load event and, on the guide, for the app to have started
    /// (it replaces the welcome screen pre-rendered in `index.html`, `#prerender`: before that,
    /// its buttons do not work yet). Other pages go on at once.
    pub async fn goto(&self, url: &str) {
        self.goto_before_app(url).await;
        self.wait_app_started().await;
    }

    /// Navigate to `url` and wait for the load event only (the pre-rendered welcome may still be
    /// there).
    pub async fn goto_before_app(&self, url: &str) {
        if let Err(e) = self.client().goto(url).await {
            panic!("cannot open {url}: {e}");
        }
    }

    /// Reload the current page (and wait for the app, as [`Browser::goto`]).
    pub async fn reload(&self) {
        self.reload_before_app().await;
        self.wait_app_started().await;
    }

    /// Reload the current page, waiting for the load event only.
    pub async fn reload_before_app(&self) {
        self.client().refresh().await.expect("reload");
    }

    async fn wait_app_started(&self) {
        self.wait_until_js(
            "return !document.getElementById('prerender')",
            vec![],
            "the app to start (the pre-rendered welcome is still there)",
        )
        .await;
    }

    /// The current URL.
    pub async fn url(&self) -> String {
        self.client()
            .current_url()
            .await
            .expect("current url")
            .to_string()
    }

    /// Wait until an element matching `css` exists; return it.
    pub async fn wait_for(&self, css: &str) -> Element {
        match self
            .client()
            .wait()
            .at_most(self.timeout)
            .for_element(Locator::Css(css))
            .await
        {
            Ok(element) => element,
            Err(e) => {
                let state = self.debug_state().await;
                panic!(
                    "no element matches {css:?} after {:?} ({e})\n{state}",
                    self.timeout
                )
            }
        }
    }

    /// Wait until no element matches `css`.
    pub async fn wait_gone(&self, css: &str) {
        let script = "return document.querySelector(arguments[0]) === null";
        self.wait_until_js(script, vec![json!(css)], &format!("{css:?} to disappear"))
            .await;
    }

    /// Wait until the text of the first element matching `css` contains `needle`; return the text.
    pub async fn wait_for_text(&self, css: &str, needle: &str) -> String {
        let script = "const e = document.querySelector(arguments[0]); return e !== null && e.innerText.replace(/\\u2060/g, '').includes(arguments[1])";
        self.wait_until_js(
            script,
            vec![json!(css), json!(needle)],
            &format!("{css:?} to contain {needle:?}"),
        )
        .await;
        self.text(css).await
    }

    /// Wait until the JavaScript function body `script` (called with `args`) returns a truthy value.
    /// `what` describes the condition for the failure message.
    pub async fn wait_until_js(&self, script: &str, args: Vec<Value>, what: &str) {
        let deadline = Instant::now() + self.timeout;
        loop {
            let value = self.client().execute(script, args.clone()).await;
            let truthy = match &value {
                Ok(Value::Bool(b)) => *b,
                Ok(Value::Null) => false,
                Ok(Value::Number(n)) => n.as_f64() != Some(0.0),
                Ok(Value::String(s)) => !s.is_empty(),
                Ok(_) => true,
                Err(_) => false, // e.g. mid-navigation
            };
            if truthy {
                return;
            }
            if Instant::now() > deadline {
                let state = self.debug_state().await;
                panic!(
                    "timed out after {:?} waiting for {what} (last result: {value:?})\n{state}",
                    self.timeout
                );
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Does any element match `css` right now?
    pub async fn exists(&self, css: &str) -> bool {
        !self
            .client()
            .find_all(Locator::Css(css))
            .await
            .expect("find_all")
            .is_empty()
    }

    /// Visible text (`innerText`) of the first element matching `css` (waits for it).
    pub async fn text(&self, css: &str) -> String {
        self.wait_for(css).await;
        let v = self
            .js(
                // Without word joiners (U+2060: invisible, they keep punctuation after a
                // glossary term on its line): the text as a person reads it.
                "return document.querySelector(arguments[0]).innerText.replace(/\\u2060/g, '')",
                vec![json!(css)],
            )
            .await;
        v.as_str().unwrap_or_default().to_string()
    }

    /// Visible text of every element matching `css` (no waiting).
    pub async fn texts(&self, css: &str) -> Vec<String> {
        let v = self
            .js(
                "return Array.from(document.querySelectorAll(arguments[0]), e => e.innerText.replace(/\\u2060/g, ''))",
                vec![json!(css)],
            )
            .await;
        serde_json::from_value(v).unwrap_or_default()
    }

    /// Attribute (or `None`) of the first element matching `css` (waits for it).
    pub async fn attr(&self, css: &str, name: &str) -> Option<String> {
        self.wait_for(css)
            .await
            .attr(name)
            .await
            .expect("read attribute")
    }

    /// Click the first element matching `css` (waits for it). A real WebDriver click (moves focus).
    pub async fn click(&self, css: &str) {
        let element = self.wait_for(css).await;
        // Links and the text size live in the header's menu (a closed `<details>`): open it
        // first, as a person would (issue 10's compact header).
        self.open_menu_around(css).await;
        if let Err(e) = element.click().await {
            let state = self.debug_state().await;
            panic!("cannot click {css:?}: {e}\n{state}");
        }
    }

    /// Opens the header menu if `css` is inside it and it is closed.
    pub async fn open_menu_around(&self, css: &str) {
        let _ = self
            .client()
            .execute(
                "const e = document.querySelector(arguments[0]);
                 const d = e && e.closest('details.site-menu');
                 if (d && !d.open) d.open = true;",
                vec![Value::String(css.to_string())],
            )
            .await;
    }

    /// Runs a Chrome DevTools Protocol command (emulation, network...) and returns its result.
    /// Chromium only: in Firefox and WebKit this panics (use the W3C helpers instead).
    pub async fn cdp(&self, command: &str, params: Value) -> Value {
        assert!(
            self.engine == Engine::Chromium,
            "CDP {command} is Chromium-only; this session is {}: use a W3C alternative \
             (set_window_size; seed localStorage on the blank page, then reload) or say by name \
             that the check runs in Chromium only",
            self.engine
        );
        self.client()
            .issue_cmd(CdpCommand(command.to_owned(), params))
            .await
            .unwrap_or_else(|e| panic!("CDP {command}: {e}"))
    }

    /// Runs `source` in every new document of the session, before the page's own scripts.
    /// Chromium only (CDP): panics in Firefox and WebKit.
    pub async fn init_script(&self, source: &str) {
        self.cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": source }),
        )
        .await;
    }

    /// A phone-like viewport of `width` x `height` CSS pixels (windows cannot be narrower than 500).
    /// Chromium emulates a mobile viewport (CDP); Firefox and WebKit get a W3C window of that
    /// outer size (no mobile emulation; the viewport is smaller by any window frame).
    pub async fn set_viewport(&self, width: u32, height: u32) {
        if self.engine != Engine::Chromium {
            self.set_window_size(width, height).await;
            return;
        }
        self.cdp(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": true }),
        )
        .await;
    }

    /// Run a JavaScript function body (`return ...`) with `args` and return its JSON result.
    pub async fn js(&self, script: &str, args: Vec<Value>) -> Value {
        match self.client().execute(script, args).await {
            Ok(v) => v,
            Err(e) => panic!("script failed: {e}\n--- script ---\n{script}"),
        }
    }

    /// Save a PNG screenshot to `target/e2e-screenshots/<name>.png` and return its path.
    pub async fn screenshot(&self, name: &str) -> std::path::PathBuf {
        let png = self.client().screenshot().await.expect("screenshot");
        let dir = repo_root().join("target/e2e-screenshots");
        std::fs::create_dir_all(&dir).expect("create screenshot dir");
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, png).expect("write screenshot");
        path
    }

    // ---------------------------------------------------------------- keyboard

    /// Press and release one key, e.g. `Key::Tab`, `Key::Enter`, `Key::Space`, `Key::Down` (arrow),
    /// `Key::Escape` - sent to the focused element through the WebDriver actions API.
    pub async fn press(&self, key: Key) {
        self.chord(&[], key.into()).await;
    }

    /// Press `key` `times` times.
    pub async fn press_n(&self, key: Key, times: usize) {
        for _ in 0..times {
            self.press(key).await;
        }
    }

    /// Shift + `key` (e.g. `Key::Tab` to move focus backwards).
    pub async fn press_shift(&self, key: Key) {
        self.chord(&[Key::Shift], key.into()).await;
    }

    /// Hold `modifiers` (e.g. `[Key::Control]`), press `key` (a `Key` as char, or a plain char).
    pub async fn chord(&self, modifiers: &[Key], key: char) {
        let mut seq = KeyActions::new("keyboard".into());
        for m in modifiers {
            seq = seq.then(KeyAction::Down { value: (*m).into() });
        }
        seq = seq
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key });
        for m in modifiers.iter().rev() {
            seq = seq.then(KeyAction::Up { value: (*m).into() });
        }
        self.client()
            .perform_actions(seq)
            .await
            .expect("perform key actions");
        self.client()
            .release_actions()
            .await
            .expect("release key actions");
    }

    /// Type `text` into the focused element, key by key.
    pub async fn type_text(&self, text: &str) {
        let mut seq = KeyActions::new("keyboard".into());
        for c in text.chars() {
            seq = seq
                .then(KeyAction::Down { value: c })
                .then(KeyAction::Up { value: c });
        }
        self.client().perform_actions(seq).await.expect("type text");
        self.client()
            .release_actions()
            .await
            .expect("release key actions");
    }

    /// Does the focused element (`document.activeElement`) match `css`?
    pub async fn focused_matches(&self, css: &str) -> bool {
        self.js(
            "const a = document.activeElement; return a !== null && a.matches(arguments[0])",
            vec![json!(css)],
        )
        .await
        .as_bool()
        .unwrap_or(false)
    }

    /// Short description of the focused element, e.g. `button#next "Next"` (for focus-order asserts).
    pub async fn focused(&self) -> String {
        let v = self
            .js(
                "const a = document.activeElement; if (!a) return '';
                 let d = a.tagName.toLowerCase() + (a.id ? '#' + a.id : '');
                 const t = (a.getAttribute('aria-label') || a.innerText || a.value || '').trim().replace(/\\s+/g, ' ');
                 return t ? d + ' \"' + t.slice(0, 60) + '\"' : d;",
                vec![],
            )
            .await;
        v.as_str().unwrap_or_default().to_string()
    }

    /// Wait until the focused element matches `css`.
    pub async fn wait_for_focus(&self, css: &str) {
        let script =
            "const a = document.activeElement; return a !== null && a.matches(arguments[0])";
        self.wait_until_js(script, vec![json!(css)], &format!("focus on {css:?}"))
            .await;
    }

    // ---------------------------------------------------------------- accessibility

    /// Run axe-core (tools/node_modules/axe-core/axe.min.js, or `$AXE_CORE_JS`) on the current page
    /// with WCAG 2.0/2.1/2.2 A+AA rules; return the violations (empty = clean). axe only sees the
    /// current DOM: run it on every step/state you care about.
    pub async fn axe(&self) -> Vec<AxeViolation> {
        let loaded = self
            .js("return typeof window.axe !== 'undefined'", vec![])
            .await;
        if loaded != Value::Bool(true) {
            self.js(axe_source(), vec![]).await;
        }
        let script = "const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
              .then(r => done({ violations: r.violations.map(v => ({
                  id: v.id, impact: v.impact || '', help: v.help,
                  targets: v.nodes.map(n => n.target.join(' ')) })) }))
              .catch(e => done({ error: String(e) }));";
        let result = self
            .client()
            .execute_async(script, vec![json!(AXE_TAGS)])
            .await
            .unwrap_or_else(|e| panic!("axe.run failed: {e}"));
        if let Some(err) = result.get("error") {
            panic!("axe.run failed: {err}");
        }
        let list = result["violations"].as_array().cloned().unwrap_or_default();
        list.into_iter()
            .map(|v| {
                let targets: Vec<String> =
                    serde_json::from_value(v["targets"].clone()).unwrap_or_default();
                AxeViolation {
                    id: v["id"].as_str().unwrap_or_default().into(),
                    impact: v["impact"].as_str().unwrap_or_default().into(),
                    help: v["help"].as_str().unwrap_or_default().into(),
                    nodes: targets.len(),
                    targets,
                }
            })
            .collect()
    }

    /// Violation ids with node counts, e.g. `["image-alt: 2"]`.
    pub async fn axe_summary(&self) -> Vec<String> {
        self.axe()
            .await
            .iter()
            .map(|v| format!("{}: {}", v.id, v.nodes))
            .collect()
    }

    /// Panic listing every axe-core violation on the current page. `context` names the page/state.
    pub async fn assert_no_axe_violations(&self, context: &str) {
        let violations = self.axe().await;
        if !violations.is_empty() {
            let list: Vec<String> = violations.iter().map(|v| format!("  - {v}")).collect();
            panic!(
                "axe-core found {} violation(s) on {context}:\n{}",
                violations.len(),
                list.join("\n")
            );
        }
    }

    // ---------------------------------------------------------------- logs and requests

    /// Fetch new entries from chromedriver's browser and performance logs (they are drained on read).
    async fn pull_logs(&self) {
        if self.engine != Engine::Chromium {
            self.pull_hook_logs().await;
            return;
        }
        if let Ok(Value::Array(entries)) = self.client().issue_cmd(GetLog("browser")).await {
            let mut log = self.log.lock().unwrap();
            for e in entries {
                log.push(LogEntry {
                    level: e["level"].as_str().unwrap_or_default().into(),
                    source: e["source"].as_str().unwrap_or_default().into(),
                    message: e["message"].as_str().unwrap_or_default().into(),
                });
            }
        }
        if let Ok(Value::Array(entries)) = self.client().issue_cmd(GetLog("performance")).await {
            let mut requests = self.requests.lock().unwrap();
            for e in entries {
                let Some(text) = e["message"].as_str() else {
                    continue;
                };
                let Ok(msg) = serde_json::from_str::<Value>(text) else {
                    continue;
                };
                let msg = &msg["message"];
                if msg["method"] == "Network.requestWillBeSent" {
                    if let Some(url) = msg["params"]["request"]["url"].as_str() {
                        requests.push(url.to_string());
                    }
                }
            }
        }
    }

    /// Firefox and WebKit have no WebDriver log endpoint: the page's errors come from the hook a
    /// [`crate::StaticServer`] with [`crate::StaticServer::with_error_hook`] puts first in every
    /// HTML page (console.error, uncaught exceptions, unhandled rejections, failed loads of
    /// elements, CSP violations), kept in sessionStorage across reloads. Drained on read.
    async fn pull_hook_logs(&self) {
        let script = "let out = [];
            try { out = JSON.parse(sessionStorage.getItem('__e2e_errors') || '[]'); sessionStorage.removeItem('__e2e_errors'); } catch (e) {}
            if (window.__e2eErrorsMem) { out = out.concat(window.__e2eErrorsMem); window.__e2eErrorsMem = []; }
            return out;";
        if let Ok(Value::Array(entries)) = self.client().execute(script, vec![]).await {
            let mut log = self.log.lock().unwrap();
            for e in entries {
                log.push(LogEntry {
                    level: "SEVERE".into(),
                    source: e["source"].as_str().unwrap_or_default().into(),
                    message: e["message"].as_str().unwrap_or_default().into(),
                });
            }
        }
    }

    /// Does the current page carry the error hook (see [`Browser::console_errors`])?
    pub async fn has_error_hook(&self) -> bool {
        self.client()
            .execute("return window.__e2eHook === true", vec![])
            .await
            .ok()
            == Some(Value::Bool(true))
    }

    /// Every browser log entry since the session started (console.*, uncaught exceptions, failed loads).
    pub async fn browser_log(&self) -> Vec<LogEntry> {
        self.pull_logs().await;
        self.log.lock().unwrap().clone()
    }

    /// Console errors, uncaught exceptions, unhandled promise rejections and failed resource loads
    /// (level `SEVERE`) since the session started. Chromium: from chromedriver's log. Firefox and
    /// WebKit: from the error hook of pages served by a [`crate::StaticServer`] made
    /// [`crate::StaticServer::with_error_hook`] (other pages report nothing there).
    pub async fn console_errors(&self) -> Vec<LogEntry> {
        self.browser_log()
            .await
            .into_iter()
            .filter(|e| e.level == "SEVERE")
            .collect()
    }

    /// Panic listing any console error / uncaught exception since the session started.
    pub async fn assert_no_console_errors(&self) {
        let errors = self.console_errors().await;
        if !errors.is_empty() {
            let list: Vec<String> = errors
                .iter()
                .map(|e| format!("  - [{}] {}", e.source, e.message))
                .collect();
            panic!("{} console error(s):\n{}", errors.len(), list.join("\n"));
        }
    }

    /// Forget the log entries and requests collected so far (e.g. after a deliberate failure).
    pub async fn clear_logs(&self) {
        self.pull_logs().await;
        self.log.lock().unwrap().clear();
        self.requests.lock().unwrap().clear();
    }

    /// URL of every network request the pages of this session made since it started (or since
    /// `clear_logs`), from Chromium's network events: documents, scripts, wasm, css, fetches,
    /// favicon, across navigations. `data:`/`blob:` URLs are left out. Chromium only (its
    /// performance log); empty in Firefox and WebKit, where [`Browser::foreign_requests`] relies
    /// on the current page's resource entries (and tests on the server's request log).
    pub async fn requests(&self) -> Vec<String> {
        self.pull_logs().await;
        let requests = self.requests.lock().unwrap();
        requests
            .iter()
            .filter(|u| !is_local_scheme(u))
            .cloned()
            .collect()
    }

    /// URLs the *current* document loaded, from the Performance API (navigation + resource entries).
    pub async fn page_resource_urls(&self) -> Vec<String> {
        let v = self
            .js(
                "return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource')).map(e => e.name)",
                vec![],
            )
            .await;
        let urls: Vec<String> = serde_json::from_value(v).unwrap_or_default();
        urls.into_iter().filter(|u| !is_local_scheme(u)).collect()
    }

    /// Panic if any request of this session (network events and the current page's resource
    /// entries) went to an origin other than `origin` (e.g. `server.origin()`).
    pub async fn assert_all_requests_same_origin(&self, origin: &str) {
        let foreign = self.foreign_requests(origin).await;
        assert!(
            foreign.is_empty(),
            "requests left the origin {origin}: {foreign:#?}"
        );
    }

    /// Requests of this session (network events and the current page's resource entries) whose
    /// origin is not `origin`.
    pub async fn foreign_requests(&self, origin: &str) -> Vec<String> {
        let mut urls = self.requests().await;
        urls.extend(self.page_resource_urls().await);
        urls.retain(|u| origin_of(u) != origin);
        urls.sort();
        urls.dedup();
        urls
    }

    // ---------------------------------------------------------------- tabs

    /// Opens a new tab in the same browser (same profile, so the same localStorage: a second
    /// tab of the guide) and makes it the current one. Returns `(previous tab, new tab)`; go
    /// back and forth with [`Browser::switch_to`]. Init scripts do not apply to the new tab.
    pub async fn new_tab(&self) -> (WindowHandle, WindowHandle) {
        let from = self.client().window().await.expect("current tab");
        let tab = self
            .client()
            .new_window(true)
            .await
            .expect("new tab")
            .handle;
        self.switch_to(&tab).await;
        (from, tab)
    }

    /// Makes `tab` the one the helpers act on.
    pub async fn switch_to(&self, tab: &WindowHandle) {
        self.client()
            .switch_to_window(tab.clone())
            .await
            .expect("switch tab");
    }

    // ---------------------------------------------------------------- localStorage

    /// Open a blank page of `origin` (served by [`crate::StaticServer`] at its `BLANK_PATH`, so the
    /// app does not start), clear localStorage and set `items`. Navigate to the app afterwards.
    pub async fn seed_local_storage(&self, origin: &str, items: &[(&str, &str)]) {
        self.goto(&format!("{}{BLANK_PATH}", origin.trim_end_matches('/')))
            .await;
        let map: serde_json::Map<String, Value> = items
            .iter()
            .map(|(k, v)| (k.to_string(), json!(v)))
            .collect();
        self.js(
            "localStorage.clear(); for (const [k, v] of Object.entries(arguments[0])) localStorage.setItem(k, v); return true",
            vec![Value::Object(map)],
        )
        .await;
    }

    /// Seed localStorage for the origin of `url`, then open `url` (the app starts with the items).
    pub async fn open_with_local_storage(&self, url: &str, items: &[(&str, &str)]) {
        self.seed_local_storage(&origin_of(url), items).await;
        self.goto(url).await;
    }

    /// All localStorage items of the current page's origin.
    pub async fn local_storage(&self) -> BTreeMap<String, String> {
        let v = self
            .js("const o = {}; for (let i = 0; i < localStorage.length; i++) { const k = localStorage.key(i); o[k] = localStorage.getItem(k); } return o", vec![])
            .await;
        serde_json::from_value(v).unwrap_or_default()
    }

    /// One localStorage item of the current page's origin.
    pub async fn local_storage_get(&self, key: &str) -> Option<String> {
        let v = self
            .js(
                "return localStorage.getItem(arguments[0])",
                vec![json!(key)],
            )
            .await;
        v.as_str().map(str::to_string)
    }

    // ---------------------------------------------------------------- diagnostics

    /// URL, page text and console errors, for failure messages.
    pub async fn debug_state(&self) -> String {
        let url = self
            .client()
            .current_url()
            .await
            .map(|u| u.to_string())
            .unwrap_or_default();
        let text = self
            .client()
            .execute(
                "return document.body ? document.body.innerText : '(no body)'",
                vec![],
            )
            .await
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let text: String = text.chars().take(800).collect();
        self.pull_logs().await;
        let errors: Vec<String> = self
            .log
            .lock()
            .unwrap()
            .iter()
            .filter(|e| e.level == "SEVERE")
            .map(|e| format!("  - {}", e.message))
            .collect();
        format!(
            "--- url: {url}\n--- page text:\n{text}\n--- console errors:\n{}",
            errors.join("\n")
        )
    }
}

/// Kill the process groups of `children` (a driver leads its own group, with the browser it
/// started; a private Xvfb leads the group its driver joined), then reap them.
fn kill_all(children: &mut Vec<Child>) {
    for child in children.iter() {
        // Negative pid = the whole process group.
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", child.id())])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
    for mut child in children.drain(..) {
        let _ = child.kill();
        let _ = child.wait();
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if let Some(id) = self.session_id.take() {
            // Ask the driver to quit the browser (blocking: no runtime may be available here).
            let _ = raw_http(
                self.driver_port,
                "DELETE",
                &format!("/session/{id}"),
                Duration::from_secs(10),
            );
        }
        self.client.take();
        kill_all(&mut self.driver);
        self.profile.take(); // removes the profile directory
    }
}

#[cfg(test)]
mod tests {
    use super::Engine;

    #[test]
    fn engine_names_parse_and_unknown_names_are_refused() {
        for e in Engine::ALL {
            assert_eq!(Engine::parse(e.name()), Some(e));
        }
        assert_eq!(Engine::parse(" Safari "), Some(Engine::Webkit));
        assert_eq!(Engine::parse("edge"), None);
    }
}
