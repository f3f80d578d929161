//! The browser's clock, locale and address bar, behind plain functions so the rest
//! of the code takes them as data. Failures of the browser API fall back quietly:
//! none of them may take the page down.

use chrono::{DateTime, Utc};
use wasm_bindgen::{JsCast, JsValue};

pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// Resolves when the browser calls back what `schedule` handed it; at once where
/// there is no window or it would not take it.
async fn called_back(schedule: impl Fn(&web_sys::Window, &js_sys::Function) -> bool) {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let scheduled = web_sys::window().is_some_and(|window| schedule(&window, &resolve));
        if !scheduled {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Resolves in a later task (`setTimeout(0)`), so the browser can paint and handle
/// input in between. Resolves at once where there is no window.
pub async fn next_task() {
    sleep_ms(0).await;
}

/// Resolves after `ms` milliseconds (`setTimeout`); at once where there is no window.
pub async fn sleep_ms(ms: i32) {
    called_back(|window, resolve| {
        window
            .set_timeout_with_callback_and_timeout_and_arguments_0(resolve, ms)
            .is_ok()
    })
    .await;
}

/// Resolves in the task after the next frame is painted (`requestAnimationFrame`,
/// then `next_task`): work that must not delay what is about to show waits here.
pub async fn after_paint() {
    called_back(|window, resolve| window.request_animation_frame(resolve).is_ok()).await;
    next_task().await;
}

/// Saves `parts` (strings or byte arrays) as a file named `file_name` through a
/// Blob URL and a clicked download link. False when the browser refused.
pub fn download(parts: &js_sys::Array, mime_type: &str, file_name: &str) -> bool {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime_type);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(parts, &options) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let clicked = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.create_element("a").ok())
        .and_then(|element| element.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .map(|link| {
            link.set_href(&url);
            link.set_download(file_name);
            link.click();
        })
        .is_some();
    // Revoked later, not at once: some browsers start reading the Blob only after
    // the click's task.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(60),
    );
    clicked
}

/// The page's origin, e.g. "https://console.example.com" ("" if unknown).
pub fn origin() -> String {
    web_sys::window()
        .and_then(|window| window.location().origin().ok())
        .unwrap_or_default()
}

thread_local! {
    /// One formatter for every exact time, in the browser's own locale: asking
    /// `toLocaleString` with options builds a formatter each time, about 0.15 ms
    /// here, three times a card, which a list of hundreds of cards felt.
    static EXACT_TIME: js_sys::Function = {
        let options = js_sys::Object::new();
        // Setting a property on a fresh plain object cannot fail.
        let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
        let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"long".into());
        js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &options).format()
    };
}

/// The exact time in the browser's locale and time zone, e.g.
/// "24 Nov 2026, 14:05:09 CET".
pub fn local_exact(at: DateTime<Utc>) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(at.timestamp_millis() as f64));
    EXACT_TIME
        .with(|format| format.call1(&JsValue::UNDEFINED, &date))
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_default()
}

/// The host of `url` as the browser's URL parser writes it: a name beyond ASCII in
/// its punycode form (`xn--…`), the name DNS is asked for. `None` when the browser
/// cannot parse the URL.
pub fn ascii_host(url: &str) -> Option<String> {
    web_sys::Url::new(url)
        .ok()
        .map(|url| url.hostname())
        .filter(|host| !host.is_empty())
}

/// `location.pathname`, or "/" when it cannot be read.
pub fn location_path() -> String {
    web_sys::window()
        .and_then(|window| window.location().pathname().ok())
        .unwrap_or_else(|| "/".to_owned())
}

/// `location.search` ("" or "?…"), or "" when it cannot be read.
pub fn location_search() -> String {
    web_sys::window()
        .and_then(|window| window.location().search().ok())
        .unwrap_or_default()
}

/// Goes to `url` (a path and query of this origin) as a new history entry, with
/// `mark` as its state (`history_mark` reads it back on Back, Forward or reload).
pub fn push_url(url: &str, mark: Option<&str>) {
    let state = mark.map_or(JsValue::NULL, JsValue::from_str);
    if let Some(history) = web_sys::window().and_then(|window| window.history().ok()) {
        let _ = history.push_state_with_url(&state, "", Some(url));
    }
}

