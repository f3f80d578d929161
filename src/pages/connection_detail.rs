//! One connection's page (`/connections/{id}`): every field, the timeline, and the
//! instructions exactly as agents receive them. It shows the list's copy at once
//! and asks the API for the connection itself in the background; whichever news is
//! newer wins (a list refresh after that answer replaces it). A 404 says the
//! connection is not in this tenant.

use leptos::either::{Either, EitherOf4};
use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::client::ApiClient;
use crate::app::KeyRefused;
use crate::components::copy_button::CopyButton;
use crate::components::follow_link;
use crate::components::health_badges::HealthBadges;
use crate::components::instructions_full::InstructionsFull;
use crate::components::load_error_panel::LoadErrorPanel;
use crate::components::revealed_text::RevealedText;
use crate::components::server_address::ServerAddressView;
use crate::components::states::SKELETON_CARD;
use crate::components::test_now::TestNow;
use crate::components::timeline::{Moment, Timeline};
use crate::hooks::use_history::use_history;
use crate::model::connection::{AuthType, Connection, Status};
use crate::model::hidden_chars::revealed_plain;
use crate::model::load_error::LoadError;
use crate::model::route::{OPENED_FROM_LIST, Route, neighbours};
use crate::pages::connections::ListContext;
use crate::platform;

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

