//! The built web app: files from the dist directory, and `index.html` for every
//! other path so that the app's own router handles deep links (SPA fallback).
//! Pre-compressed `NAME.br` / `NAME.gz` files are sent to clients that accept them,
//! and the headers of `DIST/_headers` are added as a static host would.
//! `/config.json` is the console's configuration: the scenario's override or the
//! file, never the page. `/connections/{id}` is always the page, whatever the id.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};

use crate::console_config::{self, ConsoleConfig};
use crate::content_coding::{Coding, negotiate};
use crate::header_rules::{HeaderFile, Loaded};

/// The header file's name in the dist directory; not served as a file.
const HEADERS_FILE: &str = "_headers";

/// The path whose `_headers` rules also apply when `index.html` answers another
/// path (for headers that the path's own rules do not set), so the page is never
/// cached as if it were an asset.
const INDEX_PATH: &str = "/index.html";

/// The console's page for one connection: this prefix and the id percent-encoded as
/// one path segment.
const CONNECTION_ROUTE: &str = "/connections/";

/// Where the build puts its content-hashed files (Trunk's `data-target-path`).
const ASSETS_DIR: &str = "assets";

/// The dist directory and its header file.
#[derive(Debug)]
pub struct Site {
    dist: PathBuf,
    headers: HeaderFile,
}

impl Site {
    pub fn new(dist: PathBuf) -> Self {
        let headers = HeaderFile::new(dist.join(HEADERS_FILE));
        Self { dist, headers }
    }

    /// At start-up: a line for the console about the header file, or why the server
    /// must not start (a malformed file, naming the line).
    pub async fn check_headers(&self) -> Result<String, String> {
        let path = self.headers.path().display();
        match &*self.headers.current().await {
            Loaded::Absent => Ok(format!(
                "No {path}: the web app gets no extra HTTP headers (it is read when it appears)."
            )),
            Loaded::Rules(rules) => Ok(format!(
                "HTTP headers for the web app from {path}: {} rules (read again when it changes).",
                rules.rule_count()
            )),
            Loaded::Broken(message) => Err(format!("{message}\nFix or remove that file.")),
        }
    }
}

/// Serves `uri` from the site; the fallback of the whole server. `config` says
/// where `/config.json` comes from.
pub async fn serve(
    site: &Site,
    method: &Method,
    uri: &Uri,
    request: &HeaderMap,
    config: &ConsoleConfig,
) -> Response {
    let loaded = site.headers.current().await;
    let rules = match &*loaded {
        Loaded::Absent => None,
        Loaded::Rules(rules) => Some(rules),
        Loaded::Broken(message) => {
            return text(
                StatusCode::INTERNAL_SERVER_ERROR,
                format!(
                    "{message}\nFix or remove that file; it is read again on the next request.\n"
                ),
            );
        }
    };
    let accept = accept_encoding(request);
    let (mut response, spa_fallback) =
        respond(&site.dist, method, uri, accept.as_deref(), config).await;
    if let Some(rules) = rules {
        let path = rule_path(uri.path());
        let headers = if spa_fallback {
            rules.headers_for_fallback(&path, INDEX_PATH)
        } else {
            rules.headers_for(&[path.as_str()])
        };
        apply(response.headers_mut(), headers);
    }
    response
}

/// Whether `url_path` (as sent) is a connection's page: `/connections/` and one
/// non-empty segment. The segment is not decoded: an id with `/`, `..`, `:`, `\`
/// or NUL in it arrives as `%2F`, `%2E%2E`, `%3A`, `%5C` or `%00`, names no file and
/// is still the page.
fn is_connection_route(url_path: &str) -> bool {
    url_path
        .strip_prefix(CONNECTION_ROUTE)
        .is_some_and(|segment| !segment.is_empty() && !segment.contains('/'))
}

