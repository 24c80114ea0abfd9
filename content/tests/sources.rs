//! Sources a patient and an oncologist can use (issue 11): every source a patient sees has a
//! title, a publisher or journal, a year and an `https` link; none comes from a mirror, an
//! aggregator, a podcast directory, a press-release wire or a finance site; and no patient-facing
//! text carries the guide's internal codes (rule IDs, option codes) or reading notes. How a source
//! was read goes to `review_note`, which only review mode and the export show.
//!
//! Run: `cargo test -p guide-content --test sources`.

use std::sync::OnceLock;

use guide_content::readability::patient_texts;
use guide_content::{Content, Lang, Source, SOURCE_KINDS};
use guide_engine::OptionId;

fn content() -> &'static Content {
    static C: OnceLock<Content> = OnceLock::new();
    C.get_or_init(|| Content::parse(Lang::En).unwrap_or_else(|e| panic!("{e}")))
}

/// Fails once with every problem found.
fn finish(what: &str, problems: Vec<String>) {
    assert!(
        problems.is_empty(),
        "{what}: {} problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

// ---------- the host list ----------

/// Hosts that copy, collect or resell what others published: mirrors of papers and leaflets,
/// aggregators and AI news digests, podcast directories, press-release wires, finance and
/// stock news, video re-posts, test or staging copies of other sites, and data APIs that are not
/// a page to read. A host matches itself and its subdomains. Add to it; do not remove without a
/// reason in the commit.
const WEAK_HOSTS: &[&str] = &[
    // Mirrors and copies of papers, leaflets and guides.
    "statsignaling.com",
    "scribd.com",
    "docplayer.net",
    "docslib.org",
    "studylib.net",
    "cupdf.com",
    "saludcastillayleon.es",
    "navigatingcare.com",
    "medifind.com",
    "medindex.co.uk",
    "paperexplained.cn",
    "github.com",
    "githubusercontent.com",
    "supabase.co",
    // Aggregators, monographs and AI digests.
    "particle.news",
    "reportify.ai",
    "riffon.com",
    "maestrodatabase.com",
    "medpath.com",
    "formweb.com",
    "prognia.nl",
    "journaljams.org",
    // Podcast directories.
    "getpodcast.com",
    // Press-release wires and reprints.
    "einpresswire.com",
    "einnews.com",
    "prnewswire.com",
    "businesswire.com",
    "globenewswire.com",
    "medicalindustrytoday.com",
    "biospace.com",
    // Finance and stock news.
    "nasdaq.com",
    "6ix.com",
    "businessinsider.com",
    "financetom.com",
    "stocktitan.net",
    "earningsfeed.com",
    "cafepharma.com",
    "hcn.health",
    // Video re-posts, drug-reference apps and trade news that repeat an announcement.
    "oncologytube.com",
    "vjoncology.com",
    "epocrates.com",
    "targetedonc.com",
    "mdalert.com",
    "pharmalive.com",
    "thealabamareport.com",
    // Test, staging and development copies of other sites.
    "fastly.net",
    "vercel.app",
    "mimsdev.com",
    // Data APIs: JSON, not a page a person can read.
    "api.fda.gov",
];

/// Sources kept on a listed host because no primary source was found. Each must say plainly what
/// it is (`kind`) and why it was kept (`review_note`); the test fails when the entry no longer
/// uses the host, so the exception does not outlive the problem.
const KEPT_NOT_PRIMARY: &[(&str, &str)] = &[
    // Priority review of first-line sevabertinib: no Bayer or FDA text found.
    ("S28b", "targetedonc.com"),
    // Tarlatamab in small cell cancer transformed from EGFR-mutant NSCLC: only a podcast summary.
    ("S55", "riffon.com"),
];

/// The kinds that say a source is not the primary publisher.
const NOT_PRIMARY_KINDS: &[&str] = &["news report", "podcast summary", "press release"];

/// The host of an `https://` link, lower case, without a port (None if not https).
fn host(url: &str) -> Option<String> {
    let rest = url.strip_prefix("https://")?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..end];
    let h = authority.rsplit('@').next().unwrap_or(authority);
    let h = h.split(':').next().unwrap_or(h).to_ascii_lowercase();
    (!h.is_empty() && h.contains('.')).then_some(h)
}

/// The listed host the URL is on, if any.
fn weak_host(url: &str) -> Option<&'static str> {
    let h = host(url)?;
    WEAK_HOSTS
        .iter()
        .copied()
        .find(|w| h == *w || h.ends_with(&format!(".{w}")))
}

