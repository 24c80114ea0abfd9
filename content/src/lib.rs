//! Patient-facing content as data files, keyed by ID and language.
//!
//! Files live in `content/<lang>/` (see `docs/content.md`). English is embedded in the binary;
//! adding a language is adding a folder with the same files and a line in [`Lang`].
//! Every statement a clinician could question carries source IDs (§7) and, where the
//! reference says so, an `unverified` flag that the app shows.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

pub mod readability;
pub mod render;
pub mod sample;

/// A language the content exists in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
}

impl Lang {
    pub const ALL: &'static [Lang] = &[Lang::En];
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
        }
    }
}

/// `meta.json`: what the content is and when it was reviewed.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub language: String,
    /// ISO date of the last clinical review of the whole bundle (YYYY-MM-DD).
    pub content_date: String,
    /// Months after which every screen says the content may be out of date.
    pub stale_after_months: u32,
    pub title: String,
}

/// One option card (§2 option, prompt or heading). Every field is required and non-empty:
/// equal detail for every option (IPDAS C1).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptionContent {
    /// Plain name, generic drug names first with brands in brackets once.
    pub name: String,
    /// One sentence.
    pub summary: String,
    /// What it aims to do.
    pub aims: String,
    /// Where, how, how often, how long, effect on daily life.
    pub what_it_is_like: String,
    pub common_side_effects: Vec<String>,
    /// Serious side effects to report at once.
    pub serious_side_effects: Vec<String>,
    /// What is uncertain.
    pub uncertain: String,
    /// Questions to ask the care team about this option.
    pub questions: Vec<String>,
    /// §7 source IDs backing the statements.
    pub sources: Vec<String>,
    /// Statements (or field names) the reference marks `[unverified]`; shown flagged in the app.
    #[serde(default)]
    pub unverified: Vec<String>,
    /// Date of the last review of this card (YYYY-MM-DD).
    pub reviewed: String,
    /// Extra text for squamous cancer, only where the regimens differ.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub squamous_note: Option<String>,
}

/// One answer of a question.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerContent {
    /// The reference answer ID (e.g. `NSCLC_NONSQ`, `TKI:osimertinib`).
    pub id: String,
    /// What the person picks.
    pub label: String,
    /// Optional extra words under the label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// How a reason quotes it: "Shown because you said {because}".
    pub because: String,
}

/// One question of §1.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionContent {
    /// The question ID (`histology`, `sites`, ...).
    pub id: String,
    /// The question as asked.
    pub text: String,
    /// Where to find the answer ("your pathology report may say adenocarcinoma").
    pub help: String,
    /// The question for the care team when the answer is unknown.
    pub ask: String,
    pub answers: Vec<AnswerContent>,
}

/// A rule's patient-facing texts (only the parts a rule needs).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleText {
    /// Why an option is usually not used, for rules that set `NOT`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_reason: Option<String>,
    /// A note shown on the option when the rule emits it with its note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// A note for one option, when the rule notes several options and they need different words
    /// (option ID → text). Wins over `note` for that option.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub option_notes: BTreeMap<String, String>,
    /// Why a modifier lowered an option to "may be considered".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lowered: Option<String>,
    #[serde(default)]
    pub unverified: bool,
}

/// A safety note N-x.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteText {
    pub text: String,
    pub sources: Vec<String>,
    #[serde(default)]
    pub unverified: bool,
}

/// A red flag of §4.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RedFlagText {
    /// What the person notices, in plain words.
    pub label: String,
    /// Why it is urgent, in plain words.
    pub why: String,
    pub sources: Vec<String>,
    #[serde(default)]
    pub unverified: bool,
}

/// `red_flags.json`.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RedFlags {
    /// The banner text of §4 (localised emergency wording).
    pub banner: String,
    pub flags: BTreeMap<String, RedFlagText>,
}

/// A glossary entry.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryEntry {
    /// The term as shown.
    pub term: String,
    /// Other spellings that should link to it (case-insensitive).
    #[serde(default)]
    pub aliases: Vec<String>,
    pub definition: String,
    #[serde(default)]
    pub sources: Vec<String>,
}

/// A source of §7 (or added).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub title: String,
    pub publisher: String,
    /// Content date as seen (free text: "12 Nov 2024", "2026", "n.d.").
    pub date: String,
    pub url: String,
    /// Optional: what was read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A page of plain text (about, living with recurrence, urgent symptoms, trials).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Page {
    pub title: String,
    pub sections: Vec<PageSection>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageSection {
    pub heading: String,
    pub paragraphs: Vec<String>,
    #[serde(default)]
    pub sources: Vec<String>,
}

/// All content of one language.
#[derive(Clone, Debug)]
pub struct Content {
    pub meta: Meta,
    pub options: BTreeMap<String, OptionContent>,
    pub questions: Vec<QuestionContent>,
    /// `fact:<key>` phrases and `progressed_on` template (`{treatment}`).
    pub facts: BTreeMap<String, String>,
    pub rules: BTreeMap<String, RuleText>,
    pub notes: BTreeMap<String, NoteText>,
    pub red_flags: RedFlags,
    pub glossary: BTreeMap<String, GlossaryEntry>,
    pub sources: BTreeMap<String, Source>,
    pub pages: BTreeMap<String, Page>,
    /// UI strings keyed by ID.
    pub ui: BTreeMap<String, String>,
}

