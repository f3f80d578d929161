//! The sections of a connection's page: its facts, its timeline and the
//! instructions it gives agents.

use leptos::prelude::*;

use crate::components::copy_button::CopyButton;
use crate::components::instructions_full::InstructionsFull;
use crate::components::revealed_text::RevealedText;
use crate::components::server_address::ServerAddressView;
use crate::components::timeline::Moment;
use crate::model::connection::{AuthType, Connection};

/// Name, ids, server URL and authentication, each id with a copy button.
#[component]
pub fn Facts(connection: Connection) -> impl IntoView {
    let sends_token = connection.auth_type == AuthType::Bearer;
    let copyable = |label: &'static str, what: &'static str, value: String| {
        view! {
            <div class="fact fact--wide">
                <dt>{label}</dt>
                <dd class="fact__copyable">
                    <code class="connection-id">
                        <bdi>
                            <RevealedText text=value.clone() />
                        </bdi>
                    </code>
                    <CopyButton text=Signal::stored(value) what />
                </dd>
            </div>
        }
    };
    view! {
        <section class="detail__section" aria-labelledby="facts-title">
            <h2 class="detail__section-title" id="facts-title">"Details"</h2>
            <dl class="detail__facts">
                <div class="fact fact--wide">
                    <dt>"Name"</dt>
                    <dd class="fact__copyable">
                        <bdi>
                            <RevealedText text=connection.name.clone() />
                        </bdi>
                        <CopyButton text=Signal::stored(connection.name.clone()) what="name" />
                    </dd>
                </div>
                {copyable("Connection ID", "connection ID", connection.id.clone())}
                {copyable("Tenant ID", "tenant ID", connection.tenant_id.clone())}
                <div class="fact fact--wide">
                    <dt>"Server URL"</dt>
                    <dd>
                        <ServerAddressView url=connection.server_url.clone() sends_token />
                    </dd>
                </div>
                <div class="fact">
                    <dt>"Authentication"</dt>
                    <dd>
                        <bdi>{connection.auth_type.label().to_owned()}</bdi>
                    </dd>
                </div>
            </dl>
        </section>
    }
}

#[component]
pub fn InstructionsSection(text: Option<String>) -> impl IntoView {
    view! {
        <section class="detail__section" aria-labelledby="instructions-title">
            <h2 class="detail__section-title" id="instructions-title">"Instructions to agents"</h2>
            <p class="detail__lede">
                "Written by the MCP server, not by your team, and put word for word into the system prompt of every agent that uses this connection."
            </p>
            <InstructionsFull text />
        </section>
    }
}

/// The moments of the timeline, oldest first.
pub fn timeline(connection: &Connection) -> Vec<Moment> {
    vec![
        Moment {
            label: "Registered",
            at: connection.created_at.clone(),
            missing: "Not recorded",
        },
        Moment {
            label: "Last updated",
            at: connection.updated_at.clone(),
            missing: "Not recorded",
        },
        Moment {
            label: "Last health check",
            at: connection.last_health_check_at.clone(),
            missing: "Never checked",
        },
    ]
}
