//! Everything that can go wrong when loading, each with words a person understands.

use std::fmt;

/// Longest server-supplied message shown; the rest is cut so a hostile API cannot
/// flood the page.
const MAX_SERVER_MESSAGE_CHARS: usize = 500;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// The request never got an HTTP answer: offline, DNS, CORS or a dropped connection.
    Network,
    /// An HTTP error status, with the `error` message of a JSON body when there was one.
    Http {
        status: u16,
        server_message: Option<String>,
    },
    /// Something other than JSON came back, typically a proxy's HTML error page.
    NotJson { status: u16 },
    /// A success status whose body is not valid JSON.
    Malformed { detail: String },
    /// Valid JSON, but not a list of connections.
    WrongShape { found: &'static str },
}

impl LoadError {
    /// A short headline for the failure.
    pub fn title(&self) -> String {
        match self {
            LoadError::Network => "Could not reach the connections API".to_owned(),
            LoadError::Http { status, .. } => {
                format!("The API answered with an error ({})", status_words(*status))
            }
            LoadError::NotJson { status } => format!(
                "The API answered with a web page instead of data ({})",
                status_words(*status)
            ),
            LoadError::Malformed { .. } => "The API's answer could not be read".to_owned(),
            LoadError::WrongShape { .. } => "The API's answer has an unexpected shape".to_owned(),
        }
    }

    /// What it means and what to do next.
    pub fn advice(&self) -> String {
        match self {
            LoadError::Network => "Check your network connection. If it works, the API may be down or blocking this site. Try again in a moment.".to_owned(),
            LoadError::Http { status: 401, .. } => "Your sign-in or API key was refused. Sign in again, then retry.".to_owned(),
            LoadError::Http { status: 403, .. } => "You do not have permission to read MCP connections. Ask a tenant administrator for access.".to_owned(),
            LoadError::Http { status: 404, .. } => "The connections API was not found at this address. The console may be misconfigured.".to_owned(),
            LoadError::Http { status: 429, .. } => "Too many requests were made. Wait a moment, then retry.".to_owned(),
            LoadError::Http { status, .. } if *status >= 500 => "The platform had a problem answering. This is usually temporary: try again in a moment.".to_owned(),
            LoadError::Http { .. } => "The request was not accepted. Try again; if it keeps failing, contact support.".to_owned(),
            LoadError::NotJson { .. } => "A proxy or gateway in front of the API is likely failing. Try again in a moment.".to_owned(),
            LoadError::Malformed { detail } => format!("The answer is not valid JSON ({detail}). Try again; if it keeps failing, contact support."),
            LoadError::WrongShape { found } => format!("Expected a list of connections but got {found}. The console and the API may be out of step; contact support."),
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
        }
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
        assert!(LoadError::http(403, None).advice().contains("permission"));
        assert!(LoadError::http(500, None).advice().contains("temporary"));
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
