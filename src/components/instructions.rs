//! What the MCP server tells agents: a short preview that expands to the whole text,
//! with hidden characters as tokens (the exact text is on the connection's page,
//! with Copy).

use leptos::either::Either;
use leptos::prelude::*;

use super::revealed_text::RevealedText;
use super::unique_id;
use crate::model::text::{preview, size_in_words};

const PREVIEW_LINES: usize = 3;
const PREVIEW_CHARS: usize = 220;

/// `text` is `None` when there are no instructions worth showing; `expanded` belongs
/// to the card, so it survives a refresh of the card's data.
#[component]
pub fn Instructions(text: Option<String>, expanded: RwSignal<bool>) -> impl IntoView {
    let Some(text) = text else {
        return Either::Left(
            view! { <p class="instructions instructions--none">"No instructions"</p> },
        );
    };
    let region = unique_id("instructions");
    let short = preview(&text, PREVIEW_LINES, PREVIEW_CHARS).text;
    let size = size_in_words(&text);
    let title = format!("{region}-title");
    let title_ref = title.clone();
    let controls = region.clone();
    Either::Right(view! {
        // Not a landmark: every card has one, all with the same heading.
        <div class="instructions" role="group" aria-labelledby=title_ref>
            <div class="instructions__head">
                <h3 class="instructions__title" id=title>"Instructions to agents"</h3>
                <span class="instructions__size">{size}</span>
            </div>
            <div
                id=region
                class="instructions__text"
                class:instructions__text--full=move || expanded.get()
                dir="auto"
                // Full text scrolls inside its box; keyboard users must reach it.
                tabindex=move || expanded.get().then_some("0")
            >
                {move || {
                    let shown = if expanded.get() { text.clone() } else { short.clone() };
                    view! { <RevealedText text=shown /> }
                }}
            </div>
            <button
                type="button"
                class="link-button"
                aria-expanded=move || expanded.get().to_string()
                aria-controls=controls
                on:click=move |_| expanded.update(|open| *open = !*open)
            >
                {move || if expanded.get() { "Show less" } else { "Show full instructions" }}
            </button>
        </div>
    })
}
