//! Derived facts of §1 and §3.0 (extent, driver_class, biomarker_status, ps_group, prior_lines,
//! "progressed on", prior-ICI status, ctfi). Each is a small function of the profile, tested on its own.

use std::collections::BTreeSet;

use crate::answers::*;
use crate::profile::Profile;
use crate::small::set_of;

/// Q1 grouped the way the rules read it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HistGroup {
    Nsclc,
    Sclc,
    Unknown,
}

/// Q3 `extent`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Extent {
    LocalOnly,
    Locoregional,
    Oligometastatic,
    Widespread,
    Unknown,
}

impl Extent {
    pub fn id(self) -> &'static str {
        match self {
            Extent::LocalOnly => "LOCAL_ONLY",
            Extent::Locoregional => "LOCOREGIONAL",
            Extent::Oligometastatic => "OLIGOMETASTATIC",
            Extent::Widespread => "WIDESPREAD",
            Extent::Unknown => "UNKNOWN",
        }
    }
    pub fn is_local(self) -> bool {
        matches!(self, Extent::LocalOnly | Extent::Locoregional)
    }
}

/// §3.9 `driver_class`: the genomic classes that make someone driver-positive, in priority order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum DriverClass {
    EgfrCommon,
    EgfrEx20ins,
    EgfrUncommon,
    EgfrUnsureType,
    Alk,
    Ros1,
    BrafV600e,
    KrasG12c,
    MetEx14,
    Ret,
    Ntrk,
    Her2Mut,
    Nrg1,
}

impl DriverClass {
    pub fn id(self) -> &'static str {
        match self {
            DriverClass::EgfrCommon => "EGFR_COMMON",
            DriverClass::EgfrEx20ins => "EGFR_EX20INS",
            DriverClass::EgfrUncommon => "EGFR_UNCOMMON",
            DriverClass::EgfrUnsureType => "EGFR_UNSURE_TYPE",
            DriverClass::Alk => "ALK",
            DriverClass::Ros1 => "ROS1",
            DriverClass::BrafV600e => "BRAF_V600E",
            DriverClass::KrasG12c => "KRAS_G12C",
            DriverClass::MetEx14 => "MET_EX14",
            DriverClass::Ret => "RET",
            DriverClass::Ntrk => "NTRK",
            DriverClass::Her2Mut => "HER2_MUT",
            DriverClass::Nrg1 => "NRG1",
        }
    }

    pub fn is_egfr(self) -> bool {
        matches!(
            self,
            DriverClass::EgfrCommon
                | DriverClass::EgfrEx20ins
                | DriverClass::EgfrUncommon
                | DriverClass::EgfrUnsureType
        )
    }

    /// Whether a prior treatment is a drug matched to this driver (§3.9 `prior_matched`).
    /// A targeted drug whose name is unknown counts as matched: it was most likely given for it.
    pub fn is_matched_drug(self, tx: PriorTx) -> bool {
        use Tki::*;
        match tx {
            PriorTx::Tki(Tki::Unknown) | PriorTx::Adc(Adc::Unknown) => true,
            PriorTx::Tki(d) => match self {
                DriverClass::EgfrCommon
                | DriverClass::EgfrUncommon
                | DriverClass::EgfrUnsureType => is_egfr_tki(d),
                DriverClass::EgfrEx20ins => {
                    matches!(d, Sunvozertinib | Mobocertinib) || is_egfr_tki(d)
                }
                DriverClass::Alk => is_alk_tki(d),
                DriverClass::Ros1 => {
                    matches!(d, Crizotinib | Entrectinib | Repotrectinib | Taletrectinib)
                }
                DriverClass::BrafV600e => {
                    matches!(d, DabrafenibTrametinib | EncorafenibBinimetinib)
                }
                DriverClass::KrasG12c => matches!(d, Sotorasib | Adagrasib),
                DriverClass::MetEx14 => matches!(d, Capmatinib | Tepotinib | Crizotinib),
                DriverClass::Ret => matches!(d, Selpercatinib | Pralsetinib),
                DriverClass::Ntrk => matches!(d, Larotrectinib | Entrectinib | Repotrectinib),
                DriverClass::Her2Mut => matches!(d, Zongertinib | Sevabertinib),
                DriverClass::Nrg1 => false,
            },
            PriorTx::Amivantamab => self.is_egfr(),
            PriorTx::Adc(Adc::DatopotamabDeruxtecan) => self.is_egfr(),
            PriorTx::Adc(Adc::TrastuzumabDeruxtecan) => self == DriverClass::Her2Mut,
            PriorTx::Zenocutuzumab => self == DriverClass::Nrg1,
            _ => false,
        }
    }
}

/// §3.9 `biomarker_status`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BiomarkerStatus {
    Driver,
    NoneFound,
    NotTested,
    Unknown,
}

