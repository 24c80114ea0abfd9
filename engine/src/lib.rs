//! The clinical engine of the recurrent lung cancer guide.
//!
//! Pure Rust with no web dependencies: it runs natively (tests, command line) and inside the
//! WebAssembly app. Every ID (questions, answers, options, rules R-xx, notes N-x, sources Sx)
//! is the clinical reference's, verbatim, so a reviewer can trace each result to a rule and a source.
//!
//! Flow: [`Profile`] (answers) → [`facts`] (derived values) → [`rules`] (emissions with reasons)
//! → [`resolve`] (§3.0 resolution) → [`Evaluation`].

pub mod answers;
pub mod facts;
pub mod flow;
pub mod json;
pub mod options;
pub mod profile;
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod profile_read;
pub mod questions;
pub mod resolve;
pub mod rules;
pub mod small;
pub mod urgent;

pub use answers::*;
pub use json::MAX_INPUT_BYTES;
pub use options::{Family, Level, OptionId};
pub use profile::{Profile, ProfileError, PROFILE_VERSION};
pub use questions::{Kind, Part, Q};
pub use resolve::{evaluate, evaluate_without, Evaluation, OptionResult};
pub use rules::catalog::{RuleKind, RuleMeta, RULES};
pub use urgent::UrgentLevel;

/// The engine's version, shown with the content date on every summary.
pub const ENGINE_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The safety notes of §3.13.
pub const NOTE_IDS: &[&str] = &[
    "N-1", "N-2", "N-3", "N-4", "N-5", "N-6", "N-7", "N-8", "N-9", "N-10", "N-11",
];
