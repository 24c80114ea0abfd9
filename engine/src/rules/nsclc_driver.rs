//! §3.9 NSCLC with a driver and R-159b.

use super::*;
use crate::facts::{is_alk_tki, is_early_egfr_tki, is_egfr_tki};
use crate::options::{Level::*, OptionId as O};
use crate::questions::Q;
use DriverClass as D;

pub(super) fn fire(c: &mut Ctx) {
    if !c.nsclc() {
        return;
    }
    markers_without_driver_class(c);
    let Some(driver) = c.d.driver else {
        return;
    };
    immunotherapy_for_drivers(c, driver);
    match driver {
        D::EgfrCommon => egfr_common(c),
        D::EgfrEx20ins => egfr_exon20(c),
        D::EgfrUncommon => egfr_uncommon(c),
        D::EgfrUnsureType => {
            // ask which EGFR change; the family heading, no specific drug.
            let b = [c.f_driver()];
            c.emit("R-98", O::AskEgfrType, Likely, &b);
            c.emit("R-98", O::EgfrFamily, May, &b);
        }
        D::Alk => alk(c),
        D::Ros1 => ros1(c),
        D::BrafV600e => braf(c),
        D::KrasG12c => kras(c),
        D::MetEx14 => c.emit("R-130", O::MetEx14, Likely, &[c.f_driver()]),
        D::Ret => c.emit("R-135", O::RetTki, Likely, &[c.f_driver()]),
        D::Ntrk => c.emit("R-136", O::NtrkTki, Likely, &[c.f_driver()]),
        D::Her2Mut => her2(c),
        D::Nrg1 => {
            let b = [c.f_driver(), lines_fact(c)];
            if c.d.prior_lines >= 1 {
                c.emit("R-137", O::Nrg1Zeno, Likely, &b);
            } else {
                c.emit_noted("R-137", O::Nrg1Zeno, May, &b);
            }
        }
    }
    after_the_matched_drug(c, driver);
    if driver.is_egfr() && c.bm(Biomarker::MetAmp) && c.prior_matched() {
        // MET amplification found at progression after EGFR-directed therapy.
        let b = [
            c.f_driver(),
            c.f_bm(Biomarker::MetAmp),
            derived("met_amp_at_progression"),
        ];
        c.emit_noted("R-94", O::Trials, Likely, &b);
        if !c.had(PriorTx::Amivantamab) {
            c.emit("R-94", O::EgfrAmiChemo, Likely, &b);
        }
        c.emit_noted("R-94", O::MetEx14, May, &b);
    }
    // R-159b: driver-positive, after platinum for advanced disease, and the matched drug or an ICI.
    let had_ici = facts::had_ici(c.p);
    if c.d.platinum_advanced && (c.prior_matched() || had_ici) {
        let b = [
            c.f_driver(),
            derived("prior_platinum_advanced"),
            derived(if c.prior_matched() {
                "prior_matched_drug"
            } else {
                "prior_ici"
            }),
        ];
        c.emit("R-159b", O::ChemoDocetaxelRam, May, &b);
        c.emit("R-159b", O::Trials, Likely, &b);
    }
}

/// growth on the matched drug for a driver without its own "after the pill" rule (common
/// and uncommon EGFR, ALK, and ROS1 after crizotinib or entrectinib have,
/// exon 20 is included, R-100 being non-squamous only): the
/// standard treatment without a driver. Platinum chemo LIKELY when none was given for advanced
/// disease; chemo with immunotherapy LIKELY as well where immunotherapy can work (the R-82
/// drivers), never after immunotherapy, and not at PS 3-4 (D-35).
fn after_the_matched_drug(c: &mut Ctx, driver: DriverClass) {
    use Tki::*;
    let covered = match driver {
        D::Ros1 => {
            // R-116 gives taletrectinib or repotrectinib next.
            c.had_tki(|d| matches!(d, Crizotinib | Entrectinib))
                && !c.had_tki(|d| matches!(d, Taletrectinib | Repotrectinib))
        }
        D::EgfrEx20ins
        | D::BrafV600e
        | D::KrasG12c
        | D::MetEx14
        | D::Ret
        | D::Ntrk
        | D::Her2Mut
        | D::Nrg1 => false,
        _ => true,
    };
    if covered || c.d.platinum_advanced {
        return;
    }
    let Some(grew) =
        c.d.progressed
            .iter()
            .copied()
            .find(|t| driver.is_matched_drug(*t))
    else {
        return;
    };
    let b = [
        c.f_driver(),
        c.f_progressed(grew),
        derived("no_prior_platinum_advanced"),
    ];
    c.emit("R-185", O::ChemoPlatinumDoublet, Likely, &b);
    if R82_CLASSES.contains(&driver) && !facts::had_ici(c.p) && c.d.ps != PsGroup::Poor {
        let b = [c.f_driver(), c.f_progressed(grew), derived("no_prior_ici")];
        c.emit("R-185", O::IoChemo, Likely, &b);
    }
}

