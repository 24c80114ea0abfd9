//! The text-size model (`src/text_size.rs`): what is saved, what is read back, what CSS gets.

use recurrence_guide::storage::{guide_keys, TEXT_SIZE_KEY};
use recurrence_guide::text_size::TextSize;

#[test]
fn each_size_reads_back_from_its_saved_form() {
    for size in TextSize::ALL {
        assert_eq!(TextSize::from_saved(Some(&size.saved_form())), size);
    }
    assert_eq!(TextSize::from_saved(Some(" 150\n")), TextSize::Largest);
}

#[test]
fn nothing_or_anything_unknown_is_the_standard_size() {
    for raw in [
        None,
        Some(""),
        Some("200"),
        Some("1.5"),
        Some("{\"size\":150}"),
        Some("Largest"),
    ] {
        assert_eq!(TextSize::from_saved(raw), TextSize::Standard, "{raw:?}");
    }
}

#[test]
fn sizes_grow_in_order_and_the_css_scale_matches_the_percentage() {
    let percents: Vec<u32> = TextSize::ALL.iter().map(|s| s.percent()).collect();
    assert_eq!(percents, [100, 125, 150]);
    for size in TextSize::ALL {
        let scale: f64 = size.css_scale().parse().unwrap();
        assert!(
            (scale * 100.0 - f64::from(size.percent())).abs() < 1e-9,
            "{size:?}"
        );
    }
    assert_eq!(TextSize::default(), TextSize::Standard);
}

#[test]
fn the_size_is_kept_under_a_key_that_delete_my_answers_removes_and_start_over_keeps() {
    // "Delete my answers" removes every key guide_keys finds; "Start over" removes only the answers.
    assert_eq!(
        guide_keys([TEXT_SIZE_KEY.to_owned()]),
        vec![TEXT_SIZE_KEY.to_owned()]
    );
    assert_ne!(TEXT_SIZE_KEY, recurrence_guide::storage::KEY);
}
