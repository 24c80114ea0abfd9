//! Writes a compact copy of every content file (`<lang>/*.json`, `<lang>/options/*.json`) to
//! `OUT_DIR/<lang>/…`: the same JSON without the pretty-printing, which the WebAssembly build
//! embeds (about 15% fewer bytes; see `files` in `src/lib.rs`). Native builds embed the files as
//! written, so a content error names the real line.
//!
//! A file that is not valid JSON is copied as is: the build never fails on content, the content
//! tests report the error with its file and line.

use std::fs;
use std::path::Path;

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for lang in ["en"] {
        println!("cargo:rerun-if-changed={lang}");
        for sub in ["", "options"] {
            let dir = Path::new(lang).join(sub);
            println!("cargo:rerun-if-changed={}", dir.display());
            let Ok(entries) = fs::read_dir(&dir) else {
                continue;
            };
            let out_dir = Path::new(&out).join(&dir);
            fs::create_dir_all(&out_dir).expect("create OUT_DIR/<lang>");
            for entry in entries.flatten() {
                let path = entry.path();
                if path.extension().is_none_or(|e| e != "json") {
                    continue;
                }
                println!("cargo:rerun-if-changed={}", path.display());
                let text = fs::read_to_string(&path)
                    .unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
                let compact = serde_json::from_str::<serde_json::Value>(&text)
                    .ok()
                    .and_then(|v| serde_json::to_string(&v).ok())
                    .unwrap_or(text);
                let target = out_dir.join(entry.file_name());
                fs::write(&target, compact)
                    .unwrap_or_else(|e| panic!("write {}: {e}", target.display()));
            }
        }
    }
}
