//! The question table: every question of §1 written once.
//!
//! Each row gives the question's variant, its profile field, its ID (the clinical reference's
//! question ID: the profile's JSON key, the content's key in `content/<lang>/questions.json`),
//! how it is answered ([`Kind`]), the answer type, and the part of the flow it belongs to
//! ([`Part`]). The rows are in asking order: §1's, but the health questions (Q6-Q8) after the
//! tests and the brain (see [`Part::Health`]).
//!
//! From the table come: [`Q`] (the typed question: `Q::Histology`), the [`Profile`] struct and
//! its serde form, [`PROFILE_FIELDS`] and [`MULTI_SELECT_FIELDS`], the WebAssembly build's
//! reader (`profile_read.rs`), clearing, "is answered", every answer a question offers, and the
//! typed accessors the app reads answers with ([`Profile::answer_ids`], [`Profile::set_single`],
//! [`Profile::set_multi`]). The order, the parts and the conditions of the flow are in
//! [`crate::flow`].
//!
//! Adding a question = one row here + its entry in `content/<lang>/questions.json`
//! (`docs/architecture.md`, "Adding a question").
//!
//! Nowhere else is a question ID written as a string: code names a question by its variant
//! (`tests/invariants.rs` checks).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::answers::*;
use crate::profile::ProfileError;

/// How a question is answered on its screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Radio buttons: one answer (`Option<answer>`).
    Single,
    /// Checkboxes: any number of answers (`Vec<answer>`; `NONE`/`UNKNOWN` are exclusive).
    Multi,
    /// The treatments-had screen: checkboxes with nested lists of targeted pills and ADCs.
    PriorTx,
    /// One radio group per drug treatment ticked (a map keyed by the `prior_tx` answer).
    Settings,
}

/// The fixed parts of the question flow, in order. Progress is shown by part ("Your
/// treatments, part 2 of 5"): the count never grows as answers open or close questions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Part {
    /// Type of cancer and where it is.
    Cancer,
    /// Treatments had and how they went.
    Treatments,
    /// Biomarker tests and the brain.
    Tests,
    /// Day-to-day health and what rules treatments out. After the tests: which options are in
    /// play depends on them, and these questions matter only for some options (asked before
    /// the tests, "other health problems" would be opened again by the test results).
    Health,
    /// How the person feels and what matters to them.
    Now,
}

impl Part {
    pub const ALL: &'static [Part] = &[
        Part::Cancer,
        Part::Treatments,
        Part::Tests,
        Part::Health,
        Part::Now,
    ];

    /// A stable ID for the part's words (`part.<id>` in the content's UI words).
    pub const fn id(self) -> &'static str {
        match self {
            Part::Cancer => "cancer",
            Part::Treatments => "treatments",
            Part::Health => "health",
            Part::Tests => "tests",
            Part::Now => "now",
        }
    }

    /// `(n, total)`, 1-based: "part n of total". The total is fixed.
    pub fn number(self) -> (usize, usize) {
        (self as usize + 1, Part::ALL.len())
    }
}

/// One profile field's storage: `Option<answer>`, `Vec<answer>` or the per-drug settings map.
/// Everything the table derives for a field goes through this trait, so a row needs no code.
pub trait Field {
    /// A list of answer IDs in the JSON form.
    const IS_LIST: bool;
    /// Unanswered (missing, empty list or empty map): not written to JSON.
    fn is_unset(&self) -> bool;
    fn clear(&mut self);
    /// The answer IDs given, in order (for the map: the settings, in drug order).
    fn ids(&self) -> Vec<String>;
    /// Every answer the question offers, in the reference's order (for the map: the settings).
    fn all_ids() -> Vec<String>;
    /// Sets the answer from IDs (a single answer from one ID). Unknown IDs are refused with the
    /// same message as the profile reader's.
    fn set_ids(&mut self, q: Q, ids: &[&str]) -> Result<(), ProfileError>;
}

fn parse<T: AnswerId>(raw: &str) -> Result<T, ProfileError> {
    T::parse_id(raw).ok_or_else(|| ProfileError(T::unknown(raw)))
}

impl<T: AnswerId> Field for Option<T> {
    const IS_LIST: bool = false;
    fn is_unset(&self) -> bool {
        self.is_none()
    }
    fn clear(&mut self) {
        *self = None;
    }
    fn ids(&self) -> Vec<String> {
        self.iter().map(|a| a.answer_id()).collect()
    }
    fn all_ids() -> Vec<String> {
        T::all().into_iter().map(AnswerId::answer_id).collect()
    }
    fn set_ids(&mut self, q: Q, ids: &[&str]) -> Result<(), ProfileError> {
        match ids {
            [] => *self = None,
            [one] => *self = Some(parse(one)?),
            _ => {
                return Err(ProfileError(format!(
                    "{}: one answer expected, got {}",
                    q.id(),
                    ids.len()
                )))
            }
        }
        Ok(())
    }
}

