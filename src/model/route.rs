//! Which page the address bar names: the list at `/`, or one connection at
//! `/connections/{id}` (the id percent-encoded as one path segment). The query string
//! (the list's filter, search and sort) belongs to both, so a connection's page knows
//! its neighbours and the way back to the same view.

use super::url_encoding::Encoding::PathSegment;
use super::url_encoding::{decode, path_segment};

const PREFIX: &str = "/connections/";

/// The history state of a connection's page opened from the list: the entry before
/// it is that list, so the way back is Back (and Forward then still works).
pub const OPENED_FROM_LIST: &str = "opened-from-list";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    List,
    Connection(String),
}

impl Route {
    /// Reads `location.pathname`. Every path that does not name a connection is the
    /// list: static hosting answers any path with the console (SPA fallback).
    pub fn from_path(path: &str) -> Self {
        match path.strip_prefix(PREFIX) {
            Some(segment) if !segment.is_empty() && !segment.contains('/') => {
                Route::Connection(decode(segment, PathSegment))
            }
            _ => Route::List,
        }
    }

    /// The path of the page; `None` for an id no path can carry (`path_segment`).
    pub fn path(&self) -> Option<String> {
        match self {
            Route::List => Some("/".to_owned()),
            Route::Connection(id) => Some(format!("{PREFIX}{}", path_segment(id)?)),
        }
    }

    /// The path with the list's query string (`search`, with or without its "?"),
    /// which every page of the console keeps; `None` as for `path`.
    pub fn href(&self, search: &str) -> Option<String> {
        let search = search.strip_prefix('?').unwrap_or(search);
        let path = self.path()?;
        Some(if search.is_empty() {
            path
        } else {
            format!("{path}?{search}")
        })
    }
}

/// The neighbours of `id` among the rows on the list (`ids` in display order): the
/// previous and next id, and the 1-based place of `id`. `None` when it is not in the
/// list (filtered out, removed, or the list is not loaded yet).
pub fn neighbours<'a>(
    ids: impl Iterator<Item = &'a str>,
    id: &str,
) -> Option<(Option<&'a str>, usize, Option<&'a str>)> {
    let mut previous = None;
    let mut ids = ids.enumerate();
    for (row, candidate) in ids.by_ref() {
        if candidate == id {
            let next = ids.next().map(|(_, next)| next);
            return Some((previous, row + 1, next));
        }
        previous = Some(candidate);
    }
    None
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_page_keeps_the_query_string() {
        let page = super::Route::Connection("a b".to_owned());
        assert_eq!(
            page.href("status=error").as_deref(),
            Some("/connections/a%20b?status=error")
        );
        assert_eq!(page.href("?q=x").as_deref(), Some("/connections/a%20b?q=x"));
        assert_eq!(page.href("").as_deref(), Some("/connections/a%20b"));
        assert_eq!(super::Route::Connection("..".to_owned()).href("q=x"), None);
        assert_eq!(super::Route::List.href("q=x").as_deref(), Some("/?q=x"));
    }

    use super::*;

    #[test]
    fn reads_the_list_and_connections() {
        assert_eq!(Route::from_path("/"), Route::List);
        assert_eq!(Route::from_path("/index.html"), Route::List);
        assert_eq!(Route::from_path("/connections/"), Route::List);
        assert_eq!(Route::from_path("/connections/a/b"), Route::List);
        assert_eq!(
            Route::from_path("/connections/3f6c1a2e-5b7d"),
            Route::Connection("3f6c1a2e-5b7d".into())
        );
    }

    #[test]
    fn hostile_ids_stay_one_segment_and_come_back_whole() {
        for id in [
            "a/b",
            "a b+c",
            "?q=1#x",
            "%2F",
            "<script>",
            "\u{202e}éz",
            "a..b",
        ] {
            let route = Route::Connection(id.to_owned());
            let path = route.path();
            assert!(
                path.as_deref()
                    .is_some_and(|p| !p[PREFIX.len()..].contains(['/', '?', '#']))
            );
            assert_eq!(path.map(|p| Route::from_path(&p)), Some(route), "{id}");
        }
    }

    #[test]
    fn dot_segments_have_no_path() {
        for id in ["", ".", ".."] {
            assert_eq!(Route::Connection(id.to_owned()).path(), None);
        }
        assert_eq!(Route::List.path().as_deref(), Some("/"));
    }

    #[test]
    fn neighbours_in_display_order() {
        let ids = ["a", "b", "c"];
        let around = |id| neighbours(ids.iter().copied(), id);
        assert_eq!(around("a"), Some((None, 1, Some("b"))));
        assert_eq!(around("b"), Some((Some("a"), 2, Some("c"))));
        assert_eq!(around("c"), Some((Some("b"), 3, None)));
        assert_eq!(around("z"), None);
        assert_eq!(neighbours(["a"].into_iter(), "a"), Some((None, 1, None)));
    }
}
