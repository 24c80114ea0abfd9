//! `guide explain`: the trace of `guide evaluate` as readable text, rule by rule, for a
//! clinician reviewing a result without a browser (issue 11, review mode; `docs/review.md`).
//!
//! The same engine output as the JSON, in this order: the answers in words, the derived facts,
//! urgent help, then each option by level (LIKELY, MAY, NOT; catalogue order inside a level,
//! never a ranking) with the rules that placed it (summary and sources), the facts behind it,
//! what lowered it or made it NOT, the deviations (D-n) that touched its rules and the card's
//! unverified statements; then the safety notes, the questions for the care team and the text of
//! every deviation named. IDs are the clinical reference's, verbatim.

use std::fmt::Write as _;

use guide_content::render as words;
use guide_content::{deviations, Content, Lang};
use guide_engine::json::duplicate_key;
use guide_engine::{Evaluation, Level, OptionResult, Profile, RuleKind, RuleMeta, Q, RULES};
use serde_json::Value;

/// `docs/clinical-deviations.md`, read at build time: the text of each deviation named.
const DEVIATIONS_MD: &str = include_str!("../../docs/clinical-deviations.md");

/// The keys of a story file (`tests/stories/*.json`) besides its `profile`.
const STORY_KEYS: &[&str] = &["story", "profile", "expect", "must_not_show", "urgent"];

/// What `guide explain` reads: a profile, or a story file with the profile inside.
pub struct Input {
    pub profile: Profile,
    /// The story's one-line description, for a story file.
    pub story: Option<String>,
}

/// Reads a profile (as `guide evaluate` does: `Profile::from_json`) or a story file
/// (`{"story": …, "profile": {…}, …}`: the same checks on the whole text, then the profile).
pub fn read(text: &str) -> Result<Input, String> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    // A story file is an object with a `profile` object and no `version` of its own.
    let story = serde_json::from_str::<Value>(body)
        .ok()
        .and_then(|v| match v {
            Value::Object(o)
                if !o.contains_key("version") && o.get("profile").is_some_and(Value::is_object) =>
            {
                Some(o)
            }
            _ => None,
        });
    let Some(mut obj) = story else {
        let profile = Profile::from_json(text).map_err(|e| e.to_string())?;
        return Ok(Input {
            profile,
            story: None,
        });
    };
    if let Some(d) = duplicate_key(body) {
        return Err(format!("story: {d}"));
    }
    if let Some(k) = obj.keys().find(|k| !STORY_KEYS.contains(&k.as_str())) {
        return Err(format!(
            "story: unknown field {}; allowed: {}",
            guide_engine::json::quote(k),
            STORY_KEYS.join(", ")
        ));
    }
    let profile = obj.remove("profile").unwrap_or(Value::Null);
    let profile = Profile::from_value(profile).map_err(|e| format!("profile: {e}"))?;
    let story = obj
        .get("story")
        .and_then(Value::as_str)
        .map(guide_engine::json::escape_controls);
    Ok(Input { profile, story })
}

fn kind(k: RuleKind) -> &'static str {
    match k {
        RuleKind::Urgent => "urgent",
        RuleKind::Emit => "emit",
        RuleKind::Exclusion => "exclusion [X]",
        RuleKind::Override => "override [OVR]",
        RuleKind::Modifier => "modifier",
        RuleKind::Performance => "performance status",
        RuleKind::Result => "reads the result",
        RuleKind::Pointer => "pointer",
    }
}

fn meta(rule: &str) -> Option<&'static RuleMeta> {
    RULES.iter().find(|m| m.id == rule)
}

/// "S2b: Title (Publisher, 2024)", or the parts of a group ID, or a warning if missing.
fn source(c: &Content, id: &str) -> String {
    if let Some(s) = c.sources.get(id) {
        let year = s
            .year
            .map(|y| y.to_string())
            .unwrap_or_else(|| s.date.clone());
        return if s.patient_facing() {
            format!("{id}: {} ({}, {year})", s.title, s.publisher)
        } else {
            format!("{id}: {}", s.title)
        };
    }
    let parts: Vec<&str> = c
        .sources
        .keys()
        .filter(|k| {
            k.strip_prefix(id)
                .is_some_and(|r| !r.is_empty() && r.chars().all(|ch| ch.is_ascii_lowercase()))
        })
        .map(String::as_str)
        .collect();
    if parts.is_empty() {
        format!("{id}: MISSING from sources.json")
    } else {
        format!("{id}: group of {}", parts.join(", "))
    }
}

