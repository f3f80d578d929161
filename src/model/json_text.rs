//! Reading JSON text with serde_json the way the console needs it, for the API's
//! answers (`api`) and `config.json` (`config`): JSON's own whitespace, a leading
//! byte-order mark, objects only, a value's kind and a repeated field in words, and
//! strings whose lone surrogates must not cost the record.

use std::borrow::Cow;
use std::fmt;

use serde::Deserialize;
use serde::de::{Deserializer as _, IgnoredAny, Visitor};
use serde_json::value::RawValue;

const OBJECT: &str = "an object";
const STRING: &str = "a string";

/// The whitespace JSON allows between tokens: not form feed, nor any other.
pub fn is_whitespace(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r')
}

/// `text` without a leading UTF-8 byte-order mark. JSON text must not start with
/// one, but RFC 8259 lets readers ignore it and the browser's own reading of a
/// body (`Response.text()`) drops it.
pub fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{FEFF}').unwrap_or(text)
}

/// What kind of value `json` is, in words ("an object", "a list"…), when it is
/// JSON; otherwise what is wrong with it, and where. Nesting of any depth is
/// checked without recursion and nothing is built.
pub fn kind(json: &str) -> Result<&'static str, serde_json::Error> {
    serde_json::from_str::<IgnoredAny>(json)?;
    Ok(first_kind(json))
}

/// The kind of a value serde_json has already checked, in words.
pub fn kind_of(value: &RawValue) -> &'static str {
    first_kind(value.get())
}

/// The kind of JSON text from its first character (the text is JSON, or about to
/// be checked).
fn first_kind(json: &str) -> &'static str {
    match json
        .trim_start_matches([' ', '\t', '\n', '\r'])
        .as_bytes()
        .first()
    {
        Some(b'{') => OBJECT,
        Some(b'[') => "a list",
        Some(b'"') => STRING,
        Some(b't' | b'f') => "a true/false value",
        Some(b'n') => "null",
        _ => "a number",
    }
}

/// A field that must be a string when it is there: `None` when absent or null
/// (serde reads both as `None` of the `Option`), else its text, borrowed from the
/// JSON when it has no escapes, or the kind it is instead, in words.
pub fn text(value: Option<&RawValue>) -> Result<Option<Cow<'_, str>>, &'static str> {
    let Some(value) = value else {
        return Ok(None);
    };
    match kind_of(value) {
        // Cannot fail: serde_json checked the string when it kept the value.
        STRING => Ok(Some(
            serde_json::Deserializer::from_str(value.get())
                .deserialize_bytes(Wtf8Text)
                .unwrap_or_default(),
        )),
        other => Err(other),
    }
}

/// Reads a JSON string as bytes: serde_json refuses an escaped lone surrogate
/// (`"\ud800"`) in a `str`, but JSON allows it (the browser's reader keeps it), so
/// a hostile server's text must not cost its record. In bytes serde_json writes it
/// as WTF-8, which `from_wtf8` turns into U+FFFD.
struct Wtf8Text;

impl<'de> Visitor<'de> for Wtf8Text {
    type Value = Cow<'de, str>;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a string")
    }

    fn visit_borrowed_bytes<E>(self, bytes: &'de [u8]) -> Result<Self::Value, E> {
        Ok(from_wtf8(bytes))
    }

    fn visit_bytes<E>(self, bytes: &[u8]) -> Result<Self::Value, E> {
        Ok(Cow::Owned(from_wtf8(bytes).into_owned()))
    }
}

/// UTF-8 text in which a lone surrogate is the three bytes ED A0..BF 80..BF: each
/// such surrogate becomes one U+FFFD, as the browser shows it. (The JSON was valid
/// UTF-8, so nothing else is invalid.)
fn from_wtf8(bytes: &[u8]) -> Cow<'_, str> {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Cow::Borrowed(text);
    }
    let mut text = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        // A surrogate is cut into its first byte and two lone continuation bytes;
        // only the first stands for it.
        if chunk.invalid().first().is_some_and(|&byte| byte >= 0xC0) {
            text.push(char::REPLACEMENT_CHARACTER);
        }
    }
    Cow::Owned(text)
}

