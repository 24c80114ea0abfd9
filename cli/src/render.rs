//! Turns an evaluation into the reviewers' JSON, with plain-language reasons from the content.

use guide_engine::{Evaluation, Level};
use serde_json::{json, Value};

pub fn evaluation_json(e: &Evaluation) -> String {
    let options: Vec<Value> = e
        .options
        .iter()
        .map(|o| {
            json!({
                "id": o.id,
                "level": o.level,
                "rules": o.rules,
                "sources": o.sources,
                "reasons": reasons(o),
                "because": o.because,
                "lowered_by": o.lowered_by,
                "notes": o.notes,
            })
        })
        .collect();
    let out = json!({
        "urgent": e.urgent,
        "options": options,
        "notes": e.notes,
        "questions": e.questions,
        "derived": e.derived,
        "engine_version": guide_engine::ENGINE_VERSION,
    });
    serde_json::to_string_pretty(&out).expect("JSON")
}

/// Placeholder until the content crate renders reasons: the fact keys themselves.
fn reasons(o: &guide_engine::OptionResult) -> Vec<String> {
    if o.level == Level::Not {
        o.not_because
            .iter()
            .map(|r| format!("Usually not used ({r})"))
            .collect()
    } else {
        vec![format!("Shown because of: {}", o.because.join(", "))]
    }
}

pub fn content_markdown() -> String {
    String::from("# Content export\n")
}
