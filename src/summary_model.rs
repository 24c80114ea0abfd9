//! What the visit summary and the side-by-side comparison show, as plain data built from the
//! content, the engine's evaluation and what the person added. Pure Rust, tested natively
//! (`tests/summary_model.rs`, `tests/values.rs`); the components only lay it out.
//!
//! The options, their groups, their order and the reasons come from the engine alone: the
//! person's trade-offs ([`crate::personal::Values`]) only reorder the facts shown for each option
//! ([`crate::personal::emphasis`]).

use guide_content::{render, Content};
use guide_engine::{facts::red_flags, Evaluation, Level, OptionResult, Profile, Q};

use std::collections::HashSet;

use crate::flow::{asked_steps, setting_drugs, Kind, Step};
use crate::glossary_match::Segment;
use crate::personal::{emphasis, Field, Personal, TRADE_OFFS};
use crate::results_model::{gather_questions, group_by_level, QuestionGroup};
use crate::state::Answers;
use crate::urgent_model::{urgent_groups, UrgentGroup};

/// One answered (or not answered) question, in plain words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswerRow {
    pub question_id: String,
    pub question: String,
    /// One line per answer; empty = not answered.
    pub lines: Vec<String>,
}

/// One fact of an option as shown in the summary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fact {
    pub field: Field,
    /// A paragraph, or the items of a list field.
    pub texts: Vec<String>,
}

/// One option in the summary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SummaryOption {
    pub id: String,
    pub name: String,
    pub level: Level,
    /// The one-sentence summary (empty when the card is missing).
    pub summary: String,
    /// Why it was shown (or, for `NOT`, why it is usually not used): `render::reasons`, then
    /// the option's notes.
    pub reasons: Vec<String>,
    /// For shown options: what it is like and common side effects, in the person's emphasis.
    pub facts: Vec<Fact>,
}

/// A source cited anywhere in the summary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceRow {
    pub id: String,
    /// "Title. Publisher, date. URL" (or empty when the source is missing from the content).
    pub text: String,
}

/// An answered trade-off, as question and answer texts (UI keys resolved).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValueRow {
    pub id: String,
    pub question: String,
    pub answer: String,
}

/// Everything the visit summary shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SummaryModel {
    pub answers: Vec<AnswerRow>,
    /// Urgent help for the red flags ticked, most urgent level first; empty if none.
    pub urgent: Vec<UrgentGroup>,
    pub likely: Vec<SummaryOption>,
    pub may: Vec<SummaryOption>,
    pub not_shown: Vec<SummaryOption>,
    pub safety_notes: Vec<String>,
    /// The generated questions (unknown answers first, then each shown option's questions).
    pub generated_questions: Vec<QuestionGroup>,
    /// The first [`TOP_QUESTIONS`] of them, each once: what the default printout lists.
    pub questions: Vec<String>,
    /// The rest, by group (printed only with the full details).
    pub more_questions: Vec<QuestionGroup>,
    pub own_questions: Vec<String>,
    pub notes: Vec<String>,
    /// The goals answer (engine question `goals`) in words.
    pub goal: Option<String>,
    pub values: Vec<ValueRow>,
    pub other_values: String,
    /// The order of facts used for each option.
    pub emphasis: Vec<Field>,
    pub content_date: String,
    pub engine_version: &'static str,
    pub sources: Vec<SourceRow>,
    /// (term, meaning) of the glossary words in the shown options' texts, in order of use.
    pub glossary: Vec<(String, String)>,
}

/// How many of the guide's questions the default printout lists.
pub const TOP_QUESTIONS: usize = 10;

/// Splits the questions (already each once, unknown answers first) into the first `n` and the
/// rest, which keep their groups.
pub fn split_questions(groups: &[QuestionGroup], n: usize) -> (Vec<String>, Vec<QuestionGroup>) {
    let mut top = Vec::new();
    let mut more = Vec::new();
    for g in groups {
        let k = (n - top.len()).min(g.questions.len());
        top.extend_from_slice(&g.questions[..k]);
        if k < g.questions.len() {
            more.push(QuestionGroup {
                option: g.option.clone(),
                questions: g.questions[k..].to_vec(),
            });
        }
    }
    (top, more)
}

/// The glossary entries used in `texts`, each once, in order of first use, as (term, meaning).
pub fn glossary_used<'a>(
    c: &'static Content,
    texts: impl IntoIterator<Item = &'a str>,
) -> Vec<(String, String)> {
    // The app's one prepared index (no second copy of its code in the wasm).
    let index = crate::components::glossary::glossary_index(c);
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for t in texts {
        for s in index.segments_excluding(t, &mut seen) {
            if let Segment::Term { id, .. } = s {
                if let Some(e) = c.glossary.get(&id) {
                    out.push((e.term.clone(), e.definition.clone()));
                }
            }
        }
    }
    out
}

