//! §3.10 NSCLC without a driver. It also gives the first treatment for
//! KRAS G12C and NRG1 before any line, and applies, capped, when testing is
//! missing. R-159 applies to all NSCLC.

use super::*;
use crate::options::{Level::*, OptionId as O};
use crate::questions::Q;

pub(super) fn fire(c: &mut Ctx) {
    if !c.nsclc() {
        return;
    }
    refractory_exclusions(c);
    let applies = match c.d.driver {
        None => true,
        Some(DriverClass::KrasG12c | DriverClass::Nrg1) => c.d.prior_lines == 0,
        Some(_) => false,
    };
    if !applies {
        // with a driver whose later treatment 3.9 decides, growth on immunotherapy given
        // without platinum still leads to platinum chemo, as R-153 says without a driver (D-40).
        if c.d.ici == IciStatus::Refractory && !c.d.platinum_advanced {
            if let Some(d) = c.d.driver {
                let b = [
                    ans(Q::Biomarkers, d.id()),
                    derived("ici_refractory"),
                    derived("no_prior_platinum_advanced"),
                ];
                c.emit("R-186", O::ChemoPlatinumDoublet, Likely, &b);
            }
        }
        return;
    }
    let h = c.f_histology();
    let non_sq = !c.squamous();
    let ps_ok = c.d.ps != PsGroup::Poor;
    let first_line = c.d.prior_lines == 0;
    match c.d.ici {
        IciStatus::Naive => {
            let naive = derived("no_prior_ici");
            let first = derived("no_prior_lines");
            if first_line && ps_ok {
                let pdl1 = c.p.pdl1.unwrap_or(Pdl1::Unknown);
                let b = [h.clone(), naive.clone(), first.clone(), c.f_pdl1()];
                if pdl1 == Pdl1::Ge50 {
                    c.emit("R-150", O::IoMono, Likely, &b);
                    c.emit("R-150", O::IoChemo, May, &b);
                    c.emit("R-150", O::IoNivoIpi, May, &b);
                } else {
                    c.emit("R-151", O::IoChemo, Likely, &b);
                    c.emit("R-151", O::IoNivoIpi, May, &b);
                    if pdl1 == Pdl1::From1To49 {
                        c.emit("R-151", O::IoMono, May, &b);
                    }
                }
            }
            let progressed = !matches!(
                c.p.last_systemic_outcome,
                Some(Outcome::StillOnIt | Outcome::NeverHadDrugTreatment)
            );
            if c.d.platinum_advanced && progressed {
                let b = [h.clone(), naive, derived("prior_platinum_advanced")];
                c.emit("R-152", O::IoMono, Likely, &b);
                c.emit("R-152", O::ChemoDocetaxelRam, May, &b);
            }
        }
        IciStatus::Refractory => {
            let b = [h.clone(), derived("ici_refractory")];
            c.emit("R-153", O::ChemoDocetaxelRam, Likely, &b);
            c.emit("R-153", O::Trials, Likely, &b);
            if non_sq {
                c.emit(
                    "R-153",
                    O::ChemoPacliBev,
                    May,
                    &[
                        h.clone(),
                        derived("ici_refractory"),
                        derived("non_squamous"),
                    ],
                );
            }
            if !c.d.platinum_advanced {
                c.emit(
                    "R-153",
                    O::ChemoPlatinumDoublet,
                    Likely,
                    &[
                        h.clone(),
                        derived("ici_refractory"),
                        derived("no_prior_platinum_advanced"),
                    ],
                );
            }
            for o in [O::IoMono, O::IoNivoIpi, O::IoChemo] {
                c.exclude("R-153", o, &b);
                c.trace("R-183", o);
            }
        }
        IciStatus::Remote => {
            let b = [h.clone(), derived("ici_remote")];
            c.emit_noted("R-154", O::IoChemo, May, &b);
            c.emit("R-154", O::ChemoPlatinumDoublet, Likely, &b);
            c.trace("R-183", O::IoChemo);
        }
        IciStatus::Intermediate => {
            let b = [h.clone(), derived("ici_intermediate")];
            c.emit("R-155", O::ChemoPlatinumDoublet, Likely, &b);
            c.emit_noted("R-155", O::IoChemo, May, &b);
            c.trace("R-183", O::IoChemo);
        }
        IciStatus::NoStatus => {}
    }
    // adjuvant platinum only; the same doublet again after more than 12 months.
    let plat = PriorTx::PlatinumChemo;
    if c.had(plat)
        && facts::setting(c.p, plat) == TxSetting::Adjuvant
        && first_line
        && c.p.adjuvant_interval == Some(AdjuvantInterval::Gt12m)
    {
        let b = [
            h.clone(),
            derived("prior_platinum_adjuvant_only"),
            ans(Q::AdjuvantInterval, "GT12M"),
        ];
        c.emit("R-156", O::ChemoPlatinumDoublet, May, &b);
        c.trace("R-184", O::ChemoPlatinumDoublet);
    }
    if c.squamous() {
        // squamous partners in the chemo texts (content), marked in the trace.
        c.trace("R-157", O::ChemoPlatinumDoublet);
        c.trace("R-157", O::IoChemo);
    }
    // pemetrexed alone, non-squamous, after platinum, if pemetrexed was not given.
    if non_sq && c.d.platinum_advanced && no_prior_pemetrexed(c) {
        let b = [
            h,
            derived("prior_platinum_advanced"),
            derived("no_prior_pemetrexed"),
        ];
        c.emit("R-158", O::ChemoPemetrexedMono, May, &b);
    }
}

/// R-158's "no prior pemetrexed": the drugs are known and pemetrexed is not among them. When the
/// drugs are unknown, a non-squamous platinum doublet is assumed to have contained pemetrexed.
fn no_prior_pemetrexed(c: &Ctx) -> bool {
    let known: Vec<ChemoDrug> =
        c.p.prior_chemo_drugs
            .iter()
            .copied()
            .filter(|d| *d != ChemoDrug::Unknown)
            .collect();
    !known.is_empty() && !known.contains(&ChemoDrug::Pemetrexed)
}

/// R-159 [X], all NSCLC with or without a driver.
fn refractory_exclusions(c: &mut Ctx) {
    if c.d.ici == IciStatus::Refractory {
        let b = [c.f_histology(), derived("ici_refractory")];
        for o in [O::IoMono, O::IoNivoIpi, O::IoChemo, O::AgnosticIo] {
            c.exclude("R-159", o, &b);
        }
    }
}
