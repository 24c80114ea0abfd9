//! Answer IDs of the clinical reference §1, verbatim.
//!
//! Each question's answers are a Rust enum whose JSON form is the reference's answer ID
//! (`"NSCLC_NONSQ"`), so a reviewer can trace every value in a profile file to §1.
//! Deserialising names the question in every error, so a bad profile gets one clear line.

use std::fmt;

use crate::questions::Q;

/// Declares an answer enum with its question ID and the verbatim answer IDs.
macro_rules! answers {
    ($(#[$meta:meta])* $name:ident = $question:ident { $($variant:ident = $id:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($variant),+ }

        impl $name {
            /// The question ID of §1 these answers belong to.
            pub const QUESTION: &'static str = Q::$question.id();
            /// Every answer, in the reference's order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// Every answer ID, in the same order as [`Self::ALL`].
            pub const IDS: &'static [&'static str] = &[$($id),+];

            /// The reference's answer ID.
            pub fn id(self) -> &'static str {
                // The variants are declared in `IDS` order (a test checks): a table, not a
                // match per enum (smaller wasm, README "Size").
                Self::IDS[self as usize]
            }

            /// Parses a reference answer ID.
            pub fn from_id(s: &str) -> Option<Self> {
                index_of(Self::IDS, s).map(|i| Self::ALL[i])
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { f.write_str(self.id()) }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.id())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let raw = d.deserialize_any(IdVisitor(Q::$question.id()))?;
                $name::from_id(&raw).ok_or_else(|| {
                    serde::de::Error::custom(<$name as AnswerId>::unknown(&raw))
                })
            }
        }

        impl AnswerId for $name {
            const QUESTION_ID: &'static str = Q::$question.id();
            fn parse_id(s: &str) -> Option<Self> {
                $name::from_id(s)
            }
            fn unknown(raw: &str) -> String {
                unknown_answer(Q::$question.id(), raw, $name::IDS)
            }
            fn answer_id(self) -> String {
                self.id().to_owned()
            }
            fn all() -> Vec<Self> {
                Self::ALL.to_vec()
            }
        }
    };
}

/// An answer type read from its reference ID, with the message for an ID it does not know
/// (the serde impls and the WebAssembly build's profile reader share them).
pub trait AnswerId: Sized + Copy {
    /// The question ID named in messages.
    const QUESTION_ID: &'static str;
    fn parse_id(s: &str) -> Option<Self>;
    /// The one-line message for `raw`, which is not one of the answers.
    fn unknown(raw: &str) -> String;
    /// The reference's answer ID.
    fn answer_id(self) -> String;
    /// Every answer, in the reference's order.
    fn all() -> Vec<Self>;
}

/// Where `id` is in `ids` (one shared function for every answer enum).
fn index_of(ids: &[&str], id: &str) -> Option<usize> {
    ids.iter().position(|x| *x == id)
}

/// The one-line message for an answer ID that is not in §1 (`got` escaped and cut: it may be
/// anything a file holds).
pub(crate) fn unknown_answer(question: &str, got: &str, allowed: &[&str]) -> String {
    format!(
        "{question}: unknown answer {}; allowed: {}",
        crate::json::quote(got),
        allowed.join(", ")
    )
}

/// Accepts a string, or a whole number (so a performance status of `2` reads like `"2"`).
pub(crate) struct IdVisitor(pub &'static str);

impl serde::de::Visitor<'_> for IdVisitor {
    type Value = String;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "an answer ID (a string) for {}", self.0)
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<String, E> {
        Ok(v.to_owned())
    }
    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<String, E> {
        Ok(v.to_string())
    }
    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<String, E> {
        Ok(v.to_string())
    }
}

answers!(
    /// Q1. What type of lung cancer is it?
    Histology = Histology {
        NsclcNonsq = "NSCLC_NONSQ",
        NsclcSq = "NSCLC_SQ",
        NsclcNos = "NSCLC_NOS",
        Sclc = "SCLC",
        SclcTransformed = "SCLC_TRANSFORMED",
        Unknown = "UNKNOWN",
    }
);

