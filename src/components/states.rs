//! The list's states other than cards: loading, an empty tenant, no matches.

use leptos::prelude::*;

use super::icon::Icon;
use crate::model::config::ConfigError;
use crate::model::filter::StatusFilter;

const SKELETON_CARDS: usize = 6;

/// One card's shape while it loads, on the list and on a connection's page; hidden
/// from assistive technology, which hears the loading text beside it.
#[component]
pub fn SkeletonCard() -> impl IntoView {
    view! {
        <div class="card card--skeleton" aria-hidden="true">
            <div class="skeleton skeleton--title"></div>
            <div class="skeleton skeleton--line"></div>
            <div class="skeleton skeleton--line skeleton--short"></div>
            <div class="skeleton skeleton--block"></div>
        </div>
    }
}

/// Skeleton cards in the shape of the real ones, so nothing jumps when data arrives.
#[component]
pub fn LoadingState() -> impl IntoView {
    view! {
        <div class="loading" role="status">
            <p class="loading__text">"Loading connections…"</p>
            <div class="cards">
                {(0..SKELETON_CARDS).map(|_| view! { <SkeletonCard /> }).collect_view()}
            </div>
        </div>
    }
}

#[component]
pub fn EmptyState() -> impl IntoView {
    view! {
        <div class="empty">
            <h2 class="empty__title">"No connections"</h2>
            <p>
                "This tenant has not registered any MCP servers yet. Connections added in the platform's MCP Hub appear here."
            </p>
        </div>
    }
}

/// The search and filter hide every connection.
#[component]
pub fn NoMatchesState(
    filter: StatusFilter,
    /// The search text, trimmed; empty when there is no search.
    query: String,
    on_show_all: Callback<()>,
) -> impl IntoView {
    let label = filter.label().to_ascii_lowercase();
    let (title, detail, action) = match (query.is_empty(), filter) {
        (true, StatusFilter::Stale) => (
            "No stale connections".to_owned(),
            "Every connection was health-checked recently, or never.".to_owned(),
            "Show all connections",
        ),
        (true, StatusFilter::Unused) => (
            "No unused connections".to_owned(),
            "Every connection is used by at least one agent, or the agents could not be read."
                .to_owned(),
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
    view! {
        <div class="empty">
            <h2 class="empty__title">{title}</h2>
            <p>{detail}</p>
            <button type="button" class="button" on:click=move |_| on_show_all.run(())>
                {action}
            </button>
        </div>
    }
}

/// `config.json` is broken or unreachable: nothing can load until it is fixed.
#[component]
pub fn ConfigErrorPanel(error: ConfigError) -> impl IntoView {
    view! {
        <div class="page__header">
            <h1 class="page__title">"MCP connections"</h1>
        </div>
        <div class="alert" role="alert">
            <Icon name="error" />
            <div class="alert__body">
                <h2 class="alert__title">"The console is not configured correctly"</h2>
                <p class="alert__what">{error.message()}</p>
                <p class="alert__advice">
                    "Whoever deployed the console must fix config.json (see the README's Configuration section). Reload this page afterwards."
                </p>
            </div>
        </div>
    }
}
