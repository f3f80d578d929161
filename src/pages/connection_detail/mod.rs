//! One connection's page (`/connections/{id}`): every field, the timeline, and the
//! instructions exactly as agents receive them, with the list's copy at once and
//! the API's own record when it comes (`hooks::use_connection_record`); the way
//! back, previous / next (buttons and K/J), and the tab's title.

mod agents;
mod nav;
mod notices;
mod review;
mod sections;

use leptos::either::EitherOf4;
use leptos::ev;
use leptos::prelude::*;

use crate::components::health_badges::HealthBadges;
use crate::components::load_error_panel::LoadErrorPanel;
use crate::components::revealed_text::RevealedText;
use crate::components::states::SkeletonCard;
use crate::components::test_now::TestNow;
use crate::components::timeline::Timeline;
use crate::components::warning_badges::WarningBadges;
use crate::hooks::use_connection_record::{UseConnectionRecordReturn, use_connection_record};
use crate::hooks::use_history::use_history;
use crate::model::connection::{Connection, Status};
use crate::model::hidden_chars::revealed_plain;
use crate::model::load_error::LoadError;
use crate::model::route::{OPENED_FROM_LIST, Route, neighbours};
use crate::pages::connections::ListContext;
use crate::platform;
use agents::AgentsSection;
use nav::DetailNav;
use notices::{NotFound, RefreshFailed};
use review::ReviewSection;
use sections::{Facts, InstructionsSection, timeline};

/// Where this connection stands among the rows of the list view it was opened from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub previous: Option<String>,
    /// 1-based.
    pub row: usize,
    pub next: Option<String>,
    pub rows: usize,
}

/// Where focus goes when the page's content appears: its heading (the name, or "not
/// found"), else Retry of a failed load, else the main region.
pub const DETAIL_FOCUS: [&str; 3] = [".detail h1", ".detail .alert .button", "#main"];

/// The route `/connections/{id}`: the page of the connection `route` names. When
/// previous/next change the id, the page's state (its request, its K/J listener)
/// is made anew for the new connection; its elements are updated in place.
#[component]
pub fn ConnectionRoute(route: Memo<Route>) -> impl IntoView {
    let opened = Signal::derive(move || match route.get() {
        Route::Connection(id) => Some(id),
        Route::List => None,
    });
    move || opened.get().map(|id| view! { <ConnectionDetail id /> })
}

