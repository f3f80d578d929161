//! One connection as a card: name, health, where it points, when it was checked, and
//! what it tells agents.

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use super::instructions::Instructions;
use super::relative_time::RelativeTime;
use super::server_link::ServerLink;
use super::status_badge::StatusBadge;
use super::unique_id;
use crate::model::connection::Connection;

#[component]
pub fn ConnectionCard(
    connection: Connection,
    #[prop(into)] now: Signal<DateTime<Utc>>,
) -> impl IntoView {
    let heading = unique_id("connection");
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
    let status_attribute = status.attribute_value();
    let id_attribute = id.clone();
    let labelled_by = heading.clone();
    view! {
        <article
            class="card"
            data-connection-id=id_attribute
            data-status=status_attribute
            aria-labelledby=labelled_by
        >
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
            <Instructions text=instructions />
        </article>
    }
}
