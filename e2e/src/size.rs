//! First-load size report of a built dist/ directory (raw, gzip -9, brotli -q 11) and the budget check.
//!
//! "First load" = `index.html` plus every dist file it references, followed through the CSS and JS
//! files it loads (e.g. the wasm-bindgen JS importing `snippets/...`, a stylesheet's `url(...)`).
//! A reference is any quoted string / `url(...)` that resolves to an existing file of dist.
//! Service-worker scripts (`sw.js`, `service-worker.js`) are first-load files themselves but their
//! references (the precache list) are not followed: they load after the first screen.

use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Default issue budget for the brotli total of the first-load files: 250 KB (250,000 bytes).
pub const DEFAULT_BUDGET_BYTES: u64 = 250_000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileSize {
    /// Path relative to dist, with `/` separators.
    pub path: String,
    /// `html`, `js`, `wasm`, `css` or `other`.
    pub kind: &'static str,
    pub first_load: bool,
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    pub files: usize,
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
}

#[derive(Clone, Debug)]
pub struct SizeReport {
    pub files: Vec<FileSize>,
    pub budget_bytes: u64,
}

pub fn kind_of(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" | "htm" => "html",
        "js" | "mjs" => "js",
        "wasm" => "wasm",
        "css" => "css",
        _ => "other",
    }
}

fn is_service_worker(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    name == "sw.js" || name == "service-worker.js"
}

/// Candidate references in a text file: quoted strings, `url(...)` arguments and unquoted
/// attribute values (`href=./main.css`, as minified HTML writes them), without spaces.
pub fn candidate_refs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c == b'=' {
            let rest = &bytes[i + 1..];
            let unquoted = rest.first().is_some_and(|b| {
                !matches!(b, b'"' | b'\'' | b'`' | b'=' | b'>') && !b.is_ascii_whitespace()
            });
            if unquoted {
                let len = rest
                    .iter()
                    .take(400)
                    .position(|b| b.is_ascii_whitespace() || *b == b'>')
                    .unwrap_or(rest.len().min(400));
                if let Ok(s) = std::str::from_utf8(&rest[..len]) {
                    if !s.contains("//") && !s.starts_with("data:") {
                        out.push(s.to_string());
                    }
                }
            }
        }
        let close = match c {
            b'"' | b'\'' | b'`' => Some(c),
            b'(' if i >= 3 && &bytes[i - 3..i] == b"url" => Some(b')'),
            _ => None,
        };
        if let Some(close) = close {
            if let Some(len) = bytes[i + 1..].iter().take(400).position(|&b| b == close) {
                let s = text[i + 1..i + 1 + len].trim().trim_matches(['"', '\'']);
                if !s.is_empty()
                    && !s.contains(char::is_whitespace)
                    && !s.contains("//")
                    && !s.starts_with("data:")
                {
                    out.push(s.to_string());
                }
            }
        }
        i += 1;
    }
    out
}

/// Resolve `reference` found in the dist file `from` (both relative to dist) to a dist path.
fn resolve(from: &str, reference: &str) -> Option<String> {
    let reference = reference.split(['?', '#']).next()?;
    let mut parts: Vec<&str> = if reference.starts_with('/') {
        Vec::new() // root-relative: resolve against dist root
    } else {
        let mut p: Vec<&str> = from.split('/').collect();
        p.pop(); // the file name
        p
    };
    for segment in reference.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}

/// All files of `dist` (relative paths), sorted.
pub fn dist_files(dist: &Path) -> Vec<String> {
    fn walk(dir: &Path, prefix: &str, out: &mut Vec<String>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let rel = if prefix.is_empty() {
                name.clone()
            } else {
                format!("{prefix}/{name}")
            };
            let path = entry.path();
            if path.is_dir() {
                walk(&path, &rel, out);
            } else {
                out.push(rel);
            }
        }
    }
    let mut out = Vec::new();
    walk(dist, "", &mut out);
    out.sort();
    out
}

/// The stylesheet a page names in `<meta name=guide-later-css content=…>` (`pwa/gen-sw.sh`).
pub fn later_stylesheet(html: &str) -> Option<String> {
    let at = html.find("guide-later-css")?;
    let rest = &html[at..];
    let value = rest[rest.find("content=")? + "content=".len()..].trim_start_matches(['"', '\'']);
    let end = value.find(|c: char| matches!(c, '"' | '\'' | '>') || c.is_whitespace())?;
    Some(value[..end].to_string())
}

