//! Content validation, for one language (`super::LANG`: `tests/validate.rs` English,
//! `tests/validate_es.rs` Spanish): every check lists ALL its failures (file, ID, what is wrong),
//! so a writer can fix a whole file in one go. Run: `cargo test -p guide-content --test validate`.
//!
//! The texts the engine needs are found by evaluating a few thousand generated profiles
//! (`guide_content::sample`, deterministic) and checking every `because`, `not_because`,
//! `notes`, `lowered_by`, `questions` and safety note of every result has words.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use guide_content::readability::patient_texts;
use guide_content::render::{self, fact_text, rule_note, PROGRESSED_ON, TEMPLATE_KEYS};
use guide_content::{option_file, sample, Content};

use super::LANG;
use guide_engine::profile::PROFILE_FIELDS;
use guide_engine::rules::DERIVED_FACTS;
use guide_engine::*;

fn content() -> &'static Content {
    static C: OnceLock<Content> = OnceLock::new();
    C.get_or_init(|| Content::parse(LANG).unwrap_or_else(|e| panic!("{e}")))
}

/// Evaluations of the generated profiles, shared by the tests of this file.
fn evaluations() -> &'static [Evaluation] {
    static E: OnceLock<Vec<Evaluation>> = OnceLock::new();
    E.get_or_init(|| {
        let mut v: Vec<Evaluation> = sample::profiles(4000, 7).iter().map(evaluate).collect();
        // A profile with nothing answered, and one per histology with nothing else.
        v.push(evaluate(&Profile::new()));
        for h in Histology::ALL {
            let mut p = Profile::new();
            p.histology = Some(*h);
            v.push(evaluate(&p));
        }
        v
    })
}

