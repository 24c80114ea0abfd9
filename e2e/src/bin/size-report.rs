//! `size-report [--dist DIR] [--out DIR] [--budget-kb N] [--check]`
//!
//! Prints the per-file size table of a built dist/ (raw, gzip -9, brotli -q 11), writes
//! `<out>/size.md` and `<out>/size.json` (default out: bench-results/), and with `--check` exits 1
//! when the brotli total of the first-load files is over the budget (default 250 KB = 250,000 B).
//! Used by scripts/size-report.sh and scripts/test.sh.

use guide_e2e::repo_root;
use guide_e2e::size::{measure, DEFAULT_BUDGET_BYTES};
use std::path::PathBuf;

fn main() {
    let mut dist = repo_root().join("dist");
    let mut out = repo_root().join("bench-results");
    let mut budget = DEFAULT_BUDGET_BYTES;
    let mut check = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .unwrap_or_else(|| panic!("{name} needs a value"))
        };
        match arg.as_str() {
            "--dist" => dist = PathBuf::from(value("--dist")),
            "--out" => out = PathBuf::from(value("--out")),
            "--budget-kb" => {
                budget = value("--budget-kb").parse::<u64>().expect("--budget-kb N") * 1000
            }
            "--check" => check = true,
            "-h" | "--help" => {
                println!("size-report [--dist DIR] [--out DIR] [--budget-kb N] [--check]");
                return;
            }
            other => panic!("unknown argument {other:?} (try --help)"),
        }
    }
    let report = measure(&dist, budget);
    let markdown = report.markdown();
    print!("{markdown}");
    std::fs::create_dir_all(&out).expect("create the output directory");
    std::fs::write(out.join("size.md"), &markdown).expect("write size.md");
    let json = serde_json::to_string_pretty(&report.json()).expect("json");
    std::fs::write(out.join("size.json"), json + "\n").expect("write size.json");
    println!(
        "Wrote {} and {}",
        out.join("size.md").display(),
        out.join("size.json").display()
    );
    if check && !report.within_budget() {
        eprintln!("size budget exceeded: {}", report.budget_line());
        std::process::exit(1);
    }
}