/// The part of the summary that comes from the engine alone (see [`SummaryModel::engine_part`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnginePart {
    /// (option ID, level, reasons), likely then may then not, each in catalogue order.
    pub options: Vec<(String, Level, Vec<String>)>,
    pub urgent: Vec<UrgentGroup>,
    pub safety_notes: Vec<String>,
    pub questions: Vec<QuestionGroup>,
}

impl SummaryModel {
    /// The part of the summary that comes from the engine: options with their groups, order and
    /// reasons, urgent symptoms, notes and generated questions. What the person adds (values,
    /// notes) must never change it (`tests/values.rs`).
    pub fn engine_part(&self) -> EnginePart {
        let options = self
            .likely
            .iter()
            .chain(self.may.iter())
            .chain(self.not_shown.iter())
            .map(|o| (o.id.clone(), o.level, o.reasons.clone()))
            .collect();
        EnginePart {
            options,
            urgent: self.urgent.clone(),
            safety_notes: self.safety_notes.clone(),
            questions: self.generated_questions.clone(),
        }
    }

    /// Every shown option's name (likely, then may be considered).
    pub fn shown_names(&self) -> Vec<String> {
        self.likely
            .iter()
            .chain(self.may.iter())
            .map(|o| o.name.clone())
            .collect()
    }
}

/// Words for an ID that has no content yet: `NSCLC_NONSQ` -> "Nsclc nonsq". A last resort so
/// the guide stays usable while content is being written; a content test catches gaps. (The
/// one home of the answer-words helpers: the screens call these with the current content.)
pub fn humanize(c: &Content, id: &str) -> String {
    let id = id.rsplit(':').next().unwrap_or(id);
    if id == "UNKNOWN" {
        return c.ui("answer.unknown").to_owned();
    }
    // IDs are ASCII: ASCII case rules (no Unicode case tables in the wasm, README "Size").
    let mut s = id.replace('_', " ").to_ascii_lowercase();
    if let Some(f) = s.get_mut(..1) {
        f.make_ascii_uppercase();
    }
    s
}

/// The content of an answer: from its own question, or (for `last_tx`, whose answers are the
/// treatments ticked) from the treatments question.
pub fn answer_content<'a>(
    c: &'a Content,
    question: &str,
    id: &str,
) -> Option<&'a guide_content::AnswerContent> {
    c.answer(question, id).or_else(|| {
        (question == Q::LastTx.id())
            .then(|| c.answer(Q::PriorTx.id(), id))
            .flatten()
    })
}

/// The label of an answer: what the person picks on the question screen, and reads on the
/// review and in the summary.
pub fn answer_words(c: &Content, question: &str, id: &str) -> String {
    if let Some(a) = answer_content(c, question, id).filter(|a| !a.label.is_empty()) {
        return a.label.clone();
    }
    if question == Q::Symptoms.id() {
        if let Some(f) = c.red_flags.flags.get(id).filter(|f| !f.label.is_empty()) {
            return f.label.clone();
        }
    }
    humanize(c, id)
}

/// A question without the instructions after it: the text up to its first "?" (the summary's
/// table has no room for "Choose all that apply.").
pub fn short_question(text: &str) -> &str {
    text.find('?').map_or(text, |i| &text[..=i])
}

fn question_words(c: &Content, question: &str) -> String {
    c.question(question)
        .map(|q| short_question(&q.text).to_owned())
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| humanize(c, question))
}

/// The answer to one question in words, one line per answer (empty = not answered): the review
/// and the summary's table.
pub fn answer_lines(c: &Content, step: Step, answers: &Answers) -> Vec<String> {
    let q = step.id();
    match step.kind() {
        Kind::Single => answers
            .single(q)
            .map(|id| vec![answer_words(c, q, &id)])
            .unwrap_or_default(),
        Kind::Multi | Kind::PriorTx => answers
            .multi(q)
            .iter()
            .map(|id| answer_words(c, q, id))
            .collect(),
        Kind::Settings => setting_drugs(answers.profile())
            .into_iter()
            .filter_map(|drug| {
                answers.setting(drug).map(|s| {
                    format!(
                        "{}: {}",
                        answer_words(c, Q::PriorTx.id(), &drug.id()),
                        answer_words(c, Q::PriorTxSetting.id(), s.id())
                    )
                })
            })
            .collect(),
    }
}

