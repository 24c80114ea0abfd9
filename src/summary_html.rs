//! The static parts of the visit summary and the comparison table as HTML text, built from
//! [`crate::summary_model`]. Pure Rust, tested natively (`tests/summary_html.rs`).
//!
//! Why text and not `view!`: these parts have no events and can be long; one small string
//! builder is far less WebAssembly than a typed view per element (the size budget). Every text is
//! escaped ([`esc`]), including what the person typed.

use guide_content::Content;
use guide_engine::Evaluation;

use crate::results_model::{fill, QuestionGroup};
use crate::summary_model::{compare_cell, row_is_list, SummaryModel, SummaryOption, COMPARE_ROWS};

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

/// The decision, the urgent symptoms (if any), the answers and what matters to the person.
pub fn head_html(c: &Content, m: &SummaryModel) -> String {
    let mut h = Html::default();
    h.section(
        "summary-decision",
        "summary-decision-title",
        c.ui("summary.decision"),
    );
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
    h.close("section");

    if !m.urgent.is_empty() {
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
    }

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
        h.open("dd", &[]);
        match row.lines.len() {
            0 => {
                h.el(
                    "span",
                    &[("class", "not-answered")],
                    c.ui("review.not_answered"),
                );
            }
            1 => {
                h.text(&row.lines[0]);
            }
            _ => {
                h.list(&[("class", "answer-list")], &row.lines);
            }
        }
        h.close("dd").close("div");
    }
    h.close("dl").close("section");

    h.section(
        "summary-values",
        "summary-values-title",
        c.ui("summary.values"),
    );
    if m.goal.is_none() && m.values.is_empty() && m.other_values.is_empty() {
        h.el("p", &[], c.ui("summary.values_none"));
    }
    h.open("dl", &[("class", "summary-list")]);
    let row = |h: &mut Html, id: &str, q: &str, a: &str, own: bool| {
        h.open("div", &[("class", "summary-row"), ("data-values", id)]);
        h.el("dt", &[], q);
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
            .question("goals")
            .map(|q| q.text.as_str())
            .unwrap_or("goals");
        row(&mut h, "goals", q, g, false);
    }
    for v in &m.values {
        row(&mut h, &v.id, &v.question, &v.answer, false);
    }
    if !m.other_values.is_empty() {
        row(&mut h, "other", c.ui("values.other"), &m.other_values, true);
    }
    h.close("dl");
    if !m.values.is_empty() {
        h.el("p", &[], c.ui("summary.emphasis"));
    }
    h.close("section");
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

/// The options by group (with why each was shown), safety notes, and options usually not used.
pub fn options_html(c: &Content, m: &SummaryModel) -> String {
    let mut h = Html::default();
    h.section(
        "summary-options",
        "summary-options-title",
        c.ui("results.title"),
    );
    h.el("p", &[], c.ui("results.intro"));
    for (title, help, list) in [
        ("results.likely", "results.likely_help", &m.likely),
        ("results.may", "results.may_help", &m.may),
    ] {
        h.open("div", &[("class", "summary-group")]);
        h.el("h3", &[], c.ui(title));
        h.el("p", &[("class", "level-help")], c.ui(help));
        if list.is_empty() {
            h.el("p", &[], c.ui("results.none_in_group"));
        } else {
            h.open("ul", &[("class", "summary-options"), ("role", "list")]);
            for o in list.iter() {
                option_html(&mut h, c, o);
            }
            h.close("ul");
        }
        h.close("div");
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
    if !m.not_shown.is_empty() {
        h.section("summary-not", "summary-not-title", c.ui("results.not"));
        h.el("p", &[], c.ui("results.not_help"));
        h.open("ul", &[]);
        for o in &m.not_shown {
            h.open("li", &[("data-option", &o.id), ("data-level", "NOT")]);
            h.el("strong", &[], &o.name)
                .text(": ")
                .text(&o.reasons.join(" "));
            h.close("li");
        }
        h.close("ul").close("section");
    }
    h.0
}

/// The generated questions, one group per heading (`h3`).
pub fn questions_html(c: &Content, groups: &[QuestionGroup]) -> String {
    let mut h = Html::default();
    for g in groups {
        let heading = match &g.option {
            None => c.ui("results.questions_answers").to_owned(),
            Some(id) => {
                let name = c.option(id).map(|k| k.name.as_str()).unwrap_or(id);
                fill(c.ui("results.questions_option"), &[("name", name)])
            }
        };
        h.open("div", &[("class", "question-group")]);
        h.el("h3", &[], &heading);
        h.list(&[], &g.questions);
        h.close("div");
    }
    h.0
}

/// The sources cited, then the content date, engine version and "not medical advice".
pub fn sources_html(c: &Content, m: &SummaryModel) -> String {
    let mut h = Html::default();
    h.section(
        "summary-sources",
        "summary-sources-title",
        c.ui("page.sources"),
    );
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
    h.close("ul").close("section");
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
    h.open("p", &[])
        .el("strong", &[], c.ui("summary.not_advice"))
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
