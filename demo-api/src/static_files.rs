//! The built web app: files from the dist directory, and `index.html` for every
//! other path so that the app's own router handles deep links (SPA fallback).

use std::path::{Path, PathBuf};

use axum::http::{HeaderValue, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};

/// Serves `uri` from `dist`; the fallback of the whole server.
pub async fn serve(dist: &Path, method: &Method, uri: &Uri) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return text(
            StatusCode::METHOD_NOT_ALLOWED,
            "Method not allowed\n".to_owned(),
        );
    }
    let Some(relative) = resolve(uri.path()) else {
        return text(StatusCode::BAD_REQUEST, "Bad path\n".to_owned());
    };
    if !relative.as_os_str().is_empty() {
        let file = dist.join(&relative);
        if let Some(response) = file_response(&file).await {
            return response;
        }
    }
    match file_response(&dist.join("index.html")).await {
        Some(mut response) => {
            // The page names the hashed bundles: it must be fetched fresh.
            response
                .headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
            response
        }
        None => text(
            StatusCode::SERVICE_UNAVAILABLE,
            format!(
                "The web app is not built: {} has no index.html.\n\
                 Build it first (for example `trunk build` in the repository root), \
                 or pass --dist DIR. The API is served under /api/ all the same.\n",
                dist.display()
            ),
        ),
    }
}

/// The file's contents with its type, or `None` when it is not a readable file.
async fn file_response(path: &Path) -> Option<Response> {
    let metadata = tokio::fs::metadata(path).await.ok()?;
    if !metadata.is_file() {
        return None;
    }
    let body = tokio::fs::read(path).await.ok()?;
    let headers = [
        (header::CONTENT_TYPE, content_type(path)),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
    ];
    Some((StatusCode::OK, headers, body).into_response())
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

    #[tokio::test]
    async fn serves_files_and_falls_back_to_index() -> std::io::Result<()> {
        let dist = std::env::temp_dir().join(format!("demo-api-dist-{}", std::process::id()));
        tokio::fs::create_dir_all(dist.join("assets")).await?;
        tokio::fs::write(dist.join("index.html"), "<!doctype html>app").await?;
        tokio::fs::write(dist.join("assets/app.wasm"), b"\0asm").await?;
        let get = |path: &'static str| {
            let dist = dist.clone();
            async move { serve(&dist, &Method::GET, &Uri::from_static(path)).await }
        };
        let content_type = |r: &Response| r.headers().get(header::CONTENT_TYPE).cloned();

        let wasm = get("/assets/app.wasm").await;
        assert_eq!(wasm.status(), StatusCode::OK);
        assert_eq!(
            content_type(&wasm),
            Some(HeaderValue::from_static("application/wasm"))
        );
        for path in ["/", "/connections/42", "/assets", "/missing.js"] {
            let page = get(path).await;
            assert_eq!(page.status(), StatusCode::OK, "{path}");
            assert_eq!(
                content_type(&page),
                Some(HeaderValue::from_static("text/html; charset=utf-8"))
            );
        }
        assert_eq!(
            get("/../Cargo.toml").await.status(),
            StatusCode::BAD_REQUEST
        );
        let post = serve(&dist, &Method::POST, &Uri::from_static("/")).await;
        assert_eq!(post.status(), StatusCode::METHOD_NOT_ALLOWED);

        tokio::fs::remove_dir_all(&dist).await?;
        let missing = get("/").await;
        assert_eq!(missing.status(), StatusCode::SERVICE_UNAVAILABLE);
        Ok(())
    }
}
