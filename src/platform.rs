//! The browser's clock, locale and address bar, behind plain functions so the rest
//! of the code takes them as data. Failures of the browser API fall back quietly:
//! none of them may take the page down.

use chrono::{DateTime, Utc};
use wasm_bindgen::{JsCast, JsValue};

pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// Resolves in a later task (`setTimeout(0)`), so the browser can paint and handle
/// input in between. Resolves at once where there is no window.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let scheduled = web_sys::window()
            .and_then(|window| window.set_timeout_with_callback(&resolve).ok())
            .is_some();
        if !scheduled {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// The exact time in the browser's locale and time zone, e.g.
/// "24 Nov 2026, 14:05:09 CET".
pub fn local_exact(at: DateTime<Utc>) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(at.timestamp_millis() as f64));
    let options = js_sys::Object::new();
    // Setting a property on a fresh plain object cannot fail.
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
    let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"long".into());
    // "default" is the browser's own locale.
    date.to_locale_string("default", &options).into()
}

/// `location.search`, or "" when it cannot be read.
pub fn location_search() -> String {
    web_sys::window()
        .and_then(|window| window.location().search().ok())
        .unwrap_or_default()
}

/// Replaces the query string with `search` as a new history entry, without a reload.
pub fn push_search(search: &str) {
    change_search(search, false);
}

/// Replaces the query string with `search` in the current history entry.
pub fn replace_search(search: &str) {
    change_search(search, true);
}

fn change_search(search: &str, replace: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let path = location.pathname().unwrap_or_else(|_| "/".to_owned());
    let hash = location.hash().unwrap_or_default();
    let url = format!("{path}{search}{hash}");
    if let Ok(history) = window.history() {
        let _ = if replace {
            history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
        } else {
            history.push_state_with_url(&JsValue::NULL, "", Some(&url))
        };
    }
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
