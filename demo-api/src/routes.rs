//! The whole server: the API, the control endpoints and the web app.

use std::sync::Arc;

use axum::Router;
use axum::http::{HeaderMap, Method, Uri};

use crate::state::AppState;
use crate::static_files::Site;
use crate::{api, control, static_files};

/// `_headers` rules and pre-compressed files concern the web app only: `/api` and
/// `/_demo` answer everything below them themselves (their own fallbacks).
pub fn app(state: Arc<AppState>, site: Arc<Site>) -> Router {
    Router::new()
        .nest("/api", api::router(state.clone()))
        .nest("/_demo", control::router())
        .fallback(move |method: Method, uri: Uri, headers: HeaderMap| {
            let site = Arc::clone(&site);
            async move { static_files::serve(&site, &method, &uri, &headers).await }
        })
        .with_state(state)
}

#[cfg(test)]
mod tests {
    use std::io::{Read, Write};
    use std::net::SocketAddr;

    use super::*;
    use crate::scenario::Scenario;

    type TestResult = Result<(), Box<dyn std::error::Error + Send + Sync>>;

    /// One request over a real connection (tokio's io-util is not enabled, so a
    /// blocking std client on the blocking pool): the head lower-cased, and the body.
    async fn request(
        address: SocketAddr,
        method: &str,
        path: &str,
        extra: &str,
    ) -> std::io::Result<(String, Vec<u8>)> {
        let head =
            format!("{method} {path} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n{extra}\r\n");
        tokio::task::spawn_blocking(move || {
            let mut stream = std::net::TcpStream::connect(address)?;
            stream.write_all(head.as_bytes())?;
            let mut raw = Vec::new();
            stream.read_to_end(&mut raw)?;
            let split = raw
                .windows(4)
                .position(|w| w == b"\r\n\r\n")
                .unwrap_or(raw.len());
            let head = String::from_utf8_lossy(&raw[..split]).to_ascii_lowercase();
            let body = raw.get(split + 4..).unwrap_or_default().to_vec();
            Ok((head, body))
        })
        .await?
    }

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
        let site = Arc::new(Site::new(dist.clone()));
        site.check_headers().await?;
        let state = Arc::new(AppState::new(Scenario::default(), 0));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let address = listener.local_addr()?;
        let server = tokio::spawn(async move { axum::serve(listener, app(state, site)).await });

        let (head, body) = request(address, "GET", "/connections/abc", "").await?;
        assert!(head.starts_with("http/1.1 200"), "{head}");
        assert!(
            head.contains("\r\ncontent-security-policy: default-src 'none'\r\n"),
            "{head}"
        );
        assert!(head.contains("\r\ncache-control: no-cache\r\n"), "{head}");
        assert!(
            head.contains("\r\ncontent-type: text/html; charset=utf-8\r\n"),
            "{head}"
        );
        assert_eq!(body, b"<!doctype html>app");

        let accept = "Accept-Encoding: gzip, deflate, br\r\n";
        let (head, body) = request(address, "GET", "/assets/app-1234.js", accept).await?;
        assert!(head.contains("\r\ncontent-encoding: br\r\n"), "{head}");
        assert!(head.contains("\r\nvary: accept-encoding\r\n"), "{head}");
        assert!(head.contains("\r\ncache-control: immutable\r\n"), "{head}");
        assert!(
            head.contains("\r\ncontent-type: text/javascript; charset=utf-8\r\n"),
            "{head}"
        );
        assert_eq!(body, b"br js");

        let (head, body) = request(address, "HEAD", "/assets/app-1234.js", "").await?;
        assert!(!head.contains("content-encoding"), "{head}");
        assert!(head.contains("\r\ncontent-length: 8\r\n"), "{head}");
        assert!(body.is_empty());

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
}
