//! Text helpers for untrusted strings: previews, line counts and sizes, link safety.

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

/// The number of lines a reader sees in `text` shown exactly, as a connection's page
/// shows the instructions agents receive; the card gives the same count. 0 for "";
/// otherwise one more than the line feeds, less one when the text ends with one: a
/// final line feed ends the last line and starts none. Trailing blank lines count
/// ("a\n\n" is "a" and a blank line: 2) because agents receive them and the page
/// shows them; only the card's preview trims them. CRLF is one break (its line feed
/// is counted); a lone CR and the Unicode line and paragraph separators break no
/// line: the page shows each as a flagged character (`model::hidden_chars`).
pub fn line_count(text: &str) -> usize {
    match text {
        "" => 0,
        _ => {
            let feeds = text.bytes().filter(|&b| b == b'\n').count();
            feeds + 1 - usize::from(text.ends_with('\n'))
        }
    }
}

/// A count in words: "1 line", "2 lines", "0 lines".
pub fn counted(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// The size of a text in words, as its lines and characters (Unicode scalar values,
/// hidden ones included): "2 lines · 31 characters".
pub fn size_in_words(text: &str) -> String {
    format!(
        "{} · {}",
        counted(line_count(text), "line", "lines"),
        counted(text.chars().count(), "character", "characters")
    )
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
    fn counts_lines_as_the_text_has_them() {
        for (text, lines) in [
            ("", 0),
            ("one", 1),
            ("one\n", 1),
            ("one\ntwo", 2),
            ("one\ntwo\n", 2),
            ("\n", 1),
            ("a\n\nb", 3),
            // Trailing blank lines are lines: agents receive them.
            ("a\n\n", 2),
            ("a\n\n\n", 3),
            ("\n\n", 2),
            // CRLF is one break; a lone CR is none.
            ("a\r\nb\r\n", 2),
            ("a\r\n\r\n", 2),
            ("\r\n", 1),
            ("a\rb", 1),
            ("\r", 1),
            ("a\r", 1),
            ("\r\r\n", 1),
            // Unicode separators are flagged characters, not breaks.
            ("a\u{2028}b\u{2029}c", 1),
            ("é\n🙂", 2),
        ] {
            assert_eq!(line_count(text), lines, "{text:?}");
        }
    }

    #[test]
    fn sizes_in_words() {
        assert_eq!(size_in_words("a"), "1 line · 1 character");
        assert_eq!(size_in_words("é\n🙂\n\n"), "3 lines · 5 characters");
        assert_eq!(size_in_words(""), "0 lines · 0 characters");
        assert_eq!(
            counted(3, "hidden character", "hidden characters"),
            "3 hidden characters"
        );
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
