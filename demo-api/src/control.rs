//! `/_demo/*`: switch the scenario at run time, change a record, read what the API
//! received, and sign in or out for the `cookie` auth mode. No auth: the server
//! binds to loopback by default and exists for local demos and tests.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use serde::Deserialize;

use crate::api::json_error;
use crate::auth;
use crate::scenario::Scenario;
use crate::state::{AppState, Endpoint};
use crate::time::now_millis;

/// Where the `redirect` fault points.
pub const REDIRECT_TARGET: &str = "/_demo/redirected";

pub fn router() -> Router<Arc<AppState>> {
    Router::new()
        .route("/redirected", get(redirected).post(redirected))
        .route("/scenario", get(get_scenario).put(put_scenario))
        .route("/reset", post(reset))
        .route("/requests", get(requests))
        .route("/connections/{id}", put(put_connection))
        .route("/login", get(auth::login))
        .route("/logout", get(auth::logout))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
}

async fn get_scenario(State(state): State<Arc<AppState>>) -> Json<Scenario> {
    Json(state.scenario())
}

// The body is read as bytes so that a bad one gets the `{"error": …}` shape
// rather than axum's plain-text rejection.
async fn put_scenario(State(state): State<Arc<AppState>>, body: Bytes) -> Response {
    match Scenario::from_json(&body) {
        Ok(scenario) => {
            state.set_scenario(scenario.clone());
            Json(scenario).into_response()
        }
        Err(message) => json_error(StatusCode::BAD_REQUEST, &message),
    }
}

async fn reset(State(state): State<Arc<AppState>>) -> Json<Scenario> {
    state.reset();
    Json(state.scenario())
}

/// The `redirect` fault's target: counts the requests that followed the redirect
/// and answers as the API would, so that following it would look like success.
async fn redirected(State(state): State<Arc<AppState>>) -> Response {
    state.count(Endpoint::Redirected);
    crate::api::json_bytes(StatusCode::OK, state.list_json())
}

async fn requests(State(state): State<Arc<AppState>>) -> Response {
    Json(state.request_log()).into_response()
}

/// `PUT /_demo/connections/{id}`: what may be changed in a record, one field or both.
#[derive(Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
struct RecordChange {
    /// Any text: the console must show unknown statuses too.
    #[serde(default)]
    status: Option<String>,
    /// Text or null (`Some(None)`); absent is `None`.
    #[serde(default, deserialize_with = "present")]
    instructions: Option<Option<String>>,
}

/// A field that is there, null included, as `Some`.
fn present<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    T::deserialize(deserializer).map(Some)
}

impl RecordChange {
    fn from_json(body: &[u8]) -> Result<Self, String> {
        let problem = |e: &dyn std::fmt::Display| {
            format!(
                "expected {{\"status\": \"<text>\"}} and/or {{\"instructions\": \"<text>\" or null}}: {e}"
            )
        };
        let value: serde_json::Value = serde_json::from_slice(body).map_err(|e| problem(&e))?;
        // Serde would also take a struct from an array; only an object is meant.
        if !value.is_object() {
            return Err(problem(&"not a JSON object"));
        }
        let change: Self = serde_json::from_value(value).map_err(|e| problem(&e))?;
        if change.status.is_none() && change.instructions.is_none() {
            return Err(problem(&"nothing to change"));
        }
        Ok(change)
    }
}

/// Sets a record's status (and its last check to now) and/or its instructions
/// (and its `updatedAt`), e.g. between two loads.
async fn put_connection(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let change = match RecordChange::from_json(&body) {
        Ok(change) => change,
        Err(message) => return json_error(StatusCode::BAD_REQUEST, &message),
    };
    let now = now_millis();
    let mut record = None;
    if let Some(status) = &change.status {
        record = state.set_status(&id, status, now);
    }
    if let Some(instructions) = change.instructions {
        record = state.set_instructions(&id, instructions, now);
    }
    match record {
        Some(record) => Json(record).into_response(),
        None => json_error(StatusCode::NOT_FOUND, "MCP connection not found"),
    }
}

async fn not_found() -> Response {
    json_error(
        StatusCode::NOT_FOUND,
        "Not found: see GET /_demo/scenario, PUT /_demo/scenario, POST /_demo/reset, \
         GET /_demo/requests, PUT /_demo/connections/{id}, GET /_demo/login, GET /_demo/logout",
    )
}

async fn method_not_allowed() -> Response {
    json_error(StatusCode::METHOD_NOT_ALLOWED, "Method not allowed")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_changes() {
        assert_eq!(
            RecordChange::from_json(br#"{"status":"error"}"#),
            Ok(RecordChange {
                status: Some("error".to_owned()),
                instructions: None,
            })
        );
        assert_eq!(
            RecordChange::from_json(br#"{"status":"paused \u2014 by admin"}"#).map(|c| c.status),
            Ok(Some("paused \u{2014} by admin".to_owned()))
        );
        assert_eq!(
            RecordChange::from_json(br#"{"instructions":null}"#).map(|c| c.instructions),
            Ok(Some(None))
        );
        assert_eq!(
            RecordChange::from_json(br#"{"instructions":"New\r\nrules"}"#).map(|c| c.instructions),
            Ok(Some(Some("New\r\nrules".to_owned())))
        );
        for body in [
            &b""[..],
            b"error",
            b"[]",
            b"[\"error\"]",
            b"{}",
            b"{\"status\":null}",
            b"{\"instructions\":1}",
            b"{\"status\":1}",
            b"{\"status\":\"error\",\"name\":\"x\"}",
        ] {
            assert!(
                RecordChange::from_json(body).is_err(),
                "{}",
                String::from_utf8_lossy(body)
            );
        }
    }
}
