//! Command-line flags: where to listen, what to serve, and the scenario the server
//! starts with (and goes back to on `POST /_demo/reset`).

use std::path::PathBuf;

use clap::builder::NonEmptyStringValueParser;
use clap::error::ErrorKind;
use clap::{CommandFactory, Parser};

use crate::scenario::Scenario;

const AFTER_HELP: &str = "\
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

The web app gets the headers of DIST/_headers (Netlify / Cloudflare Pages format,
read again when it changes; a malformed file stops the server), and FILE.br or
FILE.gz instead of FILE when the browser accepts it.";

/// demo-api: demo MCP connections API and static host for MCP Console
#[derive(Debug, PartialEq, Eq, Parser)]
// A repeated option takes its last value: `scripts/start` and the end-to-end
// harness give `--port`, `--dist`… before the caller's own arguments.
#[command(name = "demo-api", after_help = AFTER_HELP, args_override_self = true)]
pub struct Config {
    /// Address to bind
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1",
          value_parser = NonEmptyStringValueParser::new())]
    pub host: String,
    /// Port to bind; 0 picks a free one
    #[arg(long, value_name = "N", default_value_t = 8080)]
    pub port: u16,
    /// Built web app to serve, with SPA fallback
    #[arg(long, value_name = "DIR", default_value = "dist")]
    pub dist: PathBuf,
    #[command(flatten)]
    pub scenario: Scenario,
}

/// The flags of this run. Prints the help, or what is wrong, and exits when that is
/// what they ask for. The scenario's own limits (as through `/_demo/scenario`) apply.
pub fn config() -> Config {
    let config = Config::parse();
    match config.scenario.validate() {
        Ok(()) => config,
        Err(message) => Config::command()
            .error(ErrorKind::ValueValidation, message)
            .exit(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{AuthMode, Dataset, Fault};

    /// The flags of a command line (no quoting: words are split at whitespace).
    fn run(line: &str) -> Result<Config, String> {
        let all = std::iter::once("demo-api").chain(line.split_whitespace());
        let config = Config::try_parse_from(all).map_err(|error| error.to_string())?;
        config.scenario.validate()?;
        Ok(config)
    }

    #[test]
    fn no_flags_gives_the_defaults() -> Result<(), String> {
        let config = run("")?;
        assert_eq!(config.host, "127.0.0.1");
        assert_eq!(config.port, 8080);
        assert_eq!(config.dist, PathBuf::from("dist"));
        assert_eq!(config.scenario, Scenario::default());
        Ok(())
    }

    #[test]
    fn every_flag_is_read() -> Result<(), String> {
        let line = "--host 0.0.0.0 --port 0 --dist /tmp/app --dataset generated --count 50000 \
            --delay-ms 250 --fault status --fault-status 429 --fault-message slow-down \
            --retry-after-seconds 30 --test-delay-ms 0 --test-fault-status 429 \
            --test-fault-count 3 --auth cookie \
            --agents-forbidden --agents-delay-ms 1500 \
            --cors-origin http://localhost:3000";
        let config = run(line)?;
        assert_eq!(config.host, "0.0.0.0");
        assert_eq!(config.port, 0);
        assert_eq!(config.dist, PathBuf::from("/tmp/app"));
        let expected = Scenario {
            dataset: Dataset::Generated,
            count: 50_000,
            delay_ms: 250,
            fault: Fault::Status,
            fault_status: 429,
            fault_message: Some("slow-down".to_owned()),
            retry_after_seconds: 30,
            test_delay_ms: 0,
            test_fault_status: Some(429),
            test_fault_count: 3,
            auth: AuthMode::Cookie,
            agents_forbidden: true,
            agents_delay_ms: 1500,
            cors_origins: vec!["http://localhost:3000".to_owned()],
            console_config: None,
            console_config_raw: None,
        };
        assert_eq!(config.scenario, expected);
        Ok(())
    }

    #[test]
    fn accepts_name_equals_value() -> Result<(), String> {
        let config = run("--port=9000 --fault=wrong-shape --fault-message=a=b")?;
        assert_eq!(config.port, 9000);
        assert_eq!(config.scenario.fault, Fault::WrongShape);
        assert_eq!(config.scenario.fault_message.as_deref(), Some("a=b"));
        Ok(())
    }

    #[test]
    fn auth_modes_and_repeated_cors_origins() -> Result<(), String> {
        assert_eq!(run("")?.scenario.auth, AuthMode::ApiKey);
        assert!(run("")?.scenario.cors_origins.is_empty());
        for (flag, mode) in [
            ("--auth=api-key", AuthMode::ApiKey),
            ("--auth=cookie", AuthMode::Cookie),
            ("--auth=none", AuthMode::None),
        ] {
            assert_eq!(run(flag)?.scenario.auth, mode, "{flag}");
        }
        let config = run("--cors-origin http://localhost:3000 \
            --cors-origin=https://console.example.com --auth none --auth cookie")?;
        assert_eq!(
            config.scenario.cors_origins,
            ["http://localhost:3000", "https://console.example.com"]
        );
        assert_eq!(config.scenario.auth, AuthMode::Cookie, "the last one wins");
        Ok(())
    }

    #[test]
    fn help_names_every_option_its_values_and_the_demo_keys() {
        let help = Config::command().render_long_help().to_string();
        for argument in Config::command().get_arguments() {
            let option = format!("--{}", argument.get_long().unwrap_or_default());
            assert!(help.contains(&option), "{option}");
        }
        for value in [
            "[default: 8080]",
            "[default: api-key]",
            "wrong-shape",
            "generated",
            "[default: one per status]",
            crate::auth::DEMO_SANDBOX_KEY,
            crate::auth::DEMO_PRODUCTION_KEY,
            crate::auth::NO_SCOPE_KEY,
        ] {
            assert!(help.contains(value), "{value}\n{help}");
        }
    }

    #[test]
    fn help_wins() {
        for line in ["--port 1 --help", "-h"] {
            let all = std::iter::once("demo-api").chain(line.split_whitespace());
            let kind = Config::try_parse_from(all).map_err(|error| error.kind());
            assert_eq!(kind.err(), Some(ErrorKind::DisplayHelp), "{line}");
        }
    }

    #[test]
    fn bad_flags_are_errors() {
        for line in [
            "--port",
            "--port 70000",
            "--port -1",
            "--count many",
            "--dataset huge",
            "--fault explode",
            "--fault-status 99",
            "--verbose 1",
            "--verbose",
            "stray",
            "--host=",
            "--auth",
            "--auth bearer",
            "--auth API-KEY",
            "--cors-origin",
            "--cors-origin localhost:3000",
            "--cors-origin http://localhost:3000/",
            "--cors-origin *",
            "--test-delay-ms -5",
            "--test-delay-ms 3600001",
            "--retry-after-seconds 1.5",
            "--retry-after-seconds 86401",
        ] {
            assert!(run(line).is_err(), "{line}");
        }
    }
}
