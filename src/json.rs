//! A small JSON reader for what the console reads: the API's answers and
//! `config.json`. Text in, a tree of borrowed values out, or an error that says
//! what is wrong and where.
//!
//! Why not serde_json: the console reads a handful of flat records, and serde_json
//! with the derived readers was about 25 KB of the wasm every visitor downloads
//! (issue 5's size budget); this is a few KB. Numbers are checked but kept as text:
//! only `staleAfterHours` needs a value, read by `number`.

use std::borrow::Cow;
use std::fmt;

/// Deeper nesting than this is refused: the API's records are flat, and recursion
/// without a limit would let a hostile answer exhaust the stack.
const MAX_DEPTH: usize = 128;

/// A JSON value; strings without escapes borrow from the text.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    Null,
    Bool(bool),
    /// The number as written (valid JSON number syntax).
    Number(&'a str),
    String(Cow<'a, str>),
    Array(Vec<Value<'a>>),
    /// Members in their order; a repeated name is kept twice, `field` finds the first.
    Object(Vec<(Cow<'a, str>, Value<'a>)>),
}

impl<'a> Value<'a> {
    /// The member `name` of an object (`None` for other values).
    pub fn field(&self, name: &str) -> Option<&Value<'a>> {
        match self {
            Value::Object(members) => members
                .iter()
                .find(|(key, _)| key == name)
                .map(|(_, value)| value),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(text) => Some(text),
            _ => None,
        }
    }

    /// What kind of value this is, in words: "an object", "a number"…
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a true/false value",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "a list",
            Value::Object(_) => "an object",
        }
    }
}

/// Text that is not JSON: what is wrong, and the 1-based line and column where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub problem: &'static str,
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.problem, self.line, self.column
        )
    }
}

/// Reads `text` as one JSON value, with nothing but whitespace around it.
pub fn parse(text: &str) -> Result<Value<'_>, Error> {
    let mut reader = Reader { text, at: 0 };
    let value = reader.value(0)?;
    reader.skip_whitespace();
    if reader.at < text.len() {
        return Err(reader.error("trailing characters after the value"));
    }
    Ok(value)
}

