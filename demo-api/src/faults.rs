//! The scenario's delay and fault, applied in front of every `/api` request.

use std::sync::Arc;
use std::time::Duration;

use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::api::{json_bytes, json_error};
use crate::scenario::{Fault, Scenario};
use crate::state::{AppState, Endpoint};

/// "Never" for a browser or a test; the server still frees the task eventually.
const HANG_TIME: Duration = Duration::from_secs(3600);

pub async fn apply(State(state): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    // Counted on arrival, so a request that meets a fault, a refusal or a hang
    // still counts.
    if let Some(endpoint) = endpoint_of(request.method(), request.uri().path()) {
        state.count(endpoint);
    }
    state.note_headers(request.headers());
    let scenario = state.scenario();
    if scenario.delay_ms > 0 {
        tokio::time::sleep(Duration::from_millis(scenario.delay_ms)).await;
    }
    let mut response = match scenario.fault {
        Fault::None => next.run(request).await,
        Fault::Status => status_fault(&scenario),
        Fault::Html => html_fault(scenario.fault_status),
        Fault::Malformed => json_bytes(StatusCode::OK, truncated(&state.list_json())),
        Fault::WrongShape => {
            let mut body = b"{\"items\":".to_vec();
            body.extend_from_slice(&state.list_json());
            body.extend_from_slice(format!(",\"total\":{}}}", state.list_len()).as_bytes());
            json_bytes(StatusCode::OK, body)
        }
        Fault::Redirect => (
            StatusCode::TEMPORARY_REDIRECT,
            [(header::LOCATION, crate::control::REDIRECT_TARGET)],
        )
            .into_response(),
        Fault::Hang => {
            tokio::time::sleep(HANG_TIME).await;
            json_error(StatusCode::GATEWAY_TIMEOUT, "Gateway timeout")
        }
    };
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// Which endpoint a path is, with or without the `/api` prefix (nesting strips it).
fn endpoint_of(method: &Method, path: &str) -> Option<Endpoint> {
    let path = path.strip_prefix("/api").unwrap_or(path);
    let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    match (method, segments.as_slice()) {
        (&Method::GET, ["mcp-connections"]) => Some(Endpoint::List),
        (&Method::GET, ["mcp-connections", _]) => Some(Endpoint::Detail),
        (&Method::POST, ["mcp-connections", _, "test"]) => Some(Endpoint::Test),
        (&Method::GET, ["agent-definitions"]) => Some(Endpoint::Agents),
        _ => None,
    }
}

fn status_code(code: u16) -> StatusCode {
    StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

fn status_fault(scenario: &Scenario) -> Response {
    status_response(scenario.fault_status, scenario)
}

/// A health check's answer when the scenario's test fault applies (after auth, so
/// that only checks meet it and a wrong key is still a 401).
pub fn test_fault(state: &AppState) -> Option<Response> {
    let status = state.take_test_fault()?;
    Some(status_response(status, &state.scenario()))
}

/// `code` with the scenario's message (or one per status) and, for 429 and 503,
/// its `Retry-After`.
fn status_response(code: u16, scenario: &Scenario) -> Response {
    let status = status_code(code);
    let seconds = scenario.retry_after_seconds;
    let message = match (&scenario.fault_message, status) {
        (Some(message), _) => message.clone(),
        (None, StatusCode::TOO_MANY_REQUESTS) => {
            format!("Too many requests, retry after {seconds} seconds")
        }
        (None, _) => default_message(status).to_owned(),
    };
    let mut response = json_error(status, &message);
    // Both statuses may say when to come back (RFC 9110 §10.2.3).
    if matches!(
        status,
        StatusCode::TOO_MANY_REQUESTS | StatusCode::SERVICE_UNAVAILABLE
    ) {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    }
    response
}

/// What the platform would plausibly say for each status (429 says its wait).
fn default_message(status: StatusCode) -> &'static str {
    match status.as_u16() {
        400 => "Bad request",
        401 => "Missing or invalid API key",
        403 => "This API key does not have the mcp_connections:read scope",
        404 => "Not found",
        408 => "Request timed out",
        429 => "Too many requests",
        500 => "Internal server error",
        502 => "Bad gateway",
        503 => "Service temporarily unavailable",
        504 => "Gateway timeout",
        _ => status.canonical_reason().unwrap_or("Request failed"),
    }
}

/// An error page as nginx or a CDN sends it; the script and heading are there to
/// show whether the UI ever renders such a body.
fn html_fault(code: u16) -> Response {
    let status = status_code(code);
    let title = format!(
        "{} {}",
        status.as_u16(),
        status.canonical_reason().unwrap_or("Error")
    );
    let page = format!(
        "<!DOCTYPE html>\n<html>\n<head>\n<title>{title}</title>\n\
         <script>document.title = 'INJECTED'; alert('HTML error page was rendered');</script>\n\
         <style>body {{ font-family: sans-serif; text-align: center; }}</style>\n</head>\n\
         <body>\n<h1>{title}</h1>\n\
         <p>The upstream server is temporarily unable to service your request.</p>\n\
         <p>Ray ID: 8a1f3c2b9e7d4f60 &bull; edge: FRA</p>\n\
         <hr><center>nginx/1.25.4</center>\n</body>\n</html>\n"
    );
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        page,
    )
        .into_response()
}

