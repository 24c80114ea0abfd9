//! Turns engine output into plain words: reasons, notes, questions to ask.
//! (Implemented by the content work; signatures are the contract the app and CLI use.)

use guide_engine::OptionResult;

use crate::Content;

/// The phrase for a fact key from the engine (`histology=NSCLC_NONSQ`, `fact:<key>`,
/// `progressed_on=TKI:osimertinib`).
pub fn fact_phrase(c: &Content, fact: &str) -> String {
    let _ = c;
    fact.to_string()
}

/// "Shown because you said ..." for shown options, the rule's reason for `NOT`, and a sentence
/// for each modifier that lowered the level. Never empty.
pub fn reasons(c: &Content, o: &OptionResult) -> Vec<String> {
    o.because.iter().map(|f| fact_phrase(c, f)).collect()
}

/// The question for the care team for an unknown answer (§1 question ID).
pub fn question_to_ask(c: &Content, question: &str) -> String {
    c.question(question).map(|q| q.ask.clone()).unwrap_or_else(|| question.to_string())
}
