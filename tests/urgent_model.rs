//! What urgent help tells the person to do, per red flag (§4, revised 2026-12-07): emergency
//! flags name emergency services first and never send the person to the team first; team flags
//! name the team's 24-hour line first and emergency services as the fallback; the crisis flag
//! names a crisis line and emergency services; several flags lead with the most urgent level.

use guide_content::{Content, Lang};
use guide_engine::{Symptom, UrgentLevel};
use recurrence_guide::urgent_model::{flags_of_level, urgent_groups};

fn content() -> &'static Content {
    Content::get(Lang::En)
}

/// Where in the text a phrase first appears (`usize::MAX` if nowhere).
fn at(text: &str, phrase: &str) -> usize {
    text.to_lowercase().find(phrase).unwrap_or(usize::MAX)
}

#[test]
fn every_red_flag_gets_the_message_of_its_level() {
    for s in Symptom::RED_FLAGS {
        let groups = urgent_groups(content(), &[*s]);
        assert_eq!(groups.len(), 1, "{}", s.id());
        let g = &groups[0];
        assert_eq!(Some(g.level), s.urgent_level());
        assert_eq!(g.items.len(), 1);
        assert_eq!(g.items[0].id, s.id());
        assert_eq!(g.items[0].label, content().red_flags.flags[s.id()].label);
        let text = format!("{} {} {}", g.title, g.short, g.action);
        let emergency = at(&text, "emergency services");
        let team = at(&text, "cancer team");
        let crisis = at(&text, "crisis line");
        match g.level {
            UrgentLevel::Emergency => {
                assert!(emergency < usize::MAX, "{}: {text}", s.id());
                assert!(emergency < team, "{}: the team comes first: {text}", s.id());
                assert!(
                    at(&g.title, "emergency services") < usize::MAX,
                    "{}",
                    s.id()
                );
            }
            UrgentLevel::TeamNow => {
                assert!(team < emergency, "{}: {text}", s.id());
                assert!(at(&g.action, "24-hour") < usize::MAX, "{}", s.id());
                assert!(emergency < usize::MAX, "{}: no fallback: {text}", s.id());
            }
            UrgentLevel::Crisis => {
                assert!(crisis < usize::MAX && emergency < usize::MAX, "{text}");
                assert!(text.contains("988") && text.contains("116 123"), "{text}");
                assert!(team == usize::MAX || team > crisis, "{text}");
            }
        }
    }
}

#[test]
fn stridor_and_fever_show_the_emergency_first_then_the_team() {
    let groups = urgent_groups(
        content(),
        &[Symptom::FeverOnChemo, Symptom::NoisyBreathingStridor],
    );
    let levels: Vec<_> = groups.iter().map(|g| g.level).collect();
    assert_eq!(levels, vec![UrgentLevel::Emergency, UrgentLevel::TeamNow]);
    assert_eq!(groups[0].items[0].id, "NOISY_BREATHING_STRIDOR");
    assert_eq!(groups[1].items[0].id, "FEVER_ON_CHEMO");
}

#[test]
fn flags_that_can_become_emergencies_say_when() {
    for s in [
        Symptom::SvcSigns,
        Symptom::ImmunotherapySevereSideEffect,
        Symptom::TarlatamabFeverOrConfusion,
        Symptom::AdcOrTkiLungSymptoms,
    ] {
        let g = urgent_groups(content(), &[s]);
        let e = g[0].items[0].escalate.as_deref().unwrap_or("");
        assert!(e.contains("emergency services"), "{}: {e}", s.id());
    }
}

#[test]
fn the_fever_flag_uses_the_wider_definition() {
    let label = &content().red_flags.flags["FEVER_ON_CHEMO"].label;
    for needle in ["37.5", "below 36", "unwell", "tarlatamab", "lurbinectedin"] {
        assert!(label.contains(needle), "{needle}: {label}");
    }
    assert!(!label.contains("38 °C"), "{label}");
}

#[test]
fn the_urgent_page_lists_every_flag_once() {
    let mut all: Vec<Symptom> = UrgentLevel::ORDER
        .into_iter()
        .flat_map(flags_of_level)
        .collect();
    all.sort_by_key(|s| s.id());
    let mut want = Symptom::RED_FLAGS.to_vec();
    want.sort_by_key(|s| s.id());
    assert_eq!(all, want);
}
