//! One connection as a card: name, health, where it points, when it was checked, what
//! it tells agents, and "Test now". The card stays in place while its data changes:
//! each part is rebuilt only when its own field changes, so focus and the expanded
//! instructions survive refreshes and health checks.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use web_sys::{Element, Node};

use super::dom::{self, DomView};
use super::highlighted::highlighted;
use super::icon::icon;
use super::instructions::instructions;
use super::relative_time::relative_time;
use super::server_link::server_link;
use super::status_badge::status_badge;
use super::unique_id;
use crate::model::connection::{Connection, Timestamp};
use crate::model::route::Route;
use crate::model::search::Query;

#[component]
pub fn ConnectionCard(
    /// The connection, as of the latest load or health check.
    #[prop(into)]
    connection: Signal<Connection>,
    #[prop(into)] now: Signal<DateTime<Utc>>,
    /// Its status changed in the latest load: highlighted briefly.
    #[prop(optional, into)]
    changed: Signal<bool>,
    /// A health check of this connection is running.
    #[prop(optional, into)]
    testing: Signal<bool>,
    /// What the last health check said, if anything worth saying.
    #[prop(optional, into)]
    test_note: Signal<Option<String>>,
    /// "Test now" was pressed.
    #[prop(optional)]
    on_test: Option<Callback<()>>,
    /// The search, whose matches in the name and URL are marked.
    #[prop(optional, into)]
    query: Signal<Arc<Query>>,
    /// The last health check is older than the staleness limit.
    #[prop(optional, into)]
    stale: Signal<bool>,
    /// 1-based place in the whole (windowed) list, and the list's length, for
    /// assistive technology: only some cards are in the document at a time.
    #[prop(optional, into)]
    position: MaybeProp<usize>,
    #[prop(optional, into)] set_size: MaybeProp<usize>,
) -> DomView {
    let heading = unique_id("connection");
    let note = format!("{heading}-note");
    let id = connection.with_untracked(|c| c.id.clone());

    let card = dom::element("article", "card");
    dom::watch_class(&card, "card--changed", move || changed.get());
    dom::set(&card, "data-connection-id", &id);
    dom::watch_attr(&card, "data-status", move || {
        Some(connection.with(|c| c.status.attribute_value()))
    });
    dom::watch_attr(&card, "aria-posinset", move || {
        position.get().map(|p| p.to_string())
    });
    dom::watch_attr(&card, "aria-setsize", move || {
        set_size.get().map(|s| s.to_string())
    });
    dom::set(&card, "aria-labelledby", &heading);
    dom::watch_attr(&card, "aria-busy", move || Some(testing.get().to_string()));
    // Focusable for the feed's Page Up/Page Down, but not a Tab stop.
    dom::set(&card, "tabindex", "-1");

    let header = dom::add(&card, "header", "card__header", "");
    let path = Route::Connection(id.clone()).path();
    dom::append(
        &header,
        &dom::rebuilt(
            move || (connection.with(|c| c.name.clone()), query.get()),
            move |(name, query)| card_name(&heading, path.as_deref(), name, query).into(),
        ),
    );
    let badges = dom::add(&header, "div", "card__badges", "");
    dom::append(
        &badges,
        &dom::rebuilt(
            move || connection.with(|c| c.status.clone()),
            |status| status_badge(status).into(),
        ),
    );
    let stale_badge = dom::add(&badges, "span", "badge badge--stale", "");
    dom::watch_attr(&stale_badge, "hidden", move || {
        (!stale.get()).then(String::new)
    });
    dom::append(&stale_badge, &icon("stale"));
    dom::add(&stale_badge, "span", "badge__label", "Stale");

    let facts = dom::add(&card, "dl", "card__facts", "");
    let fact = |class: &str, term: &str, value: &Node| {
        let fact = dom::add(&facts, "div", class, "");
        dom::add(&fact, "dt", "", term);
        dom::append(&fact, value);
    };
    fact(
        "fact fact--wide",
        "Server URL",
        &dom::rebuilt(
            move || (connection.with(|c| c.server_url.clone()), query.get()),
            |(url, query)| described(&server_link(url, query)),
        ),
    );
    let time = |field: fn(&Connection) -> &Option<Timestamp>, missing: &'static str| {
        dom::rebuilt(
            move || connection.with(|c| field(c).clone()),
            move |at| described(&relative_time(at.as_ref(), now, missing)),
        )
    };
    fact(
        "fact",
        "Last health check",
        &time(|c| &c.last_health_check_at, "Never checked"),
    );
    fact(
        "fact",
        "Authentication",
        &dom::rebuilt(
            move || connection.with(|c| c.auth_type.label().to_owned()),
            |label| described(&dom::text_element("bdi", "", label)),
        ),
    );
    fact("fact", "Created", &time(|c| &c.created_at, "Not recorded"));
    fact("fact", "Updated", &time(|c| &c.updated_at, "Not recorded"));
    fact(
        "fact fact--wide",
        "Connection ID",
        &described(&dom::text_element("code", "connection-id", &id)),
    );

    let expanded = RwSignal::new(false);
    dom::append(
        &card,
        &dom::rebuilt(
            move || connection.with(|c| c.instructions().map(str::to_owned)),
            move |text| instructions(text.as_deref(), expanded).into(),
        ),
    );

    let actions = dom::add(&card, "div", "card__actions", "");
    let test = dom::add_button(
        &actions,
        "button button--secondary button--small",
        "",
        move |_| {
            if let Some(on_test) = on_test {
                on_test.run(());
            }
        },
    );
    dom::set(&test, "aria-describedby", &note);
    let spinner = dom::add(&test, "span", "refresh-icon", "");
    dom::watch_class(&spinner, "refresh-icon--spinning", move || testing.get());
    dom::append(&spinner, &icon("refresh"));
    let label = document().create_text_node("");
    dom::append(&test, &label);
    dom::watch_text(&label, move || {
        let text = if testing.get() {
            "Testing…"
        } else {
            "Test now"
        };
        text.to_owned()
    });
    let note_text = dom::add(&actions, "p", "card__note", "");
    dom::set(&note_text, "id", &note);
    dom::watch_text(&note_text, move || test_note.get().unwrap_or_default());

    DomView::new(card)
}

/// The card's heading: the name (search matches marked) as a link to the
/// connection's own page; an id no path can carry gets no link.
fn card_name(heading: &str, path: Option<&str>, name: &str, query: &Query) -> Element {
    let title = dom::element("h2", "card__name");
    dom::set(&title, "id", heading);
    let target = match path {
        Some(path) => {
            let link = dom::add(&title, "a", "card__link", "");
            dom::set(&link, "href", path);
            dom::set(&link, "data-nav", "open");
            link
        }
        None => title.clone(),
    };
    if name.trim().is_empty() {
        dom::append_text(&target, "Unnamed connection");
    } else {
        highlighted(&dom::add(&target, "bdi", "", ""), name, query);
    }
    title
}

/// `value` as the description of a fact.
fn described(value: &Element) -> Node {
    let description = dom::element("dd", "");
    dom::append(&description, value);
    description.into()
}
