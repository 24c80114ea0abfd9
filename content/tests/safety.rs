//! Safety review (issue 15): the fever definition of the clinical reference §4 (`FEVER_ON_CHEMO`)
//! and a pregnancy line on every drug card. Each check lists ALL its failures, and each has a
//! test proving it can fail. Run: `cargo test -p guide-content --test safety`.
//!
//! Fever: every card of a treatment with chemo, an antibody-drug conjugate (T-DXd, Dato-DXd),
//! tarlatamab or lurbinectedin, and note N-5, give the whole definition: 37.5 °C (99.5 °F) or
//! higher, or below 36 °C (96.8 °F), or shivering, or suddenly feeling unwell, then the cancer
//! team's 24-hour line. No card, note or glossary entry gives any other temperature (the old
//! "38 °C / 100.4 °F" alone missed people who need help). Cards of other medicines may still name
//! fever as a sign of lung inflammation (ILD) without the definition.
//!
//! Pregnancy: every card of a medicine has one item of its serious side effects that starts with
//! [`PREGNANCY_PREFIX`], names the unborn baby, birth control, pregnancy and breastfeeding. A line
//! the guide could not check against the drug label says so ("could not check") and is flagged in
//! the card's `unverified` list, so the app shows it as not yet checked.

use guide_content::{option_file, Content, Lang, OptionContent};

fn content() -> Content {
    Content::parse(Lang::En).unwrap_or_else(|e| panic!("{e}"))
}

/// Cards of treatments with chemo, an antibody-drug conjugate, tarlatamab or lurbinectedin.
const FEVER_CARDS: &[&str] = &[
    "CHEMO_FAMILY",
    "IO_CHEMO",
    "IO_NIVO_IPI",
    "CHEMO_PLATINUM_DOUBLET",
    "CHEMO_DOCETAXEL_RAM",
    "CHEMO_PEMETREXED_MONO",
    "CHEMO_PACLI_BEV",
    "CHEMO_SINGLE_AGENT",
    "LOC_CHEMORT",
    "SCLC_PLAT_ETOP",
    "SCLC_TARLATAMAB",
    "SCLC_LURBINECTEDIN",
    "SCLC_TOPOTECAN",
    "SCLC_OTHER_CHEMO",
    "TRILACICLIB",
    "EGFR_OSI_CHEMO",
    "EGFR_AMI_CHEMO",
    "EGFR_EX20_AMI_CHEMO",
    "EGFR_DATO",
    "HER2_TDXD",
];

/// Notes that must give the fever definition.
const FEVER_NOTES: &[&str] = &["N-5"];

/// The parts every fever warning must have (§4 `FEVER_ON_CHEMO`).
const FEVER_PARTS: &[&str] = &[
    "37.5 °C",
    "99.5 °F",
    "below 36 °C",
    "96.8 °F",
    "shivering",
    "suddenly feeling unwell",
    "24-hour line",
];

/// Temperatures that must never be given (the old, too narrow threshold).
const OLD_FEVER: &[&str] = &["38 °C", "38°C", "38 C", "100.4", "38.0"];

/// What is wrong with a fever warning, if anything (one text that must give the definition).
fn fever_definition_problems(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    FEVER_PARTS
        .iter()
        .filter(|p| !lower.contains(&p.to_lowercase()))
        .map(|p| format!("lacks \"{p}\""))
        .collect()
}

/// What is wrong with any text that gives a temperature, if anything.
fn temperature_problems(text: &str) -> Vec<String> {
    let mut out: Vec<String> = OLD_FEVER
        .iter()
        .filter(|o| text.contains(*o))
        .map(|o| format!("gives the old threshold \"{o}\""))
        .collect();
    if text.contains('°') {
        for p in ["37.5 °C", "below 36 °C"] {
            if !text.contains(p) {
                out.push(format!("gives a temperature without \"{p}\""));
            }
        }
    }
    out
}

fn card_texts(o: &OptionContent) -> Vec<(String, &str)> {
    let mut v: Vec<(String, &str)> = vec![
        ("summary".into(), o.summary.as_str()),
        ("aims".into(), o.aims.as_str()),
        ("what_it_is_like".into(), o.what_it_is_like.as_str()),
        ("uncertain".into(), o.uncertain.as_str()),
    ];
    for (name, list) in [
        ("common_side_effects", &o.common_side_effects),
        ("serious_side_effects", &o.serious_side_effects),
        ("questions", &o.questions),
    ] {
        for (i, s) in list.iter().enumerate() {
            v.push((format!("{name}[{i}]"), s.as_str()));
        }
    }
    if let Some(s) = &o.squamous_note {
        v.push(("squamous_note".into(), s.as_str()));
    }
    v
}

