//! A loaded list: the connections that could be read, and the records that could not.

use super::connection::{Connection, Status, Timestamp};

/// A record of the API's list that could not be shown, named as well as it can be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RejectedRecord {
    /// 1-based position in the API's array.
    pub position: usize,
    /// Its `id`, when the record had a readable one.
    pub id: Option<String>,
    /// Why it could not be read, in words.
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ConnectionList {
    /// In display order (see `sort::problems_first`); ids are unique.
    pub connections: Vec<Connection>,
    pub rejected: Vec<RejectedRecord>,
}

impl ConnectionList {
    /// The list with one connection's health replaced by a fresh check's result; the
    /// order stays, so the card does not move under the admin's pointer.
    pub fn with_health(
        &self,
        id: &str,
        status: Status,
        last_health_check_at: Option<Timestamp>,
    ) -> ConnectionList {
        let mut list = self.clone();
        if let Some(connection) = list.connections.iter_mut().find(|c| c.id == id) {
            connection.status = status;
            connection.last_health_check_at = last_health_check_at;
        }
        list
    }

    pub fn get(&self, id: &str) -> Option<&Connection> {
        self.connections.iter().find(|c| c.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fixtures::connection;

    #[test]
    fn health_of_one_connection_is_replaced_in_place() {
        let list = ConnectionList {
            connections: vec![
                connection("a", Status::Error),
                connection("b", Status::Active),
            ],
            rejected: Vec::new(),
        };
        let checked = Some(Timestamp::parse("2026-03-25T12:00:00.000Z"));
        let updated = list.with_health("a", Status::Active, checked.clone());
        let a = updated.get("a");
        assert_eq!(a.map(|c| &c.status), Some(&Status::Active));
        assert_eq!(a.map(|c| &c.last_health_check_at), Some(&checked));
        assert_eq!(updated.connections[0].id, "a");
        assert_eq!(list.with_health("missing", Status::Error, None), list);
    }
}
