//! Percent-encoding for the places the console writes untrusted text into URLs: the
//! query string (`?q=…`), and the connection id as one path segment of its own
//! pages (`/connections/{id}`) and of the API's (`/api/mcp-connections/{id}/test`).
//! Pure, so both directions are tested on the host.

/// Where the text goes: they differ only in how a space is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// `application/x-www-form-urlencoded`: a space is "+", and "+" means a space.
    Form,
    /// One path segment: a space is "%20", and "+" is itself.
    PathSegment,
}

/// Unreserved characters as they are, every other byte as %XX (and, in a form, a
/// space as "+"), so the text can never end the segment or the value it is in.
pub fn encode(text: &str, encoding: Encoding) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(char::from(byte));
            }
            b' ' if encoding == Encoding::Form => out.push('+'),
            _ => {
                const HEX: &[u8; 16] = b"0123456789ABCDEF";
                out.push('%');
                out.push(char::from(HEX[usize::from(byte >> 4)]));
                out.push(char::from(HEX[usize::from(byte & 0xF)]));
            }
        }
    }
    out
}

/// `text` as one path segment, or `None` where no segment can carry it: an empty
/// segment, "." or "..", which URL parsers resolve as steps between folders even
/// when percent-encoded (`/api/mcp-connections/../test` is `/api/test`). Every other
/// text stays one segment once encoded.
pub fn path_segment(text: &str) -> Option<String> {
    match text {
        "" | "." | ".." => None,
        _ => Some(encode(text, Encoding::PathSegment)),
    }
}

/// The text `encode` wrote; invalid escapes stay as written, and bytes that are not
/// UTF-8 become U+FFFD.
pub fn decode(text: &str, encoding: Encoding) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' if encoding == Encoding::Form => out.push(b' '),
            b'%' => {
                let hex = match bytes.get(i + 1..i + 3) {
                    Some(&[high, low]) => hex_value(high).zip(hex_value(low)),
                    _ => None,
                };
                match hex {
                    Some((high, low)) => {
                        let byte = high << 4 | low;
                        out.push(byte);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            other => out.push(other),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// One hex digit's value. Not `u8::from_str_radix`, which takes a sign: "%+f" is no
/// escape.
fn hex_value(digit: u8) -> Option<u8> {
    char::from(digit)
        .to_digit(16)
        .and_then(|value| u8::try_from(value).ok())
}

#[cfg(test)]
mod tests {
    use super::Encoding::{Form, PathSegment};
    use super::*;

    #[test]
    fn decodes_plus_percent_and_broken_escapes() {
        assert_eq!(decode("a+b%20c", Form), "a b c");
        assert_eq!(decode("100%", Form), "100%");
        assert_eq!(decode("%e2%9c%93", Form), "✓");
        assert_eq!(decode("%zz%4", PathSegment), "%zz%4");
        assert_eq!(decode("%FF%fe", PathSegment), "\u{FFFD}\u{FFFD}");
    }

    #[test]
    fn a_sign_is_not_a_hex_digit() {
        for text in ["%+f", "%-1", "%+F%2b"] {
            assert_eq!(
                decode(text, PathSegment),
                text.replace("%2b", "+"),
                "{text}"
            );
        }
        assert_eq!(decode("%+f", Form), "% f");
    }

    #[test]
    fn dot_segments_and_empty_text_are_no_segment() {
        for text in ["", ".", ".."] {
            assert_eq!(path_segment(text), None, "{text:?}");
        }
        assert_eq!(path_segment("...").as_deref(), Some("..."));
        assert_eq!(path_segment("%2e%2e").as_deref(), Some("%252e%252e"));
        assert_eq!(path_segment("a/../b").as_deref(), Some("a%2F..%2Fb"));
        assert_eq!(path_segment(" .. ").as_deref(), Some("%20..%20"));
    }

    #[test]
    fn a_space_and_a_plus_differ_between_forms_and_paths() {
        assert_eq!(encode("a b+c", Form), "a+b%2Bc");
        assert_eq!(encode("a b+c", PathSegment), "a%20b%2Bc");
        assert_eq!(decode("a+b", PathSegment), "a+b");
    }

    #[test]
    fn nothing_that_ends_a_segment_or_a_value_survives() {
        let tricky = "../a/b?c#d&e=f%g \u{202e}é東";
        for encoding in [Form, PathSegment] {
            let encoded = encode(tricky, encoding);
            assert!(
                encoded
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-_.~%+".contains(&b)),
                "{encoded}"
            );
            assert_eq!(decode(&encoded, encoding), tricky);
        }
    }
}
