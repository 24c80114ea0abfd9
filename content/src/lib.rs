//! Patient-facing content as data files, keyed by ID and language.
//!
//! Files live in `content/<lang>/` (see `docs/content.md`). English is embedded in the binary;
//! adding a language is adding a folder with the same files and a line in [`Lang`].
//! Every statement a clinician could question carries source IDs (§7) and, where the
//! reference says so, an `unverified` flag that the app shows.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

pub mod from_json;
pub mod readability;
pub mod render;

/// The deviations (D-n) of `docs/clinical-deviations.md` and the rules each names (review mode).
pub mod deviations {
    include!(concat!(env!("OUT_DIR"), "/deviations.rs"));

    /// The deviations that name a rule, in the file's order.
    pub fn for_rule(rule: &str) -> Vec<&'static str> {
        DEVIATIONS
            .iter()
            .filter(|(_, rules)| rules.contains(&rule))
            .map(|(d, _)| *d)
            .collect()
    }
}
pub mod sample;

/// A language the content exists in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Es,
}

impl Lang {
    /// Every language, the default (English, embedded in the wasm) first.
    pub const ALL: &'static [Lang] = &[Lang::En, Lang::Es];

    /// The BCP 47 code: `lang` attributes, `?lang=`, `content/<code>/`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// The language named in itself, as a language menu shows it ("English", "Español").
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Español",
        }
    }

    /// The language of a code or a device language tag, by its primary subtag, any case
    /// ("es", "es-MX", "ES-419" are Spanish); `None` when the guide does not have it.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        Lang::ALL
            .iter()
            .copied()
            .find(|l| primary.eq_ignore_ascii_case(l.code()))
    }

    /// Whether the core files are in the binary. Other languages' core files are fetched by the
    /// browser app ([`Content::install_core`]) so that every language does not grow the wasm
    /// that everyone downloads; native builds (`embed-details`) embed every language.
    pub fn core_embedded(self) -> bool {
        self == Lang::En || cfg!(feature = "embed-details")
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
    /// Extra text for squamous cancer (R-157), only where the regimens differ.
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

/// A red flag of §4. The core file (`red_flags.json`, in the wasm: the urgent banner and bar never
/// wait) holds the level, the label and the escalation; `red_flags_more.json` (fetched with the
/// details) adds the urgent page's heading, why it is urgent, the sources and the flag.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RedFlagText {
    /// Its §4 level (`EMERGENCY`, `TEAM_NOW`, `CRISIS`): equal to the engine's
    /// `Symptom::urgent_level` (a content test checks it).
    pub level: String,
    /// What the person notices, in plain words.
    pub label: String,
    /// When a sign of this flag needs emergency services rather than the team (§4: "EMERGENCY
    /// with ..."), the words that say so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub escalate: Option<String>,
    /// A short heading for the urgent page (from `red_flags_more.json`).
    #[serde(default)]
    pub heading: String,
    /// Why it is urgent, in plain words (from `red_flags_more.json`).
    #[serde(default)]
    pub why: String,
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub unverified: bool,
}

/// The urgent page's part of a red flag (`red_flags_more.json`).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RedFlagMore {
    pub heading: String,
    pub why: String,
    pub sources: Vec<String>,
    #[serde(default)]
    pub unverified: bool,
}

/// What a level of urgent help tells the person to do (§4).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UrgentLevelText {
    /// The heading: the action in a few words ("Call emergency services now").
    pub title: String,
    /// One line for the "Get help now" bar that stays at the top of every screen.
    pub short: String,
    /// The full instruction (localised emergency and crisis numbers).
    pub action: String,
}

/// `red_flags.json`.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RedFlags {
    /// The words of each level, keyed by its §4 ID.
    pub levels: BTreeMap<String, UrgentLevelText>,
    pub flags: BTreeMap<String, RedFlagText>,
}

