//! The health badge: colour, a distinct shape (circle with a tick, triangle with "!",
//! dashed circle with "?", or a diamond) and a word, so status is never told by
//! colour alone.

use leptos::prelude::*;
use web_sys::Element;

use super::dom::{self, DomView};
use super::icon::icon;
use crate::model::connection::Status;

pub fn status_badge(status: &Status) -> Element {
    let kind = status_kind(status);
    let badge = dom::element("span", &format!("badge badge--{kind}"));
    dom::append(&badge, &icon(kind));
    dom::add(&badge, "span", "badge__label", status.label());
    badge
}

/// `status_badge` inside a `view!`.
#[component]
pub fn StatusBadge(status: Status) -> impl IntoView {
    DomView::new(status_badge(&status))
}

/// The name of the status's icon and badge style.
pub fn status_kind(status: &Status) -> &'static str {
    match status {
        Status::Active => "active",
        Status::Error => "error",
        Status::Unknown => "unknown",
        Status::Other(_) => "other",
    }
}
