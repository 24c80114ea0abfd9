//! §3.0 resolution: exclusions and overrides, highest level, caps (modifiers), performance
//! status, then the rules that read the result and the notes of §3.13.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::answers::*;
use crate::facts::*;
use crate::options::{Level, OptionId as O};
use crate::profile::Profile;
use crate::questions::Q;
use crate::rules::catalog::{rule, RULES};
use crate::rules::{self, ans, derived, Ctx, EmitKind, Fact, R82_CLASSES};
use crate::small;

/// One option in the result, with the trace a reviewer needs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OptionResult {
    pub id: O,
    pub level: Level,
    /// The rules that decided the level, then modifiers and pointers, in the reference's order.
    pub rules: Vec<&'static str>,
    /// The sources of those rules (§7 IDs).
    pub sources: Vec<&'static str>,
    /// The answers and derived facts that led to it (keys the content layer puts into words).
    pub because: Vec<Fact>,
    /// Modifiers that lowered the level.
    pub lowered_by: Vec<&'static str>,
    /// For `NOT`: the rules whose reason applies.
    pub not_because: Vec<&'static str>,
    /// Rules whose option note applies (content `rules.<id>.note`).
    pub notes: Vec<&'static str>,
}

/// What the engine derived, for reviewers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DerivedSummary {
    pub extent: &'static str,
    pub driver_class: Option<&'static str>,
    pub biomarker_status: &'static str,
    pub ps_group: &'static str,
    pub prior_lines: usize,
    pub prior_platinum_advanced: bool,
    pub ici_status: &'static str,
    /// Small cell only.
    pub ctfi: Option<&'static str>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Evaluation {
    /// §4 red flags ticked: the banner comes first.
    pub urgent: Vec<Symptom>,
    /// The §4 levels of those flags, each once, most urgent first (EMERGENCY, CRISIS, TEAM_NOW):
    /// the first decides what the person is told to do first.
    pub urgent_levels: Vec<crate::UrgentLevel>,
    /// Options with an emission, in catalogue order (never a ranking).
    pub options: Vec<OptionResult>,
    /// Safety notes N-1 to N-11 that apply.
    pub notes: Vec<&'static str>,
    /// Question IDs (§1) whose unknown answer changed the result: ask the care team.
    pub questions: Vec<&'static str>,
    pub derived: DerivedSummary,
}

impl Evaluation {
    pub fn option(&self, id: O) -> Option<&OptionResult> {
        self.options.iter().find(|o| o.id == id)
    }
    /// The level of an option, `None` when it is not listed at all.
    pub fn level(&self, id: O) -> Option<Level> {
        self.option(id).map(|o| o.level)
    }
    /// Resolved to `MAY` or `LIKELY`.
    pub fn shown(&self, id: O) -> bool {
        matches!(self.level(id), Some(Level::May | Level::Likely))
    }
}

/// Working state of one option during resolution.
struct Slot {
    level: Level,
    rules: Vec<&'static str>,
    because: Vec<Fact>,
    lowered_by: Vec<&'static str>,
    not_because: Vec<&'static str>,
    notes: Vec<&'static str>,
}

impl Slot {
    fn new(level: Level, rule: &'static str, because: &[Fact]) -> Slot {
        Slot {
            level,
            rules: vec![rule],
            because: because.to_vec(),
            lowered_by: vec![],
            not_because: vec![],
            notes: vec![],
        }
    }
    fn lower(&mut self, to: Level, rule: &'static str) {
        if self.level > to {
            self.level = to;
            push_unique(&mut self.lowered_by, rule);
            push_unique(&mut self.rules, rule);
            if to == Level::Not {
                self.not_because = vec![rule];
            }
        }
    }
}

fn push_unique<T: PartialEq>(v: &mut Vec<T>, x: T) {
    if !v.contains(&x) {
        v.push(x);
    }
}

/// Evaluates a profile against every rule of §3. The answers to questions the flow does not
/// ask are left out first ([`crate::flow::prune`]), so every caller (app, CLI, stories) sees the
/// same input.
pub fn evaluate(p: &Profile) -> Evaluation {
    evaluate_without(p, &[])
}

