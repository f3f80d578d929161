//! CORS for a console served from another origin: only the scenario's listed
//! origins get the headers that let their pages read `/api` answers (with cookies).
//! Everything else gets none, so the browser blocks it, as it would in production.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::state::AppState;

const ALLOW_METHODS: &str = "GET, POST";
const ALLOW_HEADERS: &str = "Authorization, Content-Type, Accept";
/// Ten minutes (Chromium's cap is two hours): a changed scenario applies soon.
const MAX_AGE: &str = "600";

/// What to do with one `/api` request.
#[derive(Debug, PartialEq, Eq)]
pub enum Decision {
    /// A preflight: answer 204 at once, with the headers only for a listed origin.
    Preflight { allowed: Option<HeaderValue> },
    /// Any other request: pass it on, and add the headers for a listed origin.
    Pass { allowed: Option<HeaderValue> },
}

/// Decides by method, `Origin` and `Access-Control-Request-Method`.
pub fn decide(origins: &[String], method: &Method, headers: &HeaderMap) -> Decision {
    // Exact comparison: browsers send the origin in one canonical form.
    let allowed = headers
        .get(header::ORIGIN)
        .filter(|origin| origins.iter().any(|o| o.as_bytes() == origin.as_bytes()))
        .cloned();
    if method == Method::OPTIONS && headers.contains_key(header::ACCESS_CONTROL_REQUEST_METHOD) {
        Decision::Preflight { allowed }
    } else {
        Decision::Pass { allowed }
    }
}

/// The outermost `/api` layer: a preflight never meets the delay, a fault, the
/// auth check or the request counts; every other answer, errors included, gets
/// the headers, so the page can read why it failed.
pub async fn apply(State(state): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    let origins = state.scenario().cors_origins;
    match decide(&origins, request.method(), request.headers()) {
        Decision::Preflight { allowed } => {
            let mut response = StatusCode::NO_CONTENT.into_response();
            if let Some(origin) = allowed {
                let headers = response.headers_mut();
                add_headers(headers, origin);
                for (name, value) in [
                    (header::ACCESS_CONTROL_ALLOW_METHODS, ALLOW_METHODS),
                    (header::ACCESS_CONTROL_ALLOW_HEADERS, ALLOW_HEADERS),
                    (header::ACCESS_CONTROL_MAX_AGE, MAX_AGE),
                ] {
                    headers.insert(name, HeaderValue::from_static(value));
                }
            }
            response
        }
        Decision::Pass { allowed } => {
            let mut response = next.run(request).await;
            if let Some(origin) = allowed {
                add_headers(response.headers_mut(), origin);
            }
            response
        }
    }
}

/// The headers of every answer to a listed origin.
fn add_headers(headers: &mut HeaderMap, origin: HeaderValue) {
    headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_CREDENTIALS,
        HeaderValue::from_static("true"),
    );
    // The console waits as long as a 429 says; the browser hides it unless exposed.
    headers.insert(
        header::ACCESS_CONTROL_EXPOSE_HEADERS,
        HeaderValue::from_static("Retry-After"),
    );
    // Another origin's request gets another answer: caches must keep them apart.
    headers.append(header::VARY, HeaderValue::from_static("Origin"));
}

#[cfg(test)]
mod tests {
    use super::*;

    const CONSOLE: &str = "http://localhost:3000";

    fn request(list: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in list {
            map.append(*name, HeaderValue::from_static(value));
        }
        map
    }

    #[test]
    fn decisions() {
        let origins = vec![CONSOLE.to_owned(), "https://console.example.com".to_owned()];
        let listed = Some(HeaderValue::from_static(CONSOLE));
        let preflight = [
            ("origin", CONSOLE),
            ("access-control-request-method", "GET"),
        ];
        for (method, headers, expected) in [
            (
                Method::GET,
                &[("origin", CONSOLE)][..],
                Decision::Pass {
                    allowed: listed.clone(),
                },
            ),
            (
                Method::POST,
                &[("origin", "https://console.example.com")],
                Decision::Pass {
                    allowed: Some(HeaderValue::from_static("https://console.example.com")),
                },
            ),
            (
                Method::GET,
                &[("origin", "http://evil.example")],
                Decision::Pass { allowed: None },
            ),
            // Near misses are other origins.
            (
                Method::GET,
                &[("origin", "http://localhost:3000/")],
                Decision::Pass { allowed: None },
            ),
            (
                Method::GET,
                &[("origin", "http://localhost:30000")],
                Decision::Pass { allowed: None },
            ),
            (
                Method::GET,
                &[("origin", "https://localhost:3000")],
                Decision::Pass { allowed: None },
            ),
            (Method::GET, &[], Decision::Pass { allowed: None }),
            (
                Method::OPTIONS,
                &preflight,
                Decision::Preflight {
                    allowed: listed.clone(),
                },
            ),
            (
                Method::OPTIONS,
                &[
                    ("origin", "http://evil.example"),
                    ("access-control-request-method", "GET"),
                ],
                Decision::Preflight { allowed: None },
            ),
            // OPTIONS without the request method is no preflight: the API answers it.
            (
                Method::OPTIONS,
                &[("origin", CONSOLE)],
                Decision::Pass { allowed: listed },
            ),
        ] {
            assert_eq!(
                decide(&origins, &method, &request(headers)),
                expected,
                "{method} {headers:?}"
            );
        }
        // Nothing listed: no origin is allowed.
        assert_eq!(
            decide(&[], &Method::OPTIONS, &request(&preflight)),
            Decision::Preflight { allowed: None }
        );
    }

    #[test]
    fn headers_for_a_listed_origin_keep_an_existing_vary() {
        let mut headers = HeaderMap::new();
        headers.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
        add_headers(&mut headers, HeaderValue::from_static(CONSOLE));
        assert_eq!(
            headers.get(header::ACCESS_CONTROL_ALLOW_ORIGIN),
            Some(&HeaderValue::from_static(CONSOLE))
        );
        assert_eq!(
            headers.get(header::ACCESS_CONTROL_ALLOW_CREDENTIALS),
            Some(&HeaderValue::from_static("true"))
        );
        assert_eq!(
            headers.get(header::ACCESS_CONTROL_EXPOSE_HEADERS),
            Some(&HeaderValue::from_static("Retry-After"))
        );
        let vary: Vec<_> = headers.get_all(header::VARY).iter().collect();
        assert_eq!(vary, ["Accept-Encoding", "Origin"]);
    }
}
