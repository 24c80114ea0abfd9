//! The person's own questions and notes: a list with a Delete button per item and a labelled
//! field to add one. Kept on the device with the answers (`storage.rs`), shown on the results
//! with the generated questions and in the visit summary. In print only the lists show.
//!
//! Limits a person can see (nothing is cut without a word): the field has `maxlength` and a
//! counter ([`Counter`]); longer text (pasted, or set by a script) is refused with a message; a
//! full list says so under the list.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use web_sys::wasm_bindgen::JsCast;

use super::{ui, ui_with, AppState};
use crate::personal::{text_len, Added, MAX_ITEMS, MAX_TEXT};

/// Which list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListKind {
    Questions,
    Notes,
}

impl ListKind {
    fn key(self) -> &'static str {
        match self {
            ListKind::Questions => "own-questions",
            ListKind::Notes => "own-notes",
        }
    }
    fn text(self, part: &str) -> &'static str {
        match (self, part) {
            (ListKind::Questions, "title") => ui("mine.questions.title"),
            (ListKind::Questions, "empty") => ui("mine.questions.empty"),
            (ListKind::Questions, "label") => ui("mine.questions.label"),
            (ListKind::Questions, "add") => ui("mine.questions.add"),
            (ListKind::Questions, "added") => ui("mine.questions.added"),
            (ListKind::Notes, "title") => ui("mine.notes.title"),
            (ListKind::Notes, "empty") => ui("mine.notes.empty"),
            (ListKind::Notes, "label") => ui("mine.notes.label"),
            (ListKind::Notes, "add") => ui("mine.notes.add"),
            (ListKind::Notes, "added") => ui("mine.notes.added"),
            (ListKind::Questions, "full") => ui("mine.questions.full"),
            (ListKind::Notes, "full") => ui("mine.notes.full"),
            _ => "",
        }
    }
}

fn focus_id(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// One list (own questions or notes) with its add form. `sub` makes the title an `h3` (inside a
/// section that already has an `h2`).
#[component]
pub fn PersonalList(kind: ListKind, #[prop(optional)] sub: bool) -> impl IntoView {
    let state = AppState::get();
    let text = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let key = kind.key();
    let title_id = format!("{key}-title");
    let input_id = format!("{key}-input");

    let items = move || {
        state.personal.with(|p| match kind {
            ListKind::Questions => p.own_questions.clone(),
            ListKind::Notes => p.notes.clone(),
        })
    };
    let input_id_focus = input_id.clone();
    let list = move || {
        let items = items();
        if items.is_empty() {
            return view! { <p class="own-empty">{kind.text("empty")}</p> }.into_any();
        }
        let input_id = input_id_focus.clone();
        let lis = items
            .into_iter()
            .enumerate()
            .map(|(i, item)| {
                let input_id = input_id.clone();
                let remove = move |_| {
                    state.personal.update(|p| match kind {
                        ListKind::Questions => p.remove_question(i),
                        ListKind::Notes => p.remove_note(i),
                    });
                    status.set(ui("mine.deleted").to_owned());
                    focus_id(&input_id);
                };
                view! {
                    <li class="own-item">
                        <span class="own-text">{item.clone()}</span>
                        " "
                        <button type="button" class="link-button own-delete" on:click=remove>
                            {ui("mine.delete")}
                            <span class="visually-hidden">": " {item}</span>
                        </button>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="own-list" data-list=key>{lis}</ul> }.into_any()
    };

    let add = move |ev: SubmitEvent| {
        ev.prevent_default();
        let t = text.get_untracked();
        let mut added = Added::Blank;
        state.personal.update(|p| {
            added = match kind {
                ListKind::Questions => p.add_question(&t),
                ListKind::Notes => p.add_note(&t),
            }
        });
        status.set(match added {
            Added::Yes => {
                text.set(String::new());
                kind.text("added").to_owned()
            }
            Added::Blank => String::new(),
            Added::TooLong => ui_with(
                "limit.too_long",
                &[
                    ("n", &text_len(t.trim()).to_string()),
                    ("max", &MAX_TEXT.to_string()),
                ],
            ),
            Added::Full => kind.text("full").to_owned(),
        });
    };
    let full = move || {
        state.personal.with(|p| match kind {
            ListKind::Questions => p.own_questions.len(),
            ListKind::Notes => p.notes.len(),
        }) >= MAX_ITEMS
    };

    let title = kind.text("title");
    let heading = if sub {
        view! { <h3 id=title_id.clone()>{title}</h3> }.into_any()
    } else {
        view! { <h2 id=title_id.clone()>{title}</h2> }.into_any()
    };
    let count_id = format!("{key}-count");
    let field = match kind {
        ListKind::Questions => view! {
            <input type="text" id=input_id.clone() class="own-input" autocomplete="off"
                maxlength=MAX_TEXT aria-describedby=count_id.clone()
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev)) />
        }
        .into_any(),
        ListKind::Notes => view! {
            <textarea id=input_id.clone() class="own-input" rows="3"
                maxlength=MAX_TEXT aria-describedby=count_id.clone()
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))></textarea>
        }
        .into_any(),
    };

    view! {
        <section class="own-section" data-kind=key aria-labelledby=title_id>
            {heading}
            {list}
            <form class="own-form no-print" on:submit=add>
                <label for=input_id.clone()>{kind.text("label")}</label>
                {field}
                <Counter id=count_id text=text.into() />
                <button type="submit" class="button secondary" id=format!("{key}-add")>{kind.text("add")}</button>
            </form>
            <Show when=full>
                <p class="own-limit" data-limit=key>{kind.text("full")}</p>
            </Show>
            <p class="own-status" role="status" id=format!("{key}-status")>{move || status.get()}</p>
        </section>
    }
}

/// "12 of 2000 characters" under a field with `maxlength` [`MAX_TEXT`] (its `aria-describedby`);
/// at the limit it also says that nothing more fits (a paste past it is cut by the browser).
#[component]
pub fn Counter(id: String, text: Signal<String>) -> impl IntoView {
    let words = move || {
        let n = text.with(|t| text_len(t));
        let max = MAX_TEXT.to_string();
        let mut s = ui_with("limit.count", &[("n", &n.to_string()), ("max", &max)]);
        if n == MAX_TEXT {
            s.push(' ');
            s.push_str(&ui_with("limit.reached", &[("max", &max)]));
        }
        s
    };
    view! { <p class="counter" id=id>{words}</p> }
}
