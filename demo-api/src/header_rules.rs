//! The `_headers` file that static hosts read (Netlify / Cloudflare Pages format):
//! HTTP headers by path pattern. demo-api sends exactly what the project ships, so
//! the end-to-end tests run under the real Content-Security-Policy.
//!
//! ```text
//! # comment
//! /*
//!   X-Content-Type-Options: nosniff
//! /assets/*
//!   Cache-Control: public, max-age=31536000, immutable
//! ```
//!
//! A line starting with `/` starts a rule; the indented `Name: value` lines below it
//! are its headers. A `*` in a pattern matches any run of characters, `/` included;
//! a pattern must match the whole path. Every matching rule applies, in file order;
//! a header set by several of them gets their values joined with ", ".

use std::fmt;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::SystemTime;

use axum::http::{HeaderName, HeaderValue};

/// The parsed file: rules in file order.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct HeaderRules {
    rules: Vec<Rule>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Rule {
    pattern: String,
    headers: Vec<(HeaderName, HeaderValue)>,
}

/// Why a file was refused, with its 1-based line number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for ParseError {}

impl HeaderRules {
    /// Parses the whole file; the first malformed line is an error, since a broken
    /// header file must not pass silently.
    pub fn parse(text: &str) -> Result<Self, ParseError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut rules: Vec<Rule> = Vec::new();
        for (index, line) in text.lines().enumerate() {
            let error = |message: String| ParseError {
                line: index + 1,
                message,
            };
            let trimmed = line.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            if line.starts_with('/') {
                if trimmed.contains(char::is_whitespace) {
                    return Err(error(format!(
                        "a path pattern cannot contain whitespace (headers go on the \
                         indented lines below it): {trimmed:?}"
                    )));
                }
                rules.push(Rule {
                    pattern: trimmed.to_owned(),
                    headers: Vec::new(),
                });
                continue;
            }
            if !line.starts_with([' ', '\t']) {
                return Err(error(format!(
                    "expected a path pattern starting with '/' or an indented \
                     'Name: value' header line, found {trimmed:?}"
                )));
            }
            let Some(rule) = rules.last_mut() else {
                return Err(error(format!(
                    "header line before any path pattern line: {trimmed:?}"
                )));
            };
            let Some((name, value)) = trimmed.split_once(':') else {
                return Err(error(format!(
                    "header line without ':' (expected 'Name: value'): {trimmed:?}"
                )));
            };
            let name = name.trim();
            if name.is_empty() {
                return Err(error(format!("empty header name: {trimmed:?}")));
            }
            let name = HeaderName::from_bytes(name.as_bytes())
                .map_err(|_| error(format!("invalid header name {name:?}")))?;
            let value = value.trim();
            let value = HeaderValue::from_str(value)
                .ok()
                .filter(|_| value.is_ascii())
                .ok_or_else(|| {
                    error(format!(
                        "invalid value for {name}: only visible ASCII characters are allowed"
                    ))
                })?;
            rule.headers.push((name, value));
        }
        Ok(Self { rules })
    }

    pub fn rule_count(&self) -> usize {
        self.rules.len()
    }

    /// The headers of every rule that matches `path`, in file order; values of a
    /// repeated name joined with ", ".
    pub fn headers_for(&self, path: &str) -> Vec<(HeaderName, HeaderValue)> {
        let mut out: Vec<(HeaderName, HeaderValue)> = Vec::new();
        let matches = |rule: &&Rule| pattern_matches(&rule.pattern, path);
        for rule in self.rules.iter().filter(matches) {
            for (name, value) in &rule.headers {
                match out.iter_mut().find(|(existing, _)| existing == name) {
                    Some((_, existing)) => *existing = join(existing, value),
                    None => out.push((name.clone(), value.clone())),
                }
            }
        }
        out
    }

    /// For `index.html` answering `path` (the SPA fallback): the headers of `path`'s
    /// rules, as a static host sends them (hosts match the request's path); then
    /// those of `page`'s rules whose names `path`'s rules do not set, so the page is
    /// never cached as if it were an asset. A name set for both gets `path`'s value
    /// alone: `no-cache` from `/connections/*` and from `/index.html` is sent once.
    pub fn headers_for_fallback(&self, path: &str, page: &str) -> Vec<(HeaderName, HeaderValue)> {
        let mut out = self.headers_for(path);
        for (name, value) in self.headers_for(page) {
            if !out.iter().any(|(existing, _)| *existing == name) {
                out.push((name, value));
            }
        }
        out
    }
}