/// The response, and whether it is `index.html` answering another path.
async fn respond(
    dist: &Path,
    method: &Method,
    uri: &Uri,
    accept: Option<&str>,
    config: &ConsoleConfig,
) -> (Response, bool) {
    if method != Method::GET && method != Method::HEAD {
        let message = "Method not allowed\n".to_owned();
        return (text(StatusCode::METHOD_NOT_ALLOWED, message), false);
    }
    // Checked before the path is decoded: an id is never read as a file path.
    if is_connection_route(uri.path()) {
        return index_response(dist, accept, false).await;
    }
    let Some(relative) = resolve(uri.path()) else {
        return (
            text(StatusCode::BAD_REQUEST, "Bad path\n".to_owned()),
            false,
        );
    };
    if relative == Path::new(console_config::FILE_NAME) {
        return (config_response(dist, config, accept).await, false);
    }
    let directory_index = relative.as_os_str().is_empty();
    if !directory_index
        && relative != Path::new(HEADERS_FILE)
        && let Some(response) = file_response(&dist.join(&relative), accept).await
    {
        return (response, false);
    }
    // Hashed assets are never a page: a missing one is a 404, not index.html cached
    // for a year under the asset's rules.
    if relative.starts_with(ASSETS_DIR) && relative != Path::new(ASSETS_DIR) {
        return (text(StatusCode::NOT_FOUND, "Not found\n".to_owned()), false);
    }
    index_response(dist, accept, directory_index).await
}

/// `index.html`, and whether it answers another path than its own: `directory_index`
/// for `/`, the page's own address like on a static host (only its rules apply).
async fn index_response(
    dist: &Path,
    accept: Option<&str>,
    directory_index: bool,
) -> (Response, bool) {
    match file_response(&dist.join("index.html"), accept).await {
        Some(mut response) => {
            // The page names the hashed bundles: it must be fetched fresh (unless
            // `_headers` says otherwise).
            response
                .headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
            (response, !directory_index)
        }
        None => (
            text(
                StatusCode::SERVICE_UNAVAILABLE,
                format!(
                    "The web app is not built: {} has no index.html.\n\
                     Build it first (for example `trunk build` in the repository root), \
                     or pass --dist DIR. The API is served under /api/ all the same.\n",
                    dist.display()
                ),
            ),
            false,
        ),
    }
}

/// `/config.json`: the override, else the file, else 404; never the page, which
/// the console would take for a broken config.
async fn config_response(dist: &Path, config: &ConsoleConfig, accept: Option<&str>) -> Response {
    let mut response = match config.body() {
        Some(body) => (
            StatusCode::OK,
            [
                (header::CONTENT_TYPE, "application/json"),
                (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            ],
            body,
        )
            .into_response(),
        None => match file_response(&dist.join(console_config::FILE_NAME), accept).await {
            Some(response) => response,
            None => text(StatusCode::NOT_FOUND, "Not found\n".to_owned()),
        },
    };
    // It changes per deployment without a new build: always revalidate (unless
    // `_headers` says otherwise).
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

/// The file's contents with its type, or `None` when it is not a readable file. The
/// contents are those of `FILE.br` or `FILE.gz` when that exists and the client
/// accepts it.
async fn file_response(path: &Path, accept: Option<&str>) -> Option<Response> {
    if !is_file(path).await {
        return None;
    }
    let mut available = Vec::new();
    for coding in Coding::ALL {
        if is_file(&with_suffix(path, coding.suffix())).await {
            available.push(coding);
        }
    }
    let compressed = match negotiate(accept, &available) {
        Some(coding) => tokio::fs::read(with_suffix(path, coding.suffix()))
            .await
            .ok()
            .map(|body| (body, coding)),
        None => None,
    };
    let (body, coding) = match compressed {
        Some((body, coding)) => (body, Some(coding)),
        None => (tokio::fs::read(path).await.ok()?, None),
    };
    let mut response = (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, content_type(path)),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        body,
    )
        .into_response();
    let headers = response.headers_mut();
    if let Some(coding) = coding {
        headers.insert(
            header::CONTENT_ENCODING,
            HeaderValue::from_static(coding.token()),
        );
    }
    if !available.is_empty() {
        headers.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    }
    Some(response)
}

async fn is_file(path: &Path) -> bool {
    tokio::fs::metadata(path)
        .await
        .is_ok_and(|metadata| metadata.is_file())
}

/// `path` with `suffix` appended to its file name: `app.js` and `.br` give `app.js.br`.
fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = OsString::from(path.as_os_str());
    name.push(suffix);
    PathBuf::from(name)
}

/// Every `Accept-Encoding` header of the request, as one list.
fn accept_encoding(request: &HeaderMap) -> Option<String> {
    let values: Vec<&str> = request
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .collect();
    (!values.is_empty()).then(|| values.join(", "))
}

