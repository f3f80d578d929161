//! Presentational pieces. Props are plain data or signals; none of them fetches.

pub mod agents_note;
pub mod ascii_host;
pub mod connection_card;
pub mod connection_feed;
pub mod connection_name;
pub mod connection_row;
pub mod copy_button;
pub mod export_buttons;
pub mod filter_bar;
pub mod health_badges;
pub mod icon;
pub mod instructions;
pub mod instructions_changed;
pub mod instructions_diff;
pub mod instructions_full;
pub mod layout_switch;
pub mod load_error_panel;
pub mod pointing_nowhere_notice;
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
pub mod test_all;
pub mod test_now;
pub mod test_run_progress;
pub mod timeline;
pub mod warning_badges;

use std::sync::atomic::{AtomicUsize, Ordering};

use leptos::prelude::{Callable, Callback};

/// A document-unique element id for `aria-*` references. API ids are not used
/// for this: they are untrusted and may repeat or contain spaces.
pub fn unique_id(prefix: &str) -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// The click handler of a link that the console follows itself with `action`
/// (history entries, focus, scroll), when the click means "follow this link here":
/// the main button and no modifier key. Other clicks (a new tab or window) are the
/// browser's.
pub fn follow_link(action: Callback<()>) -> impl Fn(web_sys::MouseEvent) + Clone + 'static {
    move |event| {
        let modified = event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key();
        if event.button() == 0 && !modified {
            event.prevent_default();
            action.run(());
        }
    }
}