/// Collects failures and fails once with all of them.
struct Failures(&'static str, Vec<String>);

impl Failures {
    fn new(what: &'static str) -> Failures {
        Failures(what, Vec::new())
    }
    fn add(&mut self, s: impl Into<String>) {
        let s = s.into();
        if !self.1.contains(&s) {
            self.1.push(s);
        }
    }
    fn check(&mut self, ok: bool, s: impl FnOnce() -> String) {
        if !ok {
            self.add(s());
        }
    }
    fn finish(self) {
        assert!(
            self.1.is_empty(),
            "{}: {} problem(s):\n{}",
            self.0,
            self.1.len(),
            self.1.join("\n")
        );
    }
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

// ---------- dates ----------

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

fn today() -> i64 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock after 1970")
        .as_secs() as i64;
    secs / 86_400
}

/// `Some(days since epoch)` for a valid `YYYY-MM-DD`.
fn parse_date(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| s[r].parse::<i64>().ok();
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days_in = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if !(1..=12).contains(&m) || d < 1 || d > days_in[(m - 1) as usize] {
        return None;
    }
    Some(days_from_civil(y, m, d))
}

/// Problem with a review date, if any.
fn date_problem(s: &str) -> Option<String> {
    match parse_date(s) {
        None => Some(format!("\"{s}\" is not a valid YYYY-MM-DD date")),
        Some(d) if d > today() => Some(format!("\"{s}\" is in the future")),
        Some(_) => None,
    }
}

#[test]
fn date_checks_work() {
    assert_eq!(parse_date("1970-01-01"), Some(0));
    assert_eq!(parse_date("2024-02-29"), Some(19782));
    assert!(parse_date("2023-02-29").is_none());
    assert!(parse_date("2026-13-01").is_none());
    assert!(parse_date("26-11-2026").is_none());
    assert!(date_problem("2999-01-01").is_some());
    assert!(date_problem("2020-01-01").is_none());
}

// ---------- options ----------

const CARD_FIELDS: &[&str] = &[
    "name",
    "summary",
    "aims",
    "what_it_is_like",
    "common_side_effects",
    "serious_side_effects",
    "uncertain",
    "questions",
    "sources",
    "squamous_note",
];

fn option_problems(id: &str, o: &guide_content::OptionContent) -> Vec<String> {
    let mut out = Vec::new();
    let file = option_file(LANG, id).unwrap_or("options/?");
    let mut p = |s: String| out.push(format!("{file} | {id} | {s}"));
    for (field, v) in [
        ("name", &o.name),
        ("summary", &o.summary),
        ("aims", &o.aims),
        ("what_it_is_like", &o.what_it_is_like),
        ("uncertain", &o.uncertain),
        ("reviewed", &o.reviewed),
    ] {
        if blank(v) {
            p(format!("{field} is empty"));
        }
    }
    for (field, list, min) in [
        ("common_side_effects", &o.common_side_effects, 2),
        ("serious_side_effects", &o.serious_side_effects, 2),
        ("questions", &o.questions, 3),
        ("sources", &o.sources, 1),
    ] {
        if list.len() < min {
            p(format!(
                "{field} has {} item(s); needs at least {min}",
                list.len()
            ));
        }
        for (i, s) in list.iter().enumerate() {
            if blank(s) {
                p(format!("{field}[{i}] is empty"));
            }
        }
    }
    if let Some(s) = &o.squamous_note {
        if blank(s) {
            p("squamous_note is present but empty".into());
        }
    }
    if let Some(e) = date_problem(&o.reviewed) {
        p(format!("reviewed: {e}"));
    }
    let mut texts: Vec<&str> = vec![
        &o.name,
        &o.summary,
        &o.aims,
        &o.what_it_is_like,
        &o.uncertain,
    ];
    texts.extend(o.common_side_effects.iter().map(String::as_str));
    texts.extend(o.serious_side_effects.iter().map(String::as_str));
    texts.extend(o.questions.iter().map(String::as_str));
    texts.extend(o.squamous_note.iter().map(String::as_str));
    for u in &o.unverified {
        let u = u.trim();
        let names_field = CARD_FIELDS.contains(&u);
        let quotes_text = !u.is_empty()
            && texts
                .iter()
                .any(|t| t.to_lowercase().contains(&u.to_lowercase()));
        if !names_field && !quotes_text {
            p(format!(
                "unverified entry \"{u}\" names no card field ({}) and matches no text of the card",
                CARD_FIELDS.join(", ")
            ));
        }
    }
    out
}

#[test]
fn every_option_has_a_complete_card() {
    let c = content();
    let mut f = Failures::new("option cards");
    for o in OptionId::ALL {
        match c.option(o.id()) {
            None => f.add(format!("options/*.json | {} | no card", o.id())),
            Some(card) => {
                for p in option_problems(o.id(), card) {
                    f.add(p);
                }
            }
        }
    }
    for id in c.options.keys() {
        f.check(OptionId::from_id(id).is_some(), || {
            format!(
                "{} | {id} | not an option ID of the engine (typo?)",
                option_file(LANG, id).unwrap_or("options/?")
            )
        });
    }
    f.finish();
}

#[test]
fn option_checks_can_fail() {
    let bad = guide_content::OptionContent {
        name: "X".into(),
        summary: "".into(),
        aims: "a".into(),
        what_it_is_like: "w".into(),
        common_side_effects: vec!["one".into()],
        serious_side_effects: vec!["a".into(), " ".into()],
        uncertain: "u".into(),
        questions: vec!["q".into(), "q2".into()],
        sources: vec![],
        unverified: vec!["side_effects".into()],
        reviewed: "2999-02-30".into(),
        squamous_note: None,
    };
    let p = option_problems("LOC_SBRT", &bad).join("\n");
    for needle in [
        "summary is empty",
        "common_side_effects has 1",
        "serious_side_effects[1] is empty",
        "questions has 2",
        "sources has 0",
        "not a valid",
        "unverified entry \"side_effects\"",
    ] {
        assert!(p.contains(needle), "missing {needle} in\n{p}");
    }
}

// ---------- wording ----------

const PLACEHOLDERS: &[&str] = &["TODO", "TBD", "lorem", "...", "XXX", "FIXME"];
const BANNED: &[&str] = &["you should", "best option", "we recommend"];

fn wording_problems(file: &str, id: &str, field: &str, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let lower = text.to_lowercase();
    for p in PLACEHOLDERS {
        let hit = if p.chars().all(|c| c.is_ascii_uppercase()) {
            text.contains(p) || lower.contains(&p.to_lowercase()) && *p == "XXX"
        } else {
            lower.contains(&p.to_lowercase())
        };
        if hit {
            out.push(format!(
                "{file} | {id} | {field} | placeholder \"{p}\": {text}"
            ));
        }
    }
    for b in BANNED {
        if lower.contains(b) {
            out.push(format!("{file} | {id} | {field} | says \"{b}\": {text}"));
        }
    }
    out
}

#[test]
fn no_placeholders_and_no_directive_wording() {
    let c = content();
    let mut f = Failures::new("wording");
    for t in patient_texts(c) {
        for p in wording_problems(&t.file, &t.id, &t.field, &t.text) {
            f.add(p);
        }
    }
    for (id, s) in &c.sources {
        for (field, v) in [
            ("title", &s.title),
            ("publisher", &s.publisher),
            ("url", &s.url),
        ] {
            for p in wording_problems("sources.json", id, field, v) {
                f.add(p);
            }
        }
    }
    f.finish();
}

#[test]
fn wording_checks_can_fail() {
    assert_eq!(wording_problems("f", "i", "x", "TODO: write").len(), 1);
    assert_eq!(wording_problems("f", "i", "x", "Lorem ipsum").len(), 1);
    assert_eq!(wording_problems("f", "i", "x", "More...").len(), 1);
    assert_eq!(
        wording_problems("f", "i", "x", "You should take it.").len(),
        1
    );
    assert_eq!(
        wording_problems("f", "i", "x", "The best option is").len(),
        1
    );
    assert!(wording_problems("f", "i", "x", "Your doctor may talk with you about it.").is_empty());
    assert!(wording_problems("f", "i", "x", "A photo of the todos").is_empty());
}

// ---------- sources ----------

/// A source ID resolves if it exists, or (a bare group like `S20`) if some `S20a`… exists.
fn source_resolves(c: &Content, id: &str) -> bool {
    c.sources.contains_key(id)
        || c.sources.keys().any(|k| {
            k.strip_prefix(id).is_some_and(|rest| {
                !rest.is_empty() && rest.chars().all(|ch| ch.is_ascii_lowercase())
            })
        })
}

/// Every source ID used anywhere, with where it is used.
fn used_sources(c: &Content) -> Vec<(String, String)> {
    let mut used = Vec::new();
    for (id, o) in &c.options {
        for s in &o.sources {
            let file = option_file(LANG, id).unwrap_or("options/?");
            used.push((s.clone(), format!("{file} | {id}")));
        }
    }
    for (id, n) in &c.notes {
        for s in &n.sources {
            used.push((s.clone(), format!("notes.json | {id}")));
        }
    }
    for (id, r) in &c.red_flags.flags {
        for s in &r.sources {
            used.push((s.clone(), format!("red_flags.json | {id}")));
        }
    }
    for (id, g) in &c.glossary {
        for s in &g.sources {
            used.push((s.clone(), format!("glossary.json | {id}")));
        }
    }
    for (id, p) in &c.pages {
        for (i, sec) in p.sections.iter().enumerate() {
            for s in &sec.sources {
                used.push((s.clone(), format!("pages.json | {id} | sections[{i}]")));
            }
        }
    }
    for r in RULES {
        for s in r.sources {
            used.push((s.to_string(), format!("engine rule | {}", r.id)));
        }
    }
    used
}

#[test]
fn every_source_id_resolves() {
    let c = content();
    let mut f = Failures::new("source IDs");
    for (s, at) in used_sources(c) {
        f.check(source_resolves(c, &s), || {
            format!("{at} | source \"{s}\" is not in sources.json")
        });
        // A group ID (`S6` for `S6a`…) is not a source a patient can open: cite the parts
        // (issue 11).
        f.check(c.sources.get(&s).is_none_or(|e| e.patient_facing()), || {
            format!("{at} | source \"{s}\" is a group: cite its parts")
        });
    }
    for (id, s) in &c.sources {
        for (field, v) in [
            ("title", &s.title),
            ("publisher", &s.publisher),
            ("date", &s.date),
        ] {
            f.check(!blank(v), || {
                format!("sources.json | {id} | {field} is empty")
            });
        }
        // Every link is https (issue 11; before, a note could stand in for a link).
        f.check(s.url.starts_with("https://"), || {
            format!("sources.json | {id} | url is not an https link: {}", s.url)
        });
    }
    f.finish();
}

#[test]
fn source_groups_resolve() {
    let mut c = content().clone();
    c.sources.clear();
    let s = guide_content::Source {
        title: "t".into(),
        publisher: "p".into(),
        date: "d".into(),
        year: Some(2024),
        url: "https://x".into(),
        kind: Some("journal article".into()),
        review_note: None,
    };
    c.sources.insert("S20a".into(), s.clone());
    c.sources.insert("S1".into(), s);
    assert!(source_resolves(&c, "S20"));
    assert!(source_resolves(&c, "S20a"));
    assert!(source_resolves(&c, "S1"));
    assert!(!source_resolves(&c, "S2"));
    assert!(!source_resolves(&c, "S20b"));
    assert!(!source_resolves(&c, "S10"));
}

// ---------- questions ----------

/// Answer IDs a question may offer beyond the ones it must (`last_tx` must offer the drug
/// treatments of Q4 and `UNKNOWN`, and may mirror all of Q4).
fn allowed_extra(question: &str) -> Vec<String> {
    match question {
        "last_tx" => PriorTx::all().iter().map(|t| t.id()).collect(),
        _ => vec![],
    }
}

/// The answer IDs every question must offer, from the engine's enums.
fn expected_answers() -> BTreeMap<&'static str, Vec<String>> {
    fn ids<T: Copy>(all: &[T], id: fn(T) -> &'static str) -> Vec<String> {
        all.iter().map(|a| id(*a).to_string()).collect()
    }
    let prior: Vec<String> = PriorTx::all().iter().map(|t| t.id()).collect();
    let last: Vec<String> = PriorTx::all()
        .into_iter()
        .filter(|t| t.is_drug() || *t == PriorTx::Unknown)
        .map(|t| t.id())
        .collect();
    let mut m = BTreeMap::new();
    m.insert("histology", ids(Histology::ALL, Histology::id));
    m.insert("sites", ids(Site::ALL, Site::id));
    m.insert("met_count", ids(MetCount::ALL, MetCount::id));
    m.insert("organ_count", ids(OrganCount::ALL, OrganCount::id));
    m.insert("prior_tx", prior);
    m.insert("prior_tx_setting", ids(TxSetting::ALL, TxSetting::id));
    m.insert("prior_chemo_drugs", ids(ChemoDrug::ALL, ChemoDrug::id));
    m.insert("last_systemic_outcome", ids(Outcome::ALL, Outcome::id));
    m.insert("last_tx", last);
    m.insert(
        "progressing_spots",
        ids(ProgressingSpots::ALL, ProgressingSpots::id),
    );
    m.insert("ctfi", ids(Ctfi::ALL, Ctfi::id));
    m.insert("ici_interval", ids(IciInterval::ALL, IciInterval::id));
    m.insert(
        "adjuvant_interval",
        ids(AdjuvantInterval::ALL, AdjuvantInterval::id),
    );
    m.insert("ps", ids(Ps::ALL, Ps::id));
    m.insert("surgery_fit", ids(SurgeryFit::ALL, SurgeryFit::id));
    m.insert("contra", ids(Contra::ALL, Contra::id));
    m.insert(
        "biomarker_tested",
        ids(BiomarkerTested::ALL, BiomarkerTested::id),
    );
    m.insert(
        "tested_since_recurrence",
        ids(TestedSinceRecurrence::ALL, TestedSinceRecurrence::id),
    );
    m.insert("biomarkers", ids(Biomarker::ALL, Biomarker::id));
    m.insert("pdl1", ids(Pdl1::ALL, Pdl1::id));
    m.insert("brain", ids(Brain::ALL, Brain::id));
    m.insert("brain_count", ids(BrainCount::ALL, BrainCount::id));
    m.insert(
        "leptomeningeal",
        ids(Leptomeningeal::ALL, Leptomeningeal::id),
    );
    m.insert("symptoms", ids(Symptom::ALL, Symptom::id));
    m.insert("goals", ids(Goal::ALL, Goal::id));
    m
}

