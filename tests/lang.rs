//! Choosing the language (`recurrence_guide::lang`): `?lang=` first, then the saved choice, then
//! the device's languages in order, then English; and the address that opens the guide in another
//! language. `index.html`'s first script makes the same choice (e2e/tests/spanish.rs).

use guide_content::Lang;
use recurrence_guide::lang::{address_in, choose, query_param};

fn device(tags: &[&str]) -> Vec<String> {
    tags.iter().map(|t| t.to_string()).collect()
}

#[test]
fn the_address_wins_then_the_saved_choice_then_the_device() {
    assert_eq!(
        choose(Some("es"), Some("en"), &device(&["en-US"])),
        Lang::Es
    );
    assert_eq!(choose(Some("en"), Some("es"), &device(&["es"])), Lang::En);
    assert_eq!(choose(None, Some("es"), &device(&["en-GB"])), Lang::Es);
    assert_eq!(choose(None, None, &device(&["es-MX", "en"])), Lang::Es);
    assert_eq!(choose(None, None, &device(&["en-US", "es"])), Lang::En);
    assert_eq!(choose(None, None, &device(&[])), Lang::En);
}

#[test]
fn languages_the_guide_does_not_have_are_passed_over() {
    assert_eq!(
        choose(Some("fr"), None, &device(&["fr-CA", "es-419"])),
        Lang::Es
    );
    assert_eq!(choose(None, Some("zz"), &device(&["de"])), Lang::En);
    assert_eq!(choose(Some("ES"), None, &device(&[])), Lang::Es);
    // "est" (Estonian's 3-letter code) is not Spanish.
    assert_eq!(choose(Some("est"), None, &device(&[])), Lang::En);
}

#[test]
fn the_query_parameter_is_read_exactly() {
    assert_eq!(query_param("?lang=es", "lang"), Some("es"));
    assert_eq!(query_param("?embed=1&lang=es-MX", "lang"), Some("es-MX"));
    assert_eq!(query_param("?language=es", "lang"), None);
    assert_eq!(query_param("", "lang"), None);
}

#[test]
fn the_address_in_another_language_keeps_the_rest() {
    assert_eq!(
        address_in("https://a.org/guide/", Lang::Es),
        "https://a.org/guide/?lang=es"
    );
    assert_eq!(
        address_in("https://a.org/?embed=1&lang=en&theme=x#top", Lang::Es),
        "https://a.org/?embed=1&theme=x&lang=es#top"
    );
    assert_eq!(
        address_in("https://a.org/?lang=es", Lang::En),
        "https://a.org/?lang=en"
    );
}

#[test]
fn every_language_is_named_in_itself() {
    let names: Vec<&str> = Lang::ALL.iter().map(|l| l.name()).collect();
    assert_eq!(names, ["English", "Español"]);
    for l in Lang::ALL {
        assert_eq!(Lang::from_tag(l.code()), Some(*l));
    }
}
