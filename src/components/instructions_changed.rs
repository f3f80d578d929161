//! "Instructions changed" on a card: the instructions differ from the ones last
//! reviewed in this browser, since when that was first noticed. Word and icon,
//! never colour alone.

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use super::icon::Icon;
use super::relative_time::RelativeTime;
use crate::model::connection::Timestamp;

/// What a change is, in the words of the page: this browser's, not the team's.
pub const OWN_REVIEW: &str = "These are the changes this browser has noticed since its last review. Other admins' browsers keep their own.";

#[component]
pub fn InstructionsChanged(
    /// When the change was first noticed.
    since: DateTime<Utc>,
    #[prop(into)] now: Signal<DateTime<Utc>>,
) -> impl IntoView {
    view! {
        <p class="review-note">
            <ChangedBadge />
            " first noticed "
            <RelativeTime at=Some(Timestamp::Valid(since)) now missing="" />
        </p>
    }
}

/// The badge alone, as a compact row's marker.
#[component]
pub fn ChangedBadge() -> impl IntoView {
    view! {
        <span class="badge badge--changed" title="Differs from the instructions last reviewed in this browser">
            <Icon name="changed" />
            <span class="badge__label">"Instructions changed"</span>
        </span>
    }
}
