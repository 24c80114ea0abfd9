//! The answers model and the screen the person is on: plain Rust, no Leptos, tested natively.
//!
//! [`Answers`] wraps the engine's [`Profile`]. Every change goes through the question table's
//! typed setters (`Profile::set_ids`), so an answer ID the engine does not know can never get
//! into the profile.

use guide_engine::{Kind, PriorTx, Profile, TxSetting, Q};

use crate::flow::Step;

/// Answer IDs that stand alone in a multi-select: ticking one clears the others, ticking any
/// other answer clears them.
pub const EXCLUSIVE: &[&str] = &["NONE", "UNKNOWN", "NOT_TESTED", "NONE_FOUND"];

/// The pages the app can show (rendered by `components::pages::PageView`).
pub const PAGE_IDS: &[&str] = &["urgent", "about", "living", "trials", "recurrence"];

/// An answer the engine refused (unknown question or answer ID).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswerError(pub String);

impl std::fmt::Display for AnswerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The person's answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answers {
    profile: Profile,
}

impl Default for Answers {
    fn default() -> Self {
        Answers::new()
    }
}

impl Answers {
    /// Nothing answered yet.
    pub fn new() -> Answers {
        Answers {
            profile: Profile::new(),
        }
    }

    pub fn from_profile(profile: Profile) -> Answers {
        Answers { profile }
    }

    /// The answers as given (including answers to questions the flow no longer asks).
    pub fn profile(&self) -> &Profile {
        &self.profile
    }

    /// The profile for the engine and the review: answers to questions not asked are left out.
    pub fn effective(&self) -> Profile {
        crate::flow::pruned(&self.profile)
    }

    /// Nothing answered.
    pub fn is_empty(&self) -> bool {
        self.profile == Profile::new()
    }

    /// The answer ID of a single-answer question, if answered.
    pub fn single(&self, question: impl AsQuestion) -> Option<String> {
        let q = question.question()?;
        (q.kind() == Kind::Single)
            .then(|| self.profile.answer_ids(q).into_iter().next())
            .flatten()
    }

    /// The answer IDs of a multi-select question (empty when unanswered).
    pub fn multi(&self, question: impl AsQuestion) -> Vec<String> {
        match question.question() {
            Some(q) if matches!(q.kind(), Kind::Multi | Kind::PriorTx) => {
                self.profile.answer_ids(q)
            }
            _ => Vec::new(),
        }
    }

    /// Whether a multi-select answer is ticked.
    pub fn has(&self, question: impl AsQuestion, id: &str) -> bool {
        self.multi(question).iter().any(|a| a == id)
    }

    /// Sets a single-answer question.
    pub fn set_single(&mut self, question: impl AsQuestion, id: &str) -> Result<(), AnswerError> {
        let q = check_question(question)?;
        if q.kind() != Kind::Single {
            return Err(AnswerError(format!("{q}: expected a list of answer IDs")));
        }
        self.profile.set_ids(q, &[id]).map_err(|e| AnswerError(e.0))
    }

    /// Ticks (`on`) or unticks an answer of a multi-select question. Exclusive answers
    /// ([`EXCLUSIVE`]) clear the others; any other answer clears them. On the treatments
    /// question, naming a drug replaces an "I don't know the name" that was the only one of its
    /// group (`TKI:UNKNOWN` then `TKI:osimertinib` gives just `TKI:osimertinib`).
    pub fn toggle(
        &mut self,
        question: impl AsQuestion,
        id: &str,
        on: bool,
    ) -> Result<(), AnswerError> {
        let q = check_question(question)?;
        let mut list = self.multi(q);
        if on {
            if EXCLUSIVE.contains(&id) {
                list.clear();
            } else {
                list.retain(|a| !EXCLUSIVE.contains(&a.as_str()));
                if let Some((prefix, drug)) = id.split_once(':') {
                    let unknown = format!("{prefix}:UNKNOWN");
                    let group: Vec<&String> = list
                        .iter()
                        .filter(|a| a.starts_with(&format!("{prefix}:")))
                        .collect();
                    if drug != "UNKNOWN" && group.len() == 1 && *group[0] == unknown {
                        list.retain(|a| *a != unknown);
                    }
                }
            }
            if !list.iter().any(|a| a == id) {
                list.push(id.to_owned());
            }
        } else {
            list.retain(|a| a != id);
        }
        self.set_list(q, &list)
    }

