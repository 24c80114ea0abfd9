//! What urgent help says (R-00, §4), as plain data for the banner, the "Get help now" bar, the
//! urgent page and the printed summary: the ticked red flags grouped by level, most urgent level
//! first, each level with its action and each flag with its own words (and, where §4 says a sign
//! of it needs emergency services, those words too). Tested natively in `tests/urgent_model.rs`.

use guide_content::Content;
use guide_engine::urgent::by_level;
use guide_engine::{Symptom, UrgentLevel};

/// One ticked red flag in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UrgentItem {
    pub id: &'static str,
    pub label: String,
    /// "Call emergency services now if …" where §4 raises a sign of this flag to EMERGENCY.
    pub escalate: Option<String>,
}

/// One level of urgent help with the flags of that level.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UrgentGroup {
    pub level: UrgentLevel,
    /// The action in a few words ("Call emergency services now").
    pub title: String,
    /// The one-line form for the bar at the top of every screen.
    pub short: String,
    /// The full instruction.
    pub action: String,
    pub items: Vec<UrgentItem>,
}

/// The ticked red flags in words, grouped by level (most urgent first); empty when none.
pub fn urgent_groups(c: &Content, flags: &[Symptom]) -> Vec<UrgentGroup> {
    by_level(flags)
        .into_iter()
        .map(|(level, of_level)| {
            let words = c.red_flags.level(level);
            let items = of_level
                .into_iter()
                .map(|s| match c.red_flags.flags.get(s.id()) {
                    Some(f) => UrgentItem {
                        id: s.id(),
                        label: f.label.clone(),
                        escalate: f.escalate.clone(),
                    },
                    None => UrgentItem {
                        id: s.id(),
                        label: s.id().to_owned(),
                        escalate: None,
                    },
                })
                .collect();
            UrgentGroup {
                level,
                title: words.title,
                short: words.short,
                action: words.action,
                items,
            }
        })
        .collect()
}

/// Every red flag of one level, in §4 order (the urgent page lists them all).
pub fn flags_of_level(level: UrgentLevel) -> Vec<Symptom> {
    Symptom::RED_FLAGS
        .iter()
        .copied()
        .filter(|s| s.urgent_level() == Some(level))
        .collect()
}
