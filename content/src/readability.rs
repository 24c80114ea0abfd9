//! Reading level of patient-facing text: the Flesch-Kincaid grade, with a documented syllable
//! counter, and the list of every patient-facing text with its limit (used by
//! `content/tests/readability.rs` and the review export).
//!
//! Flesch-Kincaid grade = 0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59.
//!
//! **Words**: the text is split on white space, `/`, `–` and `—`; leading and trailing punctuation
//! is removed; a token counts as a word if it contains a letter or a digit. A hyphenated word
//! ("first-line") is one word whose syllables are those of its parts.
//!
//! **Sentences**: a token ending in `.`, `!` or `?` (before any closing quote or bracket) ends a
//! sentence, except the abbreviations in [`ABBREVIATIONS`] ("e.g.", "etc.", ...). Text after the
//! last full stop is a sentence too, so a list item without a full stop is one sentence.
//!
//! **Syllables** ([`syllables`]), for English:
//! 1. A number counts as one syllable per digit, at most 3 ("5" → 1, "38" → 2, "2026" → 3).
//! 2. Only the letters are kept, lower-cased. A word of 1 to 3 letters has 1 syllable.
//! 3. Count the groups of consecutive vowels (`a e i o u`, and `y` when not the first letter).
//! 4. Subtract 1 for a silent final `e` ("make"), but not for a consonant + `le` ("table"),
//!    `ee` ("free") or `ye` ("eye").
//! 5. Subtract 1 for a silent `-ed` ("jumped"; not after `t` or `d`: "wanted") and for a silent
//!    `-es` ("makes"; not after `s`, `x`, `z`, `ch`, `sh`, `c`, `g`, and not `-ies`).
//! 6. Add 1 for each vowel pair that is usually said as two syllables: `ia` ("pneumonia"),
//!    `iu` ("calcium"), `ua` ("usual"), `uo`, and `io` except in `-tion`, `-sion`, `-cion`,
//!    `-gion` ("radio", but not "radiation").
//! 7. Every word has at least 1 syllable.
//!
//! Limits: [`CORE_LIMIT`] (grade 8) and [`DETAIL_LIMIT`] (grade 10) by field, see
//! [`patient_texts`]; texts under [`MIN_WORDS`] words and names/titles ([`NOT_GRADED`]) are exempt.
//!
//! Like every syllable heuristic it is sometimes off by one on a single word; over a sentence the
//! grade it gives is within about half a grade of published calculators (see the unit tests).

use crate::Content;

/// Abbreviations whose full stop does not end a sentence (compared lower-case).
pub const ABBREVIATIONS: &[&str] = &[
    "e.g.", "i.e.", "etc.", "vs.", "dr.", "mr.", "mrs.", "ms.", "approx.", "no.", "st.", "u.s.",
    "u.k.", "a.m.", "p.m.", // Spanish: "EE. UU.", "p. ej.", "Dra.", "núm."
    "ee.", "uu.", "p.", "ej.", "dra.", "sr.", "sra.", "núm.",
];

/// Counts of one text and its Flesch-Kincaid grade.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Score {
    pub words: usize,
    pub sentences: usize,
    pub syllables: usize,
    /// Flesch-Kincaid grade level (0 for a text without words).
    pub grade: f64,
}

/// The syllables of one word (see the module documentation for the rules).
pub fn syllables(word: &str) -> usize {
    let digits = word.chars().filter(|c| c.is_ascii_digit()).count();
    let letters: String = word
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    if letters.is_empty() {
        return digits.clamp(1, 3);
    }
    let w: Vec<char> = letters.chars().collect();
    let n = w.len();
    if n <= 3 {
        return 1;
    }
    let is_vowel = |i: usize| -> bool {
        match w[i] {
            'a' | 'e' | 'i' | 'o' | 'u' => true,
            'y' => i > 0,
            c => "àâäéèêëïîôöùûü".contains(c),
        }
    };
    let mut count = 0i32;
    let mut prev = false;
    for i in 0..n {
        let v = is_vowel(i);
        if v && !prev {
            count += 1;
        }
        prev = v;
    }
    let ends = |s: &str| letters.ends_with(s);
    let consonant_at = |i: usize| !is_vowel(i);
    // Rule 4: silent final e.
    if ends("e") && !ends("ee") && !ends("ye") {
        let consonant_le = ends("le") && n >= 3 && consonant_at(n - 3);
        if !consonant_le && n >= 2 && consonant_at(n - 2) {
            count -= 1;
        }
    }
    // Rule 5: silent -ed and -es.
    if ends("ed") && n >= 4 && !matches!(w[n - 3], 't' | 'd') && consonant_at(n - 3) {
        count -= 1;
    }
    if ends("es") && n >= 4 && !ends("ies") && consonant_at(n - 3) {
        let keep = matches!(w[n - 3], 's' | 'x' | 'z' | 'c' | 'g') || ends("ches") || ends("shes");
        if !keep {
            count -= 1;
        }
    }
    // Rule 6: vowel pairs said as two syllables.
    for i in 0..n - 1 {
        let pair = (w[i], w[i + 1]);
        let two = match pair {
            ('i', 'a') | ('i', 'u') | ('u', 'a') | ('u', 'o') => {
                // "qua", "gua", "quo" are one syllable ("quality", "language").
                !(matches!(pair, ('u', 'a') | ('u', 'o')) && i > 0 && matches!(w[i - 1], 'q' | 'g'))
            }
            ('i', 'o') => !(i > 0 && matches!(w[i - 1], 't' | 's' | 'c' | 'g' | 'x')),
            _ => false,
        };
        // "iou" in "-ious" after t/c/s/g is one syllable ("infectious"), handled by the io rule.
        if two {
            count += 1;
        }
    }
    count.max(1) as usize
}

