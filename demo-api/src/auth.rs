//! Who may call `/api`: an API key in `Authorization: Bearer …` (as the hosted API
//! wants), the session cookie of `/_demo/login` (a deployment behind the platform's
//! login), or anyone, as the scenario says.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::api::json_error;
use crate::scenario::AuthMode;
use crate::state::AppState;

/// The demo tenant's sandbox key: printed at start-up for whoever runs the demo.
pub const DEMO_SANDBOX_KEY: &str = "sf_test_v1_demo7Kq2mX9vL4pR8sT1wY6z";
/// The demo tenant's production key: accepted too, to show a `sf_live_` key works.
pub const DEMO_PRODUCTION_KEY: &str = "sf_live_v1_demo3Hn8cV5bQ1xJ7fD2gW4k";
/// A real key without the `mcp_connections:read` scope: 403, not 401.
pub const NO_SCOPE_KEY: &str = "sf_test_v1_noscope5Tz1Lk8Pq3Wm6Rx9Yb";

/// The session cookie of the `cookie` mode, and the one value it accepts.
pub const SESSION_COOKIE: &str = "mcp_console_session";
pub const SESSION_VALUE: &str = "demo";

pub const MISSING_KEY: &str = "Missing API key: send it as Authorization: Bearer <key>";
pub const INVALID_KEY: &str = "Invalid API key";
pub const MISSING_SCOPE: &str = "This API key lacks the mcp_connections:read scope";
pub const NOT_SIGNED_IN: &str = "Not signed in";

/// Why a request is refused: 401 or 403 and the `{"error": …}` message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Denied {
    pub status: StatusCode,
    pub message: &'static str,
}

/// Whether a request with these headers may call the API.
pub fn check(mode: AuthMode, headers: &HeaderMap) -> Result<(), Denied> {
    match mode {
        AuthMode::None => Ok(()),
        AuthMode::ApiKey => check_key(headers),
        AuthMode::Cookie if has_session(headers) => Ok(()),
        AuthMode::Cookie => Err(unauthorized(NOT_SIGNED_IN)),
    }
}

fn check_key(headers: &HeaderMap) -> Result<(), Denied> {
    let Some(value) = headers.get(header::AUTHORIZATION) else {
        return Err(unauthorized(MISSING_KEY));
    };
    match value.to_str().ok().and_then(bearer_token) {
        Some(DEMO_SANDBOX_KEY | DEMO_PRODUCTION_KEY) => Ok(()),
        Some(NO_SCOPE_KEY) => Err(Denied {
            status: StatusCode::FORBIDDEN,
            message: MISSING_SCOPE,
        }),
        // Another scheme (`Basic …`) or another key: present but not a valid key.
        _ => Err(unauthorized(INVALID_KEY)),
    }
}

/// The token of `Bearer <token>`; the scheme is case-insensitive (RFC 9110).
fn bearer_token(value: &str) -> Option<&str> {
    let (scheme, token) = value.trim().split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim())
        .filter(|token| !token.is_empty())
}

fn unauthorized(message: &'static str) -> Denied {
    Denied {
        status: StatusCode::UNAUTHORIZED,
        message,
    }
}

/// Whether any `Cookie` header holds the session cookie with its value.
fn has_session(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .any(|list| cookie_value(list, SESSION_COOKIE) == Some(SESSION_VALUE))
}

/// The value of cookie `name` in a `Cookie` header (`a=1; b=2`); the first one
/// when it appears twice, as most servers read it.
pub fn cookie_value<'a>(list: &'a str, name: &str) -> Option<&'a str> {
    list.split(';')
        .filter_map(|pair| pair.split_once('='))
        .find(|(key, _)| key.trim() == name)
        .map(|(_, value)| value.trim())
}

/// Refuses `/api` requests the scenario's auth mode does not accept. Runs inside
/// the fault layer: a fault answers first, as a proxy in front of the API would.
pub async fn require(State(state): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    let mode = state.scenario().auth;
    match check(mode, request.headers()) {
        Ok(()) => next.run(request).await,
        Err(denied) => {
            let mut response = json_error(denied.status, denied.message);
            // RFC 6750 asks for the challenge on a 401; browsers show no prompt for it.
            if mode == AuthMode::ApiKey && denied.status == StatusCode::UNAUTHORIZED {
                response
                    .headers_mut()
                    .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
            }
            response
        }
    }
}

/// `GET /_demo/login`: signs the browser in for the `cookie` mode.
pub async fn login() -> Response {
    session_redirect("mcp_console_session=demo; Path=/; HttpOnly; SameSite=Lax")
}

/// `GET /_demo/logout`: signs it out again.
pub async fn logout() -> Response {
    session_redirect("mcp_console_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0")
}

