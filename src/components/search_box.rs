//! The search box: name, server URL, id and instructions. "/" anywhere on the page
//! focuses it (see the connections page); Escape clears it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, KeyboardEvent};

use super::dom;

/// Constant markup as one string: less wasm than building each node.
const HINT: &str = "Press <kbd>/</kbd> to search, <kbd>Esc</kbd> to clear";

/// The box, and its input (for focusing it from a keyboard shortcut). `query` is the
/// search text as it is in the URL; `on_input` gets the new text on every edit.
pub fn search_box(
    query: Signal<String>,
    on_input: Callback<String>,
) -> (Element, HtmlInputElement) {
    let search = dom::element("div", "search");
    dom::set(&search, "role", "search");
    dom::set(
        &dom::add(&search, "label", "search__label", "Search"),
        "for",
        "search",
    );
    let input: HtmlInputElement = dom::add(&search, "input", "search__input", "").unchecked_into();
    for (name, value) in [
        ("id", "search"),
        ("type", "search"),
        ("autocomplete", "off"),
        ("spellcheck", "false"),
        ("placeholder", "Name, server URL, ID or instructions"),
        ("aria-describedby", "search-hint"),
    ] {
        dom::set(&input, name, value);
    }
    {
        let input = input.clone();
        dom::watch(move || {
            let text = query.get();
            // Only a real change: setting the same text would move the caret.
            if input.value() != text {
                input.set_value(&text);
            }
        });
    }
    {
        let input = input.clone();
        dom::on(&input.clone(), "input", move |_| {
            on_input.run(input.value())
        });
    }
    dom::on(&input, "keydown", move |event| {
        let escape = event
            .dyn_ref::<KeyboardEvent>()
            .is_some_and(|event| event.key() == "Escape");
        if escape && !query.get_untracked().is_empty() {
            event.prevent_default();
            on_input.run(String::new());
        }
    });
    let hint = dom::add(&search, "span", "search__hint", "");
    dom::set(&hint, "id", "search-hint");
    // Constant markup of this file, never data.
    hint.set_inner_html(HINT);
    (search, input)
}