/// Why a JSON text is not the object that was wanted.
#[derive(Debug)]
pub enum Unreadable {
    /// It is not JSON (serde_json's words, with line and column).
    NotJson(serde_json::Error),
    /// JSON of another kind, in words: "a list", "a number"…
    NotAnObject(&'static str),
    /// A field appears twice. Readers disagree about which value counts (browsers
    /// take the last, others the first), so the object is refused.
    RepeatedField(String),
    /// Any other mismatch, in serde's words (the console's objects keep their
    /// fields as raw JSON, so this does not happen with them).
    Mismatch(String),
}

impl fmt::Display for Unreadable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unreadable::NotJson(error) => write!(f, "{error}"),
            Unreadable::NotAnObject(kind) => write!(f, "it is {kind}, not an object"),
            Unreadable::RepeatedField(name) => write!(f, "the field `{name}` appears twice"),
            Unreadable::Mismatch(words) => f.write_str(words),
        }
    }
}

/// Reads `json`, one JSON value, as the object `T`. Anything but an object is
/// refused before serde reads it, because a derived struct also takes a list and
/// its elements as the fields in order.
pub fn read_object<'a, T: Deserialize<'a>>(json: &'a str) -> Result<T, Unreadable> {
    if first_kind(json) != OBJECT {
        return Err(match kind(json) {
            Ok(found) => Unreadable::NotAnObject(found),
            Err(error) => Unreadable::NotJson(error),
        });
    }
    serde_json::from_str(json).map_err(|error| {
        if !error.is_data() {
            return Unreadable::NotJson(error);
        }
        // serde stops at the first mismatch: the rest must still be JSON.
        if let Err(broken) = kind(json) {
            return Unreadable::NotJson(broken);
        }
        match repeated_field(&error) {
            Some(name) => Unreadable::RepeatedField(name),
            None => Unreadable::Mismatch(error.to_string()),
        }
    })
}

