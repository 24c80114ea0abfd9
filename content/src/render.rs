//! Turns engine output into plain words: reasons, notes, questions to ask.
//!
//! Every word comes from the content files: answer phrases from `questions.json` (`because`),
//! derived facts, the `progressed_on` template and the sentence templates from `facts.json`,
//! rule texts from `rules.json`, safety notes from `notes.json`. The tests in
//! `content/tests/render.rs` and `content/tests/validate.rs` check that every fact, rule and
//! note the engine can produce has its words, so the fallbacks here are never shown.
//!
//! Case and letter checks use ASCII rules: the content's letters are all ASCII (a test in
//! `lib.rs` checks), so they are exact, and the wasm carries no Unicode tables (README "Size").

use guide_engine::{Level, OptionResult, PriorTx};

use crate::Content;

/// The sentence templates kept in `facts.json` (so another language can reorder them).
pub const TEMPLATE_KEYS: &[&str] = &[
    SHOWN_BECAUSE,
    YOU_SAID,
    AND,
    ALSO,
    SHOWN_GENERIC,
    NOT_GENERIC,
];
/// "Shown because {reasons}."
pub const SHOWN_BECAUSE: &str = "sentence.shown_because";
/// "you said {answers}"
pub const YOU_SAID: &str = "sentence.you_said";
/// The word that joins the last two items of a list ("and").
pub const AND: &str = "sentence.and";
/// "Also, {reasons}.": the derived facts in their own sentence when one sentence would be too long.
pub const ALSO: &str = "sentence.also";
/// Above this many words, the derived facts get their own sentence ([`ALSO`]).
pub const MAX_REASON_WORDS: usize = 25;
/// Used only if a shown option has no facts at all.
pub const SHOWN_GENERIC: &str = "sentence.shown_generic";
/// Used only if a `NOT` option has no rule reason.
pub const NOT_GENERIC: &str = "sentence.not_generic";
/// The template for `progressed_on=<treatment>` ("the cancer grew while you were having {treatment}").
pub const PROGRESSED_ON: &str = "progressed_on";

fn template<'a>(c: &'a Content, key: &str, fallback: &'a str) -> &'a str {
    c.facts.get(key).map(String::as_str).unwrap_or(fallback)
}

/// How a treatment of Q4 is named inside a sentence: its answer label, with a capital first
/// letter lowered unless the word is an abbreviation ("Osimertinib (Tagrisso)" → "osimertinib
/// (Tagrisso)", "EGFR ..." unchanged). A label in the person's own voice ("A targeted pill, but I
/// don't know its name") is not quotable: then the answer's `because` phrase is used without its
/// "you have had" ("a targeted pill").
pub fn treatment_name(c: &Content, tx: &str) -> String {
    let Some(a) = c.answer(PriorTx::QUESTION, tx) else {
        return tx
            .split_once(':')
            .map(|(_, d)| d.to_string())
            .unwrap_or_else(|| tx.to_ascii_lowercase().replace('_', " "));
    };
    let first_person = a
        .label
        .split(|ch: char| !ch.is_ascii_alphanumeric() && ch != '\'')
        .any(|w| matches!(w, "I" | "I'm" | "I've" | "my" | "My" | "me"));
    if !first_person {
        return lower_first(&a.label);
    }
    let b = a.because.trim();
    for prefix in ["you have had ", "you had ", "you have taken ", "you took "] {
        if let Some(rest) = b.strip_prefix(prefix) {
            return rest.to_string();
        }
    }
    b.to_string()
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a.is_ascii_uppercase() && b.is_ascii_lowercase() => {
            let mut out = s.to_string();
            out[..1].make_ascii_lowercase();
            out
        }
        _ => s.to_string(),
    }
}

/// The kind of a fact key from the engine.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FactKind {
    /// `question=answer`: quoted as "you said …".
    Answer,
    /// `fact:<key>` or `progressed_on=<treatment>`: a plain clause.
    Derived,
}

/// Whether a fact key is an answer the person gave or a derived fact.
pub fn fact_kind(fact: &str) -> FactKind {
    if fact.starts_with("fact:") || fact.starts_with("progressed_on=") {
        FactKind::Derived
    } else {
        FactKind::Answer
    }
}

/// The phrase for a fact key, or `None` when the content has no words for it (a test checks
/// that never happens for anything the engine produces).
pub fn fact_text(c: &Content, fact: &str) -> Option<String> {
    if let Some(key) = fact.strip_prefix("fact:") {
        return c.facts.get(key).cloned();
    }
    if let Some(tx) = fact.strip_prefix("progressed_on=") {
        let t = c.facts.get(PROGRESSED_ON)?;
        c.answer(PriorTx::QUESTION, tx)?;
        return Some(t.replace("{treatment}", &treatment_name(c, tx)));
    }
    let (q, a) = fact.split_once('=')?;
    c.answer(q, a).map(|a| a.because.clone())
}

/// The phrase for a fact key from the engine (`histology=NSCLC_NONSQ`, `fact:<key>`,
/// `progressed_on=TKI:osimertinib`). Falls back to the key in words.
pub fn fact_phrase(c: &Content, fact: &str) -> String {
    fact_text(c, fact).unwrap_or_else(|| {
        fact.trim_start_matches("fact:")
            .replace(['_', '='], " ")
            .to_ascii_lowercase()
    })
}

