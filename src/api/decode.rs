//! Turns an HTTP answer (status, content type, body text) into a connection list or
//! a `LoadError`. Pure, so every odd answer can be tested on the host.

use std::collections::{HashMap, HashSet};

use super::array_splitter::{ArraySplitter, SplitError};
use super::dto::{self, ConnectionDto, TestOutcomeDto};
use crate::model::connection::{Connection, Status, Timestamp};
use crate::model::json_text::{self, Unreadable};
use crate::model::list::{ConnectionList, RejectedRecord};
use crate::model::list_index::IndexEntry;
use crate::model::load_error::LoadError;
use crate::model::url_encoding::path_segment;

/// What the list answer should be, in the words of `LoadError::WrongShape`.
const LIST: &str = "a list of connections";

/// Interprets the answer to `GET /api/mcp-connections`, read whole.
pub fn list_response(
    status: u16,
    content_type: Option<&str>,
    body: &str,
) -> Result<ConnectionList, LoadError> {
    // The decoder skips the byte-order mark itself, as it does when streaming.
    successful_json(status, content_type, json_text::without_bom(body))?;
    let mut decoder = ListDecoder::new(status);
    decoder.push(body.as_bytes());
    decoder.finish()
}

/// Whether a list answer with this status and content type can be decoded as it
/// arrives (`ListDecoder`); other answers are read whole (`failure`).
pub fn streams(status: u16, content_type: Option<&str>) -> bool {
    (200..300).contains(&status) && !content_type.is_some_and(is_html)
}

/// What a list answer that does not stream (`streams` is false: an error status
/// or a web page) is: always a failure.
pub fn failure(status: u16, content_type: Option<&str>, body: &str) -> LoadError {
    successful_json(status, content_type, json_text::without_bom(body))
        .err()
        .unwrap_or(LoadError::NotJson { status })
}

/// A successful answer that should be a JSON array, read a piece at a time as it
/// arrives: each element goes to `E` as soon as its text is complete, and the body
/// is never held whole. Text that is not JSON, or not an array, fails the whole
/// answer.
pub struct ArrayDecoder<E> {
    status: u16,
    splitter: ArraySplitter,
    /// The body so far, kept only once it turned out not to be a list, to say what
    /// it is.
    not_a_list: Option<Vec<u8>>,
    elements: E,
}

/// What an `ArrayDecoder` does with each element's text.
pub trait Elements {
    fn add(&mut self, text: &[u8]);
    /// Where it keeps why the answer is not JSON: the whole answer fails.
    fn malformed(&mut self) -> &mut Option<String>;
}

impl<E: Elements> ArrayDecoder<E> {
    fn with(status: u16, elements: E) -> Self {
        ArrayDecoder {
            status,
            splitter: ArraySplitter::default(),
            not_a_list: None,
            elements,
        }
    }

    /// Hands on the elements that `bytes`, the next piece of the body, completes.
    pub fn push(&mut self, bytes: &[u8]) {
        if let Some(body) = &mut self.not_a_list {
            body.extend_from_slice(bytes);
            return;
        }
        if self.elements.malformed().is_some() {
            return;
        }
        let elements = &mut self.elements;
        match self.splitter.push(bytes, &mut |text| elements.add(text)) {
            Ok(()) => {}
            // Only the first character decides this, so nothing was decoded yet.
            Err(SplitError::NotAnArray) => self.not_a_list = Some(bytes.to_vec()),
            Err(SplitError::Broken(detail)) => {
                self.elements.malformed().get_or_insert(detail);
            }
        }
    }

    /// The elements, once the whole body was pushed and it was a JSON array.
    fn finished(mut self) -> Result<E, LoadError> {
        if let Some(body) = self.not_a_list {
            return Err(unexpected(
                self.status,
                &String::from_utf8_lossy(&body),
                LIST,
            ));
        }
        let ended = match self.splitter.finish() {
            Ok(()) => None,
            Err(SplitError::NotAnArray) => return Err(unexpected(self.status, "", LIST)),
            Err(SplitError::Broken(detail)) => Some(detail),
        };
        if let Some(detail) = self.elements.malformed().take().or(ended) {
            return Err(LoadError::Malformed { detail });
        }
        Ok(self.elements)
    }
}

/// Decodes the list answer: a record that does not fit is named and the others
/// still show.
pub type ListDecoder = ArrayDecoder<Records>;

#[derive(Default)]
pub struct Records {
    count: usize,
    connections: Vec<Connection>,
    entries: Vec<IndexEntry>,
    rejected: Vec<RejectedRecord>,
    seen: HashSet<String>,
    /// Text that is not JSON: the whole answer fails.
    malformed: Option<String>,
}

impl ListDecoder {
    pub fn new(status: u16) -> Self {
        Self::with(status, Records::default())
    }

    /// The list, problems first, once the whole body was pushed.
    pub fn finish(self) -> Result<ConnectionList, LoadError> {
        let records = self.finished()?;
        Ok(ConnectionList::with_entries(
            records.connections,
            records.entries,
            records.rejected,
        ))
    }
}

