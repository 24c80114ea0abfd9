//! What the person adds to their answers: their own notes and questions, what matters to them
//! (trade-offs), and the options they picked to compare. Plain Rust, tested natively
//! (`tests/personal.rs`, `tests/values.rs`).
//!
//! None of this is an engine input. The engine sees only the profile (whose `goals` answer is
//! the one values answer the engine reads, within the limits the engine sets). The trade-offs
//! here may change the *order of facts* shown for an option ([`emphasis`]) but never which
//! options are shown, their order, or their level.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Longest note, own question or own words that can be added (in UTF-16 units, as the fields'
/// `maxlength` counts: [`text_len`]). Longer text is refused with a message, never cut; text
/// found longer in storage or in a file is kept whole.
pub const MAX_TEXT: usize = 2000;
/// Most notes (and most own questions) that can be added; a longer list found in storage or a
/// file is kept whole.
pub const MAX_ITEMS: usize = 100;

/// The length of a text as the browser's `maxlength` counts it.
pub fn text_len(s: &str) -> usize {
    s.encode_utf16().count()
}

/// What adding a note or question did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Added {
    Yes,
    /// Nothing but spaces.
    Blank,
    /// Longer than [`MAX_TEXT`]: not added (nothing is cut).
    TooLong,
    /// The list has [`MAX_ITEMS`] already.
    Full,
}
/// Most options compared side by side.
pub const MAX_COMPARE: usize = 3;

/// One trade-off of the "What matters to me" screen: a question and its answers, by UI key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TradeOff {
    /// Stored ID (`hospital`, ...).
    pub id: &'static str,
    /// The part of an option's facts it is about.
    pub about: Aspect,
}

/// The parts of an option's facts the trade-offs are about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Aspect {
    /// "What it is like": where, how often, travel, daily life.
    DailyLife,
    /// Common and serious side effects.
    SideEffects,
}

/// The trade-offs, in the order asked. UI keys: `values.<id>` (the question) and
/// `values.<id>.hint`.
pub const TRADE_OFFS: &[TradeOff] = &[
    TradeOff {
        id: "hospital",
        about: Aspect::DailyLife,
    },
    TradeOff {
        id: "side_effects",
        about: Aspect::SideEffects,
    },
    TradeOff {
        id: "travel",
        about: Aspect::DailyLife,
    },
    TradeOff {
        id: "home",
        about: Aspect::DailyLife,
    },
];

/// The answers of every trade-off (UI keys `values.answer.<ID>`), strongest first.
pub const TRADE_OFF_ANSWERS: &[&str] = &["A_LOT", "SOME", "A_LITTLE", "UNSURE"];

/// How much a trade-off answer weighs when choosing what to show first (higher = first).
fn weight(answer: Option<&str>) -> u8 {
    match answer {
        Some("A_LOT") => 3,
        Some("SOME") => 2,
        Some("A_LITTLE") => 1,
        _ => 0,
    }
}

/// The trade-off answers and the person's own words about what matters.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Values {
    /// Trade-off ID → answer ID (only known IDs are kept).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub tradeoffs: BTreeMap<String, String>,
    /// Anything else that matters to them, in their own words.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub other: String,
}

impl Values {
    pub fn is_empty(&self) -> bool {
        self.tradeoffs.is_empty() && self.other.trim().is_empty()
    }

    /// The answer to a trade-off, if any.
    pub fn answer(&self, id: &str) -> Option<&str> {
        self.tradeoffs.get(id).map(String::as_str)
    }

    /// Sets a trade-off answer; unknown trade-offs or answers are ignored (returns false).
    pub fn set(&mut self, id: &str, answer: &str) -> bool {
        if !TRADE_OFFS.iter().any(|t| t.id == id) || !TRADE_OFF_ANSWERS.contains(&answer) {
            return false;
        }
        self.tradeoffs.insert(id.to_owned(), answer.to_owned());
        true
    }

    /// Reads values leniently: unknown trade-offs and answers are dropped.
    fn from_value(v: &Value) -> Option<Values> {
        let obj = v.as_object()?;
        let mut out = Values::default();
        if let Some(t) = obj.get("tradeoffs").and_then(Value::as_object) {
            for (k, a) in t {
                if let Some(a) = a.as_str() {
                    out.set(k, a);
                }
            }
        }
        if let Some(o) = obj.get("other").and_then(Value::as_str) {
            out.other = o.trim().to_owned();
        }
        Some(out)
    }
}

/// The order in which an option's facts are shown, given what matters to the person. The
/// default is the content style guide's order (aims, what it is like, side effects, uncertain).
/// A trade-off that matters more moves its part forward; ties keep the default order. Only
/// ever a reordering of the same parts.
pub fn emphasis(values: &Values) -> Vec<Field> {
    let mut weights: BTreeMap<Aspect, u8> = BTreeMap::new();
    for t in TRADE_OFFS {
        let w = weight(values.answer(t.id));
        let e = weights.entry(t.about).or_insert(0);
        *e = (*e).max(w);
    }
    let w = |f: Field| match f {
        Field::WhatItIsLike => weights.get(&Aspect::DailyLife).copied().unwrap_or(0),
        Field::CommonSideEffects | Field::SeriousSideEffects => {
            weights.get(&Aspect::SideEffects).copied().unwrap_or(0)
        }
        Field::Aims | Field::Uncertain => 0,
    };
    let mut fields = Field::DEFAULT_ORDER.to_vec();
    // Stable: equal weights keep the default order. (A small sort: README "Size".)
    guide_engine::small::sort_by_key(&mut fields, |f| std::cmp::Reverse(w(*f)));
    fields
}