impl RedFlags {
    /// The words of a level (empty words if the file lacks it; a content test forbids that).
    pub fn level(&self, level: guide_engine::UrgentLevel) -> UrgentLevelText {
        self.levels
            .get(level.id())
            .cloned()
            .unwrap_or_else(|| UrgentLevelText {
                title: level.id().to_owned(),
                short: String::new(),
                action: String::new(),
            })
    }
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
///
/// Patient-facing fields: `title`, `publisher` (publisher or journal), `year`, `date`, `url`
/// and `kind`. `review_note` (how the source was read, what it was read for) is for reviewers
/// only: review mode and the content export, never a patient screen or the default printout.
/// `year` and `kind` are optional here so that an entry written before issue 11 still loads;
/// the content tests require both for every source a patient can see (`kind` other than
/// `"group"`), and `kind` to be one of [`SOURCE_KINDS`].
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub title: String,
    /// Publisher, journal or organisation.
    pub publisher: String,
    /// Date as the source gives it (free text: "12 Nov 2024", "2024", "page undated, read 2026").
    pub date: String,
    /// Year of publication or last review (for an undated web page, the year it was read).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<u32>,
    /// An `https` link to the publisher's own copy.
    pub url: String,
    /// What kind of source it is, one of [`SOURCE_KINDS`] (shown to patients).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Reviewers only: how the source was read and what was taken from it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_note: Option<String>,
}

/// The kinds of source (`Source::kind`). `"group"` is an ID of §7 that stands for several parts
/// (`S20` for `S20a`…): not a source a patient can open, never cited by patient content.
pub const SOURCE_KINDS: &[&str] = &[
    "journal article",
    "guideline",
    "guideline summary",
    "drug label",
    "regulator announcement",
    "patient information",
    "professional reference",
    "database",
    "press release",
    "news report",
    "conference report",
    "podcast summary",
    "group",
];

