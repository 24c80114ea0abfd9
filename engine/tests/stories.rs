//! Worked patient stories (`tests/stories/*.json` at the repository root): each names the
//! options that must appear at a level and those that must not be shown.

use std::path::PathBuf;

use guide_engine::{evaluate, OptionId, Profile};
use serde_json::Value;

fn stories() -> Vec<(String, Value)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/stories");
    let mut out: Vec<(String, Value)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|f| f.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("story readable");
            let v: Value =
                serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p.file_name().unwrap().to_string_lossy().into_owned(), v)
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

#[test]
fn at_least_twenty_stories() {
    assert!(stories().len() >= 20);
}

#[test]
fn every_story_holds() {
    let mut failures = Vec::new();
    for (name, story) in stories() {
        let profile = Profile::from_value(story["profile"].clone())
            .unwrap_or_else(|e| panic!("{name}: profile invalid: {e}"));
        let e = evaluate(&profile);
        for (id, want) in story["expect"].as_object().expect("expect object") {
            let o = OptionId::from_id(id).unwrap_or_else(|| panic!("{name}: unknown option {id}"));
            let got = e.level(o).map(|l| l.id()).unwrap_or("-");
            if got != want.as_str().unwrap() {
                failures.push(format!(
                    "{name}: {id} expected {want}, got {got} ({:?})",
                    e.option(o).map(|x| &x.rules)
                ));
            }
        }
        for id in story["must_not_show"]
            .as_array()
            .expect("must_not_show list")
        {
            let id = id.as_str().unwrap();
            let o = OptionId::from_id(id).unwrap_or_else(|| panic!("{name}: unknown option {id}"));
            if e.shown(o) {
                failures.push(format!(
                    "{name}: {id} must not be shown, got {:?}",
                    e.option(o).map(|x| (x.level, &x.rules))
                ));
            }
        }
        let urgent: Vec<&str> = e.urgent.iter().map(|s| s.id()).collect();
        let want: Vec<&str> = story["urgent"]
            .as_array()
            .expect("urgent list")
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        if urgent != want {
            failures.push(format!("{name}: urgent {urgent:?}, expected {want:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "story failures:\n{}",
        failures.join("\n")
    );
}
