//! Which questions are asked, in which order, and the progress numbers.
//!
//! Pure logic on a [`Profile`] (no Leptos, no browser): tested natively in `tests/flow.rs`.
//! The order is the clinical reference's §1 order (the profile's field order). A question whose
//! answer cannot matter for the person is skipped, e.g. biomarker questions for small cell lung
//! cancer. Answers to skipped questions stay saved (so going back and changing an answer does not
//! lose work) but [`pruned`] drops them before the engine sees the profile or the review lists it.

use guide_engine::facts::{brain_involved, hist_group, sclc_had_platinum, HistGroup};
use guide_engine::{BiomarkerTested, Histology, MetCount, Outcome, PriorTx, Profile, TxSetting};

use crate::state::clear_field;

/// How a question is answered on its screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Radio buttons: one answer.
    Single,
    /// Checkboxes: any number of answers (`NONE`/`UNKNOWN` are exclusive).
    Multi,
    /// The treatments-had screen: checkboxes with nested lists of targeted pills and ADCs.
    PriorTx,
    /// One radio group per drug treatment ticked (the profile's `prior_tx_setting` map).
    Settings,
}

macro_rules! steps {
    ($($variant:ident = $id:literal : $kind:ident),+ $(,)?) => {
        /// One question screen. The ID is the clinical reference's question ID and the profile key.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Step { $($variant),+ }

        impl Step {
            /// Every question, in asking order.
            pub const ALL: &'static [Step] = &[$(Step::$variant),+];

            /// The question ID (`histology`, `sites`, ...), also the profile key.
            pub fn id(self) -> &'static str {
                match self { $(Step::$variant => $id),+ }
            }

            pub fn from_id(s: &str) -> Option<Step> {
                match s { $($id => Some(Step::$variant),)+ _ => None }
            }

            pub fn kind(self) -> Kind {
                match self { $(Step::$variant => Kind::$kind),+ }
            }
        }
    };
}

steps! {
    Histology = "histology": Single,
    Sites = "sites": Multi,
    MetCount = "met_count": Single,
    OrganCount = "organ_count": Single,
    PriorTx = "prior_tx": PriorTx,
    PriorTxSetting = "prior_tx_setting": Settings,
    PriorChemoDrugs = "prior_chemo_drugs": Multi,
    LastSystemicOutcome = "last_systemic_outcome": Single,
    LastTx = "last_tx": Multi,
    ProgressingSpots = "progressing_spots": Single,
    Ctfi = "ctfi": Single,
    IciInterval = "ici_interval": Single,
    AdjuvantInterval = "adjuvant_interval": Single,
    Ps = "ps": Single,
    SurgeryFit = "surgery_fit": Single,
    Contra = "contra": Multi,
    BiomarkerTested = "biomarker_tested": Single,
    TestedSinceRecurrence = "tested_since_recurrence": Single,
    Biomarkers = "biomarkers": Multi,
    Pdl1 = "pdl1": Single,
    Brain = "brain": Single,
    BrainCount = "brain_count": Single,
    Leptomeningeal = "leptomeningeal": Single,
    Symptoms = "symptoms": Multi,
    Goals = "goals": Single,
}

fn is_small_cell(p: &Profile) -> bool {
    matches!(
        p.histology,
        Some(Histology::Sclc | Histology::SclcTransformed)
    )
}

/// NSCLC of any kind, or type not known (unanswered or `UNKNOWN`).
fn nsclc_or_unknown(p: &Profile) -> bool {
    hist_group(p) != HistGroup::Sclc
}

/// Transformed small cell keeps the gene change of the cancer it came from (R-10a reads it).
fn transformed(p: &Profile) -> bool {
    p.histology == Some(Histology::SclcTransformed)
}

fn had(p: &Profile, tx: PriorTx) -> bool {
    p.prior_tx.contains(&tx)
}

fn had_tki(p: &Profile) -> bool {
    p.prior_tx.iter().any(|t| matches!(t, PriorTx::Tki(_)))
}

/// The drug treatments ticked in `prior_tx` (Q5a's choices, without `UNKNOWN`), in the order ticked.
pub fn drugs_ticked(p: &Profile) -> Vec<PriorTx> {
    let mut out: Vec<PriorTx> = Vec::new();
    for t in &p.prior_tx {
        if t.is_drug() && !out.contains(t) {
            out.push(*t);
        }
    }
    out
}

