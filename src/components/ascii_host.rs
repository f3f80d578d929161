//! A server's host written with characters beyond ASCII, shown beside it in the form
//! DNS is asked for (punycode, `xn--…`), as the browser's own URL parser writes it:
//! a look-alike letter stands out there. No tables are shipped for it.

use leptos::prelude::*;

use crate::model::server_address::ServerAddress;
use crate::platform;

#[component]
pub fn AsciiHost(url: String) -> impl IntoView {
    let beyond_ascii = ServerAddress::parse(&url).is_some_and(|address| !address.host.is_ascii());
    beyond_ascii
        .then(|| platform::ascii_host(&url))
        .flatten()
        .map(|host| {
            view! {
                <span class="ascii-host">
                    "Host in ASCII: " <code dir="ltr">{host}</code>
                </span>
            }
        })
}
