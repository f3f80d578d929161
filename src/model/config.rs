//! The deployment's `config.json`: where the API is and how to authenticate. One
//! build serves every environment; a missing file means same origin with API keys.

use chrono::TimeDelta;
use serde::Deserialize;
use serde_json::value::RawValue;

use super::json_text::{self, Unreadable};

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

/// The file's fields, kept as JSON text so that a value of the wrong kind is
/// reported against the field's name. Unknown fields are skipped, so a newer file
/// still works with an older console.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ConfigFile<'a> {
    #[serde(borrow)]
    api_base_url: Option<&'a RawValue>,
    #[serde(borrow)]
    auth: Option<&'a RawValue>,
    #[serde(borrow)]
    stale_after_hours: Option<&'a RawValue>,
}

const FIELDS: [&str; 3] = ["apiBaseUrl", "auth", "staleAfterHours"];

/// A field that must be a string or null (absent is null).
fn text(value: Option<&RawValue>, field: &'static str) -> Result<Option<String>, ConfigError> {
    json_text::text(value)
        .map(|text| text.map(|text| text.into_owned()))
        .map_err(|_| bad(field, "it must be a string"))
}

/// Interprets the answer to `GET /config.json`.
pub fn parse(status: u16, body: &str) -> Result<Config, ConfigError> {
    if status == 404 {
        return Ok(Config::default());
    }
    if !(200..300).contains(&status) {
        return Err(ConfigError::Http(status));
    }
    let file: ConfigFile = json_text::read_object(json_text::without_bom(body)).map_err(
        |unreadable| match unreadable {
            Unreadable::NotJson(error) => ConfigError::NotJson(error.to_string()),
            Unreadable::NotAnObject(_) => bad("(top level)", "it must be a JSON object"),
            Unreadable::RepeatedField(name) => match FIELDS.into_iter().find(|f| *f == name) {
                Some(field) => bad(field, "it appears twice"),
                None => bad("(top level)", &format!("the field `{name}` appears twice")),
            },
            Unreadable::Mismatch(words) => bad("(top level)", &words),
        },
    )?;
    let api_base_url = match text(file.api_base_url, "apiBaseUrl")? {
        None => String::new(),
        Some(url) => api_base_url(&url)?,
    };
    let auth_must_be = || bad("auth", "it must be \"apiKey\" or \"cookie\"");
    let auth = match text(file.auth, "auth")
        .map_err(|_| auth_must_be())?
        .as_deref()
    {
        None => AuthMode::default(),
        Some("apiKey") => AuthMode::ApiKey,
        Some("cookie") => AuthMode::Cookie,
        Some(_) => return Err(auth_must_be()),
    };
    let stale_after = stale_after_hours(file.stale_after_hours)?;
    Ok(Config {
        api_base_url,
        auth,
        stale_after,
    })
}

