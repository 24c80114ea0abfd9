//! A tiny static file server for `dist/` on a free loopback port.
//!
//! It can mount the same directory under several URL prefixes (e.g. `/` and `/guide/`), can be
//! stopped (connections are then refused, like being offline) and restarted on the same port, and
//! keeps a log of the requests it answered.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// Path that always answers with an empty HTML page (used to reach the origin without starting the app).
pub const BLANK_PATH: &str = "/__e2e/blank.html";

/// File name of the error hook (see [`StaticServer::with_error_hook`]); served in every directory.
pub const ERROR_HOOK_FILE: &str = "__e2e-hook.js";

/// Records the page's errors where any WebDriver can read them (Firefox and WebKit have no log
/// endpoint): console.error, uncaught exceptions, unhandled rejections, elements that failed to
/// load, Content-Security-Policy violations. Kept in sessionStorage (survives reloads of the tab;
/// in memory when sessionStorage is blocked); read and drained by `Browser::console_errors`.
pub const ERROR_HOOK_JS: &str = r#"(function () {
  if (window.__e2eHook) return;
  window.__e2eHook = true;
  var KEY = "__e2e_errors";
  function push(source, message) {
    var entry = { source: source, message: String(message) };
    try {
      var list = JSON.parse(sessionStorage.getItem(KEY) || "[]");
      list.push(entry);
      sessionStorage.setItem(KEY, JSON.stringify(list));
    } catch (e) {
      (window.__e2eErrorsMem = window.__e2eErrorsMem || []).push(entry);
    }
  }
  var original = console.error;
  console.error = function () {
    push("console-api", Array.prototype.map.call(arguments, function (a) {
      return a && a.stack ? a.stack : String(a);
    }).join(" "));
    return original.apply(console, arguments);
  };
  window.addEventListener("error", function (e) {
    var t = e.target;
    if (t && t !== window && (t.src || t.href)) push("network", "failed to load " + (t.src || t.href));
    else push("javascript", e.message + " at " + e.filename + ":" + e.lineno);
  }, true);
  window.addEventListener("unhandledrejection", function (e) {
    var r = e.reason;
    push("javascript", "unhandled rejection: " + (r && r.stack ? r.stack : r));
  });
  document.addEventListener("securitypolicyviolation", function (e) {
    push("security", "Content Security Policy: " + e.effectiveDirective + " blocked " + (e.blockedURI || "inline"));
  });
})();
"#;

/// One answered request, as the server saw it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServedRequest {
    pub method: String,
    /// The request target without the query string, e.g. `/guide/index.html`.
    pub path: String,
    pub status: u16,
}

struct Shared {
    mounts: Vec<(String, PathBuf)>,
    error_hook: AtomicBool,
    log: Mutex<Vec<ServedRequest>>,
}

/// A running (or stopped) static file server. Stops on drop.
pub struct StaticServer {
    addr: SocketAddr,
    shared: Arc<Shared>,
    running: Option<(Arc<AtomicBool>, JoinHandle<()>)>,
}

impl StaticServer {
    /// Serve `dir` at `/` and also under `/guide/` (to check the build works from a sub-path).
    pub fn start(dir: impl AsRef<Path>) -> StaticServer {
        let dir = dir.as_ref();
        Self::start_with_mounts(&[("/", dir), ("/guide/", dir)])
    }

    /// Serve each `(prefix, dir)` pair; the longest matching prefix wins. Prefixes start and end with `/`.
    pub fn start_with_mounts(mounts: &[(&str, &Path)]) -> StaticServer {
        Self::start_on("127.0.0.1:0", mounts).expect("bind a free loopback port")
    }

