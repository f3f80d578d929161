//! The deployment's `config.json`: where the API is and how to authenticate. One
//! build serves every environment; a missing file means same origin with API keys.

use crate::json::{self, Value};
use chrono::TimeDelta;

/// A connection whose last health check is older than this is marked stale.
pub const DEFAULT_STALE_AFTER_HOURS: f64 = 24.0;
/// Ten years: anything longer is a typo, not a policy.
const MAX_STALE_AFTER_HOURS: f64 = 87_600.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AuthMode {
    /// `Authorization: Bearer <key>`, the key entered by the admin.
    #[default]
    ApiKey,
    /// The platform's own login: a same-site session cookie.
    Cookie,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Absolute http(s) origin (and optional path prefix) of the API, without a
    /// trailing slash; empty means the page's own origin.
    pub api_base_url: String,
    pub auth: AuthMode,
    /// `staleAfterHours`: a health check older than this marks the connection stale.
    pub stale_after: TimeDelta,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            api_base_url: String::new(),
            auth: AuthMode::default(),
            stale_after: hours(DEFAULT_STALE_AFTER_HOURS),
        }
    }
}

fn hours(hours: f64) -> TimeDelta {
    // Within MAX_STALE_AFTER_HOURS, so the seconds fit an i64.
    TimeDelta::seconds((hours * 3600.0).round() as i64)
}

/// Why `config.json` cannot be used, named so an operator can fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigError {
    Unreachable,
    Http(u16),
    NotJson(String),
    BadField {
        field: &'static str,
        problem: String,
    },
}

impl ConfigError {
    pub fn message(&self) -> String {
        match self {
            ConfigError::Unreachable => {
                "config.json could not be fetched: the network failed.".to_owned()
            }
            ConfigError::Http(status) => {
                format!("config.json could not be fetched: the server answered HTTP {status}.")
            }
            ConfigError::NotJson(detail) => format!("config.json is not valid JSON ({detail})."),
            ConfigError::BadField { field, problem } => {
                format!("config.json has a bad \u{201c}{field}\u{201d}: {problem}.")
            }
        }
    }
}

/// A field that must be a string or null (absent is null).
fn text(file: &Value, field: &'static str) -> Result<Option<String>, ConfigError> {
    match file.field(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) => Ok(Some(text.clone().into_owned())),
        Some(_) => Err(bad(field, "it must be a string")),
    }
}

/// Interprets the answer to `GET /config.json`. Unknown fields are ignored so a newer
/// file still works with an older console.
pub fn parse(status: u16, body: &str) -> Result<Config, ConfigError> {
    if status == 404 {
        return Ok(Config::default());
    }
    if !(200..300).contains(&status) {
        return Err(ConfigError::Http(status));
    }
    let file = json::parse(body).map_err(|error| ConfigError::NotJson(error.to_string()))?;
    if !matches!(file, Value::Object(_)) {
        return Err(bad("(top level)", "it must be a JSON object"));
    }
    let api_base_url = match text(&file, "apiBaseUrl")? {
        None => String::new(),
        Some(url) => api_base_url(&url)?,
    };
    let auth_must_be = || bad("auth", "it must be \"apiKey\" or \"cookie\"");
    let auth = match text(&file, "auth").map_err(|_| auth_must_be())?.as_deref() {
        None => AuthMode::default(),
        Some("apiKey") => AuthMode::ApiKey,
        Some("cookie") => AuthMode::Cookie,
        Some(_) => return Err(auth_must_be()),
    };
    let stale_after = stale_after_hours(file.field("staleAfterHours"))?;
    Ok(Config {
        api_base_url,
        auth,
        stale_after,
    })
}

fn stale_after_hours(raw: Option<&Value>) -> Result<TimeDelta, ConfigError> {
    let must_be = || {
        bad(
            "staleAfterHours",
            "it must be a number of hours greater than 0 and at most 87600",
        )
    };
    let value = match raw {
        None | Some(Value::Null) => None,
        Some(Value::Number(text)) => Some(json::number(text).ok_or_else(must_be)?),
        Some(_) => return Err(must_be()),
    };
    match value.unwrap_or(DEFAULT_STALE_AFTER_HOURS) {
        h if h > 0.0 && h <= MAX_STALE_AFTER_HOURS => Ok(hours(h)),
        _ => Err(must_be()),
    }
}

