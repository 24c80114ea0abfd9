//! Offline and privacy logic of the app, natively: which query strings mean "embed" (no service
//! worker there), which caches and which localStorage keys "Delete my answers" removes.

use recurrence_guide::pwa::{caches_to_delete, is_embed_query, SHELL_CACHE_PREFIX};
use recurrence_guide::storage::{guide_keys, KEY, KEY_PREFIX, PROBE_KEY, UNREADABLE_KEY};

#[test]
fn embed_query_strings() {
    assert!(is_embed_query("?embed=1"));
    assert!(is_embed_query("?lang=en&embed=1&theme=dark"));
    assert!(is_embed_query("?embed"));
    assert!(is_embed_query("embed=true"));
    assert!(!is_embed_query(""));
    assert!(!is_embed_query("?"));
    assert!(!is_embed_query("?embed=0"));
    assert!(!is_embed_query("?embedded=1&x=embed1"));
}

#[test]
fn delete_keeps_only_the_app_shell_caches() {
    assert_eq!(
        SHELL_CACHE_PREFIX, "guide-",
        "must match PREFIX in pwa/sw.js"
    );
    let sw = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/pwa/sw.js")).unwrap();
    assert!(sw.contains(&format!("const PREFIX = \"{SHELL_CACHE_PREFIX}\";")));
    let names = ["guide-1a2b", "guide-3c4d", "answers", "other-guide-x"].map(String::from);
    assert_eq!(caches_to_delete(names), vec!["answers", "other-guide-x"]);
    assert!(caches_to_delete(Vec::new()).is_empty());
}

#[test]
fn delete_removes_every_key_of_the_guide_and_nothing_else() {
    for key in [KEY, UNREADABLE_KEY, PROBE_KEY] {
        assert!(key.starts_with(KEY_PREFIX), "{key}");
    }
    let keys = [
        KEY.to_string(),
        UNREADABLE_KEY.to_string(),
        format!("{UNREADABLE_KEY}.2026-11-28T10:00:00.000Z"),
        PROBE_KEY.to_string(),
        "someone-else".to_string(),
        "recurrence-guide".to_string(),
        "x.recurrence-guide.answers".to_string(),
    ];
    let mut found = guide_keys(keys);
    found.sort();
    assert_eq!(
        found,
        vec![
            KEY.to_string(),
            UNREADABLE_KEY.to_string(),
            format!("{UNREADABLE_KEY}.2026-11-28T10:00:00.000Z"),
            PROBE_KEY.to_string(),
        ]
    );
}
