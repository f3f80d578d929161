//! The "MCP connections" page: the list, kept live, in the view the URL names, with
//! a connection's page (the child route) over it. It composes hooks and components:
//! loading (`use_connections`, with the agents of `use_agents` beside it), the clock, health checks, the view in the URL, the
//! way back; what it shows is chosen from their state.

mod listed_card;
mod review_bar;
mod toolbar;
mod triage;

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};
use leptos::either::{EitherOf3, EitherOf5};
use leptos::html;
use leptos::prelude::*;

use crate::components::agents_note::AgentsNote;
use crate::components::connection_feed::{ConnectionFeed, FeedRows};
use crate::components::filter_bar::FilterBar;
use crate::components::layout_switch::LayoutSwitch;
use crate::components::load_error_panel::LoadErrorPanel;
use crate::components::pointing_nowhere_notice::PointingNowhereNotice;
use crate::components::rejected_notice::RejectedNotice;
use crate::components::search_box::SearchBox;
use crate::components::sort_select::SortSelect;
use crate::components::states::{EmptyState, LoadingState, NoMatchesState};
use crate::hooks::use_agents::{UseAgentsReturn, use_agents};
use crate::hooks::use_clock::use_clock;
use crate::hooks::use_connections::use_connections;
use crate::hooks::use_export::use_export;
use crate::hooks::use_health_checks::{HealthChecks, use_health_checks};
use crate::hooks::use_instruction_reviews::{
    InstructionReviews, ReviewState, use_instruction_reviews,
};
use crate::hooks::use_list_view::use_list_view;
use crate::hooks::use_search_shortcut::use_search_shortcut;
use crate::hooks::use_test_run::use_test_run;
use crate::hooks::use_view_state::use_view_state;
use crate::hooks::use_way_back::use_way_back;
use crate::model::agent_usage::{AgentUsage, affected_summary};
use crate::model::list::ConnectionList;
use crate::model::list_layout::ListLayout;
use crate::model::load_error::LoadError;
use crate::model::load_state::LoadState;
use crate::model::route::Route;
use crate::model::view_state::ViewState;
use listed_card::ListedCard;
use review_bar::ReviewBar;
use toolbar::Toolbar;
use triage::Triage;

/// The clock ticks each second: "Updated 12 s ago", countdowns, and the refresh check.
const CLOCK_TICK: Duration = Duration::from_secs(1);

/// What the list page shares with a connection's page opened over it.
#[derive(Clone, Copy)]
pub struct ListContext {
    pub list: Memo<Option<Arc<ConnectionList>>>,
    /// The rows of the list view, for a connection's place and neighbours.
    pub rows: Memo<FeedRows>,
    pub view: Memo<ViewState>,
    pub now: ReadSignal<DateTime<Utc>>,
    pub stale_before: Signal<DateTime<Utc>>,
    pub checks: HealthChecks,
    /// The tenant's agents, and why they could not be read.
    pub agents: UseAgentsReturn,
    /// How the agents use the list's connections; `None` while they are unknown.
    pub usage: Memo<Option<Arc<AgentUsage>>>,
    /// The instructions last reviewed in this browser, and what changed since.
    pub reviews: InstructionReviews,
}

