//! The rules of §3. Each section of the reference has its own file; every rule keeps its ID
//! (search for `"R-90"`), and its sources live in [`catalog`].
//!
//! Rules only *emit*: `(option, level, rule)` plus the facts that made them fire. Resolution
//! (exclusions, overrides, highest level, caps, performance status) is in `crate::resolve`.

pub mod catalog;
mod general;
mod nsclc_driver;
pub(crate) use nsclc_driver::R82_CLASSES;
mod nsclc_no_driver;
mod resistance;
mod sclc;

use std::collections::BTreeSet;

use crate::answers::*;
use crate::facts::{self, *};
use crate::options::{Level, OptionId};
use crate::profile::Profile;
use crate::questions::Q;

/// Why a rule fired, as a stable key the content layer turns into words:
/// `histology=NSCLC_NONSQ` (an answer), `progressed_on=TKI:osimertinib`, or `fact:<key>` (a derived fact).
pub type Fact = String;

pub fn ans(question: Q, answer: &str) -> Fact {
    format!("{}={answer}", question.id())
}

pub fn derived(key: &'static str) -> Fact {
    debug_assert!(
        DERIVED_FACTS.contains(&key),
        "undeclared derived fact {key}"
    );
    format!("fact:{key}")
}

/// Every derived fact key a rule can give as a reason. The content layer must phrase each one.
pub const DERIVED_FACTS: &[&str] = &[
    "everyone",
    "comfort_first",
    "extent_local_only",
    "extent_locoregional",
    "extent_oligometastatic",
    "extent_widespread",
    "extent_unknown",
    "ps_good",
    "ps_mid",
    "ps_poor",
    "ps_unknown",
    "no_prior_chest_rt",
    "prior_chest_rt",
    "single_new_lung_spot",
    "no_prior_egfr_tki",
    "prior_egfr_tki",
    "no_prior_osimertinib",
    "no_prior_platinum_advanced",
    "prior_platinum_advanced",
    "prior_platinum_adjuvant_only",
    "no_prior_platinum",
    "prior_platinum",
    "no_prior_amivantamab",
    "no_prior_matched_drug",
    "prior_matched_drug",
    "no_prior_ici",
    "prior_ici",
    "ici_refractory",
    "ici_remote",
    "ici_intermediate",
    "no_prior_lines",
    "prior_lines",
    "few_spots_growing",
    "biomarkers_not_tested",
    "biomarkers_unknown",
    "not_retested_after_targeted",
    "blood_test_only_negative",
    "no_driver_found",
    "driver_found",
    "brain_involved",
    "pleural_breathless",
    "ctfi_lt3m",
    "ctfi_m3_6",
    "ctfi_gt6m",
    "ctfi_unknown",
    "no_prior_pemetrexed",
    "non_squamous",
    "stopped_for_side_effects",
    "completed_adjuvant_course",
    "recurrence_during_adjuvant",
    "t790m_not_retested",
    "met_amp_at_progression",
    "brain_active_drug_likely",
    "no_prior_tarlatamab",
    "never_had_ici",
    "option_shown_local",
    "no_likely_systemic",
    "interested_in_trials",
    "chemo_shown",
];

/// How an emission takes part in §3.0 step 3a.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EmitKind {
    Normal,
    /// [X]: `NOT` that wins unless overridden.
    Exclusion,
    /// [OVR]: lifts an [X] `NOT` for this option.
    Override,
}

#[derive(Clone, Debug)]
pub struct Emission {
    pub option: OptionId,
    pub level: Level,
    pub rule: &'static str,
    pub kind: EmitKind,
    pub because: Vec<Fact>,
    /// The rule's option note applies (e.g. R-42 "continue the same pill alongside local treatment").
    pub note: bool,
}

/// A "(modifier)" of §3.0 step 3c: the listed options are set to at most `MAY`.
#[derive(Clone, Debug)]
pub struct Cap {
    pub rule: &'static str,
    pub options: Vec<OptionId>,
    pub because: Vec<Fact>,
}