/// Goes to `url` in the current history entry, which keeps its mark.
pub fn replace_url(url: &str) {
    let Some(history) = web_sys::window().and_then(|window| window.history().ok()) else {
        return;
    };
    let state = history.state().unwrap_or(JsValue::NULL);
    let _ = history.replace_state_with_url(&state, "", Some(url));
}

/// The history state of the current entry, when it is a string (a mark such as
/// `model::route::OPENED_FROM_LIST`, given to `push_url`).
pub fn history_mark() -> Option<String> {
    web_sys::window()
        .and_then(|window| window.history().ok())
        .and_then(|history| history.state().ok())
        .and_then(|state| state.as_string())
}

/// The console puts the page's scroll back itself on Back and Forward (the list is
/// hidden, not gone, while a connection is open): the browser's own restoration
/// would race it, and Firefox's lands before the list is shown again.
pub fn restore_scroll_manually() {
    if let Some(history) = web_sys::window().and_then(|window| window.history().ok()) {
        let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
    }
}

/// Back one history entry (its `popstate` follows).
pub fn history_back() {
    if let Some(history) = web_sys::window().and_then(|window| window.history().ok()) {
        let _ = history.back();
    }
}

pub fn set_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|window| window.document()) {
        document.set_title(title);
    }
}

/// Focuses the element of the first selector that matches one.
pub fn focus_first(selectors: &[&str]) {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let element = selectors
        .iter()
        .find_map(|selector| document.query_selector(selector).ok().flatten())
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// How far the page is scrolled down, in CSS pixels.
pub fn scroll_y() -> f64 {
    web_sys::window()
        .and_then(|window| window.scroll_y().ok())
        .unwrap_or_default()
}

pub fn scroll_to_y(y: f64) {
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(0.0, y);
    }
}

/// Puts `text` on the clipboard; false when the browser refuses (no permission, not
/// a secure context, no clipboard).
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Whether a key press at `target` is typing (a text field, a select, editable
/// content), which page-wide shortcuts must leave alone.
pub fn is_typing_target(target: Option<web_sys::EventTarget>) -> bool {
    let Some(element) = target.and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return false;
    };
    matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || element
            .closest("[contenteditable]:not([contenteditable=false])")
            .ok()
            .flatten()
            .is_some()
}

/// `navigator.onLine`; true when it cannot be read, so nothing waits forever.
pub fn is_online() -> bool {
    web_sys::window().is_none_or(|window| window.navigator().on_line())
}

/// Whether the tab is visible (`document.visibilityState`).
pub fn is_visible() -> bool {
    web_sys::window()
        .and_then(|window| window.document())
        .is_none_or(|document| document.visibility_state() == web_sys::VisibilityState::Visible)
}

/// The key lives in `sessionStorage`: gone when the tab closes, never in a URL.
const KEY_ITEM: &str = "mcp-console.api-key";

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

pub fn stored_key() -> Option<String> {
    session_storage()?.get_item(KEY_ITEM).ok().flatten()
}

/// Returns false when the browser refuses to store it (the key then lasts until
/// the page is reloaded).
pub fn store_key(secret: &str) -> bool {
    session_storage().is_some_and(|storage| storage.set_item(KEY_ITEM, secret).is_ok())
}

pub fn forget_key() {
    if let Some(storage) = session_storage() {
        let _ = storage.remove_item(KEY_ITEM);
    }
}

/// The list's layout the admin chose last, remembered by this browser in
/// `localStorage` (a preference, not a secret).
const LAYOUT_ITEM: &str = "mcp-console.view";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn stored_layout() -> Option<String> {
    local_storage()?.get_item(LAYOUT_ITEM).ok().flatten()
}

/// Quietly does nothing when the browser refuses (storage off or full): the choice
/// then lasts as long as the URL that carries it.
pub fn store_layout(value: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(LAYOUT_ITEM, value);
    }
}
