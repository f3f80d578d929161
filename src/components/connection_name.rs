//! A connection's name as the link to its page, on a card and on a compact row:
//! characters a reader cannot see as tokens, search matches marked, "Unnamed
//! connection" for a blank name. An id no path can carry gets no link.

use std::sync::Arc;

use leptos::either::Either;
use leptos::prelude::*;

use super::follow_link;
use super::revealed_text::RevealedText;
use crate::model::connection::UNNAMED;
use crate::model::route::Route;
use crate::model::search::Query;

#[component]
pub fn ConnectionName(
    /// The name as the API gave it.
    name: String,
    /// The connection's id, for the link to its page.
    id: String,
    /// The search, whose matches are marked.
    query: Signal<Arc<Query>>,
    /// Opens the connection's page in place of the link's plain navigation (a
    /// modifier-click still opens the link in a new tab or window); without it, a
    /// plain link.
    on_open: Option<Callback<()>>,
) -> impl IntoView {
    let name = if name.trim().is_empty() {
        Either::Left(UNNAMED)
    } else {
        Either::Right(view! { <bdi><RevealedText text=name query /></bdi> })
    };
    match Route::Connection(id).path() {
        Some(path) => Either::Left(view! {
            <a
                class="card__link"
                href=path
                on:click=move |event| {
                    if let Some(on_open) = on_open {
                        follow_link(on_open)(event);
                    }
                }
            >
                {name}
            </a>
        }),
        None => Either::Right(name),
    }
}