/// Every question asked for these answers, with the answers in words (as on the review).
pub fn answer_rows(c: &Content, profile: &Profile) -> Vec<AnswerRow> {
    let answers = Answers::from_profile(profile.clone());
    asked_steps(profile)
        .into_iter()
        .map(|step| AnswerRow {
            question_id: step.id().to_owned(),
            question: question_words(c, step.id()),
            lines: answer_lines(c, step, &answers),
        })
        .collect()
}

/// The questions to ask: unknown answers first, then each shown option's card questions.
pub fn generated_questions(c: &Content, eval: &Evaluation) -> Vec<QuestionGroup> {
    let from_answers = eval
        .questions
        .iter()
        .map(|q| render::question_to_ask(c, q))
        .collect();
    let from_options = group_by_level(&eval.options)
        .shown()
        .filter_map(|o| {
            let card = c.option(o.id.id())?;
            Some((o.id.id().to_string(), card.questions.clone()))
        })
        .collect();
    gather_questions(from_answers, from_options)
}

/// The facts of an option card for one field.
pub fn field_texts(c: &Content, id: &str, field: Field) -> Vec<String> {
    let Some(k) = c.option(id) else {
        return Vec::new();
    };
    match field {
        Field::Aims => vec![k.aims.clone()],
        Field::WhatItIsLike => vec![k.what_it_is_like.clone()],
        Field::CommonSideEffects => k.common_side_effects.clone(),
        Field::SeriousSideEffects => k.serious_side_effects.clone(),
        Field::Uncertain => vec![k.uncertain.clone()],
    }
}

/// The fields the summary shows for each shown option (the comparison shows them all).
pub const SUMMARY_FIELDS: &[Field] = &[Field::WhatItIsLike, Field::CommonSideEffects];

fn summary_option(c: &Content, o: &OptionResult, order: &[Field]) -> SummaryOption {
    let id = o.id.id();
    let card = c.option(id);
    let mut reasons = render::reasons(c, o);
    for n in render::option_notes(c, o) {
        if !reasons.contains(&n) {
            reasons.push(n);
        }
    }
    let facts = if o.level == Level::Not {
        Vec::new()
    } else {
        order
            .iter()
            .filter(|f| SUMMARY_FIELDS.contains(f))
            .map(|f| Fact {
                field: *f,
                texts: field_texts(c, id, *f),
            })
            .filter(|f| f.texts.iter().any(|t| !t.trim().is_empty()))
            .collect()
    };
    SummaryOption {
        id: id.to_owned(),
        name: card
            .map(|k| k.name.clone())
            .unwrap_or_else(|| id.to_owned()),
        level: o.level,
        summary: card.map(|k| k.summary.clone()).unwrap_or_default(),
        reasons,
        facts,
    }
}

fn push_source(list: &mut Vec<String>, id: &str) {
    if !id.is_empty() && !list.iter().any(|x| x == id) {
        list.push(id.to_owned());
    }
}

/// "Title. Publisher, date. URL" for a source ID (empty when missing).
pub fn source_text(c: &Content, id: &str) -> String {
    c.sources
        .get(id)
        .map(|s| format!("{}. {}, {}. {}", s.title, s.publisher, s.date, s.url))
        .unwrap_or_default()
}

