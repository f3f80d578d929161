//! The health badge: colour, a distinct shape (circle with a tick, triangle with "!",
//! dashed circle with "?", or a diamond) and a word, so status is never told by
//! colour alone.

use leptos::prelude::*;

use super::icon::Icon;
use crate::model::connection::Status;

#[component]
pub fn StatusBadge(status: Status) -> impl IntoView {
    let kind = status_kind(&status);
    view! {
        <span class=format!("badge badge--{kind}")>
            <Icon name=kind />
            <span class="badge__label">{status.label().to_owned()}</span>
        </span>
    }
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
