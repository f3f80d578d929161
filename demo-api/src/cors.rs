//! CORS for a console served from another origin, through tower-http's
//! `CorsLayer`: only the scenario's listed origins get `Access-Control-Allow-Origin`
//! (and `-Credentials`, for the cookie mode), so the browser blocks every other
//! origin's page, as it would in production.

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::http::request::Parts;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware;
use axum::response::Response;
use tower_http::cors::{AllowCredentials, AllowOrigin, CorsLayer};

use crate::state::AppState;

/// `router` behind CORS, outermost: a preflight never meets what `router` does (the
/// delay, a fault, the auth check, the request counts); every other answer, errors
/// included, gets the headers, so the page can read why it failed.
pub fn wrap(router: Router<Arc<AppState>>, state: Arc<AppState>) -> Router<Arc<AppState>> {
    let listed = move |origin: &HeaderValue, _: &Parts| {
        // Exact comparison: browsers send the origin in one canonical form.
        let origins = state.scenario().cors_origins;
        origins.iter().any(|o| o.as_bytes() == origin.as_bytes())
    };
    let cors = CorsLayer::new()
        .allow_origin(AllowOrigin::predicate(listed.clone()))
        .allow_credentials(AllowCredentials::predicate(listed))
        .allow_methods([Method::GET, Method::POST])
        .allow_headers([header::AUTHORIZATION, header::CONTENT_TYPE, header::ACCEPT])
        // The console waits as long as a 429 says; the browser hides it unless exposed.
        .expose_headers([header::RETRY_AFTER])
        // Ten minutes (Chromium's cap is two hours): a changed scenario applies soon.
        .max_age(Duration::from_secs(600))
        .vary([header::ORIGIN]);
    router
        .layer(cors)
        .layer(middleware::map_response(preflight_no_content))
}

/// `CorsLayer` answers every `OPTIONS` itself, with 200 (browsers take any 2xx); the
/// API that the README describes answers a preflight with 204, and so does the demo.
async fn preflight_no_content(method: Method, mut response: Response) -> Response {
    if method == Method::OPTIONS {
        *response.status_mut() = StatusCode::NO_CONTENT;
    }
    response
}

#[cfg(test)]
mod tests {
    use axum::body::Body;
    use axum::http::request::Builder;
    use axum::routing::get;
    use tower::ServiceExt;

    use super::*;
    use crate::scenario::Scenario;

    const CONSOLE: &str = "http://localhost:3000";
    const OTHER: &str = "https://console.example.com";

    /// An API that answers "api" with a `Vary` of its own, behind CORS.
    fn api(origins: &[&str]) -> Router {
        let scenario = Scenario {
            cors_origins: origins.iter().map(|o| (*o).to_owned()).collect(),
            ..Scenario::default()
        };
        let state = Arc::new(AppState::new(scenario, 0));
        let answer = || async { ([(header::VARY, "Accept-Encoding")], "api") };
        let api = Router::new().route("/", get(answer).post(answer));
        wrap(api, Arc::clone(&state)).with_state(state)
    }

    #[tokio::test]
    async fn only_listed_origins_may_read() -> Result<(), Box<dyn std::error::Error>> {
        for listed in [&[CONSOLE, OTHER][..], &[]] {
            for (method, origin, allowed) in [
                ("GET", Some(CONSOLE), true),
                ("POST", Some(OTHER), true),
                ("GET", Some("http://evil.example"), false),
                // Near misses are other origins.
                ("GET", Some("http://localhost:3000/"), false),
                ("GET", Some("http://localhost:30000"), false),
                ("GET", Some("https://localhost:3000"), false),
                ("GET", None, false),
                ("OPTIONS", Some(CONSOLE), true),
                ("OPTIONS", Some("http://evil.example"), false),
            ] {
                let case = format!("{listed:?} {method} {origin:?}");
                let mut request = Builder::new().method(method).uri("/");
                if let Some(origin) = origin {
                    request = request.header("origin", origin);
                }
                if method == "OPTIONS" {
                    request = request.header("access-control-request-method", "GET");
                }
                let response = api(listed).oneshot(request.body(Body::empty())?).await?;
                let (status, headers) = (response.status(), response.headers().clone());
                let get = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
                let allowed = allowed && !listed.is_empty();
                let origin = allowed.then_some(origin).flatten();
                assert_eq!(get("access-control-allow-origin"), origin, "{case}");
                let credentials = allowed.then_some("true");
                assert_eq!(get("access-control-allow-credentials"), credentials);
                let body = axum::body::to_bytes(response.into_body(), usize::MAX).await?;
                if method == "OPTIONS" {
                    assert_eq!(status, StatusCode::NO_CONTENT, "{case}");
                    assert_eq!(get("access-control-max-age"), Some("600"), "{case}");
                    assert!(body.is_empty(), "{case}");
                } else {
                    assert_eq!(status, StatusCode::OK, "{case}");
                    assert_eq!(get("access-control-expose-headers"), Some("retry-after"));
                    // Another origin's request gets another answer: caches keep them
                    // apart.
                    let vary: Vec<_> = headers.get_all(header::VARY).iter().collect();
                    assert_eq!(vary, ["Accept-Encoding", "origin"], "{case}");
                    assert_eq!(&body[..], b"api", "{case}");
                }
            }
        }
        Ok(())
    }
}
