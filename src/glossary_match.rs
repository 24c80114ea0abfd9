//! Finding glossary terms in a text (pure logic, tested natively in `tests/glossary.rs`).
//!
//! Rules: case-insensitive; whole words only (the characters either side of a match are not
//! letters or digits); each glossary entry is marked once per text (or per group of texts, see
//! [`GlossaryIndex::segments_excluding`]), at its first occurrence,
//! whichever of its term or aliases appears first; where several forms start at the same place
//! the longest wins ("non-small cell lung cancer" before "non-small cell").

use std::collections::{HashMap, HashSet};

/// A piece of text: plain, or a glossary term as it was written in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment {
    Text(String),
    Term {
        /// The glossary entry ID (`glossary.json` key).
        id: String,
        /// The words as they appear in the text (original case).
        text: String,
    },
}

/// A prepared glossary: every form (term and aliases) folded to lower case and indexed by its
/// first character, so matching only tries the forms that can start at a word.
#[derive(Clone, Debug, Default)]
pub struct GlossaryIndex {
    /// First folded char -> (entry index, folded form), longest forms first.
    by_first: HashMap<char, Vec<(usize, Vec<char>)>>,
    ids: Vec<String>,
}

/// Lower-case one char for comparison: ASCII and the Latin-1 letters (Spanish: Á É Í Ó Ú Ñ Ü),
/// by arithmetic, so the wasm carries no Unicode case tables (README "Size"). Other chars
/// compare as they are; guide-content's tests check that the content has no other cased letters.
fn fold(c: char) -> char {
    match c {
        // Latin-1 capitals À..Þ except × (U+00D7): lower case is 0x20 above.
        '\u{C0}'..='\u{DE}' if c != '\u{D7}' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        _ => c.to_ascii_lowercase(),
    }
}

/// Letters and digits: ASCII, the Latin-1 letters (not its signs such as « » ¿ ¡ ×), and any
/// char above Latin-1 except general punctuation (dashes, curly quotes), so a term never
/// matches inside a word with accented letters ("MET" in "metástasis").
fn is_word_char(c: char) -> bool {
    match c as u32 {
        _ if c.is_ascii() => c.is_ascii_alphanumeric(),
        0x80..=0xBF | 0xD7 | 0xF7 => false,
        0x2000..=0x206F | 0x3000..=0x303F => false,
        _ => true,
    }
}

impl GlossaryIndex {
    /// Builds the index from `(entry ID, forms)` pairs; empty forms are ignored.
    pub fn new<I, S, F, T>(entries: I) -> GlossaryIndex
    where
        I: IntoIterator<Item = (S, F)>,
        S: Into<String>,
        F: IntoIterator<Item = T>,
        T: AsRef<str>,
    {
        let mut index = GlossaryIndex::default();
        for (i, (id, forms)) in entries.into_iter().enumerate() {
            index.ids.push(id.into());
            for form in forms {
                let folded: Vec<char> = form.as_ref().trim().chars().map(fold).collect();
                if let Some(&first) = folded.first() {
                    index.by_first.entry(first).or_default().push((i, folded));
                }
            }
        }
        for forms in index.by_first.values_mut() {
            // Longest first; ties keep entry order. (A small stable sort: README "Size".)
            guide_engine::small::sort_by(forms, |a, b| {
                b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0))
            });
            forms.dedup();
        }
        index
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Splits `text` into plain and term segments (adjacent plain text is merged; no empty
    /// segments). Joining the segments' texts gives back `text` unchanged.
    pub fn segments(&self, text: &str) -> Vec<Segment> {
        self.segments_excluding(text, &mut HashSet::new())
    }

    /// Like [`GlossaryIndex::segments`], but entries whose ID is in `seen` are not marked, and
    /// the entries marked here are added to it: over several texts (one option card), each
    /// entry is marked once, at its first occurrence.
    pub fn segments_excluding(&self, text: &str, seen: &mut HashSet<String>) -> Vec<Segment> {
        let chars: Vec<char> = text.chars().collect();
        let folded: Vec<char> = chars.iter().copied().map(fold).collect();
        let mut used: Vec<bool> = self.ids.iter().map(|id| seen.contains(id)).collect();
        let mut out: Vec<Segment> = Vec::new();
        let mut plain = String::new();
        let mut i = 0;
        while i < chars.len() {
            // A match can only start where a word starts (or at a non-word char).
            let can_start = i == 0 || !is_word_char(chars[i - 1]) || !is_word_char(chars[i]);
            let found = if can_start {
                self.match_at(&folded, &chars, i, &used)
            } else {
                None
            };
            match found {
                Some((entry, len)) => {
                    used[entry] = true;
                    seen.insert(self.ids[entry].clone());
                    if !plain.is_empty() {
                        out.push(Segment::Text(std::mem::take(&mut plain)));
                    }
                    out.push(Segment::Term {
                        id: self.ids[entry].clone(),
                        text: chars[i..i + len].iter().collect(),
                    });
                    i += len;
                }
                None => {
                    plain.push(chars[i]);
                    i += 1;
                }
            }
        }
        if !plain.is_empty() {
            out.push(Segment::Text(plain));
        }
        out
    }

    /// The longest unused form that matches at `i` as a whole word: (entry index, length in chars).
    fn match_at(
        &self,
        folded: &[char],
        chars: &[char],
        i: usize,
        used: &[bool],
    ) -> Option<(usize, usize)> {
        let forms = self.by_first.get(&folded[i])?;
        forms.iter().find_map(|(entry, form)| {
            let end = i + form.len();
            // Whole words: no letter or digit may continue the form on either side.
            let fits = !used[*entry]
                && end <= folded.len()
                && folded[i..end] == form[..]
                && (i == 0 || !is_word_char(chars[i - 1]) || !is_word_char(chars[i]))
                && (end == chars.len()
                    || !is_word_char(chars[end])
                    || !is_word_char(chars[end - 1]));
            fits.then_some((*entry, form.len()))
        })
    }
}

/// Convenience for one-off use: builds an index and splits `text`.
pub fn segments<S: AsRef<str>>(text: &str, entries: &[(S, Vec<S>)]) -> Vec<Segment> {
    let index = GlossaryIndex::new(entries.iter().map(|(id, forms)| {
        let forms: Vec<String> = forms.iter().map(|f| f.as_ref().to_string()).collect();
        (id.as_ref().to_string(), forms)
    }));
    index.segments(text)
}