fn is_word(token: &str) -> bool {
    token.chars().any(|c| c.is_alphanumeric())
}

fn trim_punct(token: &str) -> &str {
    token.trim_matches(|c: char| !c.is_alphanumeric())
}

/// Whether a raw token ends a sentence.
fn ends_sentence(raw: &str) -> bool {
    let t = raw.trim_end_matches(['"', '\'', ')', ']', '”', '’', '*']);
    if !(t.ends_with('.') || t.ends_with('!') || t.ends_with('?')) {
        return false;
    }
    let lower = t
        .trim_start_matches(['"', '\'', '(', '[', '“', '‘'])
        .to_lowercase();
    !ABBREVIATIONS.contains(&lower.as_str())
}

/// Words, sentences and syllables of a text, syllables counted by `syllables_of`.
fn counts(text: &str, syllables_of: fn(&str) -> usize) -> (usize, usize, usize) {
    let mut words = 0usize;
    let mut syl = 0usize;
    let mut sentences = 0usize;
    let mut open_sentence = false;
    for raw in text.split(|c: char| c.is_whitespace() || matches!(c, '/' | '–' | '—')) {
        if raw.is_empty() {
            continue;
        }
        if is_word(raw) {
            words += 1;
            open_sentence = true;
            syl += trim_punct(raw)
                .split('-')
                .filter(|p| is_word(p))
                .map(syllables_of)
                .sum::<usize>()
                .max(1);
        }
        if ends_sentence(raw) && open_sentence {
            sentences += 1;
            open_sentence = false;
        }
    }
    if open_sentence {
        sentences += 1;
    }
    (words, sentences, syl)
}

/// Counts and grade of a text.
pub fn score(text: &str) -> Score {
    let (words, sentences, syl) = counts(text, syllables);
    let grade = if words == 0 {
        0.0
    } else {
        0.39 * (words as f64 / sentences.max(1) as f64) + 11.8 * (syl as f64 / words as f64) - 15.59
    };
    Score {
        words,
        sentences,
        syllables: syl,
        grade,
    }
}

/// Flesch-Kincaid grade of a text.
pub fn grade(text: &str) -> f64 {
    score(text).grade
}

/// Texts shorter than this many words are names and labels: exempt from the grade limits.
pub const MIN_WORDS: usize = 8;
/// Summaries, aims, "what it is like", questions, help, notes, reasons, red flags, UI strings.
pub const CORE_LIMIT: f64 = 8.0;
/// Side-effect items, "what is uncertain", glossary definitions, page paragraphs.
pub const DETAIL_LIMIT: f64 = 10.0;
/// Names and titles (option names, glossary terms, page titles and headings): listed as
/// patient-facing text (for the wording checks) but not graded.
pub const NOT_GRADED: f64 = f64::INFINITY;

/// One patient-facing text with where it lives and its grade limit.
#[derive(Clone, Debug)]
pub struct PatientText {
    /// The content file (`options/targeted.json`, `questions.json`, ...).
    pub file: String,
    /// The ID inside the file (option ID, question ID, rule ID, key ...).
    pub id: String,
    /// The field (`summary`, `common_side_effects[2]`, `answers.SCLC.label` ...).
    pub field: String,
    pub text: String,
    /// The highest Flesch-Kincaid grade allowed.
    pub limit: f64,
}