#[test]
fn expected_answers_cover_every_profile_field() {
    let m = expected_answers();
    for f in PROFILE_FIELDS.iter().filter(|f| **f != "version") {
        assert!(m.contains_key(f), "no expected answers for {f}");
    }
    assert_eq!(m.len(), PROFILE_FIELDS.len() - 1);
    for s in Symptom::RED_FLAGS {
        assert!(m["symptoms"].contains(&s.id().to_string()));
    }
}

#[test]
fn every_question_has_every_answer() {
    let c = content();
    let expected = expected_answers();
    let mut f = Failures::new("questions.json");
    let mut seen = BTreeSet::new();
    for q in &c.questions {
        f.check(seen.insert(q.id.as_str()), || {
            format!("questions.json | {} | defined twice", q.id)
        });
        f.check(expected.contains_key(q.id.as_str()), || {
            format!(
                "questions.json | {} | not a question ID of the profile",
                q.id
            )
        });
        for (field, v) in [("text", &q.text), ("help", &q.help), ("ask", &q.ask)] {
            f.check(!blank(v), || {
                format!("questions.json | {} | {field} is empty", q.id)
            });
        }
        let allowed = expected.get(q.id.as_str());
        let mut ids = BTreeSet::new();
        for a in &q.answers {
            f.check(ids.insert(a.id.as_str()), || {
                format!("questions.json | {} | answer {} defined twice", q.id, a.id)
            });
            let extra = allowed_extra(&q.id);
            f.check(
                allowed.is_none_or(|al| al.contains(&a.id) || extra.contains(&a.id)),
                || {
                    format!(
                        "questions.json | {} | answer {} is not an answer ID of the engine",
                        q.id, a.id
                    )
                },
            );
            f.check(!blank(&a.label), || {
                format!("questions.json | {} | answer {} has no label", q.id, a.id)
            });
            f.check(!blank(&a.because), || {
                format!(
                    "questions.json | {} | answer {} has no `because`",
                    q.id, a.id
                )
            });
        }
    }
    for (q, answers) in &expected {
        match c.question(q) {
            None => f.add(format!("questions.json | {q} | missing question")),
            Some(qc) => {
                let missing: Vec<&str> = answers
                    .iter()
                    .filter(|a| !qc.answers.iter().any(|x| &x.id == *a))
                    .map(String::as_str)
                    .collect();
                f.check(missing.is_empty(), || {
                    format!(
                        "questions.json | {q} | missing answers: {}",
                        missing.join(", ")
                    )
                });
            }
        }
    }
    f.finish();
}

