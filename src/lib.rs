//! The browser app. Placeholder until the UI lands: renders the welcome heading only.
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    view! {
        <main id="main">
            <h1>"Lung cancer that has come back: your options guide"</h1>
        </main>
    }
}
