//! Property tests over generated profiles, every answer (including unknown and unanswered) possible.

use std::collections::BTreeMap;

use guide_engine::facts::{self, driver_class, hist_group, DriverClass, HistGroup};
use guide_engine::*;
use proptest::prelude::*;

fn pick<T: Copy + std::fmt::Debug + 'static>(
    all: &'static [T],
) -> impl Strategy<Value = Option<T>> {
    proptest::option::of(proptest::sample::select(all))
}

fn some_of<T: Copy + std::fmt::Debug + 'static>(
    all: &'static [T],
    max: usize,
) -> impl Strategy<Value = Vec<T>> {
    proptest::collection::vec(proptest::sample::select(all), 0..=max).prop_map(|mut v| {
        let mut seen = Vec::new();
        v.retain(|x| {
            let key = format!("{x:?}");
            let new = !seen.contains(&key);
            seen.push(key);
            new
        });
        v
    })
}

/// The treatments are the ones a person would realistically tick, plus any drug now and then.
mod common;
use common::walk_screens;

fn treatments() -> impl Strategy<Value = Vec<PriorTx>> {
    let all: &'static [PriorTx] = Box::leak(PriorTx::all().into_boxed_slice());
    some_of(all, 5)
}

fn any_profiles() -> impl Strategy<Value = Profile> {
    let part1 = (
        pick(Histology::ALL),
        some_of(Site::ALL, 4),
        pick(MetCount::ALL),
        pick(OrganCount::ALL),
        treatments(),
        proptest::collection::vec(pick(TxSetting::ALL), 6),
        some_of(ChemoDrug::ALL, 3),
        pick(Outcome::ALL),
        proptest::collection::vec(any::<bool>(), 6),
        pick(ProgressingSpots::ALL),
        pick(Ctfi::ALL),
        pick(IciInterval::ALL),
    );
    let part2 = (
        pick(AdjuvantInterval::ALL),
        pick(Ps::ALL),
        pick(SurgeryFit::ALL),
        some_of(Contra::ALL, 3),
        pick(BiomarkerTested::ALL),
        pick(TestedSinceRecurrence::ALL),
        some_of(Biomarker::ALL, 3),
        pick(Pdl1::ALL),
        pick(Brain::ALL),
        pick(BrainCount::ALL),
        pick(Leptomeningeal::ALL),
    );
    let part3 = (some_of(Symptom::ALL, 4), pick(Goal::ALL));
    (part1, part2, part3).prop_map(|(a, b, (symptoms, goals))| {
        let (
            histology,
            sites,
            met_count,
            organ_count,
            prior_tx,
            settings,
            prior_chemo_drugs,
            last_systemic_outcome,
            last_mask,
            progressing_spots,
            ctfi,
            ici_interval,
        ) = a;
        let (
            adjuvant_interval,
            ps,
            surgery_fit,
            contra,
            biomarker_tested,
            tested_since_recurrence,
            biomarkers,
            pdl1,
            brain,
            brain_count,
            leptomeningeal,
        ) = b;
        let mut prior_tx_setting = BTreeMap::new();
        for (t, s) in prior_tx.iter().zip(settings) {
            if let Some(s) = s {
                prior_tx_setting.insert(*t, s);
            }
        }
        let last_tx: Vec<PriorTx> = prior_tx
            .iter()
            .zip(last_mask)
            .filter(|(_, m)| *m)
            .map(|(t, _)| *t)
            .collect();
        Profile {
            version: PROFILE_VERSION,
            histology,
            sites,
            met_count,
            organ_count,
            prior_tx,
            prior_tx_setting,
            prior_chemo_drugs,
            last_systemic_outcome,
            last_tx,
            progressing_spots,
            ctfi,
            ici_interval,
            adjuvant_interval,
            ps,
            surgery_fit,
            contra,
            biomarker_tested,
            tested_since_recurrence,
            biomarkers,
            pdl1,
            brain,
            brain_count,
            leptomeningeal,
            symptoms,
            goals,
        }
    })
}

/// Profiles as the question flow leaves them: answers to questions it does not ask are left out
/// (what `evaluate` reads, and what the app and the CLI give it).
fn profiles() -> impl Strategy<Value = Profile> {
    any_profiles().prop_map(|p| flow::prune(&p))
}

fn above_not(e: &Evaluation, o: OptionId) -> bool {
    e.shown(o)
}