impl PatientText {
    /// Whether the text is graded: it has a limit and at least [`MIN_WORDS`] words.
    pub fn checked(&self) -> bool {
        self.limit.is_finite() && score(&self.text).words >= MIN_WORDS
    }
    /// Checked and over its limit.
    pub fn too_hard(&self) -> bool {
        self.checked() && grade(&self.text) > self.limit
    }
}

/// Every patient-facing text of a language's content, with its file, ID, field and limit.
pub fn patient_texts(c: &Content) -> Vec<PatientText> {
    let mut out = Vec::new();
    let mut add = |file: &str, id: &str, field: String, text: &str, limit: f64| {
        out.push(PatientText {
            file: file.to_string(),
            id: id.to_string(),
            field,
            text: text.to_string(),
            limit,
        })
    };
    let lang = Lang::from_tag(&c.meta.language).unwrap_or(Lang::En);
    for (id, o) in &c.options {
        let file = crate::option_file(lang, id).unwrap_or("options/?.json");
        add(file, id, "name".into(), &o.name, NOT_GRADED);
        add(file, id, "summary".into(), &o.summary, CORE_LIMIT);
        add(file, id, "aims".into(), &o.aims, CORE_LIMIT);
        add(
            file,
            id,
            "what_it_is_like".into(),
            &o.what_it_is_like,
            CORE_LIMIT,
        );
        for (i, s) in o.common_side_effects.iter().enumerate() {
            add(
                file,
                id,
                format!("common_side_effects[{i}]"),
                s,
                DETAIL_LIMIT,
            );
        }
        for (i, s) in o.serious_side_effects.iter().enumerate() {
            add(
                file,
                id,
                format!("serious_side_effects[{i}]"),
                s,
                DETAIL_LIMIT,
            );
        }
        add(file, id, "uncertain".into(), &o.uncertain, DETAIL_LIMIT);
        for (i, s) in o.questions.iter().enumerate() {
            add(file, id, format!("questions[{i}]"), s, CORE_LIMIT);
        }
        if let Some(s) = &o.squamous_note {
            add(file, id, "squamous_note".into(), s, DETAIL_LIMIT);
        }
    }
    for q in &c.questions {
        let f = "questions.json";
        add(f, &q.id, "text".into(), &q.text, CORE_LIMIT);
        add(f, &q.id, "help".into(), &q.help, CORE_LIMIT);
        add(f, &q.id, "ask".into(), &q.ask, CORE_LIMIT);
        for a in &q.answers {
            add(
                f,
                &q.id,
                format!("answers.{}.label", a.id),
                &a.label,
                CORE_LIMIT,
            );
            if let Some(h) = &a.hint {
                add(f, &q.id, format!("answers.{}.hint", a.id), h, CORE_LIMIT);
            }
            add(
                f,
                &q.id,
                format!("answers.{}.because", a.id),
                &a.because,
                CORE_LIMIT,
            );
        }
    }
    for (k, v) in &c.facts {
        add("facts.json", k, "phrase".into(), v, CORE_LIMIT);
    }
    for (id, r) in &c.rules {
        let f = "rules.json";
        if let Some(s) = &r.not_reason {
            add(f, id, "not_reason".into(), s, CORE_LIMIT);
        }
        if let Some(s) = &r.note {
            add(f, id, "note".into(), s, CORE_LIMIT);
        }
        for (o, s) in &r.option_notes {
            add(f, id, format!("option_notes.{o}"), s, CORE_LIMIT);
        }
        if let Some(s) = &r.lowered {
            add(f, id, "lowered".into(), s, CORE_LIMIT);
        }
    }
    for (id, n) in &c.notes {
        add("notes.json", id, "text".into(), &n.text, CORE_LIMIT);
    }
    for (id, l) in &c.red_flags.levels {
        add("red_flags.json", id, "short".into(), &l.short, CORE_LIMIT);
        add("red_flags.json", id, "action".into(), &l.action, CORE_LIMIT);
    }
    for (id, r) in &c.red_flags.flags {
        add("red_flags.json", id, "label".into(), &r.label, CORE_LIMIT);
        add("red_flags.json", id, "why".into(), &r.why, CORE_LIMIT);
        if let Some(e) = &r.escalate {
            add("red_flags.json", id, "escalate".into(), e, CORE_LIMIT);
        }
    }
    for (id, g) in &c.glossary {
        add("glossary.json", id, "term".into(), &g.term, NOT_GRADED);
        add(
            "glossary.json",
            id,
            "definition".into(),
            &g.definition,
            DETAIL_LIMIT,
        );
    }
    for (id, p) in &c.pages {
        add("pages.json", id, "title".into(), &p.title, NOT_GRADED);
        for (i, s) in p.sections.iter().enumerate() {
            add(
                "pages.json",
                id,
                format!("sections[{i}].heading"),
                &s.heading,
                DETAIL_LIMIT,
            );
            for (j, para) in s.paragraphs.iter().enumerate() {
                add(
                    "pages.json",
                    id,
                    format!("sections[{i}].paragraphs[{j}]"),
                    para,
                    DETAIL_LIMIT,
                );
            }
        }
    }
    for (k, v) in &c.ui {
        add("ui.json", k, "text".into(), v, CORE_LIMIT);
    }
    add(
        "meta.json",
        "title",
        "title".into(),
        &c.meta.title,
        CORE_LIMIT,
    );
    out
}

