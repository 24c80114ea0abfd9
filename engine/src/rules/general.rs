//! §3.1 always, §3.2 cancer-type gate, §3.4 local/regional, §3.5 oligometastatic, §3.6 brain,
//! §3.7 symptom-driven options, §3.8 NSCLC general systemic logic, and R-23.

use super::*;
use crate::options::{Family, Level::*, OptionId as O};
use crate::questions::Q;

pub(super) fn fire(c: &mut Ctx) {
    always(c);
    cancer_type_gate(c);
    local_regional(c);
    oligometastatic(c);
    brain(c);
    symptoms(c);
    nsclc_general(c);
    if matches!(c.p.ps, None | Some(Ps::Unknown)) {
        // no downgrade; N-9 "Your doctors will check how fit you are."
        c.note("R-23", "N-9");
    }
}

/// §3.1 (R-00 is read straight from the symptoms by `resolve`; read the result).
fn always(c: &mut Ctx) {
    let every = [derived("everyone")];
    for o in [O::PalliativeCare, O::SymptomMgmt, O::EmotionalSupport] {
        c.emit("R-01", o, Likely, &every);
    }
    if c.p.goals == Some(Goal::ComfortFirst) {
        c.emit(
            "R-04",
            O::BscHospice,
            May,
            &[ans(Q::Goals, "COMFORT_FIRST")],
        );
    }
}

/// The NSCLC drugs R-10 sets to `NOT` for small cell: all of §2B, the NSCLC immunotherapy and chemo.
pub(crate) const NSCLC_DRUGS: &[O] = &[
    O::EgfrOsi,
    O::EgfrOsiChemo,
    O::EgfrAmiLaz,
    O::EgfrOlderTki,
    O::EgfrAmiChemo,
    O::EgfrDato,
    O::EgfrEx20AmiChemo,
    O::EgfrEx20Ami,
    O::EgfrEx20Sunvo,
    O::EgfrUncommon,
    O::AlkTki,
    O::AlkAfter,
    O::Ros1Tki,
    O::BrafDt,
    O::BrafEb,
    O::KrasG12c,
    O::MetEx14,
    O::CmetTeliso,
    O::RetTki,
    O::NtrkTki,
    O::Her2Zong,
    O::Her2Seva,
    O::Her2Tdxd,
    O::Nrg1Zeno,
    O::AgnosticIo,
    O::IoChemo,
    O::IoMono,
    O::IoNivoIpi,
    O::ChemoPlatinumDoublet,
    O::ChemoDocetaxelRam,
    O::ChemoPemetrexedMono,
    O::ChemoPacliBev,
    O::ChemoSingleAgent,
];

pub(crate) const SCLC_OPTIONS: &[O] = &[
    O::SclcPlatEtop,
    O::SclcTarlatamab,
    O::SclcLurbinectedin,
    O::SclcTopotecan,
    O::SclcOtherChemo,
    O::SclcIciNaive,
    O::SclcRt,
];

/// §3.2.
fn cancer_type_gate(c: &mut Ctx) {
    let hist = c.f_histology();
    if c.sclc() {
        // R-10 [X]
        for o in NSCLC_DRUGS {
            c.exclude("R-10", *o, std::slice::from_ref(&hist));
        }
        // R-10a [OVR]: transformed SCLC with an EGFR change other than exon 20.
        if c.p.histology == Some(Histology::SclcTransformed) {
            let egfr = [
                Biomarker::EgfrCommon,
                Biomarker::EgfrT790m,
                Biomarker::EgfrUncommon,
                Biomarker::EgfrUnsureType,
            ]
            .into_iter()
            .find(|b| c.bm(*b));
            if let Some(b) = egfr {
                let because = [hist.clone(), c.f_bm(b)];
                c.overrule("R-10a", O::EgfrOsi, May, &because, true);
            }
        }
    }
    if c.nsclc() {
        // R-11 [X]
        for o in SCLC_OPTIONS {
            c.exclude("R-11", *o, std::slice::from_ref(&hist));
        }
    }
    if c.d.hist == HistGroup::Unknown {
        // no specific drug without a known type.
        c.emit("R-12", O::AskType, Likely, std::slice::from_ref(&hist));
        for o in [
            O::TargetedFamily,
            O::IoFamily,
            O::ChemoFamily,
            O::RadiationFamily,
            O::SurgeryFamily,
        ] {
            c.emit("R-12", o, May, std::slice::from_ref(&hist));
        }
        c.emit_noted("R-12", O::RebiopsyNgs, May, std::slice::from_ref(&hist));
    }
    if c.squamous() {
        // R-13 [X]
        for o in [
            O::ChemoPemetrexedMono,
            O::ChemoPacliBev,
            O::EgfrOsiChemo,
            O::EgfrAmiChemo,
            O::EgfrEx20AmiChemo,
            O::CmetTeliso,
            O::Her2Zong,
            O::Her2Seva,
        ] {
            c.exclude("R-13", o, std::slice::from_ref(&hist));
        }
    }
}

