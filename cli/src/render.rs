//! Turns an evaluation into the reviewers' JSON, with plain-language reasons from the content,
//! and writes the whole content bundle as one Markdown file for clinical review.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use guide_content::readability::{patient_texts, score};
use guide_content::render as words;
use guide_content::{option_file, sample, Content, Lang};
use guide_engine::{Evaluation, Level, OptionId, RuleKind, RULES};
use serde_json::{json, Value};

pub fn evaluation_json(e: &Evaluation) -> String {
    let c = Content::get(Lang::En);
    let options: Vec<Value> = e
        .options
        .iter()
        .map(|o| {
            json!({
                "id": o.id,
                "level": o.level,
                "rules": o.rules,
                "sources": o.sources,
                "reasons": words::reasons(c, o),
                "because": o.because,
                "lowered_by": o.lowered_by,
                "not_because": o.not_because,
                "notes": o.notes,
                "notes_text": words::option_notes(c, o),
            })
        })
        .collect();
    let questions_text: Vec<Value> = e
        .questions
        .iter()
        .map(|q| json!({"id": q, "ask": words::question_to_ask(c, q)}))
        .collect();
    let notes_text: Vec<Value> = e
        .notes
        .iter()
        .map(|n| json!({"id": n, "text": words::note_text(c, n)}))
        .collect();
    let out = json!({
        "urgent": e.urgent,
        "urgent_levels": e.urgent_levels,
        "options": options,
        "notes": e.notes,
        "notes_text": notes_text,
        "questions": e.questions,
        "questions_text": questions_text,
        "derived": e.derived,
        "engine_version": guide_engine::ENGINE_VERSION,
        "content_date": c.meta.content_date,
    });
    serde_json::to_string_pretty(&out).expect("JSON")
}

/// How many generated profiles the export evaluates to find which rules place each option.
const PROFILES: usize = 20_000;
const SEED: u64 = 11;

/// Escapes text for a Markdown table cell.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

fn flag(unverified: bool) -> &'static str {
    if unverified {
        " **[UNVERIFIED]**"
    } else {
        ""
    }
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

