//! The console's `/config.json` (where the API is, how to authenticate): the
//! scenario may replace `DIST/config.json`, so one build can be tested against
//! every deployment, including a broken file.

use serde_json::Value;

use crate::scenario::Scenario;

/// The file's name in the dist directory, and so its path below `/`.
pub const FILE_NAME: &str = "config.json";

/// Where `/config.json` comes from right now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConsoleConfig {
    /// `DIST/config.json`, or a 404 when there is none.
    File,
    /// A JSON value from the scenario.
    Json(Value),
    /// Text from the scenario, sent as it is (it need not be JSON).
    Raw(String),
}

impl ConsoleConfig {
    /// The raw text wins, being the more deliberate override.
    pub fn of(scenario: &Scenario) -> Self {
        match (&scenario.console_config_raw, &scenario.console_config) {
            (Some(raw), _) => Self::Raw(raw.clone()),
            (None, Some(json)) => Self::Json(json.clone()),
            (None, None) => Self::File,
        }
    }

    /// The body of an override; `None` means the file.
    pub fn body(&self) -> Option<Vec<u8>> {
        match self {
            Self::File => None,
            // A `Value` always serializes; an empty body would only hide a bug.
            Self::Json(value) => Some(serde_json::to_vec(value).unwrap_or_default()),
            Self::Raw(text) => Some(text.clone().into_bytes()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selection() {
        let json = serde_json::json!({"apiBaseUrl": "http://127.0.0.1:9000", "auth": "cookie"});
        for (raw, config, expected) in [
            (None, None, ConsoleConfig::File),
            (None, Some(json.clone()), ConsoleConfig::Json(json.clone())),
            (
                Some("{broken"),
                Some(json.clone()),
                ConsoleConfig::Raw("{broken".to_owned()),
            ),
            (Some(""), None, ConsoleConfig::Raw(String::new())),
        ] {
            let scenario = Scenario {
                console_config_raw: raw.map(str::to_owned),
                console_config: config,
                ..Scenario::default()
            };
            assert_eq!(ConsoleConfig::of(&scenario), expected, "{raw:?}");
        }
    }

    #[test]
    fn bodies() {
        assert_eq!(ConsoleConfig::File.body(), None);
        assert_eq!(
            ConsoleConfig::Json(serde_json::json!({"auth": "api-key"})).body(),
            Some(br#"{"auth":"api-key"}"#.to_vec())
        );
        assert_eq!(
            ConsoleConfig::Json(Value::from(42)).body(),
            Some(b"42".to_vec())
        );
        assert_eq!(
            ConsoleConfig::Raw("  {\"a\":".to_owned()).body(),
            Some(b"  {\"a\":".to_vec())
        );
    }
}