/// The route `/connections/{id}`: the page of the connection `route` names, built
/// anew when previous/next change the id, never diffed into another's.
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
    let client = expect_context::<ApiClient>();
    let KeyRefused(on_unauthorized) = expect_context::<KeyRefused>();
    let ListContext {
        list,
        rows,
        view,
        now,
        stale_before,
        checks,
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
    let fetched = RwSignal::new(None::<Result<Connection, LoadError>>);
    let fetching = StoredValue::new(false);
    // Set by Retry, which takes away the panel or notice holding focus.
    let refocus = StoredValue::new(false);
    let fetch = {
        let id = id.clone();
        move || {
            if fetching.get_value() {
                return;
            }
            fetching.set_value(true);
            let id = id.clone();
            let client = client.clone();
            spawn_local(async move {
                let result = client.get(&id).await;
                if result.as_ref().err().is_some_and(|e| client.refuses_key(e)) {
                    on_unauthorized.try_run(());
                    return;
                }
                let _ = fetched.try_set(Some(result));
                fetching.try_set_value(false);
                if refocus.try_get_value() == Some(true) {
                    refocus.set_value(false);
                    request_animation_frame(|| platform::focus_first(&DETAIL_FOCUS));
                }
            });
        }
    };
    fetch();
    // A change of the list's copy after the answer is newer news than the answer.
    Effect::new(move |ran: Option<()>| {
        let has_copy = listed.with(Option::is_some);
        if ran.is_some() && has_copy && fetched.with_untracked(|f| matches!(f, Some(Ok(_)))) {
            fetched.set(None);
        }
    });
    // After a health check, ask for the whole record again: the check may have
    // changed more than the status.
    {
        let fetch = fetch.clone();
        Effect::new(move |was_testing: Option<bool>| {
            let is_testing = testing.get();
            if was_testing == Some(true) && !is_testing {
                fetch();
            }
            is_testing
        });
    }

    let shown = Memo::new(move |_| match fetched.get() {
        Some(Ok(connection)) => Some(connection),
        _ => listed.get(),
    });
    let not_found = Signal::derive(move || {
        fetched.with(|f| matches!(f, Some(Err(LoadError::Http { status: 404, .. }))))
    });
    let failure = Memo::new(move |_| match fetched.get() {
        Some(Err(error)) if !matches!(error, LoadError::Http { status: 404, .. }) => Some(error),
        _ => None,
    });
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

    let retry = Callback::new({
        let fetch = fetch.clone();
        move |()| {
            // The heading, while the answer is awaited, if the page shows one.
            platform::focus_first(&[DETAIL_FOCUS[0]]);
            refocus.set_value(true);
            fetched.set(None);
            fetch();
        }
    });
    // The page's state switches as a whole, so it is built anew, never diffed.
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
    let content = move || match showing.get() {
        Showing::NotFound => {
            EitherOf4::A(view! { <NotFound id=id_text.clone() back_href on_back /> })
        }
        Showing::Connection(connection) => {
            let name = connection.display_name();
            let instructions = connection.instructions().map(str::to_owned);
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
                        <HealthBadges status stale />
                        <TestNow testing note=test_note on_test standalone=true />
                    </div>
                </header>
                {move || failure.get().map(|error| view! { <RefreshFailed error on_retry=retry /> })}
                <Facts connection />
                <section class="detail__section" aria-labelledby="timeline-title">
                    <h2 class="detail__section-title" id="timeline-title">"Timeline"</h2>
                    {move || moments.get().map(|moments| view! { <Timeline moments now /> })}
                </section>
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
                <div aria-hidden="true" inner_html=SKELETON_CARD></div>
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

/// The API could not be asked again; the list's copy is on screen.
#[component]
fn RefreshFailed(error: LoadError, on_retry: Callback<()>) -> impl IntoView {
    view! {
        <div class="notice" role="status">
            <p>
                {format!("Could not refresh this connection: {}. Showing the copy from the list.", error.title())}
            </p>
            <button type="button" class="button button--secondary button--small" on:click=move |_| on_retry.run(())>
                "Retry"
            </button>
        </div>
    }
}

fn timeline(connection: &Connection) -> Vec<Moment> {
    vec![
        Moment {
            label: "Registered",
            at: connection.created_at.clone(),
            missing: "Not recorded",
        },
        Moment {
            label: "Last updated",
            at: connection.updated_at.clone(),
            missing: "Not recorded",
        },
        Moment {
            label: "Last health check",
            at: connection.last_health_check_at.clone(),
            missing: "Never checked",
        },
    ]
}

/// Back to the list, and previous / next within it.
#[component]
fn DetailNav(
    place: Signal<Option<Place>>,
    back_href: Signal<String>,
    on_back: Callback<()>,
    on_open: Callback<String>,
) -> impl IntoView {
    let step = move |id: Option<String>, label: &'static str, key: &'static str| {
        let path = id.clone().and_then(|id| Route::Connection(id).path());
        match (path, id) {
            (Some(path), Some(id)) => Either::Left(view! {
                <a
                    class="button button--secondary button--small"
                    href=path
                    aria-keyshortcuts=key
                    on:click=follow_link(Callback::new(move |()| on_open.run(id.clone())))
                >
                    {label} " " <kbd>{key}</kbd>
                </a>
            }),
            _ => Either::Right(view! {
                <span class="button button--secondary button--small button--disabled" aria-disabled="true">
                    {label} " " <kbd>{key}</kbd>
                </span>
            }),
        }
    };
    view! {
        <nav class="detail-nav" aria-label="Connection">
            <a class="back-link" href=move || back_href.get() on:click=follow_link(on_back)>
                "← All connections"
            </a>
            {move || {
                place
                    .get()
                    .map(|place| {
                        view! {
                            <div class="detail-nav__steps">
                                <span class="detail-nav__place">
                                    {format!("{} of {}", place.row, place.rows)}
                                </span>
                                {step(place.previous, "Previous", "K")}
                                {step(place.next, "Next", "J")}
                            </div>
                        }
                    })
            }}
        </nav>
    }
}

/// Name, ids, server URL and authentication, each id with a copy button.
#[component]
fn Facts(connection: Connection) -> impl IntoView {
    let sends_token = connection.auth_type == AuthType::Bearer;
    let copyable = |label: &'static str, what: &'static str, value: String| {
        view! {
            <div class="fact fact--wide">
                <dt>{label}</dt>
                <dd class="fact__copyable">
                    <code class="connection-id">
                        <bdi>
                            <RevealedText text=value.clone() />
                        </bdi>
                    </code>
                    <CopyButton text=Signal::stored(value) what />
                </dd>
            </div>
        }
    };
    view! {
        <section class="detail__section" aria-labelledby="facts-title">
            <h2 class="detail__section-title" id="facts-title">"Details"</h2>
            <dl class="detail__facts">
                <div class="fact fact--wide">
                    <dt>"Name"</dt>
                    <dd class="fact__copyable">
                        <bdi>
                            <RevealedText text=connection.name.clone() />
                        </bdi>
                        <CopyButton text=Signal::stored(connection.name.clone()) what="name" />
                    </dd>
                </div>
                {copyable("Connection ID", "connection ID", connection.id.clone())}
                {copyable("Tenant ID", "tenant ID", connection.tenant_id.clone())}
                <div class="fact fact--wide">
                    <dt>"Server URL"</dt>
                    <dd>
                        <ServerAddressView url=connection.server_url.clone() sends_token />
                    </dd>
                </div>
                <div class="fact">
                    <dt>"Authentication"</dt>
                    <dd>
                        <bdi>{connection.auth_type.label().to_owned()}</bdi>
                    </dd>
                </div>
            </dl>
        </section>
    }
}

#[component]
fn InstructionsSection(text: Option<String>) -> impl IntoView {
    view! {
        <section class="detail__section" aria-labelledby="instructions-title">
            <h2 class="detail__section-title" id="instructions-title">"Instructions to agents"</h2>
            <p class="detail__lede">
                "Written by the MCP server, not by your team, and put word for word into the system prompt of every agent that uses this connection."
            </p>
            <InstructionsFull text />
        </section>
    }
}

/// The API has no such connection in this tenant.
#[component]
fn NotFound(id: String, back_href: Signal<String>, on_back: Callback<()>) -> impl IntoView {
    view! {
        <div class="empty" role="alert">
            <h1 class="empty__title" tabindex="-1">"Connection not found"</h1>
            <p>
                "No MCP connection with the ID " <code class="connection-id"><bdi>{id}</bdi></code>
                " exists in this tenant. It may have been removed, or the link may be incomplete."
            </p>
            <a class="button" href=move || back_href.get() on:click=follow_link(on_back)>
                "Back to all connections"
            </a>
        </div>
    }
}
