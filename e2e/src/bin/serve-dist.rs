//! `serve-dist [--port N] [--dist DIR]` - serve a built dist/ on 127.0.0.1 at `/` and `/guide/`,
//! exactly as built (used by `scripts/serve.sh --static`).

use guide_e2e::{repo_root, StaticServer};
use std::path::PathBuf;

fn main() {
    let mut port: u16 = 8080;
    let mut dist = repo_root().join("dist");
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--port" => port = args.next().and_then(|p| p.parse().ok()).expect("--port N"),
            "--dist" => dist = PathBuf::from(args.next().expect("--dist DIR")),
            other => {
                panic!("unknown argument {other:?}; usage: serve-dist [--port N] [--dist DIR]")
            }
        }
    }
    assert!(
        dist.join("index.html").is_file(),
        "{} has no index.html",
        dist.display()
    );
    let server = StaticServer::start_on(
        &format!("127.0.0.1:{port}"),
        &[("/", &dist), ("/guide/", &dist)],
    )
    .unwrap_or_else(|e| panic!("cannot listen on 127.0.0.1:{port}: {e}"));
    println!(
        "Serving {} at {} and {} (Ctrl-C to stop)",
        dist.display(),
        server.url("/"),
        server.url("/guide/")
    );
    server.wait();
}
