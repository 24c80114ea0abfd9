//! The results page's pure logic (tested natively in `tests/results_model.rs`): grouping options by
//! level in catalogue order, gathering and de-duplicating questions for the care team, and which
//! card fields carry a "not yet checked by a clinician" flag.

use guide_engine::{Level, OptionId, OptionResult};

/// The options of one evaluation split by level. Each list is in the catalogue order of §2
/// (the same for everyone; never a ranking).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Grouped<'a> {
    pub likely: Vec<&'a OptionResult>,
    pub may: Vec<&'a OptionResult>,
    pub not: Vec<&'a OptionResult>,
}

impl Grouped<'_> {
    /// Options shown as "likely" or "may be considered", likely first.
    pub fn shown(&self) -> impl Iterator<Item = &OptionResult> {
        self.likely.iter().chain(self.may.iter()).copied()
    }
}

/// "Usually not used" lists only options for the person's type of lung cancer: small cell
/// treatments are left out for non-small cell and the non-small cell medicines for small cell
/// (the type gate makes them `NOT` for everyone of the other type: listing them only
/// lengthens the page). When the type is unknown, everything stays.
pub fn not_for_type(
    not: Vec<&OptionResult>,
    histology: Option<guide_engine::Histology>,
) -> Vec<&OptionResult> {
    use guide_engine::{Family, Histology};
    not.into_iter()
        .filter(|o| {
            let f = o.id.family();
            match histology {
                Some(Histology::NsclcNonsq | Histology::NsclcSq | Histology::NsclcNos) => {
                    f != Family::Sclc
                }
                Some(Histology::Sclc | Histology::SclcTransformed) => {
                    !matches!(f, Family::Targeted | Family::Immunotherapy | Family::Chemo)
                }
                _ => true,
            }
        })
        .collect()
}

/// The questions to show at once (at most `limit`, in order) and those behind "More questions".
pub fn split_questions(
    groups: Vec<QuestionGroup>,
    limit: usize,
) -> (Vec<QuestionGroup>, Vec<QuestionGroup>) {
    let mut shown = Vec::new();
    let mut more = Vec::new();
    let mut count = 0;
    for g in groups {
        let room = limit.saturating_sub(count);
        if room >= g.questions.len() {
            count += g.questions.len();
            shown.push(g);
        } else if room > 0 {
            let (a, b) = g.questions.split_at(room);
            count += a.len();
            shown.push(QuestionGroup {
                option: g.option.clone(),
                questions: a.to_vec(),
            });
            more.push(QuestionGroup {
                option: g.option,
                questions: b.to_vec(),
            });
        } else {
            more.push(g);
        }
    }
    (shown, more)
}

/// Position of an option in the catalogue (§2).
pub fn catalogue_position(id: OptionId) -> usize {
    OptionId::ALL
        .iter()
        .position(|o| *o == id)
        .unwrap_or(usize::MAX)
}

/// Splits options by level, each group sorted by catalogue position (stable).
pub fn group_by_level(options: &[OptionResult]) -> Grouped<'_> {
    let mut sorted: Vec<&OptionResult> = options.iter().collect();
    // A small stable sort (README "Size").
    guide_engine::small::sort_by_key(&mut sorted, |o| catalogue_position(o.id));
    let mut g = Grouped::default();
    for o in sorted {
        match o.level {
            Level::Likely => g.likely.push(o),
            Level::May => g.may.push(o),
            Level::Not => g.not.push(o),
        }
    }
    g
}

/// One group of questions for the care team.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuestionGroup {
    /// `None`: questions about the person's own answers (unknown answers that matter);
    /// `Some(option ID)`: questions from that option's card.
    pub option: Option<String>,
    pub questions: Vec<String>,
}

/// The key two questions are compared by: lower case, single spaces, no end punctuation.
pub fn question_key(q: &str) -> String {
    // ASCII case rules: the content's letters are ASCII (checked by guide-content's tests), and
    // the wasm then carries no Unicode case tables (README "Size").
    let words: Vec<String> = q
        .split_whitespace()
        .map(|w| w.to_ascii_lowercase())
        .collect();
    words
        .join(" ")
        .trim_end_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace())
        .to_string()
}

