//! The text-size control in the header: three sizes as toggle buttons (`aria-pressed`), kept on
//! the device (`crate::text_size`, `crate::storage::TEXT_SIZE_KEY`).

use leptos::prelude::*;

use super::ui;
use crate::storage::{write_pref, TEXT_SIZE_KEY};
use crate::text_size::{apply, TextSize};

/// The size in use (context from `App`): read from the device before the first render, so the
/// first screen already has it.
pub fn provide_text_size() -> RwSignal<TextSize> {
    let saved = crate::storage::read_pref(TEXT_SIZE_KEY);
    let size = RwSignal::new(TextSize::from_saved(saved.as_deref()));
    apply(size.get_untracked());
    provide_context(size);
    size
}

/// Sets the size, on the page and on the device (the standard size removes the saved key, so a
/// person who never changed it has nothing stored for it).
pub fn set_text_size(size: TextSize) {
    if let Some(signal) = use_context::<RwSignal<TextSize>>() {
        signal.set(size);
    }
    apply(size);
    let saved = (size != TextSize::Standard).then(|| size.saved_form());
    // Blocked or full storage: the size still applies for this visit; the storage notice says why
    // nothing is kept.
    let _ = write_pref(TEXT_SIZE_KEY, saved.as_deref());
}

#[component]
pub fn TextSizeControl() -> impl IntoView {
    let current =
        use_context::<RwSignal<TextSize>>().unwrap_or_else(|| RwSignal::new(TextSize::Standard));
    let buttons = TextSize::ALL
        .into_iter()
        .map(|size| {
            let pressed = move || {
                if current.get() == size {
                    "true"
                } else {
                    "false"
                }
            };
            view! {
                <button type="button" class="text-size-button" id=format!("text-size-{}", size.percent()) data-size=size.percent()
                    aria-pressed=pressed on:click=move |_| set_text_size(size)>
                    {format!("{}%", size.percent())}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="text-size" role="group" aria-labelledby="text-size-label">
            <span id="text-size-label" class="text-size-label">{ui("text_size.label")}</span>
            {buttons}
        </div>
    }
}