impl<T: AnswerId + PartialEq> Field for Vec<T> {
    const IS_LIST: bool = true;
    fn is_unset(&self) -> bool {
        self.is_empty()
    }
    fn clear(&mut self) {
        Vec::clear(self);
    }
    fn ids(&self) -> Vec<String> {
        self.iter().map(|a| a.answer_id()).collect()
    }
    fn all_ids() -> Vec<String> {
        T::all().into_iter().map(AnswerId::answer_id).collect()
    }
    fn set_ids(&mut self, _: Q, ids: &[&str]) -> Result<(), ProfileError> {
        *self = ids.iter().map(|i| parse(i)).collect::<Result<_, _>>()?;
        Ok(())
    }
}

impl Field for BTreeMap<PriorTx, TxSetting> {
    const IS_LIST: bool = false;
    fn is_unset(&self) -> bool {
        self.is_empty()
    }
    fn clear(&mut self) {
        BTreeMap::clear(self);
    }
    fn ids(&self) -> Vec<String> {
        self.values().map(|s| s.id().to_owned()).collect()
    }
    fn all_ids() -> Vec<String> {
        TxSetting::IDS.iter().map(|s| (*s).to_owned()).collect()
    }
    fn set_ids(&mut self, q: Q, _: &[&str]) -> Result<(), ProfileError> {
        Err(ProfileError(format!(
            "{}: set per drug treatment (Profile::prior_tx_setting)",
            q.id()
        )))
    }
}

macro_rules! questions {
    ($(
        $(#[$meta:meta])*
        $variant:ident $field:ident = $id:literal : $kind:ident, $ty:ty, $part:ident;
    )+) => {
        /// A question of §1, in asking order. [`Q::id`] is the reference's question ID.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Q { $($variant),+ }

        impl Q {
            /// Every question, in asking order.
            pub const ALL: &'static [Q] = &[$(Q::$variant),+];

            /// The question ID (`histology`, `sites`, …): the profile key and the content key.
            pub const fn id(self) -> &'static str {
                match self { $(Q::$variant => $id),+ }
            }

            pub fn from_id(s: &str) -> Option<Q> {
                Q::ALL.iter().copied().find(|q| q.id() == s)
            }

            pub const fn kind(self) -> Kind {
                match self { $(Q::$variant => Kind::$kind),+ }
            }

            /// The part of the flow the question belongs to.
            pub const fn part(self) -> Part {
                match self { $(Q::$variant => Part::$part),+ }
            }

            /// Every answer the question offers, in the reference's order (for `last_tx` every
            /// treatment: the flow offers only the drugs ticked, `flow::choices`).
            pub fn all_answer_ids(self) -> Vec<String> {
                match self { $(Q::$variant => <$ty as Field>::all_ids()),+ }
            }
        }

        /// The person's answers: every question of §1, keyed by the reference's question IDs.
        ///
        /// Every field may be missing (unanswered) or `UNKNOWN`. Multi-select answers are lists;
        /// an empty list means unanswered. See `docs/profile.md` for the JSON form.
        #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct Profile {
            pub version: u32,
            $(
                $(#[$meta])*
                #[serde(rename = $id, default, skip_serializing_if = "Field::is_unset")]
                pub $field: $ty,
            )+
        }

        impl Profile {
            /// Removes the answer to one question.
            pub fn clear(&mut self, q: Q) {
                match q { $(Q::$variant => Field::clear(&mut self.$field)),+ }
            }

            /// Whether the question has any answer (the flow's "is answered" also asks that
            /// every drug of the settings screen has one).
            pub fn has_answer(&self, q: Q) -> bool {
                match q { $(Q::$variant => !Field::is_unset(&self.$field)),+ }
            }

            /// The answer IDs given to a question, in order (empty when unanswered).
            pub fn answer_ids(&self, q: Q) -> Vec<String> {
                match q { $(Q::$variant => Field::ids(&self.$field)),+ }
            }

            /// Sets a question's answer from answer IDs (one for a single-answer question; none
            /// clears it). Unknown IDs are refused and nothing changes.
            pub fn set_ids(&mut self, q: Q, ids: &[&str]) -> Result<(), ProfileError> {
                match q { $(Q::$variant => Field::set_ids(&mut self.$field, q, ids)),+ }
            }
        }

        /// Every key a profile may have, in question order.
        pub const PROFILE_FIELDS: &[&str] = &["version", $($id),+];

        const MULTI_COUNT: usize = {
            let mut n = 0;
            $(if <$ty as Field>::IS_LIST { n += 1; })+
            n
        };
        const MULTI: [&str; MULTI_COUNT] = {
            let mut a = [""; MULTI_COUNT];
            let mut i = 0;
            $(if <$ty as Field>::IS_LIST { a[i] = $id; i += 1; })+
            let _ = i;
            a
        };
        /// Fields whose value is a list of answer IDs.
        pub const MULTI_SELECT_FIELDS: &[&str] = &MULTI;

        /// The WebAssembly build's reader: each field with [`crate::profile_read::ReadField`].
        #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
        pub(crate) fn read_fields(
            obj: &serde_json::Map<String, serde_json::Value>,
        ) -> Result<Profile, ProfileError> {
            use crate::profile_read::ReadField;
            Ok(Profile {
                version: crate::profile::PROFILE_VERSION,
                $($field: <$ty as ReadField>::read(obj.get($id), Q::$variant)?,)+
            })
        }
    };
}

