//! "/" focuses the search box, as on most sites with a search, unless the admin is
//! typing somewhere or the list is not on screen.

use leptos::ev;
use leptos::html;
use leptos::prelude::*;

use crate::platform;

pub fn use_search_shortcut(input: NodeRef<html::Input>, enabled: Signal<bool>) {
    let listener = window_event_listener(ev::keydown, move |event| {
        let plain = !(event.ctrl_key() || event.meta_key() || event.alt_key());
        if event.key() == "/"
            && plain
            && enabled.get_untracked()
            && !platform::is_typing_target(event.target())
            && let Some(input) = input.get_untracked()
        {
            event.prevent_default();
            let _ = input.focus();
            input.select();
        }
    });
    on_cleanup(move || listener.remove());
}
