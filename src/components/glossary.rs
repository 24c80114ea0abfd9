//! `Glossed`: text in which glossary terms open their plain meaning inline.
//!
//! Each term (first occurrence per text, whole word, any case; see `glossary_match`) becomes a
//! `<button aria-expanded>` followed by its definition, hidden until the button is pressed.
//! Keyboard: Tab to the term, Enter or Space toggles. Screen readers hear "term, button,
//! collapsed/expanded", and the definition follows the button in reading order.

use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use guide_content::Content;
use leptos::prelude::*;

use super::{content, ui};
use crate::glossary_match::{GlossaryIndex, Segment};

/// The glossary of a content bundle, prepared once.
pub fn glossary_index(c: &'static Content) -> &'static GlossaryIndex {
    // One bundle per language; the app has one language at a time, so cache per bundle address.
    static CACHE: OnceLock<std::sync::Mutex<Vec<(usize, &'static GlossaryIndex)>>> =
        OnceLock::new();
    let key = c as *const Content as usize;
    let cache = CACHE.get_or_init(Default::default);
    let mut cache = cache.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, idx)) = cache.iter().find(|(k, _)| *k == key) {
        return idx;
    }
    let index = GlossaryIndex::new(c.glossary.iter().map(|(id, e)| {
        let mut forms = vec![e.term.clone()];
        forms.extend(e.aliases.iter().cloned());
        (id.clone(), forms)
    }));
    let leaked: &'static GlossaryIndex = Box::leak(Box::new(index));
    cache.push((key, leaked));
    leaked
}

fn next_id() -> usize {
    static N: AtomicUsize = AtomicUsize::new(0);
    N.fetch_add(1, Ordering::Relaxed)
}

/// The glossary entries already marked in a group of texts (one option card), so each term is
/// a button only at its first occurrence in the group. Texts are marked in the order their
/// `Glossed` components are built.
#[derive(Clone, Debug, Default)]
pub struct GlossScope(Arc<Mutex<HashSet<String>>>);

impl GlossScope {
    pub fn new() -> GlossScope {
        GlossScope::default()
    }
}

/// Text with glossary terms as accessible disclosures. With `scope`, a term already marked in
/// an earlier text of the same scope stays plain text.
#[component]
pub fn Glossed(
    #[prop(into)] text: String,
    #[prop(optional)] scope: Option<GlossScope>,
) -> impl IntoView {
    let c = content();
    let index = glossary_index(c);
    let segments = match scope {
        Some(GlossScope(seen)) => {
            let mut seen = seen.lock().unwrap_or_else(|e| e.into_inner());
            index.segments_excluding(&text, &mut seen)
        }
        None => index.segments(&text),
    };
    let mut after_term = false;
    segments
        .into_iter()
        .map(|s| match s {
            Segment::Text(t) => {
                // Punctuation right after a term stays on its line: a word joiner (U+2060,
                // invisible) forbids the break browsers allow after the term's button
                // ("metastases" / ". Your scan...").
                let t = if std::mem::take(&mut after_term)
                    && t.starts_with([
                        '.', ',', ';', ':', '!', '?', ')', '"', '\u{201d}', '\u{2019}',
                    ]) {
                    format!("\u{2060}{t}")
                } else {
                    t
                };
                t.into_any()
            }
            Segment::Term { id, text } => {
                after_term = true;
                view! { <GlossTerm id=id text=text /> }.into_any()
            }
        })
        .collect_view()
}

/// One glossary term: the words as written, a toggle button, and the definition.
#[component]
fn GlossTerm(id: String, text: String) -> impl IntoView {
    let c = content();
    let definition = c
        .glossary
        .get(&id)
        .map(|e| e.definition.clone())
        .unwrap_or_default();
    let open = RwSignal::new(false);
    let def_id = format!("gloss-{}", next_id());
    view! {
        <span class="gloss" data-term=id>
            <button
                type="button"
                class="gloss-term"
                aria-expanded=move || if open.get() { "true" } else { "false" }
                aria-controls=def_id.clone()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {text}
            </button>
            <span class="gloss-def" id=def_id hidden=move || !open.get()>
                <span class="visually-hidden">{ui("glossary.meaning")}</span>
                {definition}
            </span>
        </span>
    }
}
