//! The CLI and the app cannot disagree: for every story of `tests/stories/`, `guide evaluate`
//! gives the options and levels, urgent help, notes and questions that the app's model gives
//! (the engine's flow of the answers, `guide_engine::flow::flow(..).evaluate()`, which is what
//! `src/lib.rs` evaluates).

use std::process::Command;

use guide_engine::{flow::flow, Profile};

#[test]
fn the_cli_and_the_app_evaluate_every_story_the_same() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/stories");
    let mut stories: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    stories.sort();
    assert!(stories.len() >= 70, "{} stories", stories.len());
    for path in stories {
        let story: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let profile_text = story["profile"].to_string();
        let file = std::env::temp_dir().join(format!(
            "guide-same-as-app-{}.json",
            path.file_stem().unwrap().to_string_lossy()
        ));
        std::fs::write(&file, &profile_text).unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_guide"))
            .args(["evaluate", file.to_str().unwrap()])
            .output()
            .expect("guide runs");
        assert!(out.status.success(), "{}", path.display());
        let cli: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");

        let app = flow(&Profile::from_json(&profile_text).unwrap()).evaluate();
        let app_options: Vec<(String, String)> = app
            .options
            .iter()
            .map(|o| (o.id.id().to_string(), o.level.id().to_string()))
            .collect();
        let cli_options: Vec<(String, String)> = cli["options"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| {
                (
                    o["id"].as_str().unwrap().to_string(),
                    o["level"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        let name = path.file_name().unwrap().to_string_lossy();
        assert_eq!(cli_options, app_options, "{name}: options");
        let strs = |v: &serde_json::Value| -> Vec<String> {
            v.as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_str().unwrap_or_default().to_string())
                .collect()
        };
        let app_urgent: Vec<String> = app.urgent.iter().map(|s| s.id().to_string()).collect();
        assert_eq!(strs(&cli["urgent"]), app_urgent, "{name}: urgent");
        assert_eq!(strs(&cli["notes"]), app.notes, "{name}: notes");
        assert_eq!(strs(&cli["questions"]), app.questions, "{name}: questions");
    }
}
