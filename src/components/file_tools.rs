//! "Save as file" and "Open a saved file" (the browser side of [`crate::saved_file`]).
//!
//! Saving builds the file in the page (a `Blob` and an object URL, clicked as a download link):
//! nothing is sent anywhere. Opening reads the chosen file with `Blob.text()`, checks it with
//! [`read_file`], and only if it is good replaces the answers, after a confirmation when there
//! are answers already. A bad file gives its own message and changes nothing.

use std::time::Duration;

use leptos::html;
use leptos::prelude::*;
use web_sys::wasm_bindgen::{JsCast, JsValue};

use super::{ui, ui_with, AppState};
use crate::saved_file::{file_json, file_name, read_file, FileError, Loaded, MAX_FILE_BYTES};
use crate::state::{Answers, Screen};

/// Today's local date as `YYYY-MM-DD`.
pub fn today_iso() -> String {
    let d = web_sys::js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// Starts a download of `text` as `name` (a Blob and an object URL; no request is made).
fn download(name: &str, text: &str) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let body = document.body().ok_or("no body")?;
    let parts = web_sys::js_sys::Array::new();
    parts.push(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(name);
    a.set_attribute("hidden", "")?;
    body.append_child(&a)?;
    a.click();
    let _ = body.remove_child(&a);
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        Duration::from_secs(5),
    );
    Ok(())
}

/// The "Save as file" button and its status line. `id` (default `save-file`) names the button;
/// its status line is `<id>-status`.
#[component]
pub fn SaveFile(#[prop(optional)] id: Option<&'static str>) -> impl IntoView {
    let id = id.unwrap_or("save-file");
    let state = AppState::get();
    let status = RwSignal::new(String::new());
    let save = move |_| {
        let name = file_name(&today_iso());
        let text = state.answers.with_untracked(|a| {
            state
                .personal
                .with_untracked(|p| file_json(a.profile(), p, &crate::storage::now_iso()))
        });
        status.set(match download(&name, &text) {
            Ok(()) => ui_with("file.saved", &[("name", &name)]),
            Err(_) => ui("file.save_failed").to_owned(),
        });
    };
    view! {
        <div class="file-save">
            <button type="button" class="button secondary" id=id on:click=save>
                {ui("file.save")}
            </button>
            <p class="file-status" role="status" id=format!("{id}-status")>{move || status.get()}</p>
        </div>
    }
}

/// Replaces the answers and what the person added with a good file, then shows the results.
fn apply(state: AppState, loaded: Loaded) {
    state.answers.set(Answers::from_profile(loaded.profile));
    state.personal.set(loaded.personal);
    state.go(Screen::Results);
}

/// The "Open a saved file" control: a labelled file input, its messages and the confirmation.
#[component]
pub fn OpenFile() -> impl IntoView {
    let state = AppState::get();
    let error: RwSignal<Option<FileError>> = RwSignal::new(None);
    let info = RwSignal::new(String::new());
    let pending: StoredValue<Option<Loaded>, LocalStorage> = StoredValue::new_local(None);
    let dialog: NodeRef<html::Dialog> = NodeRef::new();

    let handle_text = move |text: Option<String>| {
        let result = match text {
            Some(t) => read_file(&t),
            None => Err(FileError::Damaged("not text".into())),
        };
        match result {
            Err(e) => {
                info.set(String::new());
                error.set(Some(e));
            }
            Ok(loaded) => {
                error.set(None);
                let has_answers = !state.answers.with_untracked(|a| a.is_empty())
                    || !state.personal.with_untracked(|p| p.is_empty());
                if has_answers {
                    pending.set_value(Some(loaded));
                    if let Some(d) = dialog.get_untracked() {
                        let _ = d.show_modal();
                        // By script, not `autofocus` (refused, with a console error, in a
                        // frame of another site: the embed).
                        if let Ok(Some(safe)) = d.query_selector("#cancel-open-file") {
                            if let Some(safe) = safe.dyn_ref::<web_sys::HtmlElement>() {
                                let _ = safe.focus();
                            }
                        }
                    }
                } else {
                    apply(state, loaded);
                }
            }
        }
    };

    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        // Cleared so that choosing the same file again reads it again.
        input.set_value("");
        info.set(String::new());
        if file.size() > MAX_FILE_BYTES {
            error.set(Some(FileError::TooLarge));
            return;
        }
        let promise = file.text();
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(promise)
                .await
                .ok()
                .and_then(|v| v.as_string());
            handle_text(text);
        });
    };

    let close = move || {
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
    };
    let confirm = move |_| {
        close();
        if let Some(loaded) = pending.try_update_value(|p| p.take()).flatten() {
            apply(state, loaded);
        }
    };
    let cancel = move |_| {
        close();
        pending.set_value(None);
        info.set(ui("file.kept").to_owned());
    };

    view! {
        <div class="file-open">
            <label for="open-file" class="file-open-label">{ui("file.open")}</label>
            <span class="hint" id="open-file-hint">{ui("file.open_hint")}</span>
            <input type="file" id="open-file" accept=".json,application/json"
                aria-describedby="open-file-hint" on:change=on_change />
            <div class="file-messages" aria-live="polite">
                {move || error.get().map(|e| {
                    let [(k, v)] = e.vars();
                    view! {
                        <p class="file-error" role="alert" data-error=e.code()>{ui_with(e.ui_key(), &[(k, &v)])}</p>
                    }
                })}
                <p class="file-status">{move || info.get()}</p>
            </div>
            <dialog node_ref=dialog class="dialog" aria-labelledby="open-file-title" aria-describedby="open-file-body">
                <h2 id="open-file-title">{ui("file.confirm.title")}</h2>
                <p id="open-file-body">{ui("file.confirm.body")}</p>
                <div class="actions">
                    <button type="button" class="button primary" id="confirm-open-file" on:click=confirm>
                        {ui("file.confirm.yes")}
                    </button>
                    <button type="button" class="button secondary" id="cancel-open-file" on:click=cancel>
                        {ui("file.confirm.no")}
                    </button>
                </div>
            </dialog>
        </div>
    }
}
