//! The results screen in real headless Chromium against the release build (dist/).
//!
//! A saved profile is seeded into localStorage (the envelope of `src/storage.rs`, screen
//! `results`), then the app opens straight on the results. Checked: options in the right level
//! groups, an option's details and a glossary term open and show their texts (mouse and
//! keyboard), the urgent banner for a red-flag symptom, reflow at 320 px, axe-core with every
//! `<details>` open, no console errors, no request leaving the origin.

use guide_e2e::{dist_dir, json, repo_root, Browser, BrowserOptions, Key, StaticServer, Value};

/// localStorage key of the saved answers (`src/storage.rs` `KEY`).
const STORAGE_KEY: &str = "recurrence-guide.answers";

/// EGFR-mutant non-squamous NSCLC, widespread, no EGFR pill yet, PS 1, no red flag.
fn egfr_profile() -> Value {
    json!({
        "version": 1,
        "histology": "NSCLC_NONSQ",
        "sites": ["BONE", "LIVER"],
        "met_count": "GT5",
        "organ_count": "2",
        "prior_tx": ["SURGERY"],
        "ps": "1",
        "biomarker_tested": "YES_TISSUE",
        "biomarkers": ["EGFR_COMMON"],
        "brain": "NONE_KNOWN",
        "symptoms": ["BONE_PAIN"]
    })
}

/// Small cell, relapse more than 6 months after platinum, PS 1, with a seizure (red flag).
fn sclc_profile() -> Value {
    json!({
        "version": 1,
        "histology": "SCLC",
        "sites": ["LIVER"],
        "met_count": "GT5",
        "organ_count": "1",
        "prior_tx": ["PLATINUM_CHEMO"],
        "prior_tx_setting": {"PLATINUM_CHEMO": "ADVANCED"},
        "last_systemic_outcome": "CAME_BACK_AFTER",
        "ctfi": "GT6M",
        "ps": "1",
        "symptoms": ["SEIZURE"]
    })
}

fn envelope(profile: Value) -> String {
    json!({ "schema": 1, "saved_at": "2026-11-28T10:00:00Z", "screen": "results", "profile": profile })
        .to_string()
}