/// The facts every rule reads, derived once per evaluation.
#[derive(Clone, Debug)]
pub struct Derived {
    pub hist: HistGroup,
    pub extent: Extent,
    pub driver: Option<DriverClass>,
    pub status: BiomarkerStatus,
    pub ps: PsGroup,
    pub ici: IciStatus,
    pub ctfi: Ctfi,
    pub prior_lines: usize,
    pub platinum_advanced: bool,
    pub treatments: BTreeSet<PriorTx>,
    pub progressed: BTreeSet<PriorTx>,
    pub last_tx: BTreeSet<PriorTx>,
    pub brain_involved: bool,
    pub egfr: bool,
    pub prior_tx_known: bool,
}

impl Derived {
    pub fn of(p: &Profile) -> Derived {
        Derived {
            hist: facts::hist_group(p),
            extent: facts::extent(p),
            driver: facts::driver_class(p),
            status: facts::biomarker_status(p),
            ps: facts::ps_group(p),
            ici: facts::ici_status(p),
            ctfi: facts::ctfi(p),
            prior_lines: facts::prior_lines(p),
            platinum_advanced: facts::prior_platinum_advanced(p),
            treatments: facts::treatments(p),
            progressed: facts::progressed_on(p),
            last_tx: facts::last_tx(p),
            brain_involved: facts::brain_involved(p),
            egfr: facts::has_egfr(p),
            prior_tx_known: facts::prior_tx_known(p),
        }
    }
}

/// The evaluation in progress: the profile, its derived facts, and what the rules emitted.
pub struct Ctx<'a> {
    pub p: &'a Profile,
    pub d: Derived,
    disabled: &'a [&'a str],
    pub emissions: Vec<Emission>,
    pub caps: Vec<Cap>,
    /// Pointer rules: (rule, option) marks added to the trace of shown options.
    pub traces: Vec<(&'static str, OptionId)>,
    /// Safety notes (N-x) and rule notes without an option.
    pub notes: BTreeSet<&'static str>,
}