questions! {
    /// Q1. What type of lung cancer is it?
    Histology histology = "histology": Single, Option<Histology>, Cancer;
    /// Q2. Where has the cancer come back?
    Sites sites = "sites": Multi, Vec<Site>, Cancer;
    MetCount met_count = "met_count": Single, Option<MetCount>, Cancer;
    OrganCount organ_count = "organ_count": Single, Option<OrganCount>, Cancer;
    /// Q4. Treatments had.
    PriorTx prior_tx = "prior_tx": PriorTx, Vec<PriorTx>, Treatments;
    /// Q4a, keyed by the Q4 ID (e.g. `{"PLATINUM_CHEMO": "ADJUVANT"}`).
    PriorTxSetting prior_tx_setting = "prior_tx_setting": Settings, BTreeMap<PriorTx, TxSetting>, Treatments;
    PriorChemoDrugs prior_chemo_drugs = "prior_chemo_drugs": Multi, Vec<ChemoDrug>, Treatments;
    LastSystemicOutcome last_systemic_outcome = "last_systemic_outcome": Single, Option<Outcome>, Treatments;
    /// Q5a: which treatment the outcome is about (Q4 IDs, or `UNKNOWN`).
    LastTx last_tx = "last_tx": Multi, Vec<PriorTx>, Treatments;
    ProgressingSpots progressing_spots = "progressing_spots": Single, Option<ProgressingSpots>, Treatments;
    Ctfi ctfi = "ctfi": Single, Option<Ctfi>, Treatments;
    IciInterval ici_interval = "ici_interval": Single, Option<IciInterval>, Treatments;
    AdjuvantInterval adjuvant_interval = "adjuvant_interval": Single, Option<AdjuvantInterval>, Treatments;
    BiomarkerTested biomarker_tested = "biomarker_tested": Single, Option<BiomarkerTested>, Tests;
    TestedSinceRecurrence tested_since_recurrence = "tested_since_recurrence": Single, Option<TestedSinceRecurrence>, Tests;
    Biomarkers biomarkers = "biomarkers": Multi, Vec<Biomarker>, Tests;
    Pdl1 pdl1 = "pdl1": Single, Option<Pdl1>, Tests;
    Brain brain = "brain": Single, Option<Brain>, Tests;
    BrainCount brain_count = "brain_count": Single, Option<BrainCount>, Tests;
    Leptomeningeal leptomeningeal = "leptomeningeal": Single, Option<Leptomeningeal>, Tests;
    Ps ps = "ps": Single, Option<Ps>, Health;
    SurgeryFit surgery_fit = "surgery_fit": Single, Option<SurgeryFit>, Health;
    Contra contra = "contra": Multi, Vec<Contra>, Health;
    Symptoms symptoms = "symptoms": Multi, Vec<Symptom>, Now;
    Goals goals = "goals": Single, Option<Goal>, Now;
}

impl std::fmt::Display for Q {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_read_back() {
        for q in Q::ALL {
            assert_eq!(Q::from_id(q.id()), Some(*q));
        }
        assert_eq!(PROFILE_FIELDS.len(), Q::ALL.len() + 1);
        assert_eq!(Q::from_id("version"), None);
    }

    #[test]
    fn multi_select_fields_are_the_lists() {
        let lists: Vec<&str> = Q::ALL
            .iter()
            .filter(|q| matches!(q.kind(), Kind::Multi | Kind::PriorTx))
            .map(|q| q.id())
            .collect();
        assert_eq!(MULTI_SELECT_FIELDS, lists.as_slice());
    }

    #[test]
    fn parts_follow_the_order() {
        let parts: Vec<Part> = Q::ALL.iter().map(|q| q.part()).collect();
        assert!(parts.windows(2).all(|w| w[0] <= w[1]), "{parts:?}");
        for p in Part::ALL {
            assert!(parts.contains(p), "{p:?} has no question");
        }
    }
}