fn lines_fact(c: &Ctx) -> Fact {
    derived(if c.d.prior_lines >= 1 {
        "prior_lines"
    } else {
        "no_prior_lines"
    })
}

///
fn immunotherapy_for_drivers(c: &mut Ctx, driver: DriverClass) {
    let had_ici = facts::had_ici(c.p);
    if driver.is_egfr() {
        // R-80 [X] (EGFR_UNSURE_TYPE included through R-98). AGNOSTIC_IO is single-agent
        // immunotherapy too: see docs/clinical-deviations.md (D-3).
        let b = [c.f_driver()];
        for o in [O::IoMono, O::IoNivoIpi] {
            c.exclude("R-80", o, &b);
        }
        if c.bm(Biomarker::MsiHDmmr) || c.bm(Biomarker::TmbH) {
            c.exclude("R-80", O::AgnosticIo, &b);
        }
        if let Some(tki) =
            c.d.treatments
                .iter()
                .copied()
                .find(|t| matches!(t, PriorTx::Tki(d) if is_egfr_tki(*d)))
        {
            let b = [c.f_driver(), c.f_had(tki)];
            c.exclude("R-80", O::IoChemo, &b);
        }
    }
    if matches!(driver, D::Alk | D::Ros1 | D::Ret) && !c.prior_matched() {
        let b = [c.f_driver(), derived("no_prior_matched_drug")];
        c.exclude("R-81", O::IoMono, &b);
        c.exclude("R-81", O::IoChemo, &b);
    }
    if R82_CLASSES.contains(&driver) && !had_ici && c.d.ps != PsGroup::Poor {
        let b = [c.f_driver(), derived("no_prior_ici")];
        if !c.d.platinum_advanced {
            // For KRAS G12C and NRG1 with no prior line, 3.10 gives the first treatment.
            let replaced = matches!(driver, D::KrasG12c | D::Nrg1) && c.d.prior_lines == 0;
            if !replaced {
                c.emit("R-82", O::IoChemo, May, &b);
                if c.p.pdl1 == Some(Pdl1::Ge50) {
                    c.emit("R-82", O::IoMono, May, &[c.f_driver(), c.f_pdl1()]);
                }
            }
        } else {
            // Second-line immunotherapy after chemo alone (as R-152): LIKELY where it works about
            // as well as without a driver (KRAS G12C, BRAF V600E), MAY for the others (D-34).
            let level = if matches!(driver, D::KrasG12c | D::BrafV600e) {
                Likely
            } else {
                May
            };
            c.emit(
                "R-82",
                O::IoMono,
                level,
                &[c.f_driver(), derived("prior_platinum_advanced")],
            );
        }
    }
}

/// The driver classes R-82 may give immunotherapy alone or with chemo (also read by the
/// questions to ask, for PD-L1).
pub(crate) const R82_CLASSES: [DriverClass; 6] = [
    D::KrasG12c,
    D::BrafV600e,
    D::MetEx14,
    D::Her2Mut,
    D::Ntrk,
    D::Nrg1,
];

