//! Profile reading errors: one line, escaped, cut; typing slips named.

use guide_engine::*;

fn err(text: &str) -> String {
    let e = Profile::from_json(text).expect_err(text).0;
    assert!(!e.contains('\n'), "one line: {e}");
    assert!(
        !e.chars().any(char::is_control),
        "no raw control characters: {e:?}"
    );
    e
}

#[test]
fn a_key_given_twice_is_refused_by_name() {
    let e = err(r#"{"version":2,"version":1}"#);
    assert!(e.contains("duplicate key \"version\""), "{e}");
    let e = err(r#"{"version":1,"histology":"SCLC","ps":"1","histology":"SCLC"}"#);
    assert!(e.contains("duplicate key \"histology\""), "{e}");
    let e = err(r#"{"version":1,"prior_tx_setting":{"SURGERY":"ADJUVANT","SURGERY":"ADVANCED"}}"#);
    assert!(e.contains("duplicate key \"SURGERY\""), "{e}");
    // The same key in two objects is fine.
    Profile::from_json(
        r#"{"version":1,"prior_tx":["SURGERY"],"prior_tx_setting":{"SURGERY":"ADJUVANT"}}"#,
    )
    .unwrap();
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let p = Profile::from_json("\u{feff}{\"version\":1,\"histology\":\"SCLC\"}").unwrap();
    assert_eq!(p.histology, Some(Histology::Sclc));
}

#[test]
fn more_than_a_megabyte_is_refused_unread() {
    let text = format!(
        r#"{{"version":1,"histology":"{}"}}"#,
        "A".repeat(MAX_INPUT_BYTES)
    );
    let e = err(&text);
    assert!(e.contains("larger than 1000000 bytes"), "{e}");
    // Just under the limit is read (and refused for what it says, in a short line).
    let text = format!(
        r#"{{"version":1,"histology":"{}"}}"#,
        "A".repeat(MAX_INPUT_BYTES - 40)
    );
    let e = err(&text);
    assert!(
        e.starts_with("histology: unknown answer \"AAAA") && e.len() < 300,
        "{e}"
    );
}

#[test]
fn input_in_messages_is_escaped_and_cut() {
    let e = err("{\"version\":1,\"\\u001b[31mred\\nline\\u0007\":1}");
    assert!(
        e.starts_with("\"\\u{1b}[31mred\\nline\\u{7}\": unknown field"),
        "{e}"
    );
    assert!(e.len() < 300, "{e}");
    let e = err(&format!("{{\"version\":1,\"{}\":1}}", "k".repeat(100_000)));
    assert!(e.len() < 300, "{}", e.len());
    let e = err(&format!(
        "{{\"version\":1,\"sites\":\"{}\"}}",
        "x\\n".repeat(100_000)
    ));
    assert!(
        e.starts_with("sites: expected a list") && e.len() < 300,
        "{e}"
    );
    let e = err(&format!(
        "{{\"version\":1,\"sites\":[\"{}\"]}}",
        "\\u0000".repeat(1000)
    ));
    assert!(
        e.starts_with("sites: unknown answer \"\\u{0}") && e.len() < 300,
        "{e}"
    );
    let e = err(&format!(
        "{{\"version\":1,\"prior_tx_setting\":[{}1]}}",
        "1,".repeat(100_000)
    ));
    assert!(e.contains("got [1,1,1,") && e.len() < 300, "{e}");
    let e = err(&format!("{{\"version\":\"{}\"}}", "9".repeat(100_000)));
    assert!(e.starts_with("version: \"999") && e.len() < 300, "{e}");
}

#[test]
fn an_unknown_field_suggests_the_nearest_one() {
    let e = err(r#"{"version":1,"histolgy":"SCLC"}"#);
    assert!(
        e.contains("\"histolgy\": unknown field; did you mean \"histology\"?"),
        "{e}"
    );
    let e = err(r#"{"version":1,"biomarker":["ALK"]}"#);
    assert!(e.contains("did you mean \"biomarkers\"?"), "{e}");
    let e = err(r#"{"version":1,"colour":"blue"}"#);
    assert!(
        !e.contains("did you mean") && e.contains("docs/profile.md"),
        "{e}"
    );
}