/// The words of an answer ID of a question: its label, else the ID.
fn answer(c: &Content, q: &str, a: &str) -> String {
    match c.answer(q, a) {
        Some(x) => format!("{} [{a}]", x.label),
        None => format!("[{a}]"),
    }
}

fn answer_values(c: &Content, q: &str, v: &Value) -> Vec<String> {
    match v {
        Value::String(a) => vec![answer(c, q, a)],
        Value::Array(xs) => xs
            .iter()
            .filter_map(Value::as_str)
            .map(|a| answer(c, q, a))
            .collect(),
        Value::Object(m) => m
            .iter()
            .map(|(drug, s)| {
                let setting = s.as_str().unwrap_or("?");
                format!(
                    "{}: {}",
                    answer(c, Q::PriorTx.id(), drug),
                    answer(c, q, setting)
                )
            })
            .collect(),
        other => vec![other.to_string()],
    }
}

/// The phrase of a derived fact's key in `facts.json`, in brackets, if there is one.
fn phrase(c: &Content, key: &str) -> String {
    c.facts
        .get(key)
        .map(|p| format!(" ({p})"))
        .unwrap_or_default()
}

fn derived(c: &Content, e: &Evaluation, w: &mut String) {
    let d = &e.derived;
    let lower = |s: &str| s.to_ascii_lowercase();
    let _ = writeln!(w, "DERIVED FACTS (§1, §3.0)");
    let _ = writeln!(
        w,
        "  extent: {}{}",
        d.extent,
        phrase(c, &format!("extent_{}", lower(d.extent)))
    );
    let driver = match d.driver_class {
        Some(x) => match c.answer(Q::Biomarkers.id(), x) {
            Some(a) => format!("{x} ({})", a.label),
            None => x.to_string(),
        },
        None => "none (no driver, or not non-small cell)".into(),
    };
    let _ = writeln!(w, "  driver class: {driver}");
    let status_key = match d.biomarker_status {
        "DRIVER" => "driver_found",
        "NONE_FOUND" => "no_driver_found",
        "NOT_TESTED" => "biomarkers_not_tested",
        _ => "biomarkers_unknown",
    };
    let _ = writeln!(
        w,
        "  biomarker status: {}{}",
        d.biomarker_status,
        phrase(c, status_key)
    );
    let ps_key = match d.ps_group {
        "UNK" => "ps_unknown".to_string(),
        g => format!("ps_{}", lower(g)),
    };
    let _ = writeln!(w, "  PS group: {}{}", d.ps_group, phrase(c, &ps_key));
    let _ = writeln!(
        w,
        "  prior lines for advanced disease: {}{}",
        d.prior_lines,
        phrase(
            c,
            if d.prior_lines == 0 {
                "no_prior_lines"
            } else {
                "prior_lines"
            }
        )
    );
    let _ = writeln!(
        w,
        "  prior platinum for advanced disease: {}{}",
        if d.prior_platinum_advanced {
            "yes"
        } else {
            "no"
        },
        phrase(
            c,
            if d.prior_platinum_advanced {
                "prior_platinum_advanced"
            } else {
                "no_prior_platinum_advanced"
            }
        )
    );
    let ici_key = match d.ici_status {
        "ICI_NAIVE" => "no_prior_ici",
        "ICI_REFRACTORY" => "ici_refractory",
        "ICI_REMOTE" => "ici_remote",
        "ICI_INTERMEDIATE" => "ici_intermediate",
        _ => "",
    };
    let _ = writeln!(w, "  ICI status: {}{}", d.ici_status, phrase(c, ici_key));
    match d.ctfi {
        Some(x) => {
            let _ = writeln!(
                w,
                "  CTFI (time from last platinum): {x}{}",
                phrase(c, &format!("ctfi_{}", lower(x)))
            );
        }
        None => {
            let _ = writeln!(w, "  CTFI: not derived (small cell only)");
        }
    }
    let _ = writeln!(w);
}

fn urgent(c: &Content, e: &Evaluation, w: &mut String) {
    let _ = writeln!(w, "URGENT HELP (§4, R-00)");
    if e.urgent.is_empty() {
        let _ = writeln!(w, "  No red flag ticked.\n");
        return;
    }
    for l in &e.urgent_levels {
        let t = c.red_flags.level(*l);
        let _ = writeln!(w, "  {}: {}. {}", l.id(), t.title, t.action);
        for s in e.urgent.iter().filter(|s| s.urgent_level() == Some(*l)) {
            let label = c
                .red_flags
                .flags
                .get(s.id())
                .map(|f| f.label.as_str())
                .unwrap_or("");
            let _ = writeln!(w, "    - {} [{}]: {label}", s.id(), l.id());
        }
    }
    let _ = writeln!(w);
}