/// Evaluates with some rules switched off. Only for tests that prove each rule changes a result.
pub fn evaluate_without(p: &Profile, disabled: &[&str]) -> Evaluation {
    evaluate_unpruned_without(&crate::flow::prune(p), disabled)
}

/// Evaluates the answers as they are (the flow's relevance check compares candidates with it).
pub fn evaluate_unpruned(p: &Profile) -> Evaluation {
    evaluate_unpruned_without(p, &[])
}

fn evaluate_unpruned_without(p: &Profile, disabled: &[&str]) -> Evaluation {
    let mut c = Ctx::new(p, disabled);
    rules::fire_all(&mut c);
    let mut slots = resolve_levels(&c);
    apply_caps(&c, &mut slots);
    apply_brain_drug_cap(&c, &mut slots);
    apply_performance_status(&mut c, &mut slots);
    // Pointer rules explain shown options; also explain a re-challenge that is `NOT`.
    for (r, o) in &c.traces {
        if let Some(s) = slots.get_mut(o) {
            if s.level > Level::Not || matches!(*r, "R-183" | "R-184") {
                push_unique(&mut s.rules, r);
            }
        }
    }
    apply_result_rules(&c, &mut slots);
    let notes = safety_notes(&c, &slots);
    // Only questions the flow can ask (the relevance check then finds them relevant: a known
    // answer takes them off this list).
    let mut questions = questions_to_ask(&c);
    questions.retain(|id| Q::from_id(id).is_some_and(|q| crate::flow::can_ask(q, p)));
    let urgent = if c.off("R-00") { vec![] } else { red_flags(p) };
    let options = slots.into_iter().map(|(id, s)| finish(id, s)).collect();
    let urgent_levels = crate::urgent::urgent_levels(&urgent);
    Evaluation {
        urgent,
        urgent_levels,
        options,
        notes,
        questions,
        derived: summary(&c),
    }
}

/// §3.0 steps 3a and 3b.
fn resolve_levels(c: &Ctx) -> BTreeMap<O, Slot> {
    let mut by_option: BTreeMap<O, Vec<&rules::Emission>> = BTreeMap::new();
    for e in &c.emissions {
        by_option.entry(e.option).or_default().push(e);
    }
    let mut slots = BTreeMap::new();
    for (option, ems) in by_option {
        // An [OVR] rule lifts only the exclusions it names (R-182 says which rules override it).
        let lifted = |x: &str| {
            ems.iter()
                .any(|e| e.kind == EmitKind::Override && lifts(e.rule).contains(&x))
        };
        let excluded: Vec<_> = ems
            .iter()
            .filter(|e| e.kind == EmitKind::Exclusion && !lifted(e.rule))
            .collect();
        let decisive: Vec<&&rules::Emission> = if !excluded.is_empty() {
            excluded
        } else {
            let top = ems
                .iter()
                .filter(|e| e.kind != EmitKind::Exclusion)
                .map(|e| e.level)
                .max()
                .unwrap_or(Level::Not);
            ems.iter()
                .filter(|e| e.kind != EmitKind::Exclusion && e.level == top)
                .collect()
        };
        let level = decisive[0].level;
        let mut slot = Slot::new(level, decisive[0].rule, &[]);
        slot.rules.clear();
        for e in &decisive {
            push_unique(&mut slot.rules, e.rule);
            for f in &e.because {
                push_unique(&mut slot.because, f.clone());
            }
            if e.note {
                push_unique(&mut slot.notes, e.rule);
            }
            if level == Level::Not {
                push_unique(&mut slot.not_because, e.rule);
            }
        }
        slots.insert(option, slot);
    }
    slots
}

/// The exclusions an [OVR] rule lifts: R-10a lifts the small cell gate and "grew on it";
/// R-42 and R-111b lift only "grew on it" (§3.12 R-182), never a histology or exon-20 exclusion.
fn lifts(rule: &str) -> &'static [&'static str] {
    match rule {
        "R-10a" => &["R-10", "R-182"],
        "R-42" | "R-111b" => &["R-182"],
        _ => &[],
    }
}

