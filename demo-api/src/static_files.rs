//! The built web app, served as a static host serves it: the dist directory's files
//! through tower-http's `ServeDir` (their `.br` / `.gz` copies when accepted, Range,
//! ETag / Last-Modified and 304), `index.html` with status 200 for every path that
//! names no file so that the app's own router handles deep links (SPA fallback), and
//! the headers of `DIST/_headers` on every answer. `/config.json` is the console's
//! configuration: the scenario's override or the file, never the page.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::Router;
use axum::extract::{Request, State};
use axum::handler::Handler;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use percent_encoding::percent_decode_str;
use tower_http::services::{ServeDir, ServeFile};

use crate::console_config::{self, ConsoleConfig};
use crate::header_rules::{HeaderFile, Loaded};
use crate::state::AppState;

/// The header file's name in the dist directory, and its path; not served.
const HEADERS_FILE: &str = "_headers";
const HEADERS_PATH: &str = "/_headers";

/// The path whose `_headers` rules also apply when `index.html` answers another
/// path (for headers that the path's own rules do not set), so the page is never
/// cached as if it were an asset.
const INDEX_PATH: &str = "/index.html";

/// Where the build puts its content-hashed files (Trunk's `data-target-path`).
const ASSETS_PREFIX: &str = "/assets/";

/// The dist directory and its header file.
#[derive(Debug)]
pub struct Site {
    dist: PathBuf,
    headers: HeaderFile,
}

/// Marks `index.html` answering another path than its own (the SPA fallback).
#[derive(Clone, Copy)]
struct SpaFallback;

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

/// Everything that is not `/api` or `/_demo`.
pub fn router(site: Arc<Site>, state: Arc<AppState>) -> Router {
    let files = ServeDir::new(&site.dist)
        // Directories, `/` among them, are the page (through `page`, with its
        // default Cache-Control), never a redirect to a trailing slash.
        .append_index_html_on_directories(false)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(page.with_state(Arc::clone(&site)));
    let config_file = site.dist.join(console_config::FILE_NAME);
    let config = move |request: Request| {
        let config = ConsoleConfig::of(&state.scenario());
        config_json(config, config_file.clone(), request)
    };
    Router::new()
        .route("/config.json", get(config))
        .fallback_service(files)
        .layer(middleware::from_fn_with_state(site, with_header_rules))
}

/// `index.html` for a path that names no file, with `no-cache` (unless `_headers`
/// says otherwise): the page names the hashed bundles, so it must be fetched fresh.
/// Hashed assets are never a page: a missing one is a 404, not `index.html` cached
/// for a year under the assets' rules.
async fn page(State(site): State<Arc<Site>>, request: Request) -> Response {
    let path = rule_path(request.uri().path());
    if path.starts_with(ASSETS_PREFIX) {
        return text(StatusCode::NOT_FOUND, "Not found\n".to_owned());
    }
    let index = site.dist.join("index.html");
    let mut page = ServeFile::new(&index)
        .precompressed_br()
        .precompressed_gzip();
    let mut response = match page.try_call(request).await {
        Ok(response) => response.into_response(),
        Err(error) if error.kind() == ErrorKind::NotFound => return not_built(&site.dist),
        Err(error) => return cannot_read(&index, &error),
    };
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    // `/` is the page's own address, as on a static host: only its rules apply.
    if path != "/" {
        response.extensions_mut().insert(SpaFallback);
    }
    response
}

fn not_built(dist: &Path) -> Response {
    text(
        StatusCode::SERVICE_UNAVAILABLE,
        format!(
            "The web app is not built: {} has no index.html.\n\
             Build it first (for example `trunk build` in the repository root), \
             or pass --dist DIR. The API is served under /api/ all the same.\n",
            dist.display()
        ),
    )
}