/// One connection's page, inside the list page (whose `ListContext` it reads).
#[component]
pub fn ConnectionDetail(id: String) -> impl IntoView {
    // Focus goes to the page's name once it is there: the link that opened it is
    // hidden now.
    request_animation_frame(|| platform::focus_first(&DETAIL_FOCUS));
    let ListContext {
        list,
        rows,
        view,
        now,
        stale_before,
        checks,
        ..
    } = expect_context::<ListContext>();
    let history = use_history();
    // Memos: a refresh that leaves this connection and its place as they were
    // changes nothing on its page.
    let listed = {
        let id = id.clone();
        Memo::new(move |_| list.with(|list| list.as_ref().and_then(|list| list.get(&id)).cloned()))
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
    let testing = checks.is_running(id.clone());
    let test_note = checks.note(id.clone());
    let on_test = checks.runner(id.clone());
    let back_href = Signal::derive(move || {
        let search = history
            .search()
            .with(|current| view.with(|v| v.to_query(current)));
        format!("/{search}")
    });
    // Previous / next replace this page, keeping its mark: Back still leads to the
    // list.
    let on_open = Callback::new(move |id: String| {
        let href = history
            .search()
            .with_untracked(|search| Route::Connection(id).href(search));
        if let Some(href) = href {
            history.replace(&href);
        }
    });
    // Back, when the list this page was opened from is the entry before (so Forward
    // still works); otherwise the list, in the same view, as a new entry.
    let on_back = Callback::new(move |()| {
        if platform::history_mark().as_deref() == Some(OPENED_FROM_LIST) {
            platform::history_back();
        } else {
            history.push(&back_href.get_untracked(), None);
        }
    });
    let record = use_connection_record(
        id.clone(),
        listed,
        testing,
        // An answer to Retry, which took away the panel or notice holding focus.
        Callback::new(|()| request_animation_frame(|| platform::focus_first(&DETAIL_FOCUS))),
    );
    let UseConnectionRecordReturn {
        shown,
        not_found,
        failure,
        ..
    } = record;
    // Parts that change separately, so a health check does not rebuild the page
    // under the admin's focus.
    let status = Memo::new(move |_| shown.with(|c| c.as_ref().map(|c| c.status.clone())));
    let stale = Memo::new(move |_| {
        shown.with(|c| c.as_ref().is_some_and(|c| c.is_stale(stale_before.get())))
    });
    let moments = Memo::new(move |_| shown.with(|c| c.as_ref().map(timeline)));
    let facts = Memo::new(move |_| {
        shown.with(|c| {
            c.as_ref().map(|c| Connection {
                status: Status::Unknown,
                last_health_check_at: None,
                ..c.clone()
            })
        })
    });
    let name = Memo::new(move |_| facts.with(|c| c.as_ref().map(Connection::display_name)));
    Effect::new(move || {
        let title = match (name.get(), not_found.get()) {
            (_, true) => "Connection not found · MCP Console".to_owned(),
            (Some(name), false) => {
                format!("{} · MCP connections · MCP Console", revealed_plain(&name))
            }
            (None, false) => "Connection · MCP Console".to_owned(),
        };
        platform::set_title(&title);
    });

    // "k" and "j" step through the list, as in mail and code review tools.
    let listener = window_event_listener(ev::keydown, move |event| {
        let plain = !(event.ctrl_key() || event.meta_key() || event.alt_key());
        if !plain || platform::is_typing_target(event.target()) {
            return;
        }
        let step = place.with_untracked(|place| {
            let place = place.as_ref()?;
            match event.key().as_str() {
                "k" | "K" => place.previous.clone(),
                "j" | "J" => place.next.clone(),
                _ => None,
            }
        });
        if let Some(id) = step {
            event.prevent_default();
            on_open.run(id);
        }
    });
    on_cleanup(move || listener.remove());

    let retry = Callback::new(move |()| {
        // The heading, while the answer is awaited, if the page shows one.
        platform::focus_first(&[DETAIL_FOCUS[0]]);
        record.retry.run(());
    });
    // What the page shows, as a memo: a refresh that changes none of it rebuilds
    // nothing.
    let showing = Memo::new(move |_| {
        if not_found.get() {
            return Showing::NotFound;
        }
        match (facts.get(), failure.get()) {
            (Some(connection), _) => Showing::Connection(connection),
            (None, Some(error)) => Showing::Failed(error),
            (None, None) => Showing::Loading,
        }
    });
    let id_text = id.clone();
    let agents_id = id.clone();
    let content = move || match showing.get() {
        Showing::NotFound => {
            EitherOf4::A(view! { <NotFound id=id_text.clone() back_href on_back /> })
        }
        Showing::Connection(connection) => {
            let name = connection.display_name();
            let instructions = connection.instructions().map(str::to_owned);
            let hidden_chars = connection.has_hidden_chars();
            let look_alike_host = connection.has_look_alike_host();
            EitherOf4::B(view! {
                <header class="page__header detail__header">
                    <div class="detail__title">
                        <p class="detail__eyebrow">"MCP connection"</p>
                        <h1 class="page__title" tabindex="-1">
                            <bdi>
                                <RevealedText text=name />
                            </bdi>
                        </h1>
                    </div>
                    <div class="detail__health">
                        <HealthBadges status stale>
                            <WarningBadges hidden_chars look_alike_host />
                        </HealthBadges>
                        <TestNow testing note=test_note on_test standalone=true />
                    </div>
                </header>
                {move || failure.get().map(|error| view! { <RefreshFailed error on_retry=retry /> })}
                <Facts connection />
                <AgentsSection connection_id=agents_id.clone() />
                <section class="detail__section" aria-labelledby="timeline-title">
                    <h2 class="detail__section-title" id="timeline-title">"Timeline"</h2>
                    {move || moments.get().map(|moments| view! { <Timeline moments now /> })}
                </section>
                <ReviewSection connection=shown />
                <InstructionsSection text=instructions />
            })
        }
        Showing::Failed(error) => EitherOf4::C(view! {
            <LoadErrorPanel
                error
                showing_since=None
                now
                retry_at=Signal::stored(None)
                on_retry=retry
                headline="This connection could not be loaded"
            />
        }),
        Showing::Loading => EitherOf4::D(view! {
            <div class="loading" role="status">
                <p class="loading__text">"Loading the connection…"</p>
                <SkeletonCard />
            </div>
        }),
    };
    view! {
        <DetailNav place=place.into() back_href on_back on_open />
        <div class="detail">{content}</div>
    }
}

/// What the page shows.
#[derive(Debug, Clone, PartialEq)]
enum Showing {
    Loading,
    NotFound,
    Failed(LoadError),
    /// The connection without its health, which changes on its own.
    Connection(Connection),
}