/// Picks the records with the wanted ids out of the list answer, each as the exact
/// text the API sent ("Export" as JSON); the others are dropped as they pass.
pub type RecordPicker = ArrayDecoder<PickedRecords>;

pub struct PickedRecords {
    wanted: HashSet<String>,
    found: HashMap<String, String>,
    malformed: Option<String>,
}

impl RecordPicker {
    pub fn new(status: u16, wanted: HashSet<String>) -> Self {
        Self::with(
            status,
            PickedRecords {
                wanted,
                found: HashMap::new(),
                malformed: None,
            },
        )
    }

    /// The wanted records found, by id, once the whole body was pushed. A record
    /// whose id repeats an earlier one's is not the one the console shows, so the
    /// first is kept.
    pub fn finish(self) -> Result<HashMap<String, String>, LoadError> {
        Ok(self.finished()?.found)
    }
}

impl Elements for PickedRecords {
    fn add(&mut self, bytes: &[u8]) {
        let text = String::from_utf8_lossy(bytes);
        if let Some(id) = dto::readable_id(&text)
            && self.wanted.remove(&id)
        {
            self.found.insert(id, text.into_owned());
        }
    }

    fn malformed(&mut self) -> &mut Option<String> {
        &mut self.malformed
    }
}

impl Elements for Records {
    fn malformed(&mut self) -> &mut Option<String> {
        &mut self.malformed
    }

    fn add(&mut self, bytes: &[u8]) {
        if self.malformed.is_some() {
            return;
        }
        self.count += 1;
        let position = self.count;
        // Invalid UTF-8 becomes U+FFFD, as the browser's `text()` would do.
        let text = String::from_utf8_lossy(bytes);
        let reject = |id: Option<String>, reason: String| RejectedRecord {
            position,
            id,
            reason,
        };
        let rejected = match ConnectionDto::read(&text) {
            Ok(record) => match record.connection() {
                Ok(connection) if connection.id.trim().is_empty() => {
                    reject(Some(connection.id), "its id is empty".to_owned())
                }
                Ok(connection) if path_segment(&connection.id).is_none() => reject(
                    Some(connection.id),
                    "its id is a dot segment, which would lead outside the connection's own API address"
                        .to_owned(),
                ),
                Ok(connection) if self.seen.contains(&connection.id) => reject(
                    Some(connection.id),
                    "its id repeats an earlier record".to_owned(),
                ),
                Ok(connection) => {
                    self.seen.insert(connection.id.clone());
                    self.entries.push(IndexEntry::new(&connection));
                    self.connections.push(connection);
                    return;
                }
                Err(reason) => reject(record.id(), reason),
            },
            // A record that cannot be shown must still be JSON: anything else means
            // the answer is broken, not the record.
            Err(Unreadable::NotJson(error)) => {
                self.malformed = Some(format!("record {position}: {error}"));
                return;
            }
            Err(unreadable) => reject(dto::readable_id(&text), unreadable.to_string()),
        };
        self.rejected.push(rejected);
    }
}

/// What a successful answer that is not what was `expected` is: a web page, other
/// JSON, or not JSON at all.
fn unexpected(status: u16, body: &str, expected: &'static str) -> LoadError {
    let body = json_text::without_bom(body);
    if body.trim_start().starts_with('<') {
        return LoadError::NotJson { status };
    }
    match json_text::kind(body) {
        Ok(found) => LoadError::WrongShape { expected, found },
        Err(error) => LoadError::Malformed {
            detail: error.to_string(),
        },
    }
}

/// One object answer read as `T`: other JSON is the wrong shape for `expected`,
/// and an object that cannot be used is malformed, with what is wrong in words.
pub(super) fn read_answer<'a, T>(
    status: u16,
    body: &'a str,
    expected: &'static str,
    read: impl FnOnce(&'a str) -> Result<T, Unreadable>,
) -> Result<T, LoadError> {
    read(body).map_err(|unreadable| match unreadable {
        Unreadable::NotAnObject(_) => unexpected(status, body, expected),
        other => LoadError::Malformed {
            detail: other.to_string(),
        },
    })
}

/// The result of a health check now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestOutcome {
    pub status: Status,
    pub last_health_check_at: Option<Timestamp>,
}

/// Interprets the answer to `POST /api/mcp-connections/{id}/test`.
pub fn test_response(
    status: u16,
    content_type: Option<&str>,
    body: &str,
) -> Result<TestOutcome, LoadError> {
    let body = json_text::without_bom(body);
    successful_json(status, content_type, body)?;
    let outcome = read_answer(
        status,
        body,
        "the result of a health check",
        TestOutcomeDto::read,
    )?;
    let malformed = |detail: String| LoadError::Malformed { detail };
    Ok(TestOutcome {
        status: outcome.status().map_err(malformed)?,
        last_health_check_at: outcome.last_health_check_at().map_err(malformed)?,
    })
}