#[component]
pub fn ConnectionsPage(
    /// How old a health check may be before a connection is stale.
    stale_after: TimeDelta,
    /// The page the address bar names: the list, or a connection's page over it.
    route: Memo<Route>,
    /// A connection's page, when one is open.
    children: Children,
) -> impl IntoView {
    let now = use_clock(CLOCK_TICK);
    let (announcement, announce) = signal(String::new());
    let agents = use_agents();
    let connections = use_connections(now, announce, agents);
    let state = connections.state;
    let list = connections.list;
    let checks = use_health_checks(state, announce);
    let url_view = use_view_state();
    let view = url_view.view;
    let reviews = use_instruction_reviews(list);
    let list_view = use_list_view(
        list,
        agents.agents.into(),
        view,
        now,
        stale_after,
        reviews.changed,
    );
    let usage = list_view.usage;
    let test_run = use_test_run(checks, announce);
    let export = use_export(list_view.rows);
    let detail_open = Signal::derive(move || route.with(|r| *r != Route::List));
    use_way_back(route);
    let search_input = NodeRef::<html::Input>::new();
    use_search_shortcut(search_input, Signal::derive(move || !detail_open.get()));
    provide_context(ListContext {
        list,
        rows: list_view.rows,
        view,
        now,
        stale_before: list_view.stale_before,
        checks,
        agents,
        usage,
        reviews,
    });

    let heading = NodeRef::<html::H1>::new();
    let retry = Callback::new(move |()| {
        // The alert holding Retry disappears on success; keep focus on the page.
        if let Some(h1) = heading.get_untracked() {
            let _ = h1.focus();
        }
        connections.load.run(());
    });
    // Cheap views of the state are derived signals: a memo compiles code of its own.
    let loaded = Signal::derive(move || list.with(Option::is_some));
    let loaded_at = Signal::derive(move || state.with(|s| s.loaded.as_ref().map(|(_, at)| *at)));
    let failure = Memo::new(move |_| state.with(|s| s.error.clone()));
    let retry_at = Signal::derive(move || state.with(|s| s.retry_at));
    let (total, shown) = (list_view.total, list_view.shown);
    let summary = move || match (loaded.get(), total.get()) {
        (false, _) => String::new(),
        (true, 1) => format!("Showing {} of 1 connection", shown.get()),
        (true, total) => format!("Showing {} of {total} connections", shown.get()),
    };
    // Beside the summary, not in it: the count of shown rows keeps its words.
    let affected = move || {
        usage.with(|usage| {
            usage
                .as_ref()
                .map(|usage| affected_summary(usage.affected_by_errors()))
        })
    };
    let screen = Memo::new(move |_| {
        let first_load = state.with(LoadState::is_first_load);
        match (loaded.get(), failure.get()) {
            (false, Some(error)) if !first_load => Screen::Failed(error),
            (false, _) => Screen::Loading,
            (true, _) if total.get() == 0 => Screen::Empty,
            (true, _) if shown.get() == 0 => Screen::NoMatches,
            (true, _) => Screen::List,
        }
    });
    // Search, sort and filters only mean something once a list is there; while the
    // first load runs a placeholder holds their place so nothing jumps. A memo, so
    // that typing never rebuilds the search box under the admin's fingers.
    let controls = Memo::new(move |_| match (loaded.get(), screen.get()) {
        (true, _) => Controls::Shown,
        (false, Screen::Loading) => Controls::Placeholder,
        (false, _) => Controls::None,
    });
    let selected = Signal::derive(move || view.with(|v| v.status));
    let changed_unavailable = Signal::derive(move || {
        reviews
            .state
            .with(|s| matches!(s, ReviewState::Unavailable(_)))
    });
    let sort = Signal::derive(move || view.with(|v| v.sort));
    let query_text = Signal::derive(move || view.with(|v| v.query.clone()));
    let layout = url_view.layout;
    // The feed is built anew for another layout: heights measured for cards say
    // nothing about rows.
    let feed = move || {
        let layout = layout.get();
        let card = move |id: String, place: Signal<Option<usize>>| {
            view! {
                <ListedCard id place set_size=shown query=list_view.query changed=connections.changed layout />
            }
        };
        view! {
            // Printing gives what is in the document: print CSS shows this when the
            // feed is windowed.
            <p class="print-note">
                "Only the connections near where the list is scrolled are printed: a list this long is only rendered where it is on screen. Narrow it with the search or the filters to print every one."
            </p>
            {(layout == ListLayout::Compact)
                .then(|| {
                    view! {
                        // The columns, for the eye; each row names its parts itself.
                        <div class="rows-head" aria-hidden="true">
                            <span>"Status"</span>
                            <span>"Name"</span>
                            <span>"Server host"</span>
                            <span>"Authentication"</span>
                            <span>"Last check"</span>
                            <span>"Agents"</span>
                            <span></span>
                            <span>"Instructions"</span>
                        </div>
                    }
                })}
            <ConnectionFeed rows=list_view.rows card hidden=detail_open layout />
        }
    };

    view! {
        <div class="list-view" hidden=move || detail_open.get()>
            <div class="page__header">
                <div>
                    <h1 class="page__title" node_ref=heading tabindex="-1">
                        "MCP connections"
                    </h1>
                    <p class="page__lede">"The MCP servers your agents use, with problems first."</p>
                </div>
                <Toolbar state now on_refresh=connections.load />
            </div>
            {move || match controls.get() {
                Controls::Shown => EitherOf3::A(view! {
                    <div class="controls">
                        <SearchBox query=query_text on_input=url_view.search input_ref=search_input />
                        <SortSelect selected=sort on_select=url_view.sort_by />
                        <LayoutSwitch selected=layout on_select=url_view.set_layout />
                    </div>
                    <FilterBar
                        counts=list_view.counts
                        selected
                        on_select=url_view.select
                        agents_known=Signal::derive(move || usage.with(Option::is_some))
                        changed_unavailable
                    />
                    <ReviewBar />
                    <Triage rows=list_view.rows test_run export now />
                }),
                Controls::Placeholder => EitherOf3::B(view! {
                    <div class="controls controls--placeholder" aria-hidden="true"></div>
                }),
                Controls::None => EitherOf3::C(()),
            }}
            <div class="summary-line">
                <p class="summary" aria-live="polite">{summary}</p>
                <p class="summary-line__agents" aria-live="polite">{affected}</p>
            </div>
            // A failed refresh: the list stays, with what went wrong above it.
            {move || {
                let error = failure.get()?;
                let since = loaded_at.get()?;
                Some(view! { <LoadErrorPanel error showing_since=Some(since) now retry_at on_retry=retry /> })
            }}
            {move || {
                list.with(|list| {
                    list.as_ref()
                        .filter(|list| !list.rejected().is_empty())
                        .map(|list| view! { <RejectedNotice rejected=list.rejected().to_vec() /> })
                })
            }}
            // What the agents add: quiet, and never in place of the list.
            {move || {
                let error = agents.error.get()?;
                let showing_earlier = agents.agents.with(Option::is_some);
                Some(view! { <AgentsNote error showing_earlier /> })
            }}
            {move || {
                usage.with(|usage| {
                    let names = usage.as_ref()?.pointing_nowhere();
                    (!names.is_empty()).then(|| view! { <PointingNowhereNotice names=names.to_vec() /> })
                })
            }}
            {move || {
                agents.agents.with(|agents| {
                    agents
                        .as_ref()
                        .filter(|agents| !agents.rejected().is_empty())
                        .map(|agents| view! { <RejectedNotice rejected=agents.rejected().to_vec() agents=true /> })
                })
            }}
            {move || match screen.get() {
                Screen::Loading => EitherOf5::A(view! { <LoadingState /> }),
                Screen::Failed(error) => EitherOf5::B(view! {
                    <LoadErrorPanel error showing_since=None now retry_at on_retry=retry />
                }),
                Screen::Empty => EitherOf5::C(view! { <EmptyState /> }),
                Screen::NoMatches => EitherOf5::D(view! {
                    <NoMatchesState
                        filter=selected.get_untracked()
                        query=view.with_untracked(|v| v.query.trim().to_owned())
                        on_show_all=url_view.show_all
                    />
                }),
                Screen::List => EitherOf5::E(feed),
            }}
        </div>
        {children()}
        <p class="visually-hidden" aria-live="polite">{announcement}</p>
    }
}

/// What the area below the filters shows.
#[derive(Debug, Clone, PartialEq)]
enum Screen {
    Loading,
    Failed(LoadError),
    Empty,
    NoMatches,
    List,
}

/// What stands above the list: the search, sort and filters, or their placeholder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Controls {
    Shown,
    Placeholder,
    None,
}