macro_rules! embed {
    ($lang:literal, $file:literal) => {
        include_str!(concat!("../", $lang, "/", $file))
    };
}

/// The raw files of a language: (file name, text). Option files are merged by ID.
fn files(lang: Lang) -> [(&'static str, &'static str); 15] {
    match lang {
        Lang::En => [
            ("meta.json", embed!("en", "meta.json")),
            ("options/local.json", embed!("en", "options/local.json")),
            (
                "options/targeted.json",
                embed!("en", "options/targeted.json"),
            ),
            (
                "options/immunotherapy_chemo.json",
                embed!("en", "options/immunotherapy_chemo.json"),
            ),
            ("options/sclc.json", embed!("en", "options/sclc.json")),
            (
                "options/everyone.json",
                embed!("en", "options/everyone.json"),
            ),
            ("questions.json", embed!("en", "questions.json")),
            ("facts.json", embed!("en", "facts.json")),
            ("rules.json", embed!("en", "rules.json")),
            ("notes.json", embed!("en", "notes.json")),
            ("red_flags.json", embed!("en", "red_flags.json")),
            ("glossary.json", embed!("en", "glossary.json")),
            ("sources.json", embed!("en", "sources.json")),
            ("pages.json", embed!("en", "pages.json")),
            ("ui.json", embed!("en", "ui.json")),
        ],
    }
}

/// The embedded files of a language as (file name, text), e.g. for checks that name the file.
pub fn raw_files(lang: Lang) -> Vec<(&'static str, &'static str)> {
    files(lang).to_vec()
}

/// The option file (`options/targeted.json`) that defines an option ID, if any.
pub fn option_file(lang: Lang, id: &str) -> Option<&'static str> {
    files(lang).into_iter().find_map(|(name, text)| {
        if !name.starts_with("options/") {
            return None;
        }
        let v: serde_json::Value = serde_json::from_str(text).ok()?;
        v.get(id).map(|_| name)
    })
}

/// A content file that does not parse: the file and serde's message.
#[derive(Clone, Debug)]
pub struct ContentError(pub String);

impl std::fmt::Display for ContentError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn parse<T: for<'de> Deserialize<'de>>(name: &str, text: &str) -> Result<T, ContentError> {
    serde_json::from_str(text).map_err(|e| ContentError(format!("content {name}: {e}")))
}

impl Content {
    /// Parses the embedded files of a language (tests call this to see every error).
    pub fn parse(lang: Lang) -> Result<Content, ContentError> {
        let f = files(lang);
        let get = |name: &str| {
            f.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, t)| *t)
                .unwrap_or("")
        };
        let mut options = BTreeMap::new();
        for (name, text) in f.iter().filter(|(n, _)| n.starts_with("options/")) {
            let part: BTreeMap<String, OptionContent> = parse(name, text)?;
            for (id, o) in part {
                if options.insert(id.clone(), o).is_some() {
                    return Err(ContentError(format!(
                        "content {name}: option {id} is defined twice"
                    )));
                }
            }
        }
        Ok(Content {
            meta: parse("meta.json", get("meta.json"))?,
            options,
            questions: parse("questions.json", get("questions.json"))?,
            facts: parse("facts.json", get("facts.json"))?,
            rules: parse("rules.json", get("rules.json"))?,
            notes: parse("notes.json", get("notes.json"))?,
            red_flags: parse("red_flags.json", get("red_flags.json"))?,
            glossary: parse("glossary.json", get("glossary.json"))?,
            sources: parse("sources.json", get("sources.json"))?,
            pages: parse("pages.json", get("pages.json"))?,
            ui: parse("ui.json", get("ui.json"))?,
        })
    }

    /// The content of a language, parsed once. The tests guarantee it parses.
    pub fn get(lang: Lang) -> &'static Content {
        static EN: OnceLock<Content> = OnceLock::new();
        match lang {
            Lang::En => EN.get_or_init(|| {
                Content::parse(Lang::En).expect("English content parses (checked by tests)")
            }),
        }
    }

    pub fn option(&self, id: &str) -> Option<&OptionContent> {
        self.options.get(id)
    }

    pub fn question(&self, id: &str) -> Option<&QuestionContent> {
        self.questions.iter().find(|q| q.id == id)
    }

    pub fn answer(&self, question: &str, answer: &str) -> Option<&AnswerContent> {
        self.question(question)?
            .answers
            .iter()
            .find(|a| a.id == answer)
    }

    /// A UI string; the ID itself if missing (a test checks none is missing).
    pub fn ui<'a>(&'a self, key: &'a str) -> &'a str {
        self.ui.get(key).map(String::as_str).unwrap_or(key)
    }
}
