//! The summary's and the comparison's HTML text: everything escaped (also what the person
//! typed), the parts the page and the printout rely on, and a real table with header cells.

use guide_content::{Content, Lang};
use guide_engine::{evaluate, Profile};
use recurrence_guide::personal::Personal;
use recurrence_guide::state::Answers;
use recurrence_guide::summary_html::{
    compare_html, esc, head_html, options_html, questions_html, sources_html,
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
    let m = build(c, &profile(), &personal);
    let html = head_html(c, &m);
    assert!(!html.contains("<img"), "{html}");
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
}

#[test]
fn the_parts_hold_answers_urgent_options_questions_sources_and_dates() {
    let c = Content::get(Lang::En);
    let m = build(c, &profile(), &Personal::default());
    let head = head_html(c, &m);
    assert!(head.contains(&esc(c.ui("results.decision"))));
    assert!(head.contains("class=\"urgent-banner summary-urgent\""));
    assert!(head.contains(&esc(&c.red_flags.flags["SEIZURE"].label)));
    for row in &m.answers {
        assert!(head.contains(&esc(&row.question)), "{}", row.question_id);
        for l in &row.lines {
            assert!(head.contains(&esc(l)), "{l}");
        }
    }
    let options = options_html(c, &m);
    for o in m.likely.iter().chain(m.may.iter()) {
        assert!(
            options.contains(&format!(
                "<h4 class=\"summary-option-name\">{}</h4>",
                esc(&o.name)
            )),
            "{}",
            o.id
        );
        for r in &o.reasons {
            assert!(options.contains(&esc(r)), "{}: {r}", o.id);
        }
    }
    let questions = questions_html(c, &m.generated_questions);
    for g in &m.generated_questions {
        for q in &g.questions {
            assert!(questions.contains(&esc(q)));
        }
    }
    let sources = sources_html(c, &m);
    assert!(sources.contains(&esc(&c.meta.content_date)));
    assert!(sources.contains(guide_engine::ENGINE_VERSION));
    assert!(sources.contains(&esc(c.ui("summary.not_advice"))));
    for s in &m.sources {
        assert!(sources.contains(&format!("data-source=\"{}\"", esc(&s.id))));
    }
    // Balanced tags (a rough check: every opened element is closed).
    for html in [&head, &options, &questions, &sources] {
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
