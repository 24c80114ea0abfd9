//! A small deterministic generator of profiles, for content checks and the review export:
//! running the engine over a few thousand of them shows every fact, rule text, note and
//! question the content must put into words, and which rules can place each option.
//!
//! Not random in the statistical sense: a fixed xorshift sequence, biased towards the paths
//! the rules care about (a driver with its matched pill, growth on the last treatment).

use guide_engine::*;

/// xorshift64*: tiny, deterministic, no dependencies.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    /// True `percent` times in 100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }
    pub fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }
    /// Unanswered one time in five.
    pub fn opt<T: Copy>(&mut self, xs: &[T]) -> Option<T> {
        if self.chance(20) {
            None
        } else {
            Some(self.pick(xs))
        }
    }
    /// Up to `max` distinct items.
    pub fn some<T: Copy + PartialEq>(&mut self, xs: &[T], max: usize) -> Vec<T> {
        let n = self.below(max + 1);
        let mut v = Vec::new();
        for _ in 0..n {
            let x = self.pick(xs);
            if !v.contains(&x) {
                v.push(x);
            }
        }
        v
    }
}

/// The pills that match a biomarker (to make "progressed on the matched drug" common).
fn matched(b: Biomarker) -> &'static [PriorTx] {
    use PriorTx::{Adc as A, Tki as T};
    match b {
        Biomarker::EgfrCommon | Biomarker::EgfrT790m | Biomarker::EgfrUncommon => &[
            T(Tki::Osimertinib),
            T(Tki::Erlotinib),
            T(Tki::Gefitinib),
            T(Tki::Afatinib),
            T(Tki::Lazertinib),
            PriorTx::Amivantamab,
            A(Adc::DatopotamabDeruxtecan),
        ],
        Biomarker::EgfrEx20ins => &[
            PriorTx::Amivantamab,
            T(Tki::Sunvozertinib),
            T(Tki::Mobocertinib),
        ],
        Biomarker::Alk => &[
            T(Tki::Alectinib),
            T(Tki::Brigatinib),
            T(Tki::Crizotinib),
            T(Tki::Lorlatinib),
            T(Tki::Ensartinib),
            T(Tki::Ceritinib),
        ],
        Biomarker::Ros1 => &[
            T(Tki::Crizotinib),
            T(Tki::Entrectinib),
            T(Tki::Repotrectinib),
            T(Tki::Taletrectinib),
        ],
        Biomarker::BrafV600e => &[T(Tki::DabrafenibTrametinib), T(Tki::EncorafenibBinimetinib)],
        Biomarker::KrasG12c => &[T(Tki::Sotorasib), T(Tki::Adagrasib)],
        Biomarker::MetEx14 => &[T(Tki::Capmatinib), T(Tki::Tepotinib)],
        Biomarker::CmetIhcHigh => &[A(Adc::TelisotuzumabVedotin)],
        Biomarker::Ret => &[T(Tki::Selpercatinib), T(Tki::Pralsetinib)],
        Biomarker::Ntrk => &[
            T(Tki::Larotrectinib),
            T(Tki::Entrectinib),
            T(Tki::Repotrectinib),
        ],
        Biomarker::Her2Mut | Biomarker::Her2Ihc3 => &[
            T(Tki::Zongertinib),
            T(Tki::Sevabertinib),
            A(Adc::TrastuzumabDeruxtecan),
        ],
        Biomarker::Nrg1 => &[PriorTx::Zenocutuzumab],
        _ => &[],
    }
}

/// One generated profile.
pub fn profile(r: &mut Rng) -> Profile {
    let mut p = Profile::new();
    p.histology = r.opt(Histology::ALL);
    p.sites = r.some(Site::ALL, 3);
    p.met_count = r.opt(MetCount::ALL);
    p.organ_count = r.opt(OrganCount::ALL);
    p.biomarkers = r.some(Biomarker::ALL, 2);
    let all_tx = PriorTx::all();
    let mut tx = r.some(&all_tx, 3);
    for b in p.biomarkers.clone() {
        let pills = matched(b);
        if !pills.is_empty() && r.chance(60) {
            tx.push(r.pick(pills));
            if r.chance(30) {
                tx.push(r.pick(pills));
            }
        }
    }
    if r.chance(30) {
        tx.push(PriorTx::PlatinumChemo);
    }
    if r.chance(15) {
        tx.push(r.pick(&[
            PriorTx::IciAdvanced,
            PriorTx::IciPeriop,
            PriorTx::IciConsolidation,
        ]));
    }
    let mut seen = Vec::new();
    tx.retain(|t| {
        let new = !seen.contains(t);
        seen.push(*t);
        new
    });
    p.prior_tx = tx.clone();
    for t in tx
        .iter()
        .filter(|t| t.is_drug() && t.fixed_setting().is_none())
    {
        if r.chance(60) {
            p.prior_tx_setting.insert(*t, r.pick(TxSetting::ALL));
        }
    }
    if tx
        .iter()
        .any(|t| matches!(t, PriorTx::PlatinumChemo | PriorTx::OtherChemo))
    {
        p.prior_chemo_drugs = r.some(ChemoDrug::ALL, 3);
    }
    p.last_systemic_outcome = if r.chance(40) {
        Some(Outcome::GrewDuring)
    } else {
        r.opt(Outcome::ALL)
    };
    let drugs: Vec<PriorTx> = tx.iter().copied().filter(|t| t.is_drug()).collect();
    if !drugs.is_empty() && r.chance(70) {
        p.last_tx = r.some(&drugs, 2);
        if p.last_tx.is_empty() {
            p.last_tx.push(r.pick(&drugs));
        }
    } else if r.chance(10) {
        p.last_tx = vec![PriorTx::Unknown];
    }
    p.progressing_spots = r.opt(ProgressingSpots::ALL);
    p.ctfi = r.opt(Ctfi::ALL);
    p.ici_interval = r.opt(IciInterval::ALL);
    p.adjuvant_interval = r.opt(AdjuvantInterval::ALL);
    p.ps = r.opt(Ps::ALL);
    p.surgery_fit = r.opt(SurgeryFit::ALL);
    p.contra = r.some(Contra::ALL, 2);
    p.biomarker_tested = r.opt(BiomarkerTested::ALL);
    p.tested_since_recurrence = r.opt(TestedSinceRecurrence::ALL);
    p.pdl1 = r.opt(Pdl1::ALL);
    p.brain = r.opt(Brain::ALL);
    p.brain_count = r.opt(BrainCount::ALL);
    p.leptomeningeal = r.opt(Leptomeningeal::ALL);
    p.symptoms = r.some(Symptom::ALL, 3);
    p.goals = r.opt(Goal::ALL);
    p
}

/// `n` profiles from a seed (the same seed always gives the same profiles).
pub fn profiles(n: usize, seed: u64) -> Vec<Profile> {
    let mut r = Rng::new(seed);
    (0..n).map(|_| profile(&mut r)).collect()
}
