//! The wire format of one connection, and its conversion to the model.

use crate::json::Value;
use crate::model::connection::{AuthType, Connection, Status, Timestamp};

/// Reads one record. Required fields are strings; optional ones accept absent or
/// null. Unknown fields are ignored so the platform can add them. The error says
/// what is wrong with the record, in words.
pub fn connection(record: &Value) -> Result<Connection, String> {
    if !matches!(record, Value::Object(_)) {
        return Err(format!("it is {}, not an object", record.kind()));
    }
    let timestamp = |name| Ok::<_, String>(optional_text(record, name)?.map(Timestamp::parse));
    Ok(Connection {
        id: text(record, "id")?.to_owned(),
        tenant_id: text(record, "tenantId")?.to_owned(),
        name: text(record, "name")?.to_owned(),
        server_url: text(record, "serverUrl")?.to_owned(),
        auth_type: AuthType::parse(text(record, "authType")?),
        status: Status::parse(text(record, "status")?),
        instructions: optional_text(record, "instructions")?.map(str::to_owned),
        last_health_check_at: timestamp("lastHealthCheckAt")?,
        created_at: timestamp("createdAt")?,
        updated_at: timestamp("updatedAt")?,
    })
}

/// A field that must be there and be a string.
pub fn text<'v>(record: &'v Value, name: &str) -> Result<&'v str, String> {
    optional_text(record, name)?.ok_or_else(|| format!("the field `{name}` is missing"))
}

/// A field that is a string, or absent or null (`None`).
pub fn optional_text<'v>(record: &'v Value, name: &str) -> Result<Option<&'v str>, String> {
    match record.field(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) => Ok(Some(text)),
        Some(other) => Err(format!(
            "the field `{name}` is {}, not a string",
            other.kind()
        )),
    }
}