fn egfr_common(c: &mut Ctx) {
    // Amivantamab (with or without lazertinib or chemo) is EGFR-directed therapy too: after it,
    // not the first-line options again (D-28).
    let had_egfr_tki = c.had_tki(is_egfr_tki) || c.had(PriorTx::Amivantamab);
    let f = c.f_driver();
    if !had_egfr_tki {
        //
        let b = [f.clone(), derived("no_prior_egfr_tki")];
        c.emit("R-90", O::EgfrOsi, Likely, &b);
        c.emit("R-90", O::EgfrOsiChemo, Likely, &b);
        c.emit("R-90", O::EgfrAmiLaz, Likely, &b);
        c.emit("R-90", O::EgfrOlderTki, May, &b);
    }
    let t790m = c.bm(Biomarker::EgfrT790m);
    let osi = PriorTx::Tki(Tki::Osimertinib);
    if t790m && c.had_tki(is_early_egfr_tki) && !c.had(osi) {
        //
        let b = [
            c.f_bm(Biomarker::EgfrT790m),
            derived("no_prior_osimertinib"),
        ];
        c.emit("R-91", O::EgfrOsi, Likely, &b);
    }
    // grew on osimertinib, or on an earlier pill without T790M, or recurrence during
    // adjuvant osimertinib; lazertinib counts like osimertinib (deviation D-4).
    let adjuvant_osi = c.had(osi) && facts::setting(c.p, osi) == TxSetting::Adjuvant;
    let during_adjuvant_osi = adjuvant_osi
        && (c.p.adjuvant_interval == Some(AdjuvantInterval::During) || c.progressed_on(osi));
    // Sunvozertinib and mobocertinib (exon 20 pills) given for a common EGFR change read like
    // osimertinib here (D-4).
    let grew_third_gen = c.d.progressed.iter().copied().find(|t| {
        matches!(
            t,
            PriorTx::Tki(
                Tki::Osimertinib | Tki::Lazertinib | Tki::Sunvozertinib | Tki::Mobocertinib
            ) | PriorTx::Amivantamab
        )
    });
    // An EGFR pill whose name is unknown may have been an earlier one: read like one whose
    // T790M status is unknown (D-30; prior_tx is asked, D-1).
    let grew_early_no_t790m = if t790m {
        None
    } else {
        c.d.progressed
            .iter()
            .copied()
            .find(|t| matches!(t, PriorTx::Tki(d) if is_early_egfr_tki(*d) || *d == Tki::Unknown))
    };
    let grew = grew_third_gen.or(grew_early_no_t790m);
    // Grew on an earlier pill and not tested again since: T790M, which osimertinib treats, may
    // be there. Osimertinib MAY ("if a new test finds T790M"), the R-92 options MAY, a new
    // biopsy or blood test LIKELY (D-30).
    let t790m_unknown = grew_third_gen.is_none()
        && grew_early_no_t790m.is_some()
        && c.p.tested_since_recurrence != Some(TestedSinceRecurrence::Yes)
        && !c.had(osi);
    if t790m_unknown {
        let t = grew_early_no_t790m.unwrap_or(osi);
        let b = [f.clone(), c.f_progressed(t), derived("t790m_not_retested")];
        c.emit("R-91", O::EgfrOsi, May, &b);
        c.emit("R-91", O::RebiopsyNgs, Likely, &b);
    }
    if (grew.is_some() || during_adjuvant_osi) && !c.d.platinum_advanced {
        let level = if t790m_unknown { May } else { Likely };
        let mut b = vec![f.clone()];
        match grew {
            Some(t) => b.push(c.f_progressed(t)),
            None => b.push(derived("recurrence_during_adjuvant")),
        }
        if t790m_unknown {
            b.push(derived("t790m_not_retested"));
        }
        b.push(derived("no_prior_platinum_advanced"));
        if !(matches!(
            grew_third_gen,
            Some(PriorTx::Tki(Tki::Lazertinib) | PriorTx::Amivantamab)
        ) && c.had(PriorTx::Amivantamab))
        {
            c.emit("R-92", O::EgfrAmiChemo, level, &b);
        }
        c.emit("R-92", O::ChemoPlatinumDoublet, level, &b);
        c.emit("R-92", O::RebiopsyNgs, Likely, &b);
        if during_adjuvant_osi {
            c.trace("R-97", O::EgfrAmiChemo);
            c.trace("R-97", O::ChemoPlatinumDoublet);
        }
    }
    // grew on osimertinib for advanced disease outside the brain, no platinum yet:
    // keeping osimertinib and adding platinum-pemetrexed (COMPEL) MAY (D-37).
    let osi_advanced = c.progressed_on(osi) && facts::setting(c.p, osi) == TxSetting::Advanced;
    if osi_advanced && !c.d.platinum_advanced && !c.d.brain_involved {
        let b = [
            f.clone(),
            c.f_progressed(osi),
            derived("no_prior_platinum_advanced"),
        ];
        c.emit_noted("R-187", O::EgfrOsiChemo, May, &b);
    }
    if had_egfr_tki {
        //
        if c.d.platinum_advanced {
            let b = [
                f.clone(),
                derived("prior_egfr_tki"),
                derived("prior_platinum_advanced"),
            ];
            c.emit("R-93", O::EgfrDato, Likely, &b);
            c.emit("R-93", O::ChemoDocetaxelRam, May, &b);
            c.emit("R-93", O::Trials, Likely, &b);
        } else if c.had(PriorTx::PlatinumChemo) {
            let b = [
                f.clone(),
                derived("prior_egfr_tki"),
                derived("prior_platinum_adjuvant_only"),
            ];
            c.emit_noted("R-93", O::EgfrDato, May, &b);
        }
    }
    if adjuvant_osi && !during_adjuvant_osi {
        // recurrence after completing adjuvant osimertinib.
        let interval = c.p.adjuvant_interval.unwrap_or(AdjuvantInterval::Unknown);
        let b = [
            f.clone(),
            c.f_had(osi),
            ans(Q::AdjuvantInterval, interval.id()),
        ];
        // More than 12 months after finishing it, osimertinib again is LIKELY (D-36).
        let osi_level = if interval == AdjuvantInterval::Gt12m {
            Likely
        } else {
            May
        };
        c.emit_noted("R-97", O::EgfrOsi, osi_level, &b);
        c.emit("R-97", O::EgfrOsiChemo, May, &b);
        c.emit("R-97", O::EgfrAmiLaz, May, &b);
        // A biopsy confirms the recurrence and looks for resistance and small cell change (D-36).
        c.emit("R-97", O::RebiopsyNgs, Likely, &b);
        if interval != AdjuvantInterval::Gt12m {
            // LT12M, and unknown read the same way (deviation D-5).
            c.emit("R-97", O::EgfrAmiChemo, May, &b);
            c.emit("R-97", O::ChemoPlatinumDoublet, May, &b);
        }
    }
}

