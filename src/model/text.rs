//! Text helpers for untrusted strings: previews and link safety.

/// A collapsed view of long text: the first lines, cut at a character budget.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preview {
    pub text: String,
    pub truncated: bool,
}

/// The first `max_lines` lines of `text`, at most `max_chars` characters, with "…"
/// where it was cut. Works on characters, never splitting a UTF-8 sequence.
pub fn preview(text: &str, max_lines: usize, max_chars: usize) -> Preview {
    let text = text.trim_end();
    let mut end = text.len();
    if let Some((index, _)) = text.match_indices('\n').nth(max_lines.saturating_sub(1)) {
        end = index;
    }
    if let Some((index, _)) = text[..end].char_indices().nth(max_chars) {
        end = index;
    }
    if end == text.len() {
        return Preview {
            text: text.to_owned(),
            truncated: false,
        };
    }
    Preview {
        text: format!("{}…", text[..end].trim_end()),
        truncated: true,
    }
}

/// Number of lines as a person counts them (a trailing newline adds none).
pub fn line_count(text: &str) -> usize {
    text.trim_end_matches('\n').lines().count().max(1)
}

/// The URL, if it may become a link: only absolute http(s) URLs without control
/// characters or spaces, checked on the raw text so that browser URL clean-up
/// (which drops tabs and newlines) cannot turn it into another scheme.
pub fn safe_http_url(raw: &str) -> Option<&str> {
    let lower = raw.get(..8).unwrap_or(raw).to_ascii_lowercase();
    let has_scheme = lower.starts_with("http://") || lower.starts_with("https://");
    let host_follows = raw
        .split_once("://")
        .is_some_and(|(_, rest)| !rest.is_empty() && !rest.starts_with('/'));
    let clean = !raw.chars().any(|c| c.is_control() || c.is_whitespace());
    (has_scheme && host_follows && clean).then_some(raw)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_not_truncated() {
        assert_eq!(
            preview("one\ntwo\n", 3, 100),
            Preview {
                text: "one\ntwo".into(),
                truncated: false
            }
        );
    }

    #[test]
    fn cuts_at_lines_then_characters() {
        let p = preview("a\nb\nc\nd", 3, 100);
        assert_eq!(p.text, "a\nb\nc…");
        assert!(p.truncated);
        let p = preview("abcdefghij", 3, 4);
        assert_eq!(p.text, "abcd…");
    }

    #[test]
    fn never_splits_multibyte_characters() {
        let p = preview("ééééé🙂🙂", 1, 6);
        assert_eq!(p.text, "ééééé🙂…");
    }

    #[test]
    fn counts_lines() {
        assert_eq!(line_count("one"), 1);
        assert_eq!(line_count("one\ntwo\n"), 2);
        assert_eq!(line_count(""), 1);
    }

    #[test]
    fn only_http_and_https_become_links() {
        assert!(safe_http_url("https://mcp.example.com/oms").is_some());
        assert!(safe_http_url("HTTP://legacy.local:8080").is_some());
        for bad in [
            "javascript:alert(1)",
            " JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "ftp://files.example.com",
            "",
            "https://",
            "https:///path",
            " https://example.com",
            "https://exa mple.com",
            "https://example.com/\u{0}",
            "//example.com",
            "mcp.example.com",
        ] {
            assert_eq!(safe_http_url(bad), None, "{bad:?}");
        }
    }
}
