//! Side-by-side comparison of 2 or 3 shown options: checkboxes to pick them, then a real
//! `<table>` (a column per option, the same rows for each: `summary_model::COMPARE_ROWS`).
//! On a phone the table scrolls sideways inside a labelled, focusable region.
//! The order of the columns is the results' order (catalogue order), never a ranking.

use guide_engine::Level;
use leptos::prelude::*;

use super::{content, dom_id, ui, ui_with, AppState};
use crate::personal::MAX_COMPARE;
use crate::state::Screen;
use crate::summary_html::compare_html;
use crate::summary_model::{comparable, valid_picks};

fn level_label(level: Level) -> &'static str {
    match level {
        Level::Likely => ui("results.likely"),
        Level::May => ui("results.may"),
        Level::Not => ui("results.not"),
    }
}

#[component]
pub fn CompareScreen() -> impl IntoView {
    let state = AppState::get();
    let c = content();
    let eval = state.evaluation;
    let options = Memo::new(move |_| eval.with(|e| comparable(c, e)));
    let picks = Memo::new(move |_| {
        let chosen = state.personal.with(|p| p.compare.clone());
        options.with(|o| valid_picks(o, &chosen))
    });

    let checkboxes = move || {
        options
            .get()
            .into_iter()
            .map(|o| {
                let input_id = dom_id(&["compare", &o.id]);
                let id = o.id.clone();
                let id_check = o.id.clone();
                let id_disabled = o.id.clone();
                view! {
                    <div class="choice">
                        <input type="checkbox" id=input_id.clone() name="compare" value=o.id.clone()
                            prop:checked=move || picks.with(|p| p.contains(&id_check))
                            prop:disabled=move || picks.with(|p| p.len() >= MAX_COMPARE && !p.contains(&id_disabled))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                state.personal.update(|p| {
                                    // Forget picks that are no longer shown before counting.
                                    let valid = options.with_untracked(|o| valid_picks(o, &p.compare));
                                    p.compare = valid;
                                    p.set_compared(&id, on);
                                });
                            } />
                        <label for=input_id>
                            {o.name.clone()}
                            <span class="compare-level">" (" {level_label(o.level)} ")"</span>
                        </label>
                    </div>
                }
            })
            .collect_view()
    };

    let status = move || {
        let n = picks.with(Vec::len);
        if n < 2 {
            ui("compare.pick_more").to_owned()
        } else if n >= MAX_COMPARE {
            ui("compare.full").to_owned()
        } else {
            ui_with("compare.count", &[("n", &n.to_string())])
        }
    };

    // The table is HTML text (`summary_html::compare_html`, escaped): no events, less wasm.
    let table = move || {
        let ids = picks.get();
        eval.with(|e| compare_html(c, e, &ids))
    };
    let has_table = move || picks.with(|p| p.len() >= 2);

    view! {
        <div class="compare">
            <h1 tabindex="-1">{ui("compare.title")}</h1>
            <p class="lead">{ui("compare.intro")}</p>
            <fieldset class="compare-pick" aria-describedby="compare-status">
                <legend>{ui("compare.pick")}</legend>
                {checkboxes}
                <p class="hint" id="compare-status" role="status">{status}</p>
            </fieldset>
            <div class="compare-part" inner_html=table></div>
            <Show when=has_table>
                <p class="compare-scroll-hint">{ui("compare.scroll_hint")}</p>
            </Show>
            <p class="results-discuss">{ui("results.discuss")}</p>
            <div class="actions">
                <button type="button" class="button secondary" id="compare-to-results"
                    on:click=move |_| state.go(Screen::Results)>
                    {ui("nav.back_to_results")}
                </button>
                <button type="button" class="button secondary" id="compare-to-summary"
                    on:click=move |_| state.go(Screen::Summary)>
                    {ui("summary.open")}
                </button>
            </div>
        </div>
    }
}