fn bad(field: &'static str, problem: &str) -> ConfigError {
    ConfigError::BadField {
        field,
        problem: problem.to_owned(),
    }
}

fn api_base_url(raw: &str) -> Result<String, ConfigError> {
    let url = raw.trim().trim_end_matches('/');
    if url.is_empty() {
        return Ok(String::new());
    }
    let Some(rest) = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
    else {
        return Err(bad("apiBaseUrl", "it must start with https:// or http://"));
    };
    if rest.is_empty() || rest.starts_with('/') {
        return Err(bad("apiBaseUrl", "it has no host"));
    }
    if url.contains(['?', '#']) || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(bad(
            "apiBaseUrl",
            "it must be a plain origin or path, without query, fragment or spaces",
        ));
    }
    Ok(url.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absent_file_means_same_origin_and_api_keys() {
        assert_eq!(parse(404, "<html>"), Ok(Config::default()));
        assert_eq!(parse(200, "{}"), Ok(Config::default()));
    }

    #[test]
    fn reads_both_fields_and_ignores_unknown_ones() {
        assert_eq!(
            parse(
                200,
                r#"{"apiBaseUrl":"https://api.example.com/","auth":"cookie","theme":"dark"}"#
            ),
            Ok(Config {
                api_base_url: "https://api.example.com".to_owned(),
                auth: AuthMode::Cookie,
                ..Config::default()
            })
        );
        assert_eq!(
            parse(200, r#"{"apiBaseUrl":null,"auth":"apiKey"}"#),
            Ok(Config::default())
        );
    }

    #[test]
    fn stale_after_hours_defaults_to_a_day() {
        let stale_after = |body: &str| parse(200, body).map(|config| config.stale_after);
        assert_eq!(stale_after("{}"), Ok(TimeDelta::hours(24)));
        assert_eq!(
            stale_after(r#"{"staleAfterHours":null}"#),
            Ok(TimeDelta::hours(24))
        );
        assert_eq!(
            stale_after(r#"{"staleAfterHours":72}"#),
            Ok(TimeDelta::hours(72))
        );
        assert_eq!(
            stale_after(r#"{"staleAfterHours":0.5}"#),
            Ok(TimeDelta::minutes(30))
        );
    }

    #[test]
    fn broken_files_name_the_problem() {
        assert!(matches!(parse(200, "{"), Err(ConfigError::NotJson(_))));
        assert!(matches!(
            parse(200, "[]"),
            Err(ConfigError::BadField {
                field: "(top level)",
                ..
            })
        ));
        assert_eq!(parse(500, ""), Err(ConfigError::Http(500)));
        for (body, field) in [
            (r#"{"apiBaseUrl":"ftp://x"}"#, "apiBaseUrl"),
            (r#"{"apiBaseUrl":"javascript:alert(1)"}"#, "apiBaseUrl"),
            (r#"{"apiBaseUrl":"https://"}"#, "apiBaseUrl"),
            (r#"{"apiBaseUrl":"https://a.test/?x=1"}"#, "apiBaseUrl"),
            (r#"{"apiBaseUrl":42}"#, "apiBaseUrl"),
            (r#"{"auth":"oauth"}"#, "auth"),
            (r#"{"auth":true}"#, "auth"),
            (r#"{"staleAfterHours":0}"#, "staleAfterHours"),
            (r#"{"staleAfterHours":-3}"#, "staleAfterHours"),
            (r#"{"staleAfterHours":"24"}"#, "staleAfterHours"),
            (r#"{"staleAfterHours":1e9}"#, "staleAfterHours"),
        ] {
            match parse(200, body) {
                Err(ConfigError::BadField { field: named, .. }) => {
                    assert_eq!(named, field, "{body}")
                }
                other => panic!("{body}: {other:?}"),
            }
        }
    }

    #[test]
    fn messages_name_the_file_and_field() {
        let message = parse(200, r#"{"auth":"oauth"}"#)
            .err()
            .map(|e| e.message())
            .unwrap_or_default();
        assert!(
            message.contains("config.json") && message.contains("auth"),
            "{message}"
        );
    }
}