use crate::Lang;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables_of_known_words() {
        let known = [
            ("the", 1),
            ("lung", 1),
            ("make", 1),
            ("some", 1),
            ("you", 1),
            ("eye", 1),
            ("free", 1),
            ("jumped", 1),
            ("times", 1),
            ("lives", 1),
            ("cancer", 2),
            ("doctor", 2),
            ("treatment", 2),
            ("table", 2),
            ("people", 2),
            ("wanted", 2),
            ("boxes", 2),
            ("changes", 2),
            ("because", 2),
            ("breathing", 2),
            ("studies", 2),
            ("quality", 3),
            ("surgery", 3),
            ("medicine", 3),
            ("hospital", 3),
            ("calcium", 3),
            ("sodium", 3),
            ("radio", 3),
            ("radiation", 4),
            ("pneumonia", 4),
            ("usually", 4),
            ("chemotherapy", 5),
            ("immunotherapy", 6),
            ("osimertinib", 5),
            ("5", 1),
            ("38", 2),
            ("2026", 3),
        ];
        let wrong: Vec<String> = known
            .iter()
            .filter(|(w, n)| syllables(w) != *n)
            .map(|(w, n)| format!("{w}: expected {n}, got {}", syllables(w)))
            .collect();
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn counts_words_and_sentences() {
        let s = score("Your doctor may talk with you. It is a pill, e.g. osimertinib. Ask!");
        assert_eq!(s.words, 13);
        assert_eq!(s.sentences, 3);
        let list_item = score("tiredness and feeling sick");
        assert_eq!(list_item.sentences, 1);
        assert_eq!(score("first-line treatment").words, 2);
        assert_eq!(score("").grade, 0.0);
        assert_eq!(score("38 °C / 100.4 °F").words, 4);
    }

    #[test]
    fn grades_of_known_sentences() {
        // "The cat sat on the mat.": 6 words, 6 syllables, 1 sentence → 0.39×6 + 11.8 − 15.59 = −1.45.
        let g = grade("The cat sat on the mat.");
        assert!((g - -1.45).abs() < 0.01, "{g}");
        // 12 words, 20 syllables, 1 sentence: 0.39 × 12 + 11.8 × 20/12 − 15.59 = 8.76.
        let s =
            score("Immunotherapy can cause inflammation of the lungs, which your team will check.");
        assert_eq!((s.words, s.syllables, s.sentences), (12, 20, 1));
        assert!((s.grade - 8.757).abs() < 0.01, "{}", s.grade);
        let hard = "Stereotactic body radiotherapy delivers concentrated radiation to precisely \
                    delineated metastases, minimising exposure of surrounding tissue.";
        assert!(grade(hard) > 16.0, "{}", grade(hard));
        let easy = "You take a pill each day at home. Most people can keep working.";
        assert!(grade(easy) < 4.0, "{}", grade(easy));
    }

    #[test]
    fn short_texts_are_exempt() {
        let t = PatientText {
            file: "x".into(),
            id: "x".into(),
            field: "name".into(),
            text: "Trastuzumab deruxtecan (Enhertu)".into(),
            limit: CORE_LIMIT,
        };
        assert!(!t.checked());
        assert!(!t.too_hard());
        let name = PatientText {
            text: "Immunotherapy alone: pembrolizumab (Keytruda), atezolizumab (Tecentriq), cemiplimab or nivolumab".into(),
            limit: NOT_GRADED,
            ..t.clone()
        };
        assert!(!name.checked());
        let long = PatientText {
            text: "Immunotherapy alone: pembrolizumab (Keytruda), atezolizumab (Tecentriq), cemiplimab or nivolumab".into(),
            ..t
        };
        assert!(long.too_hard());
    }
}

