//! The list of cards (or compact rows) as an ARIA feed. A list longer than its
//! layout's threshold (`ListLayout::windowed`) renders only the cards on screen and
//! a few on each side, so that 50,000 connections cost what 30 do; a shorter one is
//! all in the document, for find in page, printing and screen readers' browse
//! mode. Padding above and below stands in for the cards not rendered, so the page
//! keeps its full height and the scroll bar tells the truth. Cards are measured as
//! they render (a `ResizeObserver` also sees instructions expand); unmeasured ones
//! count at the average height.
//!
//! Keyboard: Page Down / Page Up move focus to the next / previous card (the feed
//! pattern of WAI-ARIA), Home / End on a card to the first / last; each card says
//! its place in the whole list (`aria-posinset` of `aria-setsize`).

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Element, FocusOptions, HtmlElement, ResizeObserver};

use crate::model::list::ConnectionList;
use crate::model::list_layout::ListLayout;
use crate::model::row_layout::RowLayout;

/// Cards rendered beyond each edge of the screen.
const OVERSCAN: usize = 4;
/// The most page height the feed takes; a taller list is compressed into it (see
/// `RowLayout::scale`). Below Firefox's cap on element heights, about 17.9 M px.
const MAX_PAGE_PX: f64 = 15_000_000.0;

/// The rows of the feed: positions into a loaded list, in display order.
#[derive(Debug, Clone, Default)]
pub struct FeedRows {
    pub list: Arc<ConnectionList>,
    pub positions: Arc<Vec<usize>>,
}

/// The same list (by identity: comparing 50,000 connections each second would cost
/// more than the rows are worth) and the same positions.
impl PartialEq for FeedRows {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.list, &other.list) && self.positions == other.positions
    }
}

impl FeedRows {
    pub fn len(&self) -> usize {
        self.positions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.positions.is_empty()
    }

    /// The id of the connection in row `row`.
    pub fn id(&self, row: usize) -> Option<&str> {
        let position = *self.positions.get(row)?;
        self.list.connections().get(position).map(|c| c.id.as_str())
    }
}