/// §3.4.
fn local_regional(c: &mut Ctx) {
    let ext = c.f_extent();
    let fit = c.p.surgery_fit;
    let f_fit = ans(Q::SurgeryFit, fit.unwrap_or(SurgeryFit::Unknown).id());
    if c.nsclc() && c.d.extent == Extent::LocalOnly {
        if fit == Some(SurgeryFit::Yes) && c.ps_good() {
            let b = [c.f_histology(), ext.clone(), f_fit.clone()];
            c.emit("R-30", O::LocResection, Likely, &b);
            c.emit("R-30", O::LocSbrt, May, &b);
            c.emit("R-30", O::LocAblation, May, &b);
        }
        let unsure_fit = matches!(fit, None | Some(SurgeryFit::Unknown));
        if matches!(fit, Some(SurgeryFit::No))
            || unsure_fit
            || matches!(c.d.ps, PsGroup::Mid | PsGroup::Poor)
        {
            let mut b = vec![c.f_histology(), ext.clone()];
            if matches!(c.d.ps, PsGroup::Mid | PsGroup::Poor) {
                b.push(c.f_ps());
            } else {
                b.push(f_fit.clone());
            }
            c.emit("R-31", O::LocSbrt, Likely, &b);
            c.emit("R-31", O::LocAblation, May, &b);
            if unsure_fit {
                c.emit_noted("R-31", O::LocResection, May, &[ext.clone(), f_fit.clone()]);
            }
        }
    }
    if c.nsclc() && c.d.extent == Extent::Locoregional && !matches!(c.d.ps, PsGroup::Poor) {
        let b = [c.f_histology(), ext.clone()];
        c.emit("R-32", O::LocChemort, Likely, &b);
        if fit == Some(SurgeryFit::Yes) {
            c.emit("R-32", O::LocResection, May, &[ext.clone(), f_fit.clone()]);
        }
    }
    // "The same area": conventional chest radiation usually covered the chest nodes too; SBRT
    // treated only the tumour, so it counts only when the cancer came back in that same place
    // (LOCAL), not for a regional lymph-node recurrence outside its field (D-31; IASLC [S20a]).
    let chest_rt = if c.had(PriorTx::ChestRt) {
        Some(PriorTx::ChestRt)
    } else if c.had(PriorTx::ChestSbrt) && c.site(Site::Local) {
        Some(PriorTx::ChestSbrt)
    } else {
        None
    };
    if c.d.extent.is_local() {
        if let Some(rt) = chest_rt {
            // R-33 (modifier): the "same area" is approximated by any prior chest radiation.
            let b = [ext.clone(), c.f_had(rt)];
            c.emit_noted("R-33", O::LocReirradiation, May, &b);
            c.cap("R-33", vec![O::LocSbrt, O::LocChemort], &b);
        }
        if c.nsclc() {
            // R-34 (modifier for the systemic part).
            let b = [c.f_histology(), ext.clone()];
            c.emit("R-34", O::RebiopsyNgs, Likely, &b);
            let systemic: Vec<O> = O::ALL
                .iter()
                .copied()
                .filter(|o| o.is_systemic_for_caps())
                .collect();
            c.cap("R-34", systemic, &b);
        }
        if !matches!(c.d.ps, PsGroup::Poor) {
            // nothing emits hospice here; palliative care stays LIKELY (trace only).
            c.trace("R-36", O::PalliativeCare);
        }
    }
    // a single new spot elsewhere in the lung may be a second primary.
    if c.nsclc() && facts::single_new_lung_spot(c.p) {
        let b = [c.f_site(Site::LungOther), derived("single_new_lung_spot")];
        c.emit_noted("R-35", O::RebiopsyNgs, Likely, &b);
        if fit == Some(SurgeryFit::Yes) && c.ps_good() {
            c.emit("R-35", O::LocResection, May, &b);
        } else {
            c.emit("R-35", O::LocSbrt, May, &b);
        }
    }
    // SCLC chest-only relapse, no prior chest radiation.
    if c.sclc() && c.d.extent.is_local() && !c.had(PriorTx::ChestRt) {
        c.emit(
            "R-37",
            O::SclcRt,
            May,
            &[c.f_histology(), ext, derived("no_prior_chest_rt")],
        );
    }
}