// ---------- facts, rule texts, notes: what the engine needs ----------

#[test]
fn facts_json_has_every_key_and_no_others() {
    let c = content();
    let mut f = Failures::new("facts.json");
    let mut keys: Vec<&str> = DERIVED_FACTS.to_vec();
    keys.push(PROGRESSED_ON);
    keys.extend(TEMPLATE_KEYS);
    for k in &keys {
        f.check(c.facts.get(*k).is_some_and(|v| !blank(v)), || {
            format!("facts.json | {k} | missing or empty")
        });
    }
    for k in c.facts.keys() {
        f.check(keys.contains(&k.as_str()), || {
            format!("facts.json | {k} | not a derived fact of the engine, nor a template")
        });
    }
    f.check(
        c.facts
            .get(PROGRESSED_ON)
            .is_some_and(|t| t.contains("{treatment}")),
        || "facts.json | progressed_on | must contain {treatment}".into(),
    );
    for (k, ph) in [
        ("sentence.shown_because", "{reasons}"),
        ("sentence.you_said", "{answers}"),
    ] {
        f.check(c.facts.get(k).is_some_and(|t| t.contains(ph)), || {
            format!("facts.json | {k} | must contain {ph}")
        });
    }
    f.finish();
}

#[test]
fn rules_json_names_real_rules_and_options() {
    let c = content();
    let mut f = Failures::new("rules.json");
    for (id, t) in &c.rules {
        f.check(RULES.iter().any(|r| r.id == id), || {
            format!("rules.json | {id} | not a rule ID of the engine")
        });
        f.check(
            t.not_reason.is_some()
                || t.note.is_some()
                || t.lowered.is_some()
                || !t.option_notes.is_empty(),
            || format!("rules.json | {id} | has no text"),
        );
        for (field, v) in [
            ("not_reason", &t.not_reason),
            ("note", &t.note),
            ("lowered", &t.lowered),
        ] {
            if let Some(v) = v {
                f.check(!blank(v), || {
                    format!("rules.json | {id} | {field} is empty")
                });
            }
        }
        for (o, v) in &t.option_notes {
            f.check(OptionId::from_id(o).is_some(), || {
                format!("rules.json | {id} | option_notes: {o} is not an option ID")
            });
            f.check(!blank(v), || {
                format!("rules.json | {id} | option_notes.{o} is empty")
            });
        }
    }
    f.finish();
}