/// The facts of an option card that [`emphasis`] orders.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Aims,
    WhatItIsLike,
    CommonSideEffects,
    SeriousSideEffects,
    Uncertain,
}

impl Field {
    /// The content style guide's order.
    pub const DEFAULT_ORDER: [Field; 5] = [
        Field::Aims,
        Field::WhatItIsLike,
        Field::CommonSideEffects,
        Field::SeriousSideEffects,
        Field::Uncertain,
    ];

    /// The UI key of the field's heading (the option card's own headings).
    pub fn ui_key(self) -> &'static str {
        match self {
            Field::Aims => "card.aims",
            Field::WhatItIsLike => "card.like",
            Field::CommonSideEffects => "card.common",
            Field::SeriousSideEffects => "card.serious",
            Field::Uncertain => "card.uncertain",
        }
    }
}

/// Everything the person adds. Saved with the answers (storage envelope) and in a saved file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Personal {
    /// Their own notes, in the order written.
    pub notes: Vec<String>,
    /// Their own questions for the care team, in the order written.
    pub own_questions: Vec<String>,
    pub values: Values,
    /// Option IDs picked for the side-by-side comparison (at most [`MAX_COMPARE`]).
    pub compare: Vec<String>,
}

fn text_list(v: Option<&Value>) -> Result<Vec<String>, String> {
    match v {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .map(|i| {
                i.as_str()
                    .map(|t| t.trim().to_owned())
                    .ok_or_else(|| "not text".to_owned())
            })
            .filter(|r| r.as_ref().map(|s| !s.is_empty()).unwrap_or(true))
            .collect(),
        Some(_) => Err("not a list".into()),
    }
}

impl Personal {
    /// Nothing added.
    pub fn is_empty(&self) -> bool {
        self.notes.is_empty()
            && self.own_questions.is_empty()
            && self.values.is_empty()
            && self.compare.is_empty()
    }

    /// Adds a note (blank, too long or a full list: not added, and says which).
    pub fn add_note(&mut self, text: &str) -> Added {
        push_text(&mut self.notes, text)
    }

    /// Adds an own question (as [`Personal::add_note`]).
    pub fn add_question(&mut self, text: &str) -> Added {
        push_text(&mut self.own_questions, text)
    }

    pub fn remove_note(&mut self, index: usize) {
        if index < self.notes.len() {
            self.notes.remove(index);
        }
    }

    pub fn remove_question(&mut self, index: usize) {
        if index < self.own_questions.len() {
            self.own_questions.remove(index);
        }
    }

    /// Ticks or unticks an option for the comparison; a fourth is refused (returns false).
    pub fn set_compared(&mut self, option: &str, on: bool) -> bool {
        if on {
            if self.compare.iter().any(|o| o == option) {
                return true;
            }
            if self.compare.len() >= MAX_COMPARE {
                return false;
            }
            self.compare.push(option.to_owned());
        } else {
            self.compare.retain(|o| o != option);
        }
        true
    }

    /// The fields as they go into the storage envelope or a saved file (empty ones left out).
    pub fn to_fields(&self, with_compare: bool) -> Map<String, Value> {
        let mut m = Map::new();
        if !self.notes.is_empty() {
            m.insert("notes".into(), Value::from(self.notes.clone()));
        }
        if !self.own_questions.is_empty() {
            m.insert(
                "own_questions".into(),
                Value::from(self.own_questions.clone()),
            );
        }
        if !self.values.is_empty() {
            m.insert(
                "values".into(),
                serde_json::to_value(&self.values).unwrap_or(Value::Null),
            );
        }
        if with_compare && !self.compare.is_empty() {
            m.insert("compare".into(), Value::from(self.compare.clone()));
        }
        m
    }

    /// Reads the fields from an envelope or file object. Missing fields are empty; a field of
    /// the wrong type is an error naming it (a file then counts as damaged; storage ignores it).
    /// Unknown trade-offs and answers are dropped; texts are kept whole (only trimmed).
    pub fn from_fields(obj: &Map<String, Value>) -> Result<Personal, String> {
        let notes = text_list(obj.get("notes")).map_err(|e| format!("notes: {e}"))?;
        let own_questions =
            text_list(obj.get("own_questions")).map_err(|e| format!("own_questions: {e}"))?;
        let values = match obj.get("values") {
            None | Some(Value::Null) => Values::default(),
            Some(v) => Values::from_value(v).ok_or("values: not an object")?,
        };
        let mut compare = Vec::new();
        for id in text_list(obj.get("compare")).map_err(|e| format!("compare: {e}"))? {
            if compare.len() < MAX_COMPARE && !compare.contains(&id) {
                compare.push(id);
            }
        }
        Ok(Personal {
            notes,
            own_questions,
            values,
            compare,
        })
    }

    /// Like [`Personal::from_fields`], but a damaged field is left empty and the rest kept
    /// (used for the browser's own saved copy: the answers matter more than a note).
    pub fn from_fields_lenient(obj: &Map<String, Value>) -> Personal {
        let one = |key: &str| {
            let mut m = Map::new();
            if let Some(v) = obj.get(key) {
                m.insert(key.to_owned(), v.clone());
            }
            Personal::from_fields(&m).unwrap_or_default()
        };
        Personal {
            notes: one("notes").notes,
            own_questions: one("own_questions").own_questions,
            values: one("values").values,
            compare: one("compare").compare,
        }
    }
}

fn push_text(list: &mut Vec<String>, text: &str) -> Added {
    let t = text.trim();
    if t.is_empty() {
        Added::Blank
    } else if text_len(t) > MAX_TEXT {
        Added::TooLong
    } else if list.len() >= MAX_ITEMS {
        Added::Full
    } else {
        list.push(t.to_owned());
        Added::Yes
    }
}
