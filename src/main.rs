fn main() {
    // Panic messages in the console while developing; release builds leave the hook
    // and its formatting out (about 1 KB brotli) and boot.js reports a failed start.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(mcp_console::app::App);
    // The static "Loading…" line in index.html is only for before the wasm runs.
    if let Some(boot) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id("boot"))
    {
        boot.remove();
    }
}
