//! Checks on JSON text that every reader of a profile or a saved file shares (the command line,
//! the app's "Open a saved file", the tests): the size limit, duplicate keys, and how a piece
//! of the input is quoted in a message.
//!
//! serde_json keeps the last of two equal keys (`{"version":2,"version":1}` reads as version 1);
//! [`duplicate_key`] is a small scanner run after serde_json has accepted the text, so both the
//! native build and the WebAssembly build refuse such a file without a second JSON parser.

use std::fmt;

use serde_json::{Map, Value};

/// The largest profile or saved file any reader accepts: 1 MB (a saved file is a few KB).
pub const MAX_INPUT_BYTES: usize = 1_000_000;

/// How much of a piece of the input a message shows, in characters after escaping.
pub const QUOTE_MAX_CHARS: usize = 40;

/// A key given twice in one object, and where the second one starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DuplicateKey {
    /// The key, unescaped (as serde_json reads it).
    pub key: String,
    /// 1-based line and column (in characters) of the second occurrence.
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for DuplicateKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "duplicate key {} at line {} column {}: each key may be given only once",
            quote(&self.key),
            self.line,
            self.column
        )
    }
}

/// The first key that an object of `text` gives twice, if any.
///
/// Meant for text that serde_json has already accepted (valid JSON, nesting at most 128 deep);
/// on other text it never panics but may miss a duplicate. Keys are compared unescaped, so
/// `"a"` and `"\u0061"` are the same key.
pub fn duplicate_key(text: &str) -> Option<DuplicateKey> {
    // The keys seen are kept in a serde_json `Map` (values unused): its code is in every build
    // already, where a `BTreeSet` of our own would add a few KB to the WebAssembly (README "Size").
    enum Frame {
        Object {
            keys: Map<String, Value>,
            want_key: bool,
        },
        Array,
    }
    let b = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'{' => stack.push(Frame::Object {
                keys: Map::new(),
                want_key: true,
            }),
            b'[' => stack.push(Frame::Array),
            b'}' | b']' => {
                stack.pop();
            }
            c @ (b',' | b':') => {
                if let Some(Frame::Object { want_key, .. }) = stack.last_mut() {
                    *want_key = c == b',';
                }
            }
            b'"' => {
                let start = i;
                let mut escaped = false;
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    if b[i] == b'\\' {
                        escaped = true;
                        i += 1;
                    }
                    i += 1;
                }
                if i >= b.len() {
                    return None;
                }
                // `start` and `i` are at ASCII quotes: both are character boundaries.
                if let Some(Frame::Object {
                    keys,
                    want_key: true,
                }) = stack.last_mut()
                {
                    // Escapes are decoded by serde_json's `Value` reader (already in every build).
                    let key = if escaped {
                        match serde_json::from_str(&text[start..=i]) {
                            Ok(Value::String(k)) => k,
                            _ => return None,
                        }
                    } else {
                        text[start + 1..i].to_owned()
                    };
                    if keys.contains_key(&key) {
                        let (line, column) = line_column(&b[..start]);
                        return Some(DuplicateKey { key, line, column });
                    }
                    keys.insert(key, Value::Null);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// 1-based line and column (in characters) of the end of `before`.
fn line_column(before: &[u8]) -> (usize, usize) {
    let (mut line, mut column) = (1, 1);
    for &c in before {
        if c == b'\n' {
            line += 1;
            column = 1;
        } else if c & 0xC0 != 0x80 {
            // Not a UTF-8 continuation byte: a new character.
            column += 1;
        }
    }
    (line, column)
}

/// A piece of the input for a message: in double quotes, with quotes, backslashes, control
/// characters and the characters that reorder or break a line escaped (`\n`, `\u{1b}`), and cut
/// to [`QUOTE_MAX_CHARS`] characters with "…" when longer. The result is one line that a
/// terminal shows as it is.
pub fn quote(s: &str) -> String {
    format!("\"{}\"", cut(s, true))
}

/// Like [`quote`] without the quotes, for a piece of the input that is JSON already (quotes
/// and backslashes kept as they are).
pub fn clip(s: &str) -> String {
    cut(s, false)
}

fn cut(s: &str, quotes: bool) -> String {
    let mut out = String::with_capacity(s.len().min(QUOTE_MAX_CHARS) + 8);
    let mut shown = 0;
    for c in s.chars() {
        let before = out.len();
        push_escaped(&mut out, c, quotes);
        shown += out[before..].chars().count();
        if shown > QUOTE_MAX_CHARS {
            out.truncate(before);
            out.push('…');
            break;
        }
    }
    out
}

/// `msg` with the same characters escaped as [`quote`] (quotes and backslashes kept), so that
/// a message is one line whatever it carries.
pub fn escape_controls(msg: &str) -> String {
    let mut out = String::with_capacity(msg.len());
    for c in msg.chars() {
        push_escaped(&mut out, c, false);
    }
    out
}

fn push_escaped(out: &mut String, c: char, quotes: bool) {
    match c {
        '"' | '\\' if quotes => {
            out.push('\\');
            out.push(c);
        }
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        // C0 and C1 controls, DEL, the line and paragraph separators, and the bidirectional
        // marks, embeddings, overrides and isolates (they can make a line read backwards).
        '\0'..='\u{1f}'
        | '\u{7f}'..='\u{9f}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{2028}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}'
        | '\u{feff}' => {
            // `\u{1b}`, hex digits by hand (no formatting code in the WebAssembly).
            out.push_str("\\u{");
            let n = c as u32;
            let digits = (32 - n.leading_zeros()).div_ceil(4).max(1);
            for k in (0..digits).rev() {
                out.push(char::from(
                    b"0123456789abcdef"[(n >> (4 * k) & 0xF) as usize],
                ));
            }
            out.push('}');
        }
        _ => out.push(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dup(text: &str) -> Option<String> {
        assert!(
            serde_json::from_str::<serde_json::Value>(text).is_ok(),
            "{text}: not JSON"
        );
        duplicate_key(text).map(|d| d.key)
    }

    #[test]
    fn finds_a_key_given_twice_at_any_depth() {
        assert_eq!(
            dup(r#"{"version":2,"version":1}"#).as_deref(),
            Some("version")
        );
        assert_eq!(
            dup(r#"{"a":{"b":1,"c":[{"d":1},{"d":2,"d":3}]}}"#).as_deref(),
            Some("d")
        );
        // Escaped and plain spellings of one key are the same key (serde_json reads both as "a").
        assert_eq!(dup(r#"{"a":1,"\u0061":2}"#).as_deref(), Some("a"));
        assert_eq!(
            dup("{\"\\u0001x\":1,\"\\u0001x\":2}").as_deref(),
            Some("\u{1}x")
        );
        let d = duplicate_key("{\n  \"ps\": 1,\n  \"ps\": 2\n}").unwrap();
        assert_eq!((d.line, d.column), (3, 3));
        assert_eq!(
            d.to_string(),
            "duplicate key \"ps\" at line 3 column 3: each key may be given only once"
        );
        let d = duplicate_key("{\"é\": 1, \"é\": 2}").unwrap();
        assert_eq!((d.line, d.column), (1, 10));
    }

    #[test]
    fn accepts_equal_keys_in_different_objects_and_keys_as_values() {
        for text in [
            r#"{"a":1,"b":{"a":1},"c":[{"a":1},{"a":1}]}"#,
            r#"{"a":"a","b":["a","a"],"c":{"a":"b","b":"a"}}"#,
            r#"{"a\"":1,"a":2,"x":"}{\",\":","y":"\\","z":1}"#,
            r#"{"é":1,"e":2,"ü":{"é":3}}"#,
            r#"[{"a":1},{"a":2}]"#,
            r#""a""#,
            "{}",
            "[]",
        ] {
            assert_eq!(dup(text), None, "{text}");
        }
    }

    #[test]
    fn never_panics_on_text_that_is_not_json() {
        for text in [
            "",
            "\"",
            "{\"a",
            "{\"a\\",
            "}}]]",
            "{\"\\u12\":1,\"\\u12\":1}",
            "\u{1}\"é",
        ] {
            let _ = duplicate_key(text);
        }
    }

    #[test]
    fn quoting_escapes_controls_and_cuts() {
        assert_eq!(quote("SCLC"), "\"SCLC\"");
        assert_eq!(quote("a\"b\\c"), "\"a\\\"b\\\\c\"");
        let q = quote("\u{1b}[31mred\nsecond\u{7}\u{202e}");
        assert_eq!(q, "\"\\u{1b}[31mred\\nsecond\\u{7}\\u{202e}\"");
        assert!(!q.chars().any(char::is_control));
        let long = quote(&"A".repeat(20_000_000));
        assert_eq!(long.chars().count(), QUOTE_MAX_CHARS + 3, "{long}");
        assert!(long.ends_with("…\""));
        // Escapes count towards the limit.
        let ctl = quote(&"\u{1}".repeat(1000));
        assert!(ctl.chars().count() <= QUOTE_MAX_CHARS + 3, "{ctl}");
        assert_eq!(escape_controls("a\"b\nc"), "a\"b\\nc");
        assert_eq!(
            escape_controls("\0\u{9f}\u{2066}\u{feff}"),
            "\\u{0}\\u{9f}\\u{2066}\\u{feff}"
        );
        assert_eq!(clip("[\"a\",\n1]"), "[\"a\",\\n1]");
    }
}
