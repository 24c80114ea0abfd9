//! The question flow: which questions are asked, in which order, what is pruned, and progress.
//!
//! One pass over the question table ([`Q::ALL`], §1 order) decides everything ([`flow`]). A
//! question is asked when
//!
//! 1. it can be asked at all given the earlier answers ([`can_ask`]: e.g. the setting of each
//!    drug only when a drug was ticked, the biomarker questions not for small cell), and
//! 2. it is **relevant**: some answer to it changes the evaluation (the options or their levels,
//!    urgent help, the notes or the questions to ask) given the other answers so far. This is
//!    computed, not written by hand: the engine evaluates the candidate answers ([`candidates`]:
//!    every answer of a single-answer question and none; for a multi-select each single answer,
//!    none, and the answer given) and compares.
//!
//! Answers to questions that are not asked are pruned: [`crate::evaluate`] evaluates the pruned
//! profile, so the app, the CLI and the stories see the same input. A relevance check keeps the
//! answer given among its candidates, so pruning an irrelevant answer never changes the result.

use std::collections::BTreeMap;
use std::rc::Rc;

use crate::answers::*;
use crate::facts::{brain_involved, hist_group, progressed_on, sclc_had_platinum, HistGroup};
use crate::profile::Profile;
use crate::questions::{Kind, Part, Q};
use crate::resolve::{evaluate_unpruned, Evaluation};

/// The flow for some answers: the questions asked, in order, and the answers that count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flow {
    /// The questions asked, in order.
    pub asked: Vec<Q>,
    /// The answers with those to questions not asked (and settings of drugs no longer ticked)
    /// left out: what the engine evaluates and the review lists.
    pub profile: Profile,
    /// The answers as given (what the person saw before each screen: [`Flow::next_screen`]).
    answers: Profile,
}

impl Flow {
    /// The evaluation of these answers: the same as `crate::evaluate` of the answers the flow
    /// was made from (which prunes them the same way), without computing the flow again.
    pub fn evaluate(&self) -> Evaluation {
        evaluate_unpruned(&self.profile)
    }

    pub fn is_asked(&self, q: Q) -> bool {
        self.asked.contains(&q)
    }

    /// Where Next goes from the screen of `lead` (`None` = start): the lead of the next screen
    /// (see [`SCREENS`]; `None` = the review), and the `return_to` for that screen.
    ///
    /// An answer can open a question before the screen it is on (some questions matter only
    /// given a later answer). Such a question, still without an answer, comes next, with
    /// `return_to` set to the screen the person was on; Next from there goes on to the next
    /// such question or past that screen, so a question skipped there is not asked again and
    /// again. The app keeps `return_to` between screens (`AppState::return_to`).
    pub fn next_screen(&self, lead: Option<Q>, return_to: Option<Q>) -> (Option<Q>, Option<Q>) {
        let Some(lead) = lead else {
            return (self.asked.first().map(|q| screen_lead(*q)), None);
        };
        let here = screen_of(lead);
        let last_here = here[here.len() - 1];
        // Gone back to a question: on to the next one opened the same way, then past the screen
        // the person was on. Only forward from here, so the walk always ends.
        let (from, after) = match return_to {
            Some(r) => (screen_of(r), Some(last_here)),
            None => (here, None),
        };
        if let Some(missed) = self.opened_before(from, after) {
            return (Some(screen_lead(missed)), Some(from[0]));
        }
        let last = from[from.len() - 1];
        let next = self.asked.iter().copied().find(|s| *s > last);
        (next.map(screen_lead), None)
    }

    /// A question before the screen `here` (and after `after`), asked, without an answer, that
    /// the answers on `here` or after it opened: not asked with only the answers before `here`.
    fn opened_before(&self, here: &[Q], after: Option<Q>) -> Option<Q> {
        let first = here[0];
        let mut before = self.answers.clone();
        for q in Q::ALL.iter().copied().filter(|q| *q >= first) {
            before.clear(q);
        }
        let then = flow(&before);
        self.asked
            .iter()
            .copied()
            .filter(|q| after.is_none_or(|a| *q > a) && *q < first)
            .find(|q| !is_answered(*q, &self.profile) && !then.is_asked(*q))
    }

    /// The screen before the screen of `lead`, or `None` when it is the welcome.
    pub fn prev_screen(&self, lead: Q) -> Option<Q> {
        self.prev(screen_of(lead)[0]).map(screen_lead)
    }

