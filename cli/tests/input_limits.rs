//! Input that could hurt (issue 12): more than 1 MB is refused without being read whole, a key
//! given twice is refused by name, control characters never reach the terminal raw, a UTF-8
//! byte-order mark is accepted and a UTF-16 one is named. Every refusal is one short line.
//! Peak memory for huge inputs: `scripts/cli-memory.sh` (a documented command, not a test).

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// The longest line a refusal of these inputs may be (the engine cuts quoted input to 40
/// characters).
const SHORT: usize = 300;

fn guide_evaluate(arg: &str, stdin: Option<Vec<u8>>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_guide"))
        .args(["evaluate", arg])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("guide runs");
    let mut pipe = child.stdin.take().unwrap();
    // The guide stops reading after 1 MB and one byte, so writing the rest may fail with a
    // closed pipe: expected, not an error of the test.
    let writer = std::thread::spawn(move || {
        if let Some(bytes) = stdin {
            let _ = pipe.write_all(&bytes);
        }
    });
    let out = child.wait_with_output().expect("guide finishes");
    writer.join().unwrap();
    out
}

fn stdin(bytes: impl Into<Vec<u8>>) -> Output {
    guide_evaluate("-", Some(bytes.into()))
}

fn file(name: &str, bytes: &[u8]) -> Output {
    let dir = std::env::temp_dir().join(format!("guide-cli-limits-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    let out = guide_evaluate(path.to_str().unwrap(), None);
    let _ = std::fs::remove_file(&path);
    out
}

/// The refusal: status 2, one line without control characters, at most [`SHORT`] characters.
fn refusal(o: &Output) -> String {
    let err = String::from_utf8(o.stderr.clone()).expect("UTF-8 message");
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(o.stdout.is_empty());
    let line = err.strip_suffix('\n').expect("ends with a line break");
    assert!(
        !line.chars().any(char::is_control),
        "raw control characters: {line:?}"
    );
    assert!(
        line.chars().count() <= SHORT,
        "{} characters: {line:.400}",
        line.chars().count()
    );
    assert!(
        line.starts_with("error: ") && !line.contains("panicked"),
        "{line}"
    );
    line.to_owned()
}

fn ok(o: &Output) -> serde_json::Value {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).expect("JSON result")
}

fn big_value() -> Vec<u8> {
    format!(r#"{{"version":1,"histology":"{}"}}"#, "A".repeat(20 << 20)).into_bytes()
}

fn big_array() -> Vec<u8> {
    let mut s = String::from(r#"{"version":1,"sites":["#);
    s.push_str(&"0,".repeat(8 << 20));
    s.push_str("0]}");
    s.into_bytes()
}

#[test]
fn more_than_a_megabyte_is_refused_in_one_short_line() {
    for (what, bytes) in [
        ("20 MB string value", big_value()),
        ("16 MB array", big_array()),
    ] {
        assert!(bytes.len() > 16 << 20, "{what}");
        for out in [stdin(bytes.clone()), file("big.json", &bytes)] {
            let e = refusal(&out);
            assert!(
                e.contains("larger than 1 MB (1000000 bytes)"),
                "{what}: {e}"
            );
        }
    }
}

#[test]
fn the_limit_is_one_megabyte_exactly() {
    // 1,000,000 bytes are read (and refused for what they say); one more byte is not read.
    let padded = |len: usize| {
        let head = r#"{"version":1,"histology":""#;
        let mut s = String::from(head);
        s.push_str(&"A".repeat(len - head.len() - 2));
        s.push_str("\"}");
        assert_eq!(s.len(), len);
        s
    };
    for out in [
        stdin(padded(1_000_000)),
        file("limit.json", padded(1_000_000).as_bytes()),
    ] {
        let e = refusal(&out);
        assert!(e.contains("histology: unknown answer \"AAAA"), "{e}");
    }
    for out in [
        stdin(padded(1_000_001)),
        file("over.json", padded(1_000_001).as_bytes()),
    ] {
        assert!(refusal(&out).contains("larger than 1 MB"));
    }
}

#[test]
fn a_key_given_twice_is_refused_by_name() {
    let e = refusal(&stdin(r#"{"version":2,"version":1}"#));
    assert!(e.contains("duplicate key \"version\""), "{e}");
    let e = refusal(&file(
        "dup.json",
        br#"{"version":1,"prior_tx":["SURGERY"],"prior_tx_setting":{"SURGERY":"ADJUVANT","SURGERY":"ADVANCED"}}"#,
    ));
    assert!(e.contains("duplicate key \"SURGERY\""), "{e}");
    // The last one does not win quietly, whichever comes last.
    let e = refusal(&stdin(
        r#"{"version":1,"histology":"SCLC","histology":"NSCLC_SQ"}"#,
    ));
    assert!(e.contains("duplicate key \"histology\""), "{e}");
}

#[test]
fn control_characters_never_reach_the_terminal() {
    // Escaped in the JSON (ANSI colour, a line break, a bell in a key), and raw where JSON
    // allows them (DEL, the C1 control CSI, a right-to-left override).
    let e = refusal(&stdin(
        "{\"version\":1,\"\\u001b[31mred\\nsecond line\\u0007\":1}",
    ));
    assert!(
        e.contains("\"\\u{1b}[31mred\\nsecond line\\u{7}\": unknown field"),
        "{e}"
    );
    let e = refusal(&stdin("{\"version\":1,\"a\u{7f}\u{9b}2J\u{202e}b\":1}"));
    assert!(e.contains("\\u{7f}\\u{9b}2J\\u{202e}b"), "{e}");
    let e = refusal(&stdin(
        "{\"version\":1,\"histology\":\"\\u001b]0;title\\u0007\"}",
    ));
    assert!(
        e.contains("unknown answer \"\\u{1b}]0;title\\u{7}\""),
        "{e}"
    );
    // Raw control characters in a string are not JSON: refused without echoing them.
    let e = refusal(&stdin("{\"version\":1,\"a\u{1b}\nb\":1}"));
    assert!(e.contains("not valid JSON"), "{e}");
    // A long key is cut.
    let e = refusal(&stdin(format!(
        "{{\"version\":1,\"{}\":1}}",
        "\\u0001".repeat(100_000)
    )));
    assert!(e.contains("unknown field"), "{e}");
    // And the file name given on the command line.
    let e = refusal(&guide_evaluate("/nonexistent/a\u{1b}[2J\nb.json", None));
    assert!(e.contains("a\\u{1b}[2J\\nb.json"), "{e}");
}

#[test]
fn a_utf8_byte_order_mark_is_accepted_and_utf16_is_named() {
    let profile = r#"{"version":1,"histology":"SCLC","symptoms":["SVC_SIGNS"]}"#;
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), profile.as_bytes()].concat();
    for out in [stdin(with_bom.clone()), file("bom.json", &with_bom)] {
        assert_eq!(ok(&out)["urgent"], serde_json::json!(["SVC_SIGNS"]));
    }
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(profile.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let e = refusal(&stdin(utf16));
    assert!(e.contains("UTF-16") && e.contains("FF FE"), "{e}");
    let e = refusal(&stdin(b"{\"version\":1,\"histology\":\"\xE9\"}".to_vec()));
    assert!(e.contains("not UTF-8"), "{e}");
}
