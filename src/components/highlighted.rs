//! Text with the parts that match the search marked: each piece is a text node, and a
//! match is a `<mark>` around text, never HTML.

use std::sync::Arc;

use leptos::either::Either;
use leptos::prelude::*;

use crate::model::search::{Query, split_highlighted};

#[component]
pub fn Highlighted(
    text: String,
    /// The search; nothing is marked while it is empty.
    #[prop(into)]
    query: Signal<Arc<Query>>,
) -> impl IntoView {
    move || {
        query.with(|query| {
            let ranges = query.highlights(&text);
            split_highlighted(&text, &ranges)
                .into_iter()
                .map(|(piece, matched)| {
                    let piece = piece.to_owned();
                    if matched {
                        Either::Left(view! { <mark class="hit">{piece}</mark> })
                    } else {
                        Either::Right(piece)
                    }
                })
                .collect_view()
        })
    }
}