/// A number of hours, read as serde reads an `f64`: a string, a number out of
/// `f64`'s range or one outside the bounds is named.
fn stale_after_hours(value: Option<&RawValue>) -> Result<TimeDelta, ConfigError> {
    let must_be = || {
        bad(
            "staleAfterHours",
            "it must be a number of hours greater than 0 and at most 87600",
        )
    };
    let hours_set = match value {
        None => None,
        Some(value) => Some(serde_json::from_str::<f64>(value.get()).map_err(|_| must_be())?),
    };
    match hours_set.unwrap_or(DEFAULT_STALE_AFTER_HOURS) {
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
    let (plain_http, rest) = match (url.strip_prefix("https://"), url.strip_prefix("http://")) {
        (Some(rest), _) => (false, rest),
        (None, Some(rest)) => (true, rest),
        (None, None) => return Err(bad("apiBaseUrl", "it must start with https:// or http://")),
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
    // The host as browsers find it: up to a slash or backslash, and after the last
    // "@", so that `localhost@evil.test` is evil.test.
    let end = rest.bytes().position(|b| b == b'/' || b == b'\\');
    let authority = rest.get(..end.unwrap_or(rest.len())).unwrap_or(rest);
    let host = authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host);
    if plain_http && !is_this_machine(host) {
        return Err(bad(
            "apiBaseUrl",
            "it is plain http://, so the API key would travel unencrypted: use https:// \
             (http:// is only for localhost, 127.0.0.1 and [::1])",
        ));
    }
    Ok(url.to_owned())
}

/// Whether `host` (with an optional port, as written) is this machine by one of its
/// usual names, where plain http never leaves the computer. Other spellings of it
/// (`127.1`, `[0:0::1]`) are refused rather than parsed.
fn is_this_machine(host: &str) -> bool {
    let name = match host.rsplit_once(':') {
        Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) => name,
        _ => host,
    };
    name.eq_ignore_ascii_case("localhost") || name == "127.0.0.1" || name == "[::1]"
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
    fn stale_after_hours_is_read_as_an_f64() {
        let stale_after = |body: &str| parse(200, body).map(|config| config.stale_after);
        assert_eq!(
            stale_after(r#"{"staleAfterHours":87600}"#),
            Ok(TimeDelta::hours(87_600))
        );
        assert_eq!(
            stale_after(r#"{"staleAfterHours":1.5e1}"#),
            Ok(TimeDelta::hours(15))
        );
        assert_eq!(
            stale_after(r#"{"staleAfterHours":0.1}"#),
            Ok(TimeDelta::seconds(360))
        );
        assert_eq!(
            stale_after(r#"{"staleAfterHours":2400000000000000000000e-20}"#),
            Ok(TimeDelta::hours(24))
        );
        for value in [
            "0.1e-2147483648",
            "1e-400",
            "-0",
            "87600.000001",
            "1e400",
            "-1e400",
            "123456789012345678901234567890",
            "\"24\"",
            "true",
            "[24]",
            "{}",
        ] {
            let body = format!(r#"{{"staleAfterHours":{value}}}"#);
            match parse(200, &body) {
                Err(ConfigError::BadField { field, .. }) => {
                    assert_eq!(field, "staleAfterHours", "{value}")
                }
                other => panic!("{value}: {other:?}"),
            }
        }
        assert!(matches!(
            parse(200, r#"{"staleAfterHours":1e}"#),
            Err(ConfigError::NotJson(_))
        ));
    }

    #[test]
    fn a_byte_order_mark_is_tolerated_and_json_is_required() {
        assert_eq!(
            parse(200, "\u{FEFF}{\"auth\":\"cookie\"}").map(|config| config.auth),
            Ok(AuthMode::Cookie)
        );
        for broken in [
            "\u{FEFF}\u{FEFF}{}",
            " \u{FEFF}{}",
            "\u{c}{}",
            "{}\u{c}",
            "{\"auth\":\u{c}\"cookie\"}",
            "",
            "{} {}",
        ] {
            assert!(
                matches!(parse(200, broken), Err(ConfigError::NotJson(_))),
                "{broken:?}"
            );
        }
    }

    #[test]
    fn a_repeated_field_is_named_and_unknown_ones_skipped() {
        for (body, field) in [
            (r#"{"auth":"apiKey","auth":"cookie"}"#, "auth"),
            (
                r#"{"apiBaseUrl":null,"apiBaseUrl":"https://evil.test"}"#,
                "apiBaseUrl",
            ),
            (
                r#"{"staleAfterHours":1,"staleAfterHours":2}"#,
                "staleAfterHours",
            ),
        ] {
            assert_eq!(
                parse(200, body),
                Err(ConfigError::BadField {
                    field,
                    problem: "it appears twice".to_owned()
                }),
                "{body}"
            );
        }
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        let body = format!(
            r#"{{"theme":{deep},"logo":"{}","theme":1,"auth":"cookie"}}"#,
            "x".repeat(1_000_000)
        );
        assert_eq!(
            parse(200, &body).map(|config| config.auth),
            Ok(AuthMode::Cookie)
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
    fn plain_http_is_only_for_this_machine() {
        let base_url = |url: &str| {
            parse(200, &format!(r#"{{"apiBaseUrl":"{url}"}}"#)).map(|config| config.api_base_url)
        };
        for url in [
            "http://localhost:3000",
            "http://127.0.0.1",
            "http://[::1]:8080/api",
            "http://LOCALHOST",
            "http://localhost/api",
            "https://anything.example.com:8443/api",
            "https://example.com",
        ] {
            assert_eq!(base_url(url), Ok(url.to_owned()), "{url}");
        }
        // Browsers read a backslash there as a slash: the host is localhost.
        assert_eq!(
            base_url(r"http://localhost:3000\\@evil.test"),
            Ok(r"http://localhost:3000\@evil.test".to_owned())
        );
        for url in [
            "http://example.com",
            "http://example.com:80/api",
            "http://localhost.evil.test",
            "http://127.0.0.1.nip.io",
            "http://evil.test/localhost",
            "http://127.1",
            "http://[::ffff:127.0.0.1]",
            "http://localhost:3000x",
        ] {
            let message = base_url(url).map_err(|error| error.message());
            assert_eq!(
                message,
                Err(
                    "config.json has a bad \u{201c}apiBaseUrl\u{201d}: it is plain http://, \
                     so the API key would travel unencrypted: use https:// (http:// is only \
                     for localhost, 127.0.0.1 and [::1])."
                        .to_owned()
                ),
                "{url}"
            );
        }
    }

    #[test]
    fn the_host_is_what_follows_the_last_at_sign() {
        let base_url = |url: &str| {
            parse(200, &format!(r#"{{"apiBaseUrl":"{url}"}}"#)).map(|config| config.api_base_url)
        };
        // A user name is not refused (it never was); plain http's host is what follows it.
        for url in [
            "http://user@localhost:3000",
            "https://user:secret@api.example.com",
            "https://api.example.com/@team",
        ] {
            assert_eq!(base_url(url), Ok(url.to_owned()), "{url}");
        }
        for url in [
            "http://localhost@evil.test",
            "http://localhost:80@evil.test/api",
        ] {
            assert!(
                matches!(
                    base_url(url),
                    Err(ConfigError::BadField {
                        field: "apiBaseUrl",
                        ..
                    })
                ),
                "{url}"
            );
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
