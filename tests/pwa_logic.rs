//! Offline and privacy logic of the app, natively: which query strings mean "embed" (no service
//! worker there), which caches and which localStorage keys "Delete my answers" removes.

use recurrence_guide::pwa::{caches_to_delete, is_embed_query, SHELL_CACHE_PREFIX};
use recurrence_guide::storage::{guide_keys, KEY, KEY_PREFIX, PROBE_KEY, UNREADABLE_KEY};

#[test]
fn embed_query_strings() {
    assert!(is_embed_query("?embed=1"));
    assert!(is_embed_query("?lang=en&embed=1&theme=dark"));
    // One reading with the embed's (`embed::parse`): a bare `embed` is not an embed.
    assert!(!is_embed_query("?embed"));
    assert!(is_embed_query("embed=true"));
    assert!(!is_embed_query(""));
    assert!(!is_embed_query("?"));
    assert!(!is_embed_query("?embed=0"));
    assert!(!is_embed_query("?embedded=1&x=embed1"));
}

#[test]
fn delete_keeps_only_the_app_shell_caches() {
    assert_eq!(
        SHELL_CACHE_PREFIX, "guide-",
        "must match PREFIX in pwa/sw.js"
    );
    let sw = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/pwa/sw.js")).unwrap();
    assert!(sw.contains(&format!("const PREFIX = \"{SHELL_CACHE_PREFIX}\";")));
    let names = ["guide-1a2b", "guide-3c4d", "answers", "other-guide-x"].map(String::from);
    assert_eq!(caches_to_delete(names), vec!["answers", "other-guide-x"]);
    assert!(caches_to_delete(Vec::new()).is_empty());
}

#[test]
fn delete_removes_every_key_of_the_guide_and_nothing_else() {
    for key in [KEY, UNREADABLE_KEY, PROBE_KEY] {
        assert!(key.starts_with(KEY_PREFIX), "{key}");
    }
    let keys = [
        KEY.to_string(),
        UNREADABLE_KEY.to_string(),
        format!("{UNREADABLE_KEY}.2026-11-28T10:00:00.000Z"),
        PROBE_KEY.to_string(),
        "someone-else".to_string(),
        "recurrence-guide".to_string(),
        "x.recurrence-guide.answers".to_string(),
    ];
    let mut found = guide_keys(keys);
    found.sort();
    assert_eq!(
        found,
        vec![
            KEY.to_string(),
            UNREADABLE_KEY.to_string(),
            format!("{UNREADABLE_KEY}.2026-11-28T10:00:00.000Z"),
            PROBE_KEY.to_string(),
        ]
    );
}

// ------------------------------------------------------------------ the post_build hook

/// A fresh directory under the system temp dir, removed on drop.
struct Staging(std::path::PathBuf);

