//! The whole server: the API, the control endpoints and the web app.

use std::sync::Arc;

use axum::Router;

use crate::state::AppState;
use crate::static_files::Site;
use crate::{api, control, static_files};

/// `_headers` rules and pre-compressed files concern the web app (and its
/// `/config.json`) only: `/api` and `/_demo` answer everything below them
/// themselves (their own fallbacks).
pub fn app(state: Arc<AppState>, site: Arc<Site>) -> Router {
    Router::new()
        .nest("/api", api::router(state.clone()))
        .nest("/_demo", control::router())
        .fallback_service(static_files::router(site, state.clone()))
        .with_state(state)
}

#[cfg(test)]
mod tests {
    use std::net::SocketAddr;

    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    use super::*;
    use crate::auth::{DEMO_SANDBOX_KEY, NO_SCOPE_KEY};
    use crate::scenario::{AuthMode, Fault, Scenario};

    type TestResult = Result<(), Box<dyn std::error::Error + Send + Sync>>;

    type Server = tokio::task::JoinHandle<std::io::Result<()>>;

    /// The whole app on a free port, serving `dist` under its `_headers`.
    async fn serve(
        dist: &std::path::Path,
        state: Arc<AppState>,
    ) -> Result<(SocketAddr, Server), Box<dyn std::error::Error + Send + Sync>> {
        let site = Arc::new(Site::new(dist.to_path_buf()));
        site.check_headers().await?;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let address = listener.local_addr()?;
        let server = tokio::spawn(async move { axum::serve(listener, app(state, site)).await });
        Ok((address, server))
    }

    async fn request(
        address: SocketAddr,
        method: &str,
        path: &str,
        extra: &str,
    ) -> std::io::Result<(String, Vec<u8>)> {
        let head =
            format!("{method} {path} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n{extra}\r\n");
        exchange(address, head).await
    }

    /// A request with a JSON body.
    async fn send_json(
        address: SocketAddr,
        method: &str,
        path: &str,
        body: &str,
    ) -> std::io::Result<(String, Vec<u8>)> {
        let raw = format!(
            "{method} {path} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\
             Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        );
        exchange(address, raw).await
    }

    /// One request over a real connection: the head lower-cased, and the body.
    async fn exchange(address: SocketAddr, raw: String) -> std::io::Result<(String, Vec<u8>)> {
        let mut stream = tokio::net::TcpStream::connect(address).await?;
        stream.write_all(raw.as_bytes()).await?;
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).await?;
        let split = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .unwrap_or(raw.len());
        let head = String::from_utf8_lossy(&raw[..split]).to_ascii_lowercase();
        let body = raw.get(split + 4..).unwrap_or_default().to_vec();
        Ok((head, body))
    }

    /// `_headers` is the web app's (whose own tests are in `static_files`): `/api`
    /// and `/_demo`, their fallbacks included, get none of it.
    #[tokio::test]
    async fn headers_apply_to_the_web_app_only() -> TestResult {
        let dist = std::env::temp_dir().join(format!("demo-api-routes-{}", std::process::id()));
        tokio::fs::create_dir_all(dist.join("assets")).await?;
        tokio::fs::write(dist.join("index.html"), "<!doctype html>app").await?;
        tokio::fs::write(dist.join("assets/app-1234.js"), "plain js").await?;
        tokio::fs::write(dist.join("assets/app-1234.js.br"), "br js").await?;
        tokio::fs::write(
            dist.join("_headers"),
            "/*\n  Content-Security-Policy: default-src 'none'\n\
             /index.html\n  Cache-Control: no-cache\n\
             /assets/*\n  Cache-Control: immutable\n",
        )
        .await?;
        let (address, server) =
            serve(&dist, Arc::new(AppState::new(Scenario::default(), 0))).await?;

        let (head, body) = request(address, "GET", "/connections/a%2Fb?q=%2F", "").await?;
        assert!(head.starts_with("http/1.1 200"), "{head}");
        let csp = "\r\ncontent-security-policy: default-src 'none'\r\n";
        assert!(head.contains(csp), "{head}");
        assert!(head.contains("\r\ncache-control: no-cache\r\n"), "{head}");
        assert_eq!(body, b"<!doctype html>app");

        let accept = "Accept-Encoding: gzip, deflate, br\r\n";
        let (head, body) = request(address, "GET", "/assets/app-1234.js", accept).await?;
        assert!(head.contains("\r\ncontent-encoding: br\r\n"), "{head}");
        assert!(head.contains("\r\ncache-control: immutable\r\n"), "{head}");
        assert_eq!(body, b"br js");

        for path in [
            "/api/mcp-connections",
            "/api/nothing",
            "/_demo/scenario",
            "/_demo/x",
        ] {
            let (head, _) = request(address, "GET", path, accept).await?;
            assert!(!head.contains("content-security-policy"), "{path}: {head}");
            // (The API sets its own Cache-Control: no-store.)
            assert!(!head.contains("immutable"), "{path}: {head}");
            assert!(!head.contains("no-cache"), "{path}: {head}");
        }

        server.abort();
        tokio::fs::remove_dir_all(&dist).await?;
        Ok(())
    }

