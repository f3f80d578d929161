//! The endpoints of the MCP connections API contract: the three of the connections
//! and the agents that use them.

use std::sync::Arc;
use std::time::Duration;

use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::middleware;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

use crate::state::AppState;
use crate::time::now_millis;
use crate::{auth, cors, faults};

/// The routes below `/api`. Outermost first: CORS (preflights end there), the
/// scenario's delay and fault, then the auth check, for every path below `/api`.
pub fn router(state: Arc<AppState>) -> Router<Arc<AppState>> {
    let api = Router::new()
        .route("/mcp-connections", get(list))
        .route("/mcp-connections/{id}", get(detail))
        .route("/mcp-connections/{id}/test", post(test))
        .route("/agent-definitions", get(agents))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(middleware::from_fn_with_state(state.clone(), auth::require))
        .layer(middleware::from_fn_with_state(state.clone(), faults::apply));
    cors::wrap(api, state)
}

/// The contract's error shape: `{"error": "…"}`.
pub fn json_error(status: StatusCode, message: &str) -> Response {
    (status, Json(serde_json::json!({ "error": message }))).into_response()
}

/// A JSON body that is already serialized.
pub fn json_bytes(status: StatusCode, body: impl Into<axum::body::Body>) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        body.into(),
    )
        .into_response()
}

async fn list(State(state): State<Arc<AppState>>) -> Response {
    json_bytes(StatusCode::OK, state.serve_list())
}

/// The scenario's extra wait, then the agents, or 403 when the scenario says the
/// key lacks their scope.
async fn agents(State(state): State<Arc<AppState>>) -> Response {
    let scenario = state.scenario();
    tokio::time::sleep(Duration::from_millis(scenario.agents_delay_ms)).await;
    if scenario.agents_forbidden {
        return json_error(
            StatusCode::FORBIDDEN,
            "This API key lacks the agents:read scope",
        );
    }
    json_bytes(StatusCode::OK, state.agents_json())
}

async fn detail(State(state): State<Arc<AppState>>, Path(id): Path<String>) -> Response {
    match state.record(&id) {
        Some(record) => Json(record).into_response(),
        None => connection_not_found(),
    }
}

async fn test(State(state): State<Arc<AppState>>, Path(id): Path<String>) -> Response {
    // An unknown id fails at once, as a real API would before starting a check.
    if state.record(&id).is_none() {
        return connection_not_found();
    }
    if let Some(fault) = faults::test_fault(&state) {
        return fault;
    }
    // The scenario's check time, so the UI shows its "testing" state.
    let check_time = Duration::from_millis(state.scenario().test_delay_ms);
    tokio::time::sleep(check_time).await;
    match state.check_health(&id, now_millis()) {
        Some(result) => Json(result).into_response(),
        // The data set was switched during the check.
        None => connection_not_found(),
    }
}

fn connection_not_found() -> Response {
    json_error(StatusCode::NOT_FOUND, "MCP connection not found")
}

async fn not_found() -> Response {
    json_error(StatusCode::NOT_FOUND, "Not found")
}

async fn method_not_allowed() -> Response {
    json_error(StatusCode::METHOD_NOT_ALLOWED, "Method not allowed")
}
