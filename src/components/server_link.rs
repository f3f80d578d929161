//! The MCP server's URL on a card: a link only for http(s), otherwise inert text;
//! hidden characters as tokens, and a host beyond ASCII also in its ASCII form.

use std::sync::Arc;

use leptos::either::EitherOf3;
use leptos::prelude::*;

use super::ascii_host::AsciiHost;
use super::revealed_text::RevealedText;
use crate::model::search::Query;
use crate::model::text::safe_http_url;

#[component]
pub fn ServerLink(
    url: String,
    /// The search, whose matches in the URL are marked.
    #[prop(optional, into)]
    query: Signal<Arc<Query>>,
) -> impl IntoView {
    if url.trim().is_empty() {
        return EitherOf3::A(
            view! { <span class="server-url server-url--missing">"No URL given"</span> },
        );
    }
    let ascii_host = view! { <AsciiHost url=url.clone() /> };
    match safe_http_url(&url) {
        Some(href) => EitherOf3::B(view! {
            <a class="server-url" href=href.to_owned() target="_blank" rel="noopener noreferrer">
                <bdi>
                    <RevealedText text=url.clone() query />
                </bdi>
                <span class="visually-hidden">" (opens in a new tab)"</span>
            </a>
            {ascii_host}
        }),
        None => EitherOf3::C(view! {
            <span class="server-url server-url--inert">
                <bdi>
                    <RevealedText text=url query />
                </bdi>
                <span class="server-url__note">" (not a web address)"</span>
            </span>
            {ascii_host}
        }),
    }
}