fn join(first: &HeaderValue, second: &HeaderValue) -> HeaderValue {
    let mut bytes = first.as_bytes().to_vec();
    bytes.extend_from_slice(b", ");
    bytes.extend_from_slice(second.as_bytes());
    // Both parts are valid header values, so the joined one is too.
    HeaderValue::from_bytes(&bytes).unwrap_or_else(|_| first.clone())
}

/// Whether `pattern` matches the whole of `path`: `*` matches any run of
/// characters (`/` included, possibly none), everything else only itself.
pub fn pattern_matches(pattern: &str, path: &str) -> bool {
    let (pattern, path) = (pattern.as_bytes(), path.as_bytes());
    let (mut p, mut s) = (0, 0);
    // After a `*`: where the pattern resumes, and where in the path the star's run ends.
    let mut star: Option<(usize, usize)> = None;
    while s < path.len() {
        match pattern.get(p) {
            Some(b'*') => {
                star = Some((p + 1, s));
                p += 1;
            }
            Some(&c) if c == path[s] => {
                p += 1;
                s += 1;
            }
            _ => match star {
                // Let the last star swallow one more character and try again.
                Some((resume, end)) => {
                    star = Some((resume, end + 1));
                    p = resume;
                    s = end + 1;
                }
                None => return false,
            },
        }
    }
    pattern[p..].iter().all(|&c| c == b'*')
}

/// What the file says right now.
#[derive(Debug)]
pub enum Loaded {
    /// No file: no extra headers.
    Absent,
    Rules(HeaderRules),
    /// Malformed or unreadable: the message names the file and the line.
    Broken(String),
}

/// `DIR/_headers`, re-read whenever its modification time or size changes, so a
/// build made after start-up applies without a restart.
#[derive(Debug)]
pub struct HeaderFile {
    path: PathBuf,
    cache: Mutex<Option<(Option<Stamp>, Arc<Loaded>)>>,
}

/// Enough of the file's metadata to notice that it changed; `None` when absent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    modified: Option<SystemTime>,
    len: u64,
}