impl BiomarkerStatus {
    pub fn id(self) -> &'static str {
        match self {
            BiomarkerStatus::Driver => "DRIVER",
            BiomarkerStatus::NoneFound => "NONE_FOUND",
            BiomarkerStatus::NotTested => "NOT_TESTED",
            BiomarkerStatus::Unknown => "UNKNOWN",
        }
    }
}

/// §3.0 `ps_group`. `Unk` is treated as `Good` for listing (see [`Facts::ps_good`]) and adds N-9.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PsGroup {
    Good,
    Mid,
    Poor,
    Unk,
}

/// §3.10 prior-ICI status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IciStatus {
    Naive,
    Refractory,
    Remote,
    Intermediate,
    /// Had an ICI, but the interval is unknown and it did not grow on it: no 3.10 ICI rule fires.
    NoStatus,
}

pub fn is_egfr_tki(d: Tki) -> bool {
    use Tki::*;
    matches!(
        d,
        Osimertinib
            | Erlotinib
            | Gefitinib
            | Afatinib
            | Dacomitinib
            | Lazertinib
            | Sunvozertinib
            | Mobocertinib
    )
}

/// First- and second-generation EGFR pills.
pub fn is_early_egfr_tki(d: Tki) -> bool {
    use Tki::*;
    matches!(d, Erlotinib | Gefitinib | Afatinib | Dacomitinib)
}

pub fn is_alk_tki(d: Tki) -> bool {
    use Tki::*;
    matches!(
        d,
        Alectinib | Brigatinib | Lorlatinib | Ensartinib | Ceritinib | Crizotinib
    )
}

/// Q1 grouped.
pub fn hist_group(p: &Profile) -> HistGroup {
    match p.histology {
        Some(Histology::NsclcNonsq | Histology::NsclcSq | Histology::NsclcNos) => HistGroup::Nsclc,
        Some(Histology::Sclc | Histology::SclcTransformed) => HistGroup::Sclc,
        _ => HistGroup::Unknown,
    }
}

/// Pleural spread: PLEURA among the sites or fluid around the lung known.
pub fn pleural_spread(p: &Profile) -> bool {
    p.sites.contains(&Site::Pleura) || p.symptoms.contains(&Symptom::FluidAroundLungKnown)
}

/// Q3 `extent`, exactly in the reference's order of tests.
pub fn extent(p: &Profile) -> Extent {
    let sites: BTreeSet<Site> = set_of(p.sites.iter().copied());
    let met_none = p.met_count == Some(MetCount::None);
    // Pleural spread is always WIDESPREAD (§8.10), even when the sites say local only (D-18).
    if pleural_spread(p) {
        return Extent::Widespread;
    }
    if met_none && sites.len() == 1 && sites.contains(&Site::Local) {
        return Extent::LocalOnly;
    }
    if met_none
        && sites.contains(&Site::RegionalNodes)
        && sites
            .iter()
            .all(|s| matches!(s, Site::Local | Site::RegionalNodes))
    {
        return Extent::Locoregional;
    }
    let few_spots = matches!(
        p.met_count,
        Some(MetCount::One | MetCount::TwoThree | MetCount::FourFive)
    );
    let organs_le3 = match p.organ_count {
        Some(OrganCount::One | OrganCount::Two | OrganCount::Three) => true,
        Some(OrganCount::Gt3) => false,
        None | Some(OrganCount::Unknown) => {
            matches!(p.met_count, Some(MetCount::One | MetCount::TwoThree))
        }
    };
    let lepto = p.leptomeningeal == Some(Leptomeningeal::Yes);
    if few_spots && organs_le3 && !pleural_spread(p) && !lepto {
        return Extent::Oligometastatic;
    }
    if p.met_count == Some(MetCount::Gt5)
        || p.organ_count == Some(OrganCount::Gt3)
        || pleural_spread(p)
    {
        return Extent::Widespread;
    }
    Extent::Unknown
}

fn has_bm(p: &Profile, b: Biomarker) -> bool {
    p.biomarkers.contains(&b)
}

