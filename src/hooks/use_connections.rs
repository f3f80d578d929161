//! Loading the list and keeping it live: a first load, then every 30 s while the tab
//! is visible and online, with backoff after failures (`model::load_state`), at once
//! when the tab comes back into view or the browser back online. A request still
//! running when the owner goes (Sign out, say) is aborted.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};
use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::client::{AbortHandle, ApiClient};
use crate::app::KeyRefused;
use crate::model::changes::{error_count_announcement, status_changed};
use crate::model::filter::{Marks, StatusCounts};
use crate::model::list::ConnectionList;
use crate::model::load_error::LoadError;
use crate::model::load_state::LoadState;
use crate::platform;

/// What `use_connections` gives the page.
#[derive(Clone, Copy)]
pub struct UseConnectionsReturn {
    /// Where loading stands: the last list, the last failure, the schedule.
    pub state: RwSignal<LoadState>,
    /// The last list, changing only when a load or a health check replaces it.
    pub list: Memo<Option<Arc<ConnectionList>>>,
    /// Ids whose status the last refresh changed, for highlighting.
    pub changed: RwSignal<HashSet<String>>,
    /// Loads now, unless a request is already under way.
    pub load: Callback<()>,
}

/// Loads the list through the `ApiClient` of the context, on the schedule read from
/// `now`; says in `announce` when a refresh changes how many connections are in
/// Error. A 401 for the key goes to the `KeyRefused` of the context.
pub fn use_connections(
    now: ReadSignal<DateTime<Utc>>,
    announce: WriteSignal<String>,
) -> UseConnectionsReturn {
    let client = expect_context::<ApiClient>();
    let KeyRefused(key_refused) = expect_context::<KeyRefused>();
    let state = RwSignal::new(LoadState::default());
    let changed = RwSignal::new(HashSet::<String>::new());
    // The download under way, to abort when the owner goes (Sign out during a big
    // download). Not a reactive value: it must outlive the owner's signals.
    let download = Arc::new(Mutex::new(None::<AbortHandle>));

    let load = Callback::new({
        let download = Arc::clone(&download);
        move |()| {
            if !state.try_update(LoadState::begin).unwrap_or(false) {
                return;
            }
            let client = client.clone();
            let request = client.list();
            if let Ok(mut current) = download.lock() {
                *current = Some(request.abort_handle());
            }
            spawn_local(async move {
                let result = request.await;
                if result.as_ref().err().is_some_and(|e| client.refuses_key(e)) {
                    key_refused.try_run(());
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
                    let counts = |list: &ConnectionList| {
                        let index = list.index();
                        let marks = (0..).map(|position| Marks {
                            hidden: index.has_hidden(position),
                            changed: false,
                        });
                        StatusCounts::of(list.connections().iter().zip(marks), cutoff)
                    };
                    if let Some(message) = error_count_announcement(counts(before), counts(after)) {
                        let _ = announce.try_set(message);
                    }
                }
                // The page may have been left while the request ran.
                state.try_update(|s| s.finish(result, platform::now()));
                // Freeing the old list (50,000 connections: tens of milliseconds) waits
                // until the new one is on screen.
                platform::next_task().await;
                drop(before);
            });
        }
    });
    load.run(());

    // Each tick of the clock asks whether a refresh or a retry is due.
    Effect::watch(
        move || now.get(),
        move |now, _, _| {
            let due = state
                .with_untracked(|s| s.due(*now, platform::is_visible(), platform::is_online()));
            if due {
                load.run(());
            }
        },
        false,
    );

    // Back in view or back online: load at once, unless the last failure needs the
    // admin (a refused permission does not fix itself).
    let resume = move || {
        let waiting_for_admin =
            state.with_untracked(|s| s.error.as_ref().is_some_and(|e| !e.is_transient()));
        if platform::is_visible() && !waiting_for_admin {
            load.run(());
        }
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
    ];
    on_cleanup(move || {
        listeners.into_iter().for_each(|listener| listener.remove());
        if let Some(request) = download.lock().ok().and_then(|mut current| current.take()) {
            request.abort();
        }
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
    UseConnectionsReturn {
        state,
        list,
        changed,
        load,
    }
}