/// The name in serde's "duplicate field `name`", which its derive reports for a
/// repeated field (a message, not a code serde_json can name).
fn repeated_field(error: &serde_json::Error) -> Option<String> {
    let message = error.to_string();
    let (name, _) = message.strip_prefix("duplicate field `")?.split_once('`')?;
    Some(name.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize)]
    struct Pair<'a> {
        #[serde(borrow)]
        a: Option<&'a RawValue>,
        #[serde(borrow)]
        b: Option<&'a RawValue>,
    }

    fn text_of(json: &str) -> Result<Option<String>, &'static str> {
        let pair: Pair = read_object(json).map_err(|_| "unreadable")?;
        text(pair.a).map(|text| text.map(Cow::into_owned))
    }

    #[test]
    fn only_json_whitespace_is_whitespace() {
        let spaces: Vec<u8> = (0..=255).filter(|&byte| is_whitespace(byte)).collect();
        assert_eq!(spaces, b"\t\n\r ");
        assert!(kind("\u{c}1").is_err(), "form feed is not JSON whitespace");
        assert_eq!(kind(" \t\r\n1 ").ok(), Some("a number"));
    }

    #[test]
    fn one_leading_byte_order_mark_is_dropped() {
        assert_eq!(without_bom("\u{FEFF}[]"), "[]");
        assert_eq!(without_bom("\u{FEFF}\u{FEFF}[]"), "\u{FEFF}[]");
        assert_eq!(without_bom(" \u{FEFF}[]"), " \u{FEFF}[]");
        assert!(kind("\u{FEFF}[]").is_err(), "serde_json alone refuses it");
    }

    #[test]
    fn kinds_in_words() {
        for (json, words) in [
            ("{}", "an object"),
            ("[1]", "a list"),
            ("\"x\"", "a string"),
            ("true", "a true/false value"),
            ("false", "a true/false value"),
            ("null", "null"),
            ("-0.5e3", "a number"),
            ("1e400", "a number"),
            ("123456789012345678901234567890", "a number"),
        ] {
            assert_eq!(kind(json).ok(), Some(words), "{json}");
        }
        for broken in [
            "",
            "tru",
            "01",
            "[1,]",
            "{\"a\" 1}",
            "'x'",
            "[1] [2]",
            "NaN",
        ] {
            assert!(kind(broken).is_err(), "{broken:?}");
        }
    }

    #[test]
    fn deep_nesting_is_checked_without_recursion() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(kind(&deep).ok(), Some("a list"));
        let unclosed = "[".repeat(100_000);
        assert!(kind(&unclosed).is_err());
    }

    #[test]
    fn strings_are_read_and_other_kinds_named() {
        assert_eq!(
            text_of(r#"{"a":"Zürich <b>"}"#),
            Ok(Some("Zürich <b>".into()))
        );
        assert_eq!(
            text_of(r#"{"a":"a\"b\\c\/d\b\f\n\r\t \u00e9 \ud83d\ude00 \u200b"}"#),
            Ok(Some("a\"b\\c/d\u{8}\u{c}\n\r\t é 😀 \u{200b}".into()))
        );
        assert_eq!(text_of(r#"{"a":null}"#), Ok(None));
        assert_eq!(text_of(r#"{"b":"x"}"#), Ok(None));
        assert_eq!(text_of(r#"{"a":3}"#), Err("a number"));
        assert_eq!(text_of(r#"{"a":1e400}"#), Err("a number"));
        assert_eq!(text_of(r#"{"a":[[["x"]]]}"#), Err("a list"));
        assert_eq!(text_of(r#"{"a":{}}"#), Err("an object"));
        assert_eq!(text_of(r#"{"a":false}"#), Err("a true/false value"));
    }

    #[test]
    fn strings_without_escapes_are_borrowed() {
        let json = r#"{"a":"plain","b":"esc\naped"}"#;
        let Ok(pair) = read_object::<Pair>(json) else {
            panic!("not read")
        };
        assert!(matches!(text(pair.a), Ok(Some(Cow::Borrowed("plain")))));
        assert!(matches!(text(pair.b), Ok(Some(Cow::Owned(_)))));
    }

    #[test]
    fn a_lone_surrogate_is_one_replacement_character() {
        assert_eq!(
            text_of(r#"{"a":"x\ud800y\udc00z"}"#),
            Ok(Some("x\u{FFFD}y\u{FFFD}z".into()))
        );
        assert_eq!(
            text_of(r#"{"a":"\ud83dA\ud83d\ud83d\ude00é"}"#),
            Ok(Some("\u{FFFD}A\u{FFFD}😀é".into()))
        );
        assert_eq!(text_of(r#"{"a":"\udfff"}"#), Ok(Some("\u{FFFD}".into())));
    }

    #[test]
    fn only_objects_are_read() {
        let shape = |json: &str| {
            read_object::<Pair>(json)
                .map(|_| ())
                .map_err(|e| e.to_string())
        };
        assert_eq!(
            shape("[\"x\", \"y\"]"),
            Err("it is a list, not an object".into())
        );
        assert_eq!(shape(" 42"), Err("it is a number, not an object".into()));
        assert_eq!(shape("null"), Err("it is null, not an object".into()));
        assert!(matches!(
            read_object::<Pair>("[1,"),
            Err(Unreadable::NotJson(_))
        ));
        assert!(matches!(
            read_object::<Pair>("\u{c}{}"),
            Err(Unreadable::NotJson(_))
        ));
        assert!(shape(" {\"a\":1, \"c\": {\"deep\": [1e400, 0.1e-2147483648]}}").is_ok());
    }

    #[test]
    fn a_repeated_field_is_named() {
        for json in [
            r#"{"a":"benign","a":"evil"}"#,
            r#"{"a":null,"a":"evil"}"#,
            r#"{"b":1,"a":[],"a":{}}"#,
        ] {
            match read_object::<Pair>(json) {
                Err(error @ Unreadable::RepeatedField(_)) => {
                    assert_eq!(error.to_string(), "the field `a` appears twice", "{json}")
                }
                other => panic!("{json}: {other:?}"),
            }
        }
        // Unknown fields are skipped, however often they come.
        assert!(read_object::<Pair>(r#"{"c":1,"c":2}"#).is_ok());
        // A repeat followed by text that is not JSON is not JSON.
        assert!(matches!(
            read_object::<Pair>(r#"{"a":1,"a":2,"#),
            Err(Unreadable::NotJson(_))
        ));
    }
}
