//! What the demo API answers: which data set, how slowly, which fault, how callers
//! authenticate, which other origins may call it, and the console's `config.json`.
//! The same shape is given on the command line and through `/_demo/scenario`, so
//! the enums' names are the same in both (kebab-case).

use clap::{Args, ValueEnum};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// More than this many generated records would only eat memory.
pub const MAX_COUNT: usize = 200_000;
/// One hour: a longer delay is surely a typo (and `hang` exists for "forever").
pub const MAX_DELAY_MS: u64 = 3_600_000;
/// One day: a longer `Retry-After` is surely a typo.
pub const MAX_RETRY_AFTER_SECONDS: u64 = 86_400;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Dataset {
    #[default]
    Demo,
    Empty,
    Hostile,
    Generated,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum Fault {
    #[default]
    None,
    /// The fault status, with a JSON `{"error": …}` body.
    Status,
    /// The fault status, with an HTML page, as a proxy or CDN would send.
    Html,
    /// 200 with a truncated JSON array.
    Malformed,
    /// 200 with `{"items": […], "total": N}` instead of an array.
    WrongShape,
    /// Never answers.
    Hang,
    /// 307 to `/_demo/redirected`, as an API moved behind a proxy or a sign-in page
    /// would answer; the target counts who followed it.
    Redirect,
}

/// How `/api` requests must prove who they are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum AuthMode {
    /// `Authorization: Bearer <key>`, as the hosted API wants it.
    #[default]
    ApiKey,
    /// The session cookie that `/_demo/login` sets, as behind the platform's login.
    Cookie,
    /// Anything goes.
    None,
}

impl AuthMode {
    pub fn name(self) -> &'static str {
        match self {
            Self::ApiKey => "api-key",
            Self::Cookie => "cookie",
            Self::None => "none",
        }
    }
}

/// Every field is optional on input; unknown fields are refused so that a typo in a
/// test's scenario fails loudly instead of silently testing the default. Each field
/// but the console's config is also a command-line option, with its doc comment for
/// help and the default of `Default` (as a test checks).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Args)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct Scenario {
    /// Data set of the API
    #[arg(long, value_enum, value_name = "NAME", default_value_t)]
    pub dataset: Dataset,
    /// Records in the generated data set
    #[arg(long, value_name = "N", default_value_t = 1000)]
    pub count: usize,
    /// Wait this long before every /api answer
    #[arg(long, value_name = "N", default_value_t)]
    pub delay_ms: u64,
    /// What goes wrong with every /api answer
    #[arg(long, value_enum, value_name = "KIND", default_value_t)]
    pub fault: Fault,
    /// HTTP status for the status and html faults
    #[arg(long, value_name = "N", default_value_t = 500)]
    pub fault_status: u16,
    /// Error message for the status fault [default: one per status]
    #[arg(long, value_name = "TEXT")]
    pub fault_message: Option<String>,
    /// Retry-After of a 429 or 503 status fault
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub retry_after_seconds: u64,
    /// Time a POST /api/mcp-connections/ID/test takes, so the UI shows its
    /// "testing" state
    #[arg(long, value_name = "N", default_value_t = 600)]
    pub test_delay_ms: u64,
    /// HTTP status that POST /api/mcp-connections/ID/test answers with instead of
    /// checking (a 429 or 503 with the Retry-After of --retry-after-seconds)
    /// [default: none]
    #[arg(long, value_name = "N")]
    pub test_fault_status: Option<u16>,
    /// How many health checks meet --test-fault-status before checks work again,
    /// counted from when the scenario is set; 0 = every one
    #[arg(long, value_name = "N", default_value_t)]
    pub test_fault_count: u32,
    /// What /api requires
    #[arg(long, value_enum, value_name = "MODE", default_value_t)]
    pub auth: AuthMode,
    /// GET /api/agent-definitions answers 403, as for a key without the
    /// agents:read scope (the connection endpoints still work)
    #[arg(long)]
    pub agents_forbidden: bool,
    /// Wait this long more before answering GET /api/agent-definitions, so
    /// that the agents arrive after the cards
    #[arg(long, value_name = "N", default_value_t)]
    pub agents_delay_ms: u64,
    /// Let pages of ORIGIN (http://localhost:3000) call /api, with credentials
    /// (CORS); repeat for more [default: same origin only]
    #[arg(long = "cors-origin", value_name = "ORIGIN")]
    pub cors_origins: Vec<String>,
    /// Served as `/config.json` instead of `DIST/config.json`; null = the file.
    #[arg(skip)]
    pub console_config: Option<Value>,
    /// Served verbatim as `/config.json` (to test a broken file); wins over
    /// `console_config`.
    #[arg(skip)]
    pub console_config_raw: Option<String>,
}

