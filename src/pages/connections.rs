//! The "MCP connections" page: loads the list, keeps the filter in the URL, and
//! chooses which state to show.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Arc;
use std::time::Duration;

use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{LoadError, client};
use crate::components::connection_card::ConnectionCard;
use crate::components::filter_bar::FilterBar;
use crate::components::icon::Icon;
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

    // The list changes only when a request succeeds; comparing by pointer keeps a
    // refresh's other state changes from re-rendering the cards.
    let list = Memo::new_with_compare(
        move |_| state.with(|s| s.loaded.as_ref().map(|(list, _)| Arc::clone(list))),
        |old, new| match (old, new) {
            (Some(Some(old)), Some(Some(new))) => !Arc::ptr_eq(old, new),
            (old, new) => old.map(Option::is_some) != new.map(Option::is_some),
        },
    );
    let selected = Signal::derive(move || view.get().status);
    let counts = Memo::new(move |_| {
        list.with(|list| {
            list.as_ref()
                .map(|list| StatusCounts::of(&list.connections))
                .unwrap_or_default()
        })
    });
    let visible = move || -> Vec<Connection> {
        let filter = selected.get();
        list.with(|list| {
            list.iter()
                .flat_map(|list| &list.connections)
                .filter(|c| filter.matches(&c.status))
                .cloned()
                .collect()
        })
    };
    let loaded = Memo::new(move |_| list.with(Option::is_some));
    let summary = move || {
        let total = counts.get().all;
        let shown = counts.get().get(selected.get());
        match (loaded.get(), total) {
            (false, _) => String::new(),
            (true, 1) => format!("Showing {shown} of 1 connection"),
            (true, _) => format!("Showing {shown} of {total} connections"),
        }
    };
    let loaded_at = Memo::new(move |_| state.with(|s| s.loaded.as_ref().map(|(_, at)| *at)));
    let updated = move || {
        loaded_at
            .get()
            .map(|at| format!("Updated {}", relative(at, now.get())))
    };
    let refreshing = Memo::new(move |_| state.with(|s| s.in_flight && s.loaded.is_some()));
    let failure = Memo::new(move |_| state.with(|s| s.error.clone()));

    let banner = move || {
        let error = failure.get()?;
        let since = loaded_at.get()?;
        Some(view! { <LoadErrorPanel error showing_since=Some(since) now on_retry=retry /> })
    };
    let rejected = move || {
        list.with(|list| {
            list.as_ref()
                .filter(|list| !list.rejected.is_empty())
                .map(|list| view! { <RejectedNotice rejected=list.rejected.clone() /> })
        })
    };
    let screen = Memo::new(move |_| {
        let first_load = state.with(LoadState::is_first_load);
        let counts = counts.get();
        match (loaded.get(), failure.get()) {
            (false, _) if first_load => Screen::Loading,
            (false, Some(error)) => Screen::Failed(error),
            (false, None) => Screen::Loading,
            (true, _) if counts.all == 0 => Screen::Empty,
            (true, _) if counts.get(selected.get()) == 0 => Screen::NoMatches(selected.get()),
            (true, _) => Screen::Cards,
        }
    });
    let body = move || match screen.get() {
        Screen::Loading => view! { <LoadingState /> }.into_any(),
        Screen::Failed(error) => view! {
            <LoadErrorPanel error showing_since=None now on_retry=retry />
        }
        .into_any(),
        Screen::Empty => view! { <EmptyState /> }.into_any(),
        Screen::NoMatches(filter) => view! {
            <NoMatchesState
                filter
                on_show_all=Callback::new(move |()| select.run(StatusFilter::All))
            />
        }
        .into_any(),
        Screen::Cards => view! {
            <section class="cards" aria-label="Connections">
                <For each=visible key=card_key let(connection)>
                    <ConnectionCard connection now />
                </For>
            </section>
        }
        .into_any(),
    };
    // Filters only mean something once a list is there; while the first load runs a
    // placeholder holds their place so nothing jumps.
    let filters = move || match (loaded.get(), screen.get()) {
        (true, _) => view! { <FilterBar counts selected on_select=select /> }.into_any(),
        (false, Screen::Loading) => {
            view! { <div class="filters filters--placeholder" aria-hidden="true"></div> }.into_any()
        }
        (false, _) => ().into_any(),
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
                    aria-busy=move || refreshing.get().to_string()
                    on:click=move |_| load()
                >
                    <span class="refresh-icon" class:refresh-icon--spinning=move || refreshing.get()>
                        <Icon name="refresh" />
                    </span>
                    "Refresh"
                </button>
            </div>
        </div>
        {filters}
        <p class="summary" aria-live="polite">
            {summary}
        </p>
        {banner}
        {rejected}
        {body}
    }
}

/// What the area below the filters shows.
#[derive(Debug, Clone, PartialEq)]
enum Screen {
    Loading,
    Failed(LoadError),
    Empty,
    NoMatches(StatusFilter),
    Cards,
}

/// Cards are keyed by id and content, so a refresh re-renders only the connections
/// that changed and keeps the others (and their expanded instructions) as they are.
fn card_key(connection: &Connection) -> (String, u64) {
    let mut hasher = DefaultHasher::new();
    connection.hash(&mut hasher);
    (connection.id.clone(), hasher.finish())
}