// ---------- complete patient-facing sources ----------

/// The year of `meta.content_date` (YYYY-MM-DD): no source can be newer than the content.
fn content_year(c: &Content) -> u32 {
    c.meta
        .content_date
        .get(..4)
        .and_then(|y| y.parse().ok())
        .expect("meta.json content_date starts with a year")
}

/// What is missing or wrong in a source a patient sees.
fn source_problems(id: &str, s: &Source, max_year: u32) -> Vec<String> {
    let mut out = Vec::new();
    let at = format!("sources.json | {id}");
    match s.kind.as_deref() {
        None => out.push(format!("{at} | kind is missing (one of {SOURCE_KINDS:?})")),
        Some(k) if !SOURCE_KINDS.contains(&k) => out.push(format!(
            "{at} | kind \"{k}\" is not one of {SOURCE_KINDS:?}"
        )),
        _ => {}
    }
    if !s.patient_facing() {
        return out;
    }
    for (field, v) in [
        ("title", &s.title),
        ("publisher", &s.publisher),
        ("date", &s.date),
    ] {
        if v.trim().is_empty() {
            out.push(format!("{at} | {field} is empty"));
        }
    }
    match s.year {
        None => out.push(format!("{at} | year is missing")),
        Some(y) if !(1950..=max_year).contains(&y) => out.push(format!(
            "{at} | year {y} is not between 1950 and {max_year}"
        )),
        Some(y) if !s.date.contains(&y.to_string()) => out.push(format!(
            "{at} | date \"{}\" does not show the year {y}",
            s.date
        )),
        _ => {}
    }
    if host(&s.url).is_none() {
        out.push(format!("{at} | url is not an https link: {}", s.url));
    }
    if s.publisher.starts_with("Several") || s.date == "see the parts" {
        out.push(format!("{at} | reads like a group; give it kind \"group\""));
    }
    out
}

#[test]
fn every_patient_facing_source_has_title_publisher_year_and_https_link() {
    let c = content();
    let max = content_year(c);
    let mut problems = Vec::new();
    for (id, s) in &c.sources {
        problems.extend(source_problems(id, s, max));
        if !s.patient_facing() {
            // A group stands for its parts (`S6` for `S6a`…): it must have some.
            let has_parts = c.sources.keys().any(|k| {
                k.strip_prefix(id.as_str()).is_some_and(|rest| {
                    !rest.is_empty() && rest.chars().all(|ch| ch.is_ascii_lowercase())
                })
            });
            if !has_parts {
                problems.push(format!("sources.json | {id} | group without parts"));
            }
        }
    }
    finish("patient-facing sources", problems);
}

fn sample_source() -> Source {
    Source {
        title: "Resistance mechanisms to osimertinib".into(),
        publisher: "British Journal of Cancer".into(),
        date: "30 Sep 2019".into(),
        year: Some(2019),
        url: "https://pmc.ncbi.nlm.nih.gov/articles/PMC6889286".into(),
        kind: Some("journal article".into()),
        review_note: Some("Only the abstract was read.".into()),
    }
}

#[test]
fn source_checks_can_fail() {
    assert!(source_problems("S0", &sample_source(), 2026).is_empty());
    let bad = |f: fn(&mut Source)| {
        let mut s = sample_source();
        f(&mut s);
        source_problems("S0", &s, 2026)
    };
    assert_eq!(bad(|s| s.year = None).len(), 1);
    assert_eq!(bad(|s| s.year = Some(2031)).len(), 1);
    assert_eq!(
        bad(|s| s.year = Some(2018)).len(),
        1,
        "date must show the year"
    );
    assert_eq!(bad(|s| s.url = "http://example.org/a".into()).len(), 1);
    assert_eq!(bad(|s| s.url = "https://localhost/a".into()).len(), 1);
    assert_eq!(bad(|s| s.publisher = " ".into()).len(), 1);
    assert_eq!(bad(|s| s.title = String::new()).len(), 1);
    assert_eq!(bad(|s| s.kind = None).len(), 1);
    assert_eq!(bad(|s| s.kind = Some("blog".into())).len(), 1);
    // A group is not checked as a patient source, but its kind must be known.
    let group = |s: &mut Source| {
        s.kind = Some("group".into());
        s.year = None;
        s.url = "see the parts".into();
    };
    assert!(bad(group).is_empty());
    // An old-style group entry without kind "group" is caught.
    assert!(!bad(|s| s.publisher = "Several (see the parts)".into()).is_empty());
}