#[component]
pub fn ConnectionFeed<F, V>(
    #[prop(into)] rows: Signal<FeedRows>,
    /// Renders the card of a connection id, given its 1-based place in the list
    /// (which changes as filters change while the card stays).
    card: F,
    /// The feed is out of sight (a connection's page is open over the list).
    #[prop(optional, into)]
    hidden: Signal<bool>,
    /// Cards or compact rows: their spacing, first estimate and threshold.
    #[prop(optional)]
    layout: ListLayout,
) -> impl IntoView
where
    F: Fn(String, Signal<Option<usize>>) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let feed = NodeRef::<html::Div>::new();
    let heights = RwSignal::new(HashMap::<String, f64>::new());
    // Unmeasured cards count at the average measured height, which is set when the
    // first cards are measured and again when the rows change, never while
    // scrolling: if it moved with every measurement, every unmeasured row above the
    // screen would move, and the cards on screen with it.
    let estimate = RwSignal::new(None::<f64>);
    Effect::new(move || {
        rows.track();
        let average = heights.with_untracked(average);
        if estimate.get_untracked() != average {
            estimate.set(average);
        }
    });
    let gap = layout.gap_px();
    let row_layout = Memo::new(move |_| {
        let estimate = estimate.get().unwrap_or(layout.first_estimate_px());
        heights.with(|heights| {
            rows.with(|rows| {
                RowLayout::new(
                    (0..rows.len()).map(|row| {
                        rows.id(row)
                            .and_then(|id| heights.get(id).copied())
                            .unwrap_or(estimate)
                    }),
                    gap,
                )
            })
        })
    });
    let range = RwSignal::new(0..0);
    // The page's scroll from the feed's top, and the list pixels per pixel of it;
    // followed only while the list is compressed, where the rendered rows move
    // with the scroll.
    let compression = RwSignal::new((0.0, 1.0));
    // The row keyboard focus is on its way to, until it is rendered and focused.
    let pending = StoredValue::new(None::<usize>);
    let update_range = move || {
        // Also called a frame later, when the feed may be gone (a search that
        // matches nothing): never read a disposed value.
        let Some(feed) = feed.try_get_untracked().flatten() else {
            return;
        };
        let len = rows.with_untracked(FeedRows::len);
        if !layout.windowed(len) {
            if range.get_untracked() != (0..len) {
                range.set(0..len);
            }
            // Never compressed: a long list narrowed down leaves no scale behind.
            if compression.get_untracked() != (0.0, 1.0) {
                compression.set((0.0, 1.0));
            }
            return;
        }
        // Hidden, it measures nothing: keep the range for the way back.
        if hidden.get_untracked() {
            return;
        }
        let viewport = window()
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(800.0);
        let top = -feed.get_bounding_client_rect().top();
        let mut next = row_layout.with_untracked(|layout| {
            let scale = layout.scale(MAX_PAGE_PX, viewport);
            if scale > 1.0 || compression.get_untracked().1 > 1.0 {
                compression.set((top, scale));
            }
            let from = top * scale;
            layout.visible(from, from + viewport, OVERSCAN)
        });
        // A row that keyboard focus is on its way to stays rendered, even while
        // measuring moves the estimated layout under it.
        if let Some(Some(row)) = pending.try_get_value() {
            next = next.start.min(row)..next.end.max(row + 1);
        }
        if range.get_untracked() != next {
            range.set(next);
        }
    };
    // The rendered range follows the layout (new rows, new measurements) and the
    // screen.
    Effect::new(move || {
        row_layout.track();
        update_range();
    });
    // Back in sight: the screen may show other rows than when it was hidden (a
    // list first shown after a connection's page was opened by a link).
    Effect::new(move |was_hidden: Option<bool>| {
        let is_hidden = hidden.get();
        if was_hidden == Some(true) && !is_hidden {
            request_animation_frame(update_range);
        }
        is_hidden
    });
    let listeners = [
        window_event_listener(ev::scroll, move |_| update_range()),
        window_event_listener(ev::resize, move |_| update_range()),
    ];
    on_cleanup(move || listeners.into_iter().for_each(|listener| listener.remove()));

    let observer = StoredValue::new_local(measure(heights, estimate));
    on_cleanup(move || {
        observer.try_with_value(|observer| {
            if let Some((observer, _)) = observer {
                observer.disconnect();
            }
        });
    });

    // The ids on screen, with their rows.
    let window_rows = Memo::new(move |_| {
        let Range { start, end } = range.get();
        rows.with(|rows| {
            (start..end.min(rows.len()))
                .filter_map(|row| Some((rows.id(row)?.to_owned(), row)))
                .collect::<Vec<_>>()
        })
    });
    let whole = move || rows.with(|rows| !layout.windowed(rows.len()));
    // Measure what was just rendered; observing starts with a first report. A
    // whole list needs no heights, and its cards off screen, not laid out (see
    // `.feed--whole` in style/main.css), would report their placeholder size.
    Effect::new(move || {
        window_rows.track();
        request_animation_frame(move || {
            let (Some(feed), Some(Some(observer))) = (
                feed.try_get_untracked().flatten(),
                observer.try_with_value(|o| o.as_ref().map(|o| o.0.clone())),
            ) else {
                return;
            };
            observer.disconnect();
            if rows.try_with_untracked(|rows| !layout.windowed(rows.len())) != Some(false) {
                return;
            }
            let cards = feed.children();
            for index in 0..cards.length() {
                if let Some(card) = cards.item(index) {
                    observer.observe(&card);
                }
            }
        });
    });

    let scroll_to_row = move |row: usize| {
        let Some(feed) = feed.try_get_untracked().flatten() else {
            return;
        };
        let top =
            row_layout.with_untracked(|layout| layout.top(row)) / compression.get_untracked().1;
        let page_top =
            window().scroll_y().unwrap_or_default() + feed.get_bounding_client_rect().top();
        // A card's gap of room above it; a row scrolls to the top edge.
        window().scroll_to_with_x_and_y(0.0, page_top + top - gap);
        update_range();
    };
    let focus_row = move |row: usize| {
        if focus_rendered(feed, row) {
            pending.set_value(None);
            return;
        }
        pending.set_value(Some(row));
        scroll_to_row(row);
        follow_focus(feed, pending, scroll_to_row, FOLLOW_FRAMES);
    };
    let on_keydown = move |event: ev::KeyboardEvent| {
        if event.alt_key() || event.meta_key() || event.shift_key() || event.ctrl_key() {
            return;
        }
        let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        // Expanded instructions scroll in their own box: its keys are its own.
        if target
            .closest(".instructions__text")
            .ok()
            .flatten()
            .is_some()
        {
            return;
        }
        let Some(card) = target.closest("article[aria-posinset]").ok().flatten() else {
            return;
        };
        let Some(row) = card
            .get_attribute("aria-posinset")
            .and_then(|p| p.parse::<usize>().ok())
            .and_then(|p| p.checked_sub(1))
        else {
            return;
        };
        // Keys pressed before focus arrived (key repeat) go on from where it is going.
        let row = pending.get_value().unwrap_or(row);
        let on_card = card == target;
        let last = rows.with_untracked(FeedRows::len).saturating_sub(1);
        let next = match event.key().as_str() {
            "PageDown" => (row + 1).min(last),
            "PageUp" => row.saturating_sub(1),
            "Home" if on_card => 0,
            "End" if on_card => last,
            _ => return,
        };
        event.prevent_default();
        focus_row(next);
    };

    let row = move |(id, _): (String, usize)| {
        let place = {
            let id = id.clone();
            Signal::derive(move || {
                window_rows.with(|rows| {
                    rows.iter()
                        .find(|(shown, _)| *shown == id)
                        .map(|(_, row)| row + 1)
                })
            })
        };
        card(id, place)
    };
    let padding = move || {
        let (range, (scroll, scale)) = (range.get(), compression.get());
        row_layout.with(|layout| layout.padding(&range, scroll, scale, MAX_PAGE_PX))
    };
    let padding_top = move || pixels(padding().0);
    let padding_bottom = move || pixels(padding().1);
    view! {
        <div
            class="feed"
            class:feed--compact=layout == ListLayout::Compact
            class:feed--whole=whole
            role="feed"
            aria-label="Connections"
            aria-busy="false"
            node_ref=feed
            style:padding-top=padding_top
            style:padding-bottom=padding_bottom
            on:keydown=on_keydown
        >
            <For
                each=move || {
                    keep_focus(feed);
                    window_rows.get()
                }
                key=|(id, _)| id.clone()
                children=row
            />
        </div>
    }
}

