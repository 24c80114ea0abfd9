//! Option IDs of the clinical reference §2, verbatim, with the groups the rules act on.

use std::fmt;

/// A level of §3: how an option is shown. Ordered so that `max` picks the highest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub enum Level {
    /// "Usually not used in your situation" (shown collapsed, with the reason).
    #[serde(rename = "NOT")]
    Not,
    /// "May be considered".
    #[serde(rename = "MAY")]
    May,
    /// "Likely to be discussed".
    #[serde(rename = "LIKELY")]
    Likely,
}

impl Level {
    pub fn id(self) -> &'static str {
        match self {
            Level::Not => "NOT",
            Level::May => "MAY",
            Level::Likely => "LIKELY",
        }
    }
}

macro_rules! option_ids {
    ($($variant:ident = $id:literal : $family:ident),+ $(,)?) => {
        /// A treatment option, prompt or family heading of §2.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum OptionId { $($variant),+ }

        impl OptionId {
            /// Every option, in the catalogue order of §2 (the order results are listed in; never a ranking).
            pub const ALL: &'static [OptionId] = &[$(OptionId::$variant),+];

            pub fn id(self) -> &'static str {
                match self { $(OptionId::$variant => $id),+ }
            }

            pub fn from_id(s: &str) -> Option<OptionId> {
                match s { $($id => Some(OptionId::$variant),)+ _ => None }
            }

            /// The §2 section the option belongs to.
            pub fn family(self) -> Family {
                match self { $(OptionId::$variant => Family::$family),+ }
            }
        }
    };
}

/// The sections of §2.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Family {
    /// 2A: local and one-area treatments.
    Local,
    /// 2B: targeted therapy for NSCLC.
    Targeted,
    /// 2C: immunotherapy for NSCLC.
    Immunotherapy,
    /// 2D: chemotherapy for NSCLC.
    Chemo,
    /// 2E: small cell lung cancer.
    Sclc,
    /// 2F: for everyone.
    Everyone,
    /// 2G: prompts.
    Prompt,
    /// 2G: family headings.
    Heading,
}