fn level_heading(l: Level) -> &'static str {
    match l {
        Level::Likely => "LIKELY: likely to be discussed",
        Level::May => "MAY: may be considered",
        Level::Not => "NOT: usually not used",
    }
}

fn rule_line(c: &Content, w: &mut String, rule: &str, indent: &str) {
    match meta(rule) {
        Some(m) => {
            let _ = writeln!(w, "{indent}{} ({}): {}", m.id, kind(m.kind), m.summary);
            for s in m.sources {
                let _ = writeln!(w, "{indent}    source {}", source(c, s));
            }
        }
        None => {
            let _ = writeln!(w, "{indent}{rule}: not in the rule catalogue");
        }
    }
}

/// Every rule of the option's trace, each once: placing rules, modifiers, NOT reasons.
fn trace_rules(o: &OptionResult) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for r in o
        .rules
        .iter()
        .chain(o.lowered_by.iter())
        .chain(o.not_because.iter())
    {
        if !out.contains(r) {
            out.push(r);
        }
    }
    out
}

fn option(c: &Content, o: &OptionResult, w: &mut String, named: &mut Vec<&'static str>) {
    let id = o.id.id();
    let name = c.option(id).map(|k| k.name.as_str()).unwrap_or("(no card)");
    let _ = writeln!(w, "  {id}: {name} [{}]", o.level.id());
    let placing: Vec<&str> = o
        .rules
        .iter()
        .copied()
        .filter(|r| !o.lowered_by.contains(r) && !o.not_because.contains(r))
        .collect();
    let _ = writeln!(w, "    Placed by:");
    for r in &placing {
        rule_line(c, w, r, "      ");
    }
    if placing.is_empty() {
        let _ = writeln!(w, "      (only the rules below)");
    }
    let _ = writeln!(w, "    Because (answers and derived facts):");
    if o.because.is_empty() {
        let _ = writeln!(w, "      (none recorded)");
    }
    for f in &o.because {
        match words::fact_text(c, f) {
            Some(t) => {
                let _ = writeln!(w, "      - {t} [{f}]");
            }
            None => {
                let _ = writeln!(w, "      - [{f}]");
            }
        }
    }
    let reasons = words::reasons(c, o);
    let _ = writeln!(w, "    Patient sees: {}", reasons.join(" "));
    for r in &o.lowered_by {
        let _ = writeln!(w, "    Lowered by:");
        rule_line(c, w, r, "      ");
        if let Some(t) = c.rules.get(*r).and_then(|t| t.lowered.as_deref()) {
            let _ = writeln!(w, "      text: {t}");
        }
    }
    for r in &o.not_because {
        let _ = writeln!(w, "    NOT because:");
        rule_line(c, w, r, "      ");
        if let Some(t) = c.rules.get(*r).and_then(|t| t.not_reason.as_deref()) {
            let _ = writeln!(w, "      reason: {t}");
        }
    }
    for (t, unverified) in words::option_notes_flagged(c, o) {
        let flag = if unverified { " [UNVERIFIED]" } else { "" };
        let _ = writeln!(w, "    Note: {t}{flag}");
    }
    let mut devs: Vec<String> = Vec::new();
    for r in trace_rules(o) {
        for d in deviations::for_rule(r) {
            devs.push(format!("{d} ({r})"));
            if !named.contains(&d) {
                named.push(d);
            }
        }
    }
    if !devs.is_empty() {
        let _ = writeln!(w, "    Deviations: {}", devs.join(", "));
    }
    if let Some(k) = c.option(id).filter(|k| !k.unverified.is_empty()) {
        let _ = writeln!(
            w,
            "    UNVERIFIED on the card: {}",
            k.unverified.join(" | ")
        );
    }
    let _ = writeln!(w);
}