/// Called as the rendered rows change, before `<For>` updates the DOM. Its keyed
/// diff moves some of the cards it keeps when the window shifts by several rows at
/// once (a fast scroll, or keys faster than frames), and an element moved in the
/// DOM loses focus: whatever in the feed had it gets it back, without scrolling,
/// once the rows are in place.
fn keep_focus(feed: NodeRef<html::Div>) {
    let Some(active) = document().active_element() else {
        return;
    };
    let inside = feed
        .try_get_untracked()
        .flatten()
        .is_some_and(|feed| feed.contains(Some(&active)));
    if !inside {
        return;
    }
    queue_microtask(move || {
        if !active.is_connected() || document().active_element().as_ref() == Some(&active) {
            return;
        }
        if let Ok(active) = active.dyn_into::<HtmlElement>() {
            let options = FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = active.focus_with_options(&options);
        }
    });
}

/// Focuses the card of `row` if it is rendered.
fn focus_rendered(feed: NodeRef<html::Div>, row: usize) -> bool {
    let selector = format!("article[aria-posinset=\"{}\"]", row + 1);
    let card = feed
        .try_get_untracked()
        .flatten()
        .and_then(|feed| feed.query_selector(&selector).ok().flatten())
        .and_then(|card| card.dyn_into::<HtmlElement>().ok());
    card.is_some_and(|card| card.focus().is_ok())
}

/// Frames to wait for a far row to render before giving up on focusing it.
const FOLLOW_FRAMES: u8 = 20;

/// After a jump to a far row: each frame, focus the row if it is rendered, or scroll
/// to it again, because measuring the cards that just rendered moves the layout.
fn follow_focus(
    feed: NodeRef<html::Div>,
    pending: StoredValue<Option<usize>>,
    scroll_to_row: impl Fn(usize) + Copy + 'static,
    frames_left: u8,
) {
    request_animation_frame(move || {
        let Some(Some(row)) = pending.try_get_value() else {
            return;
        };
        if focus_rendered(feed, row) || frames_left == 0 {
            pending.set_value(None);
            return;
        }
        scroll_to_row(row);
        follow_focus(feed, pending, scroll_to_row, frames_left - 1);
    });
}

fn average(heights: &HashMap<String, f64>) -> Option<f64> {
    (!heights.is_empty()).then(|| heights.values().sum::<f64>() / heights.len() as f64)
}

/// Whole pixels: formatting an `f64` would pull float printing into the wasm.
fn pixels(value: f64) -> String {
    format!("{}px", value.round() as i64)
}

/// The observer, and the callback it calls, which must live as long as it does.
type Measurer = (ResizeObserver, Closure<dyn Fn(js_sys::Array)>);

/// A `ResizeObserver` that records the height of each observed card by its
/// connection id. `None` if the browser has none (the estimate is used then).
fn measure(
    heights: RwSignal<HashMap<String, f64>>,
    estimate: RwSignal<Option<f64>>,
) -> Option<Measurer> {
    let callback = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let mut measured = Vec::new();
        for entry in entries.iter() {
            let Some(card) = js_sys::Reflect::get(&entry, &"target".into())
                .ok()
                .and_then(|t| t.dyn_into::<Element>().ok())
            else {
                continue;
            };
            let Some(id) = card.get_attribute("data-connection-id") else {
                continue;
            };
            let height = card.get_bounding_client_rect().height();
            // A card being removed measures 0: keep what it had.
            if height > 0.0 {
                measured.push((id, height));
            }
        }
        let changed = heights
            .try_with_untracked(|known| {
                measured
                    .iter()
                    .any(|(id, h)| known.get(id).is_none_or(|old| (old - h).abs() > 0.5))
            })
            .unwrap_or(false);
        if changed {
            heights.update(|known| known.extend(measured));
            if estimate.get_untracked().is_none() {
                estimate.set(heights.with_untracked(average));
            }
        }
    });
    let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    Some((observer, callback))
}