/// Interprets the answer to `GET /api/mcp-connections/{id}`: one connection, or why
/// not (a 404 is an `Http` error with status 404: not in this tenant).
pub fn connection_response(
    status: u16,
    content_type: Option<&str>,
    body: &str,
) -> Result<Connection, LoadError> {
    let body = json_text::without_bom(body);
    successful_json(status, content_type, body)?;
    read_answer(status, body, "one connection", ConnectionDto::read)?
        .connection()
        .map_err(|detail| LoadError::Malformed { detail })
}

/// Any error status, or a success that is a web page rather than JSON, as a
/// `LoadError`. `body` is without its byte-order mark.
pub(super) fn successful_json(
    status: u16,
    content_type: Option<&str>,
    body: &str,
) -> Result<(), LoadError> {
    let looks_like_html = content_type.is_some_and(is_html) || body.trim_start().starts_with('<');
    if !(200..300).contains(&status) {
        return Err(error_response(status, looks_like_html, body));
    }
    if looks_like_html {
        return Err(LoadError::NotJson { status });
    }
    Ok(())
}

fn is_html(content_type: &str) -> bool {
    content_type.to_ascii_lowercase().contains("html")
}

fn error_response(status: u16, looks_like_html: bool, body: &str) -> LoadError {
    if looks_like_html {
        return LoadError::NotJson { status };
    }
    LoadError::http(status, dto::error_message(body).as_deref())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::connection::AuthType;

    const FULL: &str = r#"{
        "id": "3f6c1a2e-5b7d-4c8e-9f01-23456789abcd",
        "tenantId": "a0b1c2d3-4567-89ab-cdef-0123456789ab",
        "name": "Order Management System",
        "serverUrl": "https://mcp.example.com/oms",
        "authType": "bearer",
        "status": "active",
        "instructions": "Use this server to look up order status.\nNever cancel orders.",
        "lastHealthCheckAt": "2026-03-25T12:00:00.000Z",
        "createdAt": "2026-01-10T14:00:00.000Z",
        "updatedAt": "2026-03-25T12:00:00.000Z"
    }"#;

    fn ok(body: &str) -> ConnectionList {
        match list_response(200, Some("application/json"), body) {
            Ok(list) => list,
            Err(error) => panic!("expected a list, got {error:?}"),
        }
    }

    fn err(status: u16, content_type: Option<&str>, body: &str) -> LoadError {
        match list_response(status, content_type, body) {
            Ok(list) => panic!("expected an error, got {list:?}"),
            Err(error) => error,
        }
    }

    #[test]
    fn decodes_every_field() {
        let list = ok(&format!("[{FULL}]"));
        assert!(list.rejected().is_empty());
        let c = &list.connections()[0];
        assert_eq!(c.id, "3f6c1a2e-5b7d-4c8e-9f01-23456789abcd");
        assert_eq!(c.tenant_id, "a0b1c2d3-4567-89ab-cdef-0123456789ab");
        assert_eq!(c.name, "Order Management System");
        assert_eq!(c.server_url, "https://mcp.example.com/oms");
        assert_eq!(c.auth_type, AuthType::Bearer);
        assert_eq!(c.status, Status::Active);
        assert_eq!(
            c.instructions.as_deref(),
            Some("Use this server to look up order status.\nNever cancel orders.")
        );
        assert_eq!(
            c.last_health_check_at,
            Some(Timestamp::parse("2026-03-25T12:00:00.000Z"))
        );
        assert!(c.created_at.as_ref().and_then(Timestamp::valid).is_some());
        assert!(c.updated_at.as_ref().and_then(Timestamp::valid).is_some());
    }

    #[test]
    fn nulls_absent_fields_and_extra_fields_are_tolerated() {
        let list = ok(r#"[
            {"id":"1","tenantId":"t","name":"Nulls","serverUrl":"","authType":"none","status":"unknown",
             "instructions":null,"lastHealthCheckAt":null,"createdAt":null,"updatedAt":null},
            {"id":"2","tenantId":"t","name":"Absent","serverUrl":"x","authType":"none","status":"unknown",
             "category":"Marketplace","owner":{"team":"ops"}}
        ]"#);
        assert!(list.rejected().is_empty());
        for c in list.connections() {
            assert_eq!(c.instructions, None);
            assert_eq!(c.last_health_check_at, None);
            assert_eq!(c.created_at, None);
        }
    }

    #[test]
    fn unknown_enum_values_are_kept() {
        let list = ok(
            r#"[{"id":"1","tenantId":"t","name":"OAuth","serverUrl":"x","authType":"oauth2","status":"degraded"}]"#,
        );
        let c = &list.connections()[0];
        assert_eq!(c.auth_type, AuthType::Other("oauth2".into()));
        assert_eq!(c.status, Status::Other("degraded".into()));
    }

    #[test]
    fn unreadable_timestamps_keep_the_record() {
        let list = ok(
            r#"[{"id":"1","tenantId":"t","name":"n","serverUrl":"x","authType":"none","status":"active","lastHealthCheckAt":"last Tuesday"}]"#,
        );
        assert_eq!(
            list.connections()[0].last_health_check_at,
            Some(Timestamp::Unreadable("last Tuesday".into()))
        );
    }

    #[test]
    fn bad_records_are_named_and_the_good_ones_still_show() {
        let body = format!(
            r#"[{FULL},
            {{"id":"no-name","tenantId":"t","serverUrl":"x","authType":"none","status":"active"}},
            {{"id":"bad-status","tenantId":"t","name":"n","serverUrl":"x","authType":"none","status":3}},
            42,
            {{"tenantId":"t","name":"no id","serverUrl":"x","authType":"none","status":"active"}},
            {{"id":"3f6c1a2e-5b7d-4c8e-9f01-23456789abcd","tenantId":"t","name":"dup","serverUrl":"x","authType":"none","status":"active"}}
            ]"#
        );
        let list = ok(&body);
        assert_eq!(list.connections().len(), 1);
        let named: Vec<(usize, Option<&str>)> = list
            .rejected()
            .iter()
            .map(|r| (r.position, r.id.as_deref()))
            .collect();
        assert_eq!(
            named,
            [
                (2, Some("no-name")),
                (3, Some("bad-status")),
                (4, None),
                (5, None),
                (6, Some("3f6c1a2e-5b7d-4c8e-9f01-23456789abcd"))
            ]
        );
        assert!(list.rejected()[0].reason.contains("name"));
        assert!(list.rejected()[2].reason.contains("a number"));
        assert!(list.rejected()[4].reason.contains("repeats"));
    }

    #[test]
    fn ids_that_are_no_path_segment_are_rejected() {
        let body = format!(
            "[{},{},{},{}]",
            record("..", ""),
            record(".", ""),
            record("...", ""),
            record("a/..", "")
        );
        let list = ok(&body);
        let shown: Vec<&str> = list.connections().iter().map(|c| c.id.as_str()).collect();
        assert_eq!(shown, ["...", "a/.."]);
        let rejected: Vec<(Option<&str>, bool)> = list
            .rejected()
            .iter()
            .map(|r| (r.id.as_deref(), r.reason.contains("dot segment")))
            .collect();
        assert_eq!(rejected, [(Some(".."), true), (Some("."), true)]);
    }

    #[test]
    fn decoding_in_pieces_gives_the_same_list() {
        let body = format!(
            r#"[{FULL}, 42, {FULL},
            {{"id":"b","tenantId":"t","name":"Zürich","serverUrl":"x","authType":"none","status":"error"}},
            {{"id":"a","tenantId":"t","name":"A","serverUrl":"x","authType":"none","status":"active"}}
            ]"#
        );
        let at_once = ok(&body);
        for size in [1, 2, 3, 7, 100] {
            let mut decoder = ListDecoder::new(200);
            for piece in body.as_bytes().chunks(size) {
                decoder.push(piece);
            }
            let list = decoder.finish().unwrap_or_else(|error| panic!("{error:?}"));
            assert_eq!(list, at_once, "pieces of {size}");
            assert_eq!(list.rejected().len(), 2, "the number and the repeated id");
            assert_eq!(list.index().position("b"), Some(0), "problems first");
        }
    }

    #[test]
    fn pieces_that_are_not_a_list_say_what_they_are() {
        let decode = |pieces: &[&str]| {
            let mut decoder = ListDecoder::new(200);
            for piece in pieces {
                decoder.push(piece.as_bytes());
            }
            decoder.finish()
        };
        assert_eq!(
            decode(&["  {\"data\"", ": []}"]),
            Err(LoadError::WrongShape {
                expected: "a list of connections",
                found: "an object"
            })
        );
        assert_eq!(
            decode(&["<!doctype", " html>"]),
            Err(LoadError::NotJson { status: 200 })
        );
        assert!(matches!(decode(&[""]), Err(LoadError::Malformed { .. })));
        assert!(matches!(
            decode(&["[{\"id\":", "\"1\""]),
            Err(LoadError::Malformed { .. })
        ));
        match decode(&["[{\"id\":\"1\",\"status\":3,", "\"x\":tru}]"]) {
            Err(LoadError::Malformed { detail }) => {
                assert!(detail.contains("record 1"), "{detail}")
            }
            other => panic!("a record that is not JSON fails the answer: {other:?}"),
        }
    }

    /// A good record with `id`, and `extra` (a field and its value, or nothing)
    /// added after its fields.
    fn record(id: &str, extra: &str) -> String {
        format!(
            r#"{{"id":"{id}","tenantId":"t","name":"n","serverUrl":"x","authType":"none","status":"active"{extra}}}"#
        )
    }

    /// The ids of the connections shown, sorted, and the rejected records' position,
    /// id and reason, in order.
    type Outcome<'a> = (Vec<&'a str>, Vec<(usize, Option<&'a str>, &'a str)>);

    fn outcome(list: &ConnectionList) -> Outcome<'_> {
        let mut shown: Vec<&str> = list.connections().iter().map(|c| c.id.as_str()).collect();
        shown.sort_unstable();
        let rejected = list
            .rejected()
            .iter()
            .map(|r| (r.position, r.id.as_deref(), r.reason.as_str()))
            .collect();
        (shown, rejected)
    }

    #[test]
    fn a_repeated_field_rejects_the_record_by_name() {
        let fields = [
            ("id", r#""other""#),
            ("tenantId", r#""t""#),
            ("name", r#""n""#),
            ("serverUrl", r#""x""#),
            ("authType", r#""bearer""#),
            ("status", r#""error""#),
            ("instructions", r#""evil""#),
            ("lastHealthCheckAt", "null"),
            ("createdAt", r#""2026-01-10T14:00:00.000Z""#),
            ("updatedAt", "42"),
        ];
        for (at, (field, value)) in fields.into_iter().enumerate() {
            // `record` has the six required fields once; the others come twice here.
            let times = if at < 6 { 1 } else { 2 };
            let twice = record("b", &format!(r#","{field}":{value}"#).repeat(times));
            let body = format!("[{},{twice},{}]", record("a", ""), record("c", ""));
            let list = ok(&body);
            let reason = format!("the field `{field}` appears twice");
            // The id is unreadable only when it is the field that repeats.
            let id = (field != "id").then_some("b");
            assert_eq!(
                outcome(&list),
                (vec!["a", "c"], vec![(2, id, reason.as_str())]),
                "{field}"
            );
        }
        // The case of the fuzz: the first value must not be shown.
        let list = ok(
            r#"[{"id":"1","tenantId":"t","name":"n","serverUrl":"x","authType":"none","status":"active","instructions":"benign","instructions":"evil"}]"#,
        );
        assert!(list.connections().is_empty());
        assert_eq!(
            list.rejected()[0].reason,
            "the field `instructions` appears twice"
        );
        // Unknown fields may repeat: they are skipped.
        let list = ok(&format!("[{}]", record("a", r#","x":1,"x":2"#)));
        assert_eq!(outcome(&list).0, ["a"]);
    }

    #[test]
    fn a_byte_order_mark_before_the_list_is_skipped() {
        let body = format!("\u{FEFF}[{FULL}]");
        assert_eq!(ok(&body).connections().len(), 1);
        for size in [1, 2, 3, 5] {
            let mut decoder = ListDecoder::new(200);
            for piece in body.as_bytes().chunks(size) {
                decoder.push(piece);
            }
            let list = decoder.finish().map(|list| list.connections().len());
            assert_eq!(list, Ok(1), "pieces of {size}");
        }
        assert_eq!(
            err(200, Some("application/json"), "\u{FEFF}{\"items\":[]}"),
            LoadError::WrongShape {
                expected: "a list of connections",
                found: "an object"
            }
        );
        assert!(matches!(
            err(200, Some("application/json"), "\u{FEFF}\u{FEFF}[]"),
            LoadError::Malformed { .. }
        ));
        assert!(matches!(
            err(200, Some("application/json"), " \u{FEFF}[]"),
            LoadError::Malformed { .. }
        ));
        let json = Some("application/json");
        assert!(connection_response(200, json, &format!("\u{FEFF}{FULL}")).is_ok());
        assert_eq!(
            test_response(200, json, "\u{FEFF}{\"status\":\"active\"}").map(|t| t.status),
            Ok(Status::Active)
        );
        assert_eq!(
            err(503, json, "\u{FEFF}{\"error\":\"Maintenance\"}"),
            LoadError::http(503, Some("Maintenance"))
        );
    }

    #[test]
    fn form_feed_is_not_json_whitespace() {
        let json = Some("application/json");
        for body in [
            "\u{c}[]".to_owned(),
            format!("[{FULL}\u{c}]"),
            format!("[\u{c}{FULL}]"),
            format!("[{FULL}]\u{c}"),
            format!("[{}]", record("a", ",\u{c}\"x\":1")),
            format!("[{}]", record("a", ",\"x\":\u{c}1")),
            format!("[1\u{c}, {}]", record("a", "")),
        ] {
            assert!(
                matches!(err(200, json, &body), LoadError::Malformed { .. }),
                "{body:?}"
            );
        }
        assert!(matches!(
            connection_response(200, json, &format!("{FULL}\u{c}")),
            Err(LoadError::Malformed { .. })
        ));
        // Escaped, it is text like any other.
        let list = ok(&format!("[{}]", record("a", r#","instructions":"a\fb""#)));
        assert_eq!(
            list.connections()[0].instructions.as_deref(),
            Some("a\u{c}b")
        );
    }

    #[test]
    fn deep_nesting_never_overflows_the_stack() {
        let deep = |levels: usize| format!("{}{}", "[".repeat(levels), "]".repeat(levels));
        let nested = deep(10_000);
        // In an unknown field it is skipped (serde_json skips without recursion),
        // like any other unknown field: the record shows.
        let body = format!(
            "[{},{},{}]",
            record("a", ""),
            record(
                "b",
                &format!(r#","extra":{nested},"more":{{"x":{nested}}}"#)
            ),
            record("c", "")
        );
        assert_eq!(outcome(&ok(&body)), (vec!["a", "b", "c"], vec![]));
        // In a known field, it is the wrong kind; as a record, not an object.
        let body = format!(
            "[{},{},{nested}]",
            record("a", ""),
            record("b", &format!(r#","instructions":{nested}"#)),
        );
        assert_eq!(
            outcome(&ok(&body)),
            (
                vec!["a"],
                vec![
                    (
                        2,
                        Some("b"),
                        "the field `instructions` is a list, not a string"
                    ),
                    (3, None, "it is a list, not an object")
                ]
            )
        );
        // Unclosed, it is not JSON.
        let body = format!(
            "[{}]",
            record("a", &format!(r#","x":{}"#, "[".repeat(10_000)))
        );
        assert!(matches!(
            err(200, Some("application/json"), &body),
            LoadError::Malformed { .. }
        ));
    }

    #[test]
    fn huge_unknown_fields_are_skipped() {
        let long = "x".repeat(5 * 1024 * 1024);
        let many = format!("[{}0]", "0,".repeat(100_000));
        let objects = format!("[{}{{}}]", "{\"k\":[1,2]},".repeat(100_000));
        let body = format!(
            "[{},{},{}]",
            record("a", &format!(r#","blob":"{long}""#)),
            record("b", &format!(r#","items":{many},"objects":{objects}"#)),
            record("c", ""),
        );
        for size in [body.len(), 64 * 1024] {
            let mut decoder = ListDecoder::new(200);
            for piece in body.as_bytes().chunks(size) {
                decoder.push(piece);
            }
            let list = decoder.finish().unwrap_or_else(|error| panic!("{error:?}"));
            assert_eq!(
                outcome(&list),
                (vec!["a", "b", "c"], vec![]),
                "pieces of {size}"
            );
        }
    }

    #[test]
    fn numbers_anywhere_never_fail_the_list() {
        let unknown = r#","n":[0.1e-2147483648,1e400,-1e400,1e-400,123456789012345678901234567890,-0,1E+2,0.5]"#;
        let body = format!(
            "[{},{},{}]",
            record("a", unknown),
            record("b", r#","status":1e400"#),
            record("c", r#","name":123456789012345678901234567890"#)
        );
        let list = ok(&body);
        let (shown, rejected) = outcome(&list);
        assert_eq!(shown, ["a"]);
        // A repeated field is found before the values are read; a wrong kind after.
        assert_eq!(
            rejected,
            [
                (2, Some("b"), "the field `status` appears twice"),
                (3, Some("c"), "the field `name` appears twice")
            ]
        );
        let lone = |field: &str, value: &str| {
            let body = format!(
                r#"[{{"id":"1","tenantId":"t","name":"n","serverUrl":"x","authType":"none","{field}":{value}}}]"#
            );
            outcome(&ok(&body)).1.first().map(|r| r.2.to_owned())
        };
        assert_eq!(
            lone("status", "1e400").as_deref(),
            Some("the field `status` is a number, not a string")
        );
        assert_eq!(
            lone("status", "0.1e-2147483648").as_deref(),
            Some("the field `status` is a number, not a string")
        );
        // Numbers that are not JSON fail the answer.
        for broken in ["01", "1.", "-", "+1", ".5", "1e", "NaN", "Infinity", "0x10"] {
            let body = format!("[{}]", record("a", &format!(r#","n":{broken}"#)));
            assert!(
                matches!(
                    err(200, Some("application/json"), &body),
                    LoadError::Malformed { .. }
                ),
                "{broken}"
            );
        }
    }

    #[test]
    fn text_that_is_odd_but_json_is_kept() {
        let list = ok(&format!(
            "[{}]",
            record(
                "a",
                r#","instructions":"x\ud800y <script>\u0000 \u202e","n\u0061me2":1"#
            )
        ));
        assert_eq!(
            list.connections()[0].instructions.as_deref(),
            Some("x\u{FFFD}y <script>\u{0} \u{202e}")
        );
        // An escaped key is the same key.
        let list = ok(&format!("[{}]", record("a", r#","n\u0061me":"again""#)));
        assert_eq!(list.rejected()[0].reason, "the field `name` appears twice");
        // Control characters must be escaped.
        let raw = format!("[{}]", record("a", ",\"instructions\":\"a\u{1}b\""));
        assert!(matches!(
            err(200, Some("application/json"), &raw),
            LoadError::Malformed { .. }
        ));
    }

    #[test]
    fn empty_array_is_an_empty_tenant() {
        assert_eq!(ok("[]"), ConnectionList::default());
    }

    #[test]
    fn connections_come_out_problems_first() {
        let list = ok(r#"[
            {"id":"a","tenantId":"t","name":"A","serverUrl":"x","authType":"none","status":"active"},
            {"id":"e","tenantId":"t","name":"E","serverUrl":"x","authType":"none","status":"error"}
        ]"#);
        let ids: Vec<&str> = list.connections().iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["e", "a"]);
    }

    #[test]
    fn error_status_with_json_message() {
        assert_eq!(
            err(
                503,
                Some("application/json"),
                r#"{"error":"Maintenance until 14:00"}"#
            ),
            LoadError::http(503, Some("Maintenance until 14:00"))
        );
        assert_eq!(err(500, None, "oops"), LoadError::http(500, None));
        assert_eq!(
            err(429, Some("application/json"), r#"{"error": 5}"#),
            LoadError::http(429, None)
        );
        for unclear in [
            r#"{"error":"a","error":"b"}"#,
            r#"["a"]"#,
            r#"{"error":"a""#,
        ] {
            assert_eq!(
                err(500, Some("application/json"), unclear),
                LoadError::http(500, None),
                "{unclear}"
            );
        }
    }

    #[test]
    fn html_pages_are_never_data() {
        let page = "<html><body><h1>502 Bad Gateway</h1><script>alert(1)</script></body></html>";
        assert_eq!(
            err(502, Some("text/html"), page),
            LoadError::NotJson { status: 502 }
        );
        assert_eq!(
            err(200, Some("text/html; charset=utf-8"), page),
            LoadError::NotJson { status: 200 }
        );
        assert_eq!(err(200, None, page), LoadError::NotJson { status: 200 });
    }

    #[test]
    fn test_results_and_their_failures() {
        assert_eq!(
            test_response(
                200,
                Some("application/json"),
                r#"{"status":"error","lastHealthCheckAt":"2026-03-25T12:00:00.000Z"}"#
            ),
            Ok(TestOutcome {
                status: Status::Error,
                last_health_check_at: Some(Timestamp::parse("2026-03-25T12:00:00.000Z")),
            })
        );
        assert_eq!(
            test_response(
                404,
                Some("application/json"),
                r#"{"error":"MCP connection not found"}"#
            ),
            Err(LoadError::http(404, Some("MCP connection not found")))
        );
        assert!(matches!(
            test_response(200, Some("application/json"), "{}"),
            Err(LoadError::Malformed { .. })
        ));
        assert_eq!(
            test_response(200, Some("application/json"), r#"["active"]"#),
            Err(LoadError::WrongShape {
                expected: "the result of a health check",
                found: "a list"
            })
        );
        assert_eq!(
            test_response(
                200,
                Some("application/json"),
                r#"{"status":"active","status":"error"}"#
            ),
            Err(LoadError::Malformed {
                detail: "the field `status` appears twice".to_owned()
            })
        );
    }

    #[test]
    fn one_connection_and_why_not() {
        let json = Some("application/json");
        let connection = connection_response(200, json, FULL);
        assert_eq!(
            connection.map(|c| c.name),
            Ok("Order Management System".to_owned())
        );
        assert_eq!(
            connection_response(404, json, r#"{"error":"MCP connection not found"}"#),
            Err(LoadError::http(404, Some("MCP connection not found")))
        );
        assert_eq!(
            connection_response(200, json, "[]"),
            Err(LoadError::WrongShape {
                expected: "one connection",
                found: "a list"
            })
        );
        assert_eq!(
            connection_response(200, Some("text/html"), "<p>hi</p>"),
            Err(LoadError::NotJson { status: 200 })
        );
        assert!(matches!(
            connection_response(200, json, r#"{"id":"x"}"#),
            Err(LoadError::Malformed { .. })
        ));
        assert!(matches!(
            connection_response(200, json, "{oops"),
            Err(LoadError::Malformed { .. })
        ));
        let twice = FULL.replacen('{', r#"{"instructions":"evil","#, 1);
        assert_eq!(
            connection_response(200, json, &twice),
            Err(LoadError::Malformed {
                detail: "the field `instructions` appears twice".to_owned()
            })
        );
    }

    #[test]
    fn malformed_json_and_wrong_shapes() {
        assert!(matches!(
            err(200, Some("application/json"), r#"[{"id": "1","#),
            LoadError::Malformed { .. }
        ));
        assert!(matches!(
            err(200, Some("application/json"), ""),
            LoadError::Malformed { .. }
        ));
        assert_eq!(
            err(200, Some("application/json"), r#"{"items":[]}"#),
            LoadError::WrongShape {
                expected: "a list of connections",
                found: "an object"
            }
        );
        assert_eq!(
            err(200, Some("application/json"), "null"),
            LoadError::WrongShape {
                expected: "a list of connections",
                found: "null"
            }
        );
    }

    #[test]
    fn a_record_with_two_million_empty_objects_leaves_the_rest_on_screen() {
        let objects = format!("[{}{{}}]", "{},".repeat(1_999_999));
        let body = format!(
            "[{},{},{}]",
            record("a", ""),
            record("b", &format!(r#","x":{objects}"#)),
            record("c", "")
        );
        // The record is 16 times the body's pieces of 256 KB; its field is skipped,
        // not built.
        let mut decoder = ListDecoder::new(200);
        for piece in body.as_bytes().chunks(256 * 1024) {
            decoder.push(piece);
        }
        let list = decoder.finish().unwrap_or_else(|error| panic!("{error:?}"));
        assert_eq!(outcome(&list), (vec!["a", "b", "c"], vec![]));
    }

    /// JSONTestSuite against the list decoder and the answers' readers, as
    /// `model::json_test_suite` says.
    mod json_test_suite {
        use super::super::dto::{self, ConnectionDto, TestOutcomeDto};
        use super::*;
        use crate::model::json_test_suite::{Place, check};

        const JSON: Option<&str> = Some("application/json");

        /// Whether a list answer took the text as JSON.
        fn read(answer: &Result<ConnectionList, LoadError>) -> bool {
            match answer {
                Ok(_) | Err(LoadError::WrongShape { .. }) => true,
                Err(LoadError::Malformed { .. } | LoadError::NotJson { .. }) => false,
                Err(other) => panic!("{other:?}"),
            }
        }

        #[test]
        fn each_case_as_the_whole_list_at_once_and_in_pieces() {
            let place = Place {
                at_start: true,
                fields_read: false,
            };
            check(place, |case| {
                let whole = list_response(200, JSON, &case.text);
                for size in [1, 5] {
                    let mut decoder = ListDecoder::new(200);
                    for piece in case.text.as_bytes().chunks(size) {
                        decoder.push(piece);
                    }
                    assert_eq!(decoder.finish(), whole, "{} in pieces of {size}", case.name);
                }
                read(&whole)
            });
        }

        #[test]
        fn each_case_in_an_unknown_field_of_a_record() {
            let place = Place {
                at_start: false,
                fields_read: false,
            };
            check(place, |case| {
                let body = format!(
                    "[{},{},{}]",
                    record("a", ""),
                    record("b", &format!(r#","x":{}"#, case.text)),
                    record("c", "")
                );
                let answer = list_response(200, JSON, &body);
                if let Ok(list) = &answer {
                    assert_eq!(
                        outcome(list),
                        (vec!["a", "b", "c"], vec![]),
                        "{}",
                        case.name
                    );
                }
                read(&answer)
            });
        }

        #[test]
        fn each_case_as_a_record() {
            let place = Place {
                at_start: false,
                fields_read: true,
            };
            check(place, |case| {
                let body = format!("[{},{},{}]", record("a", ""), case.text, record("c", ""));
                let answer = list_response(200, JSON, &body);
                if let Ok(list) = &answer {
                    let (shown, rejected) = outcome(list);
                    assert_eq!(shown, ["a", "c"], "{}", case.name);
                    assert_eq!(rejected.len(), 1, "{}", case.name);
                    assert_eq!(rejected[0].0, 2, "{}", case.name);
                }
                read(&answer)
            });
        }

        /// One connection, a health check's result and an error body: their readers
        /// agree, and what is not JSON is malformed, or has no message.
        #[test]
        fn each_case_as_one_answer() {
            let place = Place {
                at_start: true,
                fields_read: true,
            };
            check(place, |case| {
                let text = json_text::without_bom(&case.text);
                let not_json =
                    |read: Result<(), Unreadable>| matches!(read, Err(Unreadable::NotJson(_)));
                let connection = not_json(ConnectionDto::read(text).map(|_| ()));
                let outcome = not_json(TestOutcomeDto::read(text).map(|_| ()));
                assert_eq!(connection, outcome, "{}", case.name);
                if connection {
                    for answer in [
                        connection_response(200, JSON, &case.text).map(|_| ()),
                        test_response(200, JSON, &case.text).map(|_| ()),
                    ] {
                        assert!(
                            matches!(
                                answer,
                                Err(LoadError::Malformed { .. } | LoadError::NotJson { .. })
                            ),
                            "{}: {answer:?}",
                            case.name
                        );
                    }
                    assert_eq!(dto::error_message(text), None, "{}", case.name);
                }
                !connection
            });
        }
    }

    #[test]
    fn picker_keeps_the_wanted_records_as_sent() {
        let wanted: HashSet<String> = ["b", "c", "gone"].map(String::from).into();
        let body = "\u{feff}[{\"id\":\"a\"},\n  { \"id\" : \"b\", \"extra\": [1, {\"x\": \"]\"}] },{\"id\":\"c\",\"name\":\"caf\\u00e9\"},{\"id\":\"b\",\"v\":2},{\"id\":7},\"text\"]";
        let mut picker = RecordPicker::new(200, wanted);
        // In pieces that cut through records, as a download arrives.
        for piece in body.as_bytes().chunks(7) {
            picker.push(piece);
        }
        let found = picker.finish().unwrap_or_default();
        assert_eq!(found.len(), 2);
        assert_eq!(
            found.get("b").map(String::as_str),
            Some("{ \"id\" : \"b\", \"extra\": [1, {\"x\": \"]\"}] }")
        );
        assert_eq!(
            found.get("c").map(String::as_str),
            Some("{\"id\":\"c\",\"name\":\"caf\\u00e9\"}")
        );
    }

    #[test]
    fn picker_fails_as_the_list_does() {
        let picker = |body: &str| {
            let mut picker = RecordPicker::new(200, HashSet::new());
            picker.push(body.as_bytes());
            picker.finish()
        };
        assert!(matches!(
            picker("[{\"id\":\"a\"},"),
            Err(LoadError::Malformed { .. })
        ));
        assert!(matches!(
            picker("{\"items\":[]}"),
            Err(LoadError::WrongShape { .. })
        ));
        assert!(matches!(picker("<html>"), Err(LoadError::NotJson { .. })));
        assert_eq!(picker("[]"), Ok(HashMap::new()));
    }
}
