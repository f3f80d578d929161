//! The wire format: what serde reads the API's records and answers into, and their
//! conversion to the model.
//!
//! Each known field keeps its JSON text (`RawValue`, borrowed from the record), so
//! that a value of the wrong kind is named against its field in words, and a
//! number in it is never converted (one beyond `f64`'s range is still "a number").
//! Unknown fields are skipped without being built, however large or deep (the
//! derive's `IgnoredAny`, which serde_json skips without recursion). A known field
//! that appears twice makes the derived reader fail (`Unreadable::RepeatedField`).

use std::borrow::Cow;

use serde::Deserialize;
use serde_json::value::RawValue;

use crate::model::connection::{AuthType, Connection, Status, Timestamp};
use crate::model::json_text::{self, Unreadable};

/// One connection record.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionDto<'a> {
    #[serde(borrow)]
    id: Option<&'a RawValue>,
    #[serde(borrow)]
    tenant_id: Option<&'a RawValue>,
    #[serde(borrow)]
    name: Option<&'a RawValue>,
    #[serde(borrow)]
    server_url: Option<&'a RawValue>,
    #[serde(borrow)]
    auth_type: Option<&'a RawValue>,
    #[serde(borrow)]
    status: Option<&'a RawValue>,
    #[serde(borrow)]
    instructions: Option<&'a RawValue>,
    #[serde(borrow)]
    last_health_check_at: Option<&'a RawValue>,
    #[serde(borrow)]
    created_at: Option<&'a RawValue>,
    #[serde(borrow)]
    updated_at: Option<&'a RawValue>,
}

impl<'a> ConnectionDto<'a> {
    /// Reads the JSON text of one record.
    pub fn read(json: &'a str) -> Result<Self, Unreadable> {
        json_text::read_object(json)
    }

    /// The id, when it is a string.
    pub fn id(&self) -> Option<String> {
        json_text::text(self.id).ok().flatten().map(Cow::into_owned)
    }

    /// The connection, or what is wrong with the record, in words. The first six
    /// fields must be strings; the others may also be absent or null.
    pub fn connection(&self) -> Result<Connection, String> {
        Ok(Connection {
            id: required("id", self.id)?.into_owned(),
            tenant_id: required("tenantId", self.tenant_id)?.into_owned(),
            name: required("name", self.name)?.into_owned(),
            server_url: required("serverUrl", self.server_url)?.into_owned(),
            auth_type: AuthType::parse(&required("authType", self.auth_type)?),
            status: Status::parse(&required("status", self.status)?),
            instructions: optional("instructions", self.instructions)?.map(Cow::into_owned),
            last_health_check_at: timestamp("lastHealthCheckAt", self.last_health_check_at)?,
            created_at: timestamp("createdAt", self.created_at)?,
            updated_at: timestamp("updatedAt", self.updated_at)?,
        })
    }
}

/// The id of a record that could not be read otherwise, to name it: `None` when it
/// has none, or it is not a string, or it appears twice.
pub fn readable_id(json: &str) -> Option<String> {
    #[derive(Deserialize)]
    struct IdOnly<'a> {
        #[serde(borrow)]
        id: Option<&'a RawValue>,
    }
    let record: IdOnly = json_text::read_object(json).ok()?;
    json_text::text(record.id)
        .ok()
        .flatten()
        .map(Cow::into_owned)
}

/// The answer to a health check: `{"status": …, "lastHealthCheckAt": …}`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TestOutcomeDto<'a> {
    #[serde(borrow)]
    status: Option<&'a RawValue>,
    #[serde(borrow)]
    last_health_check_at: Option<&'a RawValue>,
}

impl<'a> TestOutcomeDto<'a> {
    pub fn read(json: &'a str) -> Result<Self, Unreadable> {
        json_text::read_object(json)
    }

    /// The status the check found, or what is wrong with it, in words.
    pub fn status(&self) -> Result<Status, String> {
        Ok(Status::parse(&required("status", self.status)?))
    }

    /// When the check ran, or what is wrong with it, in words.
    pub fn last_health_check_at(&self) -> Result<Option<Timestamp>, String> {
        timestamp("lastHealthCheckAt", self.last_health_check_at)
    }
}

/// The documented error body, `{"error": "<human readable message>"}`: the message,
/// when the body is that.
pub fn error_message(json: &str) -> Option<String> {
    #[derive(Deserialize)]
    struct ErrorBody<'a> {
        #[serde(borrow)]
        error: Option<&'a RawValue>,
    }
    let body: ErrorBody = json_text::read_object(json).ok()?;
    json_text::text(body.error)
        .ok()
        .flatten()
        .map(Cow::into_owned)
}

/// A field that must be a string.
fn required<'a>(name: &str, value: Option<&'a RawValue>) -> Result<Cow<'a, str>, String> {
    optional(name, value)?.ok_or_else(|| format!("the field `{name}` is missing"))
}

/// A field that is a string, or absent or null (`None`).
pub(super) fn optional<'a>(
    name: &str,
    value: Option<&'a RawValue>,
) -> Result<Option<Cow<'a, str>>, String> {
    json_text::text(value).map_err(|kind| format!("the field `{name}` is {kind}, not a string"))
}

/// A timestamp field: a string, or absent or null. Text that is not a time is kept
/// (`Timestamp::Unreadable`) rather than costing the record.
fn timestamp(name: &str, value: Option<&RawValue>) -> Result<Option<Timestamp>, String> {
    Ok(optional(name, value)?.as_deref().map(Timestamp::parse))
}
