//! `/_demo/*`: switch the scenario at run time and read request counts. No auth:
//! the server binds to loopback by default and exists for local demos and tests.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};

use crate::api::json_error;
use crate::scenario::Scenario;
use crate::state::AppState;

pub fn router() -> Router<Arc<AppState>> {
    Router::new()
        .route("/scenario", get(get_scenario).put(put_scenario))
        .route("/reset", post(reset))
        .route("/requests", get(requests))
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

async fn requests(State(state): State<Arc<AppState>>) -> Response {
    Json(state.counts()).into_response()
}

async fn not_found() -> Response {
    json_error(
        StatusCode::NOT_FOUND,
        "Not found: see GET /_demo/scenario, PUT /_demo/scenario, POST /_demo/reset, GET /_demo/requests",
    )
}

async fn method_not_allowed() -> Response {
    json_error(StatusCode::METHOD_NOT_ALLOWED, "Method not allowed")
}