answers!(
    /// Q2. Where has the cancer come back? (multi-select)
    Site = Sites {
        Local = "LOCAL",
        RegionalNodes = "REGIONAL_NODES",
        LungOther = "LUNG_OTHER",
        Pleura = "PLEURA",
        Brain = "BRAIN",
        Bone = "BONE",
        Liver = "LIVER",
        Adrenal = "ADRENAL",
        Other = "OTHER",
        Unknown = "UNKNOWN",
    }
);

answers!(
    /// Q3. How many spots of spread?
    MetCount = MetCount {
        None = "NONE",
        One = "1",
        TwoThree = "2_3",
        FourFive = "4_5",
        Gt5 = "GT5",
        Unknown = "UNKNOWN",
    }
);

answers!(
    /// Q3. In how many organs?
    OrganCount = OrganCount {
        One = "1",
        Two = "2",
        Three = "3",
        Gt3 = "GT3",
        Unknown = "UNKNOWN",
    }
);

answers!(
    /// Q4a. When was each drug treatment given?
    TxSetting = PriorTxSetting {
        Adjuvant = "ADJUVANT",
        Advanced = "ADVANCED",
        Unknown = "UNKNOWN",
    }
);

answers!(
    /// Q4b. Which chemotherapy drugs did you have? (multi-select)
    ChemoDrug = PriorChemoDrugs {
        Cisplatin = "CISPLATIN",
        Carboplatin = "CARBOPLATIN",
        Pemetrexed = "PEMETREXED",
        Paclitaxel = "PACLITAXEL",
        NabPaclitaxel = "NAB_PACLITAXEL",
        Docetaxel = "DOCETAXEL",
        Gemcitabine = "GEMCITABINE",
        Vinorelbine = "VINORELBINE",
        Etoposide = "ETOPOSIDE",
        Irinotecan = "IRINOTECAN",
        Topotecan = "TOPOTECAN",
        Lurbinectedin = "LURBINECTEDIN",
        Temozolomide = "TEMOZOLOMIDE",
        Bevacizumab = "BEVACIZUMAB",
        Ramucirumab = "RAMUCIRUMAB",
        Other = "OTHER",
        Unknown = "UNKNOWN",
    }
);

answers!(
    /// Q5. How did your most recent drug treatment end?
    Outcome = LastSystemicOutcome {
        GrewDuring = "GREW_DURING",
        CameBackAfter = "CAME_BACK_AFTER",
        StoppedSideEffects = "STOPPED_SIDE_EFFECTS",
        StillOnIt = "STILL_ON_IT",
        NeverHadDrugTreatment = "NEVER_HAD_DRUG_TREATMENT",
        Unknown = "UNKNOWN",
    }
);

answers!(
    /// Q5b. How many spots are growing on the targeted pill?
    ProgressingSpots = ProgressingSpots {
        One = "1",
        TwoThree = "2_3",
        More = "MORE",
        Unknown = "UNKNOWN",
    }
);

answers!(
    /// Q6. SCLC: time since the last dose of platinum chemotherapy.
    Ctfi = Ctfi {
        Lt3m = "LT3M",
        M3To6 = "M3_6",
        Gt6m = "GT6M",
        Unknown = "UNKNOWN",
    }
);

answers!(
    /// Q6. NSCLC: time since the last immunotherapy dose.
    IciInterval = IciInterval {
        OnIci = "ON_ICI",
        Lt6m = "LT6M",
        M6To12 = "M6_12",
        Gt12m = "GT12M",
        Never = "NEVER",
        Unknown = "UNKNOWN",
    }
);

answers!(
    /// Q6. NSCLC: time since the end of adjuvant TKI or chemo.
    AdjuvantInterval = AdjuvantInterval {
        During = "DURING",
        Lt12m = "LT12M",
        Gt12m = "GT12M",
        Unknown = "UNKNOWN",
    }
);

answers!(
    /// Q7. ECOG performance status.
    Ps = Ps {
        Ps0 = "0",
        Ps1 = "1",
        Ps2 = "2",
        Ps3 = "3",
        Ps4 = "4",
        Unknown = "UNKNOWN",
    }
);