/// The drug treatments whose setting (Q4a) is asked: drugs ticked whose setting is not fixed by
/// definition (ICI_PERIOP, ICI_CONSOLIDATION, ICI_ADVANCED and TARLATAMAB are).
pub fn setting_drugs(p: &Profile) -> Vec<PriorTx> {
    drugs_ticked(p)
        .into_iter()
        .filter(|t| t.fixed_setting().is_none())
        .collect()
}

/// Q5a's answers: the drug treatments ticked, then `UNKNOWN`.
pub fn last_tx_choices(p: &Profile) -> Vec<PriorTx> {
    let mut v = drugs_ticked(p);
    v.push(PriorTx::Unknown);
    v
}

/// `last_tx` answered with at least one treatment (not unanswered, not only `UNKNOWN`).
fn last_tx_named(p: &Profile) -> bool {
    p.last_tx
        .iter()
        .any(|t| !matches!(t, PriorTx::Unknown | PriorTx::None))
}

/// Whether `step` is asked, given the answers in `p`. Each rule only reads questions asked
/// before `step`, so one pass in order decides the whole flow.
pub fn is_asked(step: Step, p: &Profile) -> bool {
    use Step as S;
    match step {
        S::Histology | S::Sites | S::MetCount | S::PriorTx => true,
        // Spots of spread counted: the number of organs only matters for 1 to 5 spots (or not known).
        S::OrganCount => !matches!(p.met_count, Some(MetCount::None | MetCount::Gt5)),
        S::PriorTxSetting => !setting_drugs(p).is_empty(),
        S::PriorChemoDrugs => had(p, PriorTx::PlatinumChemo) || had(p, PriorTx::OtherChemo),
        S::LastSystemicOutcome => !drugs_ticked(p).is_empty(),
        S::LastTx => {
            !drugs_ticked(p).is_empty()
                && p.last_systemic_outcome != Some(Outcome::NeverHadDrugTreatment)
        }
        S::ProgressingSpots => {
            p.last_systemic_outcome == Some(Outcome::GrewDuring)
                && (p.last_tx.iter().any(|t| matches!(t, PriorTx::Tki(_)))
                    || (!last_tx_named(p) && had_tki(p)))
        }
        // Whenever the rules read platinum as given, also for de novo small cell with the
        // treatments unknown: the time since it decides (D-7, R-171 to R-174).
        S::Ctfi => is_small_cell(p) && sclc_had_platinum(p),
        S::IciInterval => nsclc_or_unknown(p) && p.prior_tx.iter().any(|t| t.is_ici()),
        S::AdjuvantInterval => {
            nsclc_or_unknown(p)
                && setting_drugs(p)
                    .iter()
                    .any(|t| p.prior_tx_setting.get(t) == Some(&TxSetting::Adjuvant))
        }
        S::Ps | S::Contra | S::Brain | S::Symptoms | S::Goals => true,
        S::SurgeryFit => nsclc_or_unknown(p),
        S::BiomarkerTested => !is_small_cell(p) || transformed(p),
        // Unless it was never tested: also when unsure how it was tested (review C-8; D-30
        // reads it after an earlier EGFR pill).
        S::TestedSinceRecurrence => {
            hist_group(p) == HistGroup::Nsclc && p.biomarker_tested != Some(BiomarkerTested::No)
        }
        // "Not tested" makes the gene results question pointless; the engine reads it as not
        // tested. Transformed small cell: the EGFR change of the earlier cancer (R-10a).
        S::Biomarkers => {
            (!is_small_cell(p) || transformed(p)) && p.biomarker_tested != Some(BiomarkerTested::No)
        }
        // PD-L1 is a separate test, often done without a gene panel: asked even after "No".
        S::Pdl1 => !is_small_cell(p),
        S::BrainCount | S::Leptomeningeal => brain_involved(p),
    }
}

/// The profile the engine and the review see: answers to questions that are not asked are
/// dropped, and so are per-drug answers for drugs no longer ticked.
pub fn pruned(p: &Profile) -> Profile {
    let mut out = p.clone();
    for step in Step::ALL {
        if !is_asked(*step, &out) {
            clear_field(&mut out, step.id());
            continue;
        }
        match step {
            Step::PriorTxSetting => {
                let keep = setting_drugs(&out);
                out.prior_tx_setting.retain(|k, _| keep.contains(k));
            }
            Step::LastTx => {
                let keep = last_tx_choices(&out);
                out.last_tx.retain(|t| keep.contains(t));
            }
            _ => {}
        }
    }
    out
}

