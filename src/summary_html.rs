//! The static parts of the visit summary and the comparison table as HTML text, built from
//! [`crate::summary_model`]. Pure Rust, tested natively (`tests/summary_html.rs`).
//!
//! Why text and not `view!`: these parts have no events and can be long; one small string
//! builder is far less WebAssembly than a typed view per element (the size budget). Every text is
//! escaped ([`esc`]), including what the person typed.

use guide_content::Content;
use guide_engine::{Evaluation, Q};

use crate::results_model::fill;
use crate::summary_model::{
    compare_cell, row_is_list, short_question, SummaryModel, SummaryOption, COMPARE_ROWS,
};

/// Escapes text for HTML element content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}

/// A small HTML writer: `open`/`close` tags with escaped attributes, escaped text.
#[derive(Default)]
struct Html(String);

impl Html {
    fn open(&mut self, tag: &str, attrs: &[(&str, &str)]) -> &mut Self {
        self.0.push('<');
        self.0.push_str(tag);
        for (k, v) in attrs {
            self.0.push(' ');
            self.0.push_str(k);
            self.0.push_str("=\"");
            self.0.push_str(&esc(v));
            self.0.push('"');
        }
        self.0.push('>');
        self
    }
    fn close(&mut self, tag: &str) -> &mut Self {
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
        self
    }
    fn text(&mut self, t: &str) -> &mut Self {
        self.0.push_str(&esc(t));
        self
    }
    /// `<tag attrs>text</tag>`
    fn el(&mut self, tag: &str, attrs: &[(&str, &str)], t: &str) -> &mut Self {
        self.open(tag, attrs).text(t).close(tag)
    }
    fn list(&mut self, attrs: &[(&str, &str)], items: &[String]) -> &mut Self {
        self.open("ul", attrs);
        for i in items {
            self.el("li", &[], i);
        }
        self.close("ul")
    }
    /// A section with an `h2` that labels it.
    fn section(&mut self, class: &str, id: &str, title: &str) -> &mut Self {
        self.open(
            "section",
            &[
                ("class", &format!("summary-section {class}")),
                ("aria-labelledby", id),
            ],
        )
        .el("h2", &[("id", id)], title)
    }
}

/// Urgent help for the symptoms ticked, most urgent level first (empty when there are none).
pub fn urgent_html(c: &Content, m: &SummaryModel) -> String {
    let mut h = Html::default();
    if m.urgent.is_empty() {
        return h.0;
    }
    h.open(
        "section",
        &[
            ("class", "urgent-banner summary-urgent"),
            ("aria-labelledby", "summary-urgent-title"),
        ],
    );
    h.el(
        "h2",
        &[("class", "urgent-title"), ("id", "summary-urgent-title")],
        c.ui("urgent.title"),
    );
    for g in &m.urgent {
        h.open(
            "div",
            &[("class", "urgent-level"), ("data-level", g.level.id())],
        );
        h.el("p", &[("class", "urgent-text")], &g.action);
        h.el(
            "p",
            &[("class", "urgent-symptoms-label")],
            c.ui("urgent.your_symptoms"),
        );
        let items: Vec<String> = g
            .items
            .iter()
            .map(|i| match &i.escalate {
                Some(e) => format!("{} {e}", i.label),
                None => i.label.clone(),
            })
            .collect();
        h.list(&[("class", "urgent-symptoms")], &items);
        h.close("div");
    }
    h.close("section");
    h.0
}