/// §3.5 (R-42 is with the resistance rules).
fn oligometastatic(c: &mut Ctx) {
    if c.d.extent != Extent::Oligometastatic {
        return;
    }
    let b = [c.f_histology(), c.f_extent(), c.f_ps()];
    // During oligoprogression on a pill, R-42 gives local treatment of the growing spots
    // (LOC_OLIGOPROG); consolidation of every spot is for disease that is not growing (D-32).
    if c.nsclc() && !oligoprogression_on_pill(c) {
        if c.ps_good() {
            // MAY, not LIKELY: NRG-LU002 found no benefit in the immunotherapy era (D-32).
            c.emit_noted("R-40", O::LocConsolidative, May, &b);
        } else if c.d.ps == PsGroup::Mid {
            c.emit_noted("R-41", O::LocConsolidative, May, &b);
        }
    }
    if c.sclc() {
        c.emit("R-43", O::LocConsolidative, Not, &b[..2]);
        c.emit("R-43", O::PallRt, May, &b[..2]);
    }
}

/// R-42's situation: growth on a targeted pill in only one to three spots.
pub(crate) fn oligoprogression_on_pill(c: &Ctx) -> bool {
    c.d.progressed.iter().any(|t| matches!(t, PriorTx::Tki(_)))
        && matches!(
            c.p.progressing_spots,
            Some(ProgressingSpots::One | ProgressingSpots::TwoThree)
        )
}

/// §3.6 (R-54 reads the resolved drug levels, so it is applied in `resolve`).
fn brain(c: &mut Ctx) {
    let involved = c.d.brain_involved;
    let count = c.p.brain_count;
    let f_brain = ans(Q::Brain, c.p.brain.unwrap_or(Brain::Unknown).id());
    let f_count = ans(Q::BrainCount, count.unwrap_or(BrainCount::Unknown).id());
    // BRAIN among the sites with the brain question unanswered also counts (D-13).
    let brain_answered = matches!(c.p.brain, Some(Brain::Asymptomatic | Brain::Symptomatic))
        || (matches!(c.p.brain, None | Some(Brain::Unknown)) && c.site(Site::Brain));
    if brain_answered && count == Some(BrainCount::From1To4) && c.nsclc() {
        c.emit(
            "R-50",
            O::BrainSrs,
            Likely,
            &[f_brain.clone(), f_count.clone()],
        );
    }
    if involved && count == Some(BrainCount::From5To10) {
        let b = [derived("brain_involved"), f_count.clone()];
        c.emit("R-51", O::BrainSrs, May, &b);
        c.emit("R-51", O::BrainWbrt, May, &b);
    }
    let lepto = c.p.leptomeningeal == Some(Leptomeningeal::Yes);
    if involved && (count == Some(BrainCount::Gt10) || lepto) {
        let f = if lepto {
            ans(Q::Leptomeningeal, "YES")
        } else {
            f_count.clone()
        };
        c.emit_noted(
            "R-52",
            O::BrainWbrt,
            Likely,
            &[derived("brain_involved"), f],
        );
    }
    if c.p.brain == Some(Brain::Symptomatic) && count == Some(BrainCount::From1To4) {
        c.emit(
            "R-53",
            O::BrainSurgery,
            May,
            &[f_brain.clone(), f_count.clone()],
        );
    }
    if c.sclc() && involved {
        let b = [c.f_histology(), derived("brain_involved")];
        if c.had(PriorTx::BrainRt) {
            // After whole-brain radiation (often preventive in small cell), repeating it is at
            // most MAY; radiosurgery is LIKELY for 1-4 spots (D-33).
            let mut b2 = b.to_vec();
            b2.push(c.f_had(PriorTx::BrainRt));
            c.emit_noted("R-55", O::BrainWbrt, May, &b2);
            if count == Some(BrainCount::From1To4) {
                b2.push(f_count.clone());
                c.emit("R-55", O::BrainSrs, Likely, &b2);
            } else {
                c.emit("R-55", O::BrainSrs, May, &b2);
            }
        } else {
            c.emit("R-55", O::BrainWbrt, Likely, &b);
            c.emit("R-55", O::BrainSrs, May, &b);
        }
        c.emit_noted("R-55", O::SclcOtherChemo, May, &b);
    }
}

