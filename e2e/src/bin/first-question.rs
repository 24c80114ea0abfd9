//! `first-question [--url URL] [--dist DIR] [--runs N] [--network none|slow4g] [--out DIR]`
//!
//! Times, in headless Chromium, the way from navigation to the first question: each run is a
//! fresh profile (nothing cached, no service worker yet), a script that runs before the page's
//! own notes when the welcome screen is painted (from the HTML: it is pre-rendered), when the
//! app has started and its Start button works, presses it at once (no human delay) and notes
//! when the first question's heading is on screen. Reports every run and
//! the median into `<out>/timing.md` and `.json` (default out: bench-results/).
//!
//! Without `--url` it serves `--dist` (default dist/) itself, uncompressed; `scripts/lighthouse.sh`
//! passes its compressing server and `--network slow4g` (Lighthouse's mobile throttling: 150 ms
//! round trip, 1.6 Mbit/s down, 750 kbit/s up). A benchmark, never a test: nothing fails on a time.

use guide_e2e::{json, repo_root, Browser, StaticServer, Value};
use std::path::PathBuf;
use std::time::Duration;

/// Runs before the page's scripts: times from navigation start (performance.now()).
/// Runs before the page's scripts: times from navigation start (performance.now()). The welcome
/// is first painted from the HTML (pre-rendered, `#prerender`); Start works once the app has
/// replaced it.
const WATCH: &str = "
    window.__timing = {};
    new MutationObserver(() => {
        const t = window.__timing;
        if (t.welcome === undefined && document.querySelector('.welcome h1')) {
            t.welcome = performance.now();
        }
        if (document.getElementById('prerender')) return;
        const start = document.querySelector('#start');
        if (t.start === undefined && start) {
            t.start = performance.now();
            start.click();
        }
        if (t.question === undefined && document.querySelector('.question h1')) {
            t.question = performance.now();
        }
    }).observe(document, { childList: true, subtree: true });
";

#[derive(Clone, Copy, PartialEq)]
enum Network {
    None,
    Slow4g,
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mut url = None;
    let mut dist = repo_root().join("dist");
    let mut out = repo_root().join("bench-results");
    let mut runs = 5usize;
    let mut network = Network::None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .unwrap_or_else(|| panic!("{name} needs a value"))
        };
        match arg.as_str() {
            "--url" => url = Some(value("--url")),
            "--dist" => dist = PathBuf::from(value("--dist")),
            "--out" => out = PathBuf::from(value("--out")),
            "--runs" => runs = value("--runs").parse().expect("--runs N"),
            "--network" => {
                network = match value("--network").as_str() {
                    "none" => Network::None,
                    "slow4g" => Network::Slow4g,
                    other => panic!("--network none|slow4g, not {other:?}"),
                }
            }
            "-h" | "--help" => {
                println!("first-question [--url URL] [--dist DIR] [--runs N] [--network none|slow4g] [--out DIR]");
                return;
            }
            other => panic!("unknown argument {other:?} (try --help)"),
        }
    }
    let server = url.is_none().then(|| StaticServer::start(&dist));
    let url = url.unwrap_or_else(|| server.as_ref().unwrap().url("/"));
    let served = if server.is_some() {
        format!("{} served uncompressed by the test server", dist.display())
    } else {
        url.clone()
    };
    let network_name = match network {
        Network::None => "no throttling",
        Network::Slow4g => "slow 4G (150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up)",
    };

    let mut results: Vec<[f64; 3]> = Vec::new();
    for run in 1..=runs.max(1) {
        let b = Browser::start().await;
        b.init_script(WATCH).await;
        if network == Network::Slow4g {
            b.cdp("Network.enable", json!({})).await;
            b.cdp(
                "Network.emulateNetworkConditions",
                json!({
                    "offline": false,
                    "latency": 150,
                    "downloadThroughput": 1_600_000 / 8,
                    "uploadThroughput": 750_000 / 8,
                }),
            )
            .await;
        }
        b.goto(&url).await;
        let mut t = Value::Null;
        for _ in 0..600 {
            t = b.js("return window.__timing || {}", vec![]).await;
            if t["question"].is_number() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let ms = |k: &str| {
            t[k].as_f64()
                .unwrap_or_else(|| panic!("run {run}: no {k} time: {t}"))
        };
        let r = [ms("welcome"), ms("start"), ms("question")];
        println!(
            "run {run}: welcome painted {:.0} ms, Start works and is pressed {:.0} ms, first question {:.0} ms",
            r[0], r[1], r[2]
        );
        results.push(r);
        b.close().await;
    }

    let median = |i: usize| {
        let mut v: Vec<f64> = results.iter().map(|r| r[i]).collect();
        v.sort_by(|a, b| a.total_cmp(b));
        v[v.len() / 2]
    };
    let mut md = format!(
        "# Time from navigation to the first question\n\n\
         Headless Chromium, fresh profile per run (nothing cached), {network_name}; {served}.\n\
         Start is pressed by script as soon as it appears (no human delay).\n\n\
         | run | welcome painted | Start works (app started), pressed | first question on screen |\n|---|---:|---:|---:|\n"
    );
    for (i, r) in results.iter().enumerate() {
        md += &format!(
            "| {} | {:.0} ms | {:.0} ms | {:.0} ms |\n",
            i + 1,
            r[0],
            r[1],
            r[2]
        );
    }
    md += &format!(
        "| **median** | **{:.0} ms** | **{:.0} ms** | **{:.0} ms** |\n",
        median(0),
        median(1),
        median(2)
    );
    print!("\n{md}");
    let suffix = match network {
        Network::None => "",
        Network::Slow4g => "-slow4g",
    };
    std::fs::create_dir_all(&out).expect("create the output directory");
    let md_path = out.join(format!("timing{suffix}.md"));
    std::fs::write(&md_path, &md).expect("write timing.md");
    let json = json!({
        "network": network_name,
        "served": served,
        "runs": results.iter().map(|r| json!({"welcome_ms": r[0], "start_ms": r[1], "first_question_ms": r[2]})).collect::<Vec<_>>(),
        "median": {"welcome_ms": median(0), "start_ms": median(1), "first_question_ms": median(2)},
    });
    let json_path = out.join(format!("timing{suffix}.json"));
    std::fs::write(
        &json_path,
        serde_json::to_string_pretty(&json).unwrap() + "\n",
    )
    .expect("write timing.json");
    println!("Wrote {} and {}", md_path.display(), json_path.display());
}
