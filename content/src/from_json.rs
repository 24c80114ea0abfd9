//! A small reader of the content types from a `serde_json::Value`, used by the WebAssembly build
//! instead of serde's derived `Deserialize` (README "Size").
//!
//! serde's derive generates a visitor per type, per field type and per JSON reader; for the
//! content types that was about 15 KB of the compressed wasm. This reader is plain code over a
//! parsed `Value`. It follows the same rules as the derives in `lib.rs`: required fields,
//! `#[serde(default)]` fields, `Option` fields (missing or `null` is `None`), unknown fields
//! refused (`deny_unknown_fields`). Native builds keep serde (its errors name the line); a test
//! checks both read every content file to the same values.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::{
    AnswerContent, GlossaryEntry, Meta, NoteText, OptionContent, Page, PageSection,
    QuestionContent, RedFlagMore, RedFlagText, RedFlags, RuleText, Source, UrgentLevelText,
};

/// A content value read from JSON. The error is one line ("title: expected a string").
pub trait FromJson: Sized {
    fn from_json(v: &Value) -> Result<Self, String>;
    /// The value when the field is missing: `None` means the field is required.
    fn missing() -> Option<Self> {
        None
    }
}

fn expected(what: &str, v: &Value) -> String {
    let got = match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    };
    format!("expected {what}, got {got}")
}

impl FromJson for String {
    fn from_json(v: &Value) -> Result<Self, String> {
        v.as_str()
            .map(str::to_owned)
            .ok_or_else(|| expected("a string", v))
    }
}

impl FromJson for bool {
    fn from_json(v: &Value) -> Result<Self, String> {
        v.as_bool().ok_or_else(|| expected("true or false", v))
    }
}

impl FromJson for u32 {
    fn from_json(v: &Value) -> Result<Self, String> {
        v.as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .ok_or_else(|| expected("a whole number", v))
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(v: &Value) -> Result<Self, String> {
        match v {
            Value::Null => Ok(None),
            v => T::from_json(v).map(Some),
        }
    }
    fn missing() -> Option<Self> {
        Some(None)
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(v: &Value) -> Result<Self, String> {
        let list = v.as_array().ok_or_else(|| expected("a list", v))?;
        list.iter()
            .enumerate()
            .map(|(i, item)| T::from_json(item).map_err(|e| format!("[{i}]: {e}")))
            .collect()
    }
}

impl<T: FromJson> FromJson for BTreeMap<String, T> {
    fn from_json(v: &Value) -> Result<Self, String> {
        let map = v.as_object().ok_or_else(|| expected("an object", v))?;
        let mut out = BTreeMap::new();
        for (k, item) in map {
            out.insert(
                k.clone(),
                T::from_json(item).map_err(|e| format!("{k}: {e}"))?,
            );
        }
        Ok(out)
    }
}

/// The object of a struct, with no field outside `fields`.
fn object<'a>(v: &'a Value, fields: &[&str]) -> Result<&'a Map<String, Value>, String> {
    let m = v.as_object().ok_or_else(|| expected("an object", v))?;
    if let Some(k) = m.keys().find(|k| !fields.contains(&k.as_str())) {
        return Err(format!(
            "unknown field `{k}`, expected one of {}",
            fields.join(", ")
        ));
    }
    Ok(m)
}

/// A field: required unless `T::missing()` says what a missing one is.
fn field<T: FromJson>(m: &Map<String, Value>, key: &str) -> Result<T, String> {
    match m.get(key) {
        Some(v) => T::from_json(v).map_err(|e| format!("{key}: {e}")),
        None => T::missing().ok_or_else(|| format!("missing field `{key}`")),
    }
}

/// A `#[serde(default)]` field: missing is the default.
fn field_or_default<T: FromJson + Default>(m: &Map<String, Value>, key: &str) -> Result<T, String> {
    match m.get(key) {
        Some(v) => T::from_json(v).map_err(|e| format!("{key}: {e}")),
        None => Ok(T::default()),
    }
}

impl FromJson for Meta {
    fn from_json(v: &Value) -> Result<Self, String> {
        let m = object(
            v,
            &["language", "content_date", "stale_after_months", "title"],
        )?;
        Ok(Meta {
            language: field(m, "language")?,
            content_date: field(m, "content_date")?,
            stale_after_months: field(m, "stale_after_months")?,
            title: field(m, "title")?,
        })
    }
}

impl FromJson for OptionContent {
    fn from_json(v: &Value) -> Result<Self, String> {
        let m = object(
            v,
            &[
                "name",
                "summary",
                "aims",
                "what_it_is_like",
                "common_side_effects",
                "serious_side_effects",
                "uncertain",
                "questions",
                "sources",
                "unverified",
                "reviewed",
                "squamous_note",
            ],
        )?;
        Ok(OptionContent {
            name: field(m, "name")?,
            summary: field(m, "summary")?,
            aims: field(m, "aims")?,
            what_it_is_like: field(m, "what_it_is_like")?,
            common_side_effects: field(m, "common_side_effects")?,
            serious_side_effects: field(m, "serious_side_effects")?,
            uncertain: field(m, "uncertain")?,
            questions: field(m, "questions")?,
            sources: field(m, "sources")?,
            unverified: field_or_default(m, "unverified")?,
            reviewed: field(m, "reviewed")?,
            squamous_note: field(m, "squamous_note")?,
        })
    }
}