impl Source {
    /// Whether patients see this entry (every kind but `"group"`).
    pub fn patient_facing(&self) -> bool {
        self.kind.as_deref() != Some("group")
    }
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

/// The files the first screen and the urgent help need, always embedded (the browser app has
/// them at start, with no fetch: the welcome screen, the urgent banner and the urgent page never
/// wait for the network).
pub const CORE_FILES: &[&str] = &["meta.json", "red_flags.json", "pages.json", "ui.json"];

/// The files the screens after the welcome need: the questions and the glossary, the option
/// cards, the sources and the words of the reasons (facts, rule texts, safety notes). Embedded
/// with the `embed-details` feature (on by default: the CLI and the tests); the browser app
/// builds without it and fetches them from `content/<lang>/<file>` next to its `index.html` as
/// soon as the first screen is painted ([`Content::install_details`]), while the person reads it.
pub const DETAIL_FILES: &[&str] = &[
    "options/local.json",
    "options/targeted.json",
    "options/immunotherapy_chemo.json",
    "options/sclc.json",
    "options/everyone.json",
    "sources.json",
    "facts.json",
    "rules.json",
    "notes.json",
    "questions.json",
    "glossary.json",
    "ui_more.json",
    "pages_more.json",
    "red_flags_more.json",
];

// WebAssembly: the compact copies written by build.rs (no pretty-printing, fewer bytes to
// download). Native: the files as written, so a parse error names the real line.
#[cfg(target_arch = "wasm32")]
macro_rules! embed {
    ($lang:literal, $file:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/", $lang, "/", $file))
    };
}
#[cfg(not(target_arch = "wasm32"))]
macro_rules! embed {
    ($lang:literal, $file:literal) => {
        include_str!(concat!("../", $lang, "/", $file))
    };
}

/// The core files of a language: (file name, text), in [`CORE_FILES`] order. English is
/// always embedded; the others are embedded with `embed-details`, else installed once fetched
/// ([`Content::install_core`]; empty until then).
fn core_files(lang: Lang) -> Vec<(&'static str, &'static str)> {
    match lang {
        Lang::En => vec![
            ("meta.json", embed!("en", "meta.json")),
            ("red_flags.json", embed!("en", "red_flags.json")),
            ("pages.json", embed!("en", "pages.json")),
            ("ui.json", embed!("en", "ui.json")),
        ],
        #[cfg(feature = "embed-details")]
        Lang::Es => vec![
            ("meta.json", embed!("es", "meta.json")),
            ("red_flags.json", embed!("es", "red_flags.json")),
            ("pages.json", embed!("es", "pages.json")),
            ("ui.json", embed!("es", "ui.json")),
        ],
        #[cfg(not(feature = "embed-details"))]
        other => FETCHED_CORE[other as usize]
            .get()
            .cloned()
            .unwrap_or_default(),
    }
}

/// The core files of the languages that are not embedded, once fetched and checked (leaked:
/// installed once per page, kept for the page's life like the embedded ones).
#[cfg(not(feature = "embed-details"))]
static FETCHED_CORE: [OnceLock<Vec<(&'static str, &'static str)>>; 2] =
    [OnceLock::new(), OnceLock::new()];

#[cfg(feature = "embed-details")]
macro_rules! detail_files_of {
    ($lang:literal) => {
        [
            ("options/local.json", embed!($lang, "options/local.json")),
            (
                "options/targeted.json",
                embed!($lang, "options/targeted.json"),
            ),
            (
                "options/immunotherapy_chemo.json",
                embed!($lang, "options/immunotherapy_chemo.json"),
            ),
            ("options/sclc.json", embed!($lang, "options/sclc.json")),
            (
                "options/everyone.json",
                embed!($lang, "options/everyone.json"),
            ),
            ("sources.json", embed!($lang, "sources.json")),
            ("facts.json", embed!($lang, "facts.json")),
            ("rules.json", embed!($lang, "rules.json")),
            ("notes.json", embed!($lang, "notes.json")),
            ("questions.json", embed!($lang, "questions.json")),
            ("glossary.json", embed!($lang, "glossary.json")),
            ("ui_more.json", embed!($lang, "ui_more.json")),
            ("pages_more.json", embed!($lang, "pages_more.json")),
            ("red_flags_more.json", embed!($lang, "red_flags_more.json")),
        ]
    };
}

/// The embedded detail files of a language, in [`DETAIL_FILES`] order.
#[cfg(feature = "embed-details")]
fn detail_files(lang: Lang) -> [(&'static str, &'static str); 14] {
    match lang {
        Lang::En => detail_files_of!("en"),
        Lang::Es => detail_files_of!("es"),
    }
}

/// The raw files of a language: (file name, text). Option files are merged by ID.
fn files(lang: Lang) -> Vec<(&'static str, &'static str)> {
    let files = core_files(lang).into_iter();
    #[cfg(feature = "embed-details")]
    let files = files.chain(detail_files(lang));
    files.collect()
}

/// The embedded files of a language as (file name, text), e.g. for checks that name the file.
/// Without the `embed-details` feature, only the [`CORE_FILES`].
pub fn raw_files(lang: Lang) -> Vec<(&'static str, &'static str)> {
    files(lang)
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

/// Reads a content file. Native: serde (its errors name the line). WebAssembly: the small reader
/// of `from_json.rs` over a `serde_json::Value` (the same rules; a test checks both agree).
#[cfg(not(target_arch = "wasm32"))]
fn parse<T: for<'de> Deserialize<'de>>(name: &str, text: &str) -> Result<T, ContentError> {
    serde_json::from_str(text).map_err(|e| ContentError(format!("content {name}: {e}")))
}

#[cfg(target_arch = "wasm32")]
fn parse<T: from_json::FromJson>(name: &str, text: &str) -> Result<T, ContentError> {
    let v: serde_json::Value =
        serde_json::from_str(text).map_err(|e| ContentError(format!("content {name}: {e}")))?;
    T::from_json(&v).map_err(|e| ContentError(format!("content {name}: {e}")))
}

/// What comes after the first screen (the [`DETAIL_FILES`]), parsed.
#[derive(Clone, Debug, Default)]
pub struct Details {
    /// UI words of the screens after the first (`ui_more.json`): added to the core's `ui`.
    pub ui: BTreeMap<String, String>,
    /// The full text pages other than the urgent one (`pages_more.json`): they replace the core's
    /// title-only entries.
    pub pages: BTreeMap<String, Page>,
    /// The urgent page's part of each red flag (`red_flags_more.json`).
    pub red_flags: BTreeMap<String, RedFlagMore>,
    pub options: BTreeMap<String, OptionContent>,
    pub sources: BTreeMap<String, Source>,
    pub facts: BTreeMap<String, String>,
    pub rules: BTreeMap<String, RuleText>,
    pub notes: BTreeMap<String, NoteText>,
    pub questions: Vec<QuestionContent>,
    pub glossary: BTreeMap<String, GlossaryEntry>,
}

impl Details {
    /// Parses detail files given as (file name, text). Option files are merged by ID (an ID in
    /// two files is an error); a name that is not one of the [`DETAIL_FILES`] is an error.
    /// Files left out are simply absent (see [`Details::check_complete`]).
    pub fn parse(files: &[(&str, &str)]) -> Result<Details, ContentError> {
        let mut d = Details::default();
        for (name, text) in files {
            if *name == "sources.json" {
                d.sources = parse(name, text)?;
            } else if *name == "facts.json" {
                d.facts = parse(name, text)?;
            } else if *name == "rules.json" {
                d.rules = parse(name, text)?;
            } else if *name == "notes.json" {
                d.notes = parse(name, text)?;
            } else if *name == "questions.json" {
                d.questions = parse(name, text)?;
            } else if *name == "glossary.json" {
                d.glossary = parse(name, text)?;
            } else if *name == "ui_more.json" {
                d.ui = parse(name, text)?;
            } else if *name == "pages_more.json" {
                d.pages = parse(name, text)?;
            } else if *name == "red_flags_more.json" {
                d.red_flags = parse(name, text)?;
            } else if DETAIL_FILES.contains(name) {
                let part: BTreeMap<String, OptionContent> = parse(name, text)?;
                for (id, o) in part {
                    if d.options.insert(id.clone(), o).is_some() {
                        return Err(ContentError(format!(
                            "content {name}: option {id} is defined twice"
                        )));
                    }
                }
            } else {
                return Err(ContentError(format!(
                    "content {name}: not a detail file (expected one of {})",
                    DETAIL_FILES.join(", ")
                )));
            }
        }
        Ok(d)
    }

    /// Checks that `files` names every [`DETAIL_FILES`] entry exactly once, that every option
    /// of the engine has a card and that there are sources: what a fetched copy must have
    /// before the app uses it (a truncated or stale file is refused, not shown half-empty).
    /// The content tests check much more of the embedded files.
    pub fn check_complete(&self, files: &[(&str, &str)]) -> Result<(), ContentError> {
        for name in DETAIL_FILES {
            let n = files.iter().filter(|(f, _)| f == name).count();
            if n != 1 {
                let what = if n == 0 {
                    "is missing"
                } else {
                    "is given twice"
                };
                return Err(ContentError(format!("content {name} {what}")));
            }
        }
        let missing: Vec<&str> = guide_engine::OptionId::ALL
            .iter()
            .map(|o| o.id())
            .filter(|id| !self.options.contains_key(*id))
            .collect();
        if !missing.is_empty() {
            return Err(ContentError(format!(
                "content options/*.json: no card for {}",
                missing.join(", ")
            )));
        }
        for (name, empty) in [
            ("sources.json", self.sources.is_empty()),
            ("facts.json", self.facts.is_empty()),
            ("rules.json", self.rules.is_empty()),
            ("notes.json", self.notes.is_empty()),
            ("questions.json", self.questions.is_empty()),
            ("glossary.json", self.glossary.is_empty()),
        ] {
            if empty {
                return Err(ContentError(format!("content {name}: empty")));
            }
        }
        Ok(())
    }
}

/// The content of one language: the core (always embedded) and, once there, the full content
/// (core + details: embedded, or installed by [`Content::install_details`]).
struct Slot {
    core: OnceLock<Content>,
    full: OnceLock<Content>,
}

impl Slot {
    const fn new() -> Slot {
        Slot {
            core: OnceLock::new(),
            full: OnceLock::new(),
        }
    }

    fn of(lang: Lang) -> &'static Slot {
        static SLOTS: [Slot; 2] = [Slot::new(), Slot::new()];
        &SLOTS[lang as usize]
    }

    /// The full content if there, else (details `embedded`) parses it, else the core.
    fn get(&self, lang: Lang, embedded: bool) -> &Content {
        if let Some(full) = self.full.get() {
            return full;
        }
        if embedded {
            return self.full.get_or_init(|| {
                Content::parse(lang).expect("the content parses (checked by the tests)")
            });
        }
        self.core.get_or_init(|| {
            Content::parse_core(lang).expect("the content parses (checked by the tests)")
        })
    }

    /// Adds the details to the core (the first complete set wins; later calls change nothing).
    fn install(&self, lang: Lang, details: Details) {
        if self.full.get().is_some() {
            return;
        }
        // Parsed again rather than cloned: the parser is there anyway, a clone of every map type
        // would be more code in the wasm.
        let core = Content::parse_core(lang).expect("the content parses (checked by the tests)");
        let _ = self.full.set(core.with_details(details));
    }
}

impl Content {
    /// The core with the details added (UI words and pages extend the core's).
    fn with_details(self, d: Details) -> Content {
        let mut ui = self.ui;
        ui.extend(d.ui);
        let mut pages = self.pages;
        pages.extend(d.pages);
        let mut red_flags = self.red_flags;
        for (id, more) in d.red_flags {
            if let Some(f) = red_flags.flags.get_mut(&id) {
                f.heading = more.heading;
                f.why = more.why;
                f.sources = more.sources;
                f.unverified = more.unverified;
            }
        }
        Content {
            options: d.options,
            sources: d.sources,
            facts: d.facts,
            rules: d.rules,
            notes: d.notes,
            questions: d.questions,
            glossary: d.glossary,
            ui,
            pages,
            red_flags,
            ..self
        }
    }

