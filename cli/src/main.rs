//! `guide`: the reviewers' command line.
//!
//! - `guide evaluate PROFILE.json` (or `-` for standard input) prints the result as JSON.
//! - `guide explain PROFILE.json` (or `-`; a story file of `tests/stories/` too) prints the same
//!   trace as readable text, rule by rule, for a reviewer without a browser (`docs/review.md`).
//! - `guide export-content [FILE]` writes all content with IDs, rules and sources as Markdown.
//!
//! Bad input exits with status 2 and one line naming the field and the allowed values. Input
//! is limited to 1 MB (the app's file limit; nothing larger is read whole), may start with a
//! UTF-8 byte-order mark, may not give a key twice, and is quoted in messages escaped and cut
//! (docs/profile.md, "Limits").

use std::io::Read;
use std::process::ExitCode;

use guide_engine::MAX_INPUT_BYTES;

mod explain;
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
            // Every message is one short line, whatever the input was (issue 12): the engine
            // quotes input escaped and cut; this is the last guard.
            eprintln!("error: {}", one_line(&e, MAX_LINE_CHARS));
            ExitCode::from(2)
        }
    }
}

/// The longest error line (the longest message, an unknown `prior_tx` with the allowed
/// treatments and drugs, is about 730 characters).
const MAX_LINE_CHARS: usize = 1000;

const USAGE: &str = "usage: guide evaluate PROFILE.json|-  |  guide explain PROFILE.json|-  |  guide export-content [OUT.md]";

fn run(args: &[String]) -> Result<String, String> {
    match args.first().map(String::as_str) {
        Some("evaluate") => {
            let path = args.get(1).ok_or_else(|| USAGE.to_string())?;
            let text = read_input(path)?;
            let profile = guide_engine::Profile::from_json(&text).map_err(|e| e.to_string())?;
            let result = guide_engine::evaluate(&profile);
            Ok(render::evaluation_json(&result))
        }
        Some("explain") => {
            let path = args.get(1).ok_or_else(|| USAGE.to_string())?;
            let text = read_input(path)?;
            let input = explain::read(&text)?;
            let result = guide_engine::evaluate(&input.profile);
            Ok(explain::text(&input, &result))
        }
        Some("export-content") => {
            let md = render::content_markdown();
            match args.get(1) {
                Some(path) => {
                    std::fs::write(path, &md)
                        .map_err(|e| format!("{}: {e}", one_line(path, 120)))?;
                    Ok(format!("wrote {}", one_line(path, 120)))
                }
                None => Ok(md),
            }
        }
        Some("--help" | "-h" | "help") => Ok(USAGE.to_string()),
        _ => Err(USAGE.to_string()),
    }
}

/// The input's text: at most [`MAX_INPUT_BYTES`] (1 MB, the app's file limit). Never more
/// than the limit and one byte is read, so a huge file or stream is refused in bounded memory.
fn read_input(path: &str) -> Result<String, String> {
    let name = if path == "-" {
        "standard input".to_string()
    } else {
        one_line(path, 120)
    };
    let too_large = || {
        format!(
            "{name}: larger than 1 MB ({MAX_INPUT_BYTES} bytes), the limit for a profile; not read"
        )
    };
    let limit = MAX_INPUT_BYTES as u64 + 1;
    let mut bytes = Vec::new();
    let read = if path == "-" {
        std::io::stdin().lock().take(limit).read_to_end(&mut bytes)
    } else {
        let file = std::fs::File::open(path).map_err(|e| format!("{name}: {e}"))?;
        // A regular file says its size: refused before reading any of it.
        if file
            .metadata()
            .is_ok_and(|m| m.is_file() && m.len() > MAX_INPUT_BYTES as u64)
        {
            return Err(too_large());
        }
        file.take(limit).read_to_end(&mut bytes)
    };
    read.map_err(|e| format!("{name}: {e}"))?;
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(too_large());
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(format!(
            "{name}: UTF-16 text (it starts with the byte-order mark {:02X} {:02X}); save it as UTF-8",
            bytes[0], bytes[1]
        ));
    }
    // A UTF-8 byte-order mark (some editors add one) is accepted by `Profile::from_json`.
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{name}: not UTF-8 text (byte {} is not UTF-8); save it as UTF-8",
            e.utf8_error().valid_up_to()
        )
    })
}

/// `msg` as one line a terminal shows as it is: control characters escaped
/// ([`guide_engine::json::escape_controls`]) and cut to `max` characters with "…".
fn one_line(msg: &str, max: usize) -> String {
    let line = guide_engine::json::escape_controls(msg);
    match line.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &line[..i]),
        None => line,
    }
}