    /// The screen of the first asked question without an answer after the screen of `lead` (or
    /// from the start): after a change from the review, and where "Resume" goes.
    pub fn next_unanswered_screen(&self, lead: Option<Q>) -> Option<Q> {
        let after = lead.map(|l| {
            let here = screen_of(l);
            here[here.len() - 1]
        });
        self.next_unanswered(after).map(screen_lead)
    }

    /// Whether the screen of `lead` has a question to ask.
    pub fn screen_is_asked(&self, lead: Q) -> bool {
        screen_of(lead).iter().any(|q| self.is_asked(*q))
    }

    /// The question before `current`, or `None` when the previous screen is the welcome.
    pub fn prev(&self, current: Q) -> Option<Q> {
        self.asked.iter().rev().copied().find(|s| *s < current)
    }

    /// The first asked question without an answer after `after` (or from the start), if any.
    pub fn next_unanswered(&self, after: Option<Q>) -> Option<Q> {
        self.asked
            .iter()
            .copied()
            .filter(|s| after.is_none_or(|a| *s > a))
            .find(|s| !is_answered(*s, &self.profile))
    }
}

/// The flow for these answers (see the module's documentation).
pub fn flow(p: &Profile) -> Flow {
    let mut out = p.clone();
    let mut asked = Vec::new();
    // The same candidate often comes back (the answers given, for every question): evaluated once.
    let mut seen = Cache::default();
    for q in Q::ALL.iter().copied() {
        if !can_ask(q, &out) {
            out.clear(q);
            continue;
        }
        trim(q, &mut out);
        if relevant_with(q, &out, &mut seen) {
            asked.push(q);
        } else {
            out.clear(q);
        }
    }
    Flow {
        asked,
        profile: out,
        answers: p.clone(),
    }
}

/// The answers that count (see [`Flow::profile`]).
pub fn prune(p: &Profile) -> Profile {
    flow(p).profile
}

/// The questions asked, in order.
pub fn asked(p: &Profile) -> Vec<Q> {
    flow(p).asked
}

/// Whether `q` is asked given the answers in `p`.
pub fn is_asked(q: Q, p: &Profile) -> bool {
    flow(p).is_asked(q)
}

/// Per-drug answers for drugs no longer ticked are dropped.
fn trim(q: Q, p: &mut Profile) {
    match q {
        Q::PriorTxSetting => {
            let keep = setting_drugs(p);
            p.prior_tx_setting.retain(|k, _| keep.contains(k));
        }
        Q::LastTx => {
            let keep = last_tx_choices(p);
            p.last_tx.retain(|t| keep.contains(t));
        }
        _ => {}
    }
}

/// The profile with the answers to questions that cannot be asked left out (condition 1 only,
/// cheap: the candidates of a relevance check are compared through it).
pub fn can_ask_pruned(p: &Profile) -> Profile {
    let mut out = p.clone();
    for q in Q::ALL.iter().copied() {
        if can_ask(q, &out) {
            trim(q, &mut out);
        } else {
            out.clear(q);
        }
    }
    out
}

/// Questions shown together on one screen: short related questions that read naturally
/// together (issue 10), each group consecutive in the table and in one part. The screen shows
/// those of its questions that are asked, as the answers above them open them. Every other
/// question has a screen of its own.
/// Each with the ID of its heading (`screen.<id>` in the content's UI words).
pub const SCREENS: &[(&str, &[Q])] = &[
    // Where the cancer is, and how many spots in how many organs.
    ("where", &[Q::Sites, Q::MetCount, Q::OrganCount]),
    // How the last drug treatment went: which one, and where it grew.
    (
        "last_treatment",
        &[Q::LastSystemicOutcome, Q::LastTx, Q::ProgressingSpots],
    ),
    // Tested, and tested again since it came back.
    ("testing", &[Q::BiomarkerTested, Q::TestedSinceRecurrence]),
    // What the tests found.
    ("found", &[Q::Biomarkers, Q::Pdl1]),
    // The brain and its details.
    ("head", &[Q::Brain, Q::BrainCount, Q::Leptomeningeal]),
    // Day-to-day health, surgery and other health problems.
    ("health", &[Q::Ps, Q::SurgeryFit, Q::Contra]),
];