    /// Parses the embedded files of a language (tests call this to see every error). Without
    /// the `embed-details` feature, `options` and `sources` are empty.
    pub fn parse(lang: Lang) -> Result<Content, ContentError> {
        let c = Content::parse_core(lang)?;
        #[cfg(feature = "embed-details")]
        let c = {
            let d = Details::parse(&detail_files(lang))?;
            c.with_details(d)
        };
        Ok(c)
    }

    /// The core files only: `options` and `sources` empty.
    fn parse_core(lang: Lang) -> Result<Content, ContentError> {
        Content::parse_core_files(&core_files(lang))
    }

    /// Whether the core files of a language are there (embedded, or installed once fetched).
    pub fn core_ready(lang: Lang) -> bool {
        !core_files(lang).is_empty()
    }

    /// Installs the [`CORE_FILES`] of a language that is not embedded, given as (file name, text),
    /// e.g. as fetched by the browser app. They are parsed first: on error nothing changes. Once
    /// installed, [`Content::get`] works for the language. Embedded languages: only checked.
    pub fn install_core(lang: Lang, files: &[(&str, &str)]) -> Result<(), ContentError> {
        for name in CORE_FILES {
            if files.iter().filter(|(n, _)| n == name).count() != 1 {
                return Err(ContentError(format!(
                    "content {name}: missing or given twice"
                )));
            }
        }
        Content::parse_core_files(files)?;
        #[cfg(not(feature = "embed-details"))]
        if !lang.core_embedded() {
            let kept: Vec<(&'static str, &'static str)> = CORE_FILES
                .iter()
                .filter_map(|name| {
                    let text = files.iter().find(|(n, _)| n == name)?.1;
                    Some((*name, &*Box::leak(text.to_owned().into_boxed_str())))
                })
                .collect();
            let _ = FETCHED_CORE[lang as usize].set(kept);
        }
        #[cfg(feature = "embed-details")]
        let _ = lang;
        Ok(())
    }