fn fever_problems(c: &Content) -> Vec<String> {
    let mut out = Vec::new();
    for id in FEVER_CARDS {
        let file = option_file(Lang::En, id).unwrap_or("options/?");
        match c.option(id) {
            None => out.push(format!("{file} | {id} | no card")),
            Some(o) => {
                let best = o
                    .serious_side_effects
                    .iter()
                    .map(|s| fever_definition_problems(s))
                    .min_by_key(Vec::len)
                    .unwrap_or_else(|| vec!["has no serious side effects".into()]);
                if !best.is_empty() {
                    out.push(format!(
                        "{file} | {id} | no serious side effect gives the fever definition: {}",
                        best.join(", ")
                    ));
                }
            }
        }
    }
    for id in FEVER_NOTES {
        match c.notes.get(*id) {
            None => out.push(format!("notes.json | {id} | no note")),
            Some(n) => {
                let p = fever_definition_problems(&n.text);
                if !p.is_empty() {
                    out.push(format!("notes.json | {id} | {}", p.join(", ")));
                }
            }
        }
    }
    for (id, o) in &c.options {
        let file = option_file(Lang::En, id).unwrap_or("options/?");
        for (field, t) in card_texts(o) {
            for p in temperature_problems(t) {
                out.push(format!("{file} | {id} | {field} | {p}: {t}"));
            }
        }
    }
    for (id, n) in &c.notes {
        for p in temperature_problems(&n.text) {
            out.push(format!("notes.json | {id} | {p}: {}", n.text));
        }
    }
    for (id, g) in &c.glossary {
        for p in temperature_problems(&g.definition) {
            out.push(format!("glossary.json | {id} | {p}: {}", g.definition));
        }
    }
    out
}

#[test]
fn every_fever_warning_uses_the_safe_definition() {
    let p = fever_problems(&content());
    assert!(
        p.is_empty(),
        "fever warnings: {} problem(s):\n{}",
        p.len(),
        p.join("\n")
    );
}

#[test]
fn fever_checks_can_fail() {
    let old = "A fever of 38 °C (100.4 °F) or more during chemo is an emergency.";
    assert!(!fever_definition_problems(old).is_empty());
    assert_eq!(
        temperature_problems(old).len(),
        4,
        "{:?}",
        temperature_problems(old)
    );
    let half = "A temperature of 37.5 °C (99.5 °F) or higher. Call your team.";
    let p = fever_definition_problems(half).join(", ");
    for needle in ["below 36 °C", "96.8 °F", "shivering", "24-hour line"] {
        assert!(p.contains(needle), "missing {needle} in {p}");
    }
    assert_eq!(
        temperature_problems(half),
        vec!["gives a temperature without \"below 36 °C\""]
    );
    let good = "A temperature of 37.5 °C (99.5 °F) or higher, or below 36 °C (96.8 °F). Or \
                shivering, or suddenly feeling unwell. Call your cancer team's 24-hour line now.";
    assert!(fever_definition_problems(good).is_empty());
    assert!(temperature_problems(good).is_empty());

    // A card of the fever list that lost its definition, and a note with the old threshold.
    let mut c = content();
    let card = c.options.get_mut("HER2_TDXD").unwrap();
    card.serious_side_effects
        .retain(|s| !fever_definition_problems(s).is_empty());
    card.common_side_effects.push(old.into());
    c.notes.get_mut("N-5").unwrap().text = old.into();
    let p = fever_problems(&c).join("\n");
    assert!(
        p.contains("HER2_TDXD | no serious side effect gives the fever definition"),
        "{p}"
    );
    assert!(p.contains("HER2_TDXD | common_side_effects"), "{p}");
    assert!(p.contains("notes.json | N-5 | lacks"), "{p}");
    assert!(
        p.contains("notes.json | N-5 | gives the old threshold"),
        "{p}"
    );
}

// ---------- pregnancy ----------

/// How the pregnancy item of a card's serious side effects begins.
const PREGNANCY_PREFIX: &str = "Pregnancy and breastfeeding:";

/// Words a pregnancy line must contain (lower case).
const PREGNANCY_WORDS: &[&str] = &["unborn baby", "birth control", "pregnant", "breastfe"];