/// The `_headers` values replace those set here (the file wins). A `Vary` from the
/// file still gets `Accept-Encoding` when the response depends on it.
fn apply(headers: &mut HeaderMap, from_file: Vec<(HeaderName, HeaderValue)>) {
    let varies_by_encoding = headers.contains_key(header::VARY);
    for (name, value) in from_file {
        headers.insert(name, value);
    }
    if !varies_by_encoding {
        return;
    }
    if let Some(vary) = headers.get(header::VARY) {
        let covered = vary.to_str().is_ok_and(|list| {
            list.split(',').map(str::trim).any(|field| {
                field == "*" || field.eq_ignore_ascii_case(header::ACCEPT_ENCODING.as_str())
            })
        });
        if !covered {
            let mut joined = vary.as_bytes().to_vec();
            joined.extend_from_slice(b", Accept-Encoding");
            if let Ok(value) = HeaderValue::from_bytes(&joined) {
                headers.insert(header::VARY, value);
            }
        }
    }
}

/// The path `_headers` patterns are matched on: the request's path, percent-decoded,
/// with empty and `.` segments dropped as when finding the file (so `//index.html`
/// is `/index.html`), a trailing slash kept; as sent when it does not decode.
pub fn rule_path(url_path: &str) -> String {
    let Some(decoded) = percent_decode(url_path) else {
        return url_path.to_owned();
    };
    let segments: Vec<&str> = decoded
        .split('/')
        .filter(|segment| !segment.is_empty() && *segment != ".")
        .collect();
    let mut path = format!("/{}", segments.join("/"));
    if !segments.is_empty() && decoded.ends_with('/') {
        path.push('/');
    }
    path
}

fn text(status: StatusCode, message: String) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        message,
    )
        .into_response()
}

/// The path below the dist directory that a URL path names: percent-decoded, empty
/// and `.` segments dropped. `None` for anything that could leave the directory
/// (`..`, backslashes, NUL) or that does not decode.
pub fn resolve(url_path: &str) -> Option<PathBuf> {
    let decoded = percent_decode(url_path)?;
    let mut relative = PathBuf::new();
    for segment in decoded.split('/') {
        match segment {
            "" | "." => {}
            ".." => return None,
            s if s.contains(['\\', '\0']) || s.contains(':') => return None,
            s => relative.push(s),
        }
    }
    Some(relative)
}