impl HeaderFile {
    pub fn new(path: PathBuf) -> Self {
        Self {
            path,
            cache: Mutex::new(None),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The file's current contents, parsed (cached while it does not change).
    pub async fn current(&self) -> Arc<Loaded> {
        let stamp = match tokio::fs::metadata(&self.path).await {
            Ok(metadata) => Some(Stamp {
                modified: metadata.modified().ok(),
                len: metadata.len(),
            }),
            Err(e) if is_absent(&e) => None,
            Err(e) => return Arc::new(self.unreadable(&e)),
        };
        if let Some((cached_stamp, loaded)) = &*self.lock()
            && *cached_stamp == stamp
        {
            return Arc::clone(loaded);
        }
        // The stamp was taken before reading: a change during the read is seen by
        // the next request, which then reads again.
        let loaded = match stamp {
            None => Loaded::Absent,
            Some(_) => match tokio::fs::read_to_string(&self.path).await {
                Ok(text) => match HeaderRules::parse(&text) {
                    Ok(rules) => Loaded::Rules(rules),
                    Err(error) => Loaded::Broken(format!("{}: {error}", self.path.display())),
                },
                Err(e) if is_absent(&e) => Loaded::Absent,
                Err(e) => self.unreadable(&e),
            },
        };
        let loaded = Arc::new(loaded);
        *self.lock() = Some((stamp, Arc::clone(&loaded)));
        loaded
    }

    fn unreadable(&self, error: &std::io::Error) -> Loaded {
        Loaded::Broken(format!("cannot read {}: {error}", self.path.display()))
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<(Option<Stamp>, Arc<Loaded>)>> {
        self.cache.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// No file there, including when the dist directory itself does not exist yet.
fn is_absent(error: &std::io::Error) -> bool {
    matches!(error.kind(), ErrorKind::NotFound | ErrorKind::NotADirectory)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names_and_values(headers: &[(HeaderName, HeaderValue)]) -> Vec<(String, String)> {
        headers
            .iter()
            .map(|(n, v)| {
                (
                    n.as_str().to_owned(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect()
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
            .collect()
    }

    const SAMPLE: &str = "\
# comment
/*
  Content-Security-Policy: default-src 'none'; script-src 'self' 'wasm-unsafe-eval'
  X-Content-Type-Options: nosniff

   # indented comment
/index.html
  Cache-Control: no-cache
/
\tCache-Control: no-cache
/assets/*
  Cache-Control: public, max-age=31536000, immutable
";

    #[test]
    fn parses_rules_in_order() -> Result<(), ParseError> {
        let rules = HeaderRules::parse(SAMPLE)?;
        assert_eq!(rules.rule_count(), 4);
        let patterns: Vec<&str> = rules.rules.iter().map(|r| r.pattern.as_str()).collect();
        assert_eq!(patterns, ["/*", "/index.html", "/", "/assets/*"]);
        assert_eq!(
            names_and_values(&rules.rules[0].headers),
            pairs(&[
                (
                    "content-security-policy",
                    "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'"
                ),
                ("x-content-type-options", "nosniff"),
            ])
        );
        assert_eq!(
            names_and_values(&rules.headers_for("/assets/app-1234.js")),
            pairs(&[
                (
                    "content-security-policy",
                    "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'"
                ),
                ("x-content-type-options", "nosniff"),
                ("cache-control", "public, max-age=31536000, immutable"),
            ])
        );
        assert_eq!(
            names_and_values(&rules.headers_for("/")),
            names_and_values(&rules.headers_for("/index.html")),
        );
        Ok(())
    }

    #[test]
    fn empty_and_comment_only_files_have_no_rules() -> Result<(), ParseError> {
        assert_eq!(HeaderRules::parse("")?, HeaderRules::default());
        assert_eq!(
            HeaderRules::parse("\u{feff}# only\n\n   \n#x\r\n")?,
            HeaderRules::default()
        );
        Ok(())
    }

    #[test]
    fn crlf_values_and_colons_in_values() -> Result<(), ParseError> {
        let rules = HeaderRules::parse("/*\r\n  Link: <https://example.com/a>; rel=preload\r\n")?;
        assert_eq!(
            names_and_values(&rules.headers_for("/x")),
            pairs(&[("link", "<https://example.com/a>; rel=preload")])
        );
        Ok(())
    }

    #[test]
    fn repeated_names_are_joined_in_file_order() -> Result<(), ParseError> {
        let rules = HeaderRules::parse(
            "/*\n  X-A: one\n  X-B: b\n/a/*\n  x-a: two\n/a/b\n  X-A: three\n  X-A: four\n",
        )?;
        assert_eq!(
            names_and_values(&rules.headers_for("/a/b")),
            pairs(&[("x-a", "one, two, three, four"), ("x-b", "b")])
        );
        assert_eq!(
            names_and_values(&rules.headers_for("/a/c")),
            pairs(&[("x-a", "one, two"), ("x-b", "b")])
        );
        assert_eq!(
            names_and_values(&rules.headers_for("/c")),
            pairs(&[("x-a", "one"), ("x-b", "b")])
        );
        Ok(())
    }

    #[test]
    fn fallback_takes_the_paths_rules_then_the_pages_for_the_rest() -> Result<(), ParseError> {
        let rules = HeaderRules::parse(
            "/*\n  X-A: all\n/index.html\n  Cache-Control: no-cache\n  X-Page: page\n\
             /connections/*\n  Cache-Control: no-cache\n  X-A: deep\n/other/*\n  X-O: o\n",
        )?;
        assert_eq!(
            names_and_values(&rules.headers_for_fallback("/connections/abc", "/index.html")),
            pairs(&[
                ("x-a", "all, deep"),
                ("cache-control", "no-cache"),
                ("x-page", "page"),
            ])
        );
        // No rule of its own for Cache-Control: the page's.
        assert_eq!(
            names_and_values(&rules.headers_for_fallback("/other/x", "/index.html")),
            pairs(&[
                ("x-a", "all"),
                ("x-o", "o"),
                ("cache-control", "no-cache"),
                ("x-page", "page"),
            ])
        );
        Ok(())
    }

    #[test]
    fn malformed_lines_are_errors_with_their_number() {
        for (text, line, needle) in [
            ("  X-A: a\n", 1, "before any path"),
            ("# c\n\n  X-A: a\n/*\n", 3, "before any path"),
            ("/*\n  X-A: a\n  nonsense\n", 3, "without ':'"),
            ("/*\n  : value\n", 2, "empty header name"),
            ("/*\n   \t: value\n", 2, "empty header name"),
            ("/*\n  Bad Name: v\n", 2, "invalid header name"),
            ("/*\n  X-A: caf\u{e9}\n", 2, "invalid value"),
            ("/*\nX-A: a\n", 2, "expected a path pattern"),
            ("/a\n  X-A: a\n/b X-B: b\n", 3, "whitespace"),
        ] {
            match HeaderRules::parse(text) {
                Ok(rules) => panic!("{text:?} parsed as {rules:?}"),
                Err(error) => {
                    assert_eq!(error.line, line, "{text:?}: {error}");
                    assert!(error.message.contains(needle), "{text:?}: {error}");
                    assert!(error.to_string().starts_with(&format!("line {line}: ")));
                }
            }
        }
    }

    #[test]
    fn patterns() {
        for (pattern, path, expected) in [
            ("/*", "/", true),
            ("/*", "/index.html", true),
            ("/*", "/assets/app-1234.js", true),
            ("/*", "", false),
            ("/", "/", true),
            ("/", "/index.html", false),
            ("/", "/connections/x", false),
            ("/connections/*", "/connections/3f6c1a2e", true),
            ("/connections/*", "/connections/a/b", true),
            ("/connections/*", "/connections/", true),
            ("/connections/*", "/connections", false),
            ("/connections/*", "/_demo/connections/x", false),
            ("/index.html", "/index.html", true),
            ("/index.html", "/index.htm", false),
            ("/index.html", "/index.html/", false),
            ("/index.html", "/x/index.html", false),
            ("/index.html", "/index.html?v=1", false),
            ("/assets/*", "/assets/app-1234.js", true),
            ("/assets/*", "/assets/", true),
            ("/assets/*", "/assets/deep/er/file.wasm", true),
            ("/assets/*", "/assets", false),
            ("/assets/*", "/other/assets/x", false),
            ("/assets/*.js", "/assets/app.js", true),
            ("/assets/*.js", "/assets/app.js.br", false),
            ("/a/*/c", "/a/b/x/c", true),
            ("/a/*/c", "/a/c", false),
            ("/*.html", "/a.html.html", true),
            ("/**", "/x", true),
            ("/x*y*z", "/xaaybbzz", true),
            ("/x*y*z", "/xaazbby", false),
        ] {
            assert_eq!(
                pattern_matches(pattern, path),
                expected,
                "{pattern} vs {path}"
            );
        }
    }

    /// The file the project ships parses, and the console's entry points are
    /// revalidated while hashed assets are cached for good.
    #[test]
    fn shipped_file_parses() -> Result<(), Box<dyn std::error::Error>> {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../deploy/_headers");
        let rules = HeaderRules::parse(&std::fs::read_to_string(path)?)?;
        let cache = |path: &str| {
            rules
                .headers_for(path)
                .into_iter()
                .find(|(name, _)| name == "cache-control")
                .map(|(_, value)| String::from_utf8_lossy(value.as_bytes()).into_owned())
        };
        for path in [
            "/",
            "/index.html",
            "/config.json",
            "/connections/3f6c1a2e-5b7d-4c8e-9f01-23456789abcd",
            "/connections/a/b",
        ] {
            assert_eq!(cache(path).as_deref(), Some("no-cache"), "{path}");
        }
        assert_eq!(
            cache("/assets/app-1234.js").as_deref(),
            Some("public, max-age=31536000, immutable")
        );
        // A connection's page (index.html by the SPA fallback): what a static host
        // sends for the path, which is what the page itself gets, once each.
        let page = rules.headers_for("/index.html");
        let deep = rules.headers_for_fallback("/connections/3f6c1a2e", "/index.html");
        assert_eq!(names_and_values(&deep), names_and_values(&page));
        assert_eq!(
            names_and_values(&deep),
            names_and_values(&rules.headers_for("/connections/3f6c1a2e"))
        );
        for name in [
            "content-security-policy",
            "x-content-type-options",
            "referrer-policy",
            "permissions-policy",
            "cross-origin-opener-policy",
            "x-frame-options",
            "cache-control",
        ] {
            assert_eq!(deep.iter().filter(|(n, _)| n == name).count(), 1, "{name}");
        }
        Ok(())
    }

    #[tokio::test]
    async fn file_is_reread_when_it_changes() -> Result<(), Box<dyn std::error::Error>> {
        let dir = std::env::temp_dir().join(format!("demo-api-header-file-{}", std::process::id()));
        let file = HeaderFile::new(dir.join("_headers"));
        assert!(matches!(*file.current().await, Loaded::Absent));

        tokio::fs::create_dir_all(&dir).await?;
        tokio::fs::write(dir.join("_headers"), "/*\n  X-A: a\n").await?;
        match &*file.current().await {
            Loaded::Rules(rules) => assert_eq!(rules.rule_count(), 1),
            other => panic!("{other:?}"),
        }
        // A different size is a change even within the clock's resolution.
        tokio::fs::write(dir.join("_headers"), "/*\n  X-A: a\n  oops\n").await?;
        match &*file.current().await {
            Loaded::Broken(message) => {
                assert!(message.contains("_headers: line 3: "), "{message}");
            }
            other => panic!("{other:?}"),
        }
        tokio::fs::remove_dir_all(&dir).await?;
        assert!(matches!(*file.current().await, Loaded::Absent));
        Ok(())
    }
}