/// Cards of options that are medicines (or a family of medicines).
fn drug_cards(c: &Content) -> Vec<&str> {
    let mut v: Vec<&str> = c
        .options
        .keys()
        .map(String::as_str)
        .filter(|id| {
            matches!(
                option_file(Lang::En, id),
                Some("options/targeted.json") | Some("options/immunotherapy_chemo.json")
            )
        })
        .collect();
    v.extend([
        "SCLC_PLAT_ETOP",
        "SCLC_TARLATAMAB",
        "SCLC_LURBINECTEDIN",
        "SCLC_TOPOTECAN",
        "SCLC_OTHER_CHEMO",
        "SCLC_ICI_NAIVE",
        "TRILACICLIB",
        "BONE_AGENT",
        "LOC_CHEMORT",
        "TARGETED_FAMILY",
        "EGFR_FAMILY",
        "IO_FAMILY",
        "CHEMO_FAMILY",
    ]);
    v
}

/// Whether the card's `unverified` list flags this item of its serious side effects.
fn flagged(o: &OptionContent, item: &str) -> bool {
    let item = item.to_lowercase();
    o.unverified.iter().any(|u| {
        let u = u.trim();
        !u.is_empty() && (u == "serious_side_effects" || item.contains(&u.to_lowercase()))
    })
}

fn pregnancy_problems(id: &str, o: &OptionContent) -> Vec<String> {
    let file = option_file(Lang::En, id).unwrap_or("options/?");
    let mut out = Vec::new();
    let lines: Vec<&String> = o
        .serious_side_effects
        .iter()
        .filter(|s| s.starts_with(PREGNANCY_PREFIX))
        .collect();
    if lines.len() != 1 {
        out.push(format!(
            "{file} | {id} | has {} serious side effect(s) starting \"{PREGNANCY_PREFIX}\"; needs exactly 1",
            lines.len()
        ));
    }
    for l in lines {
        // The words must be in the line itself, not only in its heading.
        let lower = l[PREGNANCY_PREFIX.len()..].to_lowercase();
        for w in PREGNANCY_WORDS {
            if !lower.contains(w) {
                out.push(format!(
                    "{file} | {id} | the pregnancy line lacks \"{w}\": {l}"
                ));
            }
        }
        if lower.contains("could not check") && !flagged(o, l) {
            out.push(format!(
                "{file} | {id} | the pregnancy line says it could not be checked but is not flagged in `unverified`"
            ));
        }
        if o.sources.is_empty() {
            out.push(format!("{file} | {id} | the pregnancy line has no source"));
        }
    }
    out
}

#[test]
fn every_drug_card_has_a_pregnancy_line() {
    let c = content();
    let cards = drug_cards(&c);
    assert!(cards.len() >= 40, "only {} drug cards found", cards.len());
    let mut p = Vec::new();
    for id in cards {
        match c.option(id) {
            None => p.push(format!("options/*.json | {id} | no card")),
            Some(o) => p.extend(pregnancy_problems(id, o)),
        }
    }
    assert!(
        p.is_empty(),
        "pregnancy lines: {} problem(s):\n{}",
        p.len(),
        p.join("\n")
    );
}

#[test]
fn pregnancy_checks_can_fail() {
    let c = content();
    let mut o = c.option("EGFR_OSI").unwrap().clone();
    assert!(pregnancy_problems("EGFR_OSI", &o).is_empty());
    o.serious_side_effects
        .retain(|s| !s.starts_with(PREGNANCY_PREFIX));
    assert!(pregnancy_problems("EGFR_OSI", &o)[0].contains("has 0 serious side effect(s)"));
    o.serious_side_effects.push(format!(
        "{PREGNANCY_PREFIX} this guide could not check the drug label on this."
    ));
    o.unverified.clear();
    let p = pregnancy_problems("EGFR_OSI", &o).join("\n");
    for needle in [
        "lacks \"unborn baby\"",
        "lacks \"breastfe\"",
        "is not flagged",
    ] {
        assert!(p.contains(needle), "missing {needle} in\n{p}");
    }
    o.unverified.push("could not check the drug label".into());
    assert!(!pregnancy_problems("EGFR_OSI", &o)
        .join("\n")
        .contains("is not flagged"));
    o.serious_side_effects
        .push(format!("{PREGNANCY_PREFIX} again"));
    assert!(pregnancy_problems("EGFR_OSI", &o)[0].contains("has 2"));
}