/// §3.0 step 3c: set listed options to at most `MAY`.
fn apply_caps(c: &Ctx, slots: &mut BTreeMap<O, Slot>) {
    for cap in &c.caps {
        for o in &cap.options {
            if let Some(s) = slots.get_mut(o) {
                s.lower(Level::May, cap.rule);
            }
        }
    }
}

/// R-54 (modifier): no brain symptoms and a brain-active matched pill at `LIKELY`.
fn apply_brain_drug_cap(c: &Ctx, slots: &mut BTreeMap<O, Slot>) {
    if c.off("R-54") || !c.nsclc() || c.p.brain != Some(Brain::Asymptomatic) {
        return;
    }
    // Not when the cancer grew on the matched pill: it has already failed in the brain or
    // elsewhere, so radiosurgery is not kept in reserve (D-43; ASCO-SNO-ASTRO).
    if let Some(driver) = c.d.driver {
        if c.d.progressed.iter().any(|t| driver.is_matched_drug(*t)) {
            return;
        }
    }
    let likely = |o: O| slots.get(&o).map(|s| s.level) == Some(Level::Likely);
    let active = match c.d.driver {
        Some(DriverClass::EgfrCommon) => likely(O::EgfrOsi),
        Some(DriverClass::Alk) => likely(O::AlkTki) || likely(O::AlkAfter),
        Some(DriverClass::Ros1) => likely(O::Ros1Tki),
        _ => false,
    };
    if active {
        if let Some(s) = slots.get_mut(&O::BrainSrs) {
            if s.level > Level::May {
                s.lower(Level::May, "R-54");
                push_unique(&mut s.notes, "R-54");
            }
        }
    }
}

/// Matched targeted pills that R-21 keeps (at most `MAY`).
const R21_PILLS: &[O] = &[
    O::EgfrOsi,
    O::EgfrOlderTki,
    O::EgfrUncommon,
    O::EgfrEx20Sunvo,
    O::AlkTki,
    O::AlkAfter,
    O::Ros1Tki,
    O::BrafDt,
    O::BrafEb,
    O::KrasG12c,
    O::MetEx14,
    O::RetTki,
    O::NtrkTki,
    O::Her2Zong,
    O::Her2Seva,
];

/// Options R-20 sets to `NOT` at PS 3-4 without a driver.
const R20_NOT: &[O] = &[
    O::IoChemo,
    O::IoNivoIpi,
    O::IoMono,
    O::ChemoPlatinumDoublet,
    O::ChemoDocetaxelRam,
    O::ChemoSingleAgent,
    O::ChemoPemetrexedMono,
    O::ChemoPacliBev,
    O::AgnosticIo,
    O::CmetTeliso,
    O::Her2Tdxd,
    O::SclcPlatEtop,
    O::SclcTarlatamab,
    O::SclcIciNaive,
    O::LocResection,
    O::LocConsolidative,
    O::LocChemort,
];

/// Combination regimens R-22 lowers from `LIKELY` to `MAY` at PS 2.
const R22_COMBINATIONS: &[O] = &[
    O::IoChemo,
    O::IoNivoIpi,
    O::ChemoPlatinumDoublet,
    O::EgfrOsiChemo,
    O::EgfrAmiChemo,
    O::EgfrEx20AmiChemo,
    O::EgfrAmiLaz,
    O::SclcPlatEtop,
];

/// Adds a modifier's emission; it never revives an option resolved to `NOT` (§3.0 3c).
fn modifier_emit(
    slots: &mut BTreeMap<O, Slot>,
    o: O,
    level: Level,
    rule: &'static str,
    because: &[Fact],
) {
    match slots.get_mut(&o) {
        Some(s) if s.level == Level::Not => {}
        Some(s) => {
            if level > s.level {
                s.level = level;
                s.because = because.to_vec();
            }
            push_unique(&mut s.rules, rule);
        }
        None => {
            slots.insert(o, Slot::new(level, rule, because));
        }
    }
}

