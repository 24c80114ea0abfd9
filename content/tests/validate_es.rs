//! Content validation of the Spanish content: the checks of `common/validate_checks.rs`.
//! Run: `cargo test -p guide-content --test validate_es`.

const LANG: guide_content::Lang = guide_content::Lang::Es;

#[path = "common/validate_checks.rs"]
mod checks;
