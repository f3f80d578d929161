//! A server URL taken apart for reading: the scheme shown, the host emphasised (the
//! part that says who receives the agents' calls), and what would make an admin
//! look twice: plain http, or a user name before the host, a classic way to make
//! `https://trusted.example@evil.test` read as the trusted one.

/// The parts of a `scheme://authority/rest` URL, as written (nothing decoded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerAddress<'a> {
    /// Lower-cased scheme, e.g. "https".
    pub scheme: String,
    /// What stands before an "@" in the authority, if anything.
    pub user_info: Option<&'a str>,
    /// Host and port.
    pub host: &'a str,
    /// Path, query and fragment.
    pub rest: &'a str,
}

impl<'a> ServerAddress<'a> {
    /// `None` for text that has no `scheme://host`; such a URL is shown as it is.
    pub fn parse(url: &'a str) -> Option<Self> {
        let (scheme, after) = url.split_once("://")?;
        let scheme_ok = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
        if !scheme_ok {
            return None;
        }
        // Browsers end the authority of web URLs at a backslash too.
        let end = after.find(['/', '?', '#', '\\']).unwrap_or(after.len());
        let (authority, rest) = after.split_at(end);
        let (user_info, host) = match authority.rsplit_once('@') {
            Some((user, host)) => (Some(user), host),
            None => (None, authority),
        };
        if host.is_empty() {
            return None;
        }
        Some(ServerAddress {
            scheme: scheme.to_ascii_lowercase(),
            user_info,
            host,
            rest,
        })
    }

    /// Plain http: the agents' calls, and a bearer token with them, travel readable
    /// by anyone on the way.
    pub fn is_plain_http(&self) -> bool {
        self.scheme == "http"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(url: &str) -> Option<(String, Option<&str>, &str, &str)> {
        ServerAddress::parse(url).map(|a| (a.scheme, a.user_info, a.host, a.rest))
    }

    #[test]
    fn splits_scheme_host_and_rest() {
        assert_eq!(
            parts("HTTPS://mcp.example.com:8443/oms?x=1#y"),
            Some(("https".into(), None, "mcp.example.com:8443", "/oms?x=1#y"))
        );
        assert_eq!(
            parts("https://mcp.example.com"),
            Some(("https".into(), None, "mcp.example.com", ""))
        );
    }

    #[test]
    fn the_host_is_what_follows_the_last_at_sign() {
        assert_eq!(
            parts("https://login.example.com@evil.test/a@b"),
            Some((
                "https".into(),
                Some("login.example.com"),
                "evil.test",
                "/a@b"
            ))
        );
        assert_eq!(
            parts("https://good.example\\@evil.test/"),
            Some(("https".into(), None, "good.example", "\\@evil.test/"))
        );
    }

    #[test]
    fn plain_http_is_told() {
        assert!(ServerAddress::parse("http://a.test/").is_some_and(|a| a.is_plain_http()));
        assert!(ServerAddress::parse("https://a.test/").is_some_and(|a| !a.is_plain_http()));
    }

    #[test]
    fn text_without_a_host_is_not_taken_apart() {
        for url in [
            "",
            "javascript:alert(1)",
            "mcp.example.com/x",
            "https:///x",
            "1x://h",
            "https://@/",
        ] {
            assert_eq!(ServerAddress::parse(url), None, "{url}");
        }
    }
}
