//! The card (or compact row) of one connection of the list, by id: it follows the
//! list's copy of the connection, so a refresh or a health check updates it in
//! place (focus and the expanded instructions stay).

use std::collections::HashSet;
use std::sync::Arc;

use leptos::either::Either;
use leptos::prelude::*;

use super::ListContext;
use crate::components::connection_card::ConnectionCard;
use crate::components::connection_row::ConnectionRow;
use crate::hooks::use_history::use_history;
use crate::model::connection::Connection;
use crate::model::list_layout::ListLayout;
use crate::model::route::{OPENED_FROM_LIST, Route};
use crate::model::search::Query;

#[component]
pub fn ListedCard(
    id: String,
    /// 1-based place among the rows, which changes as filters change.
    place: Signal<Option<usize>>,
    /// Rows shown.
    set_size: Signal<usize>,
    query: Memo<Arc<Query>>,
    /// Ids whose status the last refresh changed.
    changed: RwSignal<HashSet<String>>,
    layout: ListLayout,
) -> impl IntoView {
    let ListContext {
        list,
        now,
        stale_before,
        checks,
        usage,
        reviews,
        ..
    } = expect_context::<ListContext>();
    let history = use_history();
    let initial = list.with_untracked(|list| list.as_ref().and_then(|list| list.get(&id)).cloned());
    initial.map(|initial| {
        let connection = {
            let id = id.clone();
            // A connection that disappears keeps its last data until its card goes.
            Memo::new(move |previous: Option<&Connection>| {
                list.with(|list| list.as_ref().and_then(|list| list.get(&id)).cloned())
                    .or_else(|| previous.cloned())
                    .unwrap_or_else(|| initial.clone())
            })
        };
        let is_changed = {
            let id = id.clone();
            Signal::derive(move || changed.with(|ids| ids.contains(&id)))
        };
        let instructions_changed = {
            let id = id.clone();
            Signal::derive(move || reviews.changed.with(|changed| changed.get(&id).copied()))
        };
        let stale = Signal::derive(move || connection.with(|c| c.is_stale(stale_before.get())));
        let agents = {
            let id = id.clone();
            Signal::derive(move || {
                let position = list.with(|list| list.as_ref()?.index().position(&id))?;
                usage.with(|usage| usage.as_ref()?.count(position))
            })
        };
        // The page keeps the list's view in its address, and its history entry says
        // it was opened from the list (the way back is then Back).
        let page = Route::Connection(id.clone());
        let on_open = Callback::new(move |()| {
            // The card has no link for an id no path can carry.
            if let Some(href) = history.search().with_untracked(|search| page.href(search)) {
                history.push(&href, Some(OPENED_FROM_LIST));
            }
        });
        match layout {
            ListLayout::Cards => Either::Left(view! {
                <ConnectionCard
                    connection
                    now
                    changed=is_changed
                    instructions_changed
                    testing=checks.is_running(id.clone())
                    test_note=checks.note(id.clone())
                    on_test=checks.runner(id)
                    query
                    stale
                    agents
                    position=place
                    set_size
                    on_open
                />
            }),
            ListLayout::Compact => Either::Right(view! {
                <ConnectionRow
                    connection
                    now
                    changed=is_changed
                    instructions_changed
                    query
                    stale
                    agents
                    position=place
                    set_size
                    on_open
                />
            }),
        }
    })
}