answers!(
    /// Q8. Could you have another operation?
    SurgeryFit = SurgeryFit {
        Yes = "YES",
        No = "NO",
        Unknown = "UNKNOWN",
    }
);

answers!(
    /// Q8. Conditions that make some treatments riskier (multi-select).
    Contra = Contra {
        AutoimmuneActive = "AUTOIMMUNE_ACTIVE",
        OrganTransplant = "ORGAN_TRANSPLANT",
        PriorSevereImmuneSideEffect = "PRIOR_SEVERE_IMMUNE_SIDE_EFFECT",
        Ild = "ILD",
        BleedingRisk = "BLEEDING_RISK",
        Neuropathy = "NEUROPATHY",
        None = "NONE",
        Unknown = "UNKNOWN",
    }
);

answers!(
    /// Q9. Was the cancer tested for gene or protein changes?
    BiomarkerTested = BiomarkerTested {
        YesTissue = "YES_TISSUE",
        YesBlood = "YES_BLOOD",
        YesBoth = "YES_BOTH",
        No = "NO",
        Unknown = "UNKNOWN",
    }
);

answers!(
    /// Q9. Was it tested again since it came back?
    TestedSinceRecurrence = TestedSinceRecurrence {
        Yes = "YES",
        No = "NO",
        Unknown = "UNKNOWN",
    }
);

answers!(
    /// Q9. Biomarker results (multi-select).
    Biomarker = Biomarkers {
        EgfrCommon = "EGFR_COMMON",
        EgfrT790m = "EGFR_T790M",
        EgfrEx20ins = "EGFR_EX20INS",
        EgfrUncommon = "EGFR_UNCOMMON",
        EgfrUnsureType = "EGFR_UNSURE_TYPE",
        Alk = "ALK",
        Ros1 = "ROS1",
        BrafV600e = "BRAF_V600E",
        BrafOther = "BRAF_OTHER",
        KrasG12c = "KRAS_G12C",
        KrasOther = "KRAS_OTHER",
        MetEx14 = "MET_EX14",
        MetAmp = "MET_AMP",
        CmetIhcHigh = "CMET_IHC_HIGH",
        Ret = "RET",
        Ntrk = "NTRK",
        Her2Mut = "HER2_MUT",
        Her2Ihc3 = "HER2_IHC3",
        Nrg1 = "NRG1",
        MsiHDmmr = "MSI_H_DMMR",
        TmbH = "TMB_H",
        NoneFound = "NONE_FOUND",
        NotTested = "NOT_TESTED",
        Unknown = "UNKNOWN",
    }
);

answers!(
    /// Q9. PD-L1 tumor proportion score.
    Pdl1 = Pdl1 {
        Ge50 = "GE50",
        From1To49 = "1_49",
        Lt1 = "LT1",
        Unknown = "UNKNOWN",
    }
);

answers!(
    /// Q10. Brain involvement.
    Brain = Brain {
        NoneKnown = "NONE_KNOWN",
        Asymptomatic = "ASYMPTOMATIC",
        Symptomatic = "SYMPTOMATIC",
        Unknown = "UNKNOWN",
    }
);

answers!(
    /// Q10. How many spots in the brain.
    BrainCount = BrainCount {
        From1To4 = "1_4",
        From5To10 = "5_10",
        Gt10 = "GT10",
        Unknown = "UNKNOWN",
    }
);

answers!(
    /// Q10. Spread to the lining of the brain and spinal cord.
    Leptomeningeal = Leptomeningeal {
        Yes = "YES",
        No = "NO",
        Unknown = "UNKNOWN",
    }
);

