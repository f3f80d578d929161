//! One connection as a card: name, health, where it points, when it was checked, what
//! it tells agents, and "Test now". The card stays in place while its data changes, so
//! focus and the expanded instructions survive refreshes and health checks.

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use super::icon::Icon;
use super::instructions::Instructions;
use super::relative_time::RelativeTime;
use super::server_link::ServerLink;
use super::status_badge::StatusBadge;
use super::unique_id;
use crate::model::connection::Connection;

#[component]
pub fn ConnectionCard(
    /// The connection, as of the latest load or health check.
    #[prop(into)]
    connection: Signal<Connection>,
    #[prop(into)] now: Signal<DateTime<Utc>>,
    /// Its status changed in the latest load: highlighted briefly.
    #[prop(optional, into)]
    changed: Signal<bool>,
    /// A health check of this connection is running.
    #[prop(optional, into)]
    testing: Signal<bool>,
    /// What the last health check said, if anything worth saying.
    #[prop(optional, into)]
    test_note: Signal<Option<String>>,
    /// "Test now" was pressed.
    #[prop(optional)]
    on_test: Option<Callback<()>>,
) -> impl IntoView {
    let heading = unique_id("connection");
    let note = format!("{heading}-note");
    let expanded = RwSignal::new(false);
    let id = connection.with_untracked(|c| c.id.clone());
    let labelled_by = heading.clone();
    let described_by = note.clone();
    let body = move || {
        connection.with(
            |c| view! { <CardBody connection=c.clone() heading=heading.clone() now expanded /> },
        )
    };
    view! {
        <article
            class="card"
            class:card--changed=move || changed.get()
            data-connection-id=id
            data-status=move || connection.with(|c| c.status.attribute_value())
            aria-labelledby=labelled_by
            aria-busy=move || testing.get().to_string()
        >
            {body}
            <div class="card__actions">
                <button
                    type="button"
                    class="button button--secondary button--small"
                    aria-describedby=described_by
                    on:click=move |_| {
                        if let Some(on_test) = on_test {
                            on_test.run(());
                        }
                    }
                >
                    <span class="refresh-icon" class:refresh-icon--spinning=move || testing.get()>
                        <Icon name="refresh" />
                    </span>
                    {move || if testing.get() { "Testing…" } else { "Test now" }}
                </button>
                <p class="card__note" id=note>
                    {move || test_note.get()}
                </p>
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
) -> impl IntoView {
    let name = if connection.name.trim().is_empty() {
        "Unnamed connection".to_owned()
    } else {
        connection.name.clone()
    };
    let instructions = connection.instructions().map(str::to_owned);
    let Connection {
        id,
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
                <bdi>{name}</bdi>
            </h2>
            <StatusBadge status />
        </header>
        <dl class="card__facts">
            <div class="fact fact--wide">
                <dt>"Server URL"</dt>
                <dd>
                    <ServerLink url=server_url />
                </dd>
            </div>
            <div class="fact">
                <dt>"Last health check"</dt>
                <dd>
                    <RelativeTime at=last_health_check_at now missing="Never checked" />
                </dd>
            </div>
            <div class="fact">
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
