//! The browser's clock, locale and address bar, behind plain functions so the rest
//! of the code takes them as data. Failures of the browser API fall back quietly:
//! none of them may take the page down.

use chrono::{DateTime, Utc};
use wasm_bindgen::JsValue;

pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
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
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let path = location.pathname().unwrap_or_else(|_| "/".to_owned());
    let hash = location.hash().unwrap_or_default();
    let url = format!("{path}{search}{hash}");
    if let Ok(history) = window.history() {
        let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}
