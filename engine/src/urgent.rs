//! §4 urgent help: the level of each red flag (revised 2026-12-07 after a safety review).
//!
//! `EMERGENCY`: call emergency services now. `TEAM_NOW`: call the cancer team's 24-hour line now,
//! and emergency services if it cannot be reached quickly or it gets worse. `CRISIS`: the mental
//! health crisis message. When several flags are ticked, the most urgent level leads
//! ([`UrgentLevel::ORDER`]). `content/<lang>/red_flags.json` carries the same level per flag (a
//! content test keeps the two equal) with the words of each level.

use serde::Serialize;

use crate::answers::Symptom;

/// How urgently a red flag needs help, most urgent first in [`UrgentLevel::ORDER`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum UrgentLevel {
    /// Call emergency services now.
    #[serde(rename = "EMERGENCY")]
    Emergency,
    /// A mental health crisis: a crisis line now, emergency services if not safe.
    #[serde(rename = "CRISIS")]
    Crisis,
    /// Call the cancer team's 24-hour line now; emergency services if not reached quickly.
    #[serde(rename = "TEAM_NOW")]
    TeamNow,
}

impl UrgentLevel {
    /// Most urgent first: the order in which the levels' messages are shown.
    pub const ORDER: [UrgentLevel; 3] = [
        UrgentLevel::Emergency,
        UrgentLevel::Crisis,
        UrgentLevel::TeamNow,
    ];

    /// The §4 ID, also the key in `red_flags.json`.
    pub fn id(self) -> &'static str {
        match self {
            UrgentLevel::Emergency => "EMERGENCY",
            UrgentLevel::Crisis => "CRISIS",
            UrgentLevel::TeamNow => "TEAM_NOW",
        }
    }
}

impl Symptom {
    /// The §4 level of a red flag; `None` for a symptom that is not a red flag.
    pub fn urgent_level(self) -> Option<UrgentLevel> {
        use Symptom::*;
        use UrgentLevel::*;
        Some(match self {
            CoughingBloodMoreThanStreaks
            | NewNeuroSymptoms
            | Seizure
            | SevereBreathlessSudden
            | NoisyBreathingStridor
            | ChestPainFainting => Emergency,
            CordCompressionSigns
            | SvcSigns
            | FeverOnChemo
            | ConfusionThirstHypercalcemia
            | LowSodiumSclc
            | ImmunotherapySevereSideEffect
            | TarlatamabFeverOrConfusion
            | AdcOrTkiLungSymptoms => TeamNow,
            SuicidalOrCrisis => Crisis,
            _ => return Option::None,
        })
    }
}

/// The levels of the ticked red flags, each once, most urgent first.
pub fn urgent_levels(flags: &[Symptom]) -> Vec<UrgentLevel> {
    UrgentLevel::ORDER
        .into_iter()
        .filter(|l| flags.iter().any(|s| s.urgent_level() == Some(*l)))
        .collect()
}

/// The ticked red flags grouped by level, most urgent level first, §4 order inside a level.
pub fn by_level(flags: &[Symptom]) -> Vec<(UrgentLevel, Vec<Symptom>)> {
    urgent_levels(flags)
        .into_iter()
        .map(|l| {
            let of_level = flags
                .iter()
                .copied()
                .filter(|s| s.urgent_level() == Some(l))
                .collect();
            (l, of_level)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_red_flag_has_a_level_and_no_other_symptom_has_one() {
        for s in Symptom::ALL {
            assert_eq!(s.is_red_flag(), s.urgent_level().is_some(), "{}", s.id());
        }
    }

    #[test]
    fn the_most_urgent_level_leads() {
        let flags = [Symptom::FeverOnChemo, Symptom::NoisyBreathingStridor];
        assert_eq!(
            urgent_levels(&flags),
            vec![UrgentLevel::Emergency, UrgentLevel::TeamNow]
        );
        let groups = by_level(&[Symptom::SuicidalOrCrisis, Symptom::FeverOnChemo]);
        assert_eq!(groups[0].0, UrgentLevel::Crisis);
        assert_eq!(
            groups[1],
            (UrgentLevel::TeamNow, vec![Symptom::FeverOnChemo])
        );
    }
}
