//! The wire format of one connection, and its conversion to the model.

use serde::Deserialize;

use crate::model::connection::{AuthType, Connection, Status, Timestamp};

/// Required fields are plain; optional ones accept absent or null. Unknown fields
/// are ignored so the platform can add them.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionDto {
    id: String,
    tenant_id: String,
    name: String,
    server_url: String,
    auth_type: String,
    status: String,
    instructions: Option<String>,
    last_health_check_at: Option<String>,
    created_at: Option<String>,
    updated_at: Option<String>,
}

impl From<ConnectionDto> for Connection {
    fn from(dto: ConnectionDto) -> Self {
        let timestamp = |raw: Option<String>| raw.as_deref().map(Timestamp::parse);
        Connection {
            auth_type: AuthType::parse(&dto.auth_type),
            status: Status::parse(&dto.status),
            last_health_check_at: timestamp(dto.last_health_check_at),
            created_at: timestamp(dto.created_at),
            updated_at: timestamp(dto.updated_at),
            id: dto.id,
            tenant_id: dto.tenant_id,
            name: dto.name,
            server_url: dto.server_url,
            instructions: dto.instructions,
        }
    }
}
