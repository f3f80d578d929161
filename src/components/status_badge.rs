//! The health badge: colour, a distinct shape and a word, so status is never told by
//! colour alone.

use leptos::prelude::*;

use crate::model::connection::Status;

#[component]
pub fn StatusBadge(status: Status) -> impl IntoView {
    let kind = match status {
        Status::Active => "active",
        Status::Error => "error",
        Status::Unknown => "unknown",
        Status::Other(_) => "other",
    };
    view! {
        <span class=format!("badge badge--{kind}")>
            <StatusIcon status=status.clone() />
            <span class="badge__label">{status.label().to_owned()}</span>
        </span>
    }
}

/// Circle with a tick, triangle with "!", dashed circle with "?", or a diamond.
#[component]
pub fn StatusIcon(status: Status) -> impl IntoView {
    let shape = match status {
        Status::Active => view! {
            <circle cx="8" cy="8" r="7" fill="currentColor" />
            <path
                d="M4.6 8.3l2.2 2.2 4.6-4.8"
                fill="none"
                stroke="var(--icon-on-badge)"
                stroke-width="1.8"
                stroke-linecap="round"
                stroke-linejoin="round"
            />
        }
        .into_any(),
        Status::Error => view! {
            <path d="M8 1.3 15.2 14.2H.8z" fill="currentColor" stroke-linejoin="round" />
            <path d="M8 5.8v4" stroke="var(--icon-on-badge)" stroke-width="1.8" stroke-linecap="round" />
            <circle cx="8" cy="12.1" r="1" fill="var(--icon-on-badge)" />
        }
        .into_any(),
        Status::Unknown => view! {
            <circle cx="8" cy="8" r="6.6" fill="none" stroke="currentColor" stroke-width="1.6" stroke-dasharray="3 2" />
            <path
                d="M6.2 6.3a1.9 1.9 0 1 1 2.6 1.8c-.5.2-.8.6-.8 1.1v.5"
                fill="none"
                stroke="currentColor"
                stroke-width="1.5"
                stroke-linecap="round"
            />
            <circle cx="8" cy="11.6" r=".9" fill="currentColor" />
        }
        .into_any(),
        Status::Other(_) => view! {
            <path d="M8 1.5 14.5 8 8 14.5 1.5 8z" fill="none" stroke="currentColor" stroke-width="1.6" />
        }
        .into_any(),
    };
    view! {
        <svg class="status-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            {shape}
        </svg>
    }
}