impl Default for Scenario {
    fn default() -> Self {
        Self {
            dataset: Dataset::Demo,
            count: 1000,
            delay_ms: 0,
            fault: Fault::None,
            fault_status: 500,
            fault_message: None,
            retry_after_seconds: 5,
            test_delay_ms: 600,
            test_fault_status: None,
            test_fault_count: 0,
            auth: AuthMode::ApiKey,
            agents_forbidden: false,
            agents_delay_ms: 0,
            cors_origins: Vec::new(),
            console_config: None,
            console_config_raw: None,
        }
    }
}

impl Scenario {
    /// Parses a `PUT /_demo/scenario` body; missing fields take the defaults.
    pub fn from_json(body: &[u8]) -> Result<Self, String> {
        let value: serde_json::Value =
            serde_json::from_slice(body).map_err(|e| format!("invalid scenario JSON: {e}"))?;
        // Serde would also take a struct from an array; only an object is meant.
        if !value.is_object() {
            return Err("the scenario must be a JSON object".to_owned());
        }
        let scenario: Self =
            serde_json::from_value(value).map_err(|e| format!("invalid scenario: {e}"))?;
        scenario.validate()?;
        Ok(scenario)
    }

    pub fn validate(&self) -> Result<(), String> {
        if self.count > MAX_COUNT {
            return Err(format!("count must be at most {MAX_COUNT}"));
        }
        if self.delay_ms > MAX_DELAY_MS {
            return Err(format!("delayMs must be at most {MAX_DELAY_MS}"));
        }
        // 1xx cannot be a final answer; above 599 is not HTTP.
        if !(200..=599).contains(&self.fault_status) {
            return Err("faultStatus must be between 200 and 599".to_owned());
        }
        if self.retry_after_seconds > MAX_RETRY_AFTER_SECONDS {
            return Err(format!(
                "retryAfterSeconds must be at most {MAX_RETRY_AFTER_SECONDS}"
            ));
        }
        if self.test_delay_ms > MAX_DELAY_MS {
            return Err(format!("testDelayMs must be at most {MAX_DELAY_MS}"));
        }
        if self.agents_delay_ms > MAX_DELAY_MS {
            return Err(format!("agentsDelayMs must be at most {MAX_DELAY_MS}"));
        }
        // A fault is a failure: a success status would be a check that never ran.
        if self
            .test_fault_status
            .is_some_and(|status| !(400..=599).contains(&status))
        {
            return Err("testFaultStatus must be between 400 and 599".to_owned());
        }
        for origin in &self.cors_origins {
            check_origin(origin)?;
        }
        Ok(())
    }

    /// What decides the records: the count matters only for the generated set.
    pub fn data_key(&self) -> (Dataset, usize) {
        match self.dataset {
            Dataset::Generated => (self.dataset, self.count),
            other => (other, 0),
        }
    }
}