impl Staging {
    fn new(label: &str) -> Staging {
        let dir = std::env::temp_dir().join(format!(
            "guide-gen-sw-{label}-{}-{:?}",
            std::process::id(),
            std::time::SystemTime::now()
        ));
        std::fs::create_dir_all(dir.join("content/en")).unwrap();
        Staging(dir)
    }
    fn write(&self, name: &str, text: &str) {
        std::fs::write(self.0.join(name), text).unwrap();
    }
    fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.0.join(name)).unwrap()
    }
    /// Runs pwa/gen-sw.sh as Trunk does (sh, TRUNK_STAGING_DIR); returns (success, stderr).
    fn run_hook(&self) -> (bool, String) {
        let out = std::process::Command::new("sh")
            .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/pwa/gen-sw.sh"))
            .env("TRUNK_STAGING_DIR", &self.0)
            .output()
            .expect("run sh");
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

const PAGE: &str = "<!doctype html><html><head>\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'self' __GUIDE_SCRIPT_HASHES__; style-src 'self'\">\n\
<script type=\"module\">\nimport init from './app-0123456789abcdef.js';\nawait init();\n</script>\n\
<script src=\"./x.js\"></script>\n\
<script>console.log(\"two\")</script>\n\
</head><body></body></html>\n";

/// sha256, base64, of the two inline scripts of PAGE (computed with another tool).
const MODULE_HASH: &str = "'sha256-/zxoWQy0JiLVQcuQ0sdXV4craSspwlJ8gYZaub2QeII='";
const SECOND_HASH: &str = "'sha256-1GWD5w6V4NzPMrMr+hXDJXL/L3cJjsIzJuXtpBLVzQI='";

fn stage(label: &str, page: &str) -> Staging {
    let s = Staging::new(label);
    s.write("index.html", page);
    s.write(
        "sw.js",
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/pwa/sw.js")).unwrap(),
    );
    s.write(
        "app-0123456789abcdef.js",
        "export default async function init() {}",
    );
    s.write("app-0123456789abcdef_bg.wasm", "\0asm");
    s.write("content/en/sources.json", "{}");
    s
}

fn sw_constant(sw: &str, name: &str) -> String {
    let prefix = format!("const {name} = ");
    let line = sw.lines().find(|l| l.starts_with(&prefix)).unwrap();
    line[prefix.len()..].trim_end_matches(';').to_string()
}

#[test]
fn hook_writes_the_csp_hashes_of_the_inline_scripts_only() {
    let s = stage("csp", PAGE);
    let (ok, stderr) = s.run_hook();
    assert!(ok, "{stderr}");
    let page = s.read("index.html");
    assert!(
        page.contains(&format!(
            "content=\"script-src 'self' {MODULE_HASH} {SECOND_HASH}; style-src 'self'\""
        )),
        "{page}"
    );
    assert!(!page.contains("__GUIDE"));
    // The same page with CRLF line ends: the browser hashes the text with LF.
    let crlf = stage("crlf", &PAGE.replace('\n', "\r\n"));
    assert!(crlf.run_hook().0);
    assert!(crlf.read("index.html").contains(MODULE_HASH));
}

#[test]
fn hook_lists_every_file_and_versions_the_worker() {
    let s = stage("precache", PAGE);
    let (ok, stderr) = s.run_hook();
    assert!(ok, "{stderr}");
    let sw = s.read("sw.js");
    assert_eq!(
        sw_constant(&sw, "PRECACHE"),
        r#"["./app-0123456789abcdef.js","./app-0123456789abcdef_bg.wasm","./content/en/sources.json","./index.html"]"#
    );
    let version = sw_constant(&sw, "VERSION");
    let version = version.trim_matches('"');
    assert_eq!(version.len(), 16, "{version}");
    assert!(version.chars().all(|c| c.is_ascii_hexdigit()), "{version}");
    // Run twice by mistake: it says so and fails (the placeholders are gone).
    let (ok, stderr) = s.run_hook();
    assert!(!ok && stderr.contains("no placeholders"), "{stderr}");

    // Same files, same version; one byte changed anywhere, another version.
    let same = stage("same", PAGE);
    assert!(same.run_hook().0);
    assert_eq!(
        sw_constant(&same.read("sw.js"), "VERSION"),
        format!("\"{version}\"")
    );
    let changed = stage("changed", PAGE);
    changed.write("content/en/sources.json", "{ }");
    assert!(changed.run_hook().0);
    assert_ne!(
        sw_constant(&changed.read("sw.js"), "VERSION"),
        format!("\"{version}\"")
    );
}

#[test]
fn hook_fails_clearly_without_its_inputs() {
    let s = Staging::new("missing");
    s.write("index.html", PAGE);
    let (ok, stderr) = s.run_hook();
    assert!(!ok && stderr.contains("sw.js is missing"), "{stderr}");
    let out = std::process::Command::new("sh")
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/pwa/gen-sw.sh"))
        .env_remove("TRUNK_STAGING_DIR")
        .output()
        .unwrap();
    assert!(!out.status.success());
}

#[test]
fn hook_fills_in_the_live_reload_script_of_trunk_serve_so_its_hash_holds() {
    // What `trunk serve` adds to the page: it would fill these in per response (changing the
    // script's hash), so the hook fills them in as Trunk would for public_url "./".
    let reload = "<body><script>\"use strict\";\n    const address = '{{__TRUNK_ADDRESS__}}';\n    const base = '{{__TRUNK_WS_BASE__}}';\n</script></body>";
    let s = stage("serve", &PAGE.replace("<body></body>", reload));
    let (ok, stderr) = s.run_hook();
    assert!(ok, "{stderr}");
    let page = s.read("index.html");
    assert!(!page.contains("{{__TRUNK"), "{page}");
    assert!(page.contains("const address = window.location.host;"));
    assert!(page.contains("const base = '/';"));
    let policy = page.lines().find(|l| l.contains("script-src")).unwrap();
    assert_eq!(policy.matches("'sha256-").count(), 3, "{policy}");

    // As Trunk's release minifier writes it: backticks.
    let minified = "<body><script>const a=`{{__TRUNK_ADDRESS__}}`;const b=`{{__TRUNK_WS_BASE__}}`;</script></body>";
    let s = stage("serve-min", &PAGE.replace("<body></body>", minified));
    let (ok, stderr) = s.run_hook();
    assert!(ok, "{stderr}");
    let page = s.read("index.html");
    assert!(
        page.contains("const a=window.location.host;const b=`/`;"),
        "{page}"
    );
}
