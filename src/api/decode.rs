//! Turns an HTTP answer (status, content type, body text) into a connection list or
//! a `LoadError`. Pure, so every odd answer can be tested on the host.

use std::collections::HashSet;

use super::array_splitter::{ArraySplitter, SplitError};
use super::dto;
use crate::json::{self, Value};
use crate::model::connection::{Connection, Status, Timestamp};
use crate::model::list::{ConnectionList, RejectedRecord};
use crate::model::list_index::IndexEntry;
use crate::model::load_error::LoadError;

/// What the list answer should be, in the words of `LoadError::WrongShape`.
const LIST: &str = "a list of connections";

/// Interprets the answer to `GET /api/mcp-connections`, read whole.
pub fn list_response(
    status: u16,
    content_type: Option<&str>,
    body: &str,
) -> Result<ConnectionList, LoadError> {
    successful_json(status, content_type, body)?;
    let mut decoder = ListDecoder::new(status);
    decoder.push(body.as_bytes());
    decoder.finish()
}

/// Whether a list answer with this status and content type can be decoded as it
/// arrives (`ListDecoder`); other answers are read whole (`list_response`).
pub fn streams(status: u16, content_type: Option<&str>) -> bool {
    (200..300).contains(&status) && !content_type.is_some_and(is_html)
}

/// Decodes a successful list answer while it arrives, a piece at a time: each
/// record is decoded as soon as its text is complete, and the body is never held
/// whole. A record that does not fit is named and the others still show; text that
/// is not JSON, or not a list, fails the whole answer.
pub struct ListDecoder {
    status: u16,
    splitter: ArraySplitter,
    /// The body so far, kept only once it turned out not to be a list, to say what
    /// it is.
    not_a_list: Option<Vec<u8>>,
    records: Records,
}

#[derive(Default)]
struct Records {
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
        ListDecoder {
            status,
            splitter: ArraySplitter::default(),
            not_a_list: None,
            records: Records::default(),
        }
    }

    /// Decodes the records that `bytes`, the next piece of the body, completes.
    pub fn push(&mut self, bytes: &[u8]) {
        if let Some(body) = &mut self.not_a_list {
            body.extend_from_slice(bytes);
            return;
        }
        if self.records.malformed.is_some() {
            return;
        }
        let records = &mut self.records;
        match self.splitter.push(bytes, |text| records.add(text)) {
            Ok(()) => {}
            // Only the first character decides this, so nothing was decoded yet.
            Err(SplitError::NotAnArray) => self.not_a_list = Some(bytes.to_vec()),
            Err(SplitError::Broken(detail)) => {
                self.records.malformed.get_or_insert(detail);
            }
        }
    }

    /// The list, problems first, once the whole body was pushed.
    pub fn finish(self) -> Result<ConnectionList, LoadError> {
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
        let records = self.records;
        if let Some(detail) = records.malformed.or(ended) {
            return Err(LoadError::Malformed { detail });
        }
        Ok(ConnectionList::with_entries(
            records.connections,
            records.entries,
            records.rejected,
        ))
    }
}

impl Records {
    fn add(&mut self, bytes: &[u8]) {
        if self.malformed.is_some() {
            return;
        }
        self.count += 1;
        let position = self.count;
        // Invalid UTF-8 becomes U+FFFD, as the browser's `text()` would do.
        let text = String::from_utf8_lossy(bytes);
        // A record that cannot be shown must still be JSON: anything else means the
        // answer is broken, not the record.
        let record = match json::parse(&text) {
            Ok(record) => record,
            Err(error) => {
                self.malformed = Some(format!("record {position}: {error}"));
                return;
            }
        };
        let reject = |reason: String| RejectedRecord {
            position,
            id: record
                .field("id")
                .and_then(Value::as_str)
                .map(str::to_owned),
            reason,
        };
        let outcome = match dto::connection(&record) {
            Ok(connection) => {
                if connection.id.trim().is_empty() {
                    reject("its id is empty".to_owned())
                } else if !self.seen.insert(connection.id.clone()) {
                    reject("its id repeats an earlier record".to_owned())
                } else {
                    self.entries.push(IndexEntry::new(&connection));
                    self.connections.push(connection);
                    return;
                }
            }
            Err(reason) => reject(reason),
        };
        self.rejected.push(outcome);
    }
}

/// What a successful answer that is not what was `expected` is: a web page, other
/// JSON, or not JSON at all.
fn unexpected(status: u16, body: &str, expected: &'static str) -> LoadError {
    if body.trim_start().starts_with('<') {
        return LoadError::NotJson { status };
    }
    match json::parse(body) {
        Ok(value) => LoadError::WrongShape {
            expected,
            found: value.kind(),
        },
        Err(error) => LoadError::Malformed {
            detail: error.to_string(),
        },
    }
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
    successful_json(status, content_type, body)?;
    let malformed = |detail: String| LoadError::Malformed { detail };
    let outcome = json::parse(body).map_err(|error| malformed(error.to_string()))?;
    Ok(TestOutcome {
        status: Status::parse(dto::text(&outcome, "status").map_err(malformed)?),
        last_health_check_at: dto::optional_text(&outcome, "lastHealthCheckAt")
            .map_err(malformed)?
            .map(Timestamp::parse),
    })
}

/// Interprets the answer to `GET /api/mcp-connections/{id}`: one connection, or why
/// not (a 404 is an `Http` error with status 404: not in this tenant).
pub fn connection_response(
    status: u16,
    content_type: Option<&str>,
    body: &str,
) -> Result<Connection, LoadError> {
    successful_json(status, content_type, body)?;
    if !body.trim_start().starts_with('{') {
        return Err(unexpected(status, body, "one connection"));
    }
    json::parse(body)
        .map_err(|error| error.to_string())
        .and_then(|record| dto::connection(&record))
        .map_err(|detail| LoadError::Malformed { detail })
}

/// Any error status, or a success that is a web page rather than JSON, as a
/// `LoadError`.
fn successful_json(status: u16, content_type: Option<&str>, body: &str) -> Result<(), LoadError> {
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
    // The documented error body, `{"error": "…"}`.
    let body = json::parse(body).ok();
    let message = body
        .as_ref()
        .and_then(|body| body.field("error"))
        .and_then(Value::as_str);
    LoadError::http(status, message)
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
}