/// Every text the engine needs for the generated profiles.
fn engine_needs_problems(c: &Content, evals: &[Evaluation]) -> Vec<String> {
    let mut f = BTreeSet::new();
    for e in evals {
        for o in &e.options {
            let id = o.id.id();
            for fact in &o.because {
                if fact_text(c, fact).is_none_or(|t| blank(&t)) {
                    let place = match render::fact_kind(fact) {
                        render::FactKind::Answer => "questions.json (answer `because`)",
                        render::FactKind::Derived if fact.starts_with("progressed_on=") => {
                            "facts.json progressed_on + questions.json prior_tx answer"
                        }
                        render::FactKind::Derived => "facts.json",
                    };
                    f.insert(format!("{place} | {fact} | no words (used by {id})"));
                }
            }
            if o.level == Level::Not {
                for r in &o.not_because {
                    if c.rules
                        .get(*r)
                        .and_then(|t| t.not_reason.as_ref())
                        .is_none()
                    {
                        f.insert(format!(
                            "rules.json | {r} | no not_reason (sets {id} to NOT)"
                        ));
                    }
                }
                if o.not_because.is_empty() {
                    f.insert(format!(
                        "engine | {id} | NOT without a rule ({:?})",
                        o.rules
                    ));
                }
            } else {
                for r in &o.lowered_by {
                    if c.rules.get(*r).and_then(|t| t.lowered.as_ref()).is_none() {
                        f.insert(format!("rules.json | {r} | no `lowered` (lowers {id})"));
                    }
                }
            }
            for r in &o.notes {
                if rule_note(c, r, id).is_none() {
                    f.insert(format!("rules.json | {r} | no note for {id}"));
                }
            }
            let reasons = render::reasons(c, o);
            if reasons.is_empty() || reasons.iter().any(|r| blank(r) || r.contains('{')) {
                f.insert(format!("render | {id} | bad reasons {reasons:?}"));
            }
        }
        for q in &e.questions {
            if c.question(q).is_none_or(|x| blank(&x.ask)) {
                f.insert(format!(
                    "questions.json | {q} | no `ask` (the engine asks the care team)"
                ));
            }
        }
        for n in &e.notes {
            if c.notes.get(*n).is_none_or(|x| blank(&x.text)) {
                f.insert(format!("notes.json | {n} | no text"));
            }
        }
    }
    f.into_iter().collect()
}

