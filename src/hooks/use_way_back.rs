//! The way back to the list: while a connection's page is open the list stays
//! mounted but hidden, so coming back puts it where it was scrolled, with focus on
//! the card that was opened, and gives the tab its title again.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::route::Route;
use crate::platform;

const LIST_TITLE: &str = "MCP connections · MCP Console";

/// Follows `route`: remembers the list's scroll while it is shown and restores it
/// when the route comes back to the list.
pub fn use_way_back(route: Memo<Route>) {
    // Where the list was scrolled, last time it was on screen. Read while scrolling,
    // not on leaving: hiding the list shortens the page and moves the scroll.
    let list_scroll = StoredValue::new(platform::scroll_y());
    let listener = window_event_listener(ev::scroll, move |_| {
        if route.with_untracked(|route| *route == Route::List) {
            list_scroll.set_value(platform::scroll_y());
        }
    });
    on_cleanup(move || listener.remove());
    Effect::watch(
        move || route.get(),
        move |route, previous, _| match (previous, route) {
            (Some(Route::Connection(id)), Route::List) => {
                platform::set_title(LIST_TITLE);
                let scroll = list_scroll.get_value();
                let id = id.clone();
                request_animation_frame(move || {
                    platform::scroll_to_y(scroll);
                    // A frame later, once the feed has rendered the rows there.
                    request_animation_frame(move || focus_card_link(&id));
                });
            }
            (None, Route::List) => platform::set_title(LIST_TITLE),
            // A connection's page starts at its top (its heading takes focus).
            (_, Route::Connection(_)) => platform::scroll_to_y(0.0),
            _ => {}
        },
        true,
    );
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
