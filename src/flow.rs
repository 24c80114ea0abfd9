//! The question flow as the app uses it: a thin adapter over the engine's `guide_engine::flow`
//! (which questions are asked, pruning, next and previous, progress). The app never decides
//! which questions are relevant; only the layout of the treatments screen lives here.

use guide_engine::{PriorTx, Profile};

pub use guide_engine::flow::{
    choices, drugs_ticked, is_answered, last_tx_choices, part, setting_drugs, Flow,
};
/// One question screen: the engine's question ([`guide_engine::Q`]).
pub use guide_engine::Kind;
pub use guide_engine::Q as Step;

/// Whether `step` is asked, given the answers in `p`.
pub fn is_asked(step: Step, p: &Profile) -> bool {
    guide_engine::flow::is_asked(step, p)
}

/// The profile the engine and the review see (`guide_engine::flow::prune`).
pub fn pruned(p: &Profile) -> Profile {
    guide_engine::flow::prune(p)
}

/// The questions asked, in order, given the answers so far.
pub fn asked_steps(p: &Profile) -> Vec<Step> {
    guide_engine::flow::asked(p)
}

/// The questions whose branching condition holds, relevant or not (`guide_engine::flow::possible`).
pub fn possible_steps(p: &Profile) -> Vec<Step> {
    guide_engine::flow::possible(p)
}

/// The screen after the screen `current` (`None` = start), or `None` when the next screen is
/// the review. Screens are named by their first question; some show several
/// (`guide_engine::flow::SCREENS`).
pub fn next_step(p: &Profile, current: Option<Step>) -> Option<Step> {
    guide_engine::flow::flow(p).next_screen(current, None).0
}

/// The screen before the screen `current`, or `None` when the previous screen is the welcome.
pub fn prev_step(p: &Profile, current: Step) -> Option<Step> {
    guide_engine::flow::flow(p).prev_screen(current)
}

/// The screen of the first asked question without an answer after the screen `after` (or from
/// the start), if any. Used after an edit from the review: questions that the edit newly opened
/// are asked, then back to the review.
pub fn next_unanswered(p: &Profile, after: Option<Step>) -> Option<Step> {
    guide_engine::flow::flow(p).next_unanswered_screen(after)
}

/// Where "Resume" goes: the first screen with an unanswered question, or `None` (the review).
pub fn resume_step(p: &Profile) -> Option<Step> {
    next_unanswered(p, None)
}

/// The questions on the screen `step` (`guide_engine::flow::screen_of`).
pub use guide_engine::flow::{screen_lead, screen_of};

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