/// The questions asked, in order, given the answers so far.
pub fn asked_steps(p: &Profile) -> Vec<Step> {
    let p = pruned(p);
    Step::ALL
        .iter()
        .copied()
        .filter(|s| is_asked(*s, &p))
        .collect()
}

/// Whether the question has an answer (for the setting screen: every drug has one).
pub fn is_answered(step: Step, p: &Profile) -> bool {
    use Step as S;
    match step {
        S::Histology => p.histology.is_some(),
        S::Sites => !p.sites.is_empty(),
        S::MetCount => p.met_count.is_some(),
        S::OrganCount => p.organ_count.is_some(),
        S::PriorTx => !p.prior_tx.is_empty(),
        S::PriorTxSetting => setting_drugs(p)
            .iter()
            .all(|d| p.prior_tx_setting.contains_key(d)),
        S::PriorChemoDrugs => !p.prior_chemo_drugs.is_empty(),
        S::LastSystemicOutcome => p.last_systemic_outcome.is_some(),
        S::LastTx => !p.last_tx.is_empty(),
        S::ProgressingSpots => p.progressing_spots.is_some(),
        S::Ctfi => p.ctfi.is_some(),
        S::IciInterval => p.ici_interval.is_some(),
        S::AdjuvantInterval => p.adjuvant_interval.is_some(),
        S::Ps => p.ps.is_some(),
        S::SurgeryFit => p.surgery_fit.is_some(),
        S::Contra => !p.contra.is_empty(),
        S::BiomarkerTested => p.biomarker_tested.is_some(),
        S::TestedSinceRecurrence => p.tested_since_recurrence.is_some(),
        S::Biomarkers => !p.biomarkers.is_empty(),
        S::Pdl1 => p.pdl1.is_some(),
        S::Brain => p.brain.is_some(),
        S::BrainCount => p.brain_count.is_some(),
        S::Leptomeningeal => p.leptomeningeal.is_some(),
        S::Symptoms => !p.symptoms.is_empty(),
        S::Goals => p.goals.is_some(),
    }
}

/// The question after `current` (`None` = start), or `None` when the next screen is the review.
/// `current` need not be asked any more (its answer may have changed the flow): the next asked
/// question after its position is returned.
pub fn next_step(p: &Profile, current: Option<Step>) -> Option<Step> {
    let asked = asked_steps(p);
    match current {
        None => asked.first().copied(),
        Some(cur) => asked.into_iter().find(|s| *s > cur),
    }
}

/// The question before `current`, or `None` when the previous screen is the welcome screen.
pub fn prev_step(p: &Profile, current: Step) -> Option<Step> {
    asked_steps(p).into_iter().rev().find(|s| *s < current)
}

/// The first asked question without an answer after `current` (or from the start), if any.
/// Used after an edit from the review: questions that the edit newly opened are asked, then back
/// to the review.
pub fn next_unanswered(p: &Profile, after: Option<Step>) -> Option<Step> {
    let pp = pruned(p);
    asked_steps(p)
        .into_iter()
        .filter(|s| after.is_none_or(|a| *s > a))
        .find(|s| !is_answered(*s, &pp))
}

/// Where "Resume" goes: the first unanswered question, or `None` (the review) when all are answered.
pub fn resume_step(p: &Profile) -> Option<Step> {
    next_unanswered(p, None)
}

/// "Question `n` of `total`" for `step` (1-based). A step no longer asked reports its place
/// among the asked ones as if it were (so the numbers never jump backwards mid-screen).
pub fn progress(p: &Profile, step: Step) -> (usize, usize) {
    let asked = asked_steps(p);
    let before = asked.iter().filter(|s| **s < step).count();
    let included = asked.contains(&step);
    let total = asked.len() + usize::from(!included);
    (before + 1, total)
}