fn egfr_exon20(c: &mut Ctx) {
    let f = c.f_driver();
    if !c.d.platinum_advanced {
        c.emit(
            "R-100",
            O::EgfrEx20AmiChemo,
            Likely,
            &[f.clone(), derived("no_prior_platinum_advanced")],
        );
    } else {
        let b = [f.clone(), derived("prior_platinum_advanced")];
        if !c.had(PriorTx::Amivantamab) {
            c.emit(
                "R-101",
                O::EgfrEx20Ami,
                Likely,
                &[
                    f.clone(),
                    derived("prior_platinum_advanced"),
                    derived("no_prior_amivantamab"),
                ],
            );
        }
        c.emit("R-101", O::EgfrEx20Sunvo, Likely, &b);
        c.emit("R-101", O::ChemoDocetaxelRam, May, &b);
    }
    // R-102 [X]: standard EGFR pills do not work well for exon 20 insertions.
    for o in [O::EgfrOsi, O::EgfrOlderTki, O::EgfrAmiLaz] {
        c.exclude("R-102", o, std::slice::from_ref(&f));
    }
}

fn egfr_uncommon(c: &mut Ctx) {
    let f = c.f_driver();
    if !c.had_tki(is_egfr_tki) {
        c.emit(
            "R-105",
            O::EgfrUncommon,
            Likely,
            &[f.clone(), derived("no_prior_egfr_tki")],
        );
    }
    // As R-92: platinum chemo next only when none was given for advanced disease yet (D-29).
    let grew_on_pill =
        c.d.progressed
            .iter()
            .copied()
            .find(|t| matches!(t, PriorTx::Tki(d) if is_egfr_tki(*d)));
    if let Some(t) = grew_on_pill.filter(|_| !c.d.platinum_advanced) {
        c.emit(
            "R-105",
            O::ChemoPlatinumDoublet,
            Likely,
            &[f, c.f_progressed(t)],
        );
    }
}

