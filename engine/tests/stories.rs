//! Worked patient stories (`tests/stories/*.json` at the repository root): each names the
//! options that must appear at a level and those that must not be shown.

use std::path::PathBuf;

mod common;

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

/// Each story answered screen by screen from the start, as a person pressing Next would: every
/// question its answers make relevant is shown, no screen more than twice, and the answers given
/// evaluate like the story. Small cell that grew on lurbinectedin (story 72) needs its chemo
/// drugs only once the outcome is known (it grew during treatment): the walk goes back to that
/// question, then on past the screen it came from.
#[test]
fn every_story_walked_from_the_start_shows_each_relevant_question() {
    use guide_engine::{flow, Q};
    let mut total = 0;
    for (name, story) in stories() {
        let full = Profile::from_value(story["profile"].clone()).expect("story profile");
        let (shown, p) = common::walk_screens(&full);
        assert!(shown.len() < 40, "{name}: {shown:?}");
        let f = flow::flow(&p);
        for q in &f.asked {
            assert!(
                shown.contains(&flow::screen_lead(*q)),
                "{name}: {q} never shown: {shown:?}"
            );
        }
        assert_eq!(evaluate(&p), evaluate(&full), "{name}: the walk's answers");
        if name.starts_with("72-") {
            let at = |q: Q| shown.iter().position(|s| *s == q).expect("shown");
            assert_eq!(
                shown[at(Q::Ctfi) - 1..=at(Q::Ctfi)],
                [Q::PriorChemoDrugs, Q::Ctfi],
                "{name}: the chemo drugs come back right after the screen that opened them: {shown:?}"
            );
        }
        total += shown.len();
    }
    println!("screens over all stories (the welcome, review and results aside): {total}");
}