/// §3.3, R-22 (R-23 is a note, R-177 a pointer).
fn apply_performance_status(c: &mut Ctx, slots: &mut BTreeMap<O, Slot>) {
    let driver = if c.nsclc() { c.d.driver } else { None };
    match c.d.ps {
        PsGroup::Poor if driver.is_none() => {
            if c.off("R-20") {
                return;
            }
            let b = [c.f_ps()];
            modifier_emit(slots, O::BscHospice, Level::Likely, "R-20", &b);
            for o in R20_NOT {
                if let Some(s) = slots.get_mut(o) {
                    s.lower(Level::Not, "R-20");
                }
            }
            // A targeted option reached without a driver class (continued for oligoprogression,
            // R-42, or re-challenged, R-181) is treated as R-21 treats it with a driver (D-21):
            // a pill at most MAY; amivantamab with lazertinib, an ADC or an antibody NOT.
            for (o, s) in slots.iter_mut() {
                if R21_PILLS.contains(o) {
                    s.lower(Level::May, "R-20");
                } else if c.nsclc() && o.family() == crate::options::Family::Targeted {
                    s.lower(Level::Not, "R-20");
                }
            }
            if c.sclc() {
                for o in [O::SclcLurbinectedin, O::SclcTopotecan, O::SclcOtherChemo] {
                    if let Some(s) = slots.get_mut(&o) {
                        if s.level > Level::Not {
                            s.lower(Level::May, "R-20");
                            push_unique(&mut s.rules, "R-20");
                            push_unique(&mut s.notes, "R-20");
                        }
                    }
                }
            }
        }
        PsGroup::Poor => {
            if c.off("R-21") {
                return;
            }
            let b = [c.f_ps()];
            modifier_emit(slots, O::BscHospice, Level::Likely, "R-21", &b);
            // A first EGFR pill for common EGFR changes stays LIKELY: it often works quickly and
            // can restore fitness at PS 3-4 (NEJ001, OPEN/TORG2040) (D-44).
            let first_egfr_pill = driver == Some(DriverClass::EgfrCommon)
                && !c.d.treatments.iter().any(|t| {
                    matches!(t, PriorTx::Tki(d) if is_egfr_tki(*d)) || *t == PriorTx::Amivantamab
                });
            for (o, s) in slots.iter_mut() {
                if R21_PILLS.contains(o) {
                    if first_egfr_pill && *o == O::EgfrOsi && s.level == Level::Likely {
                        push_unique(&mut s.rules, "R-21");
                        push_unique(&mut s.notes, "R-21");
                        continue;
                    }
                    if s.level > Level::May {
                        s.lower(Level::May, "R-21");
                    }
                    if s.level == Level::May {
                        push_unique(&mut s.rules, "R-21");
                        push_unique(&mut s.notes, "R-21");
                    }
                } else if o.is_systemic_drug()
                    || matches!(o, O::LocResection | O::LocConsolidative | O::LocChemort)
                {
                    s.lower(Level::Not, "R-21");
                }
            }
        }
        PsGroup::Mid => {
            if c.off("R-22") {
                return;
            }
            for o in R22_COMBINATIONS {
                if let Some(s) = slots.get_mut(o) {
                    s.lower(Level::May, "R-22");
                }
            }
            if c.nsclc() {
                let b = [c.f_histology(), c.f_ps()];
                modifier_emit(slots, O::ChemoSingleAgent, Level::May, "R-22", &b);
            }
        }
        _ => {}
    }
}

