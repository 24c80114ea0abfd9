//! Content validation of the English content: the checks of `common/validate_checks.rs`.
//! Run: `cargo test -p guide-content --test validate`.

const LANG: guide_content::Lang = guide_content::Lang::En;

#[path = "common/validate_checks.rs"]
mod checks;