    /// Like [`StaticServer::start_with_mounts`] on a given address, e.g. `127.0.0.1:8080`.
    pub fn start_on(addr: &str, mounts: &[(&str, &Path)]) -> std::io::Result<StaticServer> {
        let mut mounts: Vec<(String, PathBuf)> = mounts
            .iter()
            .map(|(prefix, dir)| {
                assert!(
                    prefix.starts_with('/') && prefix.ends_with('/'),
                    "mount prefix must start and end with '/': {prefix}"
                );
                let dir = dir
                    .canonicalize()
                    .unwrap_or_else(|e| panic!("cannot serve {}: {e}", dir.display()));
                (prefix.to_string(), dir)
            })
            .collect();
        mounts.sort_by_key(|(prefix, _)| std::cmp::Reverse(prefix.len()));
        let listener = TcpListener::bind(addr)?;
        let addr = listener.local_addr()?;
        let shared = Arc::new(Shared {
            mounts,
            error_hook: AtomicBool::new(false),
            log: Mutex::new(Vec::new()),
        });
        let mut server = StaticServer {
            addr,
            shared,
            running: None,
        };
        server.run(listener);
        Ok(server)
    }

    /// Put the error hook ([`ERROR_HOOK_JS`], as `<script src="__e2e-hook.js">`, relative so it
    /// stays under a sub-path) first in the `<head>` of every HTML page served from the mounts, so
    /// Firefox and WebKit sessions can report console errors. The CSP allows it (`script-src 'self'`).
    /// Off by default: the other tests see the build exactly as shipped.
    pub fn with_error_hook(self) -> StaticServer {
        self.shared.error_hook.store(true, Ordering::SeqCst);
        self
    }

    /// Block the calling thread while the server runs (for the `serve-dist` binary).
    pub fn wait(mut self) {
        if let Some((_, handle)) = self.running.take() {
            let _ = handle.join();
        }
    }

    fn run(&mut self, listener: TcpListener) {
        let stop = Arc::new(AtomicBool::new(false));
        let (stop2, shared) = (stop.clone(), self.shared.clone());
        let handle = std::thread::spawn(move || {
            for stream in listener.incoming() {
                if stop2.load(Ordering::SeqCst) {
                    break;
                }
                if let Ok(stream) = stream {
                    let (shared, stop) = (shared.clone(), stop2.clone());
                    std::thread::spawn(move || handle_connection(stream, &shared, &stop));
                }
            }
            // The listener is dropped here: new connections are refused.
        });
        self.running = Some((stop, handle));
    }

    /// `http://127.0.0.1:PORT`
    pub fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Absolute URL for `path` (which should start with `/`), e.g. `url("/guide/")`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.origin(), path)
    }

    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }

    /// Stop listening: afterwards connections to the port are refused (the browser sees "offline").
    pub fn stop(&mut self) {
        if let Some((stop, handle)) = self.running.take() {
            stop.store(true, Ordering::SeqCst);
            // Wake the blocking accept() so the thread sees the flag and drops the listener.
            let _ = TcpStream::connect_timeout(&self.addr, Duration::from_secs(1));
            let _ = handle.join();
        }
    }

    /// Listen again on the same port (back online).
    pub fn restart(&mut self) {
        if self.running.is_some() {
            return;
        }
        let mut last_err = None;
        for _ in 0..50 {
            match TcpListener::bind(self.addr) {
                Ok(listener) => {
                    self.run(listener);
                    return;
                }
                Err(e) => {
                    last_err = Some(e);
                    std::thread::sleep(Duration::from_millis(100));
                }
            }
        }
        panic!("cannot listen on {} again: {:?}", self.addr, last_err);
    }

    /// Every request answered so far, oldest first.
    pub fn requests(&self) -> Vec<ServedRequest> {
        self.shared.log.lock().unwrap().clone()
    }

    /// Forget the request log.
    pub fn clear_requests(&self) {
        self.shared.log.lock().unwrap().clear();
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.stop();
    }
}

