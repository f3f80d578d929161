//! The "MCP connections" page: loads the list, keeps the filter in the URL, and
//! chooses which state to show.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::time::Duration;

use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::client;
use crate::components::connection_card::ConnectionCard;
use crate::components::filter_bar::FilterBar;
use crate::components::load_error_panel::LoadErrorPanel;
use crate::components::rejected_notice::RejectedNotice;
use crate::components::states::{EmptyState, LoadingState, NoMatchesState};
use crate::model::connection::Connection;
use crate::model::filter::{StatusCounts, StatusFilter};
use crate::model::load_state::LoadState;
use crate::model::relative_time::relative;
use crate::model::view_state::ViewState;
use crate::platform;

/// Relative times are re-worded this often; their smallest unit is a minute.
const CLOCK_TICK: Duration = Duration::from_secs(15);

#[component]
pub fn ConnectionsPage() -> impl IntoView {
    let state = RwSignal::new(LoadState::default());
    let view = RwSignal::new(ViewState::from_query(&platform::location_search()));
    let now = RwSignal::new(platform::now());
    set_interval(move || now.set(platform::now()), CLOCK_TICK);
    // Back/Forward restore the filter the URL names.
    let _ = window_event_listener(ev::popstate, move |_| {
        view.set(ViewState::from_query(&platform::location_search()));
    });

    let load = move || {
        if !state.try_update(LoadState::begin).unwrap_or(false) {
            return;
        }
        spawn_local(async move {
            let result = client::fetch_connections().await;
            state.update(|s| s.finish(result, platform::now()));
        });
    };
    load();

    let heading = NodeRef::<html::H1>::new();
    let retry = Callback::new(move |()| {
        // The alert holding Retry disappears on success; keep focus on the page.
        if let Some(h1) = heading.get() {
            let _ = h1.focus();
        }
        load();
    });
    let select = Callback::new(move |filter: StatusFilter| {
        let next = ViewState { status: filter };
        if view.get_untracked() != next {
            view.set(next);
            platform::push_search(&next.to_query(&platform::location_search()));
        }
    });

    let counts = Memo::new(move |_| {
        state.with(|s| {
            s.loaded
                .as_ref()
                .map(|(list, _)| StatusCounts::of(&list.connections))
                .unwrap_or_default()
        })
    });
    let selected = Signal::derive(move || view.get().status);
    let visible = move || -> Vec<Connection> {
        let filter = selected.get();
        state.with(|s| {
            s.loaded
                .as_ref()
                .map(|(list, _)| {
                    list.connections
                        .iter()
                        .filter(|c| filter.matches(&c.status))
                        .cloned()
                        .collect()
                })
                .unwrap_or_default()
        })
    };
    let shown = Memo::new(move |_| {
        let filter = selected.get();
        state.with(|s| {
            s.loaded.as_ref().map(|(list, _)| {
                let shown = list
                    .connections
                    .iter()
                    .filter(|c| filter.matches(&c.status))
                    .count();
                (shown, list.connections.len())
            })
        })
    });
    let summary = move || match shown.get() {
        Some((shown, 1)) => format!("Showing {shown} of 1 connection"),
        Some((shown, total)) => format!("Showing {shown} of {total} connections"),
        None => String::new(),
    };
    let updated = move || {
        state.with(|s| {
            s.loaded
                .as_ref()
                .map(|(_, at)| format!("Updated {}", relative(*at, now.get())))
        })
    };
    let refreshing = move || state.with(|s| s.in_flight && s.loaded.is_some());

    let banner = move || {
        state.with(|s| match (&s.error, &s.loaded) {
            (Some(error), Some((_, at))) => Some(view! {
                <LoadErrorPanel error=error.clone() showing_since=Some(*at) now on_retry=retry />
            }),
            _ => None,
        })
    };
    let rejected = move || {
        state.with(|s| {
            s.loaded
                .as_ref()
                .filter(|(list, _)| !list.rejected.is_empty())
                .map(|(list, _)| view! { <RejectedNotice rejected=list.rejected.clone() /> })
        })
    };
    let body = move || {
        let (first_load, error, total) = state.with(|s| {
            (
                s.is_first_load(),
                s.error.clone(),
                s.loaded.as_ref().map(|(list, _)| list.connections.len()),
            )
        });
        match (total, error) {
            (None, _) if first_load => view! { <LoadingState /> }.into_any(),
            (None, Some(error)) => view! {
                <LoadErrorPanel error showing_since=None now on_retry=retry />
            }
            .into_any(),
            (None, None) | (Some(0), _) => view! { <EmptyState /> }.into_any(),
            (Some(_), _) if shown.get().is_some_and(|(shown, _)| shown == 0) => view! {
                <NoMatchesState
                    filter=selected.get()
                    on_show_all=Callback::new(move |()| select.run(StatusFilter::All))
                />
            }
            .into_any(),
            (Some(_), _) => view! {
                <section class="cards" aria-label="Connections">
                    <For each=visible key=card_key let(connection)>
                        <ConnectionCard connection now />
                    </For>
                </section>
            }
            .into_any(),
        }
    };

    view! {
        <div class="page__header">
            <div>
                <h1 class="page__title" node_ref=heading tabindex="-1">
                    "MCP connections"
                </h1>
                <p class="page__lede">
                    "The MCP servers your agents use, with problems first."
                </p>
            </div>
            <div class="toolbar">
                <span class="toolbar__updated">{updated}</span>
                <button
                    type="button"
                    class="button button--secondary"
                    aria-busy=move || refreshing().to_string()
                    on:click=move |_| load()
                >
                    <svg
                        class="refresh-icon"
                        class:refresh-icon--spinning=refreshing
                        viewBox="0 0 16 16"
                        width="16"
                        height="16"
                        aria-hidden="true"
                        focusable="false"
                    >
                        <path
                            d="M13.5 8a5.5 5.5 0 1 1-1.6-3.9M13.5 2v3.2h-3.2"
                            fill="none"
                            stroke="currentColor"
                            stroke-width="1.6"
                            stroke-linecap="round"
                            stroke-linejoin="round"
                        />
                    </svg>
                    "Refresh"
                </button>
            </div>
        </div>
        <FilterBar counts selected on_select=select />
        <p class="summary" aria-live="polite">
            {summary}
        </p>
        {banner}
        {rejected}
        {body}
    }
}

/// Cards are keyed by id and content, so a refresh re-renders only the connections
/// that changed and keeps the others (and their expanded instructions) as they are.
fn card_key(connection: &Connection) -> (String, u64) {
    let mut hasher = DefaultHasher::new();
    connection.hash(&mut hasher);
    (connection.id.clone(), hasher.finish())
}