/// §3.9 `driver_class` (NSCLC). `EGFR_T790M` *alone* counts as EGFR_COMMON with the T790M flag;
/// beside another EGFR change, that change is the class ("a resistance change plus the original
/// driver counts as the original driver + flag").
pub fn driver_class(p: &Profile) -> Option<DriverClass> {
    use Biomarker as B;
    let order: [(&[B], DriverClass); 14] = [
        (&[B::EgfrCommon], DriverClass::EgfrCommon),
        (&[B::EgfrEx20ins], DriverClass::EgfrEx20ins),
        (&[B::EgfrUncommon], DriverClass::EgfrUncommon),
        (&[B::EgfrUnsureType], DriverClass::EgfrUnsureType),
        (&[B::EgfrT790m], DriverClass::EgfrCommon),
        (&[B::Alk], DriverClass::Alk),
        (&[B::Ros1], DriverClass::Ros1),
        (&[B::BrafV600e], DriverClass::BrafV600e),
        (&[B::KrasG12c], DriverClass::KrasG12c),
        (&[B::MetEx14], DriverClass::MetEx14),
        (&[B::Ret], DriverClass::Ret),
        (&[B::Ntrk], DriverClass::Ntrk),
        (&[B::Her2Mut], DriverClass::Her2Mut),
        (&[B::Nrg1], DriverClass::Nrg1),
    ];
    order
        .iter()
        .find(|(markers, _)| markers.iter().any(|m| has_bm(p, *m)))
        .map(|(_, c)| *c)
}

/// Any EGFR change ticked (for R-10a, R-94, N-2).
pub fn has_egfr(p: &Profile) -> bool {
    use Biomarker as B;
    [
        B::EgfrCommon,
        B::EgfrT790m,
        B::EgfrEx20ins,
        B::EgfrUncommon,
        B::EgfrUnsureType,
    ]
    .iter()
    .any(|b| has_bm(p, *b))
}

/// §3.9 `biomarker_status`.
pub fn biomarker_status(p: &Profile) -> BiomarkerStatus {
    use Biomarker as B;
    let other_markers = [B::CmetIhcHigh, B::Her2Ihc3, B::MsiHDmmr, B::TmbH, B::MetAmp];
    if driver_class(p).is_some() || other_markers.iter().any(|b| has_bm(p, *b)) {
        BiomarkerStatus::Driver
    } else if [B::NoneFound, B::BrafOther, B::KrasOther]
        .iter()
        .any(|b| has_bm(p, *b))
    {
        BiomarkerStatus::NoneFound
    } else if p.biomarker_tested == Some(BiomarkerTested::No) || has_bm(p, B::NotTested) {
        BiomarkerStatus::NotTested
    } else {
        BiomarkerStatus::Unknown
    }
}

/// §3.0 `ps_group`.
pub fn ps_group(p: &Profile) -> PsGroup {
    match p.ps {
        Some(Ps::Ps0 | Ps::Ps1) => PsGroup::Good,
        Some(Ps::Ps2) => PsGroup::Mid,
        Some(Ps::Ps3 | Ps::Ps4) => PsGroup::Poor,
        _ => PsGroup::Unk,
    }
}

/// Q4 answered as a list of treatments (not unanswered, not only `UNKNOWN`).
pub fn prior_tx_known(p: &Profile) -> bool {
    p.prior_tx.iter().any(|t| *t != PriorTx::Unknown)
}

/// The treatments had, without the `NONE`/`UNKNOWN` markers.
pub fn treatments(p: &Profile) -> BTreeSet<PriorTx> {
    // A treatment named as the most recent one (Q5a) was had, even if Q4 missed it.
    set_of(
        p.prior_tx
            .iter()
            .chain(p.last_tx.iter())
            .copied()
            .filter(|t| !matches!(t, PriorTx::None | PriorTx::Unknown)),
    )
}

/// Q4a: the setting of a drug treatment. Unanswered or `UNKNOWN` counts as `ADVANCED`.
pub fn setting(p: &Profile, tx: PriorTx) -> TxSetting {
    if let Some(fixed) = tx.fixed_setting() {
        return fixed;
    }
    match p.prior_tx_setting.get(&tx) {
        Some(TxSetting::Adjuvant) => TxSetting::Adjuvant,
        _ => TxSetting::Advanced,
    }
}

/// §3.9 `prior_lines`: drug regimens for advanced or recurrent disease.
pub fn prior_lines(p: &Profile) -> usize {
    treatments(p)
        .into_iter()
        .filter(|t| t.is_drug() && setting(p, *t) == TxSetting::Advanced)
        .count()
}

/// "Prior platinum for advanced disease" (§3.9). Named in Q4 or in Q5a (D-24).
pub fn prior_platinum_advanced(p: &Profile) -> bool {
    treatments(p).contains(&PriorTx::PlatinumChemo)
        && setting(p, PriorTx::PlatinumChemo) == TxSetting::Advanced
}

/// Q5a as the rules read it: the answered list, or (unanswered/`UNKNOWN`) every drug given for
/// advanced disease, or every drug if none was.
pub fn last_tx(p: &Profile) -> BTreeSet<PriorTx> {
    let answered: BTreeSet<PriorTx> = set_of(
        p.last_tx
            .iter()
            .copied()
            .filter(|t| !matches!(t, PriorTx::Unknown | PriorTx::None)),
    );
    if !answered.is_empty() {
        return answered;
    }
    let drugs: BTreeSet<PriorTx> = set_of(treatments(p).into_iter().filter(|t| t.is_drug()));
    let advanced: BTreeSet<PriorTx> = set_of(
        drugs
            .iter()
            .copied()
            .filter(|t| setting(p, *t) == TxSetting::Advanced),
    );
    if advanced.is_empty() {
        drugs
    } else {
        advanced
    }
}