/// The files the first screen loads: `index.html` and what it references, transitively.
pub fn first_load_files(dist: &Path) -> BTreeSet<String> {
    let all: BTreeSet<String> = dist_files(dist).into_iter().collect();
    let mut seen = BTreeSet::new();
    let mut queue = vec!["index.html".to_string()];
    while let Some(file) = queue.pop() {
        if !all.contains(&file) || !seen.insert(file.clone()) {
            continue;
        }
        let kind = kind_of(&file);
        if !matches!(kind, "html" | "css" | "js") || is_service_worker(&file) {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(dist.join(&file)) else {
            continue;
        };
        let later = later_stylesheet(&text);
        for reference in candidate_refs(&text) {
            // The later screens' stylesheet is loaded with the details after the first paint
            // (src/details.rs), like `content/<lang>/`: not part of the first load.
            if later.as_deref() == Some(reference.as_str()) {
                continue;
            }
            if let Some(target) = resolve(&file, &reference) {
                if all.contains(&target) && !seen.contains(&target) {
                    queue.push(target);
                }
            }
        }
    }
    seen
}

fn compressed_len(program: &str, args: &[&str], file: &Path) -> u64 {
    let output = Command::new(program)
        .args(args)
        .arg(file)
        .stdin(Stdio::null())
        .stderr(Stdio::inherit())
        .output()
        .unwrap_or_else(|e| {
            panic!("cannot run {program} ({e}); scripts/setup.sh --test installs it")
        });
    assert!(
        output.status.success(),
        "{program} failed on {}",
        file.display()
    );
    output.stdout.len() as u64
}

/// Measure every file of `dist`.
pub fn measure(dist: &Path, budget_bytes: u64) -> SizeReport {
    assert!(
        dist.join("index.html").is_file(),
        "{} has no index.html: build first (trunk build --release)",
        dist.display()
    );
    let first = first_load_files(dist);
    let files = dist_files(dist)
        .into_iter()
        .map(|path| {
            let full: PathBuf = dist.join(&path);
            FileSize {
                kind: kind_of(&path),
                first_load: first.contains(&path),
                raw: std::fs::metadata(&full).map(|m| m.len()).unwrap_or(0),
                gzip: compressed_len("gzip", &["-9", "-n", "-c"], &full),
                brotli: compressed_len("brotli", &["-q", "11", "-c"], &full),
                path,
            }
        })
        .collect();
    SizeReport {
        files,
        budget_bytes,
    }
}

impl SizeReport {
    /// Totals of the files `keep` selects.
    fn totals(&self, keep: impl Fn(&FileSize) -> bool) -> Totals {
        self.files
            .iter()
            .filter(|f| keep(f))
            .fold(Totals::default(), |t, f| Totals {
                files: t.files + 1,
                raw: t.raw + f.raw,
                gzip: t.gzip + f.gzip,
                brotli: t.brotli + f.brotli,
            })
    }

    /// Totals of the first-load files.
    pub fn first_load(&self) -> Totals {
        self.totals(|f| f.first_load)
    }

    /// Totals of every file in dist.
    pub fn all(&self) -> Totals {
        self.totals(|_| true)
    }

    /// First-load totals per kind (html, js, wasm, css, other).
    pub fn first_load_by_kind(&self) -> BTreeMap<&'static str, Totals> {
        let mut map: BTreeMap<&'static str, Totals> = BTreeMap::new();
        for f in self.files.iter().filter(|f| f.first_load) {
            let t = map.entry(f.kind).or_default();
            t.files += 1;
            t.raw += f.raw;
            t.gzip += f.gzip;
            t.brotli += f.brotli;
        }
        map
    }

    /// Totals of what paints the first screen: the first-load HTML and CSS (the welcome screen is
    /// pre-rendered in index.html; the JS and wasm make it work).
    pub fn first_paint(&self) -> Totals {
        self.totals(|f| f.first_load && matches!(f.kind, "html" | "css"))
    }

    pub fn within_budget(&self) -> bool {
        self.first_load().brotli <= self.budget_bytes
    }

    pub fn budget_line(&self) -> String {
        let used = self.first_load().brotli;
        format!(
            "First-load brotli total {} B ({:.1} KB) vs budget {} B ({:.0} KB): {} ({:.0}% of budget)",
            used,
            used as f64 / 1000.0,
            self.budget_bytes,
            self.budget_bytes as f64 / 1000.0,
            if self.within_budget() { "OK" } else { "OVER BUDGET" },
            used as f64 * 100.0 / self.budget_bytes as f64
        )
    }

    pub fn markdown(&self) -> String {
        let mut s = String::from("# Size report (dist/, release build)\n\n");
        s.push_str("Bytes per file; gzip = `gzip -9`, brotli = `brotli -q 11`. ");
        s.push_str("First load = index.html and the files it references (transitively through CSS/JS).\n\n");
        s.push_str(
            "| file | kind | first load | raw | gzip | brotli |\n|---|---|---|---:|---:|---:|\n",
        );
        for f in &self.files {
            s.push_str(&format!(
                "| {} | {} | {} | {} | {} | {} |\n",
                f.path,
                f.kind,
                if f.first_load { "yes" } else { "no" },
                f.raw,
                f.gzip,
                f.brotli
            ));
        }
        s.push_str(
            "\n| first load by kind | files | raw | gzip | brotli |\n|---|---:|---:|---:|---:|\n",
        );
        for (kind, t) in self.first_load_by_kind() {
            s.push_str(&format!(
                "| {kind} | {} | {} | {} | {} |\n",
                t.files, t.raw, t.gzip, t.brotli
            ));
        }
        let (fl, all) = (self.first_load(), self.all());
        s.push_str(&format!(
            "| **first-load total** | {} | {} | {} | {} |\n",
            fl.files, fl.raw, fl.gzip, fl.brotli
        ));
        s.push_str(&format!(
            "| all files in dist | {} | {} | {} | {} |\n",
            all.files, all.raw, all.gzip, all.brotli
        ));
        let fp = self.first_paint();
        s.push_str(&format!(
            "| first paint (HTML + CSS: the pre-rendered welcome) | {} | {} | {} | {} |\n\n",
            fp.files, fp.raw, fp.gzip, fp.brotli
        ));
        s.push_str(&self.budget_line());
        s.push('\n');
        s
    }

    pub fn json(&self) -> Value {
        let totals = |t: Totals| json!({ "files": t.files, "raw": t.raw, "gzip": t.gzip, "brotli": t.brotli });
        json!({
            "files": self.files.iter().map(|f| json!({
                "path": f.path, "kind": f.kind, "first_load": f.first_load,
                "raw": f.raw, "gzip": f.gzip, "brotli": f.brotli,
            })).collect::<Vec<_>>(),
            "first_paint": totals(self.first_paint()),
            "first_load_by_kind": self.first_load_by_kind().into_iter()
                .map(|(k, t)| (k.to_string(), totals(t))).collect::<serde_json::Map<_, _>>(),
            "first_load_total": totals(self.first_load()),
            "all_total": totals(self.all()),
            "budget": { "metric": "first_load_total.brotli", "bytes": self.budget_bytes, "ok": self.within_budget() },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::TempDir;

    #[test]
    fn the_later_stylesheet_is_not_first_load() {
        let dist = TempDir::new("size-later");
        dist.write(
            "index.html",
            "<link href=./main-1.css rel=stylesheet><meta name=guide-later-css content=later-2.css></head>",
        );
        dist.write("main-1.css", "body{}");
        dist.write("later-2.css", ".card{}");
        let first = first_load_files(dist.path());
        assert!(
            first.contains("main-1.css") && !first.contains("later-2.css"),
            "{first:?}"
        );
        assert_eq!(
            later_stylesheet(r#"<meta name="guide-later-css" content="later-9.css">"#).as_deref(),
            Some("later-9.css")
        );
    }

    #[test]
    fn finds_refs_in_html_js_css_and_skips_the_rest() {
        let dist = TempDir::new("size-test");
        dist.write(
            "index.html",
            r#"<link rel="stylesheet" href="./main-1.css"><link rel="icon" href="data:,">
            <script type="module">import init from './app-1.js'; await init({ module_or_path: './app-1_bg.wasm' });
            navigator.serviceWorker.register('./sw.js');</script><a href="https://example.org/x.js">x</a>"#,
        );
        dist.write("main-1.css", "body{background:url(img/bg.png)}");
        dist.write("img/bg.png", [1u8, 2, 3]);
        dist.write("app-1.js", "import { a } from './snippets/x/inline0.js'; const u = new URL('app-1_bg.wasm', import.meta.url);");
        dist.write("snippets/x/inline0.js", "export const a = 1;");
        dist.write("app-1_bg.wasm", [0u8, 97, 115, 109]);
        dist.write("sw.js", "const PRECACHE = ['./', './de/content.json'];");
        dist.write("de/content.json", "{}");
        dist.write("unused.txt", "x");
        // Minified HTML: unquoted attribute values.
        dist.write(
            "min/index.html",
            "<link href=./main-2.css rel=stylesheet><link href=icons/a.png rel=apple-touch-icon><link href=data:, rel=icon>",
        );
        dist.write("min/main-2.css", "body{}");
        dist.write("min/icons/a.png", [1u8]);
        let min: Vec<String> =
            candidate_refs(&std::fs::read_to_string(dist.path().join("min/index.html")).unwrap());
        assert!(min.contains(&"./main-2.css".to_string()), "{min:?}");
        assert!(min.contains(&"icons/a.png".to_string()), "{min:?}");
        assert!(!min.iter().any(|m| m.starts_with("data:")), "{min:?}");
        let first: Vec<String> = first_load_files(dist.path()).into_iter().collect();
        assert_eq!(
            first,
            [
                "app-1.js",
                "app-1_bg.wasm",
                "img/bg.png",
                "index.html",
                "main-1.css",
                "snippets/x/inline0.js",
                "sw.js"
            ]
        );
        assert_eq!(resolve("a/b.css", "../c.png").as_deref(), Some("c.png"));
        assert_eq!(resolve("a/b.css", "/c.png").as_deref(), Some("c.png"));
        assert_eq!(resolve("b.css", "../../c.png"), None);
    }

    /// A measured file: raw 3x and gzip 10 bytes over its brotli size.
    fn file(path: &str, first_load: bool, brotli: u64) -> FileSize {
        FileSize {
            path: path.into(),
            kind: kind_of(path),
            first_load,
            raw: brotli * 3,
            gzip: brotli + 10,
            brotli,
        }
    }

    #[test]
    fn budget_is_checked_on_the_brotli_first_load_total() {
        let report = SizeReport {
            files: vec![
                file("index.html", true, 1_000),
                file("a_bg.wasm", true, 200_000),
                file("x.json", false, 90_000),
            ],
            budget_bytes: DEFAULT_BUDGET_BYTES,
        };
        assert_eq!(report.first_load().brotli, 201_000);
        assert_eq!(report.all().brotli, 291_000);
        assert!(report.within_budget());
        let over = SizeReport {
            budget_bytes: 200_000,
            ..report.clone()
        };
        assert!(!over.within_budget());
        assert!(over.budget_line().contains("OVER BUDGET"));
        assert_eq!(
            report.json()["first_load_by_kind"]["wasm"]["brotli"],
            200_000
        );
        assert!(report
            .markdown()
            .contains("| **first-load total** | 2 | 603000 | 201020 | 201000 |"));
    }

    #[test]
    fn first_paint_is_the_first_load_html_and_css_only() {
        let report = SizeReport {
            files: vec![
                file("index.html", true, 3_000),
                file("main-1.css", true, 5_000),
                file("late.css", false, 700),
                file("app-1.js", true, 8_000),
                file("app-1_bg.wasm", true, 200_000),
            ],
            budget_bytes: DEFAULT_BUDGET_BYTES,
        };
        assert_eq!(report.first_paint().brotli, 8_000);
        assert_eq!(report.first_paint().files, 2);
        assert_eq!(report.json()["first_paint"]["brotli"], 8_000);
        assert!(report.markdown().contains(
            "| first paint (HTML + CSS: the pre-rendered welcome) | 2 | 24000 | 8020 | 8000 |"
        ));
    }
}