/// An origin is compared byte for byte with the browser's `Origin` header, which is
/// always `scheme://host[:port]` in lower case: anything else would never match,
/// so it is refused rather than silently ignored.
fn check_origin(origin: &str) -> Result<(), String> {
    let host = origin
        .strip_prefix("http://")
        .or_else(|| origin.strip_prefix("https://"));
    let well_formed = host.is_some_and(|host| {
        !host.is_empty()
            && host
                .bytes()
                .all(|b| b.is_ascii_graphic() && b != b'/' && !b.is_ascii_uppercase())
    });
    if well_formed {
        Ok(())
    } else {
        Err(format!(
            "corsOrigins: {origin:?} is not an origin as browsers send it: \
             http(s)://host[:port] in lower case, no path or trailing slash"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_object_gives_the_defaults() -> Result<(), String> {
        let scenario = Scenario::from_json(b"{}")?;
        assert_eq!(scenario, Scenario::default());
        Ok(())
    }

    #[test]
    fn defaults_serialize_to_the_documented_json() -> Result<(), serde_json::Error> {
        let json = serde_json::to_value(Scenario::default())?;
        let expected = serde_json::json!({
            "dataset": "demo", "count": 1000, "delayMs": 0,
            "fault": "none", "faultStatus": 500, "faultMessage": null,
            "retryAfterSeconds": 5, "testDelayMs": 600, "testFaultStatus": null,
            "testFaultCount": 0, "auth": "api-key",
            "agentsForbidden": false, "agentsDelayMs": 0,
            "corsOrigins": [], "consoleConfig": null, "consoleConfigRaw": null
        });
        assert_eq!(json, expected);
        Ok(())
    }

    #[test]
    fn partial_object_keeps_other_defaults() -> Result<(), String> {
        let scenario =
            Scenario::from_json(br#"{"fault":"wrong-shape","faultMessage":"boom","count":5}"#)?;
        assert_eq!(scenario.fault, Fault::WrongShape);
        assert_eq!(scenario.fault_message.as_deref(), Some("boom"));
        assert_eq!(scenario.count, 5);
        assert_eq!(scenario.dataset, Dataset::Demo);
        assert_eq!(scenario.fault_status, 500);
        Ok(())
    }

    #[test]
    fn rejects_bad_bodies() {
        for body in [
            &b""[..],
            b"[]",
            b"{\"fault\":\"explode\"}",
            b"{\"delay_ms\":5}",
            b"{\"faultStatus\":99}",
            b"{\"faultStatus\":600}",
            b"{\"count\":-1}",
            b"{\"count\":10000000}",
            b"{\"auth\":\"basic\"}",
            b"{\"auth\":\"apiKey\"}",
            b"{\"testDelayMs\":3600001}",
            b"{\"agentsDelayMs\":3600001}",
            b"{\"agentsForbidden\":\"yes\"}",
            b"{\"retryAfterSeconds\":86401}",
            b"{\"testFaultStatus\":200}",
            b"{\"testFaultStatus\":600}",
            b"{\"testFaultCount\":-1}",
            b"{\"corsOrigins\":\"http://localhost:3000\"}",
            b"{\"corsOrigins\":[\"http://localhost:3000/\"]}",
            b"{\"corsOrigins\":[\"localhost:3000\"]}",
            b"{\"corsOrigins\":[\"http://LocalHost:3000\"]}",
            b"{\"corsOrigins\":[\"*\"]}",
            b"{\"corsOrigins\":[\"https://\"]}",
            b"{\"consoleConfigRaw\":{}}",
            b"{\"consoleconfig\":{}}",
        ] {
            assert!(
                Scenario::from_json(body).is_err(),
                "{}",
                String::from_utf8_lossy(body)
            );
        }
    }

    #[test]
    fn new_fields_are_read() -> Result<(), String> {
        let scenario = Scenario::from_json(
            br#"{"auth":"cookie","corsOrigins":["http://localhost:3000","https://console.example.com:8443"],
                "consoleConfig":{"apiBaseUrl":"http://127.0.0.1:9000","auth":"cookie"},
                "consoleConfigRaw":"{not json","testDelayMs":0,"retryAfterSeconds":30,
                "testFaultStatus":429,"testFaultCount":2}"#,
        )?;
        assert_eq!(scenario.auth, AuthMode::Cookie);
        assert_eq!(
            scenario.cors_origins,
            ["http://localhost:3000", "https://console.example.com:8443"]
        );
        assert_eq!(
            scenario.console_config,
            Some(serde_json::json!({"apiBaseUrl": "http://127.0.0.1:9000", "auth": "cookie"}))
        );
        assert_eq!(scenario.console_config_raw.as_deref(), Some("{not json"));
        assert_eq!(scenario.test_delay_ms, 0);
        assert_eq!(scenario.retry_after_seconds, 30);
        assert_eq!(scenario.test_fault_status, Some(429));
        assert_eq!(scenario.test_fault_count, 2);
        // Any JSON value is a config to serve, a bare string or number too.
        let string = Scenario::from_json(br#"{"consoleConfig":"text"}"#)?;
        assert_eq!(string.console_config, Some(Value::from("text")));
        let null = Scenario::from_json(br#"{"consoleConfig":null,"consoleConfigRaw":null}"#)?;
        assert_eq!(null, Scenario::default());
        Ok(())
    }

    /// A value's name on the command line is its name in the JSON.
    #[test]
    fn names_round_trip() -> Result<(), serde_json::Error> {
        fn check<T: ValueEnum + Serialize>() -> Result<(), serde_json::Error> {
            for value in T::value_variants() {
                let name = value.to_possible_value().map(|v| v.get_name().to_owned());
                assert_eq!(Some(serde_json::to_value(value)?), name.map(Value::from));
            }
            Ok(())
        }
        check::<Dataset>()?;
        check::<Fault>()?;
        check::<AuthMode>()?;
        for mode in AuthMode::value_variants() {
            assert_eq!(serde_json::to_value(mode)?, mode.name());
        }
        Ok(())
    }

    #[test]
    fn count_matters_only_for_generated() {
        let demo = Scenario {
            count: 1,
            ..Scenario::default()
        };
        assert_eq!(demo.data_key(), Scenario::default().data_key());
        let generated = Scenario {
            dataset: Dataset::Generated,
            count: 1,
            ..Scenario::default()
        };
        assert_ne!(
            generated.data_key(),
            Scenario {
                count: 2,
                ..generated.clone()
            }
            .data_key()
        );
    }
}
