//! The part of the view that lives in the URL's query string (`?status=error`), so a
//! link reproduces what the admin sees.

use super::filter::StatusFilter;

const STATUS_KEY: &str = "status";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ViewState {
    pub status: StatusFilter,
}

impl ViewState {
    /// Reads a `location.search` string ("?a=b&c=d" or without the "?").
    /// Unknown or malformed values fall back to the default view.
    pub fn from_query(search: &str) -> Self {
        let status = pairs(search)
            .filter(|(key, _)| key == STATUS_KEY)
            .filter_map(|(_, value)| StatusFilter::from_query_value(&value))
            .last()
            .unwrap_or_default();
        ViewState { status }
    }

    /// The query string for this view, keeping parameters the console does not own
    /// untouched. Empty when there is nothing to say, otherwise starts with "?".
    pub fn to_query(self, current_search: &str) -> String {
        let trimmed = current_search.strip_prefix('?').unwrap_or(current_search);
        let mut parts: Vec<String> = trimmed
            .split('&')
            .filter(|part| !part.is_empty())
            .filter(|part| decode(part.split('=').next().unwrap_or_default()) != STATUS_KEY)
            .map(str::to_owned)
            .collect();
        if let Some(value) = self.status.query_value() {
            parts.push(format!("{STATUS_KEY}={value}"));
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
            (decode(key), decode(value))
        })
}

/// Decodes `application/x-www-form-urlencoded` text; invalid escapes stay as written.
fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(byte) => {
                        out.push(byte);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            other => out.push(other),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

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
    }

    #[test]
    fn missing_or_bad_values_mean_all() {
        for search in [
            "",
            "?",
            "?status=",
            "?status=broken",
            "?status=%zz",
            "?statuses=error",
        ] {
            assert_eq!(
                ViewState::from_query(search),
                ViewState::default(),
                "{search}"
            );
        }
    }

    #[test]
    fn writes_the_filter_and_keeps_other_parameters() {
        let error = ViewState {
            status: StatusFilter::Error,
        };
        assert_eq!(error.to_query(""), "?status=error");
        assert_eq!(
            error.to_query("?status=active&ref=mail"),
            "?ref=mail&status=error"
        );
        assert_eq!(ViewState::default().to_query("?status=error"), "");
        assert_eq!(
            ViewState::default().to_query("?ref=a%20b&status=error"),
            "?ref=a%20b"
        );
    }

    #[test]
    fn round_trips_every_filter() {
        for status in StatusFilter::ALL {
            let state = ViewState { status };
            assert_eq!(ViewState::from_query(&state.to_query("?q=1")), state);
        }
    }

    #[test]
    fn decodes_plus_percent_and_broken_escapes() {
        assert_eq!(decode("a+b%20c"), "a b c");
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%e2%9c%93"), "✓");
    }
}