impl FromJson for AnswerContent {
    fn from_json(v: &Value) -> Result<Self, String> {
        let m = object(v, &["id", "label", "hint", "because"])?;
        Ok(AnswerContent {
            id: field(m, "id")?,
            label: field(m, "label")?,
            hint: field(m, "hint")?,
            because: field(m, "because")?,
        })
    }
}

impl FromJson for QuestionContent {
    fn from_json(v: &Value) -> Result<Self, String> {
        let m = object(v, &["id", "text", "help", "ask", "answers"])?;
        Ok(QuestionContent {
            id: field(m, "id")?,
            text: field(m, "text")?,
            help: field(m, "help")?,
            ask: field(m, "ask")?,
            answers: field(m, "answers")?,
        })
    }
}

impl FromJson for RuleText {
    fn from_json(v: &Value) -> Result<Self, String> {
        let m = object(
            v,
            &[
                "not_reason",
                "note",
                "option_notes",
                "lowered",
                "unverified",
            ],
        )?;
        Ok(RuleText {
            not_reason: field(m, "not_reason")?,
            note: field(m, "note")?,
            option_notes: field_or_default(m, "option_notes")?,
            lowered: field(m, "lowered")?,
            unverified: field_or_default(m, "unverified")?,
        })
    }
}

impl FromJson for NoteText {
    fn from_json(v: &Value) -> Result<Self, String> {
        let m = object(v, &["text", "sources", "unverified"])?;
        Ok(NoteText {
            text: field(m, "text")?,
            sources: field(m, "sources")?,
            unverified: field_or_default(m, "unverified")?,
        })
    }
}

impl FromJson for RedFlagText {
    fn from_json(v: &Value) -> Result<Self, String> {
        let m = object(
            v,
            &[
                "level",
                "label",
                "escalate",
                "heading",
                "why",
                "sources",
                "unverified",
            ],
        )?;
        Ok(RedFlagText {
            level: field(m, "level")?,
            label: field(m, "label")?,
            escalate: field(m, "escalate")?,
            heading: field_or_default(m, "heading")?,
            why: field_or_default(m, "why")?,
            sources: field_or_default(m, "sources")?,
            unverified: field_or_default(m, "unverified")?,
        })
    }
}

impl FromJson for RedFlagMore {
    fn from_json(v: &Value) -> Result<Self, String> {
        let m = object(v, &["heading", "why", "sources", "unverified"])?;
        Ok(RedFlagMore {
            heading: field(m, "heading")?,
            why: field(m, "why")?,
            sources: field(m, "sources")?,
            unverified: field_or_default(m, "unverified")?,
        })
    }
}

impl FromJson for UrgentLevelText {
    fn from_json(v: &Value) -> Result<Self, String> {
        let m = object(v, &["title", "short", "action"])?;
        Ok(UrgentLevelText {
            title: field(m, "title")?,
            short: field(m, "short")?,
            action: field(m, "action")?,
        })
    }
}

impl FromJson for RedFlags {
    fn from_json(v: &Value) -> Result<Self, String> {
        let m = object(v, &["levels", "flags"])?;
        Ok(RedFlags {
            levels: field(m, "levels")?,
            flags: field(m, "flags")?,
        })
    }
}

impl FromJson for GlossaryEntry {
    fn from_json(v: &Value) -> Result<Self, String> {
        let m = object(v, &["term", "aliases", "definition", "sources"])?;
        Ok(GlossaryEntry {
            term: field(m, "term")?,
            aliases: field_or_default(m, "aliases")?,
            definition: field(m, "definition")?,
            sources: field_or_default(m, "sources")?,
        })
    }
}

impl FromJson for Source {
    fn from_json(v: &Value) -> Result<Self, String> {
        let m = object(
            v,
            &[
                "title",
                "publisher",
                "date",
                "year",
                "url",
                "kind",
                "review_note",
            ],
        )?;
        Ok(Source {
            title: field(m, "title")?,
            publisher: field(m, "publisher")?,
            date: field(m, "date")?,
            year: field(m, "year")?,
            url: field(m, "url")?,
            kind: field(m, "kind")?,
            review_note: field(m, "review_note")?,
        })
    }
}

impl FromJson for Page {
    fn from_json(v: &Value) -> Result<Self, String> {
        let m = object(v, &["title", "sections"])?;
        Ok(Page {
            title: field(m, "title")?,
            sections: field(m, "sections")?,
        })
    }
}

impl FromJson for PageSection {
    fn from_json(v: &Value) -> Result<Self, String> {
        let m = object(v, &["heading", "paragraphs", "sources"])?;
        Ok(PageSection {
            heading: field(m, "heading")?,
            paragraphs: field(m, "paragraphs")?,
            sources: field_or_default(m, "sources")?,
        })
    }
}