#[test]
fn every_text_the_engine_needs_exists() {
    let mut f = Failures::new("texts the engine needs (generated profiles)");
    for p in engine_needs_problems(content(), evaluations()) {
        f.add(p);
    }
    f.finish();
}

#[test]
fn engine_needs_check_can_fail() {
    let mut c = content().clone();
    c.rules.clear();
    c.facts.clear();
    let p = engine_needs_problems(&c, evaluations()).join("\n");
    assert!(p.contains("rules.json | R-10 | no not_reason"), "{p}");
    assert!(p.contains("facts.json | fact:everyone"), "{p}");
    assert!(p.contains("no `lowered`"), "{p}");
}

/// The generator must reach every rule that sets NOT, lowers, or notes, or the check above
/// would miss texts. The lists are those of the rules (resolve.rs, rules/*.rs).
#[test]
fn generated_profiles_reach_every_rule_with_text() {
    let mut not = BTreeSet::new();
    let mut low = BTreeSet::new();
    let mut noted = BTreeSet::new();
    for e in evaluations() {
        for o in &e.options {
            not.extend(o.not_because.iter().copied());
            low.extend(o.lowered_by.iter().copied());
            noted.extend(o.notes.iter().copied());
        }
    }
    let mut f = Failures::new("generator coverage");
    for r in [
        "R-10", "R-11", "R-13", "R-80", "R-81", "R-102", "R-121", "R-127", "R-153", "R-159",
        "R-173", "R-175", "R-176", "R-182", "R-20", "R-21", "R-43",
    ] {
        f.check(not.contains(r), || format!("{r} never set NOT"));
    }
    for r in [
        "R-33", "R-34", "R-42", "R-54", "R-72", "R-20", "R-21", "R-22",
    ] {
        f.check(low.contains(r), || format!("{r} never lowered an option"));
    }
    // R-20's note (SCLC chemo capped at MAY) cannot fire while no rule emits those options
    // above MAY; its text is kept for when one does.
    for r in [
        "R-10a", "R-12", "R-21", "R-31", "R-33", "R-35", "R-40", "R-41", "R-42", "R-52", "R-54",
        "R-55", "R-63", "R-72", "R-93", "R-94", "R-95", "R-97", "R-111", "R-111b", "R-116",
        "R-126", "R-132", "R-137", "R-154", "R-155", "R-169", "R-174", "R-175", "R-181",
    ] {
        f.check(noted.contains(r), || format!("{r} never noted an option"));
    }
    f.finish();
}