    fn set_list(&mut self, q: Q, list: &[String]) -> Result<(), AnswerError> {
        if !matches!(q.kind(), Kind::Multi | Kind::PriorTx) {
            return Err(AnswerError(format!("{q}: one answer expected")));
        }
        let ids: Vec<&str> = list.iter().map(String::as_str).collect();
        self.profile.set_ids(q, &ids).map_err(|e| AnswerError(e.0))
    }

    /// Whether any treatment of a group (`TKI` or `ADC`) is ticked.
    pub fn group_on(&self, prefix: &str) -> bool {
        let p = format!("{prefix}:");
        self.multi(Q::PriorTx).iter().any(|a| a.starts_with(&p))
    }

    /// Ticks a group ("A targeted pill"): records `<prefix>:UNKNOWN` until a drug is named.
    /// Unticking removes every drug of the group.
    pub fn set_group(&mut self, prefix: &str, on: bool) -> Result<(), AnswerError> {
        if on {
            if self.group_on(prefix) {
                return Ok(());
            }
            self.toggle(Q::PriorTx, &format!("{prefix}:UNKNOWN"), true)
        } else {
            let p = format!("{prefix}:");
            let list: Vec<String> = self
                .multi(Q::PriorTx)
                .into_iter()
                .filter(|a| !a.starts_with(&p))
                .collect();
            self.set_list(Q::PriorTx, &list)
        }
    }

    /// Q4a: when a drug treatment was given.
    pub fn setting(&self, drug: PriorTx) -> Option<TxSetting> {
        self.profile.prior_tx_setting.get(&drug).copied()
    }

    pub fn set_setting(&mut self, drug: PriorTx, setting: TxSetting) {
        self.profile.prior_tx_setting.insert(drug, setting);
    }

    /// Removes the answer to one question.
    pub fn clear(&mut self, question: impl AsQuestion) {
        if let Some(q) = question.question() {
            self.profile.clear(q);
        }
    }

    /// Removes every answer.
    pub fn clear_all(&mut self) {
        self.profile = Profile::new();
    }

    /// Whether the red-flag question has any red flag ticked.
    pub fn has_red_flag(&self) -> bool {
        self.profile.symptoms.iter().any(|s| s.is_red_flag())
    }
}

/// A question named by the engine's [`Q`] or by its ID (tests and saved data use the IDs).
pub trait AsQuestion: Copy {
    fn question(self) -> Option<Q>;
    /// For messages.
    fn name(self) -> String;
}

impl AsQuestion for Q {
    fn question(self) -> Option<Q> {
        Some(self)
    }
    fn name(self) -> String {
        self.id().to_owned()
    }
}

impl AsQuestion for &str {
    fn question(self) -> Option<Q> {
        Q::from_id(self)
    }
    fn name(self) -> String {
        self.to_owned()
    }
}

impl AsQuestion for &&str {
    fn question(self) -> Option<Q> {
        Q::from_id(self)
    }
    fn name(self) -> String {
        (*self).to_owned()
    }
}

impl AsQuestion for &String {
    fn question(self) -> Option<Q> {
        Q::from_id(self)
    }
    fn name(self) -> String {
        self.clone()
    }
}

fn check_question(question: impl AsQuestion) -> Result<Q, AnswerError> {
    question
        .question()
        .ok_or_else(|| AnswerError(format!("{}: not a question", question.name())))
}

