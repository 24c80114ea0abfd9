//! `DetailsGate`: what needs the option cards or sources (results, summary, comparison, source
//! lists) waits here until they are fetched (`crate::details`). Meanwhile a short "Loading the
//! treatment details…"; if they could not be fetched (offline before the guide was ever kept
//! for offline use), why, and a "Try again" button. Once they are there, the children render
//! exactly as they would have.

use leptos::prelude::*;
use web_sys::wasm_bindgen::JsCast;

use super::{ui, AppState};
use crate::details::{load, DetailsStatus};

/// After the waiting message was replaced and focus went with it (to the page body), focus the
/// screen's heading, or the "Try again" button when the fetch failed.
fn refocus(status: DetailsStatus, has_heading: bool) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let lost = match (doc.active_element(), doc.body()) {
        (None, _) => true,
        (Some(a), Some(body)) => a == *body.unchecked_ref::<web_sys::Element>(),
        _ => false,
    };
    if !lost {
        return;
    }
    let css = match status {
        DetailsStatus::Failed => "main .details-retry",
        _ if has_heading => "main h1",
        _ => return,
    };
    if let Some(el) = doc
        .query_selector(css)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Renders `children` once the details are there. `title` (a UI key): the screen's own heading,
/// shown as the `h1` while waiting so focus and the page title are right from the start.
/// `waiting` (a UI key): the waiting message, "Loading the treatment details…" by default.
#[component]
pub fn DetailsGate(
    #[prop(optional)] title: Option<&'static str>,
    #[prop(optional)] waiting: Option<&'static str>,
    children: ChildrenFn,
) -> impl IntoView {
    let status = match use_context::<AppState>() {
        Some(state) => state.details,
        None => RwSignal::new(DetailsStatus::initial(crate::lang::current())),
    };
    Effect::new(move |prev: Option<DetailsStatus>| {
        let now = status.get();
        if prev.is_some_and(|p| p != now) {
            request_animation_frame(move || refocus(now, title.is_some()));
        }
        now
    });
    move || {
        let now = status.get();
        if now == DetailsStatus::Ready {
            return children().into_any();
        }
        let heading = title.map(|t| view! { <h1 tabindex="-1">{ui(t)}</h1> });
        let body = if now == DetailsStatus::Loading {
            view! { <p class="details-loading" role="status">{ui(waiting.unwrap_or("details.loading"))}</p> }
                .into_any()
        } else {
            view! {
                <div class="details-failed" role="alert">
                    <p>{ui("details.failed")}</p>
                    <button type="button" class="button secondary details-retry"
                        on:click=move |_| load(crate::lang::current(), status)>
                        {ui("details.retry")}
                    </button>
                </div>
            }
            .into_any()
        };
        view! { <div class="details-wait" data-details=now.id()>{heading}{body}</div> }.into_any()
    }
}