fn alk(c: &mut Ctx) {
    let f = c.f_driver();
    if !c.had_tki(is_alk_tki) {
        c.emit(
            "R-110",
            O::AlkTki,
            Likely,
            &[f.clone(), derived("no_prior_matched_drug")],
        );
    }
    // after a second-generation ALK pill (ensartinib included: deviation D-6).
    if let Some(t) = c.d.progressed.iter().copied().find(|t| {
        matches!(
            t,
            PriorTx::Tki(Tki::Alectinib | Tki::Brigatinib | Tki::Ceritinib | Tki::Ensartinib)
        )
    }) {
        let b = [f.clone(), c.f_progressed(t)];
        c.emit_noted("R-111", O::AlkAfter, Likely, &b);
        c.emit("R-111", O::RebiopsyNgs, Likely, &b);
        c.emit("R-111", O::ChemoPlatinumDoublet, May, &b);
    }
    let crizotinib = PriorTx::Tki(Tki::Crizotinib);
    let other_alk = c.had_tki(|d| is_alk_tki(d) && d != Tki::Crizotinib);
    if c.progressed_on(crizotinib) && !other_alk {
        // R-111b [OVR]
        let b = [f.clone(), c.f_progressed(crizotinib)];
        c.overrule("R-111b", O::AlkTki, Likely, &b, true);
        c.emit("R-111b", O::RebiopsyNgs, Likely, &b);
    }
    let lorlatinib = PriorTx::Tki(Tki::Lorlatinib);
    if c.progressed_on(lorlatinib) {
        let b = [f, c.f_progressed(lorlatinib)];
        if !c.d.platinum_advanced {
            // As R-92 (D-29).
            c.emit("R-112", O::ChemoPlatinumDoublet, Likely, &b);
        }
        c.emit("R-112", O::Trials, Likely, &b);
    }
}

fn ros1(c: &mut Ctx) {
    use Tki::*;
    let f = c.f_driver();
    if !c.had_tki(|d| matches!(d, Crizotinib | Entrectinib | Repotrectinib | Taletrectinib)) {
        c.emit(
            "R-115",
            O::Ros1Tki,
            Likely,
            &[f.clone(), derived("no_prior_matched_drug")],
        );
    }
    if let Some(first) =
        c.d.treatments
            .iter()
            .copied()
            .find(|t| matches!(t, PriorTx::Tki(Crizotinib | Entrectinib)))
    {
        if !c.had_tki(|d| matches!(d, Taletrectinib | Repotrectinib)) {
            let b = [f, c.f_had(first)];
            c.emit_noted("R-116", O::Ros1Tki, Likely, &b);
            c.emit("R-116", O::ChemoPlatinumDoublet, May, &b);
        }
    }
}

fn braf(c: &mut Ctx) {
    let f = c.f_driver();
    if !c.had_tki(|d| matches!(d, Tki::DabrafenibTrametinib | Tki::EncorafenibBinimetinib)) {
        let b = [f.clone(), derived("no_prior_matched_drug")];
        c.emit("R-120", O::BrafDt, Likely, &b);
        c.emit("R-120", O::BrafEb, Likely, &b);
        if !facts::had_ici(c.p) {
            c.emit("R-120", O::IoChemo, May, &[f, derived("no_prior_ici")]);
        }
    }
}

fn kras(c: &mut Ctx) {
    let b = [c.f_driver(), lines_fact(c)];
    if c.d.prior_lines >= 1 {
        c.emit("R-125", O::KrasG12c, Likely, &b);
        c.emit("R-125", O::ChemoDocetaxelRam, May, &b);
    } else {
        c.emit_noted("R-126", O::KrasG12c, May, &b);
    }
}

