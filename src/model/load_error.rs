//! Everything that can go wrong when loading, each with words a person understands.
//! It lives in `model` so that the load state can hold one without reaching into `api`.

use std::fmt;

/// Longest server-supplied message shown; the rest is cut so a hostile API cannot
/// flood the page.
const MAX_SERVER_MESSAGE_CHARS: usize = 500;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// The browser is offline; loading resumes when it is back online.
    Offline,
    /// No answer within the time limit; the request was aborted.
    Timeout { after_secs: u32 },
    /// The request never got an HTTP answer: DNS, CORS, TLS or a dropped connection.
    Network,
    /// An HTTP error status, with the `error` message of a JSON body when there was
    /// one and the `Retry-After` delay when the server sent one.
    Http {
        status: u16,
        server_message: Option<String>,
        retry_after_secs: Option<u64>,
    },
    /// The API answered with a redirect, which the console does not follow: the key
    /// would go with it to wherever it points.
    Redirected,
    /// Something other than JSON came back, typically a proxy's HTML error page.
    NotJson { status: u16 },
    /// A success status whose body is not valid JSON.
    Malformed { detail: String },
    /// Valid JSON, but not what was asked for: `expected` and `found` in words.
    WrongShape {
        expected: &'static str,
        found: &'static str,
    },
    /// The id cannot be one segment of an API path ("", "." or ".."), so no request
    /// was sent: it would have gone to another path with the key.
    UnsafeId { id: String },
}

impl LoadError {
    /// A short headline for the failure.
    pub fn title(&self) -> String {
        match self {
            LoadError::Offline => "You are offline".to_owned(),
            LoadError::Timeout { after_secs } => {
                format!("The API did not answer within {after_secs} seconds")
            }
            LoadError::Network => "Could not reach the connections API".to_owned(),
            LoadError::Http { status, .. } => {
                format!("The API answered with an error ({})", status_words(*status))
            }
            LoadError::Redirected => "The API answered with a redirect".to_owned(),
            LoadError::NotJson { status } => format!(
                "The API answered with a web page instead of data ({})",
                status_words(*status)
            ),
            LoadError::Malformed { .. } => "The API's answer could not be read".to_owned(),
            LoadError::WrongShape { .. } => "The API's answer has an unexpected shape".to_owned(),
            LoadError::UnsafeId { id } => format!("The id “{id}” cannot be used in an API address"),
        }
    }

    /// What it means and what to do next.
    pub fn advice(&self) -> String {
        match self {
            LoadError::Offline => "The list loads again as soon as this device is back online.".to_owned(),
            LoadError::Timeout { .. } => "The API or the network is slow right now. The console will try again.".to_owned(),
            LoadError::Network => "Check your network connection. If it works, the API may be down, its address in config.json may be wrong, or it may not allow this site (CORS).".to_owned(),
            LoadError::Http { status: 401, .. } => "Your session has ended or your credentials were refused. Sign in to the platform again, then retry.".to_owned(),
            LoadError::Http { status: 403, .. } => "This key lacks permission to read MCP connections. Create a key with the MCP connections read scope in the platform's settings (API keys), or ask a tenant administrator, then sign in with it.".to_owned(),
            LoadError::Http { status: 404, .. } => "The connections API was not found at this address. Check apiBaseUrl in config.json.".to_owned(),
            LoadError::Http { status: 408, .. } => "The API gave up waiting for the request. The console will try again.".to_owned(),
            LoadError::Http { status: 429, .. } => "Too many requests were made with this key. The console waits as long as the API asks, then tries again.".to_owned(),
            LoadError::Http { status: 502 | 504, .. } => "A gateway in front of the API could not get an answer from it. This is usually temporary; the console will try again.".to_owned(),
            LoadError::Http { status: 503, .. } => "The API is unavailable, perhaps for maintenance. The console will try again.".to_owned(),
            LoadError::Http { status, .. } if *status >= 500 => "The platform had a problem answering. This is usually temporary; the console will try again.".to_owned(),
            LoadError::Http { .. } => "The request was not accepted. Try again; if it keeps failing, contact support.".to_owned(),
            LoadError::Redirected => "The console does not follow redirects, so that your key never goes anywhere but the API's own address. Check apiBaseUrl in config.json: it must be the address the API answers at, not one that forwards elsewhere (such as http forwarding to https, or a proxy's sign-in page).".to_owned(),
            LoadError::NotJson { .. } => "A proxy or gateway in front of the API is likely failing, or apiBaseUrl in config.json points at a web site. The console will try again.".to_owned(),
            LoadError::Malformed { detail } => format!("The answer is not valid JSON ({detail}). Try again; if it keeps failing, contact support."),
            LoadError::WrongShape { expected, found } => format!("Expected {expected} but got {found}. The console and the API may be out of step; contact support."),
            LoadError::UnsafeId { .. } => "Put into the address, it would name another part of the API, so the console sent nothing. Open the connection from the list instead.".to_owned(),
        }
    }

    /// The API's own `error` message, when it sent one.
    pub fn server_message(&self) -> Option<&str> {
        match self {
            LoadError::Http {
                server_message: Some(message),
                ..
            } => Some(message),
            _ => None,
        }
    }

