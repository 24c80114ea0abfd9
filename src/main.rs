use guide_content::Lang;
use recurrence_guide::lang;

fn main() {
    console_error_panic_hook::set_once();
    let wanted = lang::from_page();
    if guide_content::Content::core_ready(wanted) {
        start(wanted);
        return;
    }
    // Another language's first-screen words are fetched first (the service worker has them
    // offline); if they cannot be had, the guide opens in English rather than not at all.
    wasm_bindgen_futures::spawn_local(async move {
        match lang::ensure_core(wanted).await {
            Ok(()) => start(wanted),
            Err(e) => {
                web_sys::console::warn_1(&format!("guide: {}: {e}", wanted.code()).into());
                start(Lang::En);
            }
        }
    });
}

fn start(lang: Lang) {
    lang::set_current(lang);
    let handover = recurrence_guide::remove_prerender();
    leptos::mount::mount_to_body(recurrence_guide::App);
    recurrence_guide::finish_handover(handover);
}
