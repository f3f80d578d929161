//! Connections as CSV for spreadsheet apps: RFC 4180 (a field with a comma, quote,
//! CR or LF quoted, quotes doubled, CRLF line ends), UTF-8 with a byte-order mark
//! so that Excel reads it as UTF-8, and no cell a spreadsheet would run as a
//! formula. Written a batch of rows at a time, so that a big export can yield to
//! the browser between batches.
//!
//! The quoting is written here rather than taken from the `csv` crate: its writer
//! (`csv_core::Writer::field`) always compiles in `f64` parsing for a quoting style
//! the console never uses, and with it the float tables: about 24 KB of wasm
//! (twiggy), for fifteen lines of rule.

use std::borrow::Cow;

use chrono::SecondsFormat;

use super::connection::{AuthType, Connection, Status, Timestamp};

/// Tells spreadsheet apps the file is UTF-8 (Excel reads it as ANSI otherwise).
const BYTE_ORDER_MARK: &str = "\u{feff}";

/// The columns, named as the API names the fields.
const HEADER: [&str; 10] = [
    "id",
    "name",
    "status",
    "authType",
    "serverUrl",
    "lastHealthCheckAt",
    "createdAt",
    "updatedAt",
    "tenantId",
    "instructions",
];

/// A CSV file being written: `take` hands over what is written so far.
pub struct CsvWriter {
    output: String,
}

impl Default for CsvWriter {
    fn default() -> Self {
        Self::new()
    }
}

impl CsvWriter {
    /// A file with its byte-order mark and header row.
    pub fn new() -> Self {
        let mut writer = CsvWriter {
            output: BYTE_ORDER_MARK.to_owned(),
        };
        writer.record(HEADER.map(Cow::Borrowed));
        writer
    }

    /// Adds one connection's row.
    pub fn push(&mut self, connection: &Connection) {
        fn timestamp(at: &Option<Timestamp>) -> Cow<'_, str> {
            at.as_ref().map(timestamp_text).unwrap_or_default()
        }
        self.record([
            Cow::Borrowed(connection.id.as_str()),
            Cow::Borrowed(connection.name.as_str()),
            Cow::Borrowed(status_value(&connection.status)),
            Cow::Borrowed(auth_type_value(&connection.auth_type)),
            Cow::Borrowed(connection.server_url.as_str()),
            timestamp(&connection.last_health_check_at),
            timestamp(&connection.created_at),
            timestamp(&connection.updated_at),
            Cow::Borrowed(connection.tenant_id.as_str()),
            Cow::Borrowed(connection.instructions.as_deref().unwrap_or_default()),
        ]);
    }

    /// The text written since the last `take` (the first time, with the mark and
    /// the header).
    pub fn take(&mut self) -> String {
        std::mem::take(&mut self.output)
    }

    fn record<const N: usize>(&mut self, cells: [Cow<'_, str>; N]) {
        for (i, cell) in cells.iter().enumerate() {
            if i > 0 {
                self.output.push(',');
            }
            let cell = inert_cell(cell);
            if cell.contains([',', '"', '\r', '\n']) {
                self.output.push('"');
                self.output.push_str(&cell.replace('"', "\"\""));
                self.output.push('"');
            } else {
                self.output.push_str(&cell);
            }
        }
        self.output.push_str("\r\n");
    }
}

/// A cell a spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`,
/// tab or carriage return, as OWASP lists them) gets a leading `'`, which makes it
/// text; anything else is left exactly as it is.
pub fn inert_cell(text: &str) -> Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{text}")),
        _ => Cow::Borrowed(text),
    }
}

/// The API's value: documented ones in its spelling, others as sent.
fn status_value(status: &Status) -> &str {
    match status {
        Status::Active => "active",
        Status::Error => "error",
        Status::Unknown => "unknown",
        Status::Other(raw) => raw,
    }
}

fn auth_type_value(auth_type: &AuthType) -> &str {
    match auth_type {
        AuthType::Bearer => "bearer",
        AuthType::None => "none",
        AuthType::Other(raw) => raw,
    }
}

/// The API's form (UTC, milliseconds, `Z`); text that was no time stays as sent.
fn timestamp_text(at: &Timestamp) -> Cow<'_, str> {
    match at {
        Timestamp::Valid(at) => Cow::Owned(at.to_rfc3339_opts(SecondsFormat::Millis, true)),
        Timestamp::Unreadable(raw) => Cow::Borrowed(raw),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fixtures::connection;

    fn file(connections: &[Connection]) -> String {
        let mut writer = CsvWriter::new();
        let mut text = writer.take();
        for c in connections {
            writer.push(c);
            text.push_str(&writer.take());
        }
        text
    }

    const HEADER_LINE: &str = "id,name,status,authType,serverUrl,lastHealthCheckAt,createdAt,updatedAt,tenantId,instructions\r\n";

    #[test]
    fn starts_with_the_mark_and_the_header() {
        assert_eq!(file(&[]), format!("\u{feff}{HEADER_LINE}"));
    }

    #[test]
    fn plain_row() {
        let mut c = connection("a", Status::Active);
        c.last_health_check_at = Some(Timestamp::parse("2026-03-25T12:00:00Z"));
        c.created_at = Some(Timestamp::parse("not a time"));
        assert_eq!(
            file(&[c]),
            format!(
                "\u{feff}{HEADER_LINE}a,Connection a,active,bearer,https://mcp.example.com,\
                 2026-03-25T12:00:00.000Z,not a time,,tenant,\r\n"
            )
        );
    }

    #[test]
    fn quotes_what_rfc_4180_says_must_be_quoted() {
        let mut c = connection("a", Status::Other("Paused, by \"ops\"".to_owned()));
        c.name = "line one\nline two".to_owned();
        c.instructions = Some("cr\r\nlf".to_owned());
        c.server_url = "https://x.example/a b".to_owned();
        let text = file(&[c]);
        let row = text.strip_prefix(&format!("\u{feff}{HEADER_LINE}"));
        assert_eq!(
            row,
            Some(
                "a,\"line one\nline two\",\"Paused, by \"\"ops\"\"\",bearer,https://x.example/a b,\
                 ,,,tenant,\"cr\r\nlf\"\r\n"
            )
        );
    }

    #[test]
    fn formula_cells_are_made_text() {
        for (cell, expected) in [
            (
                "=HYPERLINK(\"http://evil\")",
                "'=HYPERLINK(\"http://evil\")",
            ),
            ("+1+1", "'+1+1"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tcmd", "'\tcmd"),
            ("\rcmd", "'\rcmd"),
            ("a=b", "a=b"),
            (" =1", " =1"),
            ("", ""),
            ("'quoted", "'quoted"),
            ("ｰ full-width", "ｰ full-width"),
        ] {
            assert_eq!(inert_cell(cell), expected, "{cell:?}");
        }
    }

    #[test]
    fn a_formula_with_a_comma_is_prefixed_then_quoted() {
        let mut c = connection("a", Status::Error);
        c.name = "=1,2".to_owned();
        c.id = "-id".to_owned();
        let text = file(&[c]);
        assert!(
            text.ends_with(
                "\r\n'-id,\"'=1,2\",error,bearer,https://mcp.example.com,,,,tenant,\r\n"
            ),
            "{text:?}"
        );
    }

    #[test]
    fn unicode_and_hidden_characters_stay_as_they_are() {
        let mut c = connection("a", Status::Active);
        c.name = "Zoë \u{202e}gnp.exe 日本".to_owned();
        let text = file(&[c]);
        assert!(text.contains(",Zoë \u{202e}gnp.exe 日本,"), "{text:?}");
    }
}
