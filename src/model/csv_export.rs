//! Connections as CSV for spreadsheet apps: RFC 4180 (quoting by the `csv` crate,
//! CRLF line ends), UTF-8 with a byte-order mark so that Excel reads it as UTF-8,
//! and no cell a spreadsheet would run as a formula. Written a batch of rows at a
//! time, so that a big export can yield to the browser between batches.

use std::borrow::Cow;
use std::cell::RefCell;
use std::io;
use std::rc::Rc;

use chrono::SecondsFormat;
use csv::{Terminator, Writer, WriterBuilder};

use super::connection::{AuthType, Connection, Status, Timestamp};

/// Tells spreadsheet apps the file is UTF-8 (Excel reads it as ANSI otherwise).
const BYTE_ORDER_MARK: &[u8] = "\u{feff}".as_bytes();

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
    writer: Writer<Output>,
    output: Output,
}

/// Where the `csv` writer writes: shared with `CsvWriter`, which empties it on
/// `take` (the writer itself only gives its output up when it is dropped).
#[derive(Clone, Default)]
struct Output(Rc<RefCell<Vec<u8>>>);

impl io::Write for Output {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Default for CsvWriter {
    fn default() -> Self {
        Self::new()
    }
}

impl CsvWriter {
    /// A file with its byte-order mark and header row.
    pub fn new() -> Self {
        let output = Output(Rc::new(RefCell::new(BYTE_ORDER_MARK.to_vec())));
        let mut writer = WriterBuilder::new()
            .terminator(Terminator::CRLF)
            .from_writer(output.clone());
        // Writing into memory cannot fail.
        let _ = writer.write_record(HEADER);
        CsvWriter { writer, output }
    }

    /// Adds one connection's row.
    pub fn push(&mut self, connection: &Connection) {
        fn timestamp(at: &Option<Timestamp>) -> Option<Cow<'_, str>> {
            at.as_ref().map(timestamp_text)
        }
        let cells = [
            Cow::Borrowed(connection.id.as_str()),
            Cow::Borrowed(connection.name.as_str()),
            Cow::Borrowed(status_value(&connection.status)),
            Cow::Borrowed(auth_type_value(&connection.auth_type)),
            Cow::Borrowed(connection.server_url.as_str()),
            timestamp(&connection.last_health_check_at).unwrap_or_default(),
            timestamp(&connection.created_at).unwrap_or_default(),
            timestamp(&connection.updated_at).unwrap_or_default(),
            Cow::Borrowed(connection.tenant_id.as_str()),
            Cow::Borrowed(connection.instructions.as_deref().unwrap_or_default()),
        ];
        let _ = self
            .writer
            .write_record(cells.iter().map(|cell| inert_cell(cell).into_owned()));
    }

    /// The bytes written since the last `take` (the first time, with the mark and
    /// the header).
    pub fn take(&mut self) -> Vec<u8> {
        let _ = self.writer.flush();
        std::mem::take(&mut *self.output.0.borrow_mut())
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
        let mut bytes = writer.take();
        for c in connections {
            writer.push(c);
            bytes.extend(writer.take());
        }
        String::from_utf8(bytes).unwrap_or_default()
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