/// 303 so that the browser follows with a GET of the app.
fn session_redirect(cookie: &'static str) -> Response {
    (
        StatusCode::SEE_OTHER,
        [
            (header::SET_COOKIE, cookie),
            (header::LOCATION, "/"),
            (header::CACHE_CONTROL, "no-store"),
        ],
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(list: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in list {
            map.append(*name, HeaderValue::from_static(value));
        }
        map
    }

    #[test]
    fn decisions_by_mode_and_headers() {
        let ok = Ok(());
        let missing = Err(unauthorized(MISSING_KEY));
        let invalid = Err(unauthorized(INVALID_KEY));
        let forbidden = Err(Denied {
            status: StatusCode::FORBIDDEN,
            message: MISSING_SCOPE,
        });
        let signed_out = Err(unauthorized(NOT_SIGNED_IN));
        let sandbox = (
            "authorization",
            "Bearer sf_test_v1_demo7Kq2mX9vL4pR8sT1wY6z",
        );
        let production = (
            "authorization",
            "Bearer sf_live_v1_demo3Hn8cV5bQ1xJ7fD2gW4k",
        );
        let no_scope = (
            "authorization",
            "Bearer sf_test_v1_noscope5Tz1Lk8Pq3Wm6Rx9Yb",
        );
        let session = ("cookie", "mcp_console_session=demo");
        for (mode, request, expected) in [
            (AuthMode::ApiKey, &[][..], missing),
            (AuthMode::ApiKey, &[sandbox], ok),
            (AuthMode::ApiKey, &[production], ok),
            (
                AuthMode::ApiKey,
                &[(
                    "authorization",
                    "bearer  sf_test_v1_demo7Kq2mX9vL4pR8sT1wY6z ",
                )],
                ok,
            ),
            (AuthMode::ApiKey, &[no_scope], forbidden),
            (
                AuthMode::ApiKey,
                &[("authorization", "Bearer sf_test_v1_other")],
                invalid,
            ),
            (AuthMode::ApiKey, &[("authorization", "Bearer")], invalid),
            (AuthMode::ApiKey, &[("authorization", "Bearer ")], invalid),
            (AuthMode::ApiKey, &[("authorization", "")], invalid),
            (
                AuthMode::ApiKey,
                &[("authorization", "sf_test_v1_demo7Kq2mX9vL4pR8sT1wY6z")],
                invalid,
            ),
            (
                AuthMode::ApiKey,
                &[("authorization", "Basic c2ZfdGVzdDp4")],
                invalid,
            ),
            // A session is no key.
            (AuthMode::ApiKey, &[session], missing),
            (AuthMode::Cookie, &[], signed_out),
            (AuthMode::Cookie, &[session], ok),
            (AuthMode::Cookie, &[sandbox], signed_out),
            (
                AuthMode::Cookie,
                &[("cookie", "mcp_console_session=other")],
                signed_out,
            ),
            (AuthMode::Cookie, &[("cookie", "theme=dark"), session], ok),
            (AuthMode::None, &[], ok),
            (AuthMode::None, &[("authorization", "Bearer nonsense")], ok),
        ] {
            assert_eq!(
                check(mode, &headers(request)),
                expected,
                "{mode:?} {request:?}"
            );
        }
    }

    #[test]
    fn cookie_header_parsing() {
        for (list, expected) in [
            ("mcp_console_session=demo", Some("demo")),
            (
                "theme=dark; mcp_console_session=demo; lang=de",
                Some("demo"),
            ),
            ("theme=dark;mcp_console_session=demo", Some("demo")),
            ("  mcp_console_session = demo ;", Some("demo")),
            ("mcp_console_session=", Some("")),
            ("mcp_console_session=a=b", Some("a=b")),
            (
                "mcp_console_session=first; mcp_console_session=demo",
                Some("first"),
            ),
            ("xmcp_console_session=demo", None),
            ("mcp_console_sessionx=demo", None),
            ("mcp_console_session", None),
            ("", None),
        ] {
            assert_eq!(cookie_value(list, SESSION_COOKIE), expected, "{list:?}");
        }
    }

    #[tokio::test]
    async fn login_and_logout_set_and_clear_the_cookie() {
        let login = login().await;
        assert_eq!(login.status(), StatusCode::SEE_OTHER);
        let get = |response: &Response, name| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        assert_eq!(get(&login, header::LOCATION).as_deref(), Some("/"));
        let cookie = get(&login, header::SET_COOKIE).unwrap_or_default();
        assert_eq!(
            cookie,
            "mcp_console_session=demo; Path=/; HttpOnly; SameSite=Lax"
        );
        // What the browser then sends back passes.
        let sent = cookie.split(';').next().unwrap_or_default().to_owned();
        let mut request = HeaderMap::new();
        if let Ok(value) = HeaderValue::from_str(&sent) {
            request.insert(header::COOKIE, value);
        }
        assert_eq!(check(AuthMode::Cookie, &request), Ok(()));

        let logout = logout().await;
        assert_eq!(logout.status(), StatusCode::SEE_OTHER);
        assert_eq!(get(&logout, header::LOCATION).as_deref(), Some("/"));
        let cleared = get(&logout, header::SET_COOKIE).unwrap_or_default();
        assert!(cleared.starts_with("mcp_console_session=;"), "{cleared}");
        assert!(cleared.contains("Max-Age=0"), "{cleared}");
    }
}
