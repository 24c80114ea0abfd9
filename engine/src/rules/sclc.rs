//! §3.11 small cell lung cancer (R-169 to R-177; R-178 reads the result in `resolve`), and R-95
//! (transformation to small cell). "SCLC" means SCLC or SCLC_TRANSFORMED unless a rule says otherwise.

use super::*;
use crate::options::{Level::*, OptionId as O};
use crate::questions::Q;

pub(super) fn fire(c: &mut Ctx) {
    if !c.sclc() {
        return;
    }
    let h = c.f_histology();
    let de_novo = c.p.histology == Some(Histology::Sclc);
    let plat = PriorTx::PlatinumChemo;
    let had_platinum = facts::sclc_had_platinum(c.p);
    let f_plat = if c.had(plat) {
        c.f_had(plat)
    } else {
        ans(Q::PriorTx, "UNKNOWN")
    };

    if c.p.histology == Some(Histology::SclcTransformed) {
        // treated like small cell; tarlatamab MAY only after platinum (less data).
        c.emit("R-95", O::SclcPlatEtop, Likely, std::slice::from_ref(&h));
        if had_platinum {
            c.emit_noted("R-95", O::SclcTarlatamab, May, &[h.clone(), f_plat.clone()]);
        }
    }

    if !had_platinum {
        // first platinum-etoposide; do not fire.
        c.emit_noted(
            "R-169",
            O::SclcPlatEtop,
            Likely,
            &[h.clone(), derived("no_prior_platinum")],
        );
    } else {
        if de_novo && c.d.ps != PsGroup::Poor {
            c.emit(
                "R-170",
                O::SclcTarlatamab,
                Likely,
                &[h.clone(), f_plat.clone()],
            );
        }
        let ctfi = c.d.ctfi;
        let f_ctfi = derived(match ctfi {
            Ctfi::Lt3m => "ctfi_lt3m",
            Ctfi::M3To6 => "ctfi_m3_6",
            Ctfi::Gt6m => "ctfi_gt6m",
            Ctfi::Unknown => "ctfi_unknown",
        });
        let b = [h.clone(), f_ctfi];
        match ctfi {
            Ctfi::Gt6m => {
                c.emit("R-171", O::SclcPlatEtop, Likely, &b);
                c.emit("R-171", O::SclcLurbinectedin, May, &b);
                c.emit("R-171", O::SclcTopotecan, May, &b);
                c.trace("R-184", O::SclcPlatEtop);
            }
            Ctfi::M3To6 => {
                c.emit("R-172", O::SclcPlatEtop, May, &b);
                c.emit("R-172", O::SclcLurbinectedin, May, &b);
                c.emit("R-172", O::SclcTopotecan, May, &b);
                c.emit("R-172", O::SclcOtherChemo, May, &b);
                c.trace("R-184", O::SclcPlatEtop);
            }
            Ctfi::Lt3m => {
                c.emit("R-173", O::SclcLurbinectedin, May, &b);
                c.emit("R-173", O::SclcTopotecan, May, &b);
                c.emit("R-173", O::SclcOtherChemo, May, &b);
                c.emit("R-173", O::Trials, Likely, &b);
                c.exclude("R-173", O::SclcPlatEtop, &b);
                c.trace("R-184", O::SclcPlatEtop);
            }
            Ctfi::Unknown => {
                if de_novo {
                    c.emit("R-174", O::SclcTarlatamab, Likely, &b);
                }
                c.emit_noted("R-174", O::SclcPlatEtop, May, &b);
                c.emit("R-174", O::SclcLurbinectedin, May, &b);
                c.emit("R-174", O::SclcTopotecan, May, &b);
            }
        }
    }

    // a PD-(L)1 drug again after it / never had one.
    if facts::had_ici(c.p) {
        c.exclude("R-175", O::SclcIciNaive, &[h.clone(), derived("prior_ici")]);
        c.trace("R-183", O::SclcIciNaive);
    } else if de_novo && c.d.prior_tx_known {
        c.emit_noted(
            "R-175",
            O::SclcIciNaive,
            May,
            &[h.clone(), derived("never_had_ici")],
        );
    }
    // R-176 [X]: tarlatamab again.
    if c.had(PriorTx::Tarlatamab) {
        c.exclude(
            "R-176",
            O::SclcTarlatamab,
            &[h, c.f_had(PriorTx::Tarlatamab)],
        );
    }
    // R-176a [X]: the relapse chemo the cancer just grew on (lurbinectedin, for example as
    // maintenance with atezolizumab, or topotecan), named in Q4b (D-41).
    if c.progressed_on(PriorTx::OtherChemo) {
        for (drug, o) in [
            (ChemoDrug::Lurbinectedin, O::SclcLurbinectedin),
            (ChemoDrug::Topotecan, O::SclcTopotecan),
        ] {
            if c.p.prior_chemo_drugs.contains(&drug) {
                let b = [
                    c.f_histology(),
                    c.f_progressed(PriorTx::OtherChemo),
                    ans(Q::PriorChemoDrugs, drug.id()),
                ];
                c.exclude("R-176a", o, &b);
            }
        }
    }
    if c.d.ps == PsGroup::Poor {
        // see R-20 (applied in resolve).
        c.trace("R-177", O::BscHospice);
    }
}