/// The questions on `q`'s screen, in order (`q` alone when it has a screen of its own).
pub fn screen_of(q: Q) -> &'static [Q] {
    SCREENS
        .iter()
        .find(|(_, group)| group.contains(&q))
        .map(|(_, group)| *group)
        .unwrap_or_else(|| {
            let i = q as usize;
            &Q::ALL[i..=i]
        })
}

/// The heading ID of `q`'s screen when it shows several questions.
pub fn screen_id(q: Q) -> Option<&'static str> {
    SCREENS
        .iter()
        .find(|(_, group)| group.contains(&q))
        .map(|(id, _)| *id)
}

/// The first question of `q`'s screen: the screen's name (`Screen::Question` in the app).
pub fn screen_lead(q: Q) -> Q {
    screen_of(q)[0]
}

/// The questions whose condition holds (condition 1 of the module's documentation), relevant or
/// not: what a walk asked before relevance. The branching tests read it.
pub fn possible(p: &Profile) -> Vec<Q> {
    let mut out = p.clone();
    let mut asked = Vec::new();
    for q in Q::ALL.iter().copied() {
        if can_ask(q, &out) {
            trim(q, &mut out);
            asked.push(q);
        } else {
            out.clear(q);
        }
    }
    asked
}

/// Whether some answer to `q` changes the evaluation, the other answers in `p` staying as they
/// are. Stops at the first candidate that differs.
pub fn relevant(q: Q, p: &Profile) -> bool {
    relevant_with(q, p, &mut Cache::default())
}

/// Evaluations of candidate profiles already made during one [`flow`].
#[derive(Default)]
/// A list, not a hash map: a few dozen entries, and no hashing code in the wasm.
struct Cache(Vec<(Profile, Rc<Evaluation>)>);

impl Cache {
    fn evaluate(&mut self, p: Profile) -> Rc<Evaluation> {
        if let Some((_, e)) = self.0.iter().find(|(k, _)| *k == p) {
            return e.clone();
        }
        let e = Rc::new(evaluate_unpruned(&p));
        self.0.push((p, e.clone()));
        e
    }
}

fn relevant_with(q: Q, p: &Profile, cache: &mut Cache) -> bool {
    let mut first: Option<Rc<Evaluation>> = None;
    any_candidate(q, p, |c| {
        let e = cache.evaluate(can_ask_pruned(&c));
        match &first {
            // Unknown and on the list of questions to ask: a known answer takes it off the list,
            // a different evaluation (the property tests check that such an answer exists).
            None if e.questions.contains(&q.id()) => true,
            None => {
                first = Some(e);
                false
            }
            Some(f) => **f != *e,
        }
    })
}

/// The answers tried for `q` by [`relevant`]: the answer given first, then none, then each
/// answer the question offers (for a multi-select, each one alone; for the settings, each
/// setting of each drug).
pub fn candidates(q: Q, p: &Profile) -> Vec<Profile> {
    let mut out = Vec::new();
    any_candidate(q, p, |c| {
        out.push(c);
        false
    });
    out
}

