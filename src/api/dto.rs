//! The wire format of one connection, and its conversion to the model.

use crate::json::Value;
use crate::model::connection::{AuthType, Connection, Status, Timestamp};

/// The record's fields, in the order of `FIELDS`.
const FIELDS: [&str; 10] = [
    "id",
    "tenantId",
    "name",
    "serverUrl",
    "authType",
    "status",
    "instructions",
    "lastHealthCheckAt",
    "createdAt",
    "updatedAt",
];
/// The first six must be there; the others may be absent or null.
const REQUIRED: usize = 6;

/// Reads one record. Required fields are strings; optional ones accept absent or
/// null. Unknown fields are ignored so the platform can add them. The error says
/// what is wrong with the record, in words.
pub fn connection(record: &Value) -> Result<Connection, String> {
    let Value::Object(members) = record else {
        return Err(format!("it is {}, not an object", record.kind()));
    };
    // One pass over the members (50,000 records at a time), the first of a
    // repeated name winning, as `Value::field` does.
    let mut found: [Option<&Value>; 10] = [None; 10];
    for (name, value) in members {
        if let Some(slot) = FIELDS.iter().position(|field| field == name)
            && found[slot].is_none()
        {
            found[slot] = Some(value);
        }
    }
    let mut texts: [Option<&str>; 10] = [None; 10];
    for (slot, value) in found.iter().enumerate() {
        texts[slot] = text_of(FIELDS[slot], *value)?;
        if slot < REQUIRED && texts[slot].is_none() {
            return Err(format!("the field `{}` is missing", FIELDS[slot]));
        }
    }
    let [
        id,
        tenant_id,
        name,
        server_url,
        auth_type,
        status,
        instructions,
        checked,
        created,
        updated,
    ] = texts;
    let owned = |text: Option<&str>| text.unwrap_or_default().to_owned();
    Ok(Connection {
        id: owned(id),
        tenant_id: owned(tenant_id),
        name: owned(name),
        server_url: owned(server_url),
        auth_type: AuthType::parse(auth_type.unwrap_or_default()),
        status: Status::parse(status.unwrap_or_default()),
        instructions: instructions.map(str::to_owned),
        last_health_check_at: checked.map(Timestamp::parse),
        created_at: created.map(Timestamp::parse),
        updated_at: updated.map(Timestamp::parse),
    })
}

/// A field that must be there and be a string.
pub fn text<'v>(record: &'v Value, name: &str) -> Result<&'v str, String> {
    optional_text(record, name)?.ok_or_else(|| format!("the field `{name}` is missing"))
}

/// A field that is a string, or absent or null (`None`).
pub fn optional_text<'v>(record: &'v Value, name: &str) -> Result<Option<&'v str>, String> {
    text_of(name, record.field(name))
}

fn text_of<'v>(name: &str, value: Option<&'v Value>) -> Result<Option<&'v str>, String> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) => Ok(Some(text)),
        Some(other) => Err(format!(
            "the field `{name}` is {}, not a string",
            other.kind()
        )),
    }
}