/// The treatments the cancer grew on (Q5 `GREW_DURING` with the treatment in Q5a).
pub fn progressed_on(p: &Profile) -> BTreeSet<PriorTx> {
    if p.last_systemic_outcome == Some(Outcome::GrewDuring) {
        last_tx(p)
    } else {
        BTreeSet::new()
    }
}

/// Whether any checkpoint inhibitor was given (Q4 or Q5a (D-24), or an answered ICI interval).
pub fn had_ici(p: &Profile) -> bool {
    treatments(p).iter().any(|t| t.is_ici())
        || matches!(
            p.ici_interval,
            Some(IciInterval::OnIci | IciInterval::Lt6m | IciInterval::M6To12 | IciInterval::Gt12m)
        )
}

/// §3.10 prior-ICI status.
pub fn ici_status(p: &Profile) -> IciStatus {
    if !had_ici(p) {
        return IciStatus::Naive;
    }
    let grew_on_ici = progressed_on(p).iter().any(|t| t.is_ici());
    match p.ici_interval {
        Some(IciInterval::OnIci | IciInterval::Lt6m) => IciStatus::Refractory,
        None | Some(IciInterval::Unknown | IciInterval::Never) if grew_on_ici => {
            IciStatus::Refractory
        }
        Some(IciInterval::Gt12m) => IciStatus::Remote,
        Some(IciInterval::M6To12) => IciStatus::Intermediate,
        _ => IciStatus::NoStatus,
    }
}

/// §3.11 `ctfi`: the answer wins; unanswered/`UNKNOWN` after growth on platinum means `LT3M`.
pub fn ctfi(p: &Profile) -> Ctfi {
    match p.ctfi {
        Some(c) if c != Ctfi::Unknown => c,
        _ if grew_on_platinum_itself(p) => Ctfi::Lt3m,
        _ => Ctfi::Unknown,
    }
}

/// Growth during platinum chemo, as §3.11 reads it for `ctfi`. When Q5a is unanswered and
/// another drug was also given (maintenance or consolidation immunotherapy, tarlatamab, other
/// chemo), the growth may have been on that drug, which does not make the cancer refractory to
/// platinum: the CTFI runs from the end of platinum [S7c]; then the interval stays unknown and is
/// asked (D-22).
pub fn grew_on_platinum_itself(p: &Profile) -> bool {
    if !progressed_on(p).contains(&PriorTx::PlatinumChemo) {
        return false;
    }
    let named = p.last_tx.contains(&PriorTx::PlatinumChemo);
    named
        || treatments(p)
            .iter()
            .all(|t| !t.is_drug() || *t == PriorTx::PlatinumChemo)
}

/// Small cell (§3.11): platinum counts as given when it is ticked (Q4 or Q5a), or when the
/// treatments are unknown and either the cancer is de novo small cell (D-7) or the time since
/// platinum was answered (that answer says platinum was given; review E). Transformed small cell
/// with unknown treatments otherwise reads as no platinum: transformation usually follows a pill.
pub fn sclc_had_platinum(p: &Profile) -> bool {
    let de_novo = p.histology == Some(Histology::Sclc);
    let ctfi_answered = matches!(p.ctfi, Some(x) if x != Ctfi::Unknown);
    treatments(p).contains(&PriorTx::PlatinumChemo)
        || (!prior_tx_known(p) && (de_novo || ctfi_answered))
}

/// R-35's situation: the only site is a new spot elsewhere in the lung, and it is one spot.
pub fn single_new_lung_spot(p: &Profile) -> bool {
    !p.sites.is_empty()
        && p.sites.iter().all(|s| *s == Site::LungOther)
        && p.met_count == Some(MetCount::One)
}

/// Brain involvement from Q10 or Q2; spread to the lining of the brain and spinal cord
/// (`leptomeningeal = YES`) is central nervous system involvement too (review A-5).
pub fn brain_involved(p: &Profile) -> bool {
    matches!(p.brain, Some(Brain::Asymptomatic | Brain::Symptomatic))
        || p.sites.contains(&Site::Brain)
        || p.leptomeningeal == Some(Leptomeningeal::Yes)
}

/// The §4 red flags ticked, in the reference's order.
pub fn red_flags(p: &Profile) -> Vec<Symptom> {
    Symptom::RED_FLAGS
        .iter()
        .copied()
        .filter(|s| p.symptoms.contains(s))
        .collect()
}