/// Calls `found` with each candidate of [`candidates`] in turn, made one at a time (most
/// questions are decided by the second or third), until it returns true.
fn any_candidate(q: Q, p: &Profile, mut found: impl FnMut(Profile) -> bool) -> bool {
    if found(p.clone()) {
        return true;
    }
    let mut none = p.clone();
    none.clear(q);
    if none != *p && found(none.clone()) {
        return true;
    }
    match q.kind() {
        Kind::Settings => {
            for drug in setting_drugs(p) {
                for s in TxSetting::ALL {
                    let mut c = p.clone();
                    c.prior_tx_setting.insert(drug, *s);
                    if c != *p && found(c) {
                        return true;
                    }
                }
            }
        }
        _ => {
            for id in choices(q, p) {
                let mut c = none.clone();
                if c.set_ids(q, &[id.as_str()]).is_ok() && c != *p && found(c) {
                    return true;
                }
            }
        }
    }
    false
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

/// Whether `q` can be asked at all, given the answers to the questions before it (condition 1
/// of the module's documentation). Each condition only reads questions asked before `q`, so
/// one pass in order decides the whole flow.
pub fn can_ask(q: Q, p: &Profile) -> bool {
    match q {
        Q::Histology | Q::Sites | Q::MetCount | Q::PriorTx => true,
        // Spots of spread counted: the number of organs only matters for 1 to 5 spots (or not known).
        Q::OrganCount => !matches!(p.met_count, Some(MetCount::None | MetCount::Gt5)),
        Q::PriorTxSetting => !setting_drugs(p).is_empty(),
        Q::PriorChemoDrugs => had(p, PriorTx::PlatinumChemo) || had(p, PriorTx::OtherChemo),
        Q::LastSystemicOutcome => !drugs_ticked(p).is_empty(),
        Q::LastTx => {
            !drugs_ticked(p).is_empty()
                && p.last_systemic_outcome != Some(Outcome::NeverHadDrugTreatment)
        }
        // Grew on a targeted pill (`facts::progressed_on`, the rules' own reading).
        Q::ProgressingSpots => progressed_on(p)
            .iter()
            .any(|t| matches!(t, PriorTx::Tki(_))),
        // Whenever the rules read platinum as given, also for de novo small cell with the
        // treatments unknown: the time since it decides (D-7, R-171 to R-174).
        Q::Ctfi => is_small_cell(p) && sclc_had_platinum(p),
        Q::IciInterval => nsclc_or_unknown(p) && p.prior_tx.iter().any(|t| t.is_ici()),
        Q::AdjuvantInterval => {
            nsclc_or_unknown(p)
                && setting_drugs(p)
                    .iter()
                    .any(|t| p.prior_tx_setting.get(t) == Some(&TxSetting::Adjuvant))
        }
        Q::Ps | Q::Contra | Q::Brain | Q::Symptoms | Q::Goals => true,
        Q::SurgeryFit => nsclc_or_unknown(p),
        Q::BiomarkerTested => !is_small_cell(p) || transformed(p),
        // Unless it was never tested: also when unsure how it was tested (review C-8; D-30
        // reads it after an earlier EGFR pill).
        Q::TestedSinceRecurrence => {
            hist_group(p) == HistGroup::Nsclc && p.biomarker_tested != Some(BiomarkerTested::No)
        }
        // "Not tested" makes the gene results question pointless; the engine reads it as not
        // tested. Transformed small cell: the EGFR change of the earlier cancer (R-10a).
        Q::Biomarkers => {
            (!is_small_cell(p) || transformed(p)) && p.biomarker_tested != Some(BiomarkerTested::No)
        }
        // PD-L1 is a separate test, often done without a gene panel: asked even after "No".
        Q::Pdl1 => !is_small_cell(p),
        Q::BrainCount | Q::Leptomeningeal => brain_involved(p),
    }
}

/// Whether the question has an answer (for the setting screen: every drug has one).
pub fn is_answered(q: Q, p: &Profile) -> bool {
    match q {
        Q::PriorTxSetting => setting_drugs(p)
            .iter()
            .all(|d| p.prior_tx_setting.contains_key(d)),
        _ => p.has_answer(q),
    }
}

/// Answer IDs offered for a question, in the reference's order. The `UNKNOWN`/"not sure"
/// answer is always included. `last_tx` offers the drugs ticked; the settings screen offers the
/// settings (one group per drug of [`setting_drugs`]).
pub fn choices(q: Q, p: &Profile) -> Vec<String> {
    match q {
        Q::LastTx => last_tx_choices(p).into_iter().map(PriorTx::id).collect(),
        _ => q.all_answer_ids(),
    }
}

/// The part of the flow `q` is in, with "part `n` of `total`" (1-based; the total is fixed).
pub fn part(q: Q) -> (Part, usize, usize) {
    let (n, total) = q.part().number();
    (q.part(), n, total)
}

/// The questions of each part, in order (for a screen that shows a part's questions together).
pub fn parts() -> BTreeMap<Part, Vec<Q>> {
    let mut m: BTreeMap<Part, Vec<Q>> = BTreeMap::new();
    for q in Q::ALL {
        m.entry(q.part()).or_default().push(*q);
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn screens_are_consecutive_questions_of_one_part_and_cover_each_question_once() {
        for (_, group) in SCREENS {
            assert!(group.len() >= 2, "{group:?}");
            for w in group.windows(2) {
                assert_eq!(
                    w[0] as usize + 1,
                    w[1] as usize,
                    "{group:?} not consecutive"
                );
                assert_eq!(w[0].part(), w[1].part(), "{group:?} spans two parts");
            }
        }
        for q in Q::ALL {
            let n = SCREENS.iter().filter(|(_, g)| g.contains(q)).count();
            assert!(n <= 1, "{q} on {n} screens");
            assert!(screen_of(*q).contains(q));
            assert_eq!(Q::ALL[screen_lead(*q) as usize], screen_lead(*q));
        }
    }
}