option_ids! {
    LocResection = "LOC_RESECTION": Local,
    LocSbrt = "LOC_SBRT": Local,
    LocChemort = "LOC_CHEMORT": Local,
    LocReirradiation = "LOC_REIRRADIATION": Local,
    LocAblation = "LOC_ABLATION": Local,
    LocConsolidative = "LOC_CONSOLIDATIVE": Local,
    LocOligoprog = "LOC_OLIGOPROG": Local,
    BrainSrs = "BRAIN_SRS": Local,
    BrainSurgery = "BRAIN_SURGERY": Local,
    BrainWbrt = "BRAIN_WBRT": Local,
    PallRt = "PALL_RT": Local,
    AirwayIntervention = "AIRWAY_INTERVENTION": Local,
    PleuralProcedure = "PLEURAL_PROCEDURE": Local,
    BoneAgent = "BONE_AGENT": Local,
    EgfrOsi = "EGFR_OSI": Targeted,
    EgfrOsiChemo = "EGFR_OSI_CHEMO": Targeted,
    EgfrAmiLaz = "EGFR_AMI_LAZ": Targeted,
    EgfrOlderTki = "EGFR_OLDER_TKI": Targeted,
    EgfrAmiChemo = "EGFR_AMI_CHEMO": Targeted,
    EgfrDato = "EGFR_DATO": Targeted,
    EgfrEx20AmiChemo = "EGFR_EX20_AMI_CHEMO": Targeted,
    EgfrEx20Ami = "EGFR_EX20_AMI": Targeted,
    EgfrEx20Sunvo = "EGFR_EX20_SUNVO": Targeted,
    EgfrUncommon = "EGFR_UNCOMMON": Targeted,
    AlkTki = "ALK_TKI": Targeted,
    AlkAfter = "ALK_AFTER": Targeted,
    Ros1Tki = "ROS1_TKI": Targeted,
    BrafDt = "BRAF_DT": Targeted,
    BrafEb = "BRAF_EB": Targeted,
    KrasG12c = "KRAS_G12C": Targeted,
    MetEx14 = "MET_EX14": Targeted,
    CmetTeliso = "CMET_TELISO": Targeted,
    RetTki = "RET_TKI": Targeted,
    NtrkTki = "NTRK_TKI": Targeted,
    Her2Zong = "HER2_ZONG": Targeted,
    Her2Seva = "HER2_SEVA": Targeted,
    Her2Tdxd = "HER2_TDXD": Targeted,
    Nrg1Zeno = "NRG1_ZENO": Targeted,
    AgnosticIo = "AGNOSTIC_IO": Targeted,
    IoMono = "IO_MONO": Immunotherapy,
    IoChemo = "IO_CHEMO": Immunotherapy,
    IoNivoIpi = "IO_NIVO_IPI": Immunotherapy,
    ChemoPlatinumDoublet = "CHEMO_PLATINUM_DOUBLET": Chemo,
    ChemoDocetaxelRam = "CHEMO_DOCETAXEL_RAM": Chemo,
    ChemoPemetrexedMono = "CHEMO_PEMETREXED_MONO": Chemo,
    ChemoPacliBev = "CHEMO_PACLI_BEV": Chemo,
    ChemoSingleAgent = "CHEMO_SINGLE_AGENT": Chemo,
    SclcPlatEtop = "SCLC_PLAT_ETOP": Sclc,
    SclcTarlatamab = "SCLC_TARLATAMAB": Sclc,
    SclcLurbinectedin = "SCLC_LURBINECTEDIN": Sclc,
    SclcTopotecan = "SCLC_TOPOTECAN": Sclc,
    SclcOtherChemo = "SCLC_OTHER_CHEMO": Sclc,
    SclcIciNaive = "SCLC_ICI_NAIVE": Sclc,
    SclcRt = "SCLC_RT": Sclc,
    Trilaciclib = "TRILACICLIB": Sclc,
    PalliativeCare = "PALLIATIVE_CARE": Everyone,
    BscHospice = "BSC_HOSPICE": Everyone,
    SymptomMgmt = "SYMPTOM_MGMT": Everyone,
    EmotionalSupport = "EMOTIONAL_SUPPORT": Everyone,
    Trials = "TRIALS": Everyone,
    RebiopsyNgs = "REBIOPSY_NGS": Everyone,
    SecondOpinionMdt = "SECOND_OPINION_MDT": Everyone,
    AskType = "ASK_TYPE": Prompt,
    AskEgfrType = "ASK_EGFR_TYPE": Prompt,
    TargetedFamily = "TARGETED_FAMILY": Heading,
    EgfrFamily = "EGFR_FAMILY": Heading,
    IoFamily = "IO_FAMILY": Heading,
    ChemoFamily = "CHEMO_FAMILY": Heading,
    RadiationFamily = "RADIATION_FAMILY": Heading,
    SurgeryFamily = "SURGERY_FAMILY": Heading,
}

impl OptionId {
    /// A medicine for the whole body: §2B–2E drugs (not SCLC radiation, not the supportive trilaciclib).
    pub fn is_systemic_drug(self) -> bool {
        match self.family() {
            Family::Targeted | Family::Immunotherapy | Family::Chemo => true,
            Family::Sclc => !matches!(self, OptionId::SclcRt | OptionId::Trilaciclib),
            _ => false,
        }
    }

    /// What the caps of act on: systemic drugs plus the drug family headings (§2G).
    pub fn is_systemic_for_caps(self) -> bool {
        self.is_systemic_drug()
            || matches!(
                self,
                OptionId::TargetedFamily
                    | OptionId::EgfrFamily
                    | OptionId::IoFamily
                    | OptionId::ChemoFamily
            )
    }

    /// Local options of §2A counted by R-03 ("any local option (LOC_*)").
    pub fn is_loc(self) -> bool {
        self.id().starts_with("LOC_")
    }

    /// Any immune checkpoint inhibitor option (N-1, N-6).
    pub fn is_immunotherapy(self) -> bool {
        matches!(
            self,
            OptionId::IoMono
                | OptionId::IoChemo
                | OptionId::IoNivoIpi
                | OptionId::AgnosticIo
                | OptionId::SclcIciNaive
        )
    }
}

impl fmt::Display for OptionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl serde::Serialize for OptionId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}