/// "A", "A and B", "A, B and C".
pub fn join_and(c: &Content, items: &[String]) -> String {
    let and = template(c, AND, "and");
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
}

fn push_unique(v: &mut Vec<String>, s: String) {
    if !s.is_empty() && !v.contains(&s) {
        v.push(s);
    }
}

/// The "Shown because …" sentence for a shown option: answers grouped as "you said …",
/// derived facts as plain clauses, in one sentence ("Shown because you said A and B, and C.").
/// When that sentence would be longer than [`MAX_REASON_WORDS`] words, the derived facts get a
/// second sentence ("Shown because you said A and B." "Also, C and D."). Empty if the option has
/// no facts.
pub fn shown_because_sentences(c: &Content, o: &OptionResult) -> Vec<String> {
    let mut said = Vec::new();
    let mut clauses = Vec::new();
    for f in &o.because {
        let phrase = fact_phrase(c, f);
        match fact_kind(f) {
            FactKind::Answer => push_unique(&mut said, phrase),
            FactKind::Derived => push_unique(&mut clauses, phrase),
        }
    }
    let shown = |body: &str| {
        template(c, SHOWN_BECAUSE, "Shown because {reasons}.").replace("{reasons}", body)
    };
    match (said.is_empty(), clauses.is_empty()) {
        (true, true) => vec![],
        (false, true) => vec![shown(&you_said(c, &said))],
        (true, false) => vec![shown(&join_and(c, &clauses))],
        (false, false) => {
            let and = template(c, AND, "and");
            let one = shown(&format!(
                "{}, {and} {}",
                you_said(c, &said),
                join_and(c, &clauses)
            ));
            if one.split_whitespace().count() <= MAX_REASON_WORDS {
                vec![one]
            } else {
                vec![
                    shown(&you_said(c, &said)),
                    template(c, ALSO, "Also, {reasons}.")
                        .replace("{reasons}", &join_and(c, &clauses)),
                ]
            }
        }
    }
}

/// [`shown_because_sentences`] as one text (`None` without facts).
pub fn shown_because(c: &Content, o: &OptionResult) -> Option<String> {
    let s = shown_because_sentences(c, o);
    (!s.is_empty()).then(|| s.join(" "))
}

fn you_said(c: &Content, said: &[String]) -> String {
    template(c, YOU_SAID, "you said {answers}").replace("{answers}", &join_and(c, said))
}

/// The texts that explain an option's level. Never empty.
/// - Shown (`MAY`/`LIKELY`): first "Shown because you said A, B and C." (one sentence, or two
///   when long: see [`shown_because_sentences`]), then one text per modifier that lowered the
///   level (the rule's `lowered` text).
/// - `NOT`: the `not_reason` of each rule that set it.
pub fn reasons(c: &Content, o: &OptionResult) -> Vec<String> {
    let mut out = Vec::new();
    if o.level == Level::Not {
        for r in &o.not_because {
            if let Some(t) = c.rules.get(*r).and_then(|t| t.not_reason.clone()) {
                push_unique(&mut out, t);
            }
        }
        if out.is_empty() {
            out.push(
                template(
                    c,
                    NOT_GENERIC,
                    "This is usually not used in your situation.",
                )
                .to_string(),
            );
        }
        return out;
    }
    match shown_because(c, o) {
        Some(s) => out.push(s),
        None => out.push(
            template(
                c,
                SHOWN_GENERIC,
                "This may be discussed with people in your situation.",
            )
            .to_string(),
        ),
    }
    for r in &o.lowered_by {
        if let Some(t) = c.rules.get(*r).and_then(|t| t.lowered.clone()) {
            push_unique(&mut out, t);
        }
    }
    out
}

/// The note a rule attaches to an option: its per-option note, else its `note`.
pub fn rule_note<'a>(c: &'a Content, rule: &str, option: &str) -> Option<&'a str> {
    let t = c.rules.get(rule)?;
    t.option_notes
        .get(option)
        .or(t.note.as_ref())
        .map(String::as_str)
}

/// The texts of an option's notes (`o.notes`, rule IDs), in order, without repeats.
pub fn option_notes(c: &Content, o: &OptionResult) -> Vec<String> {
    option_notes_flagged(c, o)
        .into_iter()
        .map(|(t, _)| t)
        .collect()
}

/// The texts of an option's notes with the rule's `unverified` flag.
pub fn option_notes_flagged(c: &Content, o: &OptionResult) -> Vec<(String, bool)> {
    let mut out: Vec<(String, bool)> = Vec::new();
    for r in &o.notes {
        if let Some(t) = rule_note(c, r, o.id.id()) {
            if !out.iter().any(|(x, _)| x == t) {
                let unverified = c.rules.get(*r).is_some_and(|x| x.unverified);
                out.push((t.to_string(), unverified));
            }
        }
    }
    out
}

/// The text of a safety note N-x (the ID itself if missing; a test checks none is).
pub fn note_text(c: &Content, id: &str) -> String {
    c.notes
        .get(id)
        .map(|n| n.text.clone())
        .unwrap_or_else(|| id.to_string())
}

/// The question for the care team for an unknown answer (§1 question ID).
pub fn question_to_ask(c: &Content, question: &str) -> String {
    c.question(question)
        .map(|q| q.ask.clone())
        .unwrap_or_else(|| question.to_string())
}