fn handle_connection(mut stream: TcpStream, shared: &Shared, stopped: &AtomicBool) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let mut reader = BufReader::new(match stream.try_clone() {
        Ok(s) => s,
        Err(_) => return,
    });
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).unwrap_or(0) == 0 {
        return; // e.g. the wake-up connection from stop()
    }
    // Skip the headers (and any body, which GET/HEAD do not have).
    let mut content_length = 0usize;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" || line == "\n" {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            if name.eq_ignore_ascii_case("content-length") {
                content_length = value.trim().parse().unwrap_or(0);
            }
        }
    }
    if content_length > 0 {
        let mut sink = vec![0u8; content_length.min(1 << 20)];
        let _ = reader.read_exact(&mut sink);
    }
    if stopped.load(Ordering::SeqCst) {
        // Accepted before stop() (e.g. a browser preconnect): hang up without answering.
        let _ = stream.shutdown(Shutdown::Both);
        return;
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("").to_string();
    let target = parts.next().unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or("/").to_string();

    let mut response = respond(&method, &path, &shared.mounts);
    if shared.error_hook.load(Ordering::SeqCst) {
        add_error_hook(&path, &mut response);
    }
    shared.log.lock().unwrap().push(ServedRequest {
        method: method.clone(),
        path,
        status: response.status,
    });

    let reason = match response.status {
        200 => "OK",
        301 => "Moved Permanently",
        404 => "Not Found",
        405 => "Method Not Allowed",
        _ => "Error",
    };
    let mut head = format!(
        "HTTP/1.1 {} {reason}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nConnection: close\r\n",
        response.status,
        response.content_type,
        response.body.len()
    );
    if let Some(location) = &response.location {
        head.push_str(&format!("Location: {location}\r\n"));
    }
    head.push_str("\r\n");
    let _ = stream.write_all(head.as_bytes());
    if method != "HEAD" {
        let _ = stream.write_all(&response.body);
    }
    let _ = stream.flush();
    let _ = stream.shutdown(Shutdown::Both);
}

/// With the error hook on: answer `.../__e2e-hook.js` with the hook, and put it first in HTML pages.
fn add_error_hook(path: &str, response: &mut Response) {
    if path.ends_with(&format!("/{ERROR_HOOK_FILE}")) {
        *response = Response {
            status: 200,
            content_type: "text/javascript; charset=utf-8",
            body: ERROR_HOOK_JS.as_bytes().to_vec(),
            location: None,
        };
        return;
    }
    if response.status != 200 || !response.content_type.starts_with("text/html") {
        return;
    }
    let html = String::from_utf8_lossy(&response.body).into_owned();
    // The release build's index.html is minified (no `<head>` tag): go after the charset
    // declaration, else after `<head>` or `<html ...>`, else first.
    let lower = html.to_ascii_lowercase();
    let after = |needle: &str| {
        lower
            .find(needle)
            .and_then(|start| lower[start..].find('>').map(|end| start + end + 1))
    };
    let at = after("<meta charset")
        .or_else(|| after("<head>"))
        .or_else(|| after("<html"))
        .unwrap_or(0);
    let tag = format!("<script src=\"{ERROR_HOOK_FILE}\"></script>");
    response.body = format!("{}{tag}{}", &html[..at], &html[at..]).into_bytes();
}

struct Response {
    status: u16,
    content_type: &'static str,
    body: Vec<u8>,
    location: Option<String>,
}

fn not_found() -> Response {
    Response {
        status: 404,
        content_type: "text/html; charset=utf-8",
        body: b"<!doctype html><html lang=\"en\"><title>Not found</title><h1>Not found</h1></html>"
            .to_vec(),
        location: None,
    }
}

