//! A connection's health in badges, the same on its card and its page: the status
//! (word, shape and colour) and, when its last check is old, "Stale"; then any
//! other badges the caller adds.

use leptos::prelude::*;

use super::icon::Icon;
use super::status_badge::StatusBadge;
use crate::model::connection::Status;

#[component]
pub fn HealthBadges(
    /// The connection's status; `None` while the connection is not known shows no
    /// status badge.
    #[prop(into)]
    status: Signal<Option<Status>>,
    /// The last health check is older than the staleness limit
    /// (`Connection::is_stale`): the "Stale" badge shows.
    #[prop(into)]
    stale: Signal<bool>,
    /// Badges after the health ones (`WarningBadges`).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    view! {
        <div class="card__badges">
            {move || status.get().map(|status| view! { <StatusBadge status /> })}
            <span class="badge badge--stale" hidden=move || !stale.get()>
                <Icon name="stale" />
                <span class="badge__label">"Stale"</span>
            </span>
            {children.map(|children| children())}
        </div>
    }
}
