//! A timestamp as "3 hours ago", with the exact local time on hover and focus.

use chrono::{DateTime, SecondsFormat, Utc};
use leptos::prelude::*;
use web_sys::Element;

use super::dom;
use super::unique_id;
use crate::model::connection::Timestamp;
use crate::model::relative_time::relative;
use crate::platform;

/// `missing` is what to say when the API gave no time (e.g. "Never checked"). The
/// relative text follows `now`.
pub fn relative_time(at: Option<&Timestamp>, now: Signal<DateTime<Utc>>, missing: &str) -> Element {
    match at {
        None => dom::text_element("span", "when when--missing", missing),
        Some(Timestamp::Unreadable(raw)) => {
            let when = dom::text_element("span", "when when--unreadable", "Unreadable date ");
            let quote = dom::add(&when, "q", "", "");
            dom::add(&quote, "bdi", "", raw);
            when
        }
        Some(Timestamp::Valid(at)) => {
            let at = *at;
            let tooltip = unique_id("time");
            let when = dom::element("span", "when");
            let time = dom::add(&when, "time", "", "");
            dom::set(
                &time,
                "datetime",
                &at.to_rfc3339_opts(SecondsFormat::Millis, true),
            );
            dom::set(&time, "tabindex", "0");
            dom::set(&time, "aria-describedby", &tooltip);
            dom::watch_text(&time, move || relative(at, now.get()));
            let exact = dom::add(&when, "span", "when__exact", &platform::local_exact(at));
            dom::set(&exact, "role", "tooltip");
            dom::set(&exact, "id", &tooltip);
            when
        }
    }
}