#[test]
fn every_safety_note_has_text() {
    let c = content();
    let mut f = Failures::new("notes.json");
    for n in NOTE_IDS {
        f.check(c.notes.get(*n).is_some_and(|x| !blank(&x.text)), || {
            format!("notes.json | {n} | missing or empty")
        });
    }
    for k in c.notes.keys() {
        f.check(NOTE_IDS.contains(&k.as_str()), || {
            format!("notes.json | {k} | not a note ID of the engine")
        });
    }
    f.finish();
}

#[test]
fn every_red_flag_has_text() {
    let c = content();
    let mut f = Failures::new("red_flags.json");
    for l in UrgentLevel::ORDER {
        match c.red_flags.levels.get(l.id()) {
            None => f.add(format!("red_flags.json | levels.{} | missing", l.id())),
            Some(t) => f.check(
                !blank(&t.title) && !blank(&t.short) && !blank(&t.action),
                || format!("red_flags.json | levels.{} | empty words", l.id()),
            ),
        }
    }
    f.check(c.red_flags.levels.len() == UrgentLevel::ORDER.len(), || {
        "red_flags.json | levels | a level the engine does not know".into()
    });
    for s in Symptom::RED_FLAGS {
        match c.red_flags.flags.get(s.id()) {
            None => f.add(format!("red_flags.json | {} | missing", s.id())),
            Some(r) => {
                let engine_level = s.urgent_level().map(|l| l.id());
                f.check(engine_level == Some(r.level.as_str()), || {
                    format!(
                        "red_flags.json | {} | level {} but the engine says {:?}",
                        s.id(),
                        r.level,
                        engine_level
                    )
                });
                f.check(!blank(&r.heading), || {
                    format!("red_flags.json | {} | heading is empty", s.id())
                });
                f.check(!blank(&r.label), || {
                    format!("red_flags.json | {} | label is empty", s.id())
                });
                f.check(!blank(&r.why), || {
                    format!("red_flags.json | {} | why is empty", s.id())
                });
                f.check(!r.sources.is_empty() || r.unverified, || {
                    format!(
                        "red_flags.json | {} | no sources and not marked unverified",
                        s.id()
                    )
                });
            }
        }
    }
    for k in c.red_flags.flags.keys() {
        f.check(Symptom::from_id(k).is_some_and(|s| s.is_red_flag()), || {
            format!("red_flags.json | {k} | not a red flag of the engine")
        });
    }
    f.finish();
}

#[test]
fn glossary_entries_are_complete_and_unique() {
    let c = content();
    let mut f = Failures::new("glossary.json");
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    for (id, g) in &c.glossary {
        f.check(!blank(&g.term), || {
            format!("glossary.json | {id} | term is empty")
        });
        f.check(!blank(&g.definition), || {
            format!("glossary.json | {id} | definition is empty")
        });
        for name in std::iter::once(&g.term).chain(g.aliases.iter()) {
            let key = name.trim().to_lowercase();
            if key.is_empty() {
                f.add(format!("glossary.json | {id} | empty alias"));
                continue;
            }
            // The same words twice in one entry are harmless; in two entries a link is ambiguous.
            if let Some(other) = seen.insert(key.clone(), id.clone()) {
                if other != *id {
                    f.add(format!(
                        "glossary.json | {id} | \"{name}\" is also a term or alias of {other}"
                    ));
                }
            }
        }
    }
    f.finish();
}

#[test]
fn meta_is_valid() {
    let c = content();
    let mut f = Failures::new("meta.json");
    if let Some(e) = date_problem(&c.meta.content_date) {
        f.add(format!("meta.json | content_date | {e}"));
    }
    f.check(c.meta.language == LANG.code(), || {
        format!("meta.json | language | not {:?}", LANG.code())
    });
    f.check(c.meta.stale_after_months > 0, || {
        "meta.json | stale_after_months | 0".into()
    });
    f.check(!blank(&c.meta.title), || "meta.json | title | empty".into());
    f.finish();
}
