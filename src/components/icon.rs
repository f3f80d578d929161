//! An icon from the sprite in index.html. Decorative: the text beside it says the same.

use leptos::prelude::*;

/// `name` is a symbol of the sprite without its `icon-` prefix, e.g. "error".
#[component]
pub fn Icon(name: &'static str) -> impl IntoView {
    view! {
        <svg class=format!("icon icon--{name}") viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <use href=format!("#icon-{name}") />
        </svg>
    }
}