proptest! {
    // 3000 generated profiles per property; PROPTEST_CASES=N for a longer hunt.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(3000),
        .. ProptestConfig::default()
    })]

    #[test]
    fn small_cell_never_gets_nsclc_drugs(p in profiles()) {
        let e = evaluate(&p);
        if hist_group(&p) == HistGroup::Sclc {
            for o in OptionId::ALL {
                if matches!(o.family(), Family::Targeted | Family::Immunotherapy | Family::Chemo) {
                    // R-10a: the single override the reference allows.
                    let r10a = *o == OptionId::EgfrOsi && p.histology == Some(Histology::SclcTransformed);
                    prop_assert!(!above_not(&e, *o) || r10a, "{o} shown for small cell: {:?}", e.option(*o));
                }
            }
        }
    }

    #[test]
    fn egfr_never_gets_single_agent_immunotherapy(p in profiles()) {
        let e = evaluate(&p);
        if hist_group(&p) == HistGroup::Nsclc && driver_class(&p).is_some_and(|d| d.is_egfr()) {
            for o in [OptionId::IoMono, OptionId::AgnosticIo, OptionId::IoNivoIpi] {
                prop_assert!(!above_not(&e, o), "{o} shown for EGFR: {:?}", e.option(o));
            }
        }
    }

    #[test]
    fn supportive_care_always_likely(p in profiles()) {
        let e = evaluate(&p);
        for o in [OptionId::PalliativeCare, OptionId::SymptomMgmt, OptionId::EmotionalSupport] {
            prop_assert_eq!(e.level(o), Some(Level::Likely));
        }
    }

    #[test]
    fn every_result_is_explained(p in profiles()) {
        let e = evaluate(&p);
        for o in &e.options {
            prop_assert!(!o.rules.is_empty(), "{} has no rule", o.id);
            if o.level == Level::Not {
                prop_assert!(!o.not_because.is_empty(), "{} is NOT without a reason", o.id);
            } else {
                prop_assert!(!o.sources.is_empty(), "{} has no source", o.id);
                prop_assert!(!o.because.is_empty(), "{} has no reason", o.id);
            }
        }
    }

    #[test]
    fn multi_select_order_does_not_matter(p in profiles()) {
        let mut q = p.clone();
        q.sites.reverse();
        q.prior_tx.reverse();
        q.prior_chemo_drugs.reverse();
        q.last_tx.reverse();
        q.contra.reverse();
        q.biomarkers.reverse();
        let half = q.symptoms.len() / 2;
        q.symptoms.rotate_left(half);
        prop_assert_eq!(evaluate(&p), evaluate(&q));
    }

    #[test]
    fn goals_never_change_what_is_not_used(p in profiles(), g in pick(Goal::ALL)) {
        let mut q = p.clone();
        q.goals = g;
        let (a, b) = (evaluate(&p), evaluate(&q));
        for o in OptionId::ALL {
            if matches!(o, OptionId::Trials | OptionId::BscHospice) {
                continue;
            }
            prop_assert_eq!(a.level(*o), b.level(*o), "goals changed {}", o);
        }
    }

    #[test]
    fn urgent_lists_exactly_the_red_flags(p in profiles()) {
        let e = evaluate(&p);
        let flagged: Vec<Symptom> = Symptom::RED_FLAGS.iter().copied().filter(|s| p.symptoms.contains(s)).collect();
        prop_assert_eq!(e.urgent, flagged);
    }

    #[test]
    fn profile_json_round_trips(p in profiles()) {
        let back = Profile::from_json(&p.to_json()).expect("own JSON reads back");
        prop_assert_eq!(back, p);
    }

    #[test]
    fn trials_and_tumor_board_always_offered(p in profiles()) {
        let e = evaluate(&p);
        prop_assert!(e.shown(OptionId::Trials));
        prop_assert!(e.shown(OptionId::SecondOpinionMdt));
        prop_assert!(e.notes.contains(&"N-8"));
    }

    // One intended exception (issue 16 item 7, D-44): the first EGFR pill for common EGFR
    // changes (osimertinib, never any EGFR-directed drug before) stays LIKELY at PS 3-4.
    #[test]
    fn poor_fitness_never_gets_a_likely_drug(p in profiles()) {
        let e = evaluate(&p);
        if matches!(p.ps, Some(Ps::Ps3 | Ps::Ps4)) {
            let first_egfr_pill = hist_group(&p) == HistGroup::Nsclc
                && driver_class(&p) == Some(DriverClass::EgfrCommon)
                && !p.prior_tx.iter().chain(p.last_tx.iter()).any(|t| {
                    matches!(t, PriorTx::Tki(d) if facts::is_egfr_tki(*d))
                        || *t == PriorTx::Amivantamab
                });
            for o in OptionId::ALL.iter().filter(|o| o.is_systemic_drug()) {
                if first_egfr_pill && *o == OptionId::EgfrOsi {
                    continue;
                }
                prop_assert_ne!(e.level(*o), Some(Level::Likely), "{} LIKELY at PS 3-4", o);
            }
            prop_assert_eq!(e.level(OptionId::BscHospice), Some(Level::Likely));
        }
    }

    // Issue 16: nobody with a known driver who grew on its matched drug is left without a
    // systemic option (other than trials) at MAY or above, unless PS 3-4 or comfort first.
    #[test]
    fn growth_on_the_matched_drug_leaves_a_systemic_option(p in profiles()) {
        let e = evaluate(&p);
        let Some(driver) = driver_class(&p) else { return Ok(()) };
        let grew_on_matched = facts::progressed_on(&p).iter().any(|t| driver.is_matched_drug(*t));
        if hist_group(&p) == HistGroup::Nsclc
            && grew_on_matched
            && !matches!(p.ps, Some(Ps::Ps3 | Ps::Ps4))
            && p.goals != Some(Goal::ComfortFirst)
        {
            let shown: Vec<&OptionId> = OptionId::ALL
                .iter()
                .filter(|o| o.is_systemic_for_caps() && **o != OptionId::Trials && e.shown(**o))
                .collect();
            prop_assert!(!shown.is_empty(), "no systemic option for {} after growth on its drug", driver.id());
        }
    }

    #[test]
    fn unknown_type_gets_no_specific_drug(p in profiles()) {
        let e = evaluate(&p);
        if hist_group(&p) == HistGroup::Unknown {
            for o in OptionId::ALL.iter().filter(|o| o.is_systemic_drug()) {
                prop_assert!(!e.shown(*o), "{} shown with unknown type", o);
            }
            prop_assert_eq!(e.level(OptionId::AskType), Some(Level::Likely));
        }
    }
}

