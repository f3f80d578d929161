//! The list's states other than cards: loading, an empty tenant, no matches; and a
//! broken configuration.

use leptos::prelude::*;
use web_sys::Element;

use super::dom;
use super::icon::icon;
use crate::model::config::ConfigError;
use crate::model::filter::StatusFilter;

const SKELETON_CARDS: usize = 6;
const SKELETON_CARD: &str = "<div class=\"card card--skeleton\"><div class=\"skeleton skeleton--title\"></div><div class=\"skeleton skeleton--line\"></div><div class=\"skeleton skeleton--line skeleton--short\"></div><div class=\"skeleton skeleton--block\"></div></div>";

/// Skeleton cards in the shape of the real ones, so nothing jumps when data arrives.
pub fn loading_state() -> Element {
    let loading = dom::element("div", "loading");
    dom::set(&loading, "role", "status");
    dom::add(&loading, "p", "loading__text", "Loading connections…");
    let cards = dom::add(&loading, "div", "cards", "");
    dom::set(&cards, "aria-hidden", "true");
    // Constant markup of this file, never data.
    cards.set_inner_html(&SKELETON_CARD.repeat(SKELETON_CARDS));
    loading
}

pub fn empty_state() -> Element {
    let empty = dom::element("div", "empty");
    dom::add(&empty, "h2", "empty__title", "No connections");
    dom::add(
        &empty,
        "p",
        "",
        "This tenant has not registered any MCP servers yet. Connections added in the platform's MCP Hub appear here.",
    );
    empty
}

/// Nothing passes the filter and search; `on_show_all` clears them.
pub fn no_matches_state(filter: StatusFilter, query: &str, on_show_all: Callback<()>) -> Element {
    let label = filter.label().to_ascii_lowercase();
    let (title, detail, action) = match (query.is_empty(), filter) {
        (true, StatusFilter::Stale) => (
            "No stale connections".to_owned(),
            "Every connection was health-checked recently, or never.".to_owned(),
            "Show all connections",
        ),
        (true, _) => (
            format!("No {label} connections"),
            format!("None of this tenant's connections has the status “{label}” right now."),
            "Show all connections",
        ),
        (false, StatusFilter::All) => (
            format!("Nothing matches “{query}”"),
            "The search looks in names, server URLs, IDs and instructions.".to_owned(),
            "Clear the search",
        ),
        (false, _) => (
            format!("No {label} connections match “{query}”"),
            "The search looks in names, server URLs, IDs and instructions.".to_owned(),
            "Clear the search and filter",
        ),
    };
    let empty = dom::element("div", "empty");
    dom::add(&empty, "h2", "empty__title", &title);
    dom::add(&empty, "p", "", &detail);
    dom::add_button(&empty, "button", action, move |_| on_show_all.run(()));
    empty
}

/// `config.json` is broken: nothing can load until whoever deployed it fixes it.
pub fn config_error_panel(error: &ConfigError) -> Element {
    let panel = dom::element("div", "");
    let header = dom::add(&panel, "div", "page__header", "");
    dom::add(&header, "h1", "page__title", "MCP connections");
    let alert = dom::add(&panel, "div", "alert", "");
    dom::set(&alert, "role", "alert");
    dom::append(&alert, &icon("error"));
    let body = dom::add(&alert, "div", "alert__body", "");
    dom::add(
        &body,
        "h2",
        "alert__title",
        "The console is not configured correctly",
    );
    dom::add(&body, "p", "alert__what", &error.message());
    dom::add(
        &body,
        "p",
        "alert__advice",
        "Whoever deployed the console must fix config.json (see the README's Configuration section). Reload this page afterwards.",
    );
    panel
}
