//! Demo MCP connections API and static host for MCP Console: serves the built web
//! app and a fake API whose answers (data set, delay, faults) can be switched at
//! run time, so every state of the UI can be shown and tested.

mod api;
mod cli;
mod content_coding;
mod control;
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

use cli::{Command, Config};
use state::AppState;

fn main() -> ExitCode {
    let config = match cli::parse(std::env::args().skip(1)) {
        Ok(Command::Run(config)) => config,
        Ok(Command::Help) => {
            // Help goes to stdout and is not an error; a closed pipe is not worth a panic.
            let _ = std::io::stdout().write_all(cli::USAGE.as_bytes());
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("demo-api: {message}\nTry 'demo-api --help'.");
            return ExitCode::from(2);
        }
    };
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
    announce(address, &headers_note)?;
    let state = Arc::new(AppState::new(config.scenario, time::now_millis()));
    // No graceful shutdown: it would wait for requests held by the `hang` fault.
    axum::serve(listener, routes::app(state, site)).await
}

/// Prints the line tests wait for (with the real port), then the header file's
/// state and the control endpoints.
fn announce(address: SocketAddr, headers_note: &str) -> std::io::Result<()> {
    let base = format!("http://{address}");
    let mut out = std::io::stdout().lock();
    writeln!(out, "MCP Console demo API listening on {base}")?;
    out.flush()?;
    writeln!(out, "  {headers_note}")?;
    writeln!(
        out,
        "  Switch what the API answers (fields optional, missing = default):\n\
         \x20   curl -X PUT {base}/_demo/scenario -H 'Content-Type: application/json' \\\n\
         \x20        -d '{{\"dataset\":\"demo\",\"count\":1000,\"delayMs\":0,\"fault\":\"none\",\"faultStatus\":500,\"faultMessage\":null}}'\n\
         \x20   dataset: demo | empty | hostile | generated;  fault: none | status | html | malformed | wrong-shape | hang\n\
         \x20 GET {base}/_demo/scenario   current scenario\n\
         \x20 POST {base}/_demo/reset     back to the command line's scenario, counts to zero\n\
         \x20 GET {base}/_demo/requests   API requests received: {{\"list\":N,\"detail\":N,\"test\":N}}"
    )?;
    out.flush()
}
