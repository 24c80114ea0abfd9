//! Benchmark: evaluation time per profile over a few thousand generated profiles.
//! Run with `cargo bench -p guide-engine`. It reports; it never fails on a timing.

use std::time::Instant;

use guide_engine::*;

/// A small deterministic generator (no extra crates): every answer, unknowns included.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn one<T: Copy>(&mut self, all: &[T]) -> Option<T> {
        let i = self.next() as usize % (all.len() + 1);
        all.get(i).copied()
    }
    fn some<T: Copy + PartialEq>(&mut self, all: &[T], max: usize) -> Vec<T> {
        let n = self.next() as usize % (max + 1);
        let mut v = Vec::new();
        for _ in 0..n {
            if let Some(x) = self.one(all) {
                if !v.contains(&x) {
                    v.push(x);
                }
            }
        }
        v
    }
}

fn profile(g: &mut Lcg, treatments: &[PriorTx]) -> Profile {
    let prior_tx = g.some(treatments, 4);
    let mut p = Profile::new();
    p.histology = g.one(Histology::ALL);
    p.sites = g.some(Site::ALL, 3);
    p.met_count = g.one(MetCount::ALL);
    p.organ_count = g.one(OrganCount::ALL);
    for t in &prior_tx {
        if let Some(s) = g.one(TxSetting::ALL) {
            p.prior_tx_setting.insert(*t, s);
        }
    }
    p.last_tx = g.some(&prior_tx, 2);
    p.prior_tx = prior_tx;
    p.prior_chemo_drugs = g.some(ChemoDrug::ALL, 2);
    p.last_systemic_outcome = g.one(Outcome::ALL);
    p.progressing_spots = g.one(ProgressingSpots::ALL);
    p.ctfi = g.one(Ctfi::ALL);
    p.ici_interval = g.one(IciInterval::ALL);
    p.adjuvant_interval = g.one(AdjuvantInterval::ALL);
    p.ps = g.one(Ps::ALL);
    p.surgery_fit = g.one(SurgeryFit::ALL);
    p.contra = g.some(Contra::ALL, 2);
    p.biomarker_tested = g.one(BiomarkerTested::ALL);
    p.tested_since_recurrence = g.one(TestedSinceRecurrence::ALL);
    p.biomarkers = g.some(Biomarker::ALL, 2);
    p.pdl1 = g.one(Pdl1::ALL);
    p.brain = g.one(Brain::ALL);
    p.brain_count = g.one(BrainCount::ALL);
    p.leptomeningeal = g.one(Leptomeningeal::ALL);
    p.symptoms = g.some(Symptom::ALL, 3);
    p.goals = g.one(Goal::ALL);
    p
}

/// Times `f` on every profile; prints mean, median, p99 and max in µs.
fn time(label: &str, profiles: &[Profile], mut f: impl FnMut(&Profile) -> usize) -> usize {
    let mut sink = 0usize;
    for p in &profiles[..profiles.len().min(100)] {
        sink += f(p);
    }
    let mut times: Vec<f64> = Vec::with_capacity(profiles.len());
    let start = Instant::now();
    for p in profiles {
        let t = Instant::now();
        sink += f(std::hint::black_box(p));
        times.push(t.elapsed().as_secs_f64() * 1e6);
    }
    let total = start.elapsed().as_secs_f64() * 1e6;
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let pct = |q: f64| times[((times.len() as f64 - 1.0) * q) as usize];
    println!("{label}: {} generated profiles", profiles.len());
    println!("  mean   {:8.2} µs/profile", total / profiles.len() as f64);
    println!("  median {:8.2} µs", pct(0.5));
    println!("  p99    {:8.2} µs", pct(0.99));
    println!("  max    {:8.2} µs", pct(1.0));
    sink
}

fn main() {
    let treatments = PriorTx::all();
    let mut g = Lcg(2026);
    let profiles: Vec<Profile> = (0..5000).map(|_| profile(&mut g, &treatments)).collect();
    let mut shown = time(
        "evaluate (the answers as given, no pruning)",
        &profiles,
        |p| resolve::evaluate_unpruned(p).options.len(),
    );
    println!("  (target: well under 100 µs per profile)");
    // One step of the question flow: after an answer, the app recomputes which questions are
    // asked (relevance: candidate answers evaluated) and evaluates the pruned answers.
    let few: Vec<Profile> = profiles.iter().take(1000).cloned().collect();
    shown += time(
        "flow step (flow::flow: relevance of every question)",
        &few,
        |p| flow::flow(p).asked.len(),
    );
    // A person part-way through: the answers to the first questions only.
    let partial: Vec<Profile> = few
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mut p = p.clone();
            for q in Q::ALL.iter().skip(4 + i % 20) {
                p.clear(*q);
            }
            p
        })
        .collect();
    shown += time(
        "flow step, part-way through (first 4 to 23 questions answered)",
        &partial,
        |p| flow::flow(p).asked.len(),
    );
    shown += time("evaluate (pruned first: flow + evaluation)", &few, |p| {
        evaluate(p).options.len()
    });
    println!("  (target per step: well under 1000 µs; checksum {shown})");
}
