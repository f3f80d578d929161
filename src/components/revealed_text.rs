//! Untrusted text with every invisible or look-alike character shown as a marked
//! token in its place (`model::hidden_chars`), never as itself: what a reader sees
//! is all that is there.

use leptos::either::Either;
use leptos::prelude::*;

use crate::model::hidden_chars::{Piece, pieces};

#[component]
pub fn RevealedText(text: String) -> impl IntoView {
    pieces(&text)
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(run) => Either::Left(run.to_owned()),
            Piece::Hidden(hidden) => Either::Right(view! {
                <span class="hidden-char" title=hidden.description()>{hidden.token()}</span>
            }),
        })
        .collect_view()
}