/// The page a person hands over: the answers, what matters to them (if they said), the options
/// by group with one line on why each was shown, and the safety notes (if any).
pub fn brief_html(c: &Content, m: &SummaryModel) -> String {
    let mut h = Html::default();
    h.section(
        "summary-answers",
        "summary-answers-title",
        c.ui("summary.answers"),
    );
    h.open("dl", &[("class", "summary-list")]);
    for row in &m.answers {
        h.open(
            "div",
            &[("class", "summary-row"), ("data-step", &row.question_id)],
        );
        h.el("dt", &[], &row.question);
        if row.lines.is_empty() {
            h.open("dd", &[]).el(
                "span",
                &[("class", "not-answered")],
                c.ui("review.not_answered"),
            );
            h.close("dd");
        } else {
            h.el("dd", &[], &row.lines.join("; "));
        }
        h.close("div");
    }
    h.close("dl").close("section");

    // What matters to the person: only what they said (the goal is not in the answers above).
    if m.goal.is_some() || !m.values.is_empty() || !m.other_values.is_empty() {
        h.section(
            "summary-values",
            "summary-values-title",
            c.ui("summary.values"),
        );
        h.open("dl", &[("class", "summary-list")]);
        let row = |h: &mut Html, id: &str, q: &str, a: &str, own: bool| {
            h.open("div", &[("class", "summary-row"), ("data-values", id)]);
            h.el("dt", &[], short_question(q));
            let attrs: &[(&str, &str)] = if own {
                &[("class", "summary-own-words")]
            } else {
                &[]
            };
            h.el("dd", attrs, a);
            h.close("div");
        };
        if let Some(g) = &m.goal {
            let q = c
                .question(Q::Goals.id())
                .map(|q| q.text.as_str())
                .unwrap_or(Q::Goals.id());
            row(&mut h, Q::Goals.id(), q, g, false);
        }
        for v in &m.values {
            row(&mut h, &v.id, &v.question, &v.answer, false);
        }
        if !m.other_values.is_empty() {
            row(&mut h, "other", c.ui("values.other"), &m.other_values, true);
        }
        h.close("dl").close("section");
    }

    h.section(
        "summary-brief",
        "summary-options-title",
        c.ui("results.title"),
    );
    for (title, list) in [("results.likely", &m.likely), ("results.may", &m.may)] {
        if list.is_empty() {
            continue;
        }
        h.el("h3", &[], c.ui(title));
        h.open("ul", &[("class", "summary-brief-list")]);
        // Options with the same reason share one line: "A; B: Shown because …".
        let mut done = vec![false; list.len()];
        for i in 0..list.len() {
            if done[i] {
                continue;
            }
            let why = list[i].reasons.first();
            h.open("li", &[]);
            for (j, o) in list.iter().enumerate().skip(i) {
                if done[j] || o.reasons.first() != why {
                    continue;
                }
                if j > i {
                    h.text("; ");
                }
                done[j] = true;
                h.el(
                    "strong",
                    &[
                        ("class", "summary-brief-name"),
                        ("data-option", &o.id),
                        ("data-level", o.level.id()),
                    ],
                    &o.name,
                );
            }
            if let Some(why) = why {
                h.text(": ").text(why);
            }
            h.close("li");
        }
        h.close("ul");
    }
    h.close("section");

    if !m.safety_notes.is_empty() {
        h.section(
            "summary-safety",
            "summary-notes-title",
            c.ui("results.notes"),
        );
        h.list(&[], &m.safety_notes);
        h.close("section");
    }
    h.0
}

/// The guide's questions in the default printout: the first [`crate::summary_model::TOP_QUESTIONS`].
pub fn questions_html(m: &SummaryModel) -> String {
    let mut h = Html::default();
    h.list(&[("class", "summary-top-questions")], &m.questions);
    h.0
}

fn option_html(h: &mut Html, c: &Content, o: &SummaryOption) {
    h.open(
        "li",
        &[
            ("class", "summary-option"),
            ("data-option", &o.id),
            ("data-level", o.level.id()),
        ],
    );
    h.el("h4", &[("class", "summary-option-name")], &o.name);
    if !o.summary.is_empty() {
        h.el("p", &[], &o.summary);
    }
    h.el("h5", &[], c.ui("card.why"));
    h.list(&[("class", "summary-why")], &o.reasons);
    for f in &o.facts {
        let heading = c.ui(f.field.ui_key());
        h.open(
            "div",
            &[("class", "summary-fact"), ("data-field", f.field.ui_key())],
        );
        h.el("h5", &[], heading);
        if f.texts.len() == 1 && f.field.ui_key() == "card.like" {
            h.el("p", &[], &f.texts[0]);
        } else {
            h.list(&[], &f.texts);
        }
        h.close("div");
    }
    h.close("li");
}