/// `/config.json`: the override, else the file, else 404; never the page, which
/// the console would take for a broken config. It changes per deployment without a
/// new build: `no-cache` (unless `_headers` says otherwise).
async fn config_json(config: ConsoleConfig, file: PathBuf, request: Request) -> Response {
    let mut response = match config.body() {
        Some(body) => ([(header::CONTENT_TYPE, "application/json")], body).into_response(),
        None => match ServeFile::new(&file).try_call(request).await {
            Ok(response) => response.into_response(),
            Err(error) if error.kind() == ErrorKind::NotFound => {
                text(StatusCode::NOT_FOUND, "Not found\n".to_owned())
            }
            Err(error) => cannot_read(&file, &error),
        },
    };
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

fn cannot_read(file: &Path, error: &std::io::Error) -> Response {
    let message = format!("cannot read {}: {error}\n", file.display());
    text(StatusCode::INTERNAL_SERVER_ERROR, message)
}

/// Adds the `_headers` rules of the request's path to every answer, errors
/// included, as a static host does; their values replace those set here, but a
/// `Vary` adds to `ServeDir`'s `Accept-Encoding`. `index.html` answering another
/// path also gets the page's rules for what the path's rules do not set. The file
/// itself is not served; while it is broken, every answer is a 500 naming the line.
async fn with_header_rules(
    State(site): State<Arc<Site>>,
    request: Request,
    next: Next,
) -> Response {
    let loaded = site.headers.current().await;
    let rules = match &*loaded {
        Loaded::Absent => None,
        Loaded::Rules(rules) => Some(rules),
        Loaded::Broken(message) => {
            let message = format!(
                "{message}\nFix or remove that file; it is read again on the next request.\n"
            );
            return text(StatusCode::INTERNAL_SERVER_ERROR, message);
        }
    };
    let path = rule_path(request.uri().path());
    let mut response = if path == HEADERS_PATH {
        page(State(Arc::clone(&site)), request).await
    } else {
        next.run(request).await
    };
    let Some(rules) = rules else {
        return response;
    };
    let from_file = if response.extensions().get::<SpaFallback>().is_some() {
        rules.headers_for_fallback(&path, INDEX_PATH)
    } else {
        rules.headers_for(&path)
    };
    let headers = response.headers_mut();
    for (name, value) in from_file {
        if name == header::VARY {
            headers.append(name, value);
        } else {
            headers.insert(name, value);
        }
    }
    response
}

/// The path `_headers` patterns are matched on: the request's path, percent-decoded
/// and with empty and `.` segments dropped as `ServeDir` does to find the file (so
/// `//index.html` is `/index.html`), a trailing slash kept; as sent when it does not
/// decode to UTF-8.
fn rule_path(url_path: &str) -> String {
    let Ok(decoded) = percent_decode_str(url_path).decode_utf8() else {
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

#[cfg(test)]
mod tests {
    use std::error::Error;

    use axum::body::Body;
    use axum::http::request::Builder;
    use tower::ServiceExt;

    use super::*;
    use crate::scenario::Scenario;

    type TestResult = Result<(), Box<dyn Error>>;

    /// A scratch dist directory with these files; the test removes it.
    async fn scratch(name: &str, files: &[(&str, &str)]) -> std::io::Result<PathBuf> {
        let dist = std::env::temp_dir().join(format!("demo-api-{name}-{}", std::process::id()));
        for (file, contents) in files {
            let path = dist.join(file);
            if let Some(parent) = path.parent() {
                tokio::fs::create_dir_all(parent).await?;
            }
            tokio::fs::write(path, contents).await?;
        }
        Ok(dist)
    }

    /// The web app serving `dist`, with its site and state.
    fn app_for(dist: &Path) -> (Router, Arc<Site>, Arc<AppState>) {
        let site = Arc::new(Site::new(dist.to_path_buf()));
        let state = Arc::new(AppState::new(Scenario::default(), 0));
        (router(Arc::clone(&site), Arc::clone(&state)), site, state)
    }

    /// GET `path` with these request headers.
    async fn get(
        app: &Router,
        path: &str,
        headers: &[(&str, &str)],
    ) -> Result<Response, Box<dyn Error>> {
        let mut request = Builder::new().uri(path);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        Ok(app.clone().oneshot(request.body(Body::empty())?).await?)
    }

    fn header<'a>(response: &'a Response, name: &str) -> Option<&'a str> {
        response.headers().get(name).and_then(|v| v.to_str().ok())
    }

    async fn body(response: Response) -> Result<String, axum::Error> {
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX).await?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }

    #[tokio::test]
    async fn serves_files_and_falls_back_to_index() -> TestResult {
        let dist = scratch(
            "dist",
            &[
                ("index.html", "<!doctype html>app"),
                ("assets/app.wasm", "\0asm"),
                ("a..b/c.js", "c"),
            ],
        )
        .await?;
        let (app, ..) = app_for(&dist);

        let wasm = get(&app, "/assets/app.wasm", &[]).await?;
        assert_eq!(wasm.status(), StatusCode::OK);
        assert_eq!(header(&wasm, "content-type"), Some("application/wasm"));
        // Without `_headers`, no caching rules for files.
        assert_eq!(header(&wasm, "cache-control"), None);
        // Dots inside a name are no step up.
        assert_eq!(body(get(&app, "/a..b/c.js", &[]).await?).await?, "c");
        for path in ["/", "/connections/42", "/assets", "/missing.js"] {
            let page = get(&app, path, &[]).await?;
            assert_eq!(page.status(), StatusCode::OK, "{path}");
            assert_eq!(header(&page, "content-type"), Some("text/html"), "{path}");
            assert_eq!(header(&page, "cache-control"), Some("no-cache"), "{path}");
            assert_eq!(body(page).await?, "<!doctype html>app", "{path}");
        }
        let missing = get(&app, "/assets/gone-1234.js", &[]).await?;
        assert_eq!(missing.status(), StatusCode::NOT_FOUND);
        let post = Builder::new().method("POST").uri("/").body(Body::empty())?;
        let post = app.clone().oneshot(post).await?;
        assert_eq!(post.status(), StatusCode::METHOD_NOT_ALLOWED);

        tokio::fs::remove_dir_all(&dist).await?;
        let unbuilt = get(&app, "/", &[]).await?;
        assert_eq!(unbuilt.status(), StatusCode::SERVICE_UNAVAILABLE);
        Ok(())
    }

    /// However a path climbs, nothing outside the dist directory is served: such a
    /// path is the page (or, below `/assets/`, a 404).
    #[tokio::test]
    async fn path_traversal_is_refused() -> TestResult {
        let dist = scratch(
            "traversal",
            &[("index.html", "page"), ("assets/app.js", "js")],
        )
        .await?;
        let name = format!("demo-api-traversal-{}.secret", std::process::id());
        let secret = std::env::temp_dir().join(&name);
        tokio::fs::write(&secret, "secret").await?;
        let (app, ..) = app_for(&dist);
        for climb in [
            "/../",
            "/%2e%2e/",
            "/%2E%2E%2F",
            "/..%2f",
            "/.%2e/",
            "/x/..%2F..%2F",
            "/%5c..%5c",
            "/c:/../",
            "/assets/../../",
            "/assets/..%2F..%2F",
            "/connections/..%2F..%2F",
        ] {
            let path = format!("{climb}{name}");
            let response = get(&app, &path, &[]).await?;
            let status = response.status();
            let served = body(response).await?;
            assert!(
                (status, served.as_str()) == (StatusCode::OK, "page")
                    || status == StatusCode::NOT_FOUND,
                "{path}: {status} {served}"
            );
        }
        tokio::fs::remove_file(&secret).await?;
        tokio::fs::remove_dir_all(&dist).await?;
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
    async fn headers_file_applies_to_files_fallback_and_errors() -> TestResult {
        let dist = scratch(
            "headers",
            &[
                ("index.html", "<!doctype html>app"),
                ("assets/app.js", "js"),
                ("_headers", HEADERS),
            ],
        )
        .await?;
        let (app, site, _) = app_for(&dist);

        let asset = get(&app, "/assets/app.js", &[]).await?;
        let immutable = Some("public, max-age=31536000, immutable");
        assert_eq!(header(&asset, "cache-control"), immutable);
        assert_eq!(
            header(&asset, "content-security-policy"),
            Some("default-src 'none'")
        );
        assert_eq!(header(&asset, "content-type"), Some("text/javascript"));

        for path in ["/", "/index.html", "//index.html", "/%69ndex.html"] {
            let page = get(&app, path, &[]).await?;
            assert_eq!(header(&page, "cache-control"), Some("no-cache"), "{path}");
            assert_eq!(header(&page, "x-frame-options"), Some("DENY"), "{path}");
            assert_eq!(header(&page, "x-deep"), None, "{path}");
        }
        // The fallback: the rules of the path, and those of /index.html for what
        // they do not set (here Cache-Control).
        let deep = get(&app, "/connections/abc?tab=1", &[]).await?;
        assert_eq!(deep.status(), StatusCode::OK);
        assert_eq!(header(&deep, "cache-control"), Some("no-cache"));
        assert_eq!(header(&deep, "x-deep"), Some("yes"));
        assert_eq!(header(&deep, "content-type"), Some("text/html"));
        // A missing asset is a 404 under the asset rules, never the page.
        let missing = get(&app, "/assets/gone.js", &[]).await?;
        assert_eq!(missing.status(), StatusCode::NOT_FOUND);
        assert_eq!(header(&missing, "cache-control"), immutable);
        // The header file is not served, however it is spelled.
        for path in ["/_headers", "/%5Fheaders", "//./_headers"] {
            let page = get(&app, path, &[]).await?;
            assert_eq!(header(&page, "x-frame-options"), Some("DENY"), "{path}");
            assert_eq!(body(page).await?, "<!doctype html>app", "{path}");
        }

        // Broken after start: 500 naming the line, until it is fixed.
        tokio::fs::write(dist.join("_headers"), format!("{HEADERS}  Oops\n")).await?;
        let broken = get(&app, "/", &[]).await?;
        assert_eq!(broken.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let message = body(broken).await?;
        assert!(message.contains("_headers: line 13: "), "{message}");
        assert!(site.check_headers().await.is_err());

        tokio::fs::remove_dir_all(&dist).await?;
        let unbuilt = get(&app, "/", &[]).await?;
        assert_eq!(unbuilt.status(), StatusCode::SERVICE_UNAVAILABLE);
        Ok(())
    }

    /// A connection's page under the shipped `_headers`: the same answer as
    /// `/index.html` (the `/*` security headers, `no-cache` once), whatever the id
    /// holds once decoded.
    #[tokio::test]
    async fn connection_pages_are_the_page_under_the_shipped_headers() -> TestResult {
        let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("../deploy/_headers");
        let shipped = tokio::fs::read_to_string(shipped).await?;
        let dist = scratch(
            "connection-pages",
            &[
                ("index.html", "<!doctype html>app"),
                ("config.json", "{}"),
                ("_headers", &shipped),
            ],
        )
        .await?;
        let (app, ..) = app_for(&dist);

        let page = get(&app, "/index.html", &[]).await?;
        let page_headers = page.headers().clone();
        let cache: Vec<_> = page_headers.get_all("cache-control").iter().collect();
        assert_eq!(cache, ["no-cache"]);
        let csp = header(&page, "content-security-policy").unwrap_or_default();
        assert!(
            csp.starts_with("default-src 'none'; script-src 'self'"),
            "{csp}"
        );
        for path in [
            "/connections/some-id?x=y",
            "/connections/3f6c1a2e-5b7d-4c8e-9f01-23456789abcd?status=error&q=shop",
            "/connections/a%2Fb?q=%2F",
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
            let response = get(&app, path, &[]).await?;
            assert_eq!(response.status(), StatusCode::OK, "{path}");
            assert_eq!(response.headers(), &page_headers, "{path}");
            assert_eq!(body(response).await?, "<!doctype html>app", "{path}");
        }
        tokio::fs::remove_dir_all(&dist).await?;
        Ok(())
    }

    #[tokio::test]
    async fn precompressed_files_ranges_and_revalidation() -> TestResult {
        let dist = scratch(
            "compressed",
            &[
                ("index.html", "page"),
                ("index.html.gz", "page-gz"),
                ("assets/app.wasm", "wasm"),
                ("assets/app.wasm.br", "wasm-br"),
                ("assets/app.wasm.gz", "wasm-gz"),
                ("assets/plain.css", "css"),
            ],
        )
        .await?;
        let (app, ..) = app_for(&dist);

        for (path, accept, encoding, contents) in [
            (
                "/assets/app.wasm",
                "gzip, deflate, br",
                Some("br"),
                "wasm-br",
            ),
            ("/assets/app.wasm", "gzip", Some("gzip"), "wasm-gz"),
            ("/assets/app.wasm", "br;q=0, gzip", Some("gzip"), "wasm-gz"),
            ("/assets/app.wasm", "br;q=0, gzip;q=0", None, "wasm"),
            ("/assets/app.wasm", "identity", None, "wasm"),
            ("/", "br, gzip", Some("gzip"), "page-gz"),
            ("/connections/x", "br, gzip", Some("gzip"), "page-gz"),
            ("/connections/x", "br", None, "page"),
            ("/assets/plain.css", "br, gzip", None, "css"),
        ] {
            let response = get(&app, path, &[("accept-encoding", accept)]).await?;
            let case = format!("{path} {accept}");
            assert_eq!(response.status(), StatusCode::OK, "{case}");
            assert_eq!(header(&response, "content-encoding"), encoding, "{case}");
            if path.ends_with(".wasm") {
                let wasm = Some("application/wasm");
                assert_eq!(header(&response, "content-type"), wasm, "{case}");
            }
            // Every file's answer depends on Accept-Encoding, compressed or not.
            assert_eq!(header(&response, "vary"), Some("accept-encoding"), "{case}");
            assert_eq!(body(response).await?, contents, "{case}");
        }
        let head = Builder::new().method("HEAD").uri("/assets/app.wasm");
        let head = app.clone().oneshot(head.body(Body::empty())?).await?;
        assert_eq!(header(&head, "content-length"), Some("4"));
        assert_eq!(body(head).await?, "");
        let plain = get(&app, "/assets/app.wasm", &[]).await?;
        assert_eq!(header(&plain, "content-encoding"), None);

        let range = get(&app, "/assets/plain.css", &[("range", "bytes=1-2")]).await?;
        assert_eq!(range.status(), StatusCode::PARTIAL_CONTENT);
        assert_eq!(header(&range, "content-range"), Some("bytes 1-2/3"));
        assert_eq!(body(range).await?, "ss");

        for path in ["/assets/plain.css", "/connections/x"] {
            let first = get(&app, path, &[]).await?;
            let etag = header(&first, "etag").unwrap_or_default().to_owned();
            let modified = header(&first, "last-modified")
                .unwrap_or_default()
                .to_owned();
            for condition in [("if-none-match", etag), ("if-modified-since", modified)] {
                let again = get(&app, path, &[(condition.0, &condition.1)]).await?;
                assert_eq!(
                    again.status(),
                    StatusCode::NOT_MODIFIED,
                    "{path} {condition:?}"
                );
            }
        }

        // A Vary of the file's own keeps Accept-Encoding.
        tokio::fs::write(dist.join("_headers"), "/*\n  Vary: Origin\n").await?;
        let varied = get(&app, "/assets/app.wasm", &[("accept-encoding", "br")]).await?;
        let vary: Vec<_> = varied.headers().get_all("vary").iter().collect();
        assert_eq!(vary, ["accept-encoding", "Origin"]);

        tokio::fs::remove_dir_all(&dist).await?;
        Ok(())
    }

    #[tokio::test]
    async fn config_json_is_the_override_the_file_or_404() -> TestResult {
        let dist = scratch(
            "config",
            &[
                ("index.html", "<!doctype html>app"),
                (
                    "_headers",
                    "/*\n  X-Frame-Options: DENY\n/config.json\n  Cache-Control: no-cache, private\n",
                ),
            ],
        )
        .await?;
        let (app, _, state) = app_for(&dist);

        // No file and no override: 404, not the page.
        let missing = get(&app, "/config.json", &[]).await?;
        assert_eq!(missing.status(), StatusCode::NOT_FOUND);
        let text = Some("text/plain; charset=utf-8");
        assert_eq!(header(&missing, "content-type"), text);
        assert_eq!(header(&missing, "cache-control"), Some("no-cache, private"));
        assert_eq!(body(missing).await?, "Not found\n");

        tokio::fs::write(dist.join("config.json"), r#"{"auth":"api-key"}"#).await?;
        let json = r#"{"apiBaseUrl":"","auth":"cookie"}"#;
        for (scenario, expected) in [
            ("{}".to_owned(), r#"{"auth":"api-key"}"#),
            (format!(r#"{{"consoleConfig":{json}}}"#), json),
            // The raw text wins over JSON.
            (
                format!(r#"{{"consoleConfig":{json},"consoleConfigRaw":"{{oops"}}"#),
                "{oops",
            ),
        ] {
            state.set_scenario(Scenario::from_json(scenario.as_bytes())?);
            let response = get(&app, "/config.json", &[]).await?;
            assert_eq!(response.status(), StatusCode::OK, "{scenario}");
            let cache = header(&response, "cache-control");
            assert_eq!(header(&response, "content-type"), Some("application/json"));
            assert_eq!(cache, Some("no-cache, private"), "{scenario}");
            assert_eq!(header(&response, "x-frame-options"), Some("DENY"));
            assert_eq!(body(response).await?, expected);
        }
        // Without `_headers`, the default no-cache.
        tokio::fs::remove_file(dist.join("_headers")).await?;
        let plain = get(&app, "/config.json", &[]).await?;
        assert_eq!(header(&plain, "cache-control"), Some("no-cache"));
        assert_eq!(header(&plain, "x-frame-options"), None);

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
            ("/%5F%5fheaders", "/__headers"),
            ("/connections/abc", "/connections/abc"),
            ("/connections/a%2Fb", "/connections/a/b"),
            ("/bad%zz", "/bad%zz"),
            // Two hex digits or no escape: `%+f` is no byte (issue 16).
            ("/%+f", "/%+f"),
            ("/%-1", "/%-1"),
            ("/%ff", "/%ff"),
        ] {
            assert_eq!(rule_path(raw), expected, "{raw}");
        }
    }
}