answers!(
    /// Q11. Symptoms now (multi-select). The red flags of §4 are marked by [`Symptom::is_red_flag`].
    Symptom = Symptoms {
        BonePain = "BONE_PAIN",
        Cough = "COUGH",
        BreathlessGradual = "BREATHLESS_GRADUAL",
        Fatigue = "FATIGUE",
        WeightLoss = "WEIGHT_LOSS",
        HoarseVoice = "HOARSE_VOICE",
        SwallowingDifficulty = "SWALLOWING_DIFFICULTY",
        FluidAroundLungKnown = "FLUID_AROUND_LUNG_KNOWN",
        AnxietyLowMood = "ANXIETY_LOW_MOOD",
        CoughingBloodStreaks = "COUGHING_BLOOD_STREAKS",
        AirwayBlockageKnown = "AIRWAY_BLOCKAGE_KNOWN",
        CordCompressionSigns = "CORD_COMPRESSION_SIGNS",
        SvcSigns = "SVC_SIGNS",
        CoughingBloodMoreThanStreaks = "COUGHING_BLOOD_MORE_THAN_STREAKS",
        NewNeuroSymptoms = "NEW_NEURO_SYMPTOMS",
        Seizure = "SEIZURE",
        FeverOnChemo = "FEVER_ON_CHEMO",
        SevereBreathlessSudden = "SEVERE_BREATHLESS_SUDDEN",
        NoisyBreathingStridor = "NOISY_BREATHING_STRIDOR",
        ConfusionThirstHypercalcemia = "CONFUSION_THIRST_HYPERCALCEMIA",
        ChestPainFainting = "CHEST_PAIN_FAINTING",
        ImmunotherapySevereSideEffect = "IMMUNOTHERAPY_SEVERE_SIDE_EFFECT",
        TarlatamabFeverOrConfusion = "TARLATAMAB_FEVER_OR_CONFUSION",
        AdcOrTkiLungSymptoms = "ADC_OR_TKI_LUNG_SYMPTOMS",
        LowSodiumSclc = "LOW_SODIUM_SCLC",
        SuicidalOrCrisis = "SUICIDAL_OR_CRISIS",
        None = "NONE",
        Unknown = "UNKNOWN",
    }
);

impl Symptom {
    /// §4, in the order of its table: any one of these raises the "get medical help now" banner.
    pub const RED_FLAGS: &'static [Symptom] = &[
        Symptom::CordCompressionSigns,
        Symptom::SvcSigns,
        Symptom::CoughingBloodMoreThanStreaks,
        Symptom::NewNeuroSymptoms,
        Symptom::Seizure,
        Symptom::FeverOnChemo,
        Symptom::SevereBreathlessSudden,
        Symptom::NoisyBreathingStridor,
        Symptom::ConfusionThirstHypercalcemia,
        Symptom::LowSodiumSclc,
        Symptom::ChestPainFainting,
        Symptom::ImmunotherapySevereSideEffect,
        Symptom::TarlatamabFeverOrConfusion,
        Symptom::AdcOrTkiLungSymptoms,
        Symptom::SuicidalOrCrisis,
    ];

    pub fn is_red_flag(self) -> bool {
        Self::RED_FLAGS.contains(&self)
    }
}

answers!(
    /// Q12. What matters most to you now?
    Goal = Goals {
        LiveLongerAcceptSideEffects = "LIVE_LONGER_ACCEPT_SIDE_EFFECTS",
        Balance = "BALANCE",
        ComfortFirst = "COMFORT_FIRST",
        InterestedInTrials = "INTERESTED_IN_TRIALS",
        Unsure = "UNSURE",
    }
);

answers!(
    /// Q4 `TKI:<drug>`: which targeted pill. `UNKNOWN` = a targeted pill whose name the person does not know.
    Tki = PriorTx {
        Osimertinib = "osimertinib",
        Erlotinib = "erlotinib",
        Gefitinib = "gefitinib",
        Afatinib = "afatinib",
        Dacomitinib = "dacomitinib",
        Lazertinib = "lazertinib",
        Sunvozertinib = "sunvozertinib",
        Mobocertinib = "mobocertinib",
        Alectinib = "alectinib",
        Brigatinib = "brigatinib",
        Lorlatinib = "lorlatinib",
        Ensartinib = "ensartinib",
        Ceritinib = "ceritinib",
        Crizotinib = "crizotinib",
        Entrectinib = "entrectinib",
        Repotrectinib = "repotrectinib",
        Taletrectinib = "taletrectinib",
        Sotorasib = "sotorasib",
        Adagrasib = "adagrasib",
        Capmatinib = "capmatinib",
        Tepotinib = "tepotinib",
        Selpercatinib = "selpercatinib",
        Pralsetinib = "pralsetinib",
        Larotrectinib = "larotrectinib",
        DabrafenibTrametinib = "dabrafenib+trametinib",
        EncorafenibBinimetinib = "encorafenib+binimetinib",
        Zongertinib = "zongertinib",
        Sevabertinib = "sevabertinib",
        Unknown = "UNKNOWN",
    }
);

