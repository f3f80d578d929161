//! One connection as a card: name, health, where it points, when it was checked, what
//! it tells agents, and "Test now". The card stays in place while its data changes, so
//! focus and the expanded instructions survive refreshes and health checks.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use super::connection_name::ConnectionName;
use super::health_badges::HealthBadges;
use super::instructions::Instructions;
use super::instructions_changed::InstructionsChanged;
use super::relative_time::RelativeTime;
use super::server_link::ServerLink;
use super::test_now::TestNow;
use super::unique_id;
use super::warning_badges::WarningBadges;
use crate::model::agent_usage::used_by;
use crate::model::connection::Connection;
use crate::model::search::Query;

#[component]
pub fn ConnectionCard(
    /// The connection, as of the latest load or health check.
    #[prop(into)]
    connection: Signal<Connection>,
    #[prop(into)] now: Signal<DateTime<Utc>>,
    /// Its status changed in the latest load: highlighted briefly.
    #[prop(optional, into)]
    changed: Signal<bool>,
    /// When a change of its instructions since their review was first noticed.
    #[prop(optional, into)]
    instructions_changed: Signal<Option<DateTime<Utc>>>,
    /// A health check of this connection is running.
    #[prop(optional, into)]
    testing: Signal<bool>,
    /// What the last health check said, if anything worth saying.
    #[prop(optional, into)]
    test_note: Signal<Option<String>>,
    /// "Test now" was pressed.
    #[prop(optional)]
    on_test: Option<Callback<()>>,
    /// The search, whose matches in the name and URL are marked.
    #[prop(optional, into)]
    query: Signal<Arc<Query>>,
    /// The last health check is older than the staleness limit.
    #[prop(optional, into)]
    stale: Signal<bool>,
    /// How many agents use it; `None` while the agents are unknown.
    #[prop(optional, into)]
    agents: Signal<Option<u32>>,
    /// 1-based place in the whole (windowed) list, and the list's length, for
    /// assistive technology: only some cards are in the document at a time.
    #[prop(optional, into)]
    position: MaybeProp<usize>,
    #[prop(optional, into)] set_size: MaybeProp<usize>,
    /// Opens the connection's page in place of the link's plain navigation (a
    /// modifier-click still opens the link in a new tab or window).
    #[prop(optional)]
    on_open: Option<Callback<()>>,
) -> impl IntoView {
    let heading = unique_id("connection");
    let expanded = RwSignal::new(false);
    let id = connection.with_untracked(|c| c.id.clone());
    let labelled_by = heading.clone();
    let on_test = on_test.unwrap_or_else(|| Callback::new(|()| {}));
    let body = move || {
        connection.with(|c| {
            view! {
                <CardBody
                    connection=c.clone()
                    heading=heading.clone()
                    now
                    expanded
                    query
                    stale
                    instructions_changed
                    on_open
                />
            }
        })
    };
    view! {
        <article
            class="card"
            class:card--changed=move || changed.get()
            data-connection-id=id
            data-status=move || connection.with(|c| c.status.attribute_value())
            aria-posinset=move || position.get()
            aria-setsize=move || set_size.get()
            aria-labelledby=labelled_by
            aria-busy=move || testing.get().to_string()
            // Focusable for the feed's Page Up/Page Down, but not a Tab stop.
            tabindex="-1"
        >
            {body}
            {move || agents.get().map(|count| view! { <p class="card__agents">{used_by(count)}</p> })}
            <div class="card__actions">
                <TestNow testing note=test_note on_test />
            </div>
        </article>
    }
}

/// Everything of the card that comes from the connection's data.
#[component]
fn CardBody(
    connection: Connection,
    heading: String,
    now: Signal<DateTime<Utc>>,
    expanded: RwSignal<bool>,
    query: Signal<Arc<Query>>,
    stale: Signal<bool>,
    instructions_changed: Signal<Option<DateTime<Utc>>>,
    on_open: Option<Callback<()>>,
) -> impl IntoView {
    let hidden_chars = connection.has_hidden_chars();
    let look_alike_host = connection.has_look_alike_host();
    let instructions = connection.instructions().map(str::to_owned);
    let Connection {
        id,
        name,
        server_url,
        auth_type,
        status,
        last_health_check_at,
        created_at,
        updated_at,
        ..
    } = connection;
    view! {
        <header class="card__header">
            <h2 class="card__name" id=heading>
                <ConnectionName name id=id.clone() query on_open />
            </h2>
            <HealthBadges status=Some(status) stale>
                <WarningBadges hidden_chars look_alike_host />
            </HealthBadges>
        </header>
        {move || instructions_changed.get().map(|since| view! { <InstructionsChanged since now /> })}
        <dl class="card__facts">
            <div class="fact fact--wide fact--url">
                <dt>"Server URL"</dt>
                <dd>
                    <ServerLink url=server_url query />
                </dd>
            </div>
            <div class="fact fact--checked">
                <dt>"Last health check"</dt>
                <dd>
                    <RelativeTime at=last_health_check_at now missing="Never checked" />
                </dd>
            </div>
            <div class="fact fact--auth">
                <dt>"Authentication"</dt>
                <dd>
                    <bdi>{auth_type.label().to_owned()}</bdi>
                </dd>
            </div>
            <div class="fact">
                <dt>"Created"</dt>
                <dd>
                    <RelativeTime at=created_at now missing="Not recorded" />
                </dd>
            </div>
            <div class="fact">
                <dt>"Updated"</dt>
                <dd>
                    <RelativeTime at=updated_at now missing="Not recorded" />
                </dd>
            </div>
            <div class="fact fact--wide">
                <dt>"Connection ID"</dt>
                <dd>
                    <code class="connection-id">{id}</code>
                </dd>
            </div>
        </dl>
        <Instructions text=instructions expanded />
    }
}
