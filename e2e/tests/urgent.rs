//! Urgent help in a real browser (issues 10 and 15): ticking a red flag brings up the "Get help
//! now" bar at once, in the first viewport of a 390 x 844 phone, with the message of its §4
//! level; emergencies name emergency services first, the team level the 24-hour line, the crisis
//! flag a crisis line; several flags lead with the most urgent level; after a red flag the bar
//! stays in view on every screen, also when scrolled to the bottom.

use guide_e2e::{dist_dir, json, Browser, StaticServer, Value};

const STORAGE_KEY: &str = "recurrence-guide.answers";

fn envelope(screen: &str, profile: Value) -> String {
    json!({"schema": 1, "saved_at": "2026-12-07T00:00:00Z", "screen": screen, "profile": profile})
        .to_string()
}

async fn open(b: &Browser, server: &StaticServer, screen: &str, profile: Value) {
    let url = server.url("/");
    b.seed_local_storage(
        &guide_e2e::origin_of(&url),
        &[(STORAGE_KEY, &envelope(screen, profile))],
    )
    .await;
    b.goto(&url).await;
}

/// No console error, except the seeding page's favicon request (it has no icon link; the guide's
/// own page has `rel=icon` `data:`).
async fn assert_no_errors_but_the_seeding_favicon(b: &Browser) {
    let errors: Vec<String> = b
        .console_errors()
        .await
        .into_iter()
        .map(|e| e.message)
        .filter(|m| !m.contains("/favicon.ico"))
        .collect();
    assert!(errors.is_empty(), "console errors: {errors:#?}");
}

