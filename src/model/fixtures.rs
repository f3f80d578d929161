//! Connections for host tests.

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
