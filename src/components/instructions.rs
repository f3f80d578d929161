//! What the MCP server tells agents: a short preview that expands to the exact text.

use leptos::prelude::*;
use web_sys::Element;

use super::dom;
use super::unique_id;
use crate::model::text::{line_count, preview};

const PREVIEW_LINES: usize = 3;
const PREVIEW_CHARS: usize = 220;

/// `text` is `None` when there are no instructions worth showing; `expanded` belongs
/// to the card, so it survives a refresh of the card's data.
pub fn instructions(text: Option<&str>, expanded: RwSignal<bool>) -> Element {
    let Some(text) = text else {
        return dom::text_element("p", "instructions instructions--none", "No instructions");
    };
    let region = unique_id("instructions");
    let title = format!("{region}-title");
    let short = preview(text, PREVIEW_LINES, PREVIEW_CHARS).text;
    let full = text.to_owned();
    let size = {
        let lines = line_count(text);
        let chars = text.chars().count();
        format!(
            "{lines} {} · {chars} {}",
            if lines == 1 { "line" } else { "lines" },
            if chars == 1 {
                "character"
            } else {
                "characters"
            }
        )
    };
    // Not a landmark: every card has one, all with the same heading.
    let group = dom::element("div", "instructions");
    dom::set(&group, "role", "group");
    dom::set(&group, "aria-labelledby", &title);
    let head = dom::add(&group, "div", "instructions__head", "");
    dom::set(
        &dom::add(&head, "h3", "instructions__title", "Instructions to agents"),
        "id",
        &title,
    );
    dom::add(&head, "span", "instructions__size", &size);

    let body = dom::add(&group, "div", "instructions__text", "");
    dom::set(&body, "id", &region);
    dom::set(&body, "dir", "auto");
    dom::watch_class(&body, "instructions__text--full", move || expanded.get());
    // Full text scrolls inside its box; keyboard users must reach it.
    dom::watch_attr(&body, "tabindex", move || {
        expanded.get().then(|| "0".to_owned())
    });
    dom::watch_text(&body, move || {
        if expanded.get() {
            full.clone()
        } else {
            short.clone()
        }
    });

    let toggle = dom::add_button(&group, "link-button", "", move |_| {
        expanded.update(|open| *open = !*open)
    });
    dom::set(&toggle, "aria-controls", &region);
    dom::watch_attr(&toggle, "aria-expanded", move || {
        Some(expanded.get().to_string())
    });
    dom::watch_text(&toggle, move || {
        let label = if expanded.get() {
            "Show less"
        } else {
            "Show full instructions"
        };
        label.to_owned()
    });
    group
}