fn percent_decode(input: &str) -> Option<String> {
    let bytes = input.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Content-Type by extension; `application/wasm` matters, browsers refuse to
/// stream-compile wasm served as anything else.
pub fn content_type(path: &Path) -> &'static str {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("html" | "htm") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("webp") => "image/webp",
        Some("ico") => "image/x-icon",
        Some("json" | "map") => "application/json",
        Some("webmanifest") => "application/manifest+json",
        Some("txt") => "text/plain; charset=utf-8",
        Some("woff2") => "font/woff2",
        Some("woff") => "font/woff",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_plain_paths() {
        assert_eq!(resolve("/"), Some(PathBuf::new()));
        assert_eq!(resolve("/index.html"), Some(PathBuf::from("index.html")));
        assert_eq!(
            resolve("/assets/app-1a2b.wasm"),
            Some(PathBuf::from("assets/app-1a2b.wasm"))
        );
        assert_eq!(resolve("//a/./b/"), Some(PathBuf::from("a/b")));
        assert_eq!(
            resolve("/my%20file.txt"),
            Some(PathBuf::from("my file.txt"))
        );
        assert_eq!(
            resolve("/connections/3f6c1a2e"),
            Some(PathBuf::from("connections/3f6c1a2e"))
        );
    }

    #[test]
    fn rejects_traversal() {
        for path in [
            "/..",
            "/../etc/passwd",
            "/assets/../../secret",
            "/%2e%2e/etc/passwd",
            "/%2E%2E%2Fetc%2Fpasswd",
            "/..%2f..%2fetc",
            "/a\\..\\b",
            "/a%5c..%5cb",
            "/c:/windows",
            "/nul%00byte",
            "/bad%zz",
            "/cut%2",
            "/%ff",
        ] {
            assert_eq!(resolve(path), None, "{path}");
        }
    }

    #[test]
    fn dots_inside_names_are_fine() {
        assert_eq!(resolve("/a..b/c.js"), Some(PathBuf::from("a..b/c.js")));
    }

    #[test]
    fn content_types_by_extension() {
        for (name, expected) in [
            ("index.html", "text/html; charset=utf-8"),
            ("app.js", "text/javascript; charset=utf-8"),
            ("app_bg.wasm", "application/wasm"),
            ("style.CSS", "text/css; charset=utf-8"),
            ("logo.svg", "image/svg+xml"),
            ("a.png", "image/png"),
            ("favicon.ico", "image/x-icon"),
            ("data.json", "application/json"),
            ("robots.txt", "text/plain; charset=utf-8"),
            ("archive.tar", "application/octet-stream"),
            ("no-extension", "application/octet-stream"),
        ] {
            assert_eq!(content_type(Path::new(name)), expected, "{name}");
        }
    }

    /// A scratch dist directory, removed by the test.
    fn scratch(name: &str) -> PathBuf {
        std::env::temp_dir().join(format!("demo-api-{name}-{}", std::process::id()))
    }

    fn get_header(response: &Response, name: HeaderName) -> Option<&str> {
        response.headers().get(name).and_then(|v| v.to_str().ok())
    }

    async fn get(site: &Site, path: &'static str, accept: Option<&'static str>) -> Response {
        let mut request = HeaderMap::new();
        if let Some(accept) = accept {
            request.insert(header::ACCEPT_ENCODING, HeaderValue::from_static(accept));
        }
        serve(
            site,
            &Method::GET,
            &Uri::from_static(path),
            &request,
            &ConsoleConfig::File,
        )
        .await
    }

    async fn body(response: Response) -> Vec<u8> {
        axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .map(|bytes| bytes.to_vec())
            .unwrap_or_default()
    }

    #[tokio::test]
    async fn serves_files_and_falls_back_to_index() -> std::io::Result<()> {
        let dist = scratch("dist");
        tokio::fs::create_dir_all(dist.join("assets")).await?;
        tokio::fs::write(dist.join("index.html"), "<!doctype html>app").await?;
        tokio::fs::write(dist.join("assets/app.wasm"), b"\0asm").await?;
        let site = Site::new(dist.clone());
        let get = |path| get(&site, path, None);
        let content_type = |r: &Response| r.headers().get(header::CONTENT_TYPE).cloned();

        let wasm = get("/assets/app.wasm").await;
        assert_eq!(wasm.status(), StatusCode::OK);
        assert_eq!(
            content_type(&wasm),
            Some(HeaderValue::from_static("application/wasm"))
        );
        // Without `_headers`, the defaults of before.
        assert_eq!(
            get_header(&wasm, header::X_CONTENT_TYPE_OPTIONS),
            Some("nosniff")
        );
        assert_eq!(get_header(&wasm, header::CACHE_CONTROL), None);
        assert_eq!(get_header(&wasm, header::VARY), None);
        for path in ["/", "/connections/42", "/assets", "/missing.js"] {
            let page = get(path).await;
            assert_eq!(page.status(), StatusCode::OK, "{path}");
            assert_eq!(
                content_type(&page),
                Some(HeaderValue::from_static("text/html; charset=utf-8"))
            );
            assert_eq!(get_header(&page, header::CACHE_CONTROL), Some("no-cache"));
        }
        assert_eq!(
            get("/assets/gone-1234.js").await.status(),
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            get("/../Cargo.toml").await.status(),
            StatusCode::BAD_REQUEST
        );
        let post = serve(
            &site,
            &Method::POST,
            &Uri::from_static("/"),
            &HeaderMap::new(),
            &ConsoleConfig::File,
        )
        .await;
        assert_eq!(post.status(), StatusCode::METHOD_NOT_ALLOWED);

        tokio::fs::remove_dir_all(&dist).await?;
        let missing = get("/").await;
        assert_eq!(missing.status(), StatusCode::SERVICE_UNAVAILABLE);
        Ok(())
    }

    const HEADERS: &str = "\
/*
  Content-Security-Policy: default-src 'none'
  X-Content-Type-Options: nosniff
  X-Frame-Options: DENY
/
  Cache-Control: no-cache
/index.html
  Cache-Control: no-cache
/assets/*
  Cache-Control: public, max-age=31536000, immutable
/connections/*
  X-Deep: yes
";

    #[tokio::test]
    async fn headers_file_applies_to_files_fallback_and_errors() -> std::io::Result<()> {
        let dist = scratch("headers");
        tokio::fs::create_dir_all(dist.join("assets")).await?;
        tokio::fs::write(dist.join("index.html"), "<!doctype html>app").await?;
        tokio::fs::write(dist.join("assets/app.js"), "js").await?;
        tokio::fs::write(dist.join("_headers"), HEADERS).await?;
        let site = Site::new(dist.clone());
        let get = |path| get(&site, path, None);

        let asset = get("/assets/app.js").await;
        assert_eq!(
            get_header(&asset, header::CACHE_CONTROL),
            Some("public, max-age=31536000, immutable")
        );
        assert_eq!(
            get_header(&asset, header::CONTENT_SECURITY_POLICY),
            Some("default-src 'none'")
        );
        assert_eq!(
            get_header(&asset, header::CONTENT_TYPE),
            Some("text/javascript; charset=utf-8")
        );
        // Set both here and by the file: the file's value, once.
        assert_eq!(
            asset
                .headers()
                .get_all(header::X_CONTENT_TYPE_OPTIONS)
                .iter()
                .count(),
            1
        );

        for path in ["/", "/index.html", "//index.html", "/%69ndex.html"] {
            let page = get(path).await;
            assert_eq!(
                get_header(&page, header::CACHE_CONTROL),
                Some("no-cache"),
                "{path}"
            );
            assert_eq!(
                get_header(&page, header::X_FRAME_OPTIONS),
                Some("DENY"),
                "{path}"
            );
            assert_eq!(
                get_header(&page, HeaderName::from_static("x-deep")),
                None,
                "{path}"
            );
        }
        // The fallback: the rules of the path, and those of /index.html for what
        // they do not set (here Cache-Control).
        let deep = get("/connections/abc?tab=1").await;
        assert_eq!(deep.status(), StatusCode::OK);
        assert_eq!(get_header(&deep, header::CACHE_CONTROL), Some("no-cache"));
        assert_eq!(
            get_header(&deep, HeaderName::from_static("x-deep")),
            Some("yes")
        );
        assert_eq!(
            get_header(&deep, header::CONTENT_TYPE),
            Some("text/html; charset=utf-8")
        );
        // A missing asset is a 404 under the asset rules, never the page.
        let missing = get("/assets/gone.js").await;
        assert_eq!(missing.status(), StatusCode::NOT_FOUND);
        assert_eq!(
            get_header(&missing, header::CACHE_CONTROL),
            Some("public, max-age=31536000, immutable")
        );
        // The header file is not served.
        assert_eq!(body(get("/_headers").await).await, b"<!doctype html>app");

        let bad = get("/../x").await;
        assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
        assert_eq!(get_header(&bad, header::X_FRAME_OPTIONS), Some("DENY"));

        // Broken after start: 500 naming the line, until it is fixed.
        tokio::fs::write(dist.join("_headers"), format!("{HEADERS}  Oops\n")).await?;
        let broken = get("/").await;
        assert_eq!(broken.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let message = String::from_utf8_lossy(&body(broken).await).into_owned();
        assert!(message.contains("_headers: line 13: "), "{message}");
        assert!(site.check_headers().await.is_err());

        tokio::fs::remove_dir_all(&dist).await?;
        assert_eq!(get("/").await.status(), StatusCode::SERVICE_UNAVAILABLE);
        Ok(())
    }

    /// A connection's page under the shipped `_headers`: the same answer as
    /// `/index.html` (the `/*` security headers, `no-cache` once), whatever the id
    /// holds once decoded.
    #[tokio::test]
    async fn connection_pages_are_the_page_under_the_shipped_headers() -> std::io::Result<()> {
        let dist = scratch("connection-pages");
        tokio::fs::create_dir_all(dist.join("assets")).await?;
        tokio::fs::write(dist.join("index.html"), "<!doctype html>app").await?;
        tokio::fs::write(dist.join("config.json"), "{}").await?;
        let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("../deploy/_headers");
        tokio::fs::copy(&shipped, dist.join("_headers")).await?;
        let site = Site::new(dist.clone());
        let get = |path| get(&site, path, None);

        let page = get("/index.html").await;
        let page_headers = page.headers().clone();
        assert_eq!(get_header(&page, header::CACHE_CONTROL), Some("no-cache"));
        for path in [
            "/connections/some-id?x=y",
            "/connections/3f6c1a2e-5b7d-4c8e-9f01-23456789abcd?status=error&q=shop",
            // Ids that decode to a slash, a step up, or what no file name may hold.
            "/connections/a%2Fb",
            "/connections/a%2f..%2F..%2Fconfig.json",
            "/connections/..%2F..%2FCargo.toml",
            "/connections/%2E%2E",
            "/connections/%2E",
            "/connections/..",
            "/connections/urn%3Amcp%3A1",
            "/connections/a%5Cb",
            "/connections/nul%00",
            "/connections/%FF",
            "/connections/cut%2",
            "/connections/%E2%80%AEexe.fdp",
            "/connections/assets%2Fapp.js",
            // More than one segment: no such file, the SPA fallback all the same.
            "/connections/a/b",
            "/connections/",
        ] {
            let response = get(path).await;
            assert_eq!(response.status(), StatusCode::OK, "{path}");
            assert_eq!(response.headers(), &page_headers, "{path}");
            assert_eq!(
                response
                    .headers()
                    .get_all(header::CACHE_CONTROL)
                    .iter()
                    .collect::<Vec<_>>(),
                [HeaderValue::from_static("no-cache")],
                "{path}"
            );
            for (name, expected) in [
                (
                    header::CONTENT_SECURITY_POLICY,
                    "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'",
                ),
                (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
                (header::REFERRER_POLICY, "no-referrer"),
                (HeaderName::from_static("permissions-policy"), "camera=()"),
                (
                    HeaderName::from_static("cross-origin-opener-policy"),
                    "same-origin",
                ),
                (header::X_FRAME_OPTIONS, "DENY"),
                (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            ] {
                let value = get_header(&response, name.clone()).unwrap_or_default();
                assert!(value.contains(expected), "{path}: {name}: {value:?}");
            }
            assert_eq!(body(response).await, b"<!doctype html>app", "{path}");
        }
        // Elsewhere a step up is still refused.
        assert_eq!(
            get("/x/..%2F..%2FCargo.toml").await.status(),
            StatusCode::BAD_REQUEST
        );

        tokio::fs::remove_dir_all(&dist).await?;
        Ok(())
    }

    #[test]
    fn connection_routes() {
        for (path, expected) in [
            ("/connections/3f6c1a2e", true),
            ("/connections/a%2Fb", true),
            ("/connections/..", true),
            ("/connections/", false),
            ("/connections/a/b", false),
            ("/connections", false),
            ("/_demo/connections/x", false),
            ("//connections/x", false),
        ] {
            assert_eq!(is_connection_route(path), expected, "{path}");
        }
    }

    #[tokio::test]
    async fn precompressed_files() -> std::io::Result<()> {
        let dist = scratch("compressed");
        tokio::fs::create_dir_all(dist.join("assets")).await?;
        for (name, contents) in [
            ("index.html", "page"),
            ("index.html.gz", "page-gz"),
            ("assets/app.wasm", "wasm"),
            ("assets/app.wasm.br", "wasm-br"),
            ("assets/app.wasm.gz", "wasm-gz"),
            ("assets/plain.css", "css"),
        ] {
            tokio::fs::write(dist.join(name), contents).await?;
        }
        let site = Site::new(dist.clone());
        let get = |path, accept| get(&site, path, accept);

        for (path, accept, encoding, contents, content_type) in [
            (
                "/assets/app.wasm",
                Some("gzip, deflate, br"),
                Some("br"),
                "wasm-br",
                "application/wasm",
            ),
            (
                "/assets/app.wasm",
                Some("gzip"),
                Some("gzip"),
                "wasm-gz",
                "application/wasm",
            ),
            (
                "/assets/app.wasm",
                Some("br;q=0, gzip"),
                Some("gzip"),
                "wasm-gz",
                "application/wasm",
            ),
            (
                "/assets/app.wasm",
                Some("br;q=0, gzip;q=0"),
                None,
                "wasm",
                "application/wasm",
            ),
            ("/assets/app.wasm", None, None, "wasm", "application/wasm"),
            (
                "/",
                Some("br, gzip"),
                Some("gzip"),
                "page-gz",
                "text/html; charset=utf-8",
            ),
            (
                "/connections/x",
                Some("br, gzip"),
                Some("gzip"),
                "page-gz",
                "text/html; charset=utf-8",
            ),
            (
                "/connections/x",
                Some("br"),
                None,
                "page",
                "text/html; charset=utf-8",
            ),
            (
                "/assets/app.wasm.br",
                Some("br"),
                None,
                "wasm-br",
                "application/octet-stream",
            ),
        ] {
            let response = get(path, accept).await;
            let case = format!("{path} {accept:?}");
            assert_eq!(response.status(), StatusCode::OK, "{case}");
            assert_eq!(
                get_header(&response, header::CONTENT_ENCODING),
                encoding,
                "{case}"
            );
            assert_eq!(
                get_header(&response, header::CONTENT_TYPE),
                Some(content_type),
                "{case}"
            );
            let vary = (!path.ends_with(".br")).then_some("Accept-Encoding");
            assert_eq!(get_header(&response, header::VARY), vary, "{case}");
            assert_eq!(body(response).await, contents.as_bytes(), "{case}");
        }
        let plain = get("/assets/plain.css", Some("br, gzip")).await;
        assert_eq!(get_header(&plain, header::CONTENT_ENCODING), None);
        assert_eq!(get_header(&plain, header::VARY), None);

        // A Vary of the file's own keeps Accept-Encoding.
        tokio::fs::write(dist.join("_headers"), "/*\n  Vary: Origin\n").await?;
        let varied = get("/assets/app.wasm", Some("br")).await;
        assert_eq!(
            get_header(&varied, header::VARY),
            Some("Origin, Accept-Encoding")
        );

        tokio::fs::remove_dir_all(&dist).await?;
        Ok(())
    }

    #[tokio::test]
    async fn config_json_is_the_override_the_file_or_404() -> std::io::Result<()> {
        let dist = scratch("config");
        tokio::fs::create_dir_all(&dist).await?;
        tokio::fs::write(dist.join("index.html"), "<!doctype html>app").await?;
        tokio::fs::write(
            dist.join("_headers"),
            "/*\n  X-Frame-Options: DENY\n/config.json\n  Cache-Control: no-cache, private\n",
        )
        .await?;
        let site = Site::new(dist.clone());
        let get = |config: ConsoleConfig| {
            let site = &site;
            async move {
                let request = HeaderMap::new();
                let uri = Uri::from_static("/config.json");
                serve(site, &Method::GET, &uri, &request, &config).await
            }
        };
        let json = serde_json::json!({"apiBaseUrl": "", "auth": "cookie"});

        // No file and no override: 404, not the page.
        let missing = get(ConsoleConfig::File).await;
        assert_eq!(missing.status(), StatusCode::NOT_FOUND);
        assert_eq!(
            get_header(&missing, header::CONTENT_TYPE),
            Some("text/plain; charset=utf-8")
        );
        assert_eq!(
            get_header(&missing, header::CACHE_CONTROL),
            Some("no-cache, private")
        );
        assert_eq!(body(missing).await, b"Not found\n");

        tokio::fs::write(dist.join("config.json"), r#"{"auth":"api-key"}"#).await?;
        // The raw text wins over JSON (`ConsoleConfig::of`); here each is served.
        for (config, expected) in [
            (ConsoleConfig::File, r#"{"auth":"api-key"}"#.to_owned()),
            (ConsoleConfig::Json(json.clone()), json.to_string()),
            (ConsoleConfig::Raw("{oops".to_owned()), "{oops".to_owned()),
        ] {
            let case = format!("{config:?}");
            let response = get(config).await;
            assert_eq!(response.status(), StatusCode::OK, "{case}");
            assert_eq!(
                get_header(&response, header::CONTENT_TYPE),
                Some("application/json"),
                "{case}"
            );
            assert_eq!(
                get_header(&response, header::CACHE_CONTROL),
                Some("no-cache, private"),
                "{case}"
            );
            assert_eq!(
                get_header(&response, header::X_FRAME_OPTIONS),
                Some("DENY"),
                "{case}"
            );
            assert_eq!(body(response).await, expected.as_bytes(), "{case}");
        }
        // Without `_headers`, the default no-cache.
        tokio::fs::remove_file(dist.join("_headers")).await?;
        let plain = get(ConsoleConfig::Json(json)).await;
        assert_eq!(get_header(&plain, header::CACHE_CONTROL), Some("no-cache"));
        assert_eq!(get_header(&plain, header::X_FRAME_OPTIONS), None);

        tokio::fs::remove_dir_all(&dist).await?;
        Ok(())
    }

    #[test]
    fn rule_paths() {
        for (raw, expected) in [
            ("/", "/"),
            ("//", "/"),
            ("/index.html", "/index.html"),
            ("//index.html", "/index.html"),
            ("/./a/", "/a/"),
            ("/%69ndex.html", "/index.html"),
            ("/connections/abc", "/connections/abc"),
            ("/bad%zz", "/bad%zz"),
        ] {
            assert_eq!(rule_path(raw), expected, "{raw}");
        }
    }
}