fn respond(method: &str, path: &str, mounts: &[(String, PathBuf)]) -> Response {
    if method != "GET" && method != "HEAD" {
        return Response {
            status: 405,
            content_type: "text/plain",
            body: b"method not allowed".to_vec(),
            location: None,
        };
    }
    if path == BLANK_PATH {
        return Response {
            status: 200,
            content_type: "text/html; charset=utf-8",
            body: b"<!doctype html><html lang=\"en\"><title>blank</title></html>".to_vec(),
            location: None,
        };
    }
    let decoded = percent_decode(path);
    // A mount `/guide/` also answers `/guide` (redirect, like any directory without its slash).
    for (prefix, dir) in mounts {
        if decoded.len() + 1 == prefix.len() && prefix.starts_with(&decoded) {
            return redirect(format!("{decoded}/"));
        }
        let Some(rest) = decoded.strip_prefix(prefix.as_str()) else {
            continue;
        };
        let mut file = dir.clone();
        for component in Path::new(rest).components() {
            match component {
                Component::Normal(part) => file.push(part),
                Component::CurDir => {}
                _ => return not_found(), // no `..`, no absolute paths
            }
        }
        if file.is_dir() {
            if !decoded.ends_with('/') {
                return redirect(format!("{decoded}/"));
            }
            file.push("index.html");
        }
        return match std::fs::read(&file) {
            Ok(body) => Response {
                status: 200,
                content_type: content_type(&file),
                body,
                location: None,
            },
            Err(_) => not_found(),
        };
    }
    not_found()
}

fn redirect(location: String) -> Response {
    Response {
        status: 301,
        content_type: "text/plain",
        body: Vec::new(),
        location: Some(location),
    }
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn percent_decode(s: &str) -> String {
    fn hex(b: u8) -> Option<u8> {
        (b as char).to_digit(16).map(|d| d as u8)
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(hi), Some(lo)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push(hi * 16 + lo);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn get(server: &StaticServer, path: &str) -> (u16, String) {
        let mut s = TcpStream::connect(server.addr).unwrap();
        write!(s, "GET {path} HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
        let mut out = String::new();
        s.read_to_string(&mut out).unwrap();
        let status = out[9..12].parse().unwrap();
        (status, out)
    }

    #[test]
    fn the_error_hook_goes_first_in_minified_pages_and_is_served_under_any_mount() {
        let mut r = Response {
            status: 200,
            content_type: "text/html; charset=utf-8",
            body: b"<!doctype html><html lang=en><meta charset=utf-8><title>t</title><header>h</header>"
                .to_vec(),
            location: None,
        };
        add_error_hook("/guide/", &mut r);
        let html = String::from_utf8(r.body).unwrap();
        assert_eq!(
            html,
            "<!doctype html><html lang=en><meta charset=utf-8><script src=\"__e2e-hook.js\"></script><title>t</title><header>h</header>"
        );
        let mut js = not_found();
        add_error_hook("/guide/__e2e-hook.js", &mut js);
        assert_eq!(js.status, 200);
        assert!(String::from_utf8(js.body).unwrap().contains("__e2eHook"));
    }

    #[test]
    fn serves_files_under_root_and_sub_path_and_goes_offline() {
        let dir =
            std::env::temp_dir().join(format!("guide-e2e-server-test-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join("index.html"), "<h1>hi</h1>").unwrap();
        std::fs::write(dir.join("app_bg.wasm"), [0u8, 97, 115, 109]).unwrap();
        let mut server = StaticServer::start(&dir);

        let (status, body) = get(&server, "/");
        assert_eq!(status, 200);
        assert!(body.contains("<h1>hi</h1>") && body.contains("text/html"));
        let (status, body) = get(&server, "/guide/app_bg.wasm?v=1");
        assert_eq!(status, 200);
        assert!(body.contains("application/wasm"));
        let (status, body) = get(&server, "/guide");
        assert_eq!(status, 301);
        assert!(body.contains("Location: /guide/"));
        assert_eq!(get(&server, "/sub").0, 301);
        assert_eq!(get(&server, "/missing.js").0, 404);
        assert_eq!(get(&server, "/../etc/passwd").0, 404);
        assert_eq!(get(&server, "/%2e%2e/etc/passwd").0, 404);
        assert_eq!(get(&server, BLANK_PATH).0, 200);
        assert!(server
            .requests()
            .iter()
            .any(|r| r.path == "/guide/app_bg.wasm" && r.status == 200));

        server.stop();
        assert!(
            TcpStream::connect(server.addr).is_err(),
            "stopped server must refuse connections"
        );
        server.restart();
        assert_eq!(get(&server, "/").0, 200);
        drop(server);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
