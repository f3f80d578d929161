//! The view (filter, search, sort) lives in the URL's query string, so a link, a
//! reload and Back/Forward reproduce it. Every change is a history entry, except
//! that a burst of typing replaces the entry its first keystroke made: Back undoes a
//! search, not a letter.

use leptos::prelude::*;

use super::use_history::use_history;
use crate::model::filter::StatusFilter;
use crate::model::sort::SortOrder;
use crate::model::view_state::ViewState;

/// The view in the URL and the ways to change it.
#[derive(Clone, Copy)]
pub struct UseViewStateReturn {
    pub view: Memo<ViewState>,
    pub select: Callback<StatusFilter>,
    pub sort_by: Callback<SortOrder>,
    /// The search box's text, as typed.
    pub search: Callback<String>,
    /// Clears the filter and the search.
    pub show_all: Callback<()>,
}

pub fn use_view_state() -> UseViewStateReturn {
    let history = use_history();
    let search = history.search();
    let view = Memo::new(move |_| search.with(|search| ViewState::from_query(search)));
    // The query string the last keystroke wrote; any other change of the URL (Back,
    // a link) ends the burst of typing.
    let typed_search = StoredValue::new(None::<String>);
    Effect::new(move || {
        search.with(|search| {
            if typed_search.with_value(|typed| typed.as_deref() != Some(search.as_str())) {
                typed_search.set_value(None);
            }
        });
    });
    let change = move |change: &dyn Fn(&mut ViewState), typed: bool| {
        let mut next = view.get_untracked();
        change(&mut next);
        if view.with_untracked(|view| *view == next) {
            return;
        }
        let next_search = search.with_untracked(|current| next.to_query(current));
        let href = format!("{}{next_search}", history.path().get_untracked());
        if typed && typed_search.with_value(Option::is_some) {
            history.replace(&href);
        } else {
            history.push(&href, None);
        }
        typed_search.set_value(typed.then_some(next_search));
    };
    let select =
        Callback::new(move |filter: StatusFilter| change(&|view| view.status = filter, false));
    let sort_by = Callback::new(move |order: SortOrder| change(&|view| view.sort = order, false));
    let search_for =
        Callback::new(move |text: String| change(&|view| view.query.clone_from(&text), true));
    let show_all = Callback::new(move |()| {
        change(
            &|view| {
                view.status = StatusFilter::All;
                view.query.clear();
            },
            false,
        )
    });
    UseViewStateReturn {
        view,
        select,
        sort_by,
        search: search_for,
        show_all,
    }
}