    /// Whether trying again later may help (the console then retries by itself).
    pub fn is_transient(&self) -> bool {
        match self {
            LoadError::Offline | LoadError::Timeout { .. } | LoadError::Network => true,
            LoadError::NotJson { .. } => true,
            LoadError::Http { status, .. } => matches!(status, 408 | 429 | 500..=599),
            LoadError::Redirected
            | LoadError::Malformed { .. }
            | LoadError::WrongShape { .. }
            | LoadError::UnsafeId { .. } => false,
        }
    }

    /// The server's `Retry-After`, in seconds.
    pub fn retry_after_secs(&self) -> Option<u64> {
        match self {
            LoadError::Http {
                retry_after_secs, ..
            } => *retry_after_secs,
            _ => None,
        }
    }

    /// Builds an HTTP error from the server's message, trimmed and cut to a sane length.
    pub fn http(status: u16, server_message: Option<&str>) -> Self {
        let server_message = server_message
            .map(str::trim)
            .filter(|message| !message.is_empty())
            .map(
                |message| match message.char_indices().nth(MAX_SERVER_MESSAGE_CHARS) {
                    Some((cut, _)) => format!("{}…", &message[..cut]),
                    None => message.to_owned(),
                },
            );
        LoadError::Http {
            status,
            server_message,
            retry_after_secs: None,
        }
    }

    /// The same error, with the delay the server asked for.
    pub fn with_retry_after(mut self, secs: Option<u64>) -> Self {
        if let LoadError::Http {
            retry_after_secs, ..
        } = &mut self
        {
            *retry_after_secs = secs;
        }
        self
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}. {}", self.title(), self.advice())
    }
}

impl std::error::Error for LoadError {}

/// "HTTP 503 Service Unavailable", or just the number for rare codes.
fn status_words(status: u16) -> String {
    let reason = match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        408 => "Request Timeout",
        409 => "Conflict",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "",
    };
    if reason.is_empty() {
        format!("HTTP {status}")
    } else {
        format!("HTTP {status} {reason}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_name_the_status() {
        assert_eq!(
            LoadError::http(503, None).title(),
            "The API answered with an error (HTTP 503 Service Unavailable)"
        );
        assert_eq!(
            LoadError::NotJson { status: 502 }.title(),
            "The API answered with a web page instead of data (HTTP 502 Bad Gateway)"
        );
        assert_eq!(
            LoadError::http(418, None).title(),
            "The API answered with an error (HTTP 418)"
        );
    }

    #[test]
    fn advice_differs_for_auth_and_server_failures() {
        assert!(LoadError::http(401, None).advice().contains("refused"));
        assert!(LoadError::Offline.advice().contains("back online"));
        assert!(LoadError::http(403, None).advice().contains("permission"));
        assert!(LoadError::http(500, None).advice().contains("temporary"));
    }

    #[test]
    fn transient_failures_are_retried_and_others_are_not() {
        for error in [
            LoadError::Offline,
            LoadError::Timeout { after_secs: 15 },
            LoadError::Network,
            LoadError::NotJson { status: 502 },
            LoadError::http(408, None),
            LoadError::http(429, None),
            LoadError::http(503, None),
        ] {
            assert!(error.is_transient(), "{error:?}");
        }
        for error in [
            LoadError::http(401, None),
            LoadError::http(403, None),
            LoadError::http(404, None),
            LoadError::Redirected,
            LoadError::UnsafeId { id: "..".into() },
            LoadError::Malformed {
                detail: String::new(),
            },
            LoadError::WrongShape {
                expected: "a list of connections",
                found: "an object",
            },
        ] {
            assert!(!error.is_transient(), "{error:?}");
        }
    }

    #[test]
    fn every_failure_has_its_own_words() {
        let errors = [
            LoadError::Offline,
            LoadError::Timeout { after_secs: 15 },
            LoadError::Network,
            LoadError::http(401, None),
            LoadError::http(403, None),
            LoadError::http(404, None),
            LoadError::http(408, None),
            LoadError::http(429, None),
            LoadError::http(500, None),
            LoadError::http(502, None),
            LoadError::http(503, None),
            LoadError::NotJson { status: 502 },
            LoadError::Redirected,
            LoadError::UnsafeId { id: "..".into() },
            LoadError::Malformed {
                detail: "EOF".into(),
            },
            LoadError::WrongShape {
                expected: "a list of connections",
                found: "an object",
            },
        ];
        let texts: std::collections::HashSet<String> =
            errors.iter().map(ToString::to_string).collect();
        assert_eq!(texts.len(), errors.len());
        assert!(
            LoadError::http(403, None)
                .advice()
                .contains("lacks permission to read MCP connections")
        );
    }

    #[test]
    fn retry_after_is_kept_for_http_errors_only() {
        assert_eq!(
            LoadError::http(429, None)
                .with_retry_after(Some(7))
                .retry_after_secs(),
            Some(7)
        );
        assert_eq!(
            LoadError::Network
                .with_retry_after(Some(7))
                .retry_after_secs(),
            None
        );
    }

    #[test]
    fn server_messages_are_trimmed_and_capped() {
        assert_eq!(LoadError::http(500, Some("  ")).server_message(), None);
        assert_eq!(
            LoadError::http(500, Some(" Database down ")).server_message(),
            Some("Database down")
        );
        let long = "x".repeat(2_000);
        let capped = LoadError::http(500, Some(&long));
        assert_eq!(
            capped.server_message().map(|m| m.chars().count()),
            Some(MAX_SERVER_MESSAGE_CHARS + 1)
        );
    }
}
