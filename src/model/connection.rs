//! The connection as the console understands it, independent of the wire format.

use chrono::{DateTime, Utc};

use super::hidden_chars::contains_hidden;
use super::host_script::mixes_scripts;
use super::server_address::ServerAddress;

/// Health of a connection. Values the API adds later keep their raw text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Status {
    Active,
    Error,
    Unknown,
    Other(String),
}

impl Status {
    /// Maps the API's string; the documented values match case-insensitively.
    pub fn parse(raw: &str) -> Self {
        match raw.trim().to_ascii_lowercase().as_str() {
            "active" => Status::Active,
            "error" => Status::Error,
            "unknown" => Status::Unknown,
            _ => Status::Other(raw.to_owned()),
        }
    }

    /// The words shown in the badge.
    pub fn label(&self) -> &str {
        match self {
            Status::Active => "Active",
            Status::Error => "Error",
            Status::Unknown => "Unknown",
            Status::Other(raw) => raw,
        }
    }

    /// The value of the card's `data-status` attribute: the API string lower-cased.
    pub fn attribute_value(&self) -> String {
        match self {
            // ASCII only: Unicode case tables cost about 5 KB of wasm.
            Status::Other(raw) => raw.to_ascii_lowercase(),
            documented => documented.label().to_ascii_lowercase(),
        }
    }
}

/// How the platform authenticates to the MCP server.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum AuthType {
    Bearer,
    None,
    Other(String),
}

impl AuthType {
    pub fn parse(raw: &str) -> Self {
        match raw.trim().to_ascii_lowercase().as_str() {
            "bearer" => AuthType::Bearer,
            "none" => AuthType::None,
            _ => AuthType::Other(raw.to_owned()),
        }
    }

    /// The auth type in words; unknown values are shown as sent.
    pub fn label(&self) -> &str {
        match self {
            AuthType::Bearer => "Bearer token",
            AuthType::None => "No authentication",
            AuthType::Other(raw) => raw,
        }
    }
}

/// A timestamp field. A value that does not parse is kept so it can be shown,
/// rather than dropping the whole record.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Timestamp {
    Valid(DateTime<Utc>),
    Unreadable(String),
}

impl Timestamp {
    pub fn parse(raw: &str) -> Self {
        match DateTime::parse_from_rfc3339(raw.trim()) {
            Ok(at) => Timestamp::Valid(at.with_timezone(&Utc)),
            Err(_) => Timestamp::Unreadable(raw.to_owned()),
        }
    }

    pub fn valid(&self) -> Option<DateTime<Utc>> {
        match self {
            Timestamp::Valid(at) => Some(*at),
            Timestamp::Unreadable(_) => None,
        }
    }
}

/// One MCP connection of the tenant. Every string is untrusted text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Connection {
    pub id: String,
    pub tenant_id: String,
    pub name: String,
    pub server_url: String,
    pub auth_type: AuthType,
    pub status: Status,
    pub instructions: Option<String>,
    pub last_health_check_at: Option<Timestamp>,
    pub created_at: Option<Timestamp>,
    pub updated_at: Option<Timestamp>,
}

/// What a connection with a blank name is called.
pub const UNNAMED: &str = "Unnamed connection";

impl Connection {
    /// What to call it on screen: its name, or "Unnamed connection" when the name is
    /// blank.
    pub fn display_name(&self) -> String {
        if self.is_unnamed() {
            UNNAMED.to_owned()
        } else {
            self.name.clone()
        }
    }

    /// The name is empty or only whitespace.
    pub fn is_unnamed(&self) -> bool {
        self.name.trim().is_empty()
    }

    /// Whether a character a reader cannot see hides in its name, server URL, id or
    /// instructions (`model::hidden_chars`).
    pub fn has_hidden_chars(&self) -> bool {
        [
            self.name.as_str(),
            &self.server_url,
            &self.id,
            self.instructions.as_deref().unwrap_or_default(),
        ]
        .into_iter()
        .any(contains_hidden)
    }

    /// Whether the server URL's host mixes scripts, as look-alikes of other
    /// addresses do (`host_script::mixes_scripts`).
    pub fn has_look_alike_host(&self) -> bool {
        ServerAddress::parse(&self.server_url).is_some_and(|address| mixes_scripts(address.host))
    }

    /// The instructions, unless there are none worth showing (absent, null or blank).
    pub fn instructions(&self) -> Option<&str> {
        self.instructions
            .as_deref()
            .filter(|text| !text.trim().is_empty())
    }

    /// The last successful parse of `lastHealthCheckAt`, if any.
    pub fn last_checked(&self) -> Option<DateTime<Utc>> {
        self.last_health_check_at
            .as_ref()
            .and_then(Timestamp::valid)
    }

    /// The last health check is older than `before`. A connection never checked is
    /// not stale (its status, unknown, already says so), nor is one whose check time
    /// cannot be read.
    pub fn is_stale(&self, before: DateTime<Utc>) -> bool {
        self.last_checked().is_some_and(|at| at < before)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_statuses_match_case_insensitively() {
        assert_eq!(Status::parse("active"), Status::Active);
        assert_eq!(Status::parse("ACTIVE"), Status::Active);
        assert_eq!(Status::parse(" error "), Status::Error);
        assert_eq!(Status::parse("unknown"), Status::Unknown);
    }

    #[test]
    fn other_statuses_keep_their_text() {
        let status = Status::parse("Degraded");
        assert_eq!(status, Status::Other("Degraded".into()));
        assert_eq!(status.label(), "Degraded");
        assert_eq!(status.attribute_value(), "degraded");
        assert_eq!(Status::Error.attribute_value(), "error");
    }

    #[test]
    fn auth_types_in_words() {
        assert_eq!(AuthType::parse("bearer").label(), "Bearer token");
        assert_eq!(AuthType::parse("none").label(), "No authentication");
        assert_eq!(AuthType::parse("api_key").label(), "api_key");
    }

    #[test]
    fn timestamps_parse_or_keep_raw_text() {
        let parsed = Timestamp::parse("2026-03-25T12:00:00.000Z");
        assert_eq!(
            parsed.valid().map(|at| at.to_rfc3339()),
            Some("2026-03-25T12:00:00+00:00".to_owned())
        );
        assert_eq!(
            Timestamp::parse("yesterday"),
            Timestamp::Unreadable("yesterday".into())
        );
    }

    #[test]
    fn a_blank_name_is_shown_as_unnamed() {
        let mut connection = crate::model::fixtures::connection("a", Status::Active);
        for blank in ["", " ", "\t\n", "\u{3000}\u{A0}"] {
            connection.name = blank.into();
            assert!(connection.is_unnamed(), "{blank:?}");
            assert_eq!(connection.display_name(), UNNAMED);
        }
        // A name is shown as sent, spaces and all.
        connection.name = " Orders ".into();
        assert!(!connection.is_unnamed());
        assert_eq!(connection.display_name(), " Orders ");
    }

    #[test]
    fn blank_instructions_count_as_none() {
        let mut connection = crate::model::fixtures::connection("a", Status::Active);
        connection.instructions = Some("  \n ".into());
        assert_eq!(connection.instructions(), None);
        connection.instructions = Some("Use it.".into());
        assert_eq!(connection.instructions(), Some("Use it."));
    }
}
