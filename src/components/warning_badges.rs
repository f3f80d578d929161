//! What an admin must look at twice, as badges beside the health, on a card and on
//! a connection's page: characters a reader cannot see, and a server host that mixes
//! scripts (a look-alike of another address). Word and icon, never colour alone.

use leptos::prelude::*;

use super::icon::Icon;

#[component]
pub fn WarningBadges(
    /// `Connection::has_hidden_chars`.
    hidden_chars: bool,
    /// The server's host mixes scripts (`model::host_script`).
    look_alike_host: bool,
) -> impl IntoView {
    view! {
        {hidden_chars
            .then(|| {
                view! {
                    <WarningBadge
                        icon="hidden"
                        label="Hidden characters"
                        title="Characters a reader cannot see are shown as tokens"
                    />
                }
            })}
        {look_alike_host
            .then(|| {
                view! {
                    <WarningBadge
                        icon="look-alike"
                        label="Look-alike host"
                        title="The server's host mixes scripts, as look-alike addresses do"
                    />
                }
            })}
    }
}

#[component]
fn WarningBadge(icon: &'static str, label: &'static str, title: &'static str) -> impl IntoView {
    view! {
        <span class="badge badge--warning" title=title>
            <Icon name=icon />
            <span class="badge__label">{label}</span>
        </span>
    }
}