/// The full details, printed only when the person asks: the decision, every shown option's
/// card, the options usually not used and why, the other questions, the sources and the words
/// used. Every heading is an `h3` under one `h2`.
pub fn details_html(c: &Content, m: &SummaryModel) -> String {
    let mut h = Html::default();
    h.section(
        "summary-details",
        "summary-details-title",
        c.ui("summary.details"),
    );
    h.el("h3", &[], c.ui("summary.decision"));
    h.el("p", &[], c.ui("results.decision"));
    h.list(
        &[],
        &[
            c.ui("results.decision_local").to_owned(),
            c.ui("results.decision_systemic").to_owned(),
            c.ui("results.decision_trial").to_owned(),
            c.ui("results.decision_comfort").to_owned(),
        ],
    );
    h.el("p", &[], c.ui("results.intro"));
    if !m.values.is_empty() {
        h.el("p", &[], c.ui("summary.emphasis"));
    }
    for (title, help, list) in [
        ("results.likely", "results.likely_help", &m.likely),
        ("results.may", "results.may_help", &m.may),
    ] {
        if list.is_empty() {
            continue;
        }
        h.open("div", &[("class", "summary-group")]);
        h.el("h3", &[], c.ui(title));
        h.el("p", &[("class", "level-help")], c.ui(help));
        h.open("ul", &[("class", "summary-options"), ("role", "list")]);
        for o in list.iter() {
            option_html(&mut h, c, o);
        }
        h.close("ul").close("div");
    }

    if !m.not_shown.is_empty() {
        h.open("div", &[("class", "summary-not")]);
        h.el("h3", &[], c.ui("results.not"));
        h.el("p", &[], c.ui("results.not_help"));
        h.open("ul", &[]);
        for o in &m.not_shown {
            h.open("li", &[("data-option", &o.id), ("data-level", "NOT")]);
            h.el("strong", &[], &o.name)
                .text(": ")
                .text(&o.reasons.join(" "));
            h.close("li");
        }
        h.close("ul").close("div");
    }

    if !m.more_questions.is_empty() {
        h.open("div", &[("class", "summary-more-questions")]);
        h.el("h3", &[], c.ui("summary.more_questions"));
        for g in &m.more_questions {
            let heading = match &g.option {
                None => c.ui("results.questions_answers").to_owned(),
                Some(id) => {
                    let name = c.option(id).map(|k| k.name.as_str()).unwrap_or(id);
                    fill(c.ui("results.questions_option"), &[("name", name)])
                }
            };
            h.el("h4", &[], &heading);
            h.list(&[], &g.questions);
        }
        h.close("div");
    }

    h.el("h3", &[], c.ui("page.sources"));
    h.open("ul", &[("class", "source-list")]);
    for s in &m.sources {
        let text = if s.text.is_empty() {
            c.ui("card.source_missing")
        } else {
            s.text.as_str()
        };
        h.open("li", &[("data-source", &s.id)]);
        h.el("span", &[("class", "source-id")], &s.id)
            .text(" ")
            .text(text);
        h.close("li");
    }
    h.close("ul");

    if !m.glossary.is_empty() {
        h.el("h3", &[], c.ui("summary.glossary"));
        h.open("dl", &[("class", "summary-glossary")]);
        for (term, meaning) in &m.glossary {
            h.el("dt", &[], term).el("dd", &[], meaning);
        }
        h.close("dl");
    }
    h.close("section");
    h.0
}

/// The content date, the engine version and "not medical advice; approvals differ".
pub fn footer_html(c: &Content, m: &SummaryModel) -> String {
    let mut h = Html::default();
    h.open("footer", &[("class", "summary-footer")]);
    h.el(
        "p",
        &[("class", "summary-content-date")],
        // One honest statement about review, with the content date (issue 11).
        &fill(c.ui("review.statement"), &[("date", &m.content_date)]),
    );
    h.el(
        "p",
        &[("class", "summary-engine-version")],
        &fill(
            c.ui("results.engine_version"),
            &[("version", m.engine_version)],
        ),
    );
    h.open("p", &[("class", "summary-footer-advice")])
        .el("strong", &[], c.ui("summary.not_advice"))
        .text(" ")
        .text(c.ui("summary.approvals"))
        .close("p");
    h.close("footer");
    h.0
}

/// The comparison table for 2 or 3 picked options (IDs in the results' order), in its labelled,
/// focusable scroll region. Empty for fewer than 2.
pub fn compare_html(c: &Content, eval: &Evaluation, ids: &[String]) -> String {
    if ids.len() < 2 {
        return String::new();
    }
    let mut h = Html::default();
    h.open(
        "div",
        &[
            ("class", "compare-scroll"),
            ("role", "region"),
            ("tabindex", "0"),
            ("aria-labelledby", "compare-caption"),
        ],
    );
    h.open("table", &[("class", "compare-table")]);
    h.el(
        "caption",
        &[("id", "compare-caption")],
        c.ui("compare.caption"),
    );
    h.open("thead", &[]).open("tr", &[]);
    h.el(
        "th",
        &[("scope", "col"), ("class", "compare-corner")],
        c.ui("compare.row.option"),
    );
    for id in ids {
        let name = c.option(id).map(|k| k.name.as_str()).unwrap_or(id);
        h.el("th", &[("scope", "col"), ("data-option", id)], name);
    }
    h.close("tr").close("thead").open("tbody", &[]);
    for (key, row) in COMPARE_ROWS {
        h.open("tr", &[("data-row", key)]);
        h.el("th", &[("scope", "row")], c.ui(key));
        for id in ids {
            let texts = compare_cell(c, eval, id, *row);
            h.open("td", &[("data-option", id)]);
            if row_is_list(*row) {
                h.list(&[], &texts);
            } else {
                for t in &texts {
                    h.el("p", &[], t);
                }
            }
            h.close("td");
        }
        h.close("tr");
    }
    h.close("tbody").close("table").close("div");
    h.0
}
