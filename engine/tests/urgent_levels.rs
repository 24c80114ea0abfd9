//! §4 (revised 2026-12-07): every red flag's level, one test per flag, from the reference's
//! table written out here independently of `engine/src/urgent.rs`; and the evaluation returns
//! the levels of the ticked flags, most urgent first.

use guide_engine::{evaluate, Profile, Symptom, UrgentLevel};

fn with_symptoms(s: &[Symptom]) -> Profile {
    let mut p = Profile::new();
    p.symptoms = s.to_vec();
    p
}

macro_rules! level_tests {
    ($($name:ident: $flag:ident => $level:ident,)+) => {
        $(
            #[test]
            fn $name() {
                assert_eq!(Symptom::$flag.urgent_level(), Some(UrgentLevel::$level));
                let e = evaluate(&with_symptoms(&[Symptom::$flag]));
                assert_eq!(e.urgent, vec![Symptom::$flag]);
                assert_eq!(e.urgent_levels, vec![UrgentLevel::$level]);
            }
        )+
        /// The table above names every red flag of the engine.
        #[test]
        fn the_table_covers_every_red_flag() {
            let named = [$(Symptom::$flag),+];
            for s in Symptom::RED_FLAGS {
                assert!(named.contains(s), "{} has no level test", s.id());
            }
            assert_eq!(named.len(), Symptom::RED_FLAGS.len());
        }
    };
}

level_tests! {
    cord_compression_is_team_now: CordCompressionSigns => TeamNow,
    svc_is_team_now: SvcSigns => TeamNow,
    coughing_blood_is_emergency: CoughingBloodMoreThanStreaks => Emergency,
    new_neuro_symptoms_is_emergency: NewNeuroSymptoms => Emergency,
    seizure_is_emergency: Seizure => Emergency,
    fever_is_team_now: FeverOnChemo => TeamNow,
    sudden_severe_breathlessness_is_emergency: SevereBreathlessSudden => Emergency,
    stridor_is_emergency: NoisyBreathingStridor => Emergency,
    hypercalcaemia_is_team_now: ConfusionThirstHypercalcemia => TeamNow,
    low_sodium_is_team_now: LowSodiumSclc => TeamNow,
    chest_pain_fainting_is_emergency: ChestPainFainting => Emergency,
    immunotherapy_side_effect_is_team_now: ImmunotherapySevereSideEffect => TeamNow,
    tarlatamab_reaction_is_team_now: TarlatamabFeverOrConfusion => TeamNow,
    drug_lung_symptoms_is_team_now: AdcOrTkiLungSymptoms => TeamNow,
    crisis_is_crisis: SuicidalOrCrisis => Crisis,
}

#[test]
fn stridor_and_fever_lead_with_the_emergency() {
    let e = evaluate(&with_symptoms(&[
        Symptom::FeverOnChemo,
        Symptom::NoisyBreathingStridor,
    ]));
    assert_eq!(
        e.urgent_levels,
        vec![UrgentLevel::Emergency, UrgentLevel::TeamNow]
    );
}

#[test]
fn every_level_at_once_is_emergency_then_crisis_then_team() {
    let e = evaluate(&with_symptoms(&[
        Symptom::SuicidalOrCrisis,
        Symptom::FeverOnChemo,
        Symptom::Seizure,
    ]));
    assert_eq!(
        e.urgent_levels,
        vec![
            UrgentLevel::Emergency,
            UrgentLevel::Crisis,
            UrgentLevel::TeamNow
        ]
    );
}

#[test]
fn no_red_flag_no_level() {
    let e = evaluate(&with_symptoms(&[Symptom::Cough, Symptom::Fatigue]));
    assert!(e.urgent.is_empty() && e.urgent_levels.is_empty());
}