/// The first part of a JSON array, cut so that it can never parse.
fn truncated(list_json: &[u8]) -> Vec<u8> {
    const FALLBACK: &[u8] =
        br#"[{"id":"3f6c1a2e-5b7d-4c8e-9f01-23456789abcd","name":"Order Manage"#;
    if list_json.len() < 16 {
        return FALLBACK.to_vec();
    }
    let mut end = (list_json.len() / 2).min(64 * 1024);
    // Cut on a character boundary: the fault is bad JSON, not bad UTF-8.
    while end > 1 && std::str::from_utf8(&list_json[..end]).is_err() {
        end -= 1;
    }
    list_json[..end].to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_endpoints() {
        assert_eq!(
            endpoint_of(&Method::GET, "/mcp-connections"),
            Some(Endpoint::List)
        );
        assert_eq!(
            endpoint_of(&Method::GET, "/api/mcp-connections"),
            Some(Endpoint::List)
        );
        assert_eq!(
            endpoint_of(&Method::GET, "/api/mcp-connections/abc"),
            Some(Endpoint::Detail)
        );
        assert_eq!(
            endpoint_of(&Method::POST, "/mcp-connections/abc/test"),
            Some(Endpoint::Test)
        );
        assert_eq!(endpoint_of(&Method::GET, "/mcp-connections/abc/test"), None);
        assert_eq!(endpoint_of(&Method::GET, "/other"), None);
    }

    #[test]
    fn truncated_json_never_parses() {
        let list = serde_json::to_vec(&crate::data::records(
            crate::scenario::Dataset::Hostile,
            0,
            0,
        ))
        .unwrap_or_default();
        for input in [&list[..], b"[]", b"[1,2,3,4,5,6,7,8,9,10]"] {
            let cut = truncated(input);
            assert!(serde_json::from_slice::<serde_json::Value>(&cut).is_err());
            assert!(std::str::from_utf8(&cut).is_ok());
            assert!(cut.starts_with(b"["));
        }
    }

    fn header(response: &Response, name: header::HeaderName) -> Option<&str> {
        response.headers().get(name).and_then(|v| v.to_str().ok())
    }

    #[tokio::test]
    async fn retry_after_follows_the_scenario() {
        for (status, seconds, retry_after) in [
            (429, 5, Some("5")),
            (429, 30, Some("30")),
            (503, 0, Some("0")),
            (500, 30, None),
            (502, 30, None),
        ] {
            let response = status_fault(&Scenario {
                fault: Fault::Status,
                fault_status: status,
                retry_after_seconds: seconds,
                ..Scenario::default()
            });
            assert_eq!(response.status().as_u16(), status);
            assert_eq!(
                header(&response, header::RETRY_AFTER),
                retry_after,
                "{status}"
            );
            if status == 429 {
                let body = axum::body::to_bytes(response.into_body(), 1024)
                    .await
                    .unwrap_or_default();
                let expected =
                    format!(r#"{{"error":"Too many requests, retry after {seconds} seconds"}}"#);
                assert_eq!(String::from_utf8_lossy(&body), expected);
            }
        }
        let custom = status_fault(&Scenario {
            fault_status: 429,
            fault_message: Some("slow down".to_owned()),
            ..Scenario::default()
        });
        assert_eq!(header(&custom, header::RETRY_AFTER), Some("5"));
    }

    #[test]
    fn every_listed_status_has_a_message() {
        for code in [400, 401, 403, 404, 408, 429, 500, 502, 503, 504, 418, 599] {
            assert!(!default_message(status_code(code)).is_empty());
        }
    }
}
