//! "Export": the file each format makes of the current view, and the JSON file made
//! of the records as the API sent them (the CSV rows are `csv_export`'s).

use std::collections::HashMap;

use chrono::{DateTime, SecondsFormat, Utc};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    Json,
}

impl ExportFormat {
    pub fn label(self) -> &'static str {
        match self {
            ExportFormat::Csv => "CSV",
            ExportFormat::Json => "JSON",
        }
    }

    pub fn mime_type(self) -> &'static str {
        match self {
            ExportFormat::Csv => "text/csv;charset=utf-8",
            ExportFormat::Json => "application/json",
        }
    }

    /// "mcp-connections-2026-03-25-1205.csv": sorts by time, and no character a
    /// file system refuses.
    pub fn file_name(self, at: DateTime<Utc>) -> String {
        let extension = match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Json => "json",
        };
        // From the RFC 3339 form the console writes anyway: chrono's `format` costs
        // 9 KB of wasm. "2026-03-25T12:05:00Z" → "2026-03-25-1205".
        let minute: String = at
            .to_rfc3339_opts(SecondsFormat::Secs, true)
            .chars()
            .take(16)
            .filter(|&c| c != ':')
            .map(|c| if c == 'T' { '-' } else { c })
            .collect();
        format!("mcp-connections-{minute}.{extension}")
    }
}

/// The records of `ids`, in that order, as one JSON array (each record's text as
/// the API sent it), and how many ids had no record (gone since the list loaded).
pub fn json_array<'a>(
    ids: impl Iterator<Item = &'a str>,
    mut records: HashMap<String, String>,
) -> (String, usize) {
    let mut json = String::from("[");
    let mut missing = 0;
    for id in ids {
        match records.remove(id) {
            Some(record) => {
                if json.len() > 1 {
                    json.push(',');
                }
                json.push_str("\n  ");
                json.push_str(&record);
            }
            None => missing += 1,
        }
    }
    json.push_str(if json.len() > 1 { "\n]\n" } else { "]\n" });
    (json, missing)
}

/// What the page says once an export is saved.
pub fn done_text(format: ExportFormat, rows: usize, missing: usize) -> String {
    let saved = rows - missing.min(rows);
    let connections = if saved == 1 {
        "connection"
    } else {
        "connections"
    };
    let mut text = format!("Exported {saved} {connections} as {}.", format.label());
    if missing > 0 {
        text.push_str(&format!(
            " {missing} shown were no longer in the API's list and were left out; refresh to see the list as it is now."
        ));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names() {
        let at = DateTime::from_timestamp(1_774_440_300, 0).unwrap_or_default();
        assert_eq!(
            ExportFormat::Csv.file_name(at),
            "mcp-connections-2026-03-25-1205.csv"
        );
        assert_eq!(
            ExportFormat::Json.file_name(at),
            "mcp-connections-2026-03-25-1205.json"
        );
    }

    #[test]
    fn records_in_the_order_shown_as_sent() {
        let records: HashMap<String, String> =
            [("a", r#"{"id":"a","x":1}"#), ("b", r#"{ "id" : "b" }"#)]
                .map(|(id, text)| (id.to_owned(), text.to_owned()))
                .into();
        let (json, missing) = json_array(["b", "gone", "a"].into_iter(), records);
        assert_eq!(
            json,
            "[\n  { \"id\" : \"b\" },\n  {\"id\":\"a\",\"x\":1}\n]\n"
        );
        assert_eq!(missing, 1);
        assert_eq!(
            json_array(std::iter::empty(), HashMap::new()),
            ("[]\n".to_owned(), 0)
        );
    }

    #[test]
    fn done_texts() {
        assert_eq!(
            done_text(ExportFormat::Csv, 1, 0),
            "Exported 1 connection as CSV."
        );
        assert_eq!(
            done_text(ExportFormat::Json, 3, 1),
            "Exported 2 connections as JSON. 1 shown were no longer in the API's list and were left out; refresh to see the list as it is now."
        );
    }
}
