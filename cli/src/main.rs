//! `guide`: the reviewers' command line.
//!
//! - `guide evaluate PROFILE.json` (or `-` for standard input) prints the result as JSON.
//! - `guide export-content [FILE]` writes all content with IDs, rules and sources as Markdown.
//!
//! Bad input exits with status 2 and one line naming the field and the allowed values.

use std::io::Read;
use std::process::ExitCode;

mod render;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(out) => {
            // A closed pipe (`guide evaluate x | head`) is not an error worth a panic.
            use std::io::Write;
            let _ = writeln!(std::io::stdout().lock(), "{out}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

const USAGE: &str = "usage: guide evaluate PROFILE.json|-  |  guide export-content [OUT.md]";

fn run(args: &[String]) -> Result<String, String> {
    match args.first().map(String::as_str) {
        Some("evaluate") => {
            let path = args.get(1).ok_or_else(|| USAGE.to_string())?;
            let text = read_input(path)?;
            let profile = guide_engine::Profile::from_json(&text).map_err(|e| e.to_string())?;
            let result = guide_engine::evaluate(&profile);
            Ok(render::evaluation_json(&result))
        }
        Some("export-content") => {
            let md = render::content_markdown();
            match args.get(1) {
                Some(path) => {
                    std::fs::write(path, &md).map_err(|e| format!("{path}: {e}"))?;
                    Ok(format!("wrote {path}"))
                }
                None => Ok(md),
            }
        }
        Some("--help" | "-h" | "help") => Ok(USAGE.to_string()),
        _ => Err(USAGE.to_string()),
    }
}

fn read_input(path: &str) -> Result<String, String> {
    if path == "-" {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .map_err(|e| format!("standard input: {e}"))?;
        Ok(s)
    } else {
        std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))
    }
}