/// A 390 x 844 phone on the symptoms screen of a non-small cell story.
async fn symptoms_on_a_phone() -> (StaticServer, Browser) {
    let server = StaticServer::start(dist_dir());
    let b = Browser::start().await;
    b.set_viewport(390, 844).await;
    open(
        &b,
        &server,
        "q:symptoms",
        json!({"version": 1, "histology": "NSCLC_NONSQ"}),
    )
    .await;
    b.wait_for(r#".question[data-step="symptoms"]"#).await;
    (server, b)
}

/// Clicks a symptom checkbox by its answer ID.
async fn toggle(b: &Browser, id: &str) {
    b.js(
        "document.querySelector(`input[type=checkbox][name=symptoms][value=\"${arguments[0]}\"]`).click()",
        vec![json!(id)],
    )
    .await;
}

/// The help bar's level, if it is shown.
async fn bar_level(b: &Browser) -> Option<String> {
    b.attr(".help-bar", "data-level").await
}

/// Whether the help bar is wholly inside the viewport, and its text.
async fn bar_in_view(b: &Browser) -> (bool, String) {
    let v = b
        .js(
            "const e = document.querySelector('.help-bar');
             if (!e) return [false, ''];
             const r = e.getBoundingClientRect();
             return [r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0, e.innerText];",
            vec![],
        )
        .await;
    (
        v[0].as_bool().unwrap_or(false),
        v[1].as_str().unwrap_or("").to_string(),
    )
}

const LEVELS: &[(&str, &str)] = &[
    ("CORD_COMPRESSION_SIGNS", "TEAM_NOW"),
    ("SVC_SIGNS", "TEAM_NOW"),
    ("COUGHING_BLOOD_MORE_THAN_STREAKS", "EMERGENCY"),
    ("NEW_NEURO_SYMPTOMS", "EMERGENCY"),
    ("SEIZURE", "EMERGENCY"),
    ("FEVER_ON_CHEMO", "TEAM_NOW"),
    ("SEVERE_BREATHLESS_SUDDEN", "EMERGENCY"),
    ("NOISY_BREATHING_STRIDOR", "EMERGENCY"),
    ("CONFUSION_THIRST_HYPERCALCEMIA", "TEAM_NOW"),
    ("LOW_SODIUM_SCLC", "TEAM_NOW"),
    ("CHEST_PAIN_FAINTING", "EMERGENCY"),
    ("IMMUNOTHERAPY_SEVERE_SIDE_EFFECT", "TEAM_NOW"),
    ("TARLATAMAB_FEVER_OR_CONFUSION", "TEAM_NOW"),
    ("ADC_OR_TKI_LUNG_SYMPTOMS", "TEAM_NOW"),
    ("SUICIDAL_OR_CRISIS", "CRISIS"),
];

#[tokio::test]
async fn each_red_flag_shows_its_level_at_once_in_the_first_viewport() {
    let (_server, b) = symptoms_on_a_phone().await;
    assert!(!b.exists(".help-bar").await, "no red flag, no bar");
    for (flag, level) in LEVELS {
        // Scrolled down to where the sign is, as a person ticking it would be.
        b.js(
            "document.querySelector(`input[value=\"${arguments[0]}\"]`).scrollIntoView({block: 'center'})",
            vec![json!(flag)],
        )
        .await;
        toggle(&b, flag).await;
        b.wait_for(".help-bar").await;
        assert_eq!(bar_level(&b).await.as_deref(), Some(*level), "{flag}");
        let (in_view, text) = bar_in_view(&b).await;
        assert!(in_view, "{flag}: the bar is out of view");
        assert_eq!(b.attr(".help-bar", "role").await.as_deref(), Some("alert"));
        let lower = text.to_lowercase();
        match *level {
            "EMERGENCY" => assert!(lower.contains("emergency services"), "{flag}: {text}"),
            "TEAM_NOW" => assert!(lower.contains("cancer team"), "{flag}: {text}"),
            _ => assert!(
                text.contains("988") && text.contains("116 123"),
                "{flag}: {text}"
            ),
        }
        // The banner below the signs has the level's full message and the sign.
        let lead = b.attr("#urgent-banner", "data-lead").await;
        assert_eq!(lead.as_deref(), Some(*level), "{flag}");
        let banner = b.text("#urgent-banner").await.to_lowercase();
        let (emergency, team) = (
            banner.find("emergency services").unwrap_or(usize::MAX),
            banner.find("cancer team").unwrap_or(usize::MAX),
        );
        match *level {
            "EMERGENCY" => assert!(emergency < team, "{flag}: team first: {banner}"),
            "TEAM_NOW" => assert!(
                team < emergency && emergency < usize::MAX,
                "{flag}: {banner}"
            ),
            _ => assert!(
                banner.contains("crisis line") && emergency < usize::MAX,
                "{banner}"
            ),
        }
        toggle(&b, flag).await;
        b.wait_gone(".help-bar").await;
    }
    assert_no_errors_but_the_seeding_favicon(&b).await;
    b.close().await;
}

#[tokio::test]
async fn stridor_with_fever_leads_with_the_emergency_and_stays_in_view_everywhere() {
    let (server, b) = symptoms_on_a_phone().await;
    toggle(&b, "FEVER_ON_CHEMO").await;
    b.wait_for(".help-bar").await;
    assert_eq!(bar_level(&b).await.as_deref(), Some("TEAM_NOW"));
    toggle(&b, "NOISY_BREATHING_STRIDOR").await;
    b.wait_for(".help-bar[data-level='EMERGENCY']").await;
    let levels = b
        .js(
            "return [...document.querySelectorAll('#urgent-banner .urgent-level')].map(e => e.dataset.level)",
            vec![],
        )
        .await;
    assert_eq!(levels, json!(["EMERGENCY", "TEAM_NOW"]));
    b.assert_no_axe_violations("symptoms with two levels of urgent help")
        .await;

    // Every later screen: the bar in the first viewport at the top and after scrolling down.
    for screen in ["review", "results", "summary", "q:ps"] {
        let profile = json!({"version": 1, "histology": "NSCLC_NONSQ",
            "symptoms": ["FEVER_ON_CHEMO", "NOISY_BREATHING_STRIDOR"]});
        open(&b, &server, screen, profile).await;
        b.wait_for(".help-bar").await;
        b.wait_for("main h1").await;
        let (in_view, text) = bar_in_view(&b).await;
        assert!(in_view, "{screen}: bar out of view at the top");
        assert!(
            text.to_lowercase().contains("emergency services"),
            "{screen}: {text}"
        );
        b.js("window.scrollTo(0, document.body.scrollHeight)", vec![])
            .await;
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        let (in_view, _) = bar_in_view(&b).await;
        assert!(in_view, "{screen}: bar scrolled out of view");
    }
    assert_no_errors_but_the_seeding_favicon(&b).await;
    b.close().await;
}

#[tokio::test]
async fn the_crisis_flag_gets_the_crisis_message_on_the_results() {
    let server = StaticServer::start(dist_dir());
    let b = Browser::start().await;
    b.set_viewport(390, 844).await;
    let profile =
        json!({"version": 1, "histology": "NSCLC_NONSQ", "symptoms": ["SUICIDAL_OR_CRISIS"]});
    open(&b, &server, "results", profile).await;
    b.wait_for(".results #urgent-banner").await;
    let banner = b.text(".results #urgent-banner").await;
    assert!(
        banner.contains("988") && banner.contains("116 123"),
        "{banner}"
    );
    assert!(
        banner.to_lowercase().contains("emergency services"),
        "{banner}"
    );
    assert!(
        !banner.contains("Tell them you have lung cancer"),
        "cancer-team text: {banner}"
    );
    // The banner starts in the first viewport of the results.
    let top = b
        .js(
            "return document.querySelector('.results #urgent-banner').getBoundingClientRect().top",
            vec![],
        )
        .await;
    assert!(
        top.as_f64().unwrap_or(9999.0) < 844.0,
        "banner top at {top}"
    );
    b.assert_no_axe_violations("results with the crisis message")
        .await;
    b.close().await;
}