/// A content file of the English bundle, parsed.
fn content_json(file: &str) -> Value {
    let path = repo_root().join("content/en").join(file);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The card of an option from whichever options file holds it.
fn option_content(id: &str) -> Value {
    for f in [
        "local.json",
        "targeted.json",
        "immunotherapy_chemo.json",
        "sclc.json",
        "everyone.json",
    ] {
        let v = content_json(&format!("options/{f}"));
        if let Some(card) = v.get(id) {
            return card.clone();
        }
    }
    panic!("no content for option {id}");
}

fn ui(key: &str) -> String {
    // The core words (ui.json) and those of the later screens (ui_more.json).
    content_json("ui.json")
        .get(key)
        .cloned()
        .unwrap_or_else(|| content_json("ui_more.json")[key].clone())
        .as_str()
        .unwrap_or_else(|| panic!("ui.json has no {key}"))
        .to_string()
}

/// Collapses white space (innerText keeps line breaks between inline-block parts).
fn norm(s: &str) -> String {
    // Word joiners (U+2060, invisible) keep punctuation after a glossary term on its line.
    s.replace('\u{2060}', "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Opens the app, saves `profile` the way the app does (screen `results`), and reloads: the app
/// starts on the results. (Seeding from the app's own page rather than the harness's blank page,
/// which has no icon link and so makes Chromium log a favicon 404.)
async fn open_results(b: &Browser, server: &StaticServer, profile: Value) {
    b.goto(&server.url("/")).await;
    b.wait_for("main h1").await;
    b.js(
        "localStorage.clear(); localStorage.setItem(arguments[0], arguments[1]); return true",
        vec![json!(STORAGE_KEY), json!(envelope(profile))],
    )
    .await;
    b.reload().await;
    b.wait_for("section.results h1#results-title").await;
}

/// Level group of an option on the page: `LIKELY`, `MAY`, `NOT`, or `None` if not listed.
async fn group_of(b: &Browser, option: &str) -> Option<String> {
    let v = b
        .js(
            "const c = document.querySelector(`.option-card[data-option='${arguments[0]}']`);
             if (!c) return null;
             const g = c.closest('[data-level]:not(.option-card)');
             return g ? g.getAttribute('data-level') : 'NO-GROUP';",
            vec![json!(option)],
        )
        .await;
    v.as_str().map(str::to_string)
}

async fn options_in(b: &Browser, level: &str) -> Vec<String> {
    let v = b
        .js(
            "return Array.from(document.querySelectorAll(`.results [data-level='${arguments[0]}']:not(.option-card) .option-card`), c => c.getAttribute('data-option'))",
            vec![json!(level)],
        )
        .await;
    serde_json::from_value(v).unwrap_or_default()
}

async fn open_all_details(b: &Browser) {
    b.js(
        "document.querySelectorAll('details').forEach(d => d.open = true); return true",
        vec![],
    )
    .await;
}

#[tokio::test]
async fn egfr_results_group_options_and_show_details_and_glossary() {
    let server = StaticServer::start(dist_dir());
    let b = Browser::start().await;
    open_results(&b, &server, egfr_profile()).await;

    // The answer first (issue 10): at a glance, the options likely to be discussed, linking
    // to their cards, and the two next steps; no urgent banner without a red flag.
    let glance = b.text(".results-glance").await;
    assert!(
        b.exists(".results-glance a[href='#option-EGFR_OSI']").await,
        "osimertinib not at a glance: {glance:?}"
    );
    assert!(b.exists("#glance-summary").await && b.exists("#glance-questions").await);
    assert!(
        !b.exists(".urgent-banner").await,
        "urgent banner without a red flag"
    );

    // Groups: osimertinib likely (no EGFR pill yet); SCLC options and immunotherapy alone not used.
    assert_eq!(group_of(&b, "EGFR_OSI").await.as_deref(), Some("LIKELY"));
    assert_eq!(
        group_of(&b, "PALLIATIVE_CARE").await.as_deref(),
        Some("LIKELY")
    );
    assert_eq!(group_of(&b, "TRIALS").await.as_deref(), Some("MAY"));
    // "Usually not used" lists only options for the person's type (issue 10).
    assert_eq!(group_of(&b, "IO_MONO").await.as_deref(), Some("NOT"));
    for id in ["SCLC_TARLATAMAB", "SCLC_PLAT_ETOP"] {
        assert_eq!(group_of(&b, id).await.as_deref(), None, "{id}");
    }
    // Catalogue order inside a group (targeted before "for everyone").
    let likely = options_in(&b, "LIKELY").await;
    let pos = |id: &str| likely.iter().position(|x| x == id).unwrap();
    assert!(pos("EGFR_OSI") < pos("PALLIATIVE_CARE"), "{likely:?}");

    // The "not used" group is collapsed, with the first reason visible once opened.
    assert_eq!(b.attr("details.not-group", "open").await, None);
    b.click("details.not-group > summary").await;
    b.click(".option-card[data-option='IO_MONO'] .card-details > summary")
        .await;
    let why_not = b
        .text(".option-card[data-option='IO_MONO'] .card-why")
        .await;
    assert!(
        why_not.contains(&ui("card.why_not")),
        "NOT card has no reason heading: {why_not:?}"
    );
    assert!(
        norm(&why_not).len() > ui("card.why_not").len() + 10,
        "no reason: {why_not:?}"
    );

    // One "not advice; approvals differ" statement for the page, not one per card (issue 10).
    assert!(!b.exists(".option-card .card-discuss").await);
    let statement = b.text(".results-intro").await;
    assert_eq!(norm(&statement), norm(&ui("results.statement")));

    // Osimertinib: summary and "why" visible without expanding; details open on click.
    let card = ".option-card[data-option='EGFR_OSI']";
    let osi = option_content("EGFR_OSI");
    let name = b.text(&format!("{card} .card-name")).await;
    assert!(name.contains(osi["name"].as_str().unwrap()), "{name:?}");
    let summary = b.text(&format!("{card} .card-summary")).await;
    assert_eq!(norm(&summary), norm(osi["summary"].as_str().unwrap()));
    // Closed, the card is its name and summary; why it was shown comes first when opened.
    assert!(!b.exists(&format!("{card} .card-why-first")).await);
    let closed_aims = b
        .js(
            "return document.querySelector(arguments[0] + ' .card-details').open",
            vec![json!(card)],
        )
        .await;
    assert_eq!(closed_aims, json!(false));
    b.click(&format!("{card} .card-details > summary")).await;
    let details = b.text(&format!("{card} .card-details")).await;
    assert!(details.contains(&ui("card.why")), "no why in {details:?}");
    for (heading, field) in [
        ("card.aims", "aims"),
        ("card.like", "what_it_is_like"),
        ("card.uncertain", "uncertain"),
    ] {
        assert!(
            details.contains(&ui(heading)),
            "no {heading} in {details:?}"
        );
        assert!(
            norm(&details).contains(&norm(osi[field].as_str().unwrap())),
            "{field} text not shown: {details:?}"
        );
    }
    let first_serious = osi["serious_side_effects"][0].as_str().unwrap();
    assert!(norm(&details).contains(&norm(first_serious)));

    b.js(
        "document.querySelector(arguments[0]).scrollIntoView(); return true",
        vec![json!(card)],
    )
    .await;
    b.screenshot("results-desktop-card-open").await;

    // Sources (in the open card): titles as links to the publisher, nothing fetched until tapped.
    assert!(
        b.exists(&format!(
            "{card} .card-sources a.source-title[target='_blank'][rel='noopener noreferrer']"
        ))
        .await
    );
    let sources = b.texts(&format!("{card} .source-list li")).await;
    assert!(!sources.is_empty());
    let src_json = content_json("sources.json");
    let first_id = b
        .attr(&format!("{card} .source-list li"), "data-source")
        .await
        .unwrap();
    if let Some(s) = src_json.get(&first_id) {
        assert!(
            sources[0].contains(s["title"].as_str().unwrap()),
            "{:?}",
            sources[0]
        );
    }

    // A glossary term: a button that reveals its definition inline, by mouse and by keyboard.
    let term_btn = format!("{card} .gloss-term");
    let term_id = b
        .js(
            "const t = document.querySelector(arguments[0]); return t ? t.closest('.gloss').dataset.term : null",
            vec![json!(term_btn)],
        )
        .await;
    let term_id = term_id
        .as_str()
        .expect("the osimertinib card has at least one glossary term")
        .to_string();
    let definition = content_json("glossary.json")[&term_id]["definition"]
        .as_str()
        .unwrap()
        .to_string();
    // Each term is a button once per card.
    let repeats = b
        .js(
            "const ids = Array.from(document.querySelectorAll(arguments[0] + ' .gloss'), g => g.dataset.term);
             return ids.filter((x, i) => ids.indexOf(x) !== i);",
            vec![json!(card)],
        )
        .await;
    assert_eq!(repeats, json!([]), "terms marked twice in one card");
    // Punctuation after a term cannot start the next line (a word joiner holds it).
    let loose = b
        .js(
            "return Array.from(document.querySelectorAll('.gloss'))
               .map(g => g.nextSibling)
               .filter(n => n && n.nodeType === 3 && /^[.,;:!?)]/.test(n.textContent))
               .map(n => n.textContent.slice(0, 12));",
            vec![],
        )
        .await;
    assert_eq!(loose, json!([]), "punctuation free to wrap after a term");
    assert_eq!(
        b.attr(&term_btn, "aria-expanded").await.as_deref(),
        Some("false")
    );
    b.click(&term_btn).await;
    assert_eq!(
        b.attr(&term_btn, "aria-expanded").await.as_deref(),
        Some("true")
    );
    let shown = b.text(&format!("{card} .gloss-def:not([hidden])")).await;
    assert!(norm(&shown).contains(&norm(&definition)), "{shown:?}");
    // Keyboard: Enter on the focused term closes it again.
    b.press(Key::Enter).await;
    assert_eq!(
        b.attr(&term_btn, "aria-expanded").await.as_deref(),
        Some("false")
    );

    // Questions for the care team: gathered, with this option's questions.
    let questions = b.text(".care-questions").await;
    let q0 = osi["questions"][0].as_str().unwrap();
    assert!(norm(&questions).contains(&norm(q0)), "{questions:?}");

    // Content date and engine version.
    let footer = b.text(".results-footer").await;
    let date = content_json("meta.json")["content_date"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(footer.contains(&date), "{footer:?}");

    // Accessibility with everything expanded, then no console errors, nothing off-origin.
    open_all_details(&b).await;
    b.click(&term_btn).await;
    b.assert_no_axe_violations("results (EGFR) with all details open")
        .await;
    b.assert_no_console_errors().await;
    b.assert_all_requests_same_origin(&server.origin()).await;
    b.close().await;
}

#[tokio::test]
async fn sclc_results_show_the_urgent_banner_first_and_last_and_nsclc_options_as_not_used() {
    let server = StaticServer::start(dist_dir());
    let b = Browser::start().await;
    open_results(&b, &server, sclc_profile()).await;

    // Urgent banner: an alert with the §4 text and the ticked symptom, before the heading.
    let banner = b.text(".results #urgent-banner").await;
    let flags = content_json("red_flags.json");
    // A seizure is an emergency (§4): emergency services first.
    let banner_text = flags["levels"]["EMERGENCY"]["action"].as_str().unwrap();
    let seizure = flags["flags"]["SEIZURE"]["label"].as_str().unwrap();
    assert!(norm(&banner).contains(&norm(banner_text)), "{banner:?}");
    assert!(banner.contains(seizure), "{banner:?}");
    let first = b
        .js(
            "const r = document.querySelector('section.results');
             return r.firstElementChild.matches('.urgent-banner') &&
                    r.lastElementChild.matches('.urgent-banner.urgent-repeat')",
            vec![],
        )
        .await;
    assert_eq!(first, json!(true), "banner not first and repeated last");
    // One alert: the "Get help now" bar (the banners are labelled regions).
    assert_eq!(b.texts("[role='alert']").await.len(), 1);
    assert_eq!(
        b.attr(".help-bar", "data-level").await.as_deref(),
        Some("EMERGENCY")
    );
    b.screenshot("results-desktop-urgent").await;

    // SCLC options shown; NSCLC medicines in the "not used" group.
    assert_eq!(
        group_of(&b, "SCLC_TARLATAMAB").await.as_deref(),
        Some("LIKELY")
    );
    assert_eq!(
        group_of(&b, "SCLC_PLAT_ETOP").await.as_deref(),
        Some("LIKELY")
    );
    // "Usually not used" lists only small cell options for small cell (issue 10): the non-small
    // cell medicines are not listed at all.
    for id in ["EGFR_OSI", "IO_MONO", "CHEMO_PLATINUM_DOUBLET"] {
        assert_eq!(group_of(&b, id).await.as_deref(), None, "{id}");
    }
    // Tarlatamab's safety note (N-4) is shown.
    let notes = content_json("notes.json");
    let n4 = notes["N-4"]["text"].as_str().unwrap();
    let shown_notes = b.text(".safety-notes").await;
    assert!(norm(&shown_notes).contains(&norm(n4)), "{shown_notes:?}");

    open_all_details(&b).await;
    b.assert_no_axe_violations("results (SCLC, urgent) with all details open")
        .await;

    // The edit button goes back to the answers.
    b.click(".results-edit").await;
    b.wait_gone("section.results").await;
    b.assert_no_console_errors().await;
    b.assert_all_requests_same_origin(&server.origin()).await;
    b.close().await;
}

#[tokio::test]
async fn results_reflow_on_a_320px_phone_with_details_open() {
    let server = StaticServer::start(dist_dir());
    let b = Browser::start_with(BrowserOptions {
        window_size: (320, 740),
        ..BrowserOptions::default()
    })
    .await;
    open_results(&b, &server, egfr_profile()).await;
    b.screenshot("results-320-top").await;
    open_all_details(&b).await;
    b.js(
        "document.querySelectorAll('.gloss-term').forEach(t => t.click()); return true",
        vec![],
    )
    .await;
    // For people reviewing the layout: target/e2e-screenshots/results-320-*.png.
    for (name, css) in [
        ("results-320-card", ".option-card[data-option='EGFR_OSI']"),
        (
            "results-320-sources",
            ".option-card[data-option='EGFR_OSI'] .card-sources",
        ),
        (
            "results-320-why",
            ".option-card[data-option='EGFR_OSI'] .card-why",
        ),
        ("results-320-not", ".option-card[data-option='IO_MONO']"),
        ("results-320-notes", ".safety-notes"),
        ("results-320-questions", ".care-questions"),
        ("results-320-footer", ".results-footer"),
    ] {
        b.js(
            "document.querySelector(arguments[0]).scrollIntoView(); return true",
            vec![json!(css)],
        )
        .await;
        b.screenshot(name).await;
    }
    let overflow = b
        .js(
            "const d = document.documentElement;
             const wide = Array.from(document.querySelectorAll('.results *'))
               .filter(e => e.getBoundingClientRect().right > d.clientWidth + 1)
               .slice(0, 5).map(e => e.tagName + '.' + e.className);
             return { scroll: d.scrollWidth, client: d.clientWidth, wide };",
            vec![],
        )
        .await;
    assert!(
        overflow["scroll"].as_u64() <= overflow["client"].as_u64(),
        "horizontal scrolling at 320 px: {overflow}"
    );
    b.assert_no_axe_violations("results at 320 px with all details and glossary terms open")
        .await;
    b.assert_no_console_errors().await;
    b.close().await;
}

#[tokio::test]
async fn urgent_and_about_pages_show_red_flags_sources_and_versions() {
    let server = StaticServer::start(dist_dir());
    let b = Browser::start().await;
    b.goto(&server.url("/")).await;
    b.wait_for("main h1").await;

    // Urgent page: the §4 banner wording and every red flag of red_flags.json.
    b.click("#nav-urgent").await;
    b.wait_for(".content-page[data-page='urgent'] h1").await;
    let flags = content_json("red_flags.json");
    // Each level's action, emergency services first (§4, issue 15).
    let actions = b
        .texts(".content-page[data-page='urgent'] .urgent-page-banner")
        .await;
    let want: Vec<String> = ["EMERGENCY", "CRISIS", "TEAM_NOW"]
        .iter()
        .map(|l| norm(flags["levels"][*l]["action"].as_str().unwrap()))
        .collect();
    assert_eq!(actions.iter().map(|a| norm(a)).collect::<Vec<_>>(), want);
    let listed = b.texts(".content-page[data-page='urgent'] .red-flag").await;
    let expected = flags["flags"].as_object().unwrap();
    assert_eq!(listed.len(), expected.len(), "{listed:#?}");
    for f in expected.values() {
        let label = norm(f["label"].as_str().unwrap());
        assert!(listed.iter().any(|l| norm(l).contains(&label)), "{label}");
    }
    // Sections with their sources, resolved to titles.
    let page = content_json("pages.json");
    let first_heading = page["urgent"]["sections"][0]["heading"].as_str().unwrap();
    let h2s = b.texts(".content-page[data-page='urgent'] h2").await;
    assert!(h2s.iter().any(|h| h.trim() == first_heading), "{h2s:?}");
    if page["urgent"]["sections"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| !s["sources"].as_array().unwrap().is_empty())
    {
        assert!(
            b.exists(".content-page[data-page='urgent'] .source-list a.source-title")
                .await
        );
    }
    b.assert_no_axe_violations("urgent page").await;

    // About page: content date and engine version.
    b.click("#nav-about").await;
    b.wait_for(".content-page[data-page='about'] h1").await;
    let date = content_json("meta.json")["content_date"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(b.text(".page-content-date").await.contains(&date));
    let version = b.text(".page-engine-version").await;
    assert!(
        version.chars().any(|c| c.is_ascii_digit()) && version.contains('.'),
        "{version:?}"
    );
    // A glossary term on a page opens like on the cards.
    if b.exists(".content-page .gloss-term").await {
        b.click(".content-page .gloss-term").await;
        assert!(b.exists(".content-page .gloss-def:not([hidden])").await);
    }
    b.assert_no_axe_violations("about page").await;
    b.assert_no_console_errors().await;
    b.assert_all_requests_same_origin(&server.origin()).await;
    b.close().await;
}

#[tokio::test]
async fn squamous_cancer_shows_the_squamous_note_on_chemo_immunotherapy() {
    let server = StaticServer::start(dist_dir());
    let b = Browser::start().await;
    let profile = json!({
        "version": 1,
        "histology": "NSCLC_SQ",
        "sites": ["LIVER"],
        "met_count": "GT5",
        "organ_count": "1",
        "prior_tx": ["SURGERY"],
        "ps": "1",
        "biomarker_tested": "YES_TISSUE",
        "biomarkers": ["NONE_FOUND"],
        "pdl1": "LT1",
        "brain": "NONE_KNOWN"
    });
    open_results(&b, &server, profile).await;
    assert_eq!(group_of(&b, "IO_CHEMO").await.as_deref(), Some("LIKELY"));
    let note = option_content("IO_CHEMO")["squamous_note"]
        .as_str()
        .unwrap()
        .to_string();
    // The note is in the card's "More about" part.
    b.click(".option-card[data-option='IO_CHEMO'] .card-details > summary")
        .await;
    let shown = b
        .text(".option-card[data-option='IO_CHEMO'] .card-squamous")
        .await;
    assert!(norm(&shown).contains(&norm(&note)), "{shown:?}");
    // Only on options the engine marks with R-157 (IO_CHEMO is the only one shown here).
    assert_eq!(b.texts(".card-squamous").await.len(), 1);
    b.assert_no_console_errors().await;
    b.close().await;
}
