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
use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::model::load_error::LoadError;
use crate::api::client::ApiClient;
use crate::components::connection_card::ConnectionCard;
use crate::components::connection_feed::{ConnectionFeed, FeedRows};
use crate::components::deferred::deferred;
use crate::components::dom::{self, DomView};
use crate::components::filter_bar::filter_bar;
use crate::components::icon::icon;
use crate::components::load_error_panel::load_error_panel;
use crate::components::rejected_notice::rejected_notice;
use crate::components::search_box::search_box;
use crate::components::sort_select::sort_select;
use crate::components::states::{empty_state, loading_state, no_matches_state};
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
    let search_input = StoredValue::new_local(None::<web_sys::HtmlInputElement>);
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
                && let Some(Some(input)) = search_input.try_get_value()
            {
                event.prevent_default();
                let _ = input.focus();
                input.select();
            }
        }),
    ];
    on_cleanup(move || listeners.into_iter().for_each(|listener| listener.remove()));

    let heading = dom::text_element("h1", "page__title", "MCP connections");
    dom::set(&heading, "tabindex", "-1");
    let heading_slot = StoredValue::new_local(heading.clone());
    let retry = Callback::new(move |()| {
        // The alert holding Retry disappears on success; keep focus on the page.
        if let Some(h1) = heading_slot.try_get_value() {
            let _ = h1.unchecked_ref::<web_sys::HtmlElement>().focus();
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

    let selected = Signal::derive(move || view.with(|v| v.status));
    let sort = Memo::new(move |_| view.with(|v| v.sort));
    let query = Memo::new(move |_| view.with(|v| Arc::new(Query::parse(&v.query))));
    let stale_before = Signal::derive(move || now.get() - stale_after);
    // Each step that passes over the list is a memo, so a keystroke does not sort
    // again and a filter click does not search again. Cheap views of the state are
    // derived signals: a memo compiles code of its own (about 1 KB each), and what
    // reads them on screen changes only when its value does (`dom::rebuilt`).
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
        let card = view! {
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
        };
        Some(card.into_inner().into_element())
    };
    let loaded = Signal::derive(move || list.with(Option::is_some));
    let summary = move || {
        let (total, shown) = (total.get(), shown.get());
        match (loaded.get(), total) {
            (false, _) => String::new(),
            (true, 1) => format!("Showing {shown} of 1 connection"),
            (true, _) => format!("Showing {shown} of {total} connections"),
        }
    };
    let loaded_at = Signal::derive(move || state.with(|s| s.loaded.as_ref().map(|(_, at)| *at)));
    let out_of_date =
        Signal::derive(move || state.with(|s| s.error.is_some() && s.loaded.is_some()));
    let updated = move || {
        loaded_at
            .get()
            .map(|at| format!("Updated {}", age(at, now.get())))
    };
    let refreshing = Signal::derive(move || state.with(|s| s.in_flight && s.loaded.is_some()));
    let failure = Signal::derive(move || state.with(|s| s.error.clone()));
    let retry_at = Signal::derive(move || state.with(|s| s.retry_at));

    let screen = Signal::derive(move || {
        let first_load = state.with(LoadState::is_first_load);
        match (loaded.get(), failure.get()) {
            (false, Some(error)) if !first_load => Screen::Failed(error),
            (false, _) => Screen::Loading,
            (true, _) if total.get() == 0 => Screen::Empty,
            (true, _) if shown.get() == 0 => Screen::NoMatches,
            (true, _) => Screen::Cards,
        }
    });
    let detail_open = Signal::derive(move || route.with(|r| *r != Route::List));
    // Search, sort and filters only mean something once a list is there; while the
    // first load runs a placeholder holds their place so nothing jumps. Shown by
    // `dom::rebuilt`, which compares it: typing never rebuilds the search box under
    // the admin's fingers.
    let controls_state = Signal::derive(move || match (loaded.get(), screen.get()) {
        (true, _) => Controls::Shown,
        (false, Screen::Loading) => Controls::Placeholder,
        (false, _) => Controls::None,
    });
    let query_text = Signal::derive(move || view.with(|v| v.query.clone()));
    let detail_id = Signal::derive(move || match route.get() {
        Route::Connection(id) => Some(id),
        Route::List => None,
    });
    let detail = move |id: &Option<String>| -> web_sys::Node {
        let Some(id) = id.clone() else {
            return dom::nothing();
        };
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
            stale_before,
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
        deferred(
            move || connection_page(props.clone()),
            "this connection's page",
            on_shown,
            back_href,
        )
        .into()
    };

    let routes = dom::element("div", "routes");
    dom::on(&routes, "click", move |event| {
        if let Ok(event) = event.dyn_into::<ev::MouseEvent>() {
            on_click(event);
        }
    });
    let list_view = dom::add(&routes, "div", "list-view", "");
    dom::watch_attr(&list_view, "hidden", move || {
        detail_open.get().then(String::new)
    });
    let header = dom::add(&list_view, "div", "page__header", "");
    let titles = dom::add(&header, "div", "", "");
    dom::append(&titles, &heading);
    dom::add(
        &titles,
        "p",
        "page__lede",
        "The MCP servers your agents use, with problems first.",
    );
    let toolbar = dom::add(&header, "div", "toolbar", "");
    let updated_line = dom::add(&toolbar, "span", "toolbar__updated", "");
    dom::append(
        &updated_line,
        &dom::rebuilt(
            move || out_of_date.get(),
            |out_of_date| match out_of_date {
                true => dom::text_element("span", "stale-chip", "Out of date").into(),
                false => dom::nothing(),
            },
        ),
    );
    let updated_text = document().create_text_node("");
    dom::append(&updated_line, &updated_text);
    dom::watch_text(&updated_text, move || updated().unwrap_or_default());
    let refresh = dom::add_button(&toolbar, "button button--secondary", "", move |_| load());
    dom::watch_attr(&refresh, "aria-busy", move || {
        Some(refreshing.get().to_string())
    });
    let spinner = dom::add(&refresh, "span", "refresh-icon", "");
    dom::watch_class(&spinner, "refresh-icon--spinning", move || refreshing.get());
    dom::append(&spinner, &icon("refresh"));
    dom::append_text(&refresh, "Refresh");

    dom::append(
        &list_view,
        &dom::rebuilt(
            move || controls_state.get(),
            move |state| match state {
                Controls::Shown => {
                    let controls = dom::element("div", "controls");
                    let (search_box, input) = search_box(query_text, search);
                    search_input.set_value(Some(input));
                    dom::append(&controls, &search_box);
                    dom::append(&controls, &sort_select(sort.into(), sort_by));
                    controls.into()
                }
                Controls::Placeholder => {
                    let placeholder = dom::element("div", "controls controls--placeholder");
                    dom::set(&placeholder, "aria-hidden", "true");
                    placeholder.into()
                }
                Controls::None => dom::nothing(),
            },
        ),
    );
    dom::append(
        &list_view,
        &dom::rebuilt(
            move || controls_state.get() == Controls::Shown,
            move |shown| match shown {
                true => filter_bar(counts.into(), selected, select).into(),
                false => dom::nothing(),
            },
        ),
    );
    let summary_line = dom::add(&list_view, "p", "summary", "");
    dom::set(&summary_line, "aria-live", "polite");
    dom::watch_text(&summary_line, summary);
    // A failed refresh: the list stays, with what went wrong above it.
    dom::append(
        &list_view,
        &dom::rebuilt(
            move || failure.get().zip(loaded_at.get()),
            move |failed| match failed {
                Some((error, since)) => {
                    load_error_panel(error, Some(*since), now.into(), retry_at, retry, None).into()
                }
                None => dom::nothing(),
            },
        ),
    );
    dom::append(
        &list_view,
        &dom::rebuilt(
            // The records themselves, few: comparing whole lists would cost a pass
            // over every connection.
            move || list.with(|list| list.as_ref().map(|list| list.rejected().to_vec())),
            |rejected| match rejected.as_deref() {
                Some(rejected) if !rejected.is_empty() => rejected_notice(rejected).into(),
                _ => dom::nothing(),
            },
        ),
    );
    dom::append(
        &list_view,
        &dom::rebuilt(
            move || screen.get(),
            move |screen| match screen {
                Screen::Loading => loading_state().into(),
                Screen::Failed(error) => {
                    load_error_panel(error, None, now.into(), retry_at, retry, None).into()
                }
                Screen::Empty => empty_state().into(),
                Screen::NoMatches => no_matches_state(
                    selected.get_untracked(),
                    &view.with_untracked(|v| v.query.trim().to_owned()),
                    show_all,
                )
                .into(),
                Screen::Cards => view! { <ConnectionFeed rows card hidden=detail_open /> }
                    .into_inner()
                    .into_element()
                    .into(),
            },
        ),
    );
    dom::append(&routes, &dom::rebuilt(move || detail_id.get(), detail));

    let page = dom::element("div", "");
    dom::append(&page, &routes);
    let announcer = dom::add(&page, "p", "visually-hidden", "");
    dom::set(&announcer, "aria-live", "polite");
    dom::watch_text(&announcer, move || announcement.get());
    DomView::new(page)
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
