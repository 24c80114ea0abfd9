//! The reviewers' command line: good profiles print the result as JSON; every kind of bad input
//! exits non-zero with one line naming the field, and never panics.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn guide(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_guide"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("guide runs");
    if let Some(text) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
    } else {
        drop(child.stdin.take());
    }
    child.wait_with_output().expect("guide finishes")
}

fn evaluate_stdin(profile: &str) -> Output {
    guide(&["evaluate", "-"], Some(profile))
}

fn stderr_line(o: &Output) -> String {
    let err = String::from_utf8_lossy(&o.stderr).to_string();
    assert!(!err.contains("panicked"), "panic: {err}");
    assert_eq!(err.trim().lines().count(), 1, "one line expected: {err}");
    err
}

#[test]
fn evaluates_a_story_file() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/stories/02-egfr-grew-on-osimertinib.json"
    );
    let story: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let file = std::env::temp_dir().join("guide-cli-test-profile.json");
    std::fs::write(&file, story["profile"].to_string()).unwrap();
    let out = guide(&["evaluate", file.to_str().unwrap()], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    let options = v["options"].as_array().unwrap();
    let ami = options
        .iter()
        .find(|o| o["id"] == "EGFR_AMI_CHEMO")
        .expect("EGFR_AMI_CHEMO listed");
    assert_eq!(ami["level"], "LIKELY");
    assert!(ami["rules"].as_array().unwrap().iter().any(|r| r == "R-92"));
    assert!(ami["sources"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s == "S2b"));
    let reasons = ami["reasons"].as_array().unwrap();
    assert!(
        !reasons.is_empty()
            && reasons
                .iter()
                .all(|r| r.as_str().is_some_and(|s| !s.is_empty()))
    );
    assert!(v["urgent"].as_array().unwrap().is_empty());
    assert!(v["notes"].as_array().unwrap().iter().any(|n| n == "N-8"));
    assert!(v["questions"].is_array());
}

#[test]
fn reads_standard_input_and_reports_urgent_first() {
    let out = evaluate_stdin(
        r#"{"version":1,"histology":"SCLC","symptoms":["SVC_SIGNS","FEVER_ON_CHEMO"]}"#,
    );
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v["urgent"],
        serde_json::json!(["SVC_SIGNS", "FEVER_ON_CHEMO"])
    );
}

#[test]
fn bad_json_is_one_clear_line() {
    let out = evaluate_stdin("{not json");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr_line(&out).contains("not valid JSON"));
}

#[test]
fn unknown_key_names_the_field_and_the_allowed_ones() {
    let out = evaluate_stdin(r#"{"version":1,"histolgy":"SCLC"}"#);
    assert_eq!(out.status.code(), Some(2));
    let e = stderr_line(&out);
    assert!(e.contains("histolgy") && e.contains("histology"), "{e}");
}

#[test]
fn unknown_answer_names_the_field_and_the_allowed_values() {
    let out = evaluate_stdin(r#"{"version":1,"histology":"ADENO"}"#);
    assert_eq!(out.status.code(), Some(2));
    let e = stderr_line(&out);
    assert!(
        e.contains("histology")
            && e.contains("ADENO")
            && e.contains("NSCLC_NONSQ")
            && e.contains("SCLC_TRANSFORMED"),
        "{e}"
    );
}

#[test]
fn unknown_answer_in_a_list_names_the_field() {
    let out = evaluate_stdin(r#"{"version":1,"biomarkers":["EGFR_COMMON","EGFR_X"]}"#);
    assert_eq!(out.status.code(), Some(2));
    let e = stderr_line(&out);
    assert!(
        e.contains("biomarkers") && e.contains("EGFR_X") && e.contains("KRAS_G12C"),
        "{e}"
    );
}

#[test]
fn unknown_drug_names_the_allowed_drugs() {
    let out = evaluate_stdin(r#"{"version":1,"prior_tx":["TKI:aspirin"]}"#);
    assert_eq!(out.status.code(), Some(2));
    let e = stderr_line(&out);
    assert!(e.contains("prior_tx") && e.contains("osimertinib"), "{e}");
}

#[test]
fn wrong_types_name_the_field() {
    for (profile, field) in [
        (r#"{"version":1,"sites":"LOCAL"}"#, "sites"),
        (r#"{"version":1,"histology":["SCLC"]}"#, "histology"),
        (r#"{"version":1,"ps":true}"#, "ps"),
        (
            r#"{"version":1,"prior_tx_setting":["ADJUVANT"]}"#,
            "prior_tx_setting",
        ),
        (r#"[1,2]"#, "profile"),
    ] {
        let out = evaluate_stdin(profile);
        assert_eq!(out.status.code(), Some(2), "{profile}");
        let e = stderr_line(&out);
        assert!(e.contains(field), "{profile}: {e}");
    }
}

#[test]
fn numbers_are_read_as_answer_ids() {
    let out = evaluate_stdin(r#"{"version":1,"histology":"NSCLC_SQ","ps":3}"#);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn future_and_missing_versions_are_refused() {
    let out = evaluate_stdin(r#"{"version":2,"histology":"SCLC"}"#);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr_line(&out).contains("version: 2 is newer"));
    let out = evaluate_stdin(r#"{"histology":"SCLC"}"#);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr_line(&out).contains("version"));
}

#[test]
fn missing_file_and_bad_usage_fail_cleanly() {
    let out = guide(&["evaluate", "/nonexistent/profile.json"], None);
    assert_eq!(out.status.code(), Some(2));
    stderr_line(&out);
    let out = guide(&["frobnicate"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr_line(&out).contains("usage"));
}