fn levels(ls: &BTreeSet<Level>) -> String {
    ls.iter()
        .rev()
        .map(|l| l.id())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Which rules took part in placing each option (option → rule → levels seen), over the
/// generated profiles, plus the number of profiles evaluated.
fn rules_by_option() -> (
    BTreeMap<OptionId, BTreeMap<&'static str, BTreeSet<Level>>>,
    usize,
) {
    let mut m: BTreeMap<OptionId, BTreeMap<&'static str, BTreeSet<Level>>> = BTreeMap::new();
    let profiles = sample::profiles(PROFILES, SEED);
    for p in &profiles {
        let e = guide_engine::evaluate(p);
        for o in &e.options {
            let by_rule = m.entry(o.id).or_default();
            for r in o.rules.iter().chain(o.not_because.iter()) {
                by_rule.entry(*r).or_default().insert(o.level);
            }
        }
    }
    (m, profiles.len())
}

fn source_line(c: &Content, id: &str) -> String {
    match c.sources.get(id) {
        Some(s) => format!("{id}: {} ({}, {})", s.title, s.publisher, s.date),
        None => {
            let group: Vec<&String> = c
                .sources
                .keys()
                .filter(|k| {
                    k.strip_prefix(id).is_some_and(|r| {
                        !r.is_empty() && r.chars().all(|ch| ch.is_ascii_lowercase())
                    })
                })
                .collect();
            if group.is_empty() {
                format!("{id}: **MISSING from sources.json**")
            } else {
                format!(
                    "{id}: group of {}",
                    group
                        .iter()
                        .map(|s| s.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            }
        }
    }
}

fn bullets(out: &mut String, items: &[String]) {
    for i in items {
        let _ = writeln!(out, "  - {i}");
    }
}

/// The whole content bundle as one Markdown file for clinical review: content date and engine
/// version, every option card with its flags and sources and the rules that can place it,
/// every rule with its texts, facts, safety notes, red flags, questions, glossary, pages, UI
/// strings, sources, and the reading level of every text.
pub fn content_markdown() -> String {
    let c = Content::get(Lang::En);
    let (by_option, n_profiles) = rules_by_option();
    let mut out = String::new();
    let w = &mut out;

    let _ = writeln!(w, "# Content review: {}\n", c.meta.title);
    let _ = writeln!(
        w,
        "- Content date: **{}** (the app warns after {} months)",
        c.meta.content_date, c.meta.stale_after_months
    );
    let _ = writeln!(w, "- Engine version: **{}**", guide_engine::ENGINE_VERSION);
    let _ = writeln!(w, "- Language: {}", c.meta.language);
    let _ = writeln!(
        w,
        "- Rule IDs (R-xx), option IDs, note IDs (N-x) and source IDs (Sx) are those of the clinical reference."
    );
    let _ = writeln!(
        w,
        "- **[UNVERIFIED]** marks a statement the reference tags `[unverified]`: a clinician must check it.\n"
    );
    let _ = writeln!(w, "## Contents\n");
    for s in [
        "Options",
        "Rules",
        "Derived facts and sentence templates",
        "Safety notes",
        "Red flags",
        "Questions",
        "Glossary",
        "Pages",
        "Interface text",
        "Sources",
        "Reading level",
    ] {
        let _ = writeln!(w, "- {s}");
    }

    // Options.
    let _ = writeln!(w, "\n## Options\n");
    let _ = writeln!(
        w,
        "Each card in catalogue order (not a ranking). \"Rules that can place it\" lists the rules \
         seen in the option's trace over {n_profiles} generated profiles, with the levels seen.\n"
    );
    for o in OptionId::ALL {
        let id = o.id();
        let Some(k) = c.option(id) else {
            let _ = writeln!(w, "### {id}\n\n**No card in the content.**\n");
            continue;
        };
        let _ = writeln!(w, "### {id}: {}\n", k.name);
        let _ = writeln!(
            w,
            "- File: `{}` · reviewed {} · section {:?}",
            option_file(Lang::En, id).unwrap_or("?"),
            k.reviewed,
            o.family()
        );
        if !k.unverified.is_empty() {
            let _ = writeln!(w, "- **[UNVERIFIED]**: {}", k.unverified.join("; "));
        }
        let _ = writeln!(w, "- Summary: {}", k.summary);
        let _ = writeln!(w, "- What it aims to do: {}", k.aims);
        let _ = writeln!(w, "- What it is like: {}", k.what_it_is_like);
        let _ = writeln!(w, "- Common side effects:");
        bullets(w, &k.common_side_effects);
        let _ = writeln!(w, "- Serious side effects (report at once):");
        bullets(w, &k.serious_side_effects);
        let _ = writeln!(w, "- What is uncertain: {}", k.uncertain);
        let _ = writeln!(w, "- Questions to ask:");
        bullets(w, &k.questions);
        if let Some(s) = &k.squamous_note {
            let _ = writeln!(w, "- Squamous note: {s}");
        }
        let _ = writeln!(w, "- Sources:");
        let srcs: Vec<String> = k.sources.iter().map(|s| source_line(c, s)).collect();
        bullets(w, &srcs);
        let _ = writeln!(w, "\nRules that can place it:\n");
        match by_option.get(o) {
            None => {
                let _ = writeln!(w, "_None seen in the generated profiles._\n");
            }
            Some(rules) => {
                let _ = writeln!(w, "| Rule | Kind | Levels seen | Summary | Sources |");
                let _ = writeln!(w, "|---|---|---|---|---|");
                for meta in RULES.iter().filter(|r| rules.contains_key(r.id)) {
                    let _ = writeln!(
                        w,
                        "| {} | {} | {} | {} | {} |",
                        meta.id,
                        kind(meta.kind),
                        levels(&rules[meta.id]),
                        cell(meta.summary),
                        meta.sources.join(", ")
                    );
                }
                let _ = writeln!(w);
            }
        }
    }

    // Rules.
    let _ = writeln!(w, "## Rules\n");
    let _ = writeln!(
        w,
        "All {} rules of the engine, with the patient texts from `rules.json` (reason when an \
         option is generally not used, note on the option, sentence when a modifier lowers it).\n",
        RULES.len()
    );
    let _ = writeln!(
        w,
        "| Rule | Kind | Summary | Sources | Options placed | Patient texts |"
    );
    let _ = writeln!(w, "|---|---|---|---|---|---|");
    for r in RULES {
        let placed: Vec<&str> = by_option
            .iter()
            .filter(|(_, rules)| rules.contains_key(r.id))
            .map(|(o, _)| o.id())
            .collect();
        let mut texts = Vec::new();
        if let Some(t) = c.rules.get(r.id) {
            if let Some(s) = &t.not_reason {
                texts.push(format!("not used: {s}"));
            }
            if let Some(s) = &t.note {
                texts.push(format!("note: {s}"));
            }
            for (o, s) in &t.option_notes {
                texts.push(format!("note on {o}: {s}"));
            }
            if let Some(s) = &t.lowered {
                texts.push(format!("lowered: {s}"));
            }
            if t.unverified {
                texts.push("**[UNVERIFIED]**".into());
            }
        }
        let _ = writeln!(
            w,
            "| {} | {} | {} | {} | {} | {} |",
            r.id,
            kind(r.kind),
            cell(r.summary),
            r.sources.join(", "),
            placed.join(", "),
            cell(&texts.join(" · "))
        );
    }

    // Facts.
    let _ = writeln!(w, "\n## Derived facts and sentence templates\n");
    let _ = writeln!(
        w,
        "A reason reads \"Shown because you said …, and <fact>.\"\n"
    );
    let _ = writeln!(w, "| Key | Phrase |");
    let _ = writeln!(w, "|---|---|");
    for (k, v) in &c.facts {
        let _ = writeln!(w, "| {k} | {} |", cell(v));
    }

    // Safety notes.
    let _ = writeln!(w, "\n## Safety notes\n");
    for n in guide_engine::NOTE_IDS {
        match c.notes.get(*n) {
            Some(x) => {
                let _ = writeln!(
                    w,
                    "- **{n}**: {}{} (sources: {})",
                    x.text,
                    flag(x.unverified),
                    x.sources.join(", ")
                );
            }
            None => {
                let _ = writeln!(w, "- **{n}**: **MISSING**");
            }
        }
    }

    // Red flags.
    let _ = writeln!(w, "\n## Red flags\n");
    for l in guide_engine::UrgentLevel::ORDER {
        let t = c.red_flags.level(l);
        let _ = writeln!(w, "- Level **{}**: {}. {}", l.id(), t.title, t.action);
    }
    let _ = writeln!(w);
    for s in guide_engine::Symptom::RED_FLAGS {
        match c.red_flags.flags.get(s.id()) {
            Some(r) => {
                let _ = writeln!(
                    w,
                    "- **{}** ({}): {} Why: {}{}{} (sources: {})",
                    s.id(),
                    r.level,
                    r.label,
                    r.why,
                    r.escalate
                        .as_deref()
                        .map(|e| format!(" {e}"))
                        .unwrap_or_default(),
                    flag(r.unverified),
                    r.sources.join(", ")
                );
            }
            None => {
                let _ = writeln!(w, "- **{}**: **MISSING**", s.id());
            }
        }
    }

    // Questions.
    let _ = writeln!(w, "\n## Questions\n");
    for q in &c.questions {
        let _ = writeln!(w, "### {}: {}\n", q.id, q.text);
        let _ = writeln!(w, "- Help: {}", q.help);
        let _ = writeln!(w, "- Ask your care team: {}\n", q.ask);
        let _ = writeln!(w, "| Answer | Label | Hint | Quoted as \"you said …\" |");
        let _ = writeln!(w, "|---|---|---|---|");
        for a in &q.answers {
            let _ = writeln!(
                w,
                "| {} | {} | {} | {} |",
                cell(&a.id),
                cell(&a.label),
                cell(a.hint.as_deref().unwrap_or("")),
                cell(&a.because)
            );
        }
        let _ = writeln!(w);
    }

    // Glossary.
    let _ = writeln!(w, "## Glossary\n");
    let _ = writeln!(w, "| ID | Term | Also | Definition | Sources |");
    let _ = writeln!(w, "|---|---|---|---|---|");
    for (id, g) in &c.glossary {
        let _ = writeln!(
            w,
            "| {id} | {} | {} | {} | {} |",
            cell(&g.term),
            cell(&g.aliases.join(", ")),
            cell(&g.definition),
            g.sources.join(", ")
        );
    }

    // Pages.
    let _ = writeln!(w, "\n## Pages\n");
    for (id, p) in &c.pages {
        let _ = writeln!(w, "### {id}: {}\n", p.title);
        for s in &p.sections {
            let _ = writeln!(w, "#### {}\n", s.heading);
            for para in &s.paragraphs {
                let _ = writeln!(w, "{para}\n");
            }
            if !s.sources.is_empty() {
                let _ = writeln!(w, "Sources: {}\n", s.sources.join(", "));
            }
        }
    }

    // UI strings.
    let _ = writeln!(w, "## Interface text\n");
    let _ = writeln!(w, "| Key | Text |");
    let _ = writeln!(w, "|---|---|");
    for (k, v) in &c.ui {
        let _ = writeln!(w, "| {k} | {} |", cell(v));
    }

    // Sources.
    let _ = writeln!(w, "\n## Sources\n");
    let _ = writeln!(
        w,
        "| ID | Title | Publisher | Year | Date | Kind | Link | Review note |"
    );
    let _ = writeln!(w, "|---|---|---|---|---|---|---|---|");
    for (id, s) in &c.sources {
        let _ = writeln!(
            w,
            "| {id} | {} | {} | {} | {} | {} | {} | {} |",
            cell(&s.title),
            cell(&s.publisher),
            s.year.map(|y| y.to_string()).unwrap_or_default(),
            cell(&s.date),
            cell(s.kind.as_deref().unwrap_or("")),
            cell(&s.url),
            cell(s.review_note.as_deref().unwrap_or(""))
        );
    }

    // Reading level.
    let _ = writeln!(w, "\n## Reading level\n");
    let _ = writeln!(
        w,
        "Flesch-Kincaid grade (see `content/src/readability.rs`); texts under 8 words, names and \
         titles are not graded.\n"
    );
    let _ = writeln!(
        w,
        "| File | Texts graded | Mean grade | Highest | Over limit |"
    );
    let _ = writeln!(w, "|---|---|---|---|---|");
    let mut by_file: BTreeMap<String, (usize, f64, f64, usize)> = BTreeMap::new();
    let texts = patient_texts(c);
    for t in texts.iter().filter(|t| t.checked()) {
        let g = score(&t.text).grade;
        let e = by_file
            .entry(t.file.clone())
            .or_insert((0, 0.0, f64::MIN, 0));
        e.0 += 1;
        e.1 += g;
        e.2 = e.2.max(g);
        e.3 += usize::from(t.too_hard());
    }
    for (file, (n, sum, max, over)) in &by_file {
        let _ = writeln!(
            w,
            "| {file} | {n} | {:.1} | {:.1} | {over} |",
            sum / *n as f64,
            max
        );
    }
    let over: Vec<_> = texts.iter().filter(|t| t.too_hard()).collect();
    if !over.is_empty() {
        let _ = writeln!(w, "\nOver the limit:\n");
        for t in over {
            let _ = writeln!(
                w,
                "- {} · {} · {} · grade {:.1} > {}: {}",
                t.file,
                t.id,
                t.field,
                score(&t.text).grade,
                t.limit,
                t.text
            );
        }
    }
    out
}
