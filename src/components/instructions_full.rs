//! The instructions on a connection's page, exactly as agents receive them: every
//! space and line break kept, in monospace, with counts and a copy button. Invisible
//! and look-alike characters (zero-width, bidirectional controls, tag characters,
//! control characters, unusual spaces) are how prompt-injection text hides: each is
//! shown as a visible token in its place, never as itself, and counted.

use leptos::either::Either;
use leptos::prelude::*;

use super::copy_button::CopyButton;
use super::revealed_text::RevealedText;
use crate::model::hidden_chars::TextStats;
use crate::model::text::{counted, size_in_words};

#[component]
pub fn InstructionsFull(
    /// `None` when the server gives no instructions (absent, null or blank).
    text: Option<String>,
) -> impl IntoView {
    let Some(text) = text else {
        return Either::Left(view! {
            <p class="instructions instructions--none">"This server gives agents no instructions."</p>
        });
    };
    let stats = TextStats::of(&text);
    let size = size_in_words(&text);
    let hidden = stats.hidden_total();
    let summary = (hidden > 0).then(|| {
        let kinds = stats
            .hidden
            .iter()
            .map(|&(kind, count)| counted(count, kind.singular(), kind.label()))
            .collect::<Vec<_>>()
            .join(", ");
        view! {
            <p class="hidden-summary" role="note">
                <strong>{counted(hidden, "hidden character", "hidden characters")}</strong>
                {format!(" shown as marked tokens: {kinds}. Agents receive them as they are.")}
            </p>
        }
    });
    Either::Right(view! {
        <div class="instructions-full__head">
            <span class="instructions__size">{size}</span>
            <CopyButton text=Signal::stored(text.clone()) what="instructions" />
        </div>
        {summary}
        // Focusable: a long text scrolls in its own box, and keyboard users must reach it.
        <pre class="instructions-full" tabindex="0" aria-label="Instructions, exactly as agents receive them">
            <RevealedText text />
        </pre>
    })
}
