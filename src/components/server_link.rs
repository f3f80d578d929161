//! The MCP server's URL: a link only for http(s), otherwise inert text.

use leptos::prelude::*;

use crate::model::text::safe_http_url;

#[component]
pub fn ServerLink(url: String) -> impl IntoView {
    if url.trim().is_empty() {
        return view! { <span class="server-url server-url--missing">"No URL given"</span> }
            .into_any();
    }
    match safe_http_url(&url) {
        Some(href) => view! {
            <a class="server-url" href=href.to_owned() target="_blank" rel="noopener noreferrer">
                <bdi>{url.clone()}</bdi>
                <span class="visually-hidden">" (opens in a new tab)"</span>
            </a>
        }
        .into_any(),
        None => view! {
            <span class="server-url server-url--inert">
                <bdi>{url}</bdi>
                <span class="server-url__note">" (not a web address)"</span>
            </span>
        }
        .into_any(),
    }
}
