//! The view that lives in the URL's query string
//! (`?status=error&q=shop&sort=name&view=compact`), so a link, a reload and
//! Back/Forward reproduce what the admin sees. Defaults are left out of the URL.

use super::filter::StatusFilter;
use super::list_layout::ListLayout;
use super::sort::SortOrder;
use super::url_encoding::Encoding::Form;
use super::url_encoding::{decode, encode};

const STATUS_KEY: &str = "status";
const QUERY_KEY: &str = "q";
const SORT_KEY: &str = "sort";
const LAYOUT_KEY: &str = "view";
const OWN_KEYS: [&str; 4] = [STATUS_KEY, QUERY_KEY, SORT_KEY, LAYOUT_KEY];

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ViewState {
    pub status: StatusFilter,
    /// The search text as typed (folded only when matching).
    pub query: String,
    pub sort: SortOrder,
    /// The layout, when the URL names one; otherwise the browser's remembered
    /// choice applies (`hooks::use_view_state`).
    pub layout: Option<ListLayout>,
}

impl ViewState {
    /// Reads a `location.search` string ("?a=b&c=d" or without the "?"). Unknown or
    /// malformed values fall back to the default; the last of repeated keys wins.
    pub fn from_query(search: &str) -> Self {
        let mut view = ViewState::default();
        for (key, value) in pairs(search) {
            match key.as_str() {
                STATUS_KEY => {
                    view.status = StatusFilter::from_query_value(&value).unwrap_or_default()
                }
                QUERY_KEY => view.query = value,
                SORT_KEY => view.sort = SortOrder::from_query_value(&value).unwrap_or_default(),
                LAYOUT_KEY => view.layout = ListLayout::from_query_value(&value),
                _ => {}
            }
        }
        view
    }

    /// The query string for this view, keeping parameters the console does not own
    /// untouched. Empty when there is nothing to say, otherwise starts with "?".
    pub fn to_query(&self, current_search: &str) -> String {
        let trimmed = current_search.strip_prefix('?').unwrap_or(current_search);
        let mut parts: Vec<String> = trimmed
            .split('&')
            .filter(|part| !part.is_empty())
            .filter(|part| {
                let key = decode(part.split('=').next().unwrap_or_default(), Form);
                !OWN_KEYS.contains(&key.as_str())
            })
            .map(str::to_owned)
            .collect();
        if let Some(value) = self.status.query_value() {
            parts.push(format!("{STATUS_KEY}={value}"));
        }
        if !self.query.trim().is_empty() {
            parts.push(format!("{QUERY_KEY}={}", encode(&self.query, Form)));
        }
        if self.sort != SortOrder::default() {
            parts.push(format!("{SORT_KEY}={}", self.sort.query_value()));
        }
        if let Some(layout) = self.layout {
            parts.push(format!("{LAYOUT_KEY}={}", layout.query_value()));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }
}

fn pairs(search: &str) -> impl Iterator<Item = (String, String)> + '_ {
    search
        .strip_prefix('?')
        .unwrap_or(search)
        .split('&')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let (key, value) = part.split_once('=').unwrap_or((part, ""));
            (decode(key, Form), decode(value, Form))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(status: StatusFilter, query: &str, sort: SortOrder) -> ViewState {
        ViewState {
            status,
            query: query.to_owned(),
            sort,
            layout: None,
        }
    }

    #[test]
    fn reads_the_status_filter() {
        assert_eq!(
            ViewState::from_query("?status=error").status,
            StatusFilter::Error
        );
        assert_eq!(
            ViewState::from_query("status=Unknown&x=1").status,
            StatusFilter::Unknown
        );
        assert_eq!(
            ViewState::from_query("?x=1&%73tatus=%61ctive").status,
            StatusFilter::Active
        );
        assert_eq!(
            ViewState::from_query("?status=stale").status,
            StatusFilter::Stale
        );
    }

    #[test]
    fn reads_the_whole_view() {
        assert_eq!(
            ViewState::from_query("?status=error&q=shop&sort=problems"),
            view(StatusFilter::Error, "shop", SortOrder::Problems)
        );
        assert_eq!(
            ViewState::from_query("?q=caf%C3%A9+m%C3%BCnster&sort=checked"),
            view(StatusFilter::All, "café münster", SortOrder::LastChecked)
        );
    }

    #[test]
    fn missing_or_bad_values_mean_the_default() {
        for search in [
            "",
            "?",
            "?status=",
            "?status=broken",
            "?status=%zz",
            "?statuses=error",
            "?sort=sideways",
            "?q=",
            "?view=table",
        ] {
            assert_eq!(
                ViewState::from_query(search),
                ViewState::default(),
                "{search}"
            );
        }
    }

    #[test]
    fn writes_the_view_and_keeps_other_parameters() {
        let error = view(StatusFilter::Error, "", SortOrder::Problems);
        assert_eq!(error.to_query(""), "?status=error");
        assert_eq!(
            error.to_query("?status=active&ref=mail&q=old&sort=name"),
            "?ref=mail&status=error"
        );
        assert_eq!(ViewState::default().to_query("?status=error"), "");
        assert_eq!(
            ViewState::default().to_query("?ref=a%20b&status=error"),
            "?ref=a%20b"
        );
        assert_eq!(
            view(StatusFilter::All, "shop eu", SortOrder::Name).to_query(""),
            "?q=shop+eu&sort=name"
        );
    }

    #[test]
    fn encodes_what_would_break_the_query() {
        let tricky = "a&b=c+d%e #f?/ é 東 \u{202e}";
        let state = view(StatusFilter::Stale, tricky, SortOrder::RecentlyUpdated);
        let query = state.to_query("");
        assert!(!query[1..].contains(['#', ' ', '?', '/']), "{query}");
        assert_eq!(query.matches('&').count(), 2, "{query}");
        assert_eq!(ViewState::from_query(&query), state);
    }

    #[test]
    fn the_layout_is_in_the_url_only_when_named() {
        assert_eq!(ViewState::from_query("?status=error").layout, None);
        assert_eq!(
            ViewState::from_query("?view=compact").layout,
            Some(ListLayout::Compact)
        );
        assert_eq!(
            ViewState::from_query("?view=compact&view=CARDS").layout,
            Some(ListLayout::Cards)
        );
        let compact = ViewState {
            layout: Some(ListLayout::Compact),
            ..view(StatusFilter::Error, "", SortOrder::Problems)
        };
        assert_eq!(
            compact.to_query("?view=cards&ref=x"),
            "?ref=x&status=error&view=compact"
        );
        let unnamed = ViewState {
            layout: None,
            ..compact
        };
        assert_eq!(unnamed.to_query("?view=compact"), "?status=error");
    }

    #[test]
    fn round_trips_every_filter_order_and_layout() {
        for status in StatusFilter::ALL {
            for sort in SortOrder::ALL {
                for layout in [None, Some(ListLayout::Cards), Some(ListLayout::Compact)] {
                    let state = ViewState {
                        layout,
                        ..view(status, "Crème shop", sort)
                    };
                    assert_eq!(ViewState::from_query(&state.to_query("?x=1")), state);
                }
            }
        }
    }
}
