//! Choosing the language (`crate::lang`): in the header's menu, each language named in itself
//! with its own `lang` attribute, the one in use pressed. Choosing another opens the guide again
//! in it; the answers are kept.

use guide_content::Lang;
use leptos::prelude::*;

use super::ui;

/// One button per language: "English", "Español".
fn buttons(id_prefix: &'static str, only_others: bool) -> impl IntoView {
    let now = crate::lang::current();
    Lang::ALL
        .iter()
        .copied()
        .filter(move |l| !(only_others && *l == now))
        .map(move |l| {
            let pressed = if l == now { "true" } else { "false" };
            view! {
                <button type="button" class="lang-button" id=format!("{id_prefix}{}", l.code())
                    lang=l.code() data-lang=l.code() aria-pressed=pressed
                    on:click=move |_| if l != now { crate::lang::switch_to(l) }>
                    {l.name()}
                </button>
            }
        })
        .collect_view()
}

/// The language group of the header's menu.
#[component]
pub fn LanguageControl() -> impl IntoView {
    view! {
        <div class="lang-choice" role="group" aria-labelledby="lang-label">
            <span id="lang-label" class="text-size-label">{ui("lang.label")}</span>
            {buttons("lang-", false)}
        </div>
    }
}

/// On the welcome: the other languages, so a person who reads only one of them finds it
/// without opening a menu labelled in a language they may not read.
#[component]
pub fn LanguageOffer() -> impl IntoView {
    view! { <p class="lang-offer">{buttons("welcome-lang-", true)}</p> }
}
