//! Every rule of §3 with its ID, its kind and its source IDs (§7), so a reviewer can search
//! for a rule ID and find both its metadata here and its code in the section files.

/// How a rule acts in the resolution of §3.0.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleKind {
    /// the urgent banner.
    Urgent,
    /// Emits levels for options.
    Emit,
    /// Tagged [X] (at least in part): its `NOT` wins unless an [OVR] rule fired for the option.
    Exclusion,
    /// Tagged [OVR]: lifts an [X] `NOT` for the option.
    Override,
    /// "(modifier)": caps levels at `MAY` after resolution.
    Modifier,
    /// §3.3 performance-status modifiers, applied after the caps.
    Performance,
    /// Reads the resolved result.
    Result,
    /// Points to other rules; it marks the options it explains in the trace.
    Pointer,
}

#[derive(Clone, Copy, Debug)]
pub struct RuleMeta {
    pub id: &'static str,
    pub kind: RuleKind,
    pub sources: &'static [&'static str],
    /// One line for reviewers (not patient text).
    pub summary: &'static str,
}

use RuleKind::*;

/// A rule's summary: as written natively, empty in the WebAssembly build.
const fn summary(text: &'static str) -> &'static str {
    if cfg!(target_arch = "wasm32") {
        ""
    } else {
        text
    }
}

macro_rules! rules {
    ($($id:literal $kind:ident [$($src:literal),*] $summary:literal;)+) => {
        /// All 106 rules of §3 (102 of the reference and R-176a, R-185 to R-187 of the revision), in the reference's order.
        /// The summaries are for reviewers (CLI, tests): empty in the WebAssembly build, which
        /// never shows them (README "Size").
        pub const RULES: &[RuleMeta] = &[$(RuleMeta { id: $id, kind: $kind, sources: &[$($src),*], summary: summary($summary) }),+];
    };
}

rules! {
    "R-00" Urgent ["S36a", "S37a", "S39a", "S39c", "S40", "S43"] "Any red-flag symptom raises the urgent banner";
    "R-01" Emit ["S4c"] "Palliative care, symptom management, emotional support always LIKELY";
    "R-02" Result ["S10"] "Clinical trials MAY; LIKELY if wanted or no LIKELY systemic option; at most MAY at PS 3-4 (D-45)";
    "R-03" Result ["S20c"] "Tumor board MAY; LIKELY if a local option is shown";
    "R-04" Emit ["S41b", "S13b"] "Comfort first: hospice/best supportive care MAY";
    "R-10" Exclusion ["S13b", "S48a"] "Small cell: NSCLC drugs NOT";
    "R-10a" Override ["S24c"] "Transformed SCLC with EGFR: osimertinib MAY";
    "R-11" Exclusion ["S13b", "S48a"] "NSCLC: small cell options NOT";
    "R-12" Emit ["S13b"] "Type unknown: ask the type; family headings only";
    "R-13" Exclusion ["S13a", "S4e", "S1", "S27a", "S28a", "S30"] "Squamous: pemetrexed/bevacizumab and non-squamous-only labels NOT";
    "R-20" Performance ["S41a", "S41b", "S13b"] "PS 3-4 without a driver: supportive care; harsh treatments NOT";
    "R-21" Performance ["S2d", "S41b", "S150", "S151"] "PS 3-4 with a driver: matched pills at most MAY (a first EGFR pill stays LIKELY, D-44), others NOT";
    "R-22" Performance ["S41a", "S41b"] "PS 2: combinations down to MAY; single-agent chemo MAY";
    "R-23" Emit ["S17"] "PS unknown: no downgrade, note N-9";
    "R-30" Emit ["S20a", "S20c", "S48a"] "Local only, fit for surgery: re-operation LIKELY";
    "R-31" Emit ["S20a", "S20d", "S21a"] "Local only, not fit or unsure: SBRT LIKELY";
    "R-32" Emit ["S20a", "S20b"] "Chest nodes only: chemoradiation LIKELY";
    "R-33" Modifier ["S20e", "S20f", "S20a"] "Local relapse after chest radiation (SBRT: only in the same place, D-31): re-irradiation MAY; SBRT and chemoradiation at most MAY";
    "R-34" Modifier ["S4c", "S48a"] "Local relapse: new biopsy LIKELY; systemic options at most MAY";
    "R-35" Emit ["S48a"] "Single new lung spot: possible second primary";
    "R-36" Pointer ["S4c"] "Local relapse, PS not 3-4: no hospice emission; palliative care still LIKELY";
    "R-37" Emit ["S13b"] "SCLC chest-only relapse, no prior chest radiation: radiation MAY";
    "R-40" Emit ["S18", "S19a", "S19b", "S152", "S159", "S153", "S154"] "Oligometastatic NSCLC, PS 0-1, not oligoprogression on a pill: local treatment of all sites MAY (D-32)";
    "R-41" Emit ["S18", "S19a"] "Oligometastatic NSCLC, PS 2: local treatment of all sites MAY";
    "R-42" Modifier ["S2c", "S19c"] "Oligoprogression on a pill: local treatment LIKELY, continue the pill, switch options at most MAY";
    "R-43" Emit ["S5b"] "Oligometastatic SCLC: local consolidation NOT; palliative radiation MAY";
    "R-50" Emit ["S22a"] "NSCLC 1-4 brain spots: radiosurgery LIKELY";
    "R-51" Emit ["S22a", "S22b"] "5-10 brain spots: radiosurgery or whole-brain MAY";
    "R-52" Emit ["S22b"] "More than 10 brain spots or leptomeningeal: whole-brain LIKELY";
    "R-53" Emit ["S48a"] "Symptomatic 1-4 brain spots: brain surgery MAY";
    "R-54" Modifier ["S23", "S31a", "S155"] "No brain symptoms and a brain-active pill LIKELY, not grown on it: radiosurgery at most MAY";
    "R-55" Emit ["S22c", "S10", "S156"] "SCLC brain: whole-brain LIKELY (after brain radiation MAY, radiosurgery LIKELY for 1-4), radiosurgery and temozolomide MAY";
    "R-60" Emit ["S42", "S42b"] "Bone: palliative radiation if painful, bone drugs MAY";
    "R-61" Emit ["S43", "S48a"] "Coughing blood or airway blockage: airway treatment and radiation LIKELY";
    "R-62" Emit ["S44"] "Fluid around the lung: drainage LIKELY";
    "R-63" Emit ["S39b"] "SVC signs: radiation LIKELY (SCLC: chest radiation MAY)";
    "R-70" Pointer ["S4c"] "NSCLC with spread: systemic therapy is the backbone";
    "R-71" Emit ["S4c", "S2a", "S4d"] "NSCLC not fully tested: new biopsy and gene testing LIKELY";
    "R-72" Modifier ["S2a", "S45", "S4c"] "NSCLC untested: systemic options at most MAY; targeted family heading";
    "R-80" Exclusion ["S2a", "S2b"] "EGFR: single-agent immunotherapy NOT; chemo-immunotherapy NOT after an EGFR pill";
    "R-81" Exclusion ["S1"] "ALK/ROS1/RET before the matched pill: immunotherapy NOT";
    "R-82" Emit ["S4a", "S4e", "S3b", "S157"] "Other drivers, no prior immunotherapy: immunotherapy MAY (alone after chemo: LIKELY for KRAS G12C, BRAF V600E)";
    "R-90" Emit ["S2a", "S1"] "EGFR common, no EGFR pill yet: osimertinib and combinations LIKELY";
    "R-91" Emit ["S3a", "S1"] "T790M after an earlier EGFR pill: osimertinib LIKELY";
    "R-92" Emit ["S2b", "S1", "S24a"] "Grew on osimertinib, no platinum yet: amivantamab-chemo and platinum chemo LIKELY";
    "R-93" Emit ["S1", "S29"] "EGFR after pill and platinum: datopotamab deruxtecan LIKELY";
    "R-94" Emit ["S25", "S32"] "EGFR with MET amplification at progression: trials LIKELY";
    "R-95" Emit ["S24c", "S24b", "S6a", "S55"] "Transformed to small cell: platinum-etoposide LIKELY";
    "R-96" Pointer ["S2c"] "EGFR oligoprogression: see R-42";
    "R-97" Emit ["S46", "S2b"] "Recurrence after adjuvant osimertinib: new biopsy LIKELY; osimertinib LIKELY after more than 12 months";
    "R-98" Emit ["S2a"] "EGFR type unsure: ask which; EGFR family heading";
    "R-100" Emit ["S1"] "Exon 20, no platinum yet: amivantamab-chemo LIKELY";
    "R-101" Emit ["S1"] "Exon 20 after platinum: amivantamab or sunvozertinib LIKELY";
    "R-102" Exclusion ["S3a", "S26"] "Exon 20: standard EGFR pills NOT";
    "R-105" Emit ["S1", "S2a"] "Uncommon EGFR: afatinib/osimertinib LIKELY; after a pill, platinum chemo";
    "R-110" Emit ["S1", "S3a"] "ALK, no ALK pill yet: ALK pill LIKELY";
    "R-111" Emit ["S3b"] "ALK after alectinib/brigatinib/ceritinib: lorlatinib LIKELY";
    "R-111b" Override ["S1"] "ALK after crizotinib only: another ALK pill LIKELY";
    "R-112" Emit ["S3b"] "ALK after lorlatinib: platinum chemo and trials LIKELY";
    "R-115" Emit ["S1", "S31a"] "ROS1, no ROS1 pill yet: ROS1 pill LIKELY";
    "R-116" Emit ["S31a"] "ROS1 after crizotinib/entrectinib: taletrectinib or repotrectinib LIKELY";
    "R-120" Emit ["S1", "S3b"] "BRAF V600E: BRAF+MEK pills LIKELY";
    "R-121" Exclusion ["S1"] "Other BRAF: BRAF V600E pills NOT";
    "R-125" Emit ["S1", "S33c"] "KRAS G12C after a treatment: sotorasib/adagrasib LIKELY";
    "R-126" Emit ["S1"] "KRAS G12C first treatment: pill MAY, standard first treatment";
    "R-127" Exclusion ["S33e"] "Other KRAS: G12C pills NOT";
    "R-130" Emit ["S1"] "MET exon 14: capmatinib/tepotinib LIKELY";
    "R-131" Emit ["S1", "S30"] "High c-Met protein: telisotuzumab vedotin";
    "R-132" Emit ["S24a"] "MET amplification only: trials LIKELY";
    "R-135" Emit ["S1"] "RET: RET pill LIKELY";
    "R-136" Emit ["S1"] "NTRK: NTRK pill LIKELY";
    "R-137" Emit ["S1"] "NRG1: zenocutuzumab";
    "R-138" Emit ["S27b", "S1", "S28b", "S2a"] "HER2 mutation first treatment: zongertinib and chemo-immunotherapy LIKELY";
    "R-139" Emit ["S1", "S27a", "S28a", "S51"] "HER2 mutation after a treatment: HER2 drugs LIKELY (a second HER2 pill MAY)";
    "R-140" Emit ["S1"] "HER2 protein 3+: trastuzumab deruxtecan MAY";
    "R-141" Emit ["S1"] "MSI-H/dMMR or TMB-H: tumor-agnostic immunotherapy MAY";
    "R-150" Emit ["S4a", "S4b"] "No driver, PD-L1 50% or more: immunotherapy alone LIKELY";
    "R-151" Emit ["S1", "S4a", "S4b"] "No driver, PD-L1 under 50% or unknown: chemo-immunotherapy LIKELY";
    "R-152" Emit ["S4e"] "No driver, after platinum, no immunotherapy yet: immunotherapy alone LIKELY";
    "R-153" Exclusion ["S4e", "S49a"] "Grew on immunotherapy: docetaxel LIKELY; immunotherapy NOT";
    "R-154" Emit ["S47"] "Immunotherapy more than 12 months ago: platinum chemo LIKELY, chemo-immunotherapy MAY";
    "R-155" Emit ["S47"] "Immunotherapy 6-12 months ago: platinum chemo LIKELY, chemo-immunotherapy MAY";
    "R-156" Emit ["S4e"] "Adjuvant platinum only: first-line rules; same doublet MAY after 12 months";
    "R-157" Pointer ["S4f"] "Squamous: squamous chemo partners";
    "R-158" Emit ["S4e", "S13a"] "Non-squamous after platinum, no pemetrexed yet: pemetrexed MAY";
    "R-159" Exclusion ["S10"] "Grew on immunotherapy (any NSCLC): immunotherapy NOT";
    "R-159b" Emit ["S49a"] "Driver, after platinum and the matched drug: docetaxel MAY, trials LIKELY";
    "R-169" Emit ["S24c", "S10"] "SCLC without prior platinum: platinum-etoposide LIKELY";
    "R-170" Emit ["S6a", "S7a"] "SCLC after platinum: tarlatamab LIKELY";
    "R-171" Emit ["S10", "S11", "S14"] "SCLC, more than 6 months since platinum: platinum-etoposide LIKELY";
    "R-172" Emit ["S12", "S14"] "SCLC, 3-6 months since platinum: re-challenge MAY";
    "R-173" Exclusion ["S10", "S11"] "SCLC, under 3 months: platinum-etoposide NOT";
    "R-174" Emit ["S6a", "S7c"] "SCLC, interval unknown: tarlatamab LIKELY, chemo MAY";
    "R-175" Exclusion ["S10", "S15"] "SCLC after immunotherapy: PD-1 drug NOT; never had it: MAY";
    "R-176" Exclusion ["S6a"] "SCLC after tarlatamab: tarlatamab NOT";
    "R-176a" Exclusion ["S10", "S9"] "SCLC grown on lurbinectedin or topotecan: that drug NOT";
    "R-177" Pointer ["S41b"] "SCLC PS 3-4: see R-20";
    "R-178" Result ["S14b"] "SCLC with platinum-etoposide or topotecan shown: trilaciclib MAY";
    "R-180" Emit ["S2b", "S24a", "S24b"] "Grew on a targeted drug: new biopsy LIKELY";
    "R-181" Emit ["S1"] "Targeted drug stopped for other reasons: re-challenge MAY";
    "R-182" Exclusion ["S2c"] "Grew on a targeted drug: that drug NOT";
    "R-183" Pointer ["S47", "S10"] "Immunotherapy re-challenge: see R-153/154, R-175";
    "R-184" Pointer ["S10", "S11"] "Platinum re-challenge: see R-171-173, R-156";
    "R-185" Emit ["S2b", "S4e", "S157"] "Driver without its own next step, grown on the matched drug, no platinum yet: platinum chemo LIKELY; chemo-immunotherapy LIKELY for the R-82 drivers";
    "R-186" Emit ["S4e"] "Driver-positive, grown on immunotherapy without platinum: platinum chemo LIKELY";
    "R-187" Emit ["S158"] "Grown on osimertinib outside the brain, no platinum yet: osimertinib with platinum-pemetrexed MAY";
}

/// The metadata of a rule ID (panics on a typo, which the tests catch).
pub fn rule(id: &str) -> &'static RuleMeta {
    RULES
        .iter()
        .find(|r| r.id == id)
        .unwrap_or_else(|| panic!("unknown rule ID {id}"))
}
