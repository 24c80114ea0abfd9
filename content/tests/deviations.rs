//! Review mode names the deviations (D-n) behind each rule; the table is read from
//! `docs/clinical-deviations.md` at build time (`build.rs`). These check that reading.

use guide_content::deviations::{for_rule, DEVIATIONS};
use guide_engine::RULES;

#[test]
fn rows_with_rule_lists_and_ranges_are_read() {
    let r92 = for_rule("R-92");
    for d in ["D-4", "D-28", "D-30"] {
        assert!(r92.contains(&d), "R-92: {r92:?}");
    }
    // "R-50 to R-55" names R-53 too.
    assert!(for_rule("R-53").contains(&"D-13"), "{:?}", for_rule("R-53"));
    // The revision table: "R-185 (new)".
    assert!(for_rule("R-185").contains(&"D-35"));
    assert!(for_rule("R-999").is_empty());
}

#[test]
fn only_the_rule_column_names_a_deviations_rules() {
    // D-11's rule is R-42; its text names R-92 (what R-42 caps), which does not make it a
    // deviation of R-92. D-37's rule is R-187 (the revision table's third column), not its item.
    assert!(
        !for_rule("R-92").contains(&"D-11"),
        "{:?}",
        for_rule("R-92")
    );
    assert!(for_rule("R-42").contains(&"D-11"), "{:?}", for_rule("R-42"));
    assert!(
        for_rule("R-187").contains(&"D-37"),
        "{:?}",
        for_rule("R-187")
    );
    let d37 = DEVIATIONS
        .iter()
        .find(|(d, _)| *d == "D-37")
        .expect("D-37 read");
    assert_eq!(d37.1, &["R-187"][..]);
}

#[test]
fn every_rule_named_by_a_deviation_is_a_rule_of_the_engine() {
    assert!(
        DEVIATIONS.len() >= 40,
        "{} deviations read",
        DEVIATIONS.len()
    );
    for (d, rules) in DEVIATIONS {
        for r in *rules {
            assert!(
                RULES.iter().any(|m| m.id == *r),
                "{d} names {r}, which is not in the engine's catalogue"
            );
        }
    }
}