answers!(
    /// Q4 `ADC:<drug>`: which antibody-drug conjugate.
    Adc = PriorTx {
        TrastuzumabDeruxtecan = "trastuzumab deruxtecan",
        DatopotamabDeruxtecan = "datopotamab deruxtecan",
        TelisotuzumabVedotin = "telisotuzumab vedotin",
        Unknown = "UNKNOWN",
    }
);

/// Q4. A treatment already had. `TKI:<drug>` and `ADC:<drug>` carry the drug.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PriorTx {
    Surgery,
    ChestRt,
    ChestSbrt,
    BrainRt,
    PlatinumChemo,
    OtherChemo,
    IciPeriop,
    IciConsolidation,
    IciAdvanced,
    Tki(Tki),
    Amivantamab,
    Adc(Adc),
    Tarlatamab,
    Zenocutuzumab,
    None,
    Unknown,
}

impl PriorTx {
    pub const QUESTION: &'static str = Q::PriorTx.id();

    const SIMPLE: &'static [(PriorTx, &'static str)] = &[
        (PriorTx::Surgery, "SURGERY"),
        (PriorTx::ChestRt, "CHEST_RT"),
        (PriorTx::ChestSbrt, "CHEST_SBRT"),
        (PriorTx::BrainRt, "BRAIN_RT"),
        (PriorTx::PlatinumChemo, "PLATINUM_CHEMO"),
        (PriorTx::OtherChemo, "OTHER_CHEMO"),
        (PriorTx::IciPeriop, "ICI_PERIOP"),
        (PriorTx::IciConsolidation, "ICI_CONSOLIDATION"),
        (PriorTx::IciAdvanced, "ICI_ADVANCED"),
        (PriorTx::Amivantamab, "AMIVANTAMAB"),
        (PriorTx::Tarlatamab, "TARLATAMAB"),
        (PriorTx::Zenocutuzumab, "ZENOCUTUZUMAB"),
        (PriorTx::None, "NONE"),
        (PriorTx::Unknown, "UNKNOWN"),
    ];

    /// Every possible answer, drugs included (for generators, content checks and the UI).
    pub fn all() -> Vec<PriorTx> {
        let mut v: Vec<PriorTx> = Self::SIMPLE.iter().map(|(t, _)| *t).collect();
        v.extend(Tki::ALL.iter().map(|d| PriorTx::Tki(*d)));
        v.extend(Adc::ALL.iter().map(|d| PriorTx::Adc(*d)));
        v
    }

    /// The reference's answer ID, e.g. `TKI:osimertinib`.
    pub fn id(self) -> String {
        match self {
            PriorTx::Tki(d) => format!("TKI:{}", d.id()),
            PriorTx::Adc(d) => format!("ADC:{}", d.id()),
            other => Self::SIMPLE
                .iter()
                .find(|(t, _)| *t == other)
                .map(|(_, id)| (*id).to_owned())
                .unwrap_or_default(),
        }
    }

    pub fn from_id(s: &str) -> Option<PriorTx> {
        if let Some(drug) = s.strip_prefix("TKI:") {
            return Tki::from_id(drug).map(PriorTx::Tki);
        }
        if let Some(drug) = s.strip_prefix("ADC:") {
            return Adc::from_id(drug).map(PriorTx::Adc);
        }
        Self::SIMPLE
            .iter()
            .find(|(_, id)| *id == s)
            .map(|(t, _)| *t)
    }

    /// A drug treatment (Q4a asks when it was given; it can be the "most recent" of Q5a).
    pub fn is_drug(self) -> bool {
        !matches!(
            self,
            PriorTx::Surgery
                | PriorTx::ChestRt
                | PriorTx::ChestSbrt
                | PriorTx::BrainRt
                | PriorTx::None
                | PriorTx::Unknown
        )
    }

    /// An immune checkpoint inhibitor in any setting.
    pub fn is_ici(self) -> bool {
        matches!(
            self,
            PriorTx::IciPeriop | PriorTx::IciConsolidation | PriorTx::IciAdvanced
        )
    }

    /// A targeted drug (pill, antibody or ADC aimed at a biomarker), for.
    pub fn is_targeted(self) -> bool {
        matches!(
            self,
            PriorTx::Tki(_) | PriorTx::Amivantamab | PriorTx::Adc(_) | PriorTx::Zenocutuzumab
        )
    }

    /// Q4a: the setting fixed by definition, if any.
    pub fn fixed_setting(self) -> Option<TxSetting> {
        match self {
            PriorTx::IciPeriop | PriorTx::IciConsolidation => Some(TxSetting::Adjuvant),
            PriorTx::IciAdvanced | PriorTx::Tarlatamab => Some(TxSetting::Advanced),
            _ => None,
        }
    }
}