/// Clears one profile field by its question ID (unknown IDs are ignored).
pub fn clear_field(p: &mut Profile, question: &str) {
    if let Some(q) = Q::from_id(question) {
        p.clear(q);
    }
}

/// The screen the person is on. Saved with the answers so a reload comes back to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Welcome,
    Question(Step),
    Review,
    Results,
    /// A text page (`urgent`, `about`, ...; see [`PAGE_IDS`]).
    Page(&'static str),
    /// The printable visit summary, with save/open file.
    Summary,
    /// What matters to me: goals and trade-offs.
    Values,
    /// Side-by-side comparison of 2 or 3 shown options.
    Compare,
    /// Every treatment in the guide, not tied to the answers.
    Catalogue,
}

impl Screen {
    /// The saved form: `welcome`, `q:histology`, `review`, `results`, `page:about`.
    pub fn id(self) -> String {
        match self {
            Screen::Welcome => "welcome".into(),
            Screen::Question(s) => format!("q:{}", s.id()),
            Screen::Review => "review".into(),
            Screen::Results => "results".into(),
            Screen::Page(p) => format!("page:{p}"),
            Screen::Summary => "summary".into(),
            Screen::Values => "values".into(),
            Screen::Compare => "compare".into(),
            Screen::Catalogue => "catalogue".into(),
        }
    }

    /// Reads the saved form; anything unknown gives `None` (the caller starts at the welcome).
    pub fn from_id(s: &str) -> Option<Screen> {
        match s {
            "welcome" => Some(Screen::Welcome),
            "review" => Some(Screen::Review),
            "results" => Some(Screen::Results),
            "summary" => Some(Screen::Summary),
            "values" => Some(Screen::Values),
            "compare" => Some(Screen::Compare),
            "catalogue" => Some(Screen::Catalogue),
            _ => {
                if let Some(q) = s.strip_prefix("q:") {
                    Step::from_id(q).map(Screen::Question)
                } else if let Some(p) = s.strip_prefix("page:") {
                    PAGE_IDS
                        .iter()
                        .find(|id| **id == p)
                        .map(|id| Screen::Page(id))
                } else {
                    None
                }
            }
        }
    }
}

/// Where a reload lands: the saved screen, except a question the answers no longer ask (then
/// the next asked one) and an unreadable screen (then the welcome).
pub fn resume_screen(saved: Option<&str>, p: &Profile) -> Screen {
    match saved.and_then(Screen::from_id) {
        Some(Screen::Question(step)) => {
            // Screens are named by their first question (`flow::screen_lead`).
            let lead = guide_engine::flow::screen_lead(step);
            let flow = guide_engine::flow::flow(p);
            if flow.screen_is_asked(lead) {
                Screen::Question(lead)
            } else {
                match flow.next_screen(Some(lead), None).0 {
                    Some(next) => Screen::Question(next),
                    None => Screen::Review,
                }
            }
        }
        Some(s) => s,
        None => Screen::Welcome,
    }
}

/// A calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// Reads `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<Date> {
        let mut it = s.trim().splitn(3, '-');
        let year: i32 = it.next()?.parse().ok()?;
        let month: u32 = it.next()?.parse().ok()?;
        let day: u32 = it.next()?.parse().ok()?;
        if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// The same day `months` later (the day is kept; comparisons only need the order).
    pub fn plus_months(self, months: u32) -> Date {
        let total = self.year as i64 * 12 + (self.month as i64 - 1) + months as i64;
        Date {
            year: (total / 12) as i32,
            month: (total % 12) as u32 + 1,
            day: self.day,
        }
    }
}

/// Whether the content is older than `stale_after_months` on `today`. A content date that
/// cannot be read counts as out of date (the warning is the safe side).
pub fn content_is_stale(content_date: &str, stale_after_months: u32, today: Date) -> bool {
    match Date::parse(content_date) {
        Some(d) => today >= d.plus_months(stale_after_months),
        None => true,
    }
}
