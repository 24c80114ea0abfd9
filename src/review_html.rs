//! Review mode's trace (issue 11) as escaped HTML text: the rules that placed an option, the rule
//! sources, the facts behind it, what lowered it or made it `NOT`, and the deviations (D-n) that
//! touched its rules; and the panel of what the engine derived from the answers. Plain strings
//! rather than views: review mode is for a few reviewers, so it should cost the wasm little
//! (README "Size"). Tested natively in `tests/review_html.rs`.

use guide_engine::{Evaluation, OptionResult};

use crate::summary_html::esc;

/// `<p><strong>label: </strong>a, b</p>`, or nothing for an empty list.
fn line(out: &mut String, label: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    out.push_str("<p><strong>");
    out.push_str(&esc(label));
    out.push_str(": </strong>");
    out.push_str(&esc(&items.join(", ")));
    out.push_str("</p>");
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

/// The trace of one option, headed by `title`.
pub fn trace(title: &str, result: &OptionResult) -> String {
    let mut deviations: Vec<String> = Vec::new();
    for r in &result.rules {
        for d in guide_content::deviations::for_rule(r) {
            if !deviations.iter().any(|x| x == d) {
                deviations.push(d.to_string());
            }
        }
    }
    let mut out = String::from("<h4 class=\"card-field-heading\">");
    out.push_str(&esc(title));
    out.push_str("</h4>");
    line(
        &mut out,
        "Option",
        &[format!("{} ({})", result.id.id(), result.level.id())],
    );
    line(&mut out, "Rules", &strings(&result.rules));
    line(&mut out, "Rule sources", &strings(&result.sources));
    line(&mut out, "Because", &result.because);
    line(&mut out, "Lowered by", &strings(&result.lowered_by));
    line(&mut out, "Not because", &strings(&result.not_because));
    line(&mut out, "Rule notes", &strings(&result.notes));
    line(&mut out, "Deviations", &deviations);
    out
}

/// What the engine derived from the answers, as a table.
pub fn panel(eval: &Evaluation) -> String {
    let d = &eval.derived;
    let rows = [
        ("extent", d.extent.to_owned()),
        ("driver_class", d.driver_class.unwrap_or("-").to_owned()),
        ("biomarker_status", d.biomarker_status.to_owned()),
        ("ps_group", d.ps_group.to_owned()),
        ("prior_lines", d.prior_lines.to_string()),
        (
            "prior_platinum_advanced",
            d.prior_platinum_advanced.to_string(),
        ),
        ("ici_status", d.ici_status.to_owned()),
        (guide_engine::Q::Ctfi.id(), d.ctfi.unwrap_or("-").to_owned()),
        (
            "urgent",
            strings(
                &eval
                    .urgent_levels
                    .iter()
                    .map(|l| l.id())
                    .collect::<Vec<_>>(),
            )
            .join(", "),
        ),
        ("questions", eval.questions.join(", ")),
        ("notes", eval.notes.join(", ")),
    ];
    let mut out = String::from("<table class=\"review-derived\"><tbody>");
    for (k, v) in rows {
        out.push_str("<tr><th scope=\"row\"><code>");
        out.push_str(k);
        out.push_str("</code></th><td>");
        out.push_str(&esc(&v));
        out.push_str("</td></tr>");
    }
    out.push_str("</tbody></table>");
    out
}
