//! One connection as a compact row, for triage: status, name, the server's host,
//! authentication, the last check, the agents using it, markers (stale, hidden characters, a look-alike
//! host) and the instructions, which open in place below the row. Like a card, the
//! row stays in place while its data changes.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use leptos::either::Either;
use leptos::prelude::*;

use super::connection_name::ConnectionName;
use super::health_badges::HealthBadges;
use super::instructions_changed::ChangedBadge;
use super::relative_time::RelativeTime;
use super::revealed_text::RevealedText;
use super::status_badge::StatusBadge;
use super::unique_id;
use super::warning_badges::WarningBadges;
use crate::model::agent_usage::used_by;
use crate::model::connection::Connection;
use crate::model::search::Query;
use crate::model::server_address::ServerAddress;

#[component]
pub fn ConnectionRow(
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
    /// The search, whose matches in the name and host are marked.
    #[prop(optional, into)]
    query: Signal<Arc<Query>>,
    /// The last health check is older than the staleness limit.
    #[prop(optional, into)]
    stale: Signal<bool>,
    /// How many agents use it; `None` while the agents are unknown.
    #[prop(optional, into)]
    agents: Signal<Option<u32>>,
    /// 1-based place in the whole (windowed) list, and the list's length.
    #[prop(optional, into)]
    position: MaybeProp<usize>,
    #[prop(optional, into)] set_size: MaybeProp<usize>,
    /// Opens the connection's page in place of the link's plain navigation.
    #[prop(optional)]
    on_open: Option<Callback<()>>,
) -> impl IntoView {
    let heading = unique_id("connection");
    let expanded = RwSignal::new(false);
    let id = connection.with_untracked(|c| c.id.clone());
    let labelled_by = heading.clone();
    let body = move || {
        connection.with(|c| {
            view! {
                <RowBody
                    connection=c.clone()
                    heading=heading.clone()
                    now
                    expanded
                    query
                    stale
                    agents
                    instructions_changed
                    on_open
                />
            }
        })
    };
    view! {
        <article
            class="row"
            class:row--changed=move || changed.get()
            data-connection-id=id
            data-status=move || connection.with(|c| c.status.attribute_value())
            aria-posinset=move || position.get()
            aria-setsize=move || set_size.get()
            aria-labelledby=labelled_by
            // Focusable for the feed's Page Up/Page Down, but not a Tab stop.
            tabindex="-1"
        >
            {body}
        </article>
    }
}

/// Everything of the row that comes from the connection's data.
#[component]
fn RowBody(
    connection: Connection,
    heading: String,
    now: Signal<DateTime<Utc>>,
    expanded: RwSignal<bool>,
    query: Signal<Arc<Query>>,
    stale: Signal<bool>,
    agents: Signal<Option<u32>>,
    instructions_changed: Signal<Option<DateTime<Utc>>>,
    on_open: Option<Callback<()>>,
) -> impl IntoView {
    let hidden_chars = connection.has_hidden_chars();
    let look_alike_host = connection.has_look_alike_host();
    let instructions = connection.instructions().map(str::to_owned);
    // The host says who receives the agents' calls; text that is no URL is shown
    // whole. Never a link here: the connection's page has the address in full.
    let host = match ServerAddress::parse(&connection.server_url) {
        Some(address) => address.host.to_owned(),
        None => connection.server_url.trim().to_owned(),
    };
    let host = if host.is_empty() {
        Either::Left(view! { <span class="row__muted">"No URL given"</span> })
    } else {
        Either::Right(view! { <bdi><RevealedText text=host query /></bdi> })
    };
    let instructions = match instructions {
        // The column's head says so to the eye; the words are for screen readers.
        None => Either::Left(view! { <span class="visually-hidden">"No instructions"</span> }),
        Some(text) => {
            let region = unique_id("instructions");
            let controls = region.clone();
            Either::Right(view! {
                <button
                    type="button"
                    class="row__toggle link-button"
                    aria-expanded=move || expanded.get().to_string()
                    aria-controls=controls
                    on:click=move |_| expanded.update(|open| *open = !*open)
                >
                    "Instructions"
                </button>
                <div
                    id=region
                    class="row__instructions instructions__text instructions__text--full"
                    dir="auto"
                    hidden=move || !expanded.get()
                    // It scrolls in its own box: keyboard users must reach it.
                    tabindex="0"
                >
                    {move || expanded.get().then(|| view! { <RevealedText text=text.clone() query /> })}
                </div>
            })
        }
    };
    view! {
        <StatusBadge status=connection.status />
        <h2 class="row__name" id=heading>
            <ConnectionName name=connection.name id=connection.id query on_open />
        </h2>
        <span class="row__host">
            <span class="visually-hidden">"Server host "</span>
            {host}
        </span>
        <span class="row__auth">
            <bdi>{connection.auth_type.label().to_owned()}</bdi>
        </span>
        <span class="row__checked">
            <span class="visually-hidden">"Last check "</span>
            <RelativeTime at=connection.last_health_check_at now missing="Never checked" />
        </span>
        // Its own column, empty while the agents are unknown: a number for the eye
        // under the column's head, the words for screen readers.
        <span class="row__agents">
            {move || {
                agents
                    .get()
                    .map(|count| {
                        let short = if count == 0 { "None".to_owned() } else { count.to_string() };
                        view! {
                            <span aria-hidden="true">{short}</span>
                            <span class="visually-hidden">{used_by(count)}</span>
                        }
                    })
            }}
        </span>
        // The status has its own column: only the markers here.
        <HealthBadges status=None stale>
            <WarningBadges hidden_chars look_alike_host />
            {move || instructions_changed.get().map(|_| view! { <ChangedBadge /> })}
        </HealthBadges>
        {instructions}
    }
}
