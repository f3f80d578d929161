//! A loaded list: the connections that could be read, and the records that could not.

use std::sync::Arc;

use super::connection::{Connection, Status, Timestamp};
use super::list_index::{IndexEntry, ListIndex};
use super::sort::problems_first;

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
    /// Problems first (see `sort::problems_first`); ids are unique.
    connections: Vec<Connection>,
    rejected: Vec<RejectedRecord>,
    /// Shared by the copies a health check makes: it never changes what is indexed.
    index: Arc<ListIndex>,
}

impl ConnectionList {
    /// `connections` must have unique ids (decoding rejects repeats).
    pub fn new(connections: Vec<Connection>, rejected: Vec<RejectedRecord>) -> Self {
        let entries = connections.iter().map(IndexEntry::new).collect();
        Self::with_entries(connections, entries, rejected)
    }

    /// As `new`, with each connection's index entry already made (`entries[i]` for
    /// `connections[i]`), as decoding does a slice at a time.
    pub fn with_entries(
        mut connections: Vec<Connection>,
        mut entries: Vec<IndexEntry>,
        rejected: Vec<RejectedRecord>,
    ) -> Self {
        let mut order: Vec<usize> = (0..connections.len()).collect();
        order.sort_by(|&a, &b| problems_first(&connections[a], &connections[b]));
        permute(&mut connections, order.clone());
        permute(&mut entries, order);
        let index = Arc::new(ListIndex::from_entries(&connections, entries));
        ConnectionList {
            connections,
            rejected,
            index,
        }
    }

    pub fn connections(&self) -> &[Connection] {
        &self.connections
    }

    pub fn rejected(&self) -> &[RejectedRecord] {
        &self.rejected
    }

    pub fn index(&self) -> &ListIndex {
        &self.index
    }

    /// The list with one connection's health replaced by a fresh check's result; the
    /// order stays, so the card does not move under the admin's pointer.
    pub fn with_health(
        &self,
        id: &str,
        status: Status,
        last_health_check_at: Option<Timestamp>,
    ) -> ConnectionList {
        let mut list = self.clone();
        let position = self.index.position(id);
        if let Some(connection) = position.and_then(|p| list.connections.get_mut(p)) {
            connection.status = status;
            connection.last_health_check_at = last_health_check_at;
        }
        list
    }

    pub fn get(&self, id: &str) -> Option<&Connection> {
        self.connections.get(self.index.position(id)?)
    }
}

/// Puts `items` in `order` (`order[i]` is the position whose item goes to `i`) in
/// place, one cycle at a time: a big list is not copied to be sorted.
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..items.len().min(order.len()) {
        let mut at = start;
        loop {
            let from = std::mem::replace(&mut order[at], at);
            if from == start || from == at || from >= items.len() {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fixtures::connection;

    #[test]
    fn permuting_in_place_follows_every_cycle() {
        let mut items = vec!['a', 'b', 'c', 'd', 'e'];
        permute(&mut items, vec![3, 0, 4, 1, 2]);
        assert_eq!(items, ['d', 'a', 'e', 'b', 'c']);
        let mut same = vec![1, 2];
        permute(&mut same, vec![0, 1]);
        assert_eq!(same, [1, 2]);
    }

    #[test]
    fn health_of_one_connection_is_replaced_in_place() {
        let list = ConnectionList::new(
            vec![
                connection("b", Status::Active),
                connection("a", Status::Error),
            ],
            Vec::new(),
        );
        let checked = Some(Timestamp::parse("2026-03-25T12:00:00.000Z"));
        let updated = list.with_health("a", Status::Active, checked.clone());
        let a = updated.get("a");
        assert_eq!(a.map(|c| &c.status), Some(&Status::Active));
        assert_eq!(a.map(|c| &c.last_health_check_at), Some(&checked));
        assert_eq!(
            updated.connections()[0].id,
            "a",
            "problems first, and stays"
        );
        assert_eq!(updated.get("b").map(|c| &c.status), Some(&Status::Active));
        assert_eq!(list.with_health("missing", Status::Error, None), list);
    }
}
