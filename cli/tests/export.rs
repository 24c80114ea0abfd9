//! `guide export-content FILE`: one Markdown file for clinical review with the content date,
//! the engine version, every option (by ID), every rule (by ID), notes, red flags and sources.

use std::process::Command;

use guide_content::{Content, Lang};
use guide_engine::{OptionId, Symptom, NOTE_IDS, RULES};

#[test]
fn export_content_writes_every_option_and_rule() {
    let dir = std::env::temp_dir().join(format!("guide-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("review.md");
    let out = Command::new(env!("CARGO_BIN_EXE_guide"))
        .args(["export-content", file.to_str().unwrap()])
        .output()
        .expect("guide runs");
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("wrote"));
    let md = std::fs::read_to_string(&file).expect("review file written");
    let c = Content::parse(Lang::En).unwrap();

    assert!(md.starts_with("# Content review"));
    assert!(md.contains(&format!("Content date: **{}**", c.meta.content_date)));
    assert!(md.contains(&format!(
        "Engine version: **{}**",
        guide_engine::ENGINE_VERSION
    )));
    let missing_options: Vec<&str> = OptionId::ALL
        .iter()
        .map(|o| o.id())
        .filter(|id| !md.contains(&format!("### {id}")))
        .collect();
    assert!(
        missing_options.is_empty(),
        "options missing: {missing_options:?}"
    );
    let missing_rules: Vec<&str> = RULES
        .iter()
        .map(|r| r.id)
        .filter(|id| !md.contains(&format!("| {id} |")))
        .collect();
    assert!(missing_rules.is_empty(), "rules missing: {missing_rules:?}");
    for n in NOTE_IDS {
        assert!(md.contains(&format!("**{n}**")), "note {n} missing");
    }
    for s in Symptom::RED_FLAGS {
        assert!(
            md.contains(&format!("**{}**", s.id())),
            "red flag {} missing",
            s.id()
        );
    }
    for id in c.sources.keys() {
        assert!(md.contains(&format!("| {id} |")), "source {id} missing");
    }
    for q in &c.questions {
        assert!(
            md.contains(&format!("### {}: ", q.id)),
            "question {} missing",
            q.id
        );
    }
    for sec in [
        "## Options",
        "## Rules",
        "## Safety notes",
        "## Red flags",
        "## Questions",
        "## Glossary",
        "## Sources",
    ] {
        assert!(md.contains(sec), "{sec} missing");
    }
    // Every rule that places options names at least one of them in the rules table.
    let rules_table = &md[md.find("## Rules").unwrap()..];
    let r90 = rules_table
        .lines()
        .find(|l| l.starts_with("| R-90 |"))
        .unwrap();
    assert!(r90.contains("EGFR_OSI"), "{r90}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn evaluate_output_has_words_for_reasons_notes_and_questions() {
    let out = Command::new(env!("CARGO_BIN_EXE_guide"))
        .args(["evaluate", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child
                .stdin
                .take()
                .unwrap()
                .write_all(br#"{"version":1,"histology":"UNKNOWN"}"#)?;
            child.wait_with_output()
        })
        .expect("guide runs");
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let c = Content::parse(Lang::En).unwrap();
    let pall = v["options"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["id"] == "PALLIATIVE_CARE")
        .unwrap();
    let reason = pall["reasons"][0].as_str().unwrap();
    assert!(reason.starts_with("Shown because "), "{reason}");
    assert!(reason.contains(&c.facts["everyone"]), "{reason}");
    let notes = v["notes_text"].as_array().unwrap();
    assert!(notes
        .iter()
        .any(|n| n["id"] == "N-8" && n["text"] == c.notes["N-8"].text.as_str()));
    let qs = v["questions_text"].as_array().unwrap();
    let hist = qs
        .iter()
        .find(|q| q["id"] == "histology")
        .expect("histology asked");
    assert_eq!(hist["ask"], c.question("histology").unwrap().ask.as_str());
    // REBIOPSY_NGS carries R-12's note in words.
    let rebiopsy = v["options"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["id"] == "REBIOPSY_NGS")
        .unwrap();
    assert_eq!(
        rebiopsy["notes_text"][0],
        c.rules["R-12"].note.clone().unwrap().as_str()
    );
}
