//! The catalogue ("Every treatment in this guide", `src/components/catalogue.rs`): every
//! treatment of §2 once, in its section, each with a card; prompts and headings left out.

use guide_content::{Content, Lang};
use guide_engine::{Family, OptionId};
use recurrence_guide::components::catalogue::{section_options, SECTIONS};

#[test]
fn every_treatment_is_in_exactly_one_section_and_prompts_and_headings_in_none() {
    let listed: Vec<OptionId> = SECTIONS
        .iter()
        .flat_map(|(f, _)| section_options(*f))
        .collect();
    for o in OptionId::ALL {
        let n = listed.iter().filter(|x| *x == o).count();
        let treatment = !matches!(o.family(), Family::Prompt | Family::Heading);
        assert_eq!(n, usize::from(treatment), "{} listed {n} times", o.id());
    }
    // The sections follow §2 order, and each keeps the catalogue's order.
    let families: Vec<Family> = SECTIONS.iter().map(|(f, _)| *f).collect();
    assert_eq!(
        families,
        [
            Family::Local,
            Family::Targeted,
            Family::Immunotherapy,
            Family::Chemo,
            Family::Sclc,
            Family::Everyone
        ]
    );
    let in_order: Vec<OptionId> = OptionId::ALL
        .iter()
        .copied()
        .filter(|o| listed.contains(o))
        .collect();
    let mut by_section = listed.clone();
    by_section.sort_by_key(|o| OptionId::ALL.iter().position(|x| x == o));
    assert_eq!(by_section, in_order);
    assert!(listed.len() >= 60, "only {} treatments", listed.len());
}

#[test]
fn every_listed_treatment_has_a_card_and_every_heading_words() {
    let c = Content::get(Lang::En);
    for (family, key) in SECTIONS {
        let heading = c.ui(key);
        assert_ne!(heading, key, "no words for {key}");
        for o in section_options(family) {
            let card = c
                .option(o.id())
                .unwrap_or_else(|| panic!("no card for {}", o.id()));
            assert!(!card.name.trim().is_empty() && !card.summary.trim().is_empty());
        }
    }
    for key in [
        "catalogue.open",
        "catalogue.title",
        "catalogue.intro",
        "catalogue.how",
        "catalogue.to_results",
    ] {
        assert_ne!(c.ui(key), key, "no words for {key}");
    }
}
