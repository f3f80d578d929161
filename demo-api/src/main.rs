//! Demo MCP connections API and static host for MCP Console: serves the built web
//! app and a fake API whose answers (data set, delay, faults, authentication, CORS,
//! the console's config) can be switched at run time, so every state of the UI can
//! be shown and tested.

mod api;
mod auth;
mod cli;
mod console_config;
mod control;
mod cors;
mod data;
mod faults;
mod header_rules;
mod routes;
mod scenario;
mod state;
mod static_files;
mod time;

use std::io::Write;
use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;

use cli::Config;
use scenario::{AuthMode, Scenario};
use state::AppState;

fn main() -> ExitCode {
    let config = cli::config();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("demo-api: cannot start the async runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(config)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("demo-api: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn run(config: Config) -> std::io::Result<()> {
    // A malformed `_headers` stops the server before it listens: exit code 1.
    let site = Arc::new(static_files::Site::new(config.dist));
    let headers_note = site.check_headers().await.map_err(std::io::Error::other)?;
    let listener = tokio::net::TcpListener::bind((config.host.as_str(), config.port))
        .await
        .map_err(|e| {
            std::io::Error::new(
                e.kind(),
                format!("cannot bind {}:{}: {e}", config.host, config.port),
            )
        })?;
    let address = listener.local_addr()?;
    announce(address, &headers_note, &config.scenario)?;
    let state = Arc::new(AppState::new(config.scenario, time::now_millis()));
    // No graceful shutdown: it would wait for requests held by the `hang` fault.
    axum::serve(listener, routes::app(state, site)).await
}

/// Prints the line tests wait for (with the real port), then how to authenticate,
/// the header file's state and the control endpoints.
fn announce(address: SocketAddr, headers_note: &str, scenario: &Scenario) -> std::io::Result<()> {
    let base = format!("http://{address}");
    let mut out = std::io::stdout().lock();
    writeln!(out, "MCP Console demo API listening on {base}")?;
    out.flush()?;
    write!(out, "{}", auth_lines(&base, scenario))?;
    writeln!(out, "  {headers_note}")?;
    // The defaults themselves, so the example can never go stale.
    let defaults = serde_json::to_string(&Scenario::default()).unwrap_or_default();
    writeln!(
        out,
        "  Switch what the API answers (fields optional, missing = default):\n\
         \x20   curl -X PUT {base}/_demo/scenario -H 'Content-Type: application/json' \\\n\
         \x20        -d '{defaults}'\n\
         \x20   dataset: demo | empty | hostile | generated;  fault: none | status | html | malformed | wrong-shape | hang\n\
         \x20   auth: api-key | cookie | none;  corsOrigins: [\"http://localhost:3000\", ...] may call /api\n\
         \x20   consoleConfig: any JSON served as /config.json (null: DIST/config.json or 404);  consoleConfigRaw: text served as it is, wins\n\
         \x20 GET {base}/_demo/scenario   current scenario\n\
         \x20 POST {base}/_demo/reset     back to the command line's scenario, counts to zero\n\
         \x20 GET {base}/_demo/requests   API requests received: {{\"list\":N,\"detail\":N,\"test\":N,\"lastAuthorization\":...,\"lastOrigin\":...}}\n\
         \x20 PUT {base}/_demo/connections/ID   {{\"status\":\"error\"}}: set one record's status (and last check to now)\n\
         \x20 GET {base}/_demo/login, GET {base}/_demo/logout   sign in / out for auth \"cookie\""
    )?;
    out.flush()
}

/// The auth mode (with the key to use) and the allowed cross-origin callers.
fn auth_lines(base: &str, scenario: &Scenario) -> String {
    let how = match scenario.auth {
        AuthMode::ApiKey => "Authorization: Bearer <key>".to_owned(),
        AuthMode::Cookie => {
            format!("sign in at {base}/_demo/login, out at {base}/_demo/logout")
        }
        AuthMode::None => "every /api request is accepted".to_owned(),
    };
    let mut lines = format!("  API authentication: {} ({how})\n", scenario.auth.name());
    if scenario.auth == AuthMode::ApiKey {
        lines.push_str(&format!("  Demo API key: {}\n", auth::DEMO_SANDBOX_KEY));
    }
    if !scenario.cors_origins.is_empty() {
        lines.push_str(&format!(
            "  CORS: pages of {} may call /api\n",
            scenario.cors_origins.join(", ")
        ));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auth_lines_name_the_mode_and_the_key() {
        let base = "http://127.0.0.1:8080";
        assert_eq!(
            auth_lines(base, &Scenario::default()),
            "  API authentication: api-key (Authorization: Bearer <key>)\n\
             \x20 Demo API key: sf_test_v1_demo7Kq2mX9vL4pR8sT1wY6z\n"
        );
        let cookie = Scenario {
            auth: AuthMode::Cookie,
            cors_origins: vec![
                "http://localhost:3000".to_owned(),
                "https://a.example".to_owned(),
            ],
            ..Scenario::default()
        };
        assert_eq!(
            auth_lines(base, &cookie),
            "  API authentication: cookie (sign in at http://127.0.0.1:8080/_demo/login, \
             out at http://127.0.0.1:8080/_demo/logout)\n\
             \x20 CORS: pages of http://localhost:3000, https://a.example may call /api\n"
        );
        let none = Scenario {
            auth: AuthMode::None,
            ..Scenario::default()
        };
        assert!(!auth_lines(base, &none).contains("Demo API key"));
    }
}
