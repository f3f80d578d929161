//! The wire format of `GET /api/agent-definitions`: `{"items": [agent…], "total": N}`.
//! As in `dto`, known fields stay raw JSON text until checked, so a value of the
//! wrong kind is named against its field, and unknown fields are skipped unbuilt.

use std::borrow::Cow;

use serde::Deserialize;
use serde_json::value::RawValue;

use super::dto::optional as text;
use crate::model::agent::{Agent, AgentConnection, AgentRole};
use crate::model::json_text::{self, Unreadable};

/// The answer around the agents.
#[derive(Deserialize)]
pub struct AgentsAnswerDto<'a> {
    #[serde(borrow)]
    items: Option<&'a RawValue>,
}

impl<'a> AgentsAnswerDto<'a> {
    pub fn read(json: &'a str) -> Result<Self, Unreadable> {
        json_text::read_object(json)
    }

    /// The JSON text of each agent record, or what is wrong with `items`, in words.
    pub fn items(&self) -> Result<Vec<&'a RawValue>, String> {
        let items = self.items.ok_or("the field `items` is missing")?;
        list("items", items)
    }
}

/// One agent record.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AgentDto<'a> {
    #[serde(borrow)]
    id: Option<&'a RawValue>,
    #[serde(borrow)]
    name: Option<&'a RawValue>,
    #[serde(borrow)]
    display_name: Option<&'a RawValue>,
    #[serde(borrow)]
    agent_role: Option<&'a RawValue>,
    #[serde(borrow)]
    mcp_connections: Option<&'a RawValue>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct AgentConnectionDto<'a> {
    #[serde(borrow)]
    connection_id: Option<&'a RawValue>,
    #[serde(borrow)]
    allowed_tools: Option<&'a RawValue>,
}

impl<'a> AgentDto<'a> {
    pub fn read(json: &'a str) -> Result<Self, Unreadable> {
        json_text::read_object(json)
    }

    /// The id, when it is a string.
    pub fn id(&self) -> Option<String> {
        json_text::text(self.id).ok().flatten().map(Cow::into_owned)
    }

    /// The agent, or what is wrong with the record, in words. Only the id is
    /// required; absent connections are none.
    pub fn agent(&self) -> Result<Agent, String> {
        let connections = match self.mcp_connections {
            None => Vec::new(),
            Some(raw) if raw.get() == "null" => Vec::new(),
            Some(raw) => list("mcpConnections", raw)?
                .into_iter()
                .map(connection)
                .collect::<Result<_, _>>()?,
        };
        Ok(Agent {
            id: text("id", self.id)?
                .ok_or("the field `id` is missing")?
                .into_owned(),
            name: text("name", self.name)?.map(Cow::into_owned),
            display_name: text("displayName", self.display_name)?.map(Cow::into_owned),
            role: text("agentRole", self.agent_role)?.map(|role| AgentRole::parse(&role)),
            connections,
        })
    }
}

/// One element of `mcpConnections`.
fn connection(json: &RawValue) -> Result<AgentConnection, String> {
    let dto: AgentConnectionDto = json_text::read_object(json.get())
        .map_err(|unreadable| format!("an element of `mcpConnections`: {unreadable}"))?;
    let connection_id = text("connectionId", dto.connection_id)?
        .ok_or("an element of `mcpConnections` has no `connectionId`")?
        .into_owned();
    let allowed_tools = match dto.allowed_tools {
        None => Vec::new(),
        Some(raw) if raw.get() == "null" => Vec::new(),
        Some(raw) => {
            let mut tools = Vec::new();
            for tool in list("allowedTools", raw)? {
                match json_text::text(Some(tool)) {
                    Ok(Some(name)) => tools.push(name.into_owned()),
                    _ => {
                        let kind = json_text::kind_of(tool);
                        return Err(format!("a tool in `allowedTools` is {kind}, not a string"));
                    }
                }
            }
            tools
        }
    };
    Ok(AgentConnection {
        connection_id,
        allowed_tools,
    })
}

/// A field that must be a list: its elements' JSON text.
fn list<'a>(name: &str, value: &'a RawValue) -> Result<Vec<&'a RawValue>, String> {
    serde_json::from_str(value.get()).map_err(|_| {
        format!(
            "the field `{name}` is {}, not a list",
            json_text::kind_of(value)
        )
    })
}