impl<'a> Ctx<'a> {
    pub fn new(p: &'a Profile, disabled: &'a [&'a str]) -> Ctx<'a> {
        Ctx {
            p,
            d: Derived::of(p),
            disabled,
            emissions: Vec::new(),
            caps: Vec::new(),
            traces: Vec::new(),
            notes: BTreeSet::new(),
        }
    }

    /// Whether a rule is switched off (only tests do this, to prove each rule matters).
    pub fn off(&self, rule: &str) -> bool {
        self.disabled.contains(&rule)
    }

    fn push(
        &mut self,
        rule: &'static str,
        option: OptionId,
        level: Level,
        kind: EmitKind,
        because: &[Fact],
        note: bool,
    ) {
        if self.off(rule) {
            return;
        }
        debug_assert!(
            catalog::RULES.iter().any(|r| r.id == rule),
            "unknown rule {rule}"
        );
        self.emissions.push(Emission {
            option,
            level,
            rule,
            kind,
            because: because.to_vec(),
            note,
        });
    }

    pub fn emit(&mut self, rule: &'static str, option: OptionId, level: Level, because: &[Fact]) {
        self.push(rule, option, level, EmitKind::Normal, because, false);
    }

    /// An emission whose rule note (content `rules.<id>.note`) applies to the option.
    pub fn emit_noted(
        &mut self,
        rule: &'static str,
        option: OptionId,
        level: Level,
        because: &[Fact],
    ) {
        self.push(rule, option, level, EmitKind::Normal, because, true);
    }

    pub fn exclude(&mut self, rule: &'static str, option: OptionId, because: &[Fact]) {
        self.push(
            rule,
            option,
            Level::Not,
            EmitKind::Exclusion,
            because,
            false,
        );
    }

    pub fn overrule(
        &mut self,
        rule: &'static str,
        option: OptionId,
        level: Level,
        because: &[Fact],
        note: bool,
    ) {
        self.push(rule, option, level, EmitKind::Override, because, note);
    }

    pub fn cap(&mut self, rule: &'static str, options: Vec<OptionId>, because: &[Fact]) {
        if self.off(rule) || options.is_empty() {
            return;
        }
        self.caps.push(Cap {
            rule,
            options,
            because: because.to_vec(),
        });
    }

    pub fn trace(&mut self, rule: &'static str, option: OptionId) {
        if !self.off(rule) {
            self.traces.push((rule, option));
        }
    }

    pub fn note(&mut self, rule_or_note: &'static str, id: &'static str) {
        if !self.off(rule_or_note) {
            self.notes.insert(id);
        }
    }

    // ---- Shorthands the rules read ----

    pub fn nsclc(&self) -> bool {
        self.d.hist == HistGroup::Nsclc
    }
    pub fn sclc(&self) -> bool {
        self.d.hist == HistGroup::Sclc
    }
    pub fn squamous(&self) -> bool {
        self.p.histology == Some(Histology::NsclcSq)
    }
    /// `GOOD`, with unknown PS counted as good (§3.0).
    pub fn ps_good(&self) -> bool {
        matches!(self.d.ps, PsGroup::Good | PsGroup::Unk)
    }
    pub fn had(&self, tx: PriorTx) -> bool {
        self.d.treatments.contains(&tx)
    }
    pub fn had_tki(&self, pred: impl Fn(Tki) -> bool) -> bool {
        self.d
            .treatments
            .iter()
            .any(|t| matches!(t, PriorTx::Tki(d) if pred(*d)))
    }
    pub fn progressed_on(&self, tx: PriorTx) -> bool {
        self.d.progressed.contains(&tx)
    }
    pub fn progressed_on_tki(&self, pred: impl Fn(Tki) -> bool) -> bool {
        self.d
            .progressed
            .iter()
            .any(|t| matches!(t, PriorTx::Tki(d) if pred(*d)))
    }
    pub fn bm(&self, b: Biomarker) -> bool {
        self.p.biomarkers.contains(&b)
    }
    pub fn symptom(&self, s: Symptom) -> bool {
        self.p.symptoms.contains(&s)
    }
    pub fn site(&self, s: Site) -> bool {
        self.p.sites.contains(&s)
    }
    pub fn prior_matched(&self) -> bool {
        match self.d.driver {
            Some(c) => self.d.treatments.iter().any(|t| c.is_matched_drug(*t)),
            None => false,
        }
    }

    // ---- Facts as reasons ----

    pub fn f_histology(&self) -> Fact {
        ans(
            Q::Histology,
            self.p.histology.map(|h| h.id()).unwrap_or("UNKNOWN"),
        )
    }
    pub fn f_extent(&self) -> Fact {
        derived(match self.d.extent {
            Extent::LocalOnly => "extent_local_only",
            Extent::Locoregional => "extent_locoregional",
            Extent::Oligometastatic => "extent_oligometastatic",
            Extent::Widespread => "extent_widespread",
            Extent::Unknown => "extent_unknown",
        })
    }
    pub fn f_ps(&self) -> Fact {
        match self.p.ps {
            Some(ps) if ps != Ps::Unknown => ans(Q::Ps, ps.id()),
            _ => derived("ps_unknown"),
        }
    }
    pub fn f_bm(&self, b: Biomarker) -> Fact {
        ans(Q::Biomarkers, b.id())
    }
    /// The biomarker answer behind the driver class (EGFR_T790M alone reads as itself).
    pub fn f_driver(&self) -> Fact {
        let c = self.d.driver.expect("f_driver needs a driver");
        if c == DriverClass::EgfrCommon && !self.bm(Biomarker::EgfrCommon) {
            return self.f_bm(Biomarker::EgfrT790m);
        }
        ans(Q::Biomarkers, c.id())
    }
    pub fn f_had(&self, tx: PriorTx) -> Fact {
        ans(Q::PriorTx, &tx.id())
    }
    pub fn f_progressed(&self, tx: PriorTx) -> Fact {
        format!("progressed_on={}", tx.id())
    }
    pub fn f_pdl1(&self) -> Fact {
        ans(Q::Pdl1, self.p.pdl1.unwrap_or(Pdl1::Unknown).id())
    }
    pub fn f_symptom(&self, s: Symptom) -> Fact {
        ans(Q::Symptoms, s.id())
    }
    pub fn f_site(&self, s: Site) -> Fact {
        ans(Q::Sites, s.id())
    }
}

/// Runs every rule section in §3 order.
pub fn fire_all(ctx: &mut Ctx) {
    general::fire(ctx);
    nsclc_driver::fire(ctx);
    nsclc_no_driver::fire(ctx);
    sclc::fire(ctx);
    resistance::fire(ctx);
}

/// The option a targeted drug stands for in R-181/R-182 (§3.12 table), given the driver.
pub fn drug_options(tx: PriorTx, driver: Option<DriverClass>) -> Vec<OptionId> {
    use OptionId as O;
    use Tki::*;
    match tx {
        PriorTx::Tki(d) => match d {
            // For uncommon EGFR changes afatinib and osimertinib are the EGFR_UNCOMMON option (D-16).
            Osimertinib | Afatinib if driver == Some(DriverClass::EgfrUncommon) => {
                vec![O::EgfrUncommon]
            }
            Osimertinib => vec![O::EgfrOsi],
            Erlotinib | Gefitinib | Afatinib | Dacomitinib => vec![O::EgfrOlderTki],
            Lazertinib => vec![O::EgfrAmiLaz],
            Sunvozertinib => vec![O::EgfrEx20Sunvo],
            Mobocertinib => vec![],
            Alectinib | Brigatinib | Ceritinib | Ensartinib => vec![O::AlkTki],
            Crizotinib => match driver {
                Some(DriverClass::Alk) => vec![O::AlkTki],
                _ => vec![],
            },
            Lorlatinib => vec![O::AlkTki, O::AlkAfter],
            Taletrectinib => vec![O::Ros1Tki],
            Repotrectinib => match driver {
                Some(DriverClass::Ntrk) => vec![O::NtrkTki],
                _ => vec![O::Ros1Tki],
            },
            Entrectinib => vec![],
            Larotrectinib => vec![],
            DabrafenibTrametinib => vec![O::BrafDt],
            EncorafenibBinimetinib => vec![O::BrafEb],
            Sotorasib | Adagrasib => vec![O::KrasG12c],
            Capmatinib | Tepotinib => vec![O::MetEx14],
            Selpercatinib | Pralsetinib => vec![O::RetTki],
            Zongertinib => vec![O::Her2Zong],
            Sevabertinib => vec![O::Her2Seva],
            Tki::Unknown => vec![],
        },
        // Amivantamab alone is the exon 20 option; after amivantamab with lazertinib or chemo in
        // common EGFR disease, lazertinib (or R-92) speaks for it (D-16).
        PriorTx::Amivantamab => match driver {
            Some(DriverClass::EgfrEx20ins) => vec![O::EgfrEx20Ami],
            // In common EGFR disease amivantamab is given with lazertinib (D-28).
            Some(DriverClass::EgfrCommon) => vec![O::EgfrAmiLaz],
            _ => vec![],
        },
        PriorTx::Adc(Adc::DatopotamabDeruxtecan) => vec![O::EgfrDato],
        PriorTx::Adc(Adc::TrastuzumabDeruxtecan) => vec![O::Her2Tdxd],
        PriorTx::Adc(Adc::TelisotuzumabVedotin) => vec![O::CmetTeliso],
        PriorTx::Zenocutuzumab => vec![O::Nrg1Zeno],
        _ => vec![],
    }
}
