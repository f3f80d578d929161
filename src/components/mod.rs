//! Presentational pieces. Props are plain data or signals; none of them fetches.

pub mod connection_card;
pub mod connection_feed;
pub mod copy_button;
pub mod filter_bar;
pub mod health_badges;
pub mod highlighted;
pub mod icon;
pub mod instructions;
pub mod instructions_full;
pub mod load_error_panel;
pub mod rejected_notice;
pub mod relative_time;
pub mod revealed_text;
pub mod search_box;
pub mod server_address;
pub mod server_link;
pub mod sign_in;
pub mod sort_select;
pub mod states;
pub mod status_badge;
pub mod test_now;
pub mod timeline;

use std::sync::atomic::{AtomicUsize, Ordering};

/// A document-unique element id for `aria-*` references. API ids are not used
/// for this: they are untrusted and may repeat or contain spaces.
pub fn unique_id(prefix: &str) -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// A click that means "follow this link here": the main button, no modifier key
/// (those open a new tab or window, which the browser does itself).
pub fn is_plain_click(event: &web_sys::MouseEvent) -> bool {
    event.button() == 0
        && !(event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key())
}