    fn parse_core_files(f: &[(&str, &str)]) -> Result<Content, ContentError> {
        let get = |name: &str| {
            f.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, t)| *t)
                .unwrap_or("")
        };
        Ok(Content {
            meta: parse("meta.json", get("meta.json"))?,
            options: BTreeMap::new(),
            questions: Vec::new(),
            facts: BTreeMap::new(),
            rules: BTreeMap::new(),
            notes: BTreeMap::new(),
            red_flags: parse("red_flags.json", get("red_flags.json"))?,
            glossary: BTreeMap::new(),
            sources: BTreeMap::new(),
            pages: parse("pages.json", get("pages.json"))?,
            ui: parse("ui.json", get("ui.json"))?,
        })
    }

    /// The content of a language, parsed once. The tests guarantee it parses.
    ///
    /// With the `embed-details` feature (default) it is always complete. Without it, `options`
    /// and `sources` are empty until [`Content::install_details`] succeeded; afterwards this
    /// returns the complete content (a reference taken before stays the core one, so code that
    /// needs the details asks for the content after [`Content::details_ready`]).
    pub fn get(lang: Lang) -> &'static Content {
        Slot::of(lang).get(lang, cfg!(feature = "embed-details"))
    }

    /// Whether [`Content::get`] has the option cards and sources.
    pub fn details_ready(lang: Lang) -> bool {
        cfg!(feature = "embed-details") || Slot::of(lang).full.get().is_some()
    }

    /// Installs the [`DETAIL_FILES`] of a language given as (file name, text), e.g. as fetched
    /// by the browser app. They are parsed and checked ([`Details::parse`],
    /// [`Details::check_complete`]) first: on error nothing changes. Once installed,
    /// [`Content::get`] returns the complete content. With the `embed-details` feature, or
    /// when already installed, the files are checked and the content in use stays.
    pub fn install_details(lang: Lang, files: &[(&str, &str)]) -> Result<(), ContentError> {
        let details = Details::parse(files)?;
        details.check_complete(files)?;
        if !cfg!(feature = "embed-details") {
            Slot::of(lang).install(lang, details);
        }
        Ok(())
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The detail files as written (read from disk, whatever the features).
    fn real_files() -> Vec<(&'static str, &'static str)> {
        vec![
            (
                "options/local.json",
                include_str!("../en/options/local.json"),
            ),
            (
                "options/targeted.json",
                include_str!("../en/options/targeted.json"),
            ),
            (
                "options/immunotherapy_chemo.json",
                include_str!("../en/options/immunotherapy_chemo.json"),
            ),
            ("options/sclc.json", include_str!("../en/options/sclc.json")),
            (
                "options/everyone.json",
                include_str!("../en/options/everyone.json"),
            ),
            ("sources.json", include_str!("../en/sources.json")),
            ("facts.json", include_str!("../en/facts.json")),
            ("rules.json", include_str!("../en/rules.json")),
            ("notes.json", include_str!("../en/notes.json")),
            ("questions.json", include_str!("../en/questions.json")),
            ("glossary.json", include_str!("../en/glossary.json")),
            ("ui_more.json", include_str!("../en/ui_more.json")),
            ("pages_more.json", include_str!("../en/pages_more.json")),
            (
                "red_flags_more.json",
                include_str!("../en/red_flags_more.json"),
            ),
        ]
    }

    fn install_error(files: &[(&str, &str)]) -> String {
        match Content::install_details(Lang::En, files) {
            Ok(()) => panic!("expected an error"),
            Err(e) => e.0,
        }
    }

    #[test]
    fn the_real_detail_files_install() {
        let files = real_files();
        assert_eq!(
            files.iter().map(|(n, _)| *n).collect::<Vec<_>>(),
            DETAIL_FILES
        );
        Content::install_details(Lang::En, &files).unwrap_or_else(|e| panic!("{e}"));
        let d = Details::parse(&files).unwrap();
        assert!(d.options.len() >= guide_engine::OptionId::ALL.len());
        assert!(!d.sources.is_empty());
    }

    #[test]
    fn a_missing_or_repeated_file_is_refused() {
        let mut files = real_files();
        files.retain(|(n, _)| *n != "sources.json");
        assert_eq!(install_error(&files), "content sources.json is missing");
        let mut files = real_files();
        files.push(files[0]);
        let e = install_error(&files);
        // The repeated file defines its options a second time.
        assert!(
            e.contains("options/local.json") && e.contains("defined twice"),
            "{e}"
        );
        let mut files = real_files();
        files.push(("sources.json", "{}"));
        assert_eq!(install_error(&files), "content sources.json is given twice");
    }

    #[test]
    fn an_unknown_file_name_is_refused() {
        let mut files = real_files();
        files.push(("options/extra.json", "{}"));
        let e = install_error(&files);
        assert!(
            e.starts_with("content options/extra.json: not a detail file"),
            "{e}"
        );
        assert_eq!(
            install_error(&[("meta.json", "{}")]),
            format!(
                "content meta.json: not a detail file (expected one of {})",
                DETAIL_FILES.join(", ")
            )
        );
    }

    #[test]
    fn a_file_that_does_not_parse_is_named() {
        let mut files = real_files();
        files[3].1 = "<!doctype html><title>Not found</title>";
        let e = install_error(&files);
        assert!(
            e.starts_with("content options/sclc.json: expected value"),
            "{e}"
        );
        let mut files = real_files();
        files[5].1 = r#"{"S1": {"title": "t"}}"#;
        let e = install_error(&files);
        assert!(e.starts_with("content sources.json: missing field"), "{e}");
    }

    #[test]
    fn an_option_defined_twice_or_missing_is_refused() {
        let mut files = real_files();
        let local: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(files[0].1).unwrap();
        let (id, card) = local.iter().next().unwrap();
        let twice = serde_json::json!({ id.clone(): card }).to_string();
        files[4].1 = &*Box::leak(twice.into_boxed_str());
        // `everyone.json` now holds just a copy of a local card.
        let e = install_error(&files);
        assert_eq!(
            e,
            format!("content options/everyone.json: option {id} is defined twice")
        );

        let mut files = real_files();
        let mut local = local.clone();
        local.remove(id.as_str());
        let without = serde_json::Value::Object(local).to_string();
        files[0].1 = &*Box::leak(without.into_boxed_str());
        assert_eq!(
            install_error(&files),
            format!("content options/*.json: no card for {id}")
        );
    }

    #[test]
    fn empty_sources_are_refused() {
        let mut files = real_files();
        files[5].1 = "{}";
        assert_eq!(install_error(&files), "content sources.json: empty");
    }

    #[test]
    fn installing_completes_the_content_once() {
        // A slot of its own, as in a build without `embed-details`.
        let slot: &'static Slot = Box::leak(Box::new(Slot::new()));
        let core = slot.get(Lang::En, false);
        assert!(core.options.is_empty() && core.sources.is_empty());
        assert!(core.facts.is_empty() && core.rules.is_empty() && core.notes.is_empty());
        assert!(core.questions.is_empty() && core.glossary.is_empty());
        assert!(!core.red_flags.flags.is_empty() && !core.ui.is_empty());
        assert!(core.pages.contains_key("urgent"));
        let files = real_files();
        let details = Details::parse(&files).unwrap();
        details.check_complete(&files).unwrap();
        slot.install(Lang::En, details.clone());
        let full = slot.get(Lang::En, false);
        assert_eq!(full.options.len(), details.options.len());
        assert_eq!(full.sources.len(), details.sources.len());
        assert_eq!(full.rules.len(), details.rules.len());
        assert!(!full.facts.is_empty() && !full.notes.is_empty());
        assert_eq!(full.questions.len(), details.questions.len());
        assert_eq!(full.glossary.len(), details.glossary.len());
        assert_eq!(full.meta.title, core.meta.title);
        // The later screens' words extend the core's; the full pages replace the title-only ones.
        assert_eq!(full.ui.len(), core.ui.len() + details.ui.len());
        assert!(core.ui.keys().all(|k| full.ui[k] == core.ui[k]));
        assert!(
            core.pages["about"].sections.is_empty() && !full.pages["about"].sections.is_empty()
        );
        // A second install changes nothing: references taken before stay valid and equal.
        slot.install(Lang::En, Details::default());
        assert!(std::ptr::eq(slot.get(Lang::En, false), full));
    }

    #[test]
    fn with_embedded_details_the_content_is_always_complete() {
        if cfg!(feature = "embed-details") {
            assert!(Content::details_ready(Lang::En));
            let c = Content::get(Lang::En);
            assert!(!c.options.is_empty() && !c.sources.is_empty());
        }
    }

    /// The WebAssembly build's reader (`from_json.rs`) reads every content file to the same
    /// values as serde's derives.
    #[test]
    fn the_small_reader_reads_every_file_like_serde() {
        use from_json::FromJson;
        fn same<T>(name: &str, text: &str)
        where
            T: FromJson + Serialize + for<'de> Deserialize<'de>,
        {
            let by_serde: T = serde_json::from_str(text).unwrap_or_else(|e| panic!("{name}: {e}"));
            let v: serde_json::Value = serde_json::from_str(text).unwrap();
            let ours = T::from_json(&v).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(
                serde_json::to_value(&ours).unwrap(),
                serde_json::to_value(&by_serde).unwrap(),
                "{name}"
            );
        }
        let mut all = core_files(Lang::En).to_vec();
        all.extend(real_files());
        for (name, text) in all {
            match name {
                "meta.json" => same::<Meta>(name, text),
                "questions.json" => same::<Vec<QuestionContent>>(name, text),
                "facts.json" | "ui.json" | "ui_more.json" => {
                    same::<BTreeMap<String, String>>(name, text)
                }
                "rules.json" => same::<BTreeMap<String, RuleText>>(name, text),
                "notes.json" => same::<BTreeMap<String, NoteText>>(name, text),
                "red_flags.json" => same::<RedFlags>(name, text),
                "red_flags_more.json" => same::<BTreeMap<String, RedFlagMore>>(name, text),
                "glossary.json" => same::<BTreeMap<String, GlossaryEntry>>(name, text),
                "pages.json" | "pages_more.json" => same::<BTreeMap<String, Page>>(name, text),
                "sources.json" => same::<BTreeMap<String, Source>>(name, text),
                n if n.starts_with("options/") => {
                    same::<BTreeMap<String, OptionContent>>(name, text)
                }
                n => panic!("{n}: which type?"),
            }
        }
    }

    /// The small reader refuses what serde refuses: missing required fields, unknown fields,
    /// wrong types; `null` or nothing for an optional field is `None`.
    #[test]
    fn the_small_reader_refuses_what_serde_refuses() {
        use from_json::FromJson;
        use serde_json::json;
        let source = json!({"title": "t", "publisher": "p", "date": "d", "url": "u"});
        let s = Source::from_json(&source).unwrap();
        assert_eq!((s.review_note, s.year, s.kind), (None, None, None));
        let mut with_null = source.clone();
        with_null["review_note"] = serde_json::Value::Null;
        assert_eq!(Source::from_json(&with_null).unwrap().review_note, None);
        let mut full = source.clone();
        full["year"] = json!(2025);
        full["kind"] = json!("drug label");
        full["review_note"] = json!("r");
        let s = Source::from_json(&full).unwrap();
        assert_eq!(
            (s.year, s.kind.as_deref(), s.review_note.as_deref()),
            (Some(2025), Some("drug label"), Some("r"))
        );
        // The field before issue 11 is refused, so a merged old-style entry fails loudly.
        let mut old = source.clone();
        old["note"] = json!("Only the title was read.");
        assert!(Source::from_json(&old)
            .unwrap_err()
            .starts_with("unknown field `note`"));
        assert!(serde_json::from_value::<Source>(old).is_err());
        let mut missing = source.clone();
        missing.as_object_mut().unwrap().remove("url");
        assert_eq!(
            Source::from_json(&missing).unwrap_err(),
            "missing field `url`"
        );
        let mut unknown = source.clone();
        unknown["link"] = json!("x");
        assert!(Source::from_json(&unknown)
            .unwrap_err()
            .starts_with("unknown field `link`"));
        let mut wrong = source.clone();
        wrong["date"] = json!(2026);
        assert_eq!(
            Source::from_json(&wrong).unwrap_err(),
            "date: expected a string, got a number"
        );
        let sources = json!({"S1": source, "S2": {"title": "t"}});
        assert_eq!(
            BTreeMap::<String, Source>::from_json(&sources).unwrap_err(),
            "S2: missing field `publisher`"
        );
        for bad in [&missing, &unknown, &wrong] {
            assert!(serde_json::from_value::<Source>((*bad).clone()).is_err());
        }
        let section = json!({"heading": "h", "paragraphs": ["a", 1]});
        assert_eq!(
            PageSection::from_json(&section).unwrap_err(),
            "paragraphs: [1]: expected a string, got a number"
        );
        assert_eq!(
            Meta::from_json(&json!({"language": "en", "content_date": "d", "stale_after_months": -1, "title": "t"}))
                .unwrap_err(),
            "stale_after_months: expected a whole number, got a number"
        );
    }

    /// Every letter and digit of the English content is ASCII, as the ASCII case rules of
    /// `render.rs`'s English phrasing assume. (The app's glossary matching also folds Latin-1
    /// letters, for Spanish; another alphabet with capitals needs wider rules there.)
    #[test]
    fn the_content_letters_are_ascii() {
        let mut bad = Vec::new();
        let mut all = core_files(Lang::En).to_vec();
        all.extend(real_files());
        // The sources' titles are the publishers' own (some are in Spanish); they are shown as
        // they are, never phrased.
        all.retain(|(name, _)| *name != "sources.json");
        for (name, text) in all {
            for (line, l) in text.lines().enumerate() {
                for ch in l.chars() {
                    if !ch.is_ascii() && (ch.is_alphanumeric() || ch.is_uppercase()) {
                        bad.push(format!("{name}:{}: {ch:?}", line + 1));
                    }
                }
            }
        }
        assert!(bad.is_empty(), "non-ASCII letters: {bad:?}");
    }

    /// The compact copies build.rs writes (embedded by the WebAssembly build) hold the same JSON
    /// as the files as written.
    #[test]
    fn the_compact_copies_are_the_same_json() {
        macro_rules! same {
            ($($file:literal),* $(,)?) => {$(
                let pretty: serde_json::Value =
                    serde_json::from_str(include_str!(concat!("../en/", $file))).unwrap();
                let compact_text = include_str!(concat!(env!("OUT_DIR"), "/en/", $file));
                let compact: serde_json::Value = serde_json::from_str(compact_text).unwrap();
                assert_eq!(pretty, compact, "{}", $file);
                assert!(!compact_text.contains("\n  "), "{} is not compact", $file);
            )*};
        }
        same!(
            "meta.json",
            "questions.json",
            "facts.json",
            "rules.json",
            "notes.json",
            "red_flags.json",
            "glossary.json",
            "pages.json",
            "ui.json",
            "options/local.json",
            "options/targeted.json",
            "options/immunotherapy_chemo.json",
            "options/sclc.json",
            "options/everyone.json",
            "sources.json",
            "ui_more.json",
            "pages_more.json",
            "red_flags_more.json",
        );
        assert_eq!(CORE_FILES.len() + DETAIL_FILES.len(), 18);
    }
}