/// Spanish: the Szigriszt-Pazos perspicuity formula as the INFLESZ scale reads it (Barrio-Cantalejo
/// et al., Anales del Sistema Sanitario de Navarra 2008), for health texts for patients:
///
/// INFLESZ = 206.835 − 62.3 × (syllables / words) − (words / sentences).
///
/// Below 40 very hard, 40–55 somewhat hard, 55–65 "normal", 65–80 fairly easy, 80 and over very
/// easy. Words and sentences are split as for English; syllables by [`syllables_es`].
pub mod es {
    use super::{counts, patient_texts, PatientText, MIN_WORDS};
    use crate::Content;

    /// Every graded Spanish text scores at least this ("normal").
    pub const MIN_INFLESZ: f64 = 55.0;
    /// And the median of the graded texts at least this.
    pub const MIN_MEDIAN: f64 = 65.0;

    /// The INFLESZ score of a text (100 for a text without words).
    pub fn inflesz(text: &str) -> f64 {
        let (words, sentences, syl) = counts(text, syllables_es);
        if words == 0 {
            return 100.0;
        }
        206.835 - 62.3 * (syl as f64 / words as f64) - words as f64 / sentences.max(1) as f64
    }

    /// The Spanish syllables of one word: one per vowel nucleus. Vowels next to each other are one
    /// syllable (a diphthong) when one is a weak vowel (`i`, `u`, `ü`, or `y` after a vowel at the
    /// end: "hoy") without an accent and the other a strong vowel (`a`, `e`, `o`, accented or
    /// not), or both are different weak vowels ("ciudad"); two strong vowels ("le-er") or an
    /// accented weak vowel ("dí-a", "ba-úl") are two. Numbers: one per digit, at most 3.
    pub fn syllables_es(word: &str) -> usize {
        let digits = word.chars().filter(|c| c.is_ascii_digit()).count();
        let w: Vec<char> = word
            .chars()
            .filter(|c| c.is_alphabetic())
            .flat_map(char::to_lowercase)
            .collect();
        if w.is_empty() {
            return digits.clamp(1, 3);
        }
        // 0: not a vowel, 1: weak (i u ü, final y after a vowel), 2: strong or accented.
        let kind = |i: usize| -> u8 {
            match w[i] {
                'i' | 'u' | 'ü' => 1,
                'y' if i + 1 == w.len() && i > 0 && kind_plain(w[i - 1]) > 0 => 1,
                'a' | 'e' | 'o' | 'á' | 'é' | 'ó' | 'í' | 'ú' => 2,
                _ => 0,
            }
        };
        let mut count = 0usize;
        let mut prev: u8 = 0;
        let mut prev_char = ' ';
        for (i, &c) in w.iter().enumerate() {
            let k = kind(i);
            let joins = match (prev, k) {
                (0, _) | (_, 0) => false,
                // weak + weak: one syllable unless the same vowel twice ("chiita").
                (1, 1) => prev_char != c,
                // weak + strong or strong + weak: a diphthong unless the weak vowel is accented
                // (accented í/ú count as strong, so they never reach here as weak).
                (1, 2) | (2, 1) => true,
                _ => false,
            };
            if k > 0 && !joins {
                count += 1;
            }
            prev = k;
            prev_char = c;
        }
        count.max(1)
    }

    fn kind_plain(c: char) -> u8 {
        match c {
            'i' | 'u' | 'ü' => 1,
            'a' | 'e' | 'o' | 'á' | 'é' | 'ó' | 'í' | 'ú' => 2,
            _ => 0,
        }
    }

    /// Whether a Spanish text is graded: it has a limit (not a name or title) and at least
    /// [`MIN_WORDS`] words.
    pub fn checked(t: &PatientText) -> bool {
        t.limit.is_finite() && counts(&t.text, syllables_es).0 >= MIN_WORDS
    }

    /// Every graded Spanish text with its score.
    pub fn graded(c: &Content) -> Vec<(PatientText, f64)> {
        patient_texts(c)
            .into_iter()
            .filter(checked)
            .map(|t| {
                let s = inflesz(&t.text);
                (t, s)
            })
            .collect()
    }

    /// The median of the scores (0 for none).
    pub fn median(scores: &[f64]) -> f64 {
        let mut v = scores.to_vec();
        v.sort_by(f64::total_cmp);
        match v.len() {
            0 => 0.0,
            n if n % 2 == 1 => v[n / 2],
            n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
        }
    }
}