// ---------- no mirrors, aggregators or wires ----------

#[test]
fn no_patient_facing_source_is_on_a_mirror_aggregator_or_wire() {
    let c = content();
    let mut problems = Vec::new();
    for (id, s) in &c.sources {
        if !s.patient_facing() {
            continue;
        }
        let kept = KEPT_NOT_PRIMARY.iter().find(|(k, _)| k == id);
        match (weak_host(&s.url), kept) {
            (Some(h), None) => problems.push(format!(
                "sources.json | {id} | {h} is a mirror, aggregator, wire or finance site: link the \
                 primary publisher (journal, regulator, guideline body, charity or cancer centre): {}",
                s.url
            )),
            (Some(h), Some((_, listed))) => {
                if h != *listed {
                    problems.push(format!("sources.json | {id} | on {h}, but kept for {listed}"));
                }
                let kind = s.kind.as_deref().unwrap_or("");
                if !NOT_PRIMARY_KINDS.contains(&kind) {
                    problems.push(format!(
                        "sources.json | {id} | kept on {h}: kind must say it is not primary \
                         (one of {NOT_PRIMARY_KINDS:?}), not \"{kind}\""
                    ));
                }
                if s.review_note.as_deref().is_none_or(|n| n.trim().is_empty()) {
                    problems.push(format!(
                        "sources.json | {id} | kept on {h}: the review note must say why"
                    ));
                }
            }
            (None, Some((_, listed))) => problems.push(format!(
                "{id} is no longer on {listed}: remove it from KEPT_NOT_PRIMARY"
            )),
            (None, None) => {}
        }
    }
    for (id, _) in KEPT_NOT_PRIMARY {
        if !c.sources.contains_key(*id) {
            problems.push(format!(
                "KEPT_NOT_PRIMARY names {id}, which is not in sources.json"
            ));
        }
    }
    finish("weak hosts", problems);
}

#[test]
fn host_matching_works() {
    assert_eq!(
        host("https://www.FDA.gov/drugs/x"),
        Some("www.fda.gov".into())
    );
    assert_eq!(host("https://a.b:443?x"), Some("a.b".into()));
    assert_eq!(host("http://www.fda.gov/"), None);
    assert_eq!(
        weak_host("https://statsignaling.com/azd9291"),
        Some("statsignaling.com")
    );
    assert_eq!(
        weak_host("https://fyxutfnqkutdvzjlapbw.supabase.co/storage/v1/x.md"),
        Some("supabase.co")
    );
    assert_eq!(
        weak_host("https://hmpglrntwk-fstlytest.global.ssl.fastly.net/site/onc/x"),
        Some("fastly.net")
    );
    assert_eq!(
        weak_host("https://www.nasdaq.com/articles/x"),
        Some("nasdaq.com")
    );
    assert_eq!(
        weak_host("https://api.fda.gov/drug/label.json?search=x"),
        Some("api.fda.gov")
    );
    // Not fooled by a name that merely ends the same way, nor by the primary publishers.
    assert_eq!(weak_host("https://notscribd.com/x"), None);
    assert_eq!(weak_host("https://www.fda.gov/drugs/x"), None);
    assert_eq!(
        weak_host("https://pmc.ncbi.nlm.nih.gov/articles/PMC1"),
        None
    );
    assert_eq!(
        weak_host("https://www.accessdata.fda.gov/drugsatfda_docs/x.pdf"),
        None
    );
}

// ---------- no internal codes or reading notes in patient text ----------

/// UI strings that only review mode shows (issue 11 item 3): the rules and option code of a card.
const REVIEW_ONLY_UI_KEYS: &[&str] = &["card.rules"];

