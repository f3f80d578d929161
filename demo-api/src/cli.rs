//! Command-line flags, parsed by hand to keep the build small.

use std::path::PathBuf;

use crate::scenario::{AuthMode, Dataset, Fault, Scenario};

pub const USAGE: &str = "\
demo-api: demo MCP connections API and static host for MCP Console

Usage: demo-api [OPTIONS]

Options:
  --host ADDR            address to bind (default 127.0.0.1)
  --port N               port to bind; 0 picks a free one (default 8080)
  --dist DIR             built web app to serve, with SPA fallback (default dist)
  --dataset NAME         demo | empty | hostile | generated (default demo)
  --count N              records in the generated data set (default 1000)
  --delay-ms N           wait this long before every /api answer (default 0)
  --fault KIND           none | status | html | malformed | wrong-shape | hang | redirect (default none)
  --fault-status N       HTTP status for the status and html faults (default 500)
  --fault-message TEXT   error message for the status fault (default: one per status)
  --retry-after-seconds N
                         Retry-After of a 429 or 503 status fault (default 5)
  --test-delay-ms N      time a POST /api/mcp-connections/ID/test takes (default 600)
  --auth MODE            api-key | cookie | none: what /api requires (default api-key)
  --cors-origin ORIGIN   let pages of ORIGIN (http://localhost:3000) call /api, with
                         credentials; repeat for more (default: same origin only)
  -h, --help             show this help

Every option also accepts --name=value. The scenario options can be changed at run
time through /_demo/scenario; POST /_demo/reset goes back to the ones given here.
Only there: consoleConfig (any JSON, served as /config.json instead of
DIST/config.json) and consoleConfigRaw (text served as /config.json, to test a
broken file; wins over consoleConfig). Without either, /config.json is the file,
or 404 when there is none.

Authentication of /api:
  api-key  Authorization: Bearer sf_test_v1_demo7Kq2mX9vL4pR8sT1wY6z (sandbox) or
           sf_live_v1_demo3Hn8cV5bQ1xJ7fD2gW4k (production); the key
           sf_test_v1_noscope5Tz1Lk8Pq3Wm6Rx9Yb lacks the scope (403)
  cookie   the session cookie that GET /_demo/login sets (GET /_demo/logout clears it)
  none     no check

The web app gets the headers of DIR/_headers (Netlify / Cloudflare Pages format,
read again when it changes; a malformed file stops the server), and FILE.br or
FILE.gz instead of FILE when the browser accepts it.
";

const OPTIONS: &[&str] = &[
    "--host",
    "--port",
    "--dist",
    "--dataset",
    "--count",
    "--delay-ms",
    "--fault",
    "--fault-status",
    "--fault-message",
    "--retry-after-seconds",
    "--test-delay-ms",
    "--auth",
    "--cors-origin",
];

#[derive(Debug, PartialEq, Eq)]
pub struct Config {
    pub host: String,
    pub port: u16,
    pub dist: PathBuf,
    pub scenario: Scenario,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    Run(Config),
    Help,
}

/// Parses the arguments after the program name.
pub fn parse<I, S>(args: I) -> Result<Command, String>
where
    I: IntoIterator<Item = S>,
    S: Into<String>,
{
    let mut config = Config {
        host: "127.0.0.1".to_owned(),
        port: 8080,
        dist: PathBuf::from("dist"),
        scenario: Scenario::default(),
    };
    let mut args = args.into_iter().map(Into::into);
    while let Some(arg) = args.next() {
        if arg == "-h" || arg == "--help" {
            return Ok(Command::Help);
        }
        let (name, inline_value) = match arg.split_once('=') {
            Some((name, value)) if name.starts_with("--") => {
                (name.to_owned(), Some(value.to_owned()))
            }
            _ => (arg.clone(), None),
        };
        if !name.starts_with("--") {
            return Err(format!("unexpected argument '{arg}'"));
        }
        if !OPTIONS.contains(&name.as_str()) {
            return Err(format!("unknown option '{name}'"));
        }
        let value = match inline_value.or_else(|| args.next()) {
            Some(value) => value,
            None => return Err(format!("{name} needs a value")),
        };
        let scenario = &mut config.scenario;
        match name.as_str() {
            "--host" if value.is_empty() => return Err("--host must not be empty".to_owned()),
            "--host" => config.host = value,
            "--port" => config.port = number(&name, &value)?,
            "--dist" => config.dist = PathBuf::from(value),
            "--dataset" => {
                scenario.dataset =
                    Dataset::parse(&value).ok_or_else(|| one_of(&name, &value, Dataset::NAMES))?;
            }
            "--count" => scenario.count = number(&name, &value)?,
            "--delay-ms" => scenario.delay_ms = number(&name, &value)?,
            "--fault" => {
                scenario.fault =
                    Fault::parse(&value).ok_or_else(|| one_of(&name, &value, Fault::NAMES))?;
            }
            "--fault-status" => scenario.fault_status = number(&name, &value)?,
            "--fault-message" => scenario.fault_message = Some(value),
            "--retry-after-seconds" => scenario.retry_after_seconds = number(&name, &value)?,
            "--test-delay-ms" => scenario.test_delay_ms = number(&name, &value)?,
            "--auth" => {
                scenario.auth = AuthMode::parse(&value)
                    .ok_or_else(|| one_of(&name, &value, AuthMode::NAMES))?;
            }
            "--cors-origin" => scenario.cors_origins.push(value),
            _ => return Err(format!("unknown option '{name}'")),
        }
    }
    config.scenario.validate()?;
    Ok(Command::Run(config))
}

fn number<T: std::str::FromStr>(name: &str, value: &str) -> Result<T, String> {
    value
        .parse()
        .map_err(|_| format!("{name} expects a non-negative whole number, got '{value}'"))
}

fn one_of(name: &str, value: &str, allowed: &[&str]) -> String {
    format!(
        "{name} expects one of {}, got '{value}'",
        allowed.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str]) -> Result<Config, String> {
        match parse(args.iter().copied())? {
            Command::Run(config) => Ok(config),
            Command::Help => Err("unexpected help".to_owned()),
        }
    }

    #[test]
    fn no_flags_gives_the_defaults() -> Result<(), String> {
        let config = run(&[])?;
        assert_eq!(config.host, "127.0.0.1");
        assert_eq!(config.port, 8080);
        assert_eq!(config.dist, PathBuf::from("dist"));
        assert_eq!(config.scenario, Scenario::default());
        Ok(())
    }

    #[test]
    fn every_flag_is_read() -> Result<(), String> {
        let config = run(&[
            "--host",
            "0.0.0.0",
            "--port",
            "0",
            "--dist",
            "/tmp/app",
            "--dataset",
            "generated",
            "--count",
            "50000",
            "--delay-ms",
            "250",
            "--fault",
            "status",
            "--fault-status",
            "429",
            "--fault-message",
            "slow down",
            "--retry-after-seconds",
            "30",
            "--test-delay-ms",
            "0",
            "--auth",
            "cookie",
            "--cors-origin",
            "http://localhost:3000",
        ])?;
        assert_eq!(config.host, "0.0.0.0");
        assert_eq!(config.port, 0);
        assert_eq!(config.dist, PathBuf::from("/tmp/app"));
        let expected = Scenario {
            dataset: Dataset::Generated,
            count: 50_000,
            delay_ms: 250,
            fault: Fault::Status,
            fault_status: 429,
            fault_message: Some("slow down".to_owned()),
            retry_after_seconds: 30,
            test_delay_ms: 0,
            auth: AuthMode::Cookie,
            cors_origins: vec!["http://localhost:3000".to_owned()],
            console_config: None,
            console_config_raw: None,
        };
        assert_eq!(config.scenario, expected);
        Ok(())
    }

    #[test]
    fn accepts_name_equals_value() -> Result<(), String> {
        let config = run(&["--port=9000", "--fault=wrong-shape", "--fault-message=a=b"])?;
        assert_eq!(config.port, 9000);
        assert_eq!(config.scenario.fault, Fault::WrongShape);
        assert_eq!(config.scenario.fault_message.as_deref(), Some("a=b"));
        Ok(())
    }

    #[test]
    fn auth_modes_and_repeated_cors_origins() -> Result<(), String> {
        assert_eq!(run(&[])?.scenario.auth, AuthMode::ApiKey);
        assert!(run(&[])?.scenario.cors_origins.is_empty());
        for (flag, mode) in [
            ("--auth=api-key", AuthMode::ApiKey),
            ("--auth=cookie", AuthMode::Cookie),
            ("--auth=none", AuthMode::None),
        ] {
            assert_eq!(run(&[flag])?.scenario.auth, mode, "{flag}");
        }
        let config = run(&[
            "--cors-origin",
            "http://localhost:3000",
            "--cors-origin=https://console.example.com",
            "--auth",
            "none",
            "--auth",
            "cookie",
        ])?;
        assert_eq!(
            config.scenario.cors_origins,
            ["http://localhost:3000", "https://console.example.com"]
        );
        assert_eq!(config.scenario.auth, AuthMode::Cookie, "the last one wins");
        Ok(())
    }

    #[test]
    fn help_names_every_option_and_the_demo_keys() {
        for option in OPTIONS {
            assert!(USAGE.contains(&format!("\n  {option} ")), "{option}");
        }
        for key in [
            crate::auth::DEMO_SANDBOX_KEY,
            crate::auth::DEMO_PRODUCTION_KEY,
            crate::auth::NO_SCOPE_KEY,
        ] {
            assert!(USAGE.contains(key), "{key}");
        }
    }

    #[test]
    fn help_wins() {
        assert_eq!(parse(["--port", "1", "--help"]), Ok(Command::Help));
        assert_eq!(parse(["-h"]), Ok(Command::Help));
    }

    #[test]
    fn bad_flags_are_errors() {
        for args in [
            &["--port"][..],
            &["--port", "70000"],
            &["--port", "-1"],
            &["--count", "many"],
            &["--dataset", "huge"],
            &["--fault", "explode"],
            &["--fault-status", "99"],
            &["--verbose", "1"],
            &["--verbose"],
            &["stray"],
            &["--host="],
            &["--auth"],
            &["--auth", "bearer"],
            &["--auth", "API-KEY"],
            &["--cors-origin"],
            &["--cors-origin", "localhost:3000"],
            &["--cors-origin", "http://localhost:3000/"],
            &["--cors-origin", "*"],
            &["--test-delay-ms", "-5"],
            &["--test-delay-ms", "3600001"],
            &["--retry-after-seconds", "1.5"],
            &["--retry-after-seconds", "86401"],
        ] {
            assert!(parse(args.iter().copied()).is_err(), "{args:?}");
        }
    }
}
