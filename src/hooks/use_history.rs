//! The address bar as signals: the path and the query string, following Back and
//! Forward (`popstate`), and the ways the console changes them without a reload.
//! `provide_history` sets it up once, for the console; `use_history` reads it.

use leptos::ev;
use leptos::prelude::*;

use crate::platform;

/// The console's view of the address bar.
#[derive(Clone, Copy)]
pub struct History {
    path: RwSignal<String>,
    search: RwSignal<String>,
}

impl History {
    /// `location.pathname`.
    pub fn path(self) -> ReadSignal<String> {
        self.path.read_only()
    }

    /// `location.search`: "" or "?…".
    pub fn search(self) -> ReadSignal<String> {
        self.search.read_only()
    }

    /// Goes to `href` (a path and query) as a new history entry, with `mark` as its
    /// state.
    pub fn push(self, href: &str, mark: Option<&str>) {
        platform::push_url(href, mark);
        self.follow();
    }

    /// Goes to `href` in the current history entry, which keeps its mark.
    pub fn replace(self, href: &str) {
        platform::replace_url(href);
        self.follow();
    }

    /// Reads the address bar again; signals change only when their value does.
    fn follow(self) {
        let (path, search) = (platform::location_path(), platform::location_search());
        if self.path.with_untracked(|current| *current != path) {
            self.path.set(path);
        }
        if self.search.with_untracked(|current| *current != search) {
            self.search.set(search);
        }
    }
}

/// Creates the `History` of the console, follows Back and Forward until the owner
/// goes, and provides it as context.
pub fn provide_history() -> History {
    let history = History {
        path: RwSignal::new(platform::location_path()),
        search: RwSignal::new(platform::location_search()),
    };
    platform::restore_scroll_manually();
    let listener = window_event_listener(ev::popstate, move |_| history.follow());
    on_cleanup(move || listener.remove());
    provide_context(history);
    history
}

/// The `History` that `provide_history` provided.
pub fn use_history() -> History {
    expect_context::<History>()
}
