//! `guide explain`: the trace of `guide evaluate` as readable text (issue 11, review mode).
//! Good input (a profile, or a story file with the profile inside) shows the answers, the
//! derived facts, each option's rules with their summaries and source titles, the facts behind
//! it and the deviations; bad input is refused as `evaluate` refuses it: one short line, exit 2.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn guide(args: &[&str], stdin: Option<Vec<u8>>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_guide"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("guide runs");
    let mut pipe = child.stdin.take().unwrap();
    // The guide stops reading after 1 MB and one byte: a closed pipe is expected then.
    let writer = std::thread::spawn(move || {
        if let Some(bytes) = stdin {
            let _ = pipe.write_all(&bytes);
        }
    });
    let out = child.wait_with_output().expect("guide finishes");
    writer.join().unwrap();
    out
}

fn story_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/stories")
        .join(name)
}

fn story(name: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(story_path(name)).unwrap()).unwrap()
}

fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("guide-cli-explain-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn explained(o: &Output) -> String {
    assert!(
        o.status.success(),
        "exit {:?}: {}",
        o.status.code(),
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(
        o.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout.clone()).expect("UTF-8 text")
}

/// The title of a source in `content/en/sources.json`, read here so the test follows the content.
fn source_title(id: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../content/en/sources.json");
    let v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let s = v
        .get(id)
        .or_else(|| v.get("sources").and_then(|s| s.get(id)));
    s.and_then(|s| s["title"].as_str())
        .unwrap_or_else(|| panic!("{id} in sources.json"))
        .to_string()
}

/// The lines of one option's block: from its heading to the next blank line.
fn block<'a>(text: &'a str, option: &str) -> Vec<&'a str> {
    let head = format!("  {option}: ");
    text.lines()
        .skip_while(|l| !l.starts_with(&head))
        .take_while(|l| !l.is_empty())
        .collect()
}

const EGFR: &str = "02-egfr-grew-on-osimertinib.json";

#[test]
fn a_story_file_is_explained_rule_by_rule() {
    let path = story_path(EGFR);
    let text = explained(&guide(&["explain", path.to_str().unwrap()], None));
    // The story, the answers in words with their IDs.
    assert!(text.contains("Story: Ken, 64"), "{text:.600}");
    assert!(text.contains("ANSWERS"));
    assert!(text.contains("[TKI:osimertinib]"));
    assert!(text.contains("[EGFR_COMMON]"));
    // The derived facts.
    for fact in [
        "extent: WIDESPREAD",
        "driver class: EGFR_COMMON",
        "biomarker status: DRIVER",
        "PS group: GOOD",
        "prior lines for advanced disease: 1",
        "prior platinum for advanced disease: no",
        "ICI status: ICI_NAIVE",
    ] {
        assert!(text.contains(fact), "{fact} missing:\n{text:.2000}");
    }
    assert!(text.contains("No red flag ticked."));
    // The option with the rule that placed it, its summary, a source title and a deviation.
    let ami = block(&text, "EGFR_AMI_CHEMO");
    assert!(ami[0].ends_with("[LIKELY]"), "{ami:?}");
    let ami = ami.join("\n");
    let r92 = guide_engine::RULES.iter().find(|r| r.id == "R-92").unwrap();
    assert!(
        ami.contains(&format!("R-92 (emit): {}", r92.summary)),
        "{ami}"
    );
    assert!(ami.contains(&source_title("S2b")), "{ami}");
    assert!(ami.contains("D-4 (R-92)"), "{ami}");
    // The facts in words with their keys.
    assert!(ami.contains("[progressed_on=TKI:osimertinib]"), "{ami}");
    assert!(
        ami.contains("osimertinib (Tagrisso) [progressed_on"),
        "{ami}"
    );
    // The card's unverified statements.
    assert!(ami.contains("UNVERIFIED on the card:"), "{ami}");
    // Osimertinib again is NOT, with the rule and its reason.
    let osi = block(&text, "EGFR_OSI").join("\n");
    assert!(osi.contains("[NOT]"), "{osi}");
    assert!(osi.contains("NOT because:"), "{osi}");
    assert!(osi.contains("reason: "), "{osi}");
    // Levels in order, then the notes, the questions and the deviations' texts.
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("{s} missing"));
    assert!(at("LIKELY: ") < at("MAY: ") && at("MAY: ") < at("NOT: "));
    assert!(at("NOT: ") < at("SAFETY NOTES") && at("SAFETY NOTES") < at("QUESTIONS FOR"));
    assert!(text.contains("  N-8: "));
    let devs = &text[at("DEVIATIONS NAMED ABOVE")..];
    assert!(devs.contains("\n  D-4 (R-92"), "{devs}");
}

#[test]
fn a_profile_gives_the_same_explanation_as_its_story_file() {
    let path = story_path(EGFR);
    let from_story = explained(&guide(&["explain", path.to_str().unwrap()], None));
    let profile = story(EGFR)["profile"].to_string();
    let from_stdin = explained(&guide(&["explain", "-"], Some(profile.into_bytes())));
    assert!(!from_stdin.contains("Story:"));
    let without_story: Vec<&str> = from_story
        .lines()
        .filter(|l| !l.starts_with("Story: "))
        .collect();
    assert_eq!(without_story, from_stdin.lines().collect::<Vec<_>>());
}

