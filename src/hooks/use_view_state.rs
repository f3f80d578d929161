//! The view (filter, search, sort, layout) lives in the URL's query string, so a
//! link, a reload and Back/Forward reproduce it. A filter, sort or search is a
//! history entry, except that a burst of typing replaces the entry its first
//! keystroke made: Back undoes a search, not a letter. The layout is a preference:
//! the browser remembers it for URLs that name none, and switching it changes the
//! current entry.

use leptos::prelude::*;

use super::use_history::use_history;
use crate::model::filter::StatusFilter;
use crate::model::list_layout::ListLayout;
use crate::model::sort::SortOrder;
use crate::model::view_state::ViewState;
use crate::platform;

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
    /// The layout on screen: the URL's, or else the one this browser remembers.
    pub layout: Memo<ListLayout>,
    /// Switches the layout and remembers it.
    pub set_layout: Callback<ListLayout>,
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
    let change = move |change: &dyn Fn(&mut ViewState), step: Step| {
        let mut next = view.get_untracked();
        change(&mut next);
        if view.with_untracked(|view| *view == next) {
            return;
        }
        let next_search = search.with_untracked(|current| next.to_query(current));
        let href = format!("{}{next_search}", history.path().get_untracked());
        let typed = step == Step::Typing;
        if step == Step::Replace || (typed && typed_search.with_value(Option::is_some)) {
            history.replace(&href);
        } else {
            history.push(&href, None);
        }
        typed_search.set_value(typed.then_some(next_search));
    };
    let select =
        Callback::new(move |filter: StatusFilter| change(&|view| view.status = filter, Step::Push));
    let sort_by =
        Callback::new(move |order: SortOrder| change(&|view| view.sort = order, Step::Push));
    let search_for = Callback::new(move |text: String| {
        change(&|view| view.query.clone_from(&text), Step::Typing)
    });
    let remembered = RwSignal::new(
        platform::stored_layout()
            .and_then(|value| ListLayout::from_query_value(&value))
            .unwrap_or_default(),
    );
    // A memo: the layout's views are rebuilt when it changes, not when the URL
    // comes to name the layout already shown.
    let layout = Memo::new(move |_| {
        view.with(|view| view.layout)
            .unwrap_or_else(|| remembered.get())
    });
    // A URL without a layout shows the remembered one, and then names it (in the
    // same entry), so that the address bar always reproduces what is on screen.
    Effect::new(move || {
        let remembered = remembered.get();
        if remembered != ListLayout::default() && view.with(|view| view.layout.is_none()) {
            change(&|view| view.layout = Some(remembered), Step::Replace);
        }
    });
    let set_layout = Callback::new(move |chosen: ListLayout| {
        if layout.get_untracked() == chosen {
            return;
        }
        platform::store_layout(chosen.query_value());
        remembered.set(chosen);
        // The default is left out of the URL, now that the browser remembers it too.
        // A preference rather than a step: Back leads to the view before, shown in
        // the layout now chosen (unless its URL names another).
        let named = (chosen != ListLayout::default()).then_some(chosen);
        change(&|view| view.layout = named, Step::Replace);
    });
    let show_all = Callback::new(move |()| {
        change(
            &|view| {
                view.status = StatusFilter::All;
                view.query.clear();
            },
            Step::Push,
        )
    });
    UseViewStateReturn {
        view,
        select,
        sort_by,
        search: search_for,
        show_all,
        layout,
        set_layout,
    }
}

/// How a change of the view meets the history.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Step {
    /// A new entry: Back undoes it.
    Push,
    /// A keystroke: the first of a burst pushes, the rest replace.
    Typing,
    /// The current entry changes.
    Replace,
}