/// Phrases of the reading notes written while the reference was made (now `review_note`).
const READING_NOTE_PHRASES: &[&str] = &[
    "read in full",
    "only the title",
    "only the opening",
    "only its existence",
    "at commit",
    "option code",
    "guide rules:",
    "no link was recorded",
    "recommendations 1.",
    "were also seen in search results",
];

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Rule IDs (`R-90`, `R-111b`), option codes (`EGFR_AMI_CHEMO`) and reading-note phrases in a
/// patient text.
fn internal_codes(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    for i in 0..chars.len().saturating_sub(2) {
        let before_ok = i == 0 || !is_word_char(chars[i - 1]);
        if before_ok && chars[i] == 'R' && chars[i + 1] == '-' && chars[i + 2].is_ascii_digit() {
            let id: String = chars[i..]
                .iter()
                .take_while(|c| is_word_char(**c) || **c == '-')
                .collect();
            found.push(format!("rule ID {id}"));
        }
    }
    for o in OptionId::ALL {
        let code = o.id();
        let mut start = 0;
        while let Some(pos) = text[start..].find(code) {
            let at = start + pos;
            let before = text[..at].chars().next_back();
            let after = text[at + code.len()..].chars().next();
            if !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char) {
                found.push(format!("option code {code}"));
            }
            start = at + code.len();
        }
    }
    let lower = text.to_lowercase();
    for p in READING_NOTE_PHRASES {
        if lower.contains(p) {
            found.push(format!("reading note \"{p}\""));
        }
    }
    found
}

#[test]
fn no_patient_text_has_rule_ids_option_codes_or_reading_notes() {
    let c = content();
    let mut problems = Vec::new();
    for t in patient_texts(c) {
        if t.file == "ui.json" && REVIEW_ONLY_UI_KEYS.contains(&t.id.as_str()) {
            continue;
        }
        for what in internal_codes(&t.text) {
            problems.push(format!(
                "{} | {} | {} | {what}: {}",
                t.file, t.id, t.field, t.text
            ));
        }
    }
    for (id, s) in c.sources.iter().filter(|(_, s)| s.patient_facing()) {
        let kind = s.kind.clone().unwrap_or_default();
        for (field, v) in [
            ("title", &s.title),
            ("publisher", &s.publisher),
            ("date", &s.date),
            ("kind", &kind),
        ] {
            for what in internal_codes(v) {
                problems.push(format!("sources.json | {id} | {field} | {what}: {v}"));
            }
        }
    }
    finish("internal codes in patient text", problems);
}

#[test]
fn internal_code_checks_can_fail() {
    let hits = |t: &str| internal_codes(t).len();
    assert_eq!(
        hits("Guide rules: R-70, R-92, R-97. Option code: EGFR_AMI_CHEMO."),
        6
    );
    assert_eq!(hits("See R-111b."), 1);
    assert_eq!(hits("Only the title and authors were read."), 1);
    assert_eq!(
        hits(
            "Read in full as a data file at commit 7815662b (about.json last updated 2026-05-07)."
        ),
        2
    );
    assert_eq!(hits("Recommendations 1.2 to 1.4 were read."), 1);
    // Plain words are not codes.
    assert_eq!(
        hits("Your doctor may talk about trials, HER2-positive cancer or a PR-1 test."),
        0
    );
    assert_eq!(
        hits("Clinical trials (research studies of new treatments)"),
        0
    );
    assert_eq!(hits("XEGFR_AMI_CHEMO and EGFR_AMI_CHEMO_2"), 0);
    assert_eq!(hits("BR-1 and R-x"), 0);
}

/// The reading notes moved to `review_note` really were reading notes: the checks above would
/// have caught them in a patient field.
#[test]
fn review_notes_hold_what_the_patient_check_refuses() {
    let c = content();
    let caught = c
        .sources
        .values()
        .filter_map(|s| s.review_note.as_deref())
        .filter(|n| !internal_codes(n).is_empty())
        .count();
    assert!(
        caught >= 3,
        "expected the old reading notes (\"Only the title…\", \"Read in full…\") in review_note, found {caught}"
    );
}
