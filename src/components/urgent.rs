//! The "get medical help now" banner (R-00, §4): shown when any red-flag symptom is ticked,
//! with the §4 banner text and the matching red-flag labels. Never judges severity.

use guide_engine::{facts::red_flags, Profile, Symptom};
use leptos::prelude::*;

use super::sources::{content, ui};

/// The labels of the red flags ticked, in §4 order (the ID where a label is missing).
pub fn red_flag_labels(flags: &[Symptom]) -> Vec<String> {
    let c = content();
    flags
        .iter()
        .map(|s| {
            c.red_flags
                .flags
                .get(s.id())
                .map(|f| f.label.clone())
                .unwrap_or_else(|| s.id().to_string())
        })
        .collect()
}

/// The banner body: title, the §4 text, and the symptoms the person ticked.
fn banner_body(flags: Vec<Symptom>, title_key: &'static str, title_id: String) -> impl IntoView {
    let c = content();
    let labels = red_flag_labels(&flags)
        .into_iter()
        .zip(flags.iter())
        .map(|(label, s)| view! { <li data-flag=s.id()>{label}</li> })
        .collect_view();
    view! {
        <h2 class="urgent-title" id=title_id>{ui(title_key)}</h2>
        <p class="urgent-text">{c.red_flags.banner.clone()}</p>
        <p class="urgent-symptoms-label">{ui("urgent.your_symptoms")}</p>
        <ul class="urgent-symptoms">{labels}</ul>
    }
}

/// The urgent banner: `role="alert"` when any §4 red flag is ticked in `profile`, nothing
/// otherwise. With `repeat`, it is the reminder at the end of a page: same text, but a
/// labelled region instead of a second alert (screen readers announce the first one).
#[component]
pub fn UrgentBanner(
    #[prop(into)] profile: Signal<Profile>,
    #[prop(optional)] repeat: bool,
) -> impl IntoView {
    let flags = Memo::new(move |_| profile.with(red_flags));
    move || {
        let flags = flags.get();
        if flags.is_empty() {
            return None;
        }
        let view = if repeat {
            view! {
                <section class="urgent-banner urgent-repeat" aria-labelledby="urgent-repeat-title">
                    {banner_body(flags, "urgent.repeat_title", "urgent-repeat-title".into())}
                </section>
            }
            .into_any()
        } else {
            view! {
                <div class="urgent-banner" role="alert" aria-labelledby="urgent-title">
                    {banner_body(flags, "urgent.title", "urgent-title".into())}
                </div>
            }
            .into_any()
        };
        Some(view)
    }
}
