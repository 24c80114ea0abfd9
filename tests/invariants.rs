//! The architecture invariants of `docs/architecture.md`, each checked here by reading the source
//! tree (so a change that breaks one fails `cargo test`, not a review).

use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.rs` file under `dir`, recursively.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap_or_else(|e| panic!("{}: {e}", d.display())) {
            let p = e.expect("dir entry").path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// Lines of code, without `//` comments.
fn code_lines(path: &Path) -> Vec<(usize, String)> {
    fs::read_to_string(path)
        .expect("read source")
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.split("//").next().unwrap_or("").to_string()))
        .collect()
}

/// 1. The engine is pure Rust: its only dependencies are serde and serde_json (no web crates).
#[test]
fn the_engine_depends_on_nothing_web() {
    let toml = fs::read_to_string(root().join("engine/Cargo.toml")).expect("engine/Cargo.toml");
    let deps = toml
        .split("[dependencies]")
        .nth(1)
        .expect("[dependencies]")
        .split("\n[")
        .next()
        .unwrap_or("");
    for line in deps
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let name = line.split(['=', ' ', '.']).next().unwrap_or("");
        assert!(
            matches!(name, "serde" | "serde_json"),
            "engine depends on {name}: the engine stays free of web and UI crates"
        );
    }
}

/// 2. Platform differences in the engine stay in two places: the profile reader
///    (`profile_read.rs`, its declaration in `lib.rs`, the switch in `profile.rs` that picks it,
///    and the question table in `questions.rs` that generates the reader's field list) and the rule
///    catalogue, whose reviewer summaries are left out of the wasm (`catalog.rs`).
#[test]
fn the_engine_has_target_switches_in_one_place() {
    for f in rust_files(&root().join("engine/src")) {
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        for (n, l) in code_lines(&f) {
            if l.contains("target_arch") {
                assert!(
                    matches!(
                        name.as_str(),
                        "lib.rs" | "profile.rs" | "profile_read.rs" | "questions.rs" | "catalog.rs"
                    ),
                    "{}:{n}: target_arch outside the profile reader",
                    f.display()
                );
            }
        }
    }
}

/// 3. The browser app carries no Unicode case tables and no generic sort (README "Size"): ASCII
///    case rules and `guide_engine::small::sort_by_key` instead.
#[test]
fn the_app_uses_the_small_helpers() {
    let banned = [
        ".to_lowercase()",
        ".to_uppercase()",
        ".sort()",
        ".sort_by(",
        ".sort_by_key(",
        ".sort_unstable",
    ];
    for f in rust_files(&root().join("src")) {
        for (n, l) in code_lines(&f) {
            for b in banned {
                assert!(
                    !l.contains(b),
                    "{}:{n}: {b} in the app (README \"Size\")",
                    f.display()
                );
            }
        }
    }
}

/// 4. Every UI string the app names exists in every language's `ui.json`: the check reads every
///    file of `src/`, not a list.
#[test]
fn every_ui_key_in_the_app_exists() {
    // The core words (`ui.json`, in the wasm) and those of the later screens (`ui_more.json`).
    let read = |f: &str| -> serde_json::Value {
        serde_json::from_str(&fs::read_to_string(root().join(f)).expect("ui file"))
            .expect("ui file is JSON")
    };
    let (core, more) = (read("content/en/ui.json"), read("content/en/ui_more.json"));
    let ui = |k: &str| core.get(k).or_else(|| more.get(k));
    let mut missing = Vec::new();
    let mut seen = 0;
    for f in rust_files(&root().join("src")) {
        let text = fs::read_to_string(&f).expect("read");
        for call in ["ui(\"", "ui_with(\"", "ui_fill(\"", "c.ui(\"", "text(\""] {
            let mut rest = text.as_str();
            while let Some(i) = rest.find(call) {
                rest = &rest[i + call.len()..];
                let key = rest.split('"').next().unwrap_or("");
                // Keys have a dot; other calls with a string argument are not UI keys.
                if key.contains('.') && !key.contains(' ') {
                    seen += 1;
                    if ui(key).is_none() {
                        missing.push(format!("{}: {key}", f.display()));
                    }
                }
            }
        }
    }
    assert!(seen > 100, "only {seen} UI keys found: the scan is broken");
    assert!(
        missing.is_empty(),
        "UI keys missing from ui.json:\n{}",
        missing.join("\n")
    );
}

/// The source files outside tests and benches: the engine, the content crate, the app, the CLI.
fn product_sources() -> Vec<PathBuf> {
    ["engine/src", "content/src", "src", "cli/src"]
        .iter()
        .flat_map(|d| rust_files(&root().join(d)))
        .collect()
}

/// 5. Each question is written once: its ID appears as a string in the question table
///    (`engine/src/questions.rs`) and in no other source file; everything else names it `Q::…`.
#[test]
fn each_question_id_is_written_in_the_table_only() {
    let ids: Vec<&str> = guide_engine::Q::ALL.iter().map(|q| q.id()).collect();
    assert_eq!(ids.len(), 25, "the reference's §1 questions");
    let mut elsewhere = Vec::new();
    for f in product_sources() {
        if f.ends_with("engine/src/questions.rs") {
            continue;
        }
        let text = fs::read_to_string(&f).expect("read source");
        for id in &ids {
            if text.contains(&format!("\"{id}\"")) {
                elsewhere.push(format!("{}: \"{id}\"", f.display()));
            }
        }
    }
    assert!(
        elsewhere.is_empty(),
        "question IDs written outside the table (use Q::…):\n{}",
        elsewhere.join("\n")
    );
}

/// 6. The app evaluates in one place (`src/lib.rs`: the engine's flow of the answers, read by
///    every screen), so two screens can never show two evaluations of the same answers.
#[test]
fn the_app_evaluates_in_one_place() {
    let mut calls = Vec::new();
    for f in rust_files(&root().join("src")) {
        for (n, l) in code_lines(&f) {
            if l.contains("evaluate(") || l.contains("::evaluate") || l.contains("(evaluate)") {
                calls.push(format!("{}:{n}: {}", f.display(), l.trim()));
            }
        }
    }
    assert_eq!(calls.len(), 1, "the app evaluates in: {calls:#?}");
    assert!(calls[0].contains("src/lib.rs"), "{calls:?}");
}
