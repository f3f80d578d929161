//! The records the demo API serves, as JSON values: the hostile set needs records
//! that no typed struct could hold (a missing name, a numeric status, a bare `42`).

mod agents;
mod demo;
mod generate;
mod hostile;

use serde_json::{Map, Value};

pub use agents::agents;

use crate::scenario::Dataset;
use crate::time::{UnixMillis, format_iso};

/// The one tenant that owns every record.
pub const TENANT_ID: &str = "a0b1c2d3-4567-89ab-cdef-0123456789ab";

/// An optional field: the contract allows it to be absent as well as null.
#[derive(Clone, Copy, Debug)]
pub enum Field<T> {
    Absent,
    Null,
    Value(T),
}

/// A well-formed connection, before it becomes JSON.
pub struct Connection<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub server_url: &'a str,
    pub auth_type: &'a str,
    pub status: &'a str,
    pub instructions: Field<&'a str>,
    pub last_health_check_at: Field<UnixMillis>,
    pub created_at: UnixMillis,
    pub updated_at: UnixMillis,
}

impl Connection<'_> {
    pub fn to_json(&self) -> Value {
        let mut object = Map::new();
        object.insert("id".into(), self.id.into());
        object.insert("tenantId".into(), TENANT_ID.into());
        object.insert("name".into(), self.name.into());
        object.insert("serverUrl".into(), self.server_url.into());
        object.insert("authType".into(), self.auth_type.into());
        object.insert("status".into(), self.status.into());
        match self.instructions {
            Field::Absent => {}
            Field::Null => {
                object.insert("instructions".into(), Value::Null);
            }
            Field::Value(text) => {
                object.insert("instructions".into(), text.into());
            }
        }
        match self.last_health_check_at {
            Field::Absent => {}
            Field::Null => {
                object.insert("lastHealthCheckAt".into(), Value::Null);
            }
            Field::Value(at) => {
                object.insert("lastHealthCheckAt".into(), format_iso(at).into());
            }
        }
        object.insert("createdAt".into(), format_iso(self.created_at).into());
        object.insert("updatedAt".into(), format_iso(self.updated_at).into());
        Value::Object(object)
    }
}

/// The records of a data set, with times relative to `now` so the demo looks current.
pub fn records(dataset: Dataset, count: usize, now: UnixMillis) -> Vec<Value> {
    match dataset {
        Dataset::Demo => demo::records(now),
        Dataset::Empty => Vec::new(),
        Dataset::Hostile => hostile::records(now),
        Dataset::Generated => generate::records(count, now),
    }
}

/// What happens to a data set as its list is served again: the hostile set's rug
/// pull on the second load. Whether the records changed.
pub fn on_list_load(dataset: Dataset, load: u32, records: &mut [Value]) -> bool {
    let rug_pull = dataset == Dataset::Hostile && load == 2;
    if rug_pull {
        hostile::rug_pull(records);
    }
    rug_pull
}

/// The `id` of a record, when it has a string one.
pub fn id_of(record: &Value) -> Option<&str> {
    record.get("id").and_then(Value::as_str)
}
