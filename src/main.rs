fn main() {
    console_error_panic_hook::set_once();
    let handover = recurrence_guide::remove_prerender();
    leptos::mount::mount_to_body(recurrence_guide::App);
    recurrence_guide::finish_handover(handover);
}
