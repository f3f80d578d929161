//! Untrusted text with every invisible or look-alike character shown as a marked
//! token in its place (`model::hidden_chars`), never as itself: what a reader sees
//! is all that is there. Matches of the search, when there is one, are marked too.

use std::sync::Arc;

use leptos::either::Either;
use leptos::prelude::*;

use crate::model::hidden_chars::{Piece, pieces};
use crate::model::search::{Query, split_highlighted};

#[component]
pub fn RevealedText(
    text: String,
    /// The search, whose matches are marked; nothing is marked while it is empty.
    #[prop(optional, into)]
    query: Signal<Arc<Query>>,
) -> impl IntoView {
    move || {
        query.with(|query| {
            let ranges = query.highlights(&text);
            split_highlighted(&text, &ranges)
                .into_iter()
                .map(|(part, matched)| {
                    let revealed = revealed(part);
                    if matched {
                        Either::Left(view! { <mark class="hit">{revealed}</mark> })
                    } else {
                        Either::Right(revealed)
                    }
                })
                .collect_view()
        })
    }
}

/// Plain runs as text nodes, flagged characters as tokens.
fn revealed(text: &str) -> impl IntoView + use<> {
    pieces(text)
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(run) => Either::Left(run.to_owned()),
            Piece::Hidden(hidden) => Either::Right(view! {
                <span class="hidden-char" title=hidden.description()>{hidden.token()}</span>
            }),
        })
        .collect_view()
}
