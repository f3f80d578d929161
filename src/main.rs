use leptos::prelude::*;
use mcp_console::app::App;

fn main() {
    // Panic messages in the console while developing; release builds leave the hook
    // and its formatting out and boot.js reports a failed start.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    // The console lives in index.html's <main>, under the static top bar, in place
    // of its "Loading…" line.
    match document().get_element_by_id("main") {
        Some(main) => {
            main.set_text_content(None);
            leptos::mount::mount_to(wasm_bindgen::JsCast::unchecked_into(main), App).forget();
        }
        None => leptos::mount::mount_to_body(App),
    }
}
