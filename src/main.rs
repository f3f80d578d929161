fn main() {
    // Panic messages in the console while developing; release builds leave the hook
    // and its formatting out (about 1 KB brotli) and boot.js reports a failed start.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    mcp_console::app::start();
}
