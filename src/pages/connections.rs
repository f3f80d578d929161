//! The "MCP connections" page: loads the list and keeps it live (every 30 s while the
//! tab is visible, with backoff after failures), keeps the view (filter, search,
//! sort) in the URL, runs health checks, and chooses which state to show. It also
//! routes between the list and one connection's page (`/connections/{id}`): the list
//! stays mounted, hidden, while a connection is open, so going back finds it as it
//! was, scrolled where it was.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::Duration;

use chrono::TimeDelta;
use leptos::either::{EitherOf3, EitherOf5};
use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::api::LoadError;
use crate::api::client::ApiClient;
use crate::components::connection_card::ConnectionCard;
use crate::components::connection_feed::{ConnectionFeed, FeedRows};
use crate::components::deferred::Deferred;
use crate::components::filter_bar::FilterBar;
use crate::components::icon::Icon;
use crate::components::load_error_panel::LoadErrorPanel;
use crate::components::rejected_notice::RejectedNotice;
use crate::components::search_box::SearchBox;
use crate::components::sort_select::SortSelect;
use crate::components::states::{EmptyState, LoadingState, NoMatchesState};
use crate::model::changes::{error_count_announcement, status_changed};
use crate::model::connection::{Connection, Status};
use crate::model::filter::{StatusCounts, StatusFilter};
use crate::model::list::ConnectionList;
use crate::model::load_state::LoadState;
use crate::model::relative_time::age;
use crate::model::route::{Route, neighbours};
use crate::model::search::Query;
use crate::model::selection::{counts, filtered, search_hits};
use crate::model::sort::{SortOrder, sorted_positions};
use crate::model::view_state::ViewState;
use crate::pages::connection_detail::{DETAIL_FOCUS, DetailProps, Place, connection_page};
use crate::platform;

const LIST_TITLE: &str = "MCP connections · MCP Console";

/// The history mark of a connection's page opened from the list: the entry before it
/// is that list, so the way back is Back (and Forward then still works).
const OPENED_FROM_LIST: &str = "opened-from-list";

/// The clock ticks each second: "Updated 12 s ago", countdowns, and the refresh check.
const CLOCK_TICK: Duration = Duration::from_secs(1);