    fn json(body: &[u8]) -> serde_json::Value {
        serde_json::from_slice(body).unwrap_or_default()
    }

    #[tokio::test]
    async fn auth_cors_and_control_through_the_router() -> TestResult {
        const CONSOLE: &str = "http://localhost:3000";
        const OMS: &str = "3f6c1a2e-5b7d-4c8e-9f01-23456789abcd";
        let dist = std::env::temp_dir().join(format!("demo-api-auth-{}", std::process::id()));
        tokio::fs::create_dir_all(&dist).await?;
        let scenario = Scenario {
            cors_origins: vec![CONSOLE.to_owned()],
            test_delay_ms: 0,
            ..Scenario::default()
        };
        let state = Arc::new(AppState::new(scenario.clone(), 0));
        let (address, server) = serve(&dist, Arc::clone(&state)).await?;
        let list = "/api/mcp-connections";
        let key = |key: &str| format!("Authorization: Bearer {key}\r\n");
        let origin = format!("Origin: {CONSOLE}\r\n");

        // The default mode wants a key.
        let (head, body) = request(address, "GET", list, "").await?;
        assert!(head.starts_with("http/1.1 401"), "{head}");
        assert!(head.contains("\r\nwww-authenticate: bearer\r\n"), "{head}");
        assert!(!head.contains("access-control-allow-origin"), "{head}");
        assert_eq!(
            json(&body),
            serde_json::json!({"error": "Missing API key: send it as Authorization: Bearer <key>"})
        );
        let (head, body) = request(address, "GET", list, &key(DEMO_SANDBOX_KEY)).await?;
        assert!(head.starts_with("http/1.1 200"), "{head}");
        assert!(json(&body).as_array().is_some_and(|list| !list.is_empty()));
        let (head, body) = request(address, "GET", list, &key(NO_SCOPE_KEY)).await?;
        assert!(head.starts_with("http/1.1 403"), "{head}");
        assert_eq!(
            json(&body),
            serde_json::json!({"error": "This API key lacks the mcp_connections:read scope"})
        );
        let (head, body) = request(address, "GET", list, &key("sf_test_v1_wrong")).await?;
        assert!(head.starts_with("http/1.1 401"), "{head}");
        assert_eq!(json(&body), serde_json::json!({"error": "Invalid API key"}));
        let counted = state.request_log().counts;
        assert_eq!(counted.list, 4, "refused requests count too");

        // A preflight from the listed origin: 204 at once, never counted or refused.
        let preflight = format!(
            "{origin}Access-Control-Request-Method: GET\r\n\
             Access-Control-Request-Headers: authorization\r\n"
        );
        let (head, body) = request(address, "OPTIONS", list, &preflight).await?;
        assert!(head.starts_with("http/1.1 204"), "{head}");
        for line in [
            "access-control-allow-origin: http://localhost:3000",
            "access-control-allow-credentials: true",
            "access-control-allow-methods: get,post",
            "access-control-allow-headers: authorization,content-type,accept",
            "access-control-max-age: 600",
            "vary: origin",
        ] {
            assert!(head.contains(&format!("\r\n{line}\r\n")), "{line}: {head}");
        }
        assert!(body.is_empty());
        assert_eq!(state.request_log().counts, counted);
        let other = "Origin: http://evil.example\r\nAccess-Control-Request-Method: GET\r\n";
        let (head, _) = request(address, "OPTIONS", list, other).await?;
        assert!(head.starts_with("http/1.1 204"), "{head}");
        // No Allow-Origin (nor -Credentials): the browser stops there.
        assert!(!head.contains("access-control-allow-origin"), "{head}");
        assert!(!head.contains("access-control-allow-credentials"), "{head}");

        // A refusal to the listed origin is readable by its page; others get nothing.
        let (head, _) = request(address, "GET", list, &origin).await?;
        assert!(head.starts_with("http/1.1 401"), "{head}");
        for line in [
            "access-control-allow-origin: http://localhost:3000",
            "access-control-allow-credentials: true",
            "access-control-expose-headers: retry-after",
            "vary: origin",
        ] {
            assert!(head.contains(&format!("\r\n{line}\r\n")), "{line}: {head}");
        }
        let (head, _) = request(
            address,
            "GET",
            list,
            &format!("Origin: http://evil.example\r\n{}", key(DEMO_SANDBOX_KEY)),
        )
        .await?;
        assert!(head.starts_with("http/1.1 200"), "{head}");
        assert!(!head.contains("access-control-allow-origin"), "{head}");
        let log = serde_json::to_value(state.request_log())?;
        assert_eq!(log["lastOrigin"], "http://evil.example");
        assert_eq!(
            log["lastAuthorization"],
            format!("Bearer {DEMO_SANDBOX_KEY}")
        );

        // A fault answers before the auth check, with the CORS headers.
        state.set_scenario(Scenario {
            fault: Fault::Status,
            fault_status: 429,
            retry_after_seconds: 7,
            ..scenario.clone()
        });
        let (head, _) = request(address, "GET", list, &origin).await?;
        assert!(head.starts_with("http/1.1 429"), "{head}");
        assert!(head.contains("\r\nretry-after: 7\r\n"), "{head}");
        assert!(
            head.contains("\r\naccess-control-allow-origin: http://localhost:3000\r\n"),
            "{head}"
        );

        // The cookie mode, signed in through /_demo/login.
        state.set_scenario(Scenario {
            auth: AuthMode::Cookie,
            ..scenario.clone()
        });
        let (head, body) = request(address, "GET", list, &key(DEMO_SANDBOX_KEY)).await?;
        assert!(head.starts_with("http/1.1 401"), "{head}");
        assert_eq!(json(&body), serde_json::json!({"error": "Not signed in"}));
        let (head, _) = request(address, "GET", "/_demo/login", "").await?;
        assert!(head.starts_with("http/1.1 303"), "{head}");
        assert!(head.contains("\r\nlocation: /\r\n"), "{head}");
        assert!(
            head.contains(
                "\r\nset-cookie: mcp_console_session=demo; path=/; httponly; samesite=lax\r\n"
            ),
            "{head}"
        );
        let cookie = "Cookie: theme=dark; mcp_console_session=demo\r\n";
        let (head, _) = request(address, "GET", list, cookie).await?;
        assert!(head.starts_with("http/1.1 200"), "{head}");

        // A status set between two loads, kept over a scenario change.
        state.set_scenario(Scenario {
            auth: AuthMode::None,
            ..scenario.clone()
        });
        let path = format!("/_demo/connections/{OMS}");
        let (head, body) = send_json(address, "PUT", &path, r#"{"status":"error"}"#).await?;
        assert!(head.starts_with("http/1.1 200"), "{head}");
        assert_eq!(json(&body)["status"], "error");
        let (head, _) = send_json(
            address,
            "PUT",
            "/_demo/connections/nope",
            r#"{"status":"error"}"#,
        )
        .await?;
        assert!(head.starts_with("http/1.1 404"), "{head}");
        let (head, _) = send_json(address, "PUT", &path, r#"{"state":"error"}"#).await?;
        assert!(head.starts_with("http/1.1 400"), "{head}");
        state.set_scenario(Scenario {
            auth: AuthMode::None,
            delay_ms: 1,
            ..scenario.clone()
        });
        let (_, body) = request(address, "GET", &format!("/api/mcp-connections/{OMS}"), "").await?;
        assert_eq!(json(&body)["status"], "error");
        let (head, body) = request(
            address,
            "POST",
            &format!("/api/mcp-connections/{OMS}/test"),
            "Content-Length: 0\r\n",
        )
        .await?;
        assert!(head.starts_with("http/1.1 200"), "{head}");
        assert_eq!(json(&body)["status"], "error");

        server.abort();
        tokio::fs::remove_dir_all(&dist).await?;
        Ok(())
    }
}