/// §3.0 step 3d: R-02 (trials), R-03 (tumor board), R-178 (trilaciclib).
fn apply_result_rules(c: &Ctx, slots: &mut BTreeMap<O, Slot>) {
    let shown =
        |slots: &BTreeMap<O, Slot>, o: O| slots.get(&o).is_some_and(|s| s.level > Level::Not);
    if !c.off("R-02") {
        let any_likely_systemic = slots
            .iter()
            .any(|(o, s)| o.is_systemic_drug() && s.level == Level::Likely);
        let wants = c.p.goals == Some(Goal::InterestedInTrials);
        // At PS 3-4 most trials cannot take part: they usually need PS 0-1 (D-45).
        let poor = c.d.ps == PsGroup::Poor;
        if poor {
            if let Some(s) = slots.get_mut(&O::Trials) {
                s.lower(Level::May, "R-02");
            }
        }
        let (level, because) = if poor {
            (Level::May, vec![c.f_ps()])
        } else if wants {
            (Level::Likely, vec![ans(Q::Goals, "INTERESTED_IN_TRIALS")])
        } else if !any_likely_systemic {
            (Level::Likely, vec![derived("no_likely_systemic")])
        } else {
            (Level::May, vec![derived("everyone")])
        };
        modifier_emit(slots, O::Trials, level, "R-02", &because);
    }
    if !c.off("R-03") {
        let local = slots
            .iter()
            .any(|(o, s)| o.is_loc() && s.level > Level::Not);
        let (level, because) = if local {
            (Level::Likely, vec![derived("option_shown_local")])
        } else {
            (Level::May, vec![derived("everyone")])
        };
        modifier_emit(slots, O::SecondOpinionMdt, level, "R-03", &because);
    }
    if !c.off("R-178")
        && c.sclc()
        && (shown(slots, O::SclcPlatEtop) || shown(slots, O::SclcTopotecan))
    {
        modifier_emit(
            slots,
            O::Trilaciclib,
            Level::May,
            "R-178",
            &[c.f_histology(), derived("chemo_shown")],
        );
    }
}

/// §3.13 safety notes N-1 to N-11.
fn safety_notes(c: &Ctx, slots: &BTreeMap<O, Slot>) -> Vec<&'static str> {
    let shown = |o: O| slots.get(&o).is_some_and(|s| s.level > Level::Not);
    let any = |os: &[O]| os.iter().any(|o| shown(*o));
    let contra = |x: Contra| c.p.contra.contains(&x);
    let mut notes = c.notes.clone();
    let ici_shown = O::ALL.iter().any(|o| o.is_immunotherapy() && shown(*o));
    if ici_shown
        && (contra(Contra::AutoimmuneActive)
            || contra(Contra::OrganTransplant)
            || contra(Contra::PriorSevereImmuneSideEffect))
    {
        notes.insert("N-1");
    }
    // N-2: an EGFR change and prior immunotherapy; for transformed small cell too, where R-10a
    // shows the EGFR pill (review A-3).
    let egfr = if c.nsclc() {
        c.d.driver.is_some_and(|d| d.is_egfr())
    } else {
        c.p.histology == Some(Histology::SclcTransformed) && crate::facts::has_egfr(c.p)
    };
    if egfr && had_ici(c.p) {
        notes.insert("N-2");
    }
    let lung_risk = [
        O::Her2Tdxd,
        O::EgfrDato,
        O::Her2Zong,
        O::Her2Seva,
        O::EgfrAmiLaz,
        O::EgfrAmiChemo,
        O::EgfrEx20AmiChemo,
        O::EgfrEx20Ami,
        O::Ros1Tki,
    ];
    if contra(Contra::Ild) && any(&lung_risk) {
        notes.insert("N-3");
    }
    if shown(O::SclcTarlatamab) {
        notes.insert("N-4");
    }
    let fever_risk = [
        O::SclcTopotecan,
        O::SclcLurbinectedin,
        O::ChemoDocetaxelRam,
        O::ChemoPlatinumDoublet,
        O::SclcPlatEtop,
        O::IoChemo,
        O::EgfrOsiChemo,
        O::EgfrAmiChemo,
        O::EgfrEx20AmiChemo,
        O::ChemoSingleAgent,
        O::SclcOtherChemo,
    ];
    if any(&fever_risk) {
        notes.insert("N-5");
    }
    if c.nsclc()
        && matches!(
            c.d.status,
            BiomarkerStatus::NotTested | BiomarkerStatus::Unknown
        )
        && ici_shown
    {
        notes.insert("N-6");
    }
    let accelerated = [
        O::EgfrDato,
        O::EgfrEx20Sunvo,
        O::KrasG12c,
        O::CmetTeliso,
        O::Her2Zong,
        O::Her2Seva,
        O::Her2Tdxd,
        O::Nrg1Zeno,
        O::SclcLurbinectedin,
    ];
    if any(&accelerated) {
        notes.insert("N-7");
    }
    notes.insert("N-8");
    if contra(Contra::BleedingRisk) && any(&[O::ChemoDocetaxelRam, O::ChemoPacliBev]) {
        notes.insert("N-10");
    }
    if contra(Contra::Neuropathy) && any(&[O::CmetTeliso, O::ChemoDocetaxelRam, O::ChemoPacliBev]) {
        notes.insert("N-11");
    }
    let mut v: Vec<&'static str> = notes.into_iter().collect();
    // N-10 sorts before N-2 as text; order them by number.
    small::sort_by_key(&mut v, |n| {
        n.trim_start_matches("N-").parse::<u32>().unwrap_or(0)
    });
    v
}