impl fmt::Display for PriorTx {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.id())
    }
}

impl serde::Serialize for PriorTx {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.id())
    }
}

impl<'de> serde::Deserialize<'de> for PriorTx {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = d.deserialize_any(IdVisitor(Q::PriorTx.id()))?;
        PriorTx::from_id(&raw).ok_or_else(|| serde::de::Error::custom(PriorTx::unknown(&raw)))
    }
}

impl AnswerId for PriorTx {
    const QUESTION_ID: &'static str = Q::PriorTx.id();
    fn parse_id(s: &str) -> Option<Self> {
        PriorTx::from_id(s)
    }
    fn unknown(raw: &str) -> String {
        let mut allowed: Vec<&str> = Self::SIMPLE.iter().map(|(_, id)| *id).collect();
        allowed.push("TKI:<drug>");
        allowed.push("ADC:<drug>");
        format!(
            "{}; TKI drugs: {}; ADC drugs: {}",
            unknown_answer(Q::PriorTx.id(), raw, &allowed),
            Tki::IDS.join(", "),
            Adc::IDS.join(", ")
        )
    }
    fn answer_id(self) -> String {
        self.id()
    }
    fn all() -> Vec<Self> {
        PriorTx::all()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `id` and `from_id` read the `IDS` table by position: every enum's variants are in the
    /// same order as its IDs, and the IDs are unique.
    #[test]
    fn ids_and_variants_line_up() {
        macro_rules! check {
            ($($t:ident),+) => {$(
                assert_eq!($t::ALL.len(), $t::IDS.len(), stringify!($t));
                for (i, a) in $t::ALL.iter().enumerate() {
                    assert_eq!(*a as usize, i, stringify!($t));
                    assert_eq!(a.id(), $t::IDS[i], stringify!($t));
                    assert_eq!($t::from_id($t::IDS[i]), Some(*a), stringify!($t));
                }
                let mut ids = $t::IDS.to_vec();
                ids.sort();
                ids.dedup();
                assert_eq!(ids.len(), $t::IDS.len(), "{}: repeated ID", stringify!($t));
                assert_eq!($t::from_id("NOT_AN_ANSWER"), None);
            )+};
        }
        check!(
            Histology,
            Site,
            MetCount,
            OrganCount,
            TxSetting,
            ChemoDrug,
            Outcome,
            ProgressingSpots,
            Ctfi,
            IciInterval,
            AdjuvantInterval,
            Ps,
            SurgeryFit,
            Contra,
            BiomarkerTested,
            TestedSinceRecurrence,
            Biomarker,
            Pdl1,
            Brain,
            BrainCount,
            Leptomeningeal,
            Symptom,
            Goal,
            Tki,
            Adc
        );
    }
}
