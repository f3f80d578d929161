//! The view (filter, search, sort) lives in the URL's query string, so a link, a
//! reload and Back/Forward reproduce it. Every change is a history entry, except
//! that a burst of typing replaces the entry its first keystroke made: Back undoes a
//! search, not a letter.

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};

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
    let query = use_query_map();
    let location = use_location();
    let navigate = use_navigate();
    let view = Memo::new(move |_| {
        query.with(|q| {
            ViewState::from_values(q.get_str("status"), q.get_str("q"), q.get_str("sort"))
        })
    });
    // The query string the last keystroke wrote; any other change of the URL (Back,
    // a link) ends the burst of typing.
    let typed_search = StoredValue::new(None::<String>);
    Effect::new(move || {
        let search = location.search.get();
        if typed_search.with_value(|typed| typed.as_deref() != Some(search.as_str())) {
            typed_search.set_value(None);
        }
    });
    let change = move |change: &dyn Fn(&mut ViewState), typed: bool| {
        let mut next = view.get_untracked();
        change(&mut next);
        if view.with_untracked(|view| *view == next) {
            return;
        }
        let current = location.search.get_untracked();
        let search = next.to_query(&current);
        let replace = typed && typed_search.with_value(Option::is_some);
        typed_search.set_value(typed.then(|| search.trim_start_matches('?').to_owned()));
        let path = location.pathname.get_untracked();
        navigate(
            &format!("{path}{search}"),
            NavigateOptions {
                replace,
                scroll: false,
                ..NavigateOptions::default()
            },
        );
    };
    let select = {
        let change = change.clone();
        Callback::new(move |filter: StatusFilter| change(&|view| view.status = filter, false))
    };
    let sort_by = {
        let change = change.clone();
        Callback::new(move |order: SortOrder| change(&|view| view.sort = order, false))
    };
    let search = {
        let change = change.clone();
        Callback::new(move |text: String| change(&|view| view.query.clone_from(&text), true))
    };
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
        search,
        show_all,
    }
}