/// Unknown answers that changed (or could change) the result, as §1 question IDs.
fn questions_to_ask(c: &Ctx) -> Vec<&'static str> {
    let p = c.p;
    let mut q: Vec<&'static str> = Vec::new();
    if c.d.hist == HistGroup::Unknown {
        q.push(Q::Histology.id());
    }
    // Leptomeningeal spread alone leaves the extent unknown by design (Q3); the sites may all be
    // answered then (review C-7).
    let lepto = p.leptomeningeal == Some(Leptomeningeal::Yes);
    if c.d.extent == Extent::Unknown && !lepto {
        q.push(Q::Sites.id());
    }
    if c.d.brain_involved && matches!(p.leptomeningeal, None | Some(Leptomeningeal::Unknown)) {
        q.push(Q::Leptomeningeal.id());
    }
    let unnamed_drug =
        c.d.treatments
            .iter()
            .any(|t| matches!(t, PriorTx::Tki(Tki::Unknown) | PriorTx::Adc(Adc::Unknown)));
    if !c.d.prior_tx_known || unnamed_drug {
        q.push(Q::PriorTx.id());
    }
    let drugs: Vec<PriorTx> =
        c.d.treatments
            .iter()
            .copied()
            .filter(|t| t.is_drug())
            .collect();
    // The settings feed the NSCLC rules only (prior lines, prior platinum) (review C-9).
    if c.d.hist != HistGroup::Sclc
        && drugs.iter().any(|t| {
            t.fixed_setting().is_none()
                && matches!(p.prior_tx_setting.get(t), None | Some(TxSetting::Unknown))
        })
    {
        q.push(Q::PriorTxSetting.id());
    }
    if !drugs.is_empty() && matches!(p.last_systemic_outcome, None | Some(Outcome::Unknown)) {
        q.push(Q::LastSystemicOutcome.id());
    }
    // Grew, Q5a not answered and the default names more than one drug: which one decides
    // "progressed on" (review C-6).
    let last_named = p
        .last_tx
        .iter()
        .any(|t| !matches!(t, PriorTx::Unknown | PriorTx::None));
    if p.last_systemic_outcome == Some(Outcome::GrewDuring)
        && !last_named
        && c.d.progressed.len() > 1
    {
        q.push(Q::LastTx.id());
    }
    let grew_on_pill = c.d.progressed.iter().any(|t| matches!(t, PriorTx::Tki(_)));
    if c.nsclc()
        && grew_on_pill
        && matches!(p.progressing_spots, None | Some(ProgressingSpots::Unknown))
    {
        q.push(Q::ProgressingSpots.id());
    }
    // Also de novo small cell with the treatments unknown, read as "had platinum" (D-7).
    if c.sclc() && sclc_had_platinum(p) && c.d.ctfi == Ctfi::Unknown {
        q.push(Q::Ctfi.id());
    }
    if c.nsclc() && c.d.ici == IciStatus::NoStatus {
        q.push(Q::IciInterval.id());
    }
    let adjuvant_drug = drugs
        .iter()
        .any(|t| p.prior_tx_setting.get(t) == Some(&TxSetting::Adjuvant));
    if c.nsclc()
        && adjuvant_drug
        && matches!(p.adjuvant_interval, None | Some(AdjuvantInterval::Unknown))
    {
        q.push(Q::AdjuvantInterval.id());
    }
    if matches!(p.ps, None | Some(Ps::Unknown)) {
        q.push(Q::Ps.id());
    }
    // Surgery fitness decides repeat surgery for a local recurrence, regional nodes
    // (R-32, PS not 3-4) and a single new lung spot (R-35) (review C-5).
    let surgery_matters = c.d.extent == Extent::LocalOnly
        || (c.d.extent == Extent::Locoregional && c.d.ps != PsGroup::Poor)
        || single_new_lung_spot(p);
    if c.nsclc() && surgery_matters && matches!(p.surgery_fit, None | Some(SurgeryFit::Unknown)) {
        q.push(Q::SurgeryFit.id());
    }
    if c.nsclc()
        && matches!(
            c.d.status,
            BiomarkerStatus::NotTested | BiomarkerStatus::Unknown
        )
    {
        q.push(Q::Biomarkers.id());
    }
    let had_targeted = c.d.treatments.iter().any(|t| t.is_targeted());
    if c.nsclc() && had_targeted && p.tested_since_recurrence != Some(TestedSinceRecurrence::Yes) {
        q.push(Q::TestedSinceRecurrence.id());
    }
    // PD-L1 decides a first treatment without a driver, and for KRAS G12C and NRG1, whose first
    // treatment follows 3.10 too; with the R-82 drivers it adds immunotherapy
    // alone (before platinum). Not at PS 3-4, where it changes nothing (review C-4).
    let first_as_no_driver = c.d.driver.is_none()
        || (matches!(c.d.driver, Some(DriverClass::KrasG12c | DriverClass::Nrg1))
            && c.d.prior_lines == 0);
    let r82 = c.d.driver.is_some_and(|d| R82_CLASSES.contains(&d)) && !c.d.platinum_advanced;
    if c.nsclc()
        && ((first_as_no_driver && c.d.prior_lines == 0) || r82)
        && c.d.ps != PsGroup::Poor
        && c.d.ici == IciStatus::Naive
        && matches!(p.pdl1, None | Some(Pdl1::Unknown))
    {
        q.push(Q::Pdl1.id());
    }
    if c.nsclc()
        && c.d.driver.is_none()
        && !c.squamous()
        && c.d.platinum_advanced
        && p.prior_chemo_drugs.iter().all(|d| *d == ChemoDrug::Unknown)
    {
        q.push(Q::PriorChemoDrugs.id());
    }
    if c.site(Site::Brain) && matches!(p.brain, None | Some(Brain::Unknown)) {
        q.push(Q::Brain.id());
    }
    if c.d.brain_involved && matches!(p.brain_count, None | Some(BrainCount::Unknown)) {
        q.push(Q::BrainCount.id());
    }
    q
}