/// Every option `evaluate` lists is in the explanation at its level, with every rule of its
/// trace, for every story.
#[test]
fn the_explanation_holds_the_whole_trace_of_every_story() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/stories");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        n += 1;
        let s: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let profile = temp_file("story-profile.json", s["profile"].to_string().as_bytes());
        let json = guide(&["evaluate", profile.to_str().unwrap()], None);
        assert!(json.status.success());
        let v: Value = serde_json::from_slice(&json.stdout).unwrap();
        let text = explained(&guide(&["explain", path.to_str().unwrap()], None));
        let name = path.display();
        for o in v["options"].as_array().unwrap() {
            let id = o["id"].as_str().unwrap();
            let b = block(&text, id);
            assert!(!b.is_empty(), "{name}: {id} missing");
            let level = o["level"].as_str().unwrap();
            assert!(b[0].ends_with(&format!("[{level}]")), "{name}: {}", b[0]);
            let b = b.join("\n");
            for key in ["rules", "lowered_by", "not_because", "because"] {
                for r in o[key].as_array().unwrap() {
                    let r = r.as_str().unwrap();
                    assert!(b.contains(r), "{name}: {id} lacks {key} {r}:\n{b}");
                }
            }
        }
        for flag in v["urgent"].as_array().unwrap() {
            let flag = flag.as_str().unwrap();
            assert!(text.contains(&format!("    - {flag} [")), "{name}: {flag}");
        }
        for q in v["questions"].as_array().unwrap() {
            assert!(text.contains(&format!("  {}: ", q.as_str().unwrap())));
        }
    }
    assert!(n >= 50, "{n} stories");
}

#[test]
fn urgent_help_is_named_with_its_level() {
    let path = story_path("33-urgent-cord-compression.json");
    let text = explained(&guide(&["explain", path.to_str().unwrap()], None));
    let urgent: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.starts_with("URGENT HELP"))
        .take_while(|l| !l.is_empty())
        .collect();
    let urgent = urgent.join("\n");
    assert!(
        urgent.contains("    - CORD_COMPRESSION_SIGNS [TEAM_NOW]: "),
        "{urgent}"
    );
    assert!(urgent.contains("\n  TEAM_NOW: "), "{urgent}");
}

/// A refusal: exit 2, nothing on standard output, one line without control characters, short.
fn refused(o: &Output) -> String {
    let err = String::from_utf8(o.stderr.clone()).expect("UTF-8 message");
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        o.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    assert!(!err.contains("panicked"), "{err}");
    let line = err.strip_suffix('\n').expect("ends with a line break");
    assert!(!line.contains('\n'), "one line expected: {err}");
    assert!(!line.chars().any(char::is_control), "{line:?}");
    assert!(line.chars().count() <= 300, "{line:.400}");
    line.to_string()
}

fn explain_stdin(text: &str) -> Output {
    guide(&["explain", "-"], Some(text.as_bytes().to_vec()))
}

#[test]
fn text_that_is_not_json_is_refused() {
    let line = refused(&explain_stdin("histology: NSCLC_NONSQ\n"));
    assert!(line.contains("not valid JSON"), "{line}");
}

#[test]
fn a_key_given_twice_is_refused() {
    let line = refused(&explain_stdin(
        r#"{"version": 1, "histology": "SCLC", "histology": "NSCLC_NONSQ"}"#,
    ));
    assert!(line.contains("histology"), "{line}");
    // Inside a story file too, at either level.
    let line = refused(&explain_stdin(
        r#"{"story": "a", "profile": {"version": 1, "ps": "1", "ps": "3"}}"#,
    ));
    assert!(line.contains("ps"), "{line}");
    let line = refused(&explain_stdin(
        r#"{"story": "a", "story": "b", "profile": {"version": 1}}"#,
    ));
    assert!(line.contains("story"), "{line}");
}

#[test]
fn an_unknown_field_is_refused() {
    let line = refused(&explain_stdin(
        r#"{"version": 1, "histolgy": "NSCLC_NONSQ"}"#,
    ));
    assert!(line.contains("histolgy"), "{line}");
    let line = refused(&explain_stdin(
        r#"{"story": "a", "storry": "b", "profile": {"version": 1}}"#,
    ));
    assert!(line.contains("storry"), "{line}");
    let line = refused(&explain_stdin(
        r#"{"story": "a", "profile": {"version": 1, "sites": ["MOON"]}}"#,
    ));
    assert!(line.contains("sites") && line.contains("MOON"), "{line}");
}

#[test]
fn input_over_1_mb_is_refused() {
    let mut big = br#"{"version": 1, "histology": "NSCLC_NONSQ""#.to_vec();
    big.extend(std::iter::repeat_n(b' ', 1_000_001));
    big.push(b'}');
    let line = refused(&guide(&["explain", "-"], Some(big.clone())));
    assert!(line.contains("1 MB"), "{line}");
    let path = temp_file("big.json", &big);
    let line = refused(&guide(&["explain", path.to_str().unwrap()], None));
    assert!(line.contains("1 MB"), "{line}");
}

#[test]
fn control_characters_in_input_are_escaped_in_the_message() {
    let line = refused(&explain_stdin(
        "{\"version\": 1, \"histology\": \"\\u001b[31mRED\"}",
    ));
    assert!(line.contains("histology"), "{line}");
}

#[test]
fn a_missing_file_or_argument_is_refused() {
    let line = refused(&guide(&["explain", "/nonexistent/profile.json"], None));
    assert!(line.contains("/nonexistent/profile.json"), "{line}");
    let line = refused(&guide(&["explain"], None));
    assert!(line.contains("guide explain"), "{line}");
}