/// Gathers the questions to ask: first those about unknown answers (from the engine's
/// `questions`), then each shown option's card questions in the order given. A question that
/// was already listed (compared by [`question_key`]) is left out; blank questions are dropped,
/// and so are groups left empty.
pub fn gather_questions(
    from_answers: Vec<String>,
    from_options: Vec<(String, Vec<String>)>,
) -> Vec<QuestionGroup> {
    let mut seen: Vec<String> = Vec::new();
    let mut keep = |q: String| -> Option<String> {
        let key = question_key(&q);
        if key.is_empty() || seen.contains(&key) {
            None
        } else {
            seen.push(key);
            Some(q.trim().to_string())
        }
    };
    let mut groups = Vec::new();
    let first: Vec<String> = from_answers.into_iter().filter_map(&mut keep).collect();
    if !first.is_empty() {
        groups.push(QuestionGroup {
            option: None,
            questions: first,
        });
    }
    for (option, qs) in from_options {
        let qs: Vec<String> = qs.into_iter().filter_map(&mut keep).collect();
        if !qs.is_empty() {
            groups.push(QuestionGroup {
                option: Some(option),
                questions: qs,
            });
        }
    }
    groups
}

/// Whether a card field is flagged "not yet checked by a clinician": the card's `unverified`
/// list names the field (`"common_side_effects"`), or holds a statement found in one of the
/// field's texts (case-insensitive).
pub fn field_unverified(unverified: &[String], field: &str, texts: &[&str]) -> bool {
    unverified.iter().any(|u| {
        let u = u.trim();
        if u.is_empty() {
            return false;
        }
        if u == field {
            return true;
        }
        // ASCII case rules, as in `question_key`.
        let needle = u.to_ascii_lowercase();
        texts
            .iter()
            .any(|t| t.to_ascii_lowercase().contains(&needle))
    })
}

/// Whether one item of a list field is flagged (the whole field, or a statement in this item).
pub fn item_unverified(unverified: &[String], field: &str, item: &str) -> bool {
    field_unverified(unverified, field, &[item])
}

/// Replaces `{name}` placeholders in a UI string.
pub fn fill(template: &str, vars: &[(&str, &str)]) -> String {
    let mut s = template.to_string();
    for (k, v) in vars {
        s = s.replace(&format!("{{{k}}}"), v);
    }
    s
}

/// The card fields, in the style guide's order, with their content field names.
pub const CARD_FIELDS: &[&str] = &[
    "name",
    "summary",
    "aims",
    "what_it_is_like",
    "common_side_effects",
    "serious_side_effects",
    "uncertain",
    "questions",
    "sources",
];

/// Every UI string key the results, card, urgent, glossary and page components use
/// (all must exist in each language's `ui.json`; checked by `tests/results_model.rs`).
pub const UI_KEYS: &[&str] = &[
    "results.title",
    "results.decision",
    "results.decision_local",
    "results.decision_systemic",
    "results.decision_trial",
    "results.decision_comfort",
    "results.intro",
    "results.discuss",
    "results.likely",
    "results.likely_help",
    "results.may",
    "results.may_help",
    "results.none_in_group",
    "results.not",
    "results.not_help",
    "results.notes",
    "results.questions",
    "results.questions_intro",
    "results.questions_answers",
    "results.questions_option",
    "results.content_date",
    "results.engine_version",
    "results.edit",
    "results.at_a_glance",
    "results.glance_likely",
    "results.glance_may",
    "results.glance_may_one",
    "results.glance_none",
    "results.next",
    "results.next_summary",
    "results.next_questions",
    "results.statement",
    "results.unknowns",
    "results.more_questions",
    "review.trace",
    "review.panel",
    "review.statement",
    "card.more",
    "card.aims",
    "card.like",
    "card.common",
    "card.serious",
    "card.uncertain",
    "card.questions",
    "card.why",
    "card.why_not",
    "card.squamous",
    "card.sources",
    "card.sources_summary",
    "card.rules",
    "card.reviewed",
    "card.unverified",
    "card.missing",
    "card.source_missing",
    "urgent.title",
    "urgent.your_symptoms",
    "urgent.repeat_title",
    "urgent.what_to_do",
    "glossary.hint",
    "glossary.meaning",
    "page.sources",
    "page.content_date",
    "page.engine_version",
    "page.red_flags",
    "page.missing",
];