/// `on_unauthorized` runs when the API refuses the API key (HTTP 401);
/// `stale_after` is how old a health check may be before a connection is stale.
#[component]
pub fn ConnectionsPage(
    client: ApiClient,
    on_unauthorized: Callback<()>,
    stale_after: TimeDelta,
) -> impl IntoView {
    let state = RwSignal::new(LoadState::default());
    let view = RwSignal::new(ViewState::from_query(&platform::location_search()));
    // Whether the current history entry was made by typing in the search box.
    let typing = StoredValue::new(false);
    let search_input = NodeRef::<html::Input>::new();
    let now = RwSignal::new(platform::now());
    let changed = RwSignal::new(HashSet::<String>::new());
    let announcement = RwSignal::new(String::new());
    let testing = RwSignal::new(HashSet::<String>::new());
    let test_notes = RwSignal::new(HashMap::<String, String>::new());
    let client = StoredValue::new(client);
    let key_refused = move |error: &LoadError| {
        client
            .try_with_value(|client| client.refuses_key(error))
            .unwrap_or(false)
    };
    let route = RwSignal::new(Route::from_path(&platform::location_path()));
    // Where the list was scrolled, for the way back.
    let list_scroll = StoredValue::new(0.0_f64);

    let load = move || {
        if !state.try_update(LoadState::begin).unwrap_or(false) {
            return;
        }
        spawn_local(async move {
            let Some(client) = client.try_get_value() else {
                return;
            };
            let result = client.list().await;
            if result.as_ref().err().is_some_and(key_refused) {
                on_unauthorized.try_run(());
                return;
            }
            let before = state
                .try_with_untracked(|s| s.loaded.as_ref().map(|(list, _)| Arc::clone(list)))
                .flatten();
            if let (Some(before), Ok(after)) = (&before, &result) {
                let _ = changed.try_set(
                    status_changed(before, after.connections())
                        .into_iter()
                        .collect(),
                );
                let cutoff = platform::now();
                let counts = |list: &ConnectionList| StatusCounts::of(list.connections(), cutoff);
                if let Some(message) = error_count_announcement(counts(before), counts(after)) {
                    let _ = announcement.try_set(message);
                }
            }
            // The page may have been left while the request ran.
            state.try_update(|s| s.finish(result, platform::now()));
            // Freeing the old list (50,000 connections: tens of milliseconds) waits
            // until the new one is on screen.
            platform::next_task().await;
            drop(before);
        });
    };
    load();

    // One clock drives the relative times and the refresh and retry schedule.
    let clock = set_interval_with_handle(
        move || {
            now.set(platform::now());
            let due = state.with_untracked(|s| {
                s.due(
                    platform::now(),
                    platform::is_visible(),
                    platform::is_online(),
                )
            });
            if due {
                load();
            }
        },
        CLOCK_TICK,
    )
    .ok();
    on_cleanup(move || {
        if let Some(clock) = clock {
            clock.clear();
        }
    });
    // Back in view or back online: load at once, unless the last failure needs the
    // admin (a refused permission does not fix itself).
    let resume = move || {
        let waiting_for_admin =
            state.with_untracked(|s| s.error.as_ref().is_some_and(|e| !e.is_transient()));
        if platform::is_visible() && !waiting_for_admin {
            load();
        }
    };
    // The address bar changed (a link of the console, Back or Forward): show what it
    // names. Coming back to the list puts it where it was and focus on the card
    // that was opened.
    let follow_location = move || {
        typing.set_value(false);
        let next = Route::from_path(&platform::location_path());
        let to_list = next == Route::List;
        let leaving = route.get_untracked();
        let from_list = leaving == Route::List;
        if from_list && !to_list {
            list_scroll.set_value(platform::scroll_y());
        }
        view.set(ViewState::from_query(&platform::location_search()));
        route.set(next);
        if to_list && !from_list {
            platform::set_title(LIST_TITLE);
            let scroll = list_scroll.get_value();
            request_animation_frame(move || {
                platform::scroll_to_y(scroll);
                if let Route::Connection(id) = leaving {
                    focus_card_link(&id);
                }
            });
        } else if !to_list {
            // A connection's page starts at its top, with focus on its name (the
            // link that opened it is hidden now).
            platform::scroll_to_y(0.0);
            request_animation_frame(|| platform::focus_first(&DETAIL_FOCUS));
        }
    };
    let navigate = move |kind: &str, href: &str| {
        match kind {
            // The list this page was opened from is one step back: go there, so
            // that Forward and Back stay what the admin expects.
            "back" if platform::history_mark().as_deref() == Some(OPENED_FROM_LIST) => {
                platform::history_back();
            }
            "back" => {
                platform::push_url(href);
                follow_location();
            }
            // Previous / next replace this page: Back still leads to the list.
            "step" => {
                platform::replace_url(&format!("{href}{}", platform::location_search()));
                follow_location();
            }
            _ => {
                platform::push_url_marked(
                    &format!("{href}{}", platform::location_search()),
                    OPENED_FROM_LIST,
                );
                follow_location();
            }
        }
    };
    // Links of the console (`data-nav`) change the page without a reload; a click
    // with a modifier key is left to the browser (a new tab, say).
    let on_click = move |event: ev::MouseEvent| {
        if event.button() != 0
            || event.ctrl_key()
            || event.meta_key()
            || event.shift_key()
            || event.alt_key()
            || event.default_prevented()
        {
            return;
        }
        let Some(link) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("a[data-nav]").ok().flatten())
        else {
            return;
        };
        let (Some(kind), Some(href)) = (link.get_attribute("data-nav"), link.get_attribute("href"))
        else {
            return;
        };
        event.prevent_default();
        navigate(&kind, &href);
    };
    let listeners = [
        window_event_listener(ev::visibilitychange, move |_| resume()),
        window_event_listener(ev::online, move |_| resume()),
        window_event_listener(ev::offline, move |_| {
            state.update(|s| {
                if !s.in_flight {
                    s.error = Some(LoadError::Offline);
                    s.retry_at = None;
                }
            });
        }),
        // Back/Forward restore the page and the view the URL names.
        window_event_listener(ev::popstate, move |_| follow_location()),
        // "/" focuses the search box, unless the admin is typing somewhere.
        window_event_listener(ev::keydown, move |event| {
            let plain = !(event.ctrl_key() || event.meta_key() || event.alt_key());
            if event.key() == "/"
                && plain
                && route.with_untracked(|r| *r == Route::List)
                && !platform::is_typing_target(event.target())
                && let Some(input) = search_input.get_untracked()
            {
                event.prevent_default();
                let _ = input.focus();
                input.select();
            }
        }),
    ];
    on_cleanup(move || listeners.into_iter().for_each(|listener| listener.remove()));

    let heading = NodeRef::<html::H1>::new();
    let retry = Callback::new(move |()| {
        // The alert holding Retry disappears on success; keep focus on the page.
        if let Some(h1) = heading.get() {
            let _ = h1.focus();
        }
        load();
    });
    // Every change of the view is a history entry, except that a burst of typing
    // replaces the entry its first keystroke made: Back undoes a search, not a letter.
    let change_view = move |change: &dyn Fn(&mut ViewState), typed: bool| {
        let mut next = view.get_untracked();
        change(&mut next);
        if view.get_untracked() == next {
            return;
        }
        let search = next.to_query(&platform::location_search());
        if typed && typing.get_value() {
            platform::replace_search(&search);
        } else {
            platform::push_search(&search);
        }
        typing.set_value(typed);
        view.set(next);
    };
    let select = Callback::new(move |filter: StatusFilter| {
        change_view(&|view| view.status = filter, false);
    });
    let sort_by = Callback::new(move |order: SortOrder| {
        change_view(&|view| view.sort = order, false);
    });
    let search = Callback::new(move |text: String| {
        change_view(&|view| view.query.clone_from(&text), true);
    });
    let show_all = Callback::new(move |()| {
        change_view(
            &|view| {
                view.status = StatusFilter::All;
                view.query.clear();
            },
            false,
        );
    });

    // The list changes only when a load or a health check replaces it; comparing by
    // pointer keeps a request's other state changes from touching the cards.
    let list = Memo::new_with_compare(
        move |_| state.with(|s| s.loaded.as_ref().map(|(list, _)| Arc::clone(list))),
        |old, new| match (old, new) {
            (Some(Some(old)), Some(Some(new))) => !Arc::ptr_eq(old, new),
            (old, new) => old.map(Option::is_some) != new.map(Option::is_some),
        },
    );
    let run_test = move |id: String| {
        if !testing
            .try_update(|running| running.insert(id.clone()))
            .unwrap_or(false)
        {
            return;
        }
        test_notes.update(|notes| {
            notes.remove(&id);
        });
        spawn_local(async move {
            let Some(client) = client.try_get_value() else {
                return;
            };
            let result = client.test(&id).await;
            let name = list
                .try_with_untracked(|list| {
                    list.as_ref()
                        .and_then(|list| list.get(&id))
                        .map(|c| c.name.clone())
                })
                .flatten()
                .unwrap_or_default();
            let note = match result {
                Ok(outcome) => {
                    let passed = outcome.status == Status::Active;
                    state.try_update(|s| {
                        let updated = s.loaded.as_ref().map(|(list, _)| {
                            list.with_health(
                                &id,
                                outcome.status.clone(),
                                outcome.last_health_check_at.clone(),
                            )
                        });
                        if let Some(updated) = updated {
                            s.replace_list(updated);
                        }
                    });
                    if passed {
                        "Health check passed.".to_owned()
                    } else {
                        format!("Health check failed: status {}.", outcome.status.label())
                    }
                }
                Err(error) if key_refused(&error) => {
                    on_unauthorized.try_run(());
                    return;
                }
                Err(LoadError::Http { status: 404, .. }) => {
                    "This connection no longer exists in this tenant. Refresh to update the list."
                        .to_owned()
                }
                Err(error) => format!("Health check could not run: {}.", error.title()),
            };
            let _ = announcement.try_set(format!("{name}: {note}"));
            test_notes.try_update(|notes| {
                notes.insert(id.clone(), note);
            });
            testing.try_update(|running| {
                running.remove(&id);
            });
        });
    };

    let selected = Memo::new(move |_| view.with(|v| v.status));
    let sort = Memo::new(move |_| view.with(|v| v.sort));
    let query = Memo::new(move |_| view.with(|v| Arc::new(Query::parse(&v.query))));
    let stale_before = Memo::new(move |_| now.get() - stale_after);
    // Each step is a memo, so a keystroke does not sort again and a filter click
    // does not search again.
    let order = Memo::new(move |_| {
        let order = sort.get();
        list.with(|list| {
            list.as_ref()
                .map(|list| Arc::new(sorted_positions(list, order)))
        })
    });
    let hits = Memo::new(move |_| {
        let (Some(list), Some(order)) = (list.get(), order.get()) else {
            return Arc::default();
        };
        query.with(|query| Arc::new(search_hits(&list, &order, query)))
    });
    let counts = Memo::new(move |_| {
        list.get()
            .map(|list| hits.with(|hits| counts(&list, hits, stale_before.get())))
            .unwrap_or_default()
    });
    let rows = Memo::new(move |_| {
        let list = list.get().unwrap_or_default();
        let positions = hits.with(|hits| filtered(&list, hits, selected.get(), stale_before.get()));
        FeedRows {
            list,
            positions: Arc::new(positions),
        }
    });
    let total = Signal::derive(move || {
        list.with(|list| list.as_ref().map_or(0, |l| l.connections().len()))
    });
    let shown = Signal::derive(move || rows.with(FeedRows::len));
    let card = move |id: String, place: Signal<Option<usize>>| {
        let initial =
            list.with_untracked(|list| list.as_ref().and_then(|list| list.get(&id)).cloned())?;
        let connection = {
            let id = id.clone();
            // A connection that disappears keeps its last data until its card goes.
            Memo::new(move |previous: Option<&Connection>| {
                list.with(|list| list.as_ref().and_then(|list| list.get(&id)).cloned())
                    .or_else(|| previous.cloned())
                    .unwrap_or_else(|| initial.clone())
            })
        };
        let flag = |set: RwSignal<HashSet<String>>| {
            let id = id.clone();
            Signal::derive(move || set.with(|ids| ids.contains(&id)))
        };
        let (changed, testing) = (flag(changed), flag(testing));
        let test_note = {
            let id = id.clone();
            Signal::derive(move || test_notes.with(|notes| notes.get(&id).cloned()))
        };
        let stale = Signal::derive(move || connection.with(|c| c.is_stale(stale_before.get())));
        let on_test = Callback::new(move |()| run_test(id.clone()));
        Some(view! {
            <ConnectionCard
                connection
                now
                changed
                testing
                test_note
                on_test
                query
                stale
                position=place
                set_size=shown
            />
        })
    };
    let loaded = Memo::new(move |_| list.with(Option::is_some));
    let summary = move || {
        let (total, shown) = (total.get(), shown.get());
        match (loaded.get(), total) {
            (false, _) => String::new(),
            (true, 1) => format!("Showing {shown} of 1 connection"),
            (true, _) => format!("Showing {shown} of {total} connections"),
        }
    };
    let loaded_at = Memo::new(move |_| state.with(|s| s.loaded.as_ref().map(|(_, at)| *at)));
    let out_of_date = Memo::new(move |_| state.with(|s| s.error.is_some() && s.loaded.is_some()));
    let updated = move || {
        loaded_at
            .get()
            .map(|at| format!("Updated {}", age(at, now.get())))
    };
    let refreshing = Memo::new(move |_| state.with(|s| s.in_flight && s.loaded.is_some()));
    let failure = Memo::new(move |_| state.with(|s| s.error.clone()));
    let retry_at = Signal::derive(move || state.with(|s| s.retry_at));

    let banner = move || {
        let error = failure.get()?;
        let since = loaded_at.get()?;
        Some(
            view! { <LoadErrorPanel error showing_since=Some(since) now retry_at on_retry=retry /> },
        )
    };
    let rejected = move || {
        list.with(|list| {
            list.as_ref()
                .filter(|list| !list.rejected().is_empty())
                .map(|list| view! { <RejectedNotice rejected=list.rejected().to_vec() /> })
        })
    };
    let screen = Memo::new(move |_| {
        let first_load = state.with(LoadState::is_first_load);
        match (loaded.get(), failure.get()) {
            (false, Some(error)) if !first_load => Screen::Failed(error),
            (false, _) => Screen::Loading,
            (true, _) if total.get() == 0 => Screen::Empty,
            (true, _) if shown.get() == 0 => Screen::NoMatches,
            (true, _) => Screen::Cards,
        }
    });
    let detail_open = Memo::new(move |_| route.with(|r| *r != Route::List));
    let body = move || match screen.get() {
        Screen::Loading => EitherOf5::A(view! { <LoadingState /> }),
        Screen::Failed(error) => EitherOf5::B(view! {
            <LoadErrorPanel error showing_since=None now retry_at on_retry=retry />
        }),
        Screen::Empty => EitherOf5::C(view! { <EmptyState /> }),
        Screen::NoMatches => EitherOf5::D(view! {
            <NoMatchesState
                filter=selected.get_untracked()
                query=view.with_untracked(|v| v.query.trim().to_owned())
                on_show_all=show_all
            />
        }),
        Screen::Cards => EitherOf5::E(view! { <ConnectionFeed rows card hidden=detail_open /> }),
    };
    // Search, sort and filters only mean something once a list is there; while the
    // first load runs a placeholder holds their place so nothing jumps. A memo, so
    // that typing never rebuilds the search box under the admin's fingers.
    let controls_state = Memo::new(move |_| match (loaded.get(), screen.get()) {
        (true, _) => Controls::Shown,
        (false, Screen::Loading) => Controls::Placeholder,
        (false, _) => Controls::None,
    });
    let query_text = Signal::derive(move || view.with(|v| v.query.clone()));
    let controls = move || match controls_state.get() {
        Controls::Shown => EitherOf3::A(view! {
            <div class="controls">
                <SearchBox query=query_text on_input=search input_ref=search_input />
                <SortSelect selected=sort on_select=sort_by />
            </div>
            <FilterBar counts selected on_select=select />
        }),
        Controls::Placeholder => EitherOf3::B(
            view! { <div class="controls controls--placeholder" aria-hidden="true"></div> },
        ),
        Controls::None => EitherOf3::C(()),
    };

    let detail_id = Memo::new(move |_| match route.get() {
        Route::Connection(id) => Some(id),
        Route::List => None,
    });
    let detail = move || {
        let id = detail_id.get()?;
        // Memos: a refresh that leaves this connection and its place as they were
        // changes nothing on its page.
        let listed = {
            let id = id.clone();
            Memo::new(move |_| {
                list.with(|list| list.as_ref().and_then(|list| list.get(&id)).cloned())
            })
        };
        let place = {
            let id = id.clone();
            Memo::new(move |_| {
                rows.with(|rows| {
                    let ids = (0..rows.len()).filter_map(|row| rows.id(row));
                    neighbours(ids, &id).map(|(previous, row, next)| Place {
                        previous: previous.map(str::to_owned),
                        row,
                        next: next.map(str::to_owned),
                        rows: rows.len(),
                    })
                })
            })
        };
        let flag = {
            let id = id.clone();
            Signal::derive(move || testing.with(|ids| ids.contains(&id)))
        };
        let test_note = {
            let id = id.clone();
            Signal::derive(move || test_notes.with(|notes| notes.get(&id).cloned()))
        };
        let on_test = {
            let id = id.clone();
            Callback::new(move |()| run_test(id.clone()))
        };
        let back_href = Signal::derive(move || {
            let search = view.with(|v| v.to_query(&platform::location_search()));
            format!("/{search}")
        });
        let on_open = Callback::new(move |id: String| {
            if let Some(path) = Route::Connection(id).path() {
                navigate("step", &path);
            }
        });
        let props = DetailProps {
            id,
            client,
            listed: listed.into(),
            now: now.into(),
            stale_before: stale_before.into(),
            testing: flag,
            test_note,
            on_test,
            on_unauthorized,
            place: place.into(),
            back_href,
            on_open,
        };
        // The first opening may wait for the page's code: focus goes to its heading
        // once it is there.
        let on_shown = Callback::new(|()| {
            request_animation_frame(|| platform::focus_first(&DETAIL_FOCUS));
        });
        Some(view! {
            <Deferred
                load=move || connection_page(props.clone())
                what="this connection's page"
                on_shown
                back=back_href
            />
        })
    };

    view! {
        <div class="routes" on:click=on_click>
        <div class="list-view" hidden=move || detail_open.get()>
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
                <span class="toolbar__updated">
                    {move || {
                        out_of_date
                            .get()
                            .then(|| view! { <span class="stale-chip">"Out of date"</span> })
                    }}
                    {updated}
                </span>
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
        {controls}
        <p class="summary" aria-live="polite">
            {summary}
        </p>
        {banner}
        {rejected}
        {body}
        </div>
        {detail}
        </div>
        <p class="visually-hidden" aria-live="polite">
            {move || announcement.get()}
        </p>
    }
}

/// Focuses the link of the card of `id`, if the card is rendered; the windowed list
/// may have left it out, and then focus stays where it is.
fn focus_card_link(id: &str) {
    let Ok(cards) = document().query_selector_all(".feed > article") else {
        return;
    };
    let card = (0..cards.length())
        .filter_map(|index| cards.item(index))
        .filter_map(|node| node.dyn_into::<web_sys::Element>().ok())
        .find(|card| card.get_attribute("data-connection-id").as_deref() == Some(id));
    let link = card
        .and_then(|card| card.query_selector("a.card__link").ok().flatten())
        .and_then(|link| link.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(link) = link {
        let _ = link.focus();
    }
}

/// What the area below the filters shows.
#[derive(Debug, Clone, PartialEq)]
enum Screen {
    Loading,
    Failed(LoadError),
    Empty,
    NoMatches,
    Cards,
}

/// What stands above the list: the search, sort and filters, or their placeholder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Controls {
    Shown,
    Placeholder,
    None,
}
