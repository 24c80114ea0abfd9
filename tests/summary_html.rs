//! The summary's and the comparison's HTML text: everything escaped (also what the person
//! typed), the parts the page and the printout rely on, and a real table with header cells.

use guide_content::{Content, Lang};
use guide_engine::{evaluate, Profile};
use recurrence_guide::personal::Personal;
use recurrence_guide::state::Answers;
use recurrence_guide::summary_html::{
    brief_html, compare_html, details_html, esc, footer_html, questions_html, urgent_html,
};
use recurrence_guide::summary_model::{build, comparable};

const EGFR: &str = r#"{"version":1,"histology":"NSCLC_NONSQ","sites":["BONE","LIVER"],"met_count":"GT5",
  "organ_count":"2","biomarker_tested":"YES_TISSUE","biomarkers":["EGFR_COMMON"],"prior_tx":["SURGERY"],
  "ps":"1","brain":"NONE_KNOWN","symptoms":["SEIZURE"],"goals":"BALANCE"}"#;

fn profile() -> Profile {
    Answers::from_profile(Profile::from_json(EGFR).unwrap()).effective()
}

#[test]
fn text_is_escaped() {
    assert_eq!(
        esc(r#"<script>alert("x") & 'y'</script>"#),
        "&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;"
    );
    let c = Content::get(Lang::En);
    let mut personal = Personal::default();
    personal.values.other = "<img src=x onerror=alert(1)>".into();
    personal.values.set("home", "A_LOT");
    let m = build(
        c,
        &profile(),
        &guide_engine::evaluate(&profile()),
        &personal,
    );
    let html = brief_html(c, &m);
    assert!(!html.contains("<img"), "{html}");
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
}

#[test]
fn the_parts_hold_answers_urgent_options_questions_sources_and_dates() {
    let c = Content::get(Lang::En);
    let m = build(
        c,
        &profile(),
        &guide_engine::evaluate(&profile()),
        &Personal::default(),
    );
    let urgent = urgent_html(c, &m);
    assert!(urgent.contains("class=\"urgent-banner summary-urgent\""));
    assert!(urgent.contains(&esc(&c.red_flags.flags["SEIZURE"].label)));
    let brief = brief_html(c, &m);
    for row in &m.answers {
        assert!(brief.contains(&esc(&row.question)), "{}", row.question_id);
        for l in &row.lines {
            assert!(brief.contains(&esc(l)), "{l}");
        }
    }
    // The default page: each shown option once, by name, with the first reason why.
    for o in m.likely.iter().chain(m.may.iter()) {
        let name = format!(
            "<strong class=\"summary-brief-name\" data-option=\"{}\" data-level=\"{}\">{}</strong>",
            o.id,
            o.level.id(),
            esc(&o.name)
        );
        assert_eq!(brief.matches(&name).count(), 1, "{}", o.id);
        assert!(brief.contains(&esc(&o.reasons[0])), "{}", o.id);
    }
    // Options usually not used, the decision, sources: only in the full details.
    for o in &m.not_shown {
        assert!(!brief.contains(&format!("data-option=\"{}\"", o.id)));
    }
    assert!(!brief.contains(&esc(c.ui("results.decision"))));
    // Options with the same reason share a line: each reason once per group.
    let mut shared = 0;
    for o in m.likely.iter().chain(m.may.iter()) {
        let why = &o.reasons[0];
        let groups = [&m.likely, &m.may]
            .iter()
            .filter(|g| g.iter().any(|x| &x.reasons[0] == why))
            .count();
        let line = format!(": {}</li>", esc(why));
        assert_eq!(brief.matches(&line).count(), groups, "{why}");
        if m.likely
            .iter()
            .chain(m.may.iter())
            .filter(|x| &x.reasons[0] == why)
            .count()
            > groups
        {
            shared += 1;
        }
    }
    assert!(shared >= 2, "no options share a reason");
    let questions = questions_html(&m);
    assert_eq!(questions.matches("<li>").count(), m.questions.len());
    for q in &m.questions {
        assert!(questions.contains(&esc(q)));
    }

    let details = details_html(c, &m);
    assert!(details.contains(&esc(c.ui("results.decision"))));
    for o in m.likely.iter().chain(m.may.iter()) {
        assert!(
            details.contains(&format!(
                "<h4 class=\"summary-option-name\">{}</h4>",
                esc(&o.name)
            )),
            "{}",
            o.id
        );
        for r in &o.reasons {
            assert!(details.contains(&esc(r)), "{}: {r}", o.id);
        }
    }
    for o in &m.not_shown {
        assert!(details.contains(&format!("data-option=\"{}\"", o.id)));
    }
    // Every generated question is printed once: the first ten, or in the details.
    for g in &m.generated_questions {
        for q in &g.questions {
            let n = questions.matches(&esc(q)).count() + details.matches(&esc(q)).count();
            assert_eq!(n, 1, "{q}");
        }
    }
    for s in &m.sources {
        assert!(details.contains(&format!("data-source=\"{}\"", esc(&s.id))));
    }
    assert!(!m.glossary.is_empty());
    for (term, meaning) in &m.glossary {
        assert!(details.contains(&format!("<dt>{}</dt><dd>{}</dd>", esc(term), esc(meaning))));
    }
    let footer = footer_html(c, &m);
    assert!(footer.contains(&esc(&c.meta.content_date)));
    assert!(footer.contains(guide_engine::ENGINE_VERSION));
    assert!(footer.contains(&esc(c.ui("summary.not_advice"))));
    assert!(footer.contains(&esc(c.ui("summary.approvals"))));
    // Balanced tags (a rough check: every opened element is closed).
    for html in [&urgent, &brief, &questions, &details, &footer] {
        for tag in [
            "section", "div", "ul", "li", "dl", "dd", "dt", "p", "h2", "h3", "h4", "h5",
        ] {
            assert_eq!(
                html.matches(&format!("<{tag}>")).count()
                    + html.matches(&format!("<{tag} ")).count(),
                html.matches(&format!("</{tag}>")).count(),
                "<{tag}> not balanced"
            );
        }
    }
}

#[test]
fn empty_sections_are_left_out() {
    let c = Content::get(Lang::En);
    // No red flag, no goal, no trade-off: no urgent part, no "what matters" heading.
    let p = Answers::from_profile(
        Profile::from_json(&EGFR.replace(
            r#""symptoms":["SEIZURE"],"goals":"BALANCE""#,
            r#""symptoms":["BONE_PAIN"]"#,
        ))
        .unwrap(),
    )
    .effective();
    let m = build(c, &p, &guide_engine::evaluate(&p), &Personal::default());
    assert!(m.urgent.is_empty() && m.goal.is_none());
    assert_eq!(urgent_html(c, &m), "");
    let brief = brief_html(c, &m);
    assert!(!brief.contains(&esc(c.ui("summary.values"))), "{brief}");
    assert!(!brief.contains(&esc(c.ui("summary.values_none"))));
    assert!(!brief.contains(&esc(c.ui("results.none_in_group"))));
    // With a goal it is shown once, under what matters, not again with the answers.
    let m = build(
        c,
        &profile(),
        &guide_engine::evaluate(&profile()),
        &Personal::default(),
    );
    let brief = brief_html(c, &m);
    let goal = esc(m.goal.as_deref().unwrap());
    assert_eq!(brief.matches(&goal).count(), 1, "{brief}");
    assert!(brief.contains(&esc(c.ui("summary.values"))));
}

#[test]
fn the_comparison_is_a_table_with_header_cells_in_a_labelled_region() {
    let c = Content::get(Lang::En);
    let p = profile();
    let e = evaluate(&p);
    let options = comparable(c, &e);
    let one = vec![options[0].id.clone()];
    assert_eq!(compare_html(c, &e, &one), "", "one option: no table");
    let ids: Vec<String> = options.iter().take(3).map(|o| o.id.clone()).collect();
    let html = compare_html(c, &e, &ids);
    assert!(html.starts_with(
        "<div class=\"compare-scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"compare-caption\">"
    ));
    assert!(html.contains("<caption id=\"compare-caption\">"));
    assert_eq!(html.matches("<th scope=\"col\"").count(), 4);
    let rows = recurrence_guide::summary_model::COMPARE_ROWS.len();
    assert_eq!(html.matches("<th scope=\"row\">").count(), rows);
    assert_eq!(html.matches("<td ").count(), rows * 3);
    for o in options.iter().take(3) {
        assert!(html.contains(&esc(&o.name)));
    }
}
