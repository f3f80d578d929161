//! The server URL on a connection's page: scheme shown, host emphasised (it names who
//! receives the agents' calls), a host beyond ASCII also in its ASCII form, and a
//! warning for plain http, a user name written before the host, or a host that mixes
//! scripts. A link only for http(s).

use leptos::either::Either;
use leptos::prelude::*;

use super::ascii_host::AsciiHost;
use super::revealed_text::RevealedText;
use super::server_link::ServerLink;
use crate::model::host_script::mixes_scripts;
use crate::model::server_address::ServerAddress;
use crate::model::text::safe_http_url;

#[component]
pub fn ServerAddressView(
    url: String,
    /// The connection sends a token to the server (bearer auth).
    sends_token: bool,
) -> impl IntoView {
    let Some(address) = ServerAddress::parse(&url) else {
        return Either::Left(view! { <ServerLink url /> });
    };
    let mut warnings = Vec::new();
    if address.is_plain_http() {
        warnings.push(if sends_token {
            "Plain HTTP: the agents' calls and the bearer token travel unencrypted.".to_owned()
        } else {
            "Plain HTTP: the agents' calls travel unencrypted.".to_owned()
        });
    }
    if mixes_scripts(address.host) {
        warnings.push(
            "The host mixes letters of different scripts, as addresses made to look like others do: compare its ASCII form with the address you expect.".to_owned(),
        );
    }
    if let Some(user) = address.user_info {
        warnings.push(format!(
            "“{user}@” before the host is a user name, not the server: the server is {}.",
            address.host
        ));
    }
    let ascii_host = view! { <AsciiHost url=url.clone() /> };
    let parts = view! {
        <span class="address__scheme">{format!("{}://", address.scheme)}</span>
        {address
            .user_info
            .map(|user| {
                view! {
                    <span class="address__user">
                        <RevealedText text=format!("{user}@") />
                    </span>
                }
            })}
        <strong class="address__host">
            <RevealedText text=address.host.to_owned() />
        </strong>
        <span class="address__rest">
            <RevealedText text=address.rest.to_owned() />
        </span>
    };
    let shown = match safe_http_url(&url) {
        Some(href) => Either::Left(view! {
            <a class="address" href=href.to_owned() target="_blank" rel="noopener noreferrer" dir="ltr">
                {parts}
                <span class="visually-hidden">" (opens in a new tab)"</span>
            </a>
        }),
        None => Either::Right(view! {
            <span class="address" dir="ltr">{parts}</span>
        }),
    };
    Either::Right(view! {
        {shown}
        {ascii_host}
        {warnings
            .into_iter()
            .map(|warning| view! { <p class="warning">"⚠ " {warning}</p> })
            .collect_view()}
    })
}