fn finish(id: O, mut s: Slot) -> OptionResult {
    let order = |r: &&str| RULES.iter().position(|m| m.id == *r).unwrap_or(usize::MAX);
    small::sort_by_key(&mut s.rules, order);
    let mut sources: Vec<&'static str> = Vec::new();
    for r in &s.rules {
        for src in rule(r).sources {
            push_unique(&mut sources, *src);
        }
    }
    if s.level != Level::Not {
        s.not_because.clear();
    } else {
        // A note about using an option does not belong on one that is usually not used.
        s.notes.clear();
    }
    OptionResult {
        id,
        level: s.level,
        rules: s.rules,
        sources,
        because: s.because,
        lowered_by: s.lowered_by,
        not_because: s.not_because,
        notes: s.notes,
    }
}

fn summary(c: &Ctx) -> DerivedSummary {
    DerivedSummary {
        extent: c.d.extent.id(),
        driver_class: if c.nsclc() {
            c.d.driver.map(|d| d.id())
        } else {
            None
        },
        biomarker_status: c.d.status.id(),
        ps_group: match c.d.ps {
            PsGroup::Good => "GOOD",
            PsGroup::Mid => "MID",
            PsGroup::Poor => "POOR",
            PsGroup::Unk => "UNK",
        },
        prior_lines: c.d.prior_lines,
        prior_platinum_advanced: c.d.platinum_advanced,
        ici_status: match c.d.ici {
            IciStatus::Naive => "ICI_NAIVE",
            IciStatus::Refractory => "ICI_REFRACTORY",
            IciStatus::Remote => "ICI_REMOTE",
            IciStatus::Intermediate => "ICI_INTERMEDIATE",
            IciStatus::NoStatus => "NONE",
        },
        ctfi: if c.sclc() { Some(c.d.ctfi.id()) } else { None },
    }
}
