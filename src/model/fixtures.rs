//! Connections and agents for host tests.

use super::agent::{Agent, AgentConnection};
use super::connection::{AuthType, Connection, Status};

pub fn connection(id: &str, status: Status) -> Connection {
    Connection {
        id: id.to_owned(),
        tenant_id: "tenant".to_owned(),
        name: format!("Connection {id}"),
        server_url: "https://mcp.example.com".to_owned(),
        auth_type: AuthType::Bearer,
        status,
        instructions: None,
        last_health_check_at: None,
        created_at: None,
        updated_at: None,
    }
}

/// An agent called "Agent {id}" that may call the connections `uses`.
pub fn agent(id: &str, uses: &[&str]) -> Agent {
    Agent {
        id: id.to_owned(),
        name: None,
        display_name: Some(format!("Agent {id}")),
        role: None,
        connections: uses
            .iter()
            .map(|&c| AgentConnection {
                connection_id: c.to_owned(),
                allowed_tools: Vec::new(),
            })
            .collect(),
    }
}