/// A deviation of `docs/clinical-deviations.md`: its rule cell and what the engine does (the
/// "What the engine does" column, "New" in the revisions table, "Decision and why" for a
/// proposal decided against), found by the header of the table the row is in.
fn deviation_text(id: &str) -> Option<(String, String)> {
    let mut header: Vec<&str> = Vec::new();
    for line in DEVIATIONS_MD.lines() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        if cells.get(1) == Some(&"ID") {
            header = cells;
            continue;
        }
        if cells.get(1) != Some(&id) {
            continue;
        }
        let col = |names: &[&str]| header.iter().position(|h| names.contains(h));
        let rule = col(&["Rule"]).and_then(|i| cells.get(i)).unwrap_or(&"");
        let what = col(&["What the engine does", "New"])
            .and_then(|i| cells.get(i))
            .map(|t| t.to_string())
            .or_else(|| {
                col(&["Decision and why"])
                    .and_then(|i| cells.get(i))
                    .map(|t| format!("decided against: {t}"))
            })
            .unwrap_or_default();
        return Some((rule.to_string(), what));
    }
    None
}

/// The whole explanation of one evaluation.
pub fn text(input: &Input, e: &Evaluation) -> String {
    let c = Content::get(Lang::En);
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(
        w,
        "GUIDE EXPLAIN: how the guide placed each option (engine {}, content date {})",
        guide_engine::ENGINE_VERSION,
        c.meta.content_date
    );
    let _ = writeln!(
        w,
        "IDs are the clinical reference's (R-n rules, S-n sources, N-n notes, D-n deviations in docs/clinical-deviations.md). Not a ranking."
    );
    if let Some(s) = &input.story {
        let _ = writeln!(w, "Story: {s}");
    }
    let _ = writeln!(w);

    // Answers.
    let _ = writeln!(w, "ANSWERS (§1)");
    let profile = serde_json::to_value(&input.profile).unwrap_or(Value::Null);
    let obj = profile.as_object().cloned().unwrap_or_default();
    let mut any = false;
    for q in &c.questions {
        if let Some(v) = obj.get(&q.id) {
            any = true;
            let _ = writeln!(
                w,
                "  {} ({}): {}",
                q.id,
                q.text,
                answer_values(c, &q.id, v).join("; ")
            );
        }
    }
    for (k, v) in obj
        .iter()
        .filter(|(k, _)| k.as_str() != "version" && !c.questions.iter().any(|q| &q.id == *k))
    {
        any = true;
        let _ = writeln!(w, "  {k}: {}", answer_values(c, k, v).join("; "));
    }
    if !any {
        let _ = writeln!(w, "  (nothing answered)");
    }
    let _ = writeln!(w);

    derived(c, e, w);
    urgent(c, e, w);

    // Options.
    let count = |l: Level| e.options.iter().filter(|o| o.level == l).count();
    let _ = writeln!(
        w,
        "OPTIONS (§2, resolved by §3.0): {} likely, {} may, {} not; catalogue order inside a level",
        count(Level::Likely),
        count(Level::May),
        count(Level::Not)
    );
    let _ = writeln!(w);
    let mut named: Vec<&'static str> = Vec::new();
    for l in [Level::Likely, Level::May, Level::Not] {
        let _ = writeln!(w, "{}", level_heading(l));
        let mut any = false;
        for o in e.options.iter().filter(|o| o.level == l) {
            any = true;
            option(c, o, w, &mut named);
        }
        if !any {
            let _ = writeln!(w, "  (none)\n");
        }
    }

    // Safety notes and questions.
    let _ = writeln!(w, "SAFETY NOTES (§3.13)");
    if e.notes.is_empty() {
        let _ = writeln!(w, "  (none)");
    }
    for n in &e.notes {
        let _ = writeln!(w, "  {n}: {}", words::note_text(c, n));
    }
    let _ = writeln!(w);
    let _ = writeln!(
        w,
        "QUESTIONS FOR THE CARE TEAM (unknown answers that change the result)"
    );
    if e.questions.is_empty() {
        let _ = writeln!(w, "  (none)");
    }
    for q in &e.questions {
        let _ = writeln!(w, "  {q}: {}", words::question_to_ask(c, q));
    }

    // Deviations named.
    if !named.is_empty() {
        let _ = writeln!(w);
        let _ = writeln!(w, "DEVIATIONS NAMED ABOVE (docs/clinical-deviations.md)");
        for d in named {
            match deviation_text(d) {
                Some((rule, what)) => {
                    let _ = writeln!(w, "  {d} ({rule}): {what}");
                }
                None => {
                    let _ = writeln!(w, "  {d}");
                }
            }
        }
    }
    out.truncate(out.trim_end().len());
    out
}
