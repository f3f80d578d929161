//! The list as the admin sees it: the loaded list in the chosen order, searched and
//! filtered, with the filter's counts, and the agents' use of each connection. Each step that passes over the list is a
//! memo of its own, so a keystroke does not sort again and a filter click does not
//! search again; none of them decodes or folds text (`model::list_index`).

use std::sync::Arc;

use chrono::{DateTime, TimeDelta, Utc};
use leptos::prelude::*;

use crate::components::connection_feed::FeedRows;
use crate::model::agent::AgentList;
use crate::model::agent_usage::AgentUsage;
use crate::model::filter::{StatusCounts, StatusFilter};
use crate::model::instructions_review::ChangedInstructions;
use crate::model::list::ConnectionList;
use crate::model::search::Query;
use crate::model::selection::{counts, filtered, search_hits};
use crate::model::sort::{SortOrder, sorted_positions};
use crate::model::view_state::ViewState;

/// What `use_list_view` gives the page.
#[derive(Clone, Copy)]
pub struct ListView {
    /// The parsed search, for marking matches.
    pub query: Memo<Arc<Query>>,
    /// Health checks before this are stale.
    pub stale_before: Signal<DateTime<Utc>>,
    /// How many of the search's hits each filter would show.
    pub counts: Memo<StatusCounts>,
    /// The rows shown, in order.
    pub rows: Memo<FeedRows>,
    /// Connections in the list, whatever the view.
    pub total: Signal<usize>,
    /// Rows shown.
    pub shown: Signal<usize>,
    /// How the agents use the list's connections; `None` while they are unknown.
    pub usage: Memo<Option<Arc<AgentUsage>>>,
}

pub fn use_list_view(
    list: Memo<Option<Arc<ConnectionList>>>,
    agents: Signal<Option<Arc<AgentList>>>,
    view: Memo<ViewState>,
    now: ReadSignal<DateTime<Utc>>,
    stale_after: TimeDelta,
    changed: ReadSignal<Arc<ChangedInstructions>>,
) -> ListView {
    let selected = Signal::derive(move || view.with(|v| v.status));
    let sort = Memo::new(move |_| view.with(|v| v.sort));
    let query = Memo::new(move |_| view.with(|v| Arc::new(Query::parse(&v.query))));
    let stale_before = Signal::derive(move || now.get() - stale_after);
    // Compared by value: agents read again unchanged, or a health check that
    // changes no count, stop here.
    let usage = Memo::new(move |_| {
        let list = list.get()?;
        agents.with(|agents| Some(Arc::new(AgentUsage::of(&list, agents.as_ref()?))))
    });
    let order = Memo::new(move |_| {
        let order = sort.get();
        // Only the order by agents follows the agents.
        let usage = (order == SortOrder::MostAgents)
            .then(|| usage.get())
            .flatten();
        list.with(|list| {
            list.as_ref()
                .map(|list| Arc::new(sorted_positions(list, order, usage.as_deref())))
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
            .map(|list| {
                let changed = changed.get();
                usage.with(|usage| {
                    hits.with(|hits| {
                        counts(&list, usage.as_deref(), hits, &changed, stale_before.get())
                    })
                })
            })
            .unwrap_or_default()
    });
    let rows = Memo::new(move |_| {
        let list = list.get().unwrap_or_default();
        let filter = selected.get();
        // Only the Unused filter follows the agents, and only the Changed filter the
        // review's changes.
        let usage = (filter == StatusFilter::Unused)
            .then(|| usage.get())
            .flatten();
        let changed = if filter == StatusFilter::Changed {
            changed.get()
        } else {
            Arc::default()
        };
        let positions = hits.with(|hits| {
            filtered(
                &list,
                usage.as_deref(),
                hits,
                filter,
                &changed,
                stale_before.get(),
            )
        });
        FeedRows {
            list,
            positions: Arc::new(positions),
        }
    });
    let total = Signal::derive(move || {
        list.with(|list| list.as_ref().map_or(0, |l| l.connections().len()))
    });
    let shown = Signal::derive(move || rows.with(FeedRows::len));
    ListView {
        query,
        stale_before,
        counts,
        rows,
        total,
        shown,
        usage,
    }
}
