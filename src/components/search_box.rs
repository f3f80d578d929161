//! The search box: name, server URL, id and instructions. "/" anywhere on the page
//! focuses it (see the connections page); Escape clears it.

use leptos::ev;
use leptos::html;
use leptos::prelude::*;

/// Constant markup as one string: less wasm than building each node.

#[component]
pub fn SearchBox(
    /// The search text as it is in the URL.
    #[prop(into)]
    query: Signal<String>,
    /// Called with the new text on every edit.
    on_input: Callback<String>,
    /// For focusing the box from a keyboard shortcut.
    input_ref: NodeRef<html::Input>,
) -> impl IntoView {
    let on_keydown = move |event: ev::KeyboardEvent| {
        if event.key() == "Escape" && !query.get_untracked().is_empty() {
            // Otherwise Chromium clears the box a second time and fires `search`.
            event.prevent_default();
            on_input.run(String::new());
        }
    };
    view! {
        <div class="search" role="search">
            <label class="search__label" for="search">
                "Search"
            </label>
            <input
                id="search"
                class="search__input"
                type="search"
                autocomplete="off"
                spellcheck="false"
                placeholder="Name, server URL, ID or instructions"
                aria-describedby="search-hint"
                node_ref=input_ref
                prop:value=move || query.get()
                on:input=move |event| on_input.run(event_target_value(&event))
                on:keydown=on_keydown
            />
            <span class="search__hint" id="search-hint">
                "Press " <kbd>"/"</kbd> " to search, " <kbd>"Esc"</kbd> " to clear"
            </span>
        </div>
    }
}