/// The value of a JSON number's text (as `Value::Number` holds it), or `None` when
/// it is out of `f64`'s range. Exact to about 18 significant digits, which is all
/// a setting needs: `str::parse::<f64>` would be exact, and bring 11 KB of tables.
pub fn number(text: &str) -> Option<f64> {
    let (negative, text) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (digits, mut scale) = match text.split_once(['e', 'E']) {
        Some((digits, exponent)) => (digits, exponent.parse::<i32>().ok()?),
        None => (text, 0),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let mut mantissa: u64 = 0;
    for (byte, in_fraction) in whole
        .bytes()
        .map(|b| (b, false))
        .chain(fraction.bytes().map(|b| (b, true)))
    {
        let digit = u64::from(byte.checked_sub(b'0').filter(|d| *d < 10)?);
        if mantissa < 100_000_000_000_000_000 {
            mantissa = mantissa * 10 + digit;
            scale -= i32::from(in_fraction);
        } else {
            // Digits beyond what a u64 holds only scale the number.
            scale += i32::from(!in_fraction);
        }
    }
    let value = mantissa as f64 * 10_f64.powi(scale);
    value
        .is_finite()
        .then_some(if negative { -value } else { value })
}

/// How many bytes at the start of `bytes` need no attention inside a string (no
/// quote, backslash or control character). Eight bytes at a time: instructions run
/// to kilobytes, and 50,000 records are tens of megabytes.
fn plain_length(bytes: &[u8]) -> usize {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    // Some byte of `x` is below `n` (n at most 0x80).
    let any_below = |x: u64, n: u8| x.wrapping_sub(ONES * u64::from(n)) & !x & HIGH != 0;
    let mut at = 0;
    for chunk in bytes.chunks_exact(8) {
        let mut eight = [0; 8];
        eight.copy_from_slice(chunk);
        let x = u64::from_ne_bytes(eight);
        if any_below(x ^ (ONES * u64::from(b'"')), 1)
            || any_below(x ^ (ONES * u64::from(b'\\')), 1)
            || any_below(x, 0x20)
        {
            break;
        }
        at += 8;
    }
    at + bytes[at..]
        .iter()
        .position(|&byte| byte == b'"' || byte == b'\\' || byte < 0x20)
        .unwrap_or(bytes.len() - at)
}

struct Reader<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Reader<'a> {
    fn error(&self, problem: &'static str) -> Error {
        let before = &self.text[..self.at.min(self.text.len())];
        let line = before.matches('\n').count() + 1;
        let column = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
        Error {
            problem,
            line,
            column,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// Steps over `byte` after whitespace, if it is next.
    fn eat(&mut self, byte: u8) -> bool {
        self.skip_whitespace();
        let found = self.peek() == Some(byte);
        if found {
            self.at += 1;
        }
        found
    }

    fn value(&mut self, depth: usize) -> Result<Value<'a>, Error> {
        if depth > MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        self.skip_whitespace();
        match self.peek() {
            None => Err(self.error("the text ends where a value should be")),
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(Value::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => self.literal(),
        }
    }

    fn literal(&mut self) -> Result<Value<'a>, Error> {
        for (word, value) in [
            ("true", Value::Bool(true)),
            ("false", Value::Bool(false)),
            ("null", Value::Null),
        ] {
            if self.text[self.at..].starts_with(word) {
                self.at += word.len();
                return Ok(value);
            }
        }
        Err(self.error("expected a value"))
    }

    fn object(&mut self, depth: usize) -> Result<Value<'a>, Error> {
        self.at += 1;
        // Room for a connection record's fields without growing.
        let mut members = Vec::with_capacity(12);
        if self.eat(b'}') {
            return Ok(Value::Object(members));
        }
        loop {
            self.skip_whitespace();
            if self.peek() != Some(b'"') {
                return Err(self.error("expected a member name in quotes"));
            }
            let name = self.string()?;
            if !self.eat(b':') {
                return Err(self.error("expected `:` after a member name"));
            }
            members.push((name, self.value(depth + 1)?));
            if self.eat(b'}') {
                return Ok(Value::Object(members));
            }
            if !self.eat(b',') {
                return Err(self.error("expected `,` or `}` after a member"));
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value<'a>, Error> {
        self.at += 1;
        let mut items = Vec::new();
        if self.eat(b']') {
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value(depth + 1)?);
            if self.eat(b']') {
                return Ok(Value::Array(items));
            }
            if !self.eat(b',') {
                return Err(self.error("expected `,` or `]` after a list element"));
            }
        }
    }

    fn number(&mut self) -> Result<Value<'a>, Error> {
        let start = self.at;
        let digits = |reader: &mut Self| {
            let from = reader.at;
            while matches!(reader.peek(), Some(b'0'..=b'9')) {
                reader.at += 1;
            }
            reader.at > from
        };
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        let leading_zero = self.peek() == Some(b'0');
        if !digits(self) {
            return Err(self.error("expected digits"));
        }
        if leading_zero && self.at - start > 1 + usize::from(self.text.as_bytes()[start] == b'-') {
            return Err(self.error("a number cannot start with 0"));
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if !digits(self) {
                return Err(self.error("expected digits after the decimal point"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if !digits(self) {
                return Err(self.error("expected digits in the exponent"));
            }
        }
        Ok(Value::Number(&self.text[start..self.at]))
    }

    /// A string, the reader on its opening quote. Borrowed unless it has escapes.
    fn string(&mut self) -> Result<Cow<'a, str>, Error> {
        self.at += 1;
        let start = self.at;
        // The common case: no escapes, so the text itself is the string.
        let end = start + plain_length(&self.text.as_bytes()[start..]);
        self.at = end;
        match self.peek() {
            Some(b'"') => {
                self.at += 1;
                return Ok(Cow::Borrowed(&self.text[start..end]));
            }
            Some(b'\\') => {}
            Some(_) => return Err(self.error("a control character in a string")),
            None => return Err(self.error("the text ends inside a string")),
        }
        let mut owned = String::from(&self.text[start..self.at]);
        loop {
            let rest = &self.text[self.at..];
            let Some(next) = rest.find(['"', '\\']) else {
                self.at = self.text.len();
                return Err(self.error("the text ends inside a string"));
            };
            let plain = &rest[..next];
            if plain.bytes().any(|byte| byte < 0x20) {
                self.at += plain.bytes().position(|byte| byte < 0x20).unwrap_or(0);
                return Err(self.error("a control character in a string"));
            }
            owned.push_str(plain);
            self.at += next + 1;
            if rest.as_bytes()[next] == b'"' {
                return Ok(Cow::Owned(owned));
            }
            let escaped = match self.peek() {
                Some(b'"') => '"',
                Some(b'\\') => '\\',
                Some(b'/') => '/',
                Some(b'b') => '\u{8}',
                Some(b'f') => '\u{c}',
                Some(b'n') => '\n',
                Some(b'r') => '\r',
                Some(b't') => '\t',
                Some(b'u') => {
                    self.at += 1;
                    owned.push(self.unicode_escape()?);
                    continue;
                }
                _ => return Err(self.error("an unknown escape in a string")),
            };
            self.at += 1;
            owned.push(escaped);
        }
    }

    /// The character of a `\u` escape (the reader after the `u`), with a following
    /// low surrogate if it is the first half of a pair. A lone surrogate, which no
    /// character has, becomes U+FFFD, as the browser's own JSON reader would keep
    /// the text.
    fn unicode_escape(&mut self) -> Result<char, Error> {
        let high = self.hex4()?;
        if !(0xD800..0xDC00).contains(&high) {
            return Ok(char::from_u32(high).unwrap_or(char::REPLACEMENT_CHARACTER));
        }
        if self.text[self.at..].starts_with("\\u") {
            let mark = self.at;
            self.at += 2;
            let low = self.hex4()?;
            if (0xDC00..0xE000).contains(&low) {
                let code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
                return Ok(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER));
            }
            self.at = mark;
        }
        Ok(char::REPLACEMENT_CHARACTER)
    }

    fn hex4(&mut self) -> Result<u32, Error> {
        let digits = self.text.get(self.at..self.at + 4);
        let code = digits
            .filter(|digits| digits.bytes().all(|byte| byte.is_ascii_hexdigit()))
            .and_then(|digits| u32::from_str_radix(digits, 16).ok());
        match code {
            Some(code) => {
                self.at += 4;
                Ok(code)
            }
            None => Err(self.error("expected four hex digits after \\u")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(value: &Value) -> String {
        value.as_str().map(str::to_owned).unwrap_or_default()
    }

    #[test]
    fn reads_every_kind_of_value() {
        let value = parse(r#" {"a": [1, -2.5e3, 0], "b": true, "c": false, "d": null, "e": "x"} "#);
        let Ok(value) = value else {
            panic!("{value:?}")
        };
        assert_eq!(
            value.field("a"),
            Some(&Value::Array(vec![
                Value::Number("1"),
                Value::Number("-2.5e3"),
                Value::Number("0")
            ]))
        );
        assert_eq!(value.field("b"), Some(&Value::Bool(true)));
        assert_eq!(value.field("c"), Some(&Value::Bool(false)));
        assert_eq!(value.field("d"), Some(&Value::Null));
        assert_eq!(value.field("e").map(text).as_deref(), Some("x"));
        assert_eq!(value.field("f"), None);
        assert_eq!(value.kind(), "an object");
        assert_eq!(parse("[]").map(|v| v.kind()), Ok("a list"));
        assert_eq!(parse("{}").map(|v| v.kind()), Ok("an object"));
    }

    #[test]
    fn strings_unescape_and_borrow_when_they_can() {
        let Ok(Value::String(plain)) = parse(r#""Zürich <b>""#) else {
            panic!("not a string")
        };
        assert!(matches!(plain, Cow::Borrowed("Zürich <b>")));
        let escaped = parse(r#""a\"b\\c\/d\b\f\n\r\t \u00e9 \ud83d\ude00 \u200b""#);
        assert_eq!(
            escaped.as_ref().map(text),
            Ok("a\"b\\c/d\u{8}\u{c}\n\r\t é 😀 \u{200b}".to_owned())
        );
        // A lone surrogate is kept as U+FFFD rather than losing the record.
        assert_eq!(
            parse(r#""x\ud800y\udc00z""#).as_ref().map(text),
            Ok("x\u{FFFD}y\u{FFFD}z".to_owned())
        );
        assert_eq!(
            parse(r#""\ud83dA""#).as_ref().map(text),
            Ok("\u{FFFD}A".to_owned())
        );
    }

    #[test]
    fn broken_json_says_what_and_where() {
        let problem = |text: &str| parse(text).map(|_| ()).map_err(|e| e.to_string());
        assert_eq!(
            problem("{\n  \"a\": tru\n}"),
            Err("expected a value at line 2 column 8".to_owned())
        );
        assert_eq!(
            problem(""),
            Err("the text ends where a value should be at line 1 column 1".to_owned())
        );
        for broken in [
            "[1,]",
            "[1 2]",
            "{\"a\" 1}",
            "{a: 1}",
            "{\"a\": 1,}",
            "01",
            "-",
            "1.",
            "1e",
            "\"open",
            "\"a\nb\"",
            "\"\\x\"",
            "\"\\u12\"",
            "[1] [2]",
            "nul",
            "[",
            "{\"id\": \"1\", \"x\": \"a\\",
        ] {
            assert!(parse(broken).is_err(), "{broken:?} is not JSON");
        }
    }

    #[test]
    fn plain_runs_end_at_quotes_backslashes_and_controls() {
        for text in [
            "",
            "abc",
            "abcdefghijklmnopq",
            "Zürich café ✓ über alles, 0123",
        ] {
            assert_eq!(plain_length(text.as_bytes()), text.len(), "{text}");
        }
        for special in ['"', '\\', '\n', '\u{0}', '\u{1f}'] {
            for at in 0..20 {
                let text = format!("{}{special}{}", "x".repeat(at), "y".repeat(9));
                assert_eq!(plain_length(text.as_bytes()), at, "{text:?}");
            }
        }
        // Bytes above the ASCII range are never mistaken for special ones.
        assert_eq!(plain_length("\u{7f}\u{a2}\u{ff}ÿ\u{80}".as_bytes()), 9);
    }

    #[test]
    fn deep_nesting_is_refused_not_a_crash() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(
            parse(&deep).map_err(|e| e.problem),
            Err("nested too deeply")
        );
        let fine = format!("{}{}", "[".repeat(100), "]".repeat(100));
        assert!(parse(&fine).is_ok());
    }

    #[test]
    fn numbers_keep_their_text_and_give_their_value() {
        assert_eq!(parse("-0.25"), Ok(Value::Number("-0.25")));
        assert_eq!(number("24"), Some(24.0));
        assert_eq!(number("0.5"), Some(0.5));
        assert_eq!(number("-1.5E+2"), Some(-150.0));
        assert_eq!(number("2e-1"), Some(0.2));
        let long = number("123456789012345678901234").unwrap_or_default();
        assert!(
            (long / 1.234_567_890_123_456_8e23 - 1.0).abs() < 1e-15,
            "{long}"
        );
        assert_eq!(number("1e400"), None);
        assert_eq!(number("1e99999999999"), None);
    }
}
