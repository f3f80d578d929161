//! Turns the answer to `GET /api/agent-definitions` into an `AgentList` or a
//! `LoadError`, by the same rules as the connection list: a bad record is named
//! and the others kept, an answer that is not the documented object fails whole.

use std::collections::HashSet;

use super::agent_dto::{AgentDto, AgentsAnswerDto};
use super::decode::{read_answer, successful_json};
use crate::model::agent::AgentList;
use crate::model::json_text;
use crate::model::list::RejectedRecord;
use crate::model::load_error::LoadError;

/// What the answer should be, in the words of `LoadError::WrongShape`.
const AGENTS: &str = "the tenant's agents";

pub fn agents_response(
    status: u16,
    content_type: Option<&str>,
    body: &str,
) -> Result<AgentList, LoadError> {
    let body = json_text::without_bom(body);
    successful_json(status, content_type, body)?;
    let answer = read_answer(status, body, AGENTS, AgentsAnswerDto::read)?;
    let items = answer
        .items()
        .map_err(|detail| LoadError::Malformed { detail })?;
    let mut agents = Vec::with_capacity(items.len());
    let mut rejected = Vec::new();
    let mut seen = HashSet::new();
    for (index, item) in items.into_iter().enumerate() {
        let position = index + 1;
        let reject = |id: Option<String>, reason: String| RejectedRecord {
            position,
            id,
            reason,
        };
        match AgentDto::read(item.get()) {
            Ok(record) => match record.agent() {
                Ok(agent) if !seen.insert(agent.id.clone()) => rejected.push(reject(
                    Some(agent.id),
                    "its id repeats an earlier record".to_owned(),
                )),
                Ok(agent) => agents.push(agent),
                Err(reason) => rejected.push(reject(record.id(), reason)),
            },
            Err(unreadable) => rejected.push(reject(None, unreadable.to_string())),
        }
    }
    Ok(AgentList::new(agents, rejected))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::agent::{AgentConnection, AgentRole};

    const SHIPPING: &str = r#"{
        "id": "9b1f0c2e-1111-4c8e-9f01-23456789abcd",
        "tenantId": "a0b1c2d3-4567-89ab-cdef-0123456789ab",
        "name": "shipping_tracker",
        "displayName": "Shipping Tracker",
        "description": null,
        "agentRole": "specialist",
        "model": "gpt-4o",
        "customInstructions": null,
        "mcpConnections": [
            {"connectionId": "c-1", "allowedTools": ["track_parcel", "rates"]},
            {"connectionId": "c-2"}
        ],
        "createdAt": "2026-01-10T14:00:00.000Z",
        "updatedAt": "2026-03-25T12:00:00.000Z",
        "somethingNew": {"deep": [1, 2, {"x": null}]}
    }"#;

    fn ok(body: &str) -> AgentList {
        match agents_response(200, Some("application/json"), body) {
            Ok(list) => list,
            Err(error) => panic!("expected agents, got {error:?}"),
        }
    }

    fn err(status: u16, content_type: Option<&str>, body: &str) -> LoadError {
        match agents_response(status, content_type, body) {
            Ok(list) => panic!("expected an error, got {list:?}"),
            Err(error) => error,
        }
    }

    #[test]
    fn decodes_an_agent_and_skips_unknown_fields() {
        let list = ok(&format!(
            r#"{{"items": [{SHIPPING}], "total": 1, "next": null}}"#
        ));
        assert!(list.rejected().is_empty());
        let agent = &list.agents()[0];
        assert_eq!(agent.id, "9b1f0c2e-1111-4c8e-9f01-23456789abcd");
        assert_eq!(agent.label(), "Shipping Tracker");
        assert_eq!(agent.name.as_deref(), Some("shipping_tracker"));
        assert_eq!(agent.role, Some(AgentRole::Specialist));
        assert_eq!(
            agent.connections,
            [
                AgentConnection {
                    connection_id: "c-1".to_owned(),
                    allowed_tools: vec!["track_parcel".to_owned(), "rates".to_owned()],
                },
                AgentConnection {
                    connection_id: "c-2".to_owned(),
                    allowed_tools: Vec::new(),
                },
            ]
        );
    }

    #[test]
    fn tolerates_absent_fields_and_unknown_roles() {
        let list = ok(r#"{"items": [
            {"id": "a", "name": "planner_main", "agentRole": "orchestrator"},
            {"id": "b", "mcpConnections": null, "displayName": null},
            {"id": "c", "mcpConnections": [{"connectionId": "x", "allowedTools": null}]}
        ]}"#);
        assert!(list.rejected().is_empty());
        let agents = list.agents();
        assert_eq!(
            agents[0].role,
            Some(AgentRole::Other("orchestrator".to_owned()))
        );
        assert_eq!(agents[0].label(), "planner_main");
        assert!(agents[0].connections.is_empty());
        assert_eq!(agents[1].label(), "b");
        assert_eq!(agents[1].role, None);
        assert!(agents[2].connections[0].allowed_tools.is_empty());
    }

    #[test]
    fn rejects_bad_records_one_by_one() {
        let list = ok(r#"{"items": [
            {"id": "good"},
            42,
            {"name": "no id"},
            {"id": 7},
            {"id": "tools", "mcpConnections": "all"},
            {"id": "element", "mcpConnections": [{"allowedTools": []}]},
            {"id": "tool", "mcpConnections": [{"connectionId": "x", "allowedTools": [1]}]},
            {"id": "twice", "id": "again"},
            {"id": "good"},
            {"id": "also good", "displayName": "<img src=x onerror=alert(1)>"}
        ]}"#);
        let ids: Vec<_> = list.agents().iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["good", "also good"]);
        let rejected: Vec<_> = list
            .rejected()
            .iter()
            .map(|r| (r.position, r.id.as_deref(), r.reason.as_str()))
            .collect();
        assert_eq!(
            rejected,
            [
                (2, None, "it is a number, not an object"),
                (3, None, "the field `id` is missing"),
                (4, None, "the field `id` is a number, not a string"),
                (
                    5,
                    Some("tools"),
                    "the field `mcpConnections` is a string, not a list"
                ),
                (
                    6,
                    Some("element"),
                    "an element of `mcpConnections` has no `connectionId`"
                ),
                (
                    7,
                    Some("tool"),
                    "a tool in `allowedTools` is a number, not a string"
                ),
                (8, None, "the field `id` appears twice"),
                (9, Some("good"), "its id repeats an earlier record"),
            ]
        );
    }

    #[test]
    fn the_answer_must_be_the_documented_object() {
        assert!(ok(r#"{"items": [], "total": 0}"#).agents().is_empty());
        assert!(matches!(
            err(200, None, "[]"),
            LoadError::WrongShape {
                found: "a list",
                ..
            }
        ));
        assert!(matches!(
            err(200, None, r#"{"total": 0}"#),
            LoadError::Malformed { .. }
        ));
        assert!(matches!(
            err(200, None, r#"{"items": {}}"#),
            LoadError::Malformed { .. }
        ));
        assert!(matches!(
            err(200, None, r#"{"items": [1,"#),
            LoadError::Malformed { .. }
        ));
        assert!(matches!(
            err(200, Some("text/html"), "<html>"),
            LoadError::NotJson { status: 200 }
        ));
        assert!(ok("\u{FEFF}{\"items\": []}").agents().is_empty());
    }

    #[test]
    fn error_statuses_keep_the_api_message() {
        match err(
            403,
            Some("application/json"),
            r#"{"error": "missing scope agents:read"}"#,
        ) {
            LoadError::Http {
                status,
                server_message,
                ..
            } => {
                assert_eq!(status, 403);
                assert_eq!(server_message.as_deref(), Some("missing scope agents:read"));
            }
            other => panic!("expected an HTTP error, got {other:?}"),
        }
        assert!(matches!(
            err(502, Some("text/html"), "<h1>Bad gateway</h1>"),
            LoadError::NotJson { status: 502 }
        ));
    }
}