/// §3.7.
fn symptoms(c: &mut Ctx) {
    let bone_pain = c.symptom(Symptom::BonePain);
    if bone_pain || c.site(Site::Bone) {
        if bone_pain {
            c.emit("R-60", O::PallRt, Likely, &[c.f_symptom(Symptom::BonePain)]);
        }
        let f = if c.site(Site::Bone) {
            c.f_site(Site::Bone)
        } else {
            c.f_symptom(Symptom::BonePain)
        };
        c.emit("R-60", O::BoneAgent, May, &[f]);
    }
    let airway = [
        Symptom::CoughingBloodStreaks,
        Symptom::CoughingBloodMoreThanStreaks,
        Symptom::AirwayBlockageKnown,
        Symptom::NoisyBreathingStridor,
    ]
    .into_iter()
    .filter(|s| c.symptom(*s))
    .map(|s| c.f_symptom(s))
    .collect::<Vec<_>>();
    if !airway.is_empty() {
        c.emit("R-61", O::AirwayIntervention, Likely, &airway);
        c.emit("R-61", O::PallRt, Likely, &airway);
    }
    let breathless =
        c.symptom(Symptom::BreathlessGradual) || c.symptom(Symptom::SevereBreathlessSudden);
    if c.symptom(Symptom::FluidAroundLungKnown) {
        c.emit(
            "R-62",
            O::PleuralProcedure,
            Likely,
            &[c.f_symptom(Symptom::FluidAroundLungKnown)],
        );
    } else if c.site(Site::Pleura) && breathless {
        c.emit(
            "R-62",
            O::PleuralProcedure,
            Likely,
            &[c.f_site(Site::Pleura), derived("pleural_breathless")],
        );
    }
    if c.symptom(Symptom::SvcSigns) {
        let f = c.f_symptom(Symptom::SvcSigns);
        if c.sclc() {
            c.emit_noted("R-63", O::SclcRt, May, &[c.f_histology(), f]);
        } else {
            c.emit_noted("R-63", O::PallRt, Likely, &[f]);
        }
    }
}

/// §3.8: R-70 (trace), R-71, R-72.
fn nsclc_general(c: &mut Ctx) {
    if !c.nsclc() {
        return;
    }
    if matches!(
        c.d.extent,
        Extent::Oligometastatic | Extent::Widespread | Extent::Unknown
    ) {
        // the systemic options of 3.9/3.10 are the backbone; marked on them in the trace.
        for o in O::ALL.iter().filter(|o| {
            matches!(
                o.family(),
                Family::Targeted | Family::Immunotherapy | Family::Chemo
            )
        }) {
            c.trace("R-70", *o);
        }
    }
    let status = c.d.status;
    let untested = matches!(
        status,
        BiomarkerStatus::NotTested | BiomarkerStatus::Unknown
    );
    let had_targeted = c.d.treatments.iter().any(|t| t.is_targeted());
    let not_retested =
        c.p.tested_since_recurrence == Some(TestedSinceRecurrence::No) && had_targeted;
    let blood_only_negative = status == BiomarkerStatus::NoneFound
        && c.p.biomarker_tested == Some(BiomarkerTested::YesBlood);
    if untested || not_retested || blood_only_negative {
        let mut b = vec![c.f_histology()];
        if untested {
            b.push(derived(if status == BiomarkerStatus::NotTested {
                "biomarkers_not_tested"
            } else {
                "biomarkers_unknown"
            }));
        }
        if not_retested {
            b.push(derived("not_retested_after_targeted"));
        }
        if blood_only_negative {
            b.push(derived("blood_test_only_negative"));
        }
        c.emit("R-71", O::RebiopsyNgs, Likely, &b);
    }
    if untested {
        // R-72 (modifier): 3.10 applies (in nsclc_no_driver), capped at MAY; family heading; N-6.
        let b = [
            c.f_histology(),
            derived(if status == BiomarkerStatus::NotTested {
                "biomarkers_not_tested"
            } else {
                "biomarkers_unknown"
            }),
        ];
        c.emit_noted("R-72", O::TargetedFamily, May, &b);
        let systemic: Vec<O> = O::ALL
            .iter()
            .copied()
            .filter(|o| o.is_systemic_for_caps())
            .collect();
        c.cap("R-72", systemic, &b);
    }
}