/// Builds the summary for the answers as the engine sees them (`Answers::effective`).
/// `eval` is the evaluation of `profile` (the app's one evaluation, `AppState::evaluation`).
pub fn build(
    c: &'static Content,
    profile: &Profile,
    eval: &Evaluation,
    personal: &Personal,
) -> SummaryModel {
    let order = emphasis(&personal.values);
    let grouped = group_by_level(&eval.options);
    let to_models =
        |list: &[&OptionResult]| list.iter().map(|o| summary_option(c, o, &order)).collect();
    let likely: Vec<SummaryOption> = to_models(&grouped.likely);
    let may: Vec<SummaryOption> = to_models(&grouped.may);
    let not_shown: Vec<SummaryOption> = to_models(&grouped.not);

    let flags = red_flags(profile);
    let urgent = urgent_groups(c, &flags);

    // Sources: shown options' cards and rules, then safety notes, then urgent symptoms.
    let mut source_ids: Vec<String> = Vec::new();
    for o in grouped.shown() {
        if let Some(k) = c.option(o.id.id()) {
            for s in &k.sources {
                push_source(&mut source_ids, s);
            }
        }
        for s in &o.sources {
            push_source(&mut source_ids, s);
        }
    }
    for n in &eval.notes {
        if let Some(t) = c.notes.get(*n) {
            for s in &t.sources {
                push_source(&mut source_ids, s);
            }
        }
    }
    for s in &flags {
        if let Some(f) = c.red_flags.flags.get(s.id()) {
            for id in &f.sources {
                push_source(&mut source_ids, id);
            }
        }
    }
    let sources = source_ids
        .into_iter()
        .map(|id| SourceRow {
            text: source_text(c, &id),
            id,
        })
        .collect();

    let values = TRADE_OFFS
        .iter()
        .filter_map(|t| {
            let a = personal.values.answer(t.id)?;
            Some(ValueRow {
                id: t.id.to_owned(),
                question: c.ui(&format!("values.{}", t.id)).to_owned(),
                answer: c.ui(&format!("values.answer.{a}")).to_owned(),
            })
        })
        .collect();

    let goal = profile
        .goals
        .map(|g| answer_words(c, Q::Goals.id(), g.id()))
        .filter(|s| !s.is_empty());
    // The goal is shown once, under what matters to the person.
    let mut answers = answer_rows(c, profile);
    if goal.is_some() {
        answers.retain(|r| r.question_id != Q::Goals.id());
    }
    let generated_questions = generated_questions(c, eval);
    let (questions, more_questions) = split_questions(&generated_questions, TOP_QUESTIONS);
    let glossary = glossary_used(
        c,
        likely.iter().chain(may.iter()).flat_map(|o| {
            [o.name.as_str(), o.summary.as_str()]
                .into_iter()
                .chain(o.reasons.iter().map(String::as_str))
                .chain(
                    o.facts
                        .iter()
                        .flat_map(|f| f.texts.iter().map(String::as_str)),
                )
        }),
    );

    SummaryModel {
        answers,
        urgent,
        likely,
        may,
        not_shown,
        safety_notes: eval.notes.iter().map(|n| render::note_text(c, n)).collect(),
        generated_questions,
        questions,
        more_questions,
        own_questions: personal.own_questions.clone(),
        notes: personal.notes.clone(),
        goal,
        values,
        other_values: personal.values.other.clone(),
        emphasis: order,
        content_date: c.meta.content_date.clone(),
        engine_version: guide_engine::ENGINE_VERSION,
        sources,
        glossary,
    }
}

// ------------------------------------------------------------------ comparison

/// The rows of the comparison table, in order (UI keys of the row headers).
pub const COMPARE_ROWS: &[(&str, CompareRow)] = &[
    ("compare.row.summary", CompareRow::Summary),
    ("card.aims", CompareRow::Field(Field::Aims)),
    ("card.like", CompareRow::Field(Field::WhatItIsLike)),
    ("card.common", CompareRow::Field(Field::CommonSideEffects)),
    ("card.serious", CompareRow::Field(Field::SeriousSideEffects)),
    ("card.uncertain", CompareRow::Field(Field::Uncertain)),
    ("card.questions", CompareRow::Questions),
    ("card.why", CompareRow::Why),
];

/// What a comparison row holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompareRow {
    Summary,
    Field(Field),
    Questions,
    Why,
}

/// One option that can be compared (shown options only, likely then may; catalogue order).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparable {
    pub id: String,
    pub name: String,
    pub level: Level,
}

/// The options a person may pick to compare: every shown option with a content card.
pub fn comparable(c: &Content, eval: &Evaluation) -> Vec<Comparable> {
    group_by_level(&eval.options)
        .shown()
        .filter_map(|o| {
            let k = c.option(o.id.id())?;
            Some(Comparable {
                id: o.id.id().to_owned(),
                name: k.name.clone(),
                level: o.level,
            })
        })
        .collect()
}

/// The picks that still apply (options still shown), in the order of [`comparable`].
pub fn valid_picks(options: &[Comparable], picks: &[String]) -> Vec<String> {
    options
        .iter()
        .filter(|o| picks.contains(&o.id))
        .map(|o| o.id.clone())
        .collect()
}

/// One cell of the comparison: a paragraph or a list (same shape in every column of a row).
pub fn compare_cell(c: &Content, eval: &Evaluation, id: &str, row: CompareRow) -> Vec<String> {
    let Some(k) = c.option(id) else {
        return Vec::new();
    };
    match row {
        CompareRow::Summary => vec![k.summary.clone()],
        CompareRow::Field(f) => field_texts(c, id, f),
        CompareRow::Questions => k.questions.clone(),
        CompareRow::Why => eval
            .options
            .iter()
            .find(|o| o.id.id() == id)
            .map(|o| render::reasons(c, o))
            .unwrap_or_default(),
    }
}

/// Whether a row's cells are lists (side effects, questions) rather than paragraphs.
pub fn row_is_list(row: CompareRow) -> bool {
    matches!(
        row,
        CompareRow::Field(Field::CommonSideEffects)
            | CompareRow::Field(Field::SeriousSideEffects)
            | CompareRow::Questions
    )
}