/// Answer IDs offered for a single or multi question, in the reference's order. The
/// `UNKNOWN`/"not sure" answer is always included. (The treatments screen and the per-drug
/// setting screen are built from [`prior_tx_layout`] and [`setting_drugs`].)
pub fn choices(step: Step, p: &Profile) -> Vec<String> {
    use guide_engine as e;
    fn ids<T: Copy>(all: &[T], id: fn(T) -> &'static str) -> Vec<String> {
        all.iter().map(|a| id(*a).to_owned()).collect()
    }
    use Step as S;
    match step {
        S::Histology => ids(e::Histology::ALL, e::Histology::id),
        S::Sites => ids(e::Site::ALL, e::Site::id),
        S::MetCount => ids(e::MetCount::ALL, e::MetCount::id),
        S::OrganCount => ids(e::OrganCount::ALL, e::OrganCount::id),
        S::PriorTx => PriorTx::all().into_iter().map(PriorTx::id).collect(),
        S::PriorTxSetting => ids(e::TxSetting::ALL, e::TxSetting::id),
        S::PriorChemoDrugs => ids(e::ChemoDrug::ALL, e::ChemoDrug::id),
        S::LastSystemicOutcome => ids(e::Outcome::ALL, e::Outcome::id),
        S::LastTx => last_tx_choices(p).into_iter().map(PriorTx::id).collect(),
        S::ProgressingSpots => ids(e::ProgressingSpots::ALL, e::ProgressingSpots::id),
        S::Ctfi => ids(e::Ctfi::ALL, e::Ctfi::id),
        S::IciInterval => ids(e::IciInterval::ALL, e::IciInterval::id),
        S::AdjuvantInterval => ids(e::AdjuvantInterval::ALL, e::AdjuvantInterval::id),
        S::Ps => ids(e::Ps::ALL, e::Ps::id),
        S::SurgeryFit => ids(e::SurgeryFit::ALL, e::SurgeryFit::id),
        S::Contra => ids(e::Contra::ALL, e::Contra::id),
        S::BiomarkerTested => ids(e::BiomarkerTested::ALL, e::BiomarkerTested::id),
        S::TestedSinceRecurrence => {
            ids(e::TestedSinceRecurrence::ALL, e::TestedSinceRecurrence::id)
        }
        S::Biomarkers => ids(e::Biomarker::ALL, e::Biomarker::id),
        S::Pdl1 => ids(e::Pdl1::ALL, e::Pdl1::id),
        S::Brain => ids(e::Brain::ALL, e::Brain::id),
        S::BrainCount => ids(e::BrainCount::ALL, e::BrainCount::id),
        S::Leptomeningeal => ids(e::Leptomeningeal::ALL, e::Leptomeningeal::id),
        S::Symptoms => ids(e::Symptom::ALL, e::Symptom::id),
        S::Goals => ids(e::Goal::ALL, e::Goal::id),
    }
}

/// The treatments screen, top to bottom: plain checkboxes, with the targeted-pill group after
/// the immunotherapy ones and the ADC group after amivantamab; `NONE` and `UNKNOWN` last.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PriorTxItem {
    /// A checkbox for one answer ID.
    Plain(String),
    /// A group checkbox ("A targeted pill") revealing a nested list of `<prefix>:<drug>` IDs.
    Group {
        /// `TKI` or `ADC`.
        prefix: &'static str,
        /// The drug answer IDs, the "I don't know the name" one (`<prefix>:UNKNOWN`) last.
        drugs: Vec<String>,
    },
}

pub fn prior_tx_layout() -> Vec<PriorTxItem> {
    use guide_engine::{Adc, Tki};
    let plain = |t: PriorTx| PriorTxItem::Plain(t.id());
    vec![
        plain(PriorTx::Surgery),
        plain(PriorTx::ChestRt),
        plain(PriorTx::ChestSbrt),
        plain(PriorTx::BrainRt),
        plain(PriorTx::PlatinumChemo),
        plain(PriorTx::OtherChemo),
        plain(PriorTx::IciPeriop),
        plain(PriorTx::IciConsolidation),
        plain(PriorTx::IciAdvanced),
        PriorTxItem::Group {
            prefix: "TKI",
            drugs: Tki::ALL.iter().map(|d| PriorTx::Tki(*d).id()).collect(),
        },
        plain(PriorTx::Amivantamab),
        PriorTxItem::Group {
            prefix: "ADC",
            drugs: Adc::ALL.iter().map(|d| PriorTx::Adc(*d).id()).collect(),
        },
        plain(PriorTx::Tarlatamab),
        plain(PriorTx::Zenocutuzumab),
        plain(PriorTx::None),
        plain(PriorTx::Unknown),
    ]
}
