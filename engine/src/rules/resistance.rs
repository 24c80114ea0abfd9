//! §3.12 re-challenge and resistance testing and the oligoprogression modifier
//! R-42 (with its pointer R-96). These run last: R-42 caps what the progression rules emitted.

use super::*;
use crate::options::{Level::*, OptionId as O};
use crate::questions::Q;

pub(super) fn fire(c: &mut Ctx) {
    let progressed_targeted: Vec<PriorTx> =
        c.d.progressed
            .iter()
            .copied()
            .filter(|t| t.is_targeted())
            .collect();
    if c.nsclc() {
        // Recurrence during adjuvant osimertinib is growth on it, for R-180 as for R-182.
        let first = progressed_targeted
            .first()
            .copied()
            .or_else(|| during_adjuvant_osimertinib(c).then_some(PriorTx::Tki(Tki::Osimertinib)));
        if let Some(first) = first {
            //
            c.emit(
                "R-180",
                O::RebiopsyNgs,
                Likely,
                &[c.f_histology(), c.f_progressed(first)],
            );
        }
    }
    rechallenge_after_stopping(c);
    grew_on_it(c, &progressed_targeted);
    oligoprogression(c);
}

/// a targeted drug stopped for side effects, or a completed adjuvant course.
fn rechallenge_after_stopping(c: &mut Ctx) {
    let outcome = c.p.last_systemic_outcome;
    // Specific drugs need a known non-small cell type (R-12; small cell has R-10).
    if !c.nsclc() {
        return;
    }
    // "With it in last_tx" belongs to the side-effects clause only: a completed adjuvant course
    // of a targeted drug counts even when other treatment followed it (D-42). Recurrence during
    // the adjuvant course, or growth on the drug, is not a completed course.
    let during_adjuvant = c.p.adjuvant_interval == Some(AdjuvantInterval::During);
    for tx in c.d.treatments.clone() {
        if !tx.is_targeted() {
            continue;
        }
        let in_last = c.d.last_tx.contains(&tx);
        let adjuvant = facts::setting(c.p, tx) == TxSetting::Adjuvant;
        let why = match outcome {
            Some(Outcome::StoppedSideEffects) if in_last => {
                Some(derived("stopped_for_side_effects"))
            }
            Some(Outcome::CameBackAfter) if in_last && adjuvant => {
                Some(derived("completed_adjuvant_course"))
            }
            _ if !in_last && adjuvant && !during_adjuvant && !c.progressed_on(tx) => {
                Some(derived("completed_adjuvant_course"))
            }
            _ => None,
        };
        if let Some(why) = why {
            for o in drug_options(tx, c.d.driver) {
                c.emit_noted("R-181", o, May, &[c.f_had(tx), why.clone()]);
            }
        }
    }
}

/// the drug the cancer grew on is `NOT` ([X]); for platinum in NSCLC, a plain `NOT`.
/// Recurrence during adjuvant osimertinib, which R-97 reads as growth on it.
fn during_adjuvant_osimertinib(c: &Ctx) -> bool {
    let osi = PriorTx::Tki(Tki::Osimertinib);
    c.had(osi)
        && facts::setting(c.p, osi) == TxSetting::Adjuvant
        && c.p.adjuvant_interval == Some(AdjuvantInterval::During)
}

fn grew_on_it(c: &mut Ctx, progressed_targeted: &[PriorTx]) {
    let mut grew: Vec<PriorTx> = progressed_targeted.to_vec();
    // Recurrence during adjuvant osimertinib counts as growth on it.
    let osi = PriorTx::Tki(Tki::Osimertinib);
    if during_adjuvant_osimertinib(c) && !grew.contains(&osi) {
        grew.push(osi);
    }
    // with the type unknown no specific drug is listed, not even as "not used".
    if c.nsclc() || c.sclc() {
        for tx in grew {
            for o in drug_options(tx, c.d.driver) {
                c.exclude("R-182", o, &[c.f_progressed(tx)]);
            }
        }
    }
    if c.nsclc() && c.progressed_on(PriorTx::PlatinumChemo) {
        c.emit(
            "R-182",
            O::ChemoPlatinumDoublet,
            Not,
            &[c.f_progressed(PriorTx::PlatinumChemo)],
        );
        c.trace("R-184", O::ChemoPlatinumDoublet);
    }
}

/// R-42 (modifier for the switch options) and R-96.
fn oligoprogression(c: &mut Ctx) {
    if !c.nsclc() {
        return;
    }
    let Some(pill) =
        c.d.progressed
            .iter()
            .copied()
            .find(|t| matches!(t, PriorTx::Tki(_)))
    else {
        return;
    };
    let spots = c.p.progressing_spots;
    if !matches!(
        spots,
        Some(ProgressingSpots::One | ProgressingSpots::TwoThree)
    ) {
        return;
    }
    let b = [
        c.f_progressed(pill),
        ans(
            Q::ProgressingSpots,
            spots.map(|s| s.id()).unwrap_or("UNKNOWN"),
        ),
    ];
    c.emit("R-42", O::LocOligoprog, Likely, &b);
    c.emit("R-42", O::RebiopsyNgs, Likely, &b);
    let pill_options: Vec<O> =
        c.d.progressed
            .iter()
            .filter(|t| matches!(t, PriorTx::Tki(_)))
            .flat_map(|t| drug_options(*t, c.d.driver))
            .collect();
    for o in &pill_options {
        c.overrule("R-42", *o, Likely, &b, true);
    }
    // Switching is the alternative: what the progression rules emitted is capped at MAY.
    // Options another rule also made LIKELY (trials after R-159b, say) are not switch options (D-11).
    let switch_rules = [
        "R-92", "R-105", "R-111", "R-111b", "R-112", "R-116", "R-185",
    ];
    let likely_elsewhere = |o: O| {
        c.emissions
            .iter()
            .any(|e| e.option == o && e.level == Likely && !switch_rules.contains(&e.rule))
    };
    let mut switch: Vec<O> = c
        .emissions
        .iter()
        .filter(|e| switch_rules.contains(&e.rule) && e.level > Not)
        // Only what they emit for progression: a first treatment for another driver change
        // (R-105's afatinib when no EGFR pill was had) is not a switch option.
        .filter(|e| {
            !e.because
                .iter()
                .any(|f| f == "fact:no_prior_egfr_tki" || f == "fact:no_prior_matched_drug")
        })
        .map(|e| e.option)
        .filter(|o| {
            !pill_options.contains(o)
                && !matches!(o, O::RebiopsyNgs | O::Trials)
                && !likely_elsewhere(*o)
        })
        .collect();
    crate::small::sort_dedup(&mut switch);
    c.cap("R-42", switch, &b);
    if c.d.driver == Some(DriverClass::EgfrCommon) {
        c.trace("R-96", O::LocOligoprog);
    }
}