proptest! {
    // Relevance evaluates the candidate answers of every question: fewer cases than above
    // (each flow is about 40 evaluations); PROPTEST_CASES=N for a longer hunt.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(300),
        .. ProptestConfig::default()
    })]

    /// Issue 9: every question the flow asks has two answers that give different evaluations.
    #[test]
    fn every_asked_question_can_change_the_evaluation(p in any_profiles()) {
        let f = flow::flow(&p);
        for q in &f.asked {
            let evals: Vec<Evaluation> = flow::candidates(*q, &f.profile)
                .iter()
                .map(|c| resolve::evaluate_unpruned(&flow::can_ask_pruned(c)))
                .collect();
            prop_assert!(
                evals.iter().any(|e| *e != evals[0]),
                "{} asked but no answer to it changes anything", q
            );
        }
    }

    /// Issue 9: every entry of `Evaluation::questions` is a question the flow asks.
    #[test]
    fn every_question_to_ask_the_team_is_asked(p in any_profiles()) {
        let f = flow::flow(&p);
        for id in evaluate(&p).questions {
            let q = Q::from_id(id).expect("a question ID");
            prop_assert!(f.is_asked(q), "{} listed for the care team but not asked", id);
        }
    }

    /// Leaving out the answers that change nothing changes nothing: the app, the CLI and any
    /// model of the reference that reads every answer agree.
    #[test]
    fn relevance_pruning_never_changes_the_evaluation(p in any_profiles()) {
        prop_assert_eq!(
            evaluate(&p),
            resolve::evaluate_unpruned(&flow::can_ask_pruned(&p))
        );
    }

    /// A person answering from the start sees every question the answers make relevant, on a
    /// screen shown at most twice (once more when a later answer opened one of its questions),
    /// and the walk ends.
    #[test]
    fn a_walk_by_screens_shows_every_asked_question(p in any_profiles()) {
        let (shown, given) = walk_screens(&p);
        let f = flow::flow(&given);
        for q in &f.asked {
            prop_assert!(shown.contains(&flow::screen_lead(*q)), "{} never shown: {:?}", q, shown);
        }
        for lead in &shown {
            let times = shown.iter().filter(|s| *s == lead).count();
            prop_assert!(times <= 2, "{} shown {} times: {:?}", lead, times, shown);
        }
    }
}