fn her2(c: &mut Ctx) {
    let f = c.f_driver();
    let sq = c.squamous();
    if c.d.prior_lines == 0 {
        if !sq {
            let b = [
                f.clone(),
                derived("non_squamous"),
                derived("no_prior_lines"),
            ];
            c.emit("R-138", O::Her2Zong, Likely, &b);
            c.emit("R-138", O::Her2Tdxd, May, &b);
            c.emit("R-138", O::Her2Seva, May, &b);
        }
        // Chemo with immunotherapy is a standard first treatment (and DESTINY-Lung04's
        // comparator), for squamous cancer too (D-38).
        let b = [f.clone(), derived("no_prior_lines")];
        c.emit("R-138", O::IoChemo, Likely, &b);
    } else {
        let b = [f.clone(), derived("prior_lines")];
        c.emit("R-139", O::Her2Tdxd, Likely, &b);
        if !sq {
            let b = [f, derived("non_squamous"), derived("prior_lines")];
            // A second HER2 pill after the first: not studied (SOHO-01 enrolled people who had
            // no HER2 pill; the approvals name no such use), so MAY (D-39).
            let zong = PriorTx::Tki(Tki::Zongertinib);
            let seva = PriorTx::Tki(Tki::Sevabertinib);
            if !c.had(zong) {
                let level = if c.had(seva) { May } else { Likely };
                c.emit("R-139", O::Her2Zong, level, &b);
            }
            if c.had(zong) {
                let b2 = [b[0].clone(), b[1].clone(), c.f_had(zong)];
                c.emit_noted("R-139", O::Her2Seva, May, &b2);
            } else {
                c.emit("R-139", O::Her2Seva, Likely, &b);
            }
        }
    }
}

/// Markers that do not set the driver class but add options or exclusions,
/// A non-V600E BRAF (or non-G12C KRAS) change ticked beside V600E
/// (G12C) does not take away the drugs labelled for V600E (G12C): reports often list several.
fn markers_without_driver_class(c: &mut Ctx) {
    if c.bm(Biomarker::BrafOther) && !c.bm(Biomarker::BrafV600e) {
        let b = [c.f_bm(Biomarker::BrafOther)];
        c.exclude("R-121", O::BrafDt, &b);
        c.exclude("R-121", O::BrafEb, &b);
    }
    if c.bm(Biomarker::KrasOther) && !c.bm(Biomarker::KrasG12c) {
        c.exclude("R-127", O::KrasG12c, &[c.f_bm(Biomarker::KrasOther)]);
    }
    let lines = lines_fact(c);
    if c.bm(Biomarker::CmetIhcHigh) && c.p.histology == Some(Histology::NsclcNonsq) && !c.d.egfr {
        let b = [
            c.f_bm(Biomarker::CmetIhcHigh),
            c.f_histology(),
            lines.clone(),
        ];
        let level = if c.d.prior_lines >= 1 { Likely } else { May };
        c.emit("R-131", O::CmetTeliso, level, &b);
    }
    if c.bm(Biomarker::MetAmp) && !c.d.egfr && !c.bm(Biomarker::MetEx14) {
        c.emit_noted("R-132", O::Trials, Likely, &[c.f_bm(Biomarker::MetAmp)]);
    }
    if c.bm(Biomarker::Her2Ihc3) && c.d.prior_lines >= 1 {
        c.emit(
            "R-140",
            O::Her2Tdxd,
            May,
            &[c.f_bm(Biomarker::Her2Ihc3), lines.clone()],
        );
    }
    let msi = [Biomarker::MsiHDmmr, Biomarker::TmbH]
        .into_iter()
        .find(|b| c.bm(*b));
    if let Some(m) = msi {
        if c.d.prior_lines >= 1 && !facts::had_ici(c.p) {
            c.emit(
                "R-141",
                O::AgnosticIo,
                May,
                &[c.f_bm(m), lines, derived("no_prior_ici")],
            );
        }
    }
}
