//! What finding connections needs, built once per loaded list so that typing and
//! filtering never decode anything again.
//!
//! Folding ASCII text is only lower-casing, so connections whose text is all ASCII
//! (nearly all) are searched in place without regard to ASCII case; only the others
//! keep a folded copy. At 50,000 connections a copy of everything would cost about
//! 28 MB per loaded list, and a refresh holds two lists.

use std::collections::HashMap;

use super::connection::Connection;
use super::search::{Query, fold_into};

/// One connection's folded search text when it needs one, and whether characters
/// hide in it, made while its record is decoded so that a big list is scanned a
/// slice at a time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexEntry {
    folded: Option<Box<str>>,
    hidden: bool,
}

impl IndexEntry {
    pub fn new(connection: &Connection) -> Self {
        let hidden = connection.has_hidden_chars();
        let fields = search_fields(connection);
        if fields.iter().all(|field| field.is_ascii()) {
            return IndexEntry {
                folded: None,
                hidden,
            };
        }
        // Query words hold no whitespace, so no match spans two fields.
        let mut folded = String::with_capacity(fields.iter().map(|f| f.len() + 1).sum());
        for field in fields {
            fold_into(field, &mut folded);
            folded.push('\n');
        }
        IndexEntry {
            folded: Some(folded.into_boxed_str()),
            hidden,
        }
    }
}

/// Name, server URL, id and instructions: what a search looks through.
fn search_fields(connection: &Connection) -> [&str; 4] {
    [
        &connection.name,
        &connection.server_url,
        &connection.id,
        connection.instructions.as_deref().unwrap_or_default(),
    ]
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ListIndex {
    /// Per connection: its folded text, or `None` when it is all ASCII.
    folded: Vec<Option<Box<str>>>,
    /// Per connection: `Connection::has_hidden_chars`.
    hidden: Vec<bool>,
    /// Position of each id in the list.
    positions: HashMap<String, usize>,
}

impl ListIndex {
    /// `entries[i]` must be the entry of `connections[i]`.
    pub fn from_entries(connections: &[Connection], entries: Vec<IndexEntry>) -> Self {
        let positions = connections
            .iter()
            .enumerate()
            .map(|(position, connection)| (connection.id.clone(), position))
            .collect();
        let (folded, hidden) = entries
            .into_iter()
            .map(|entry| (entry.folded, entry.hidden))
            .unzip();
        ListIndex {
            folded,
            hidden,
            positions,
        }
    }

    /// Whether characters a reader cannot see hide in the connection at `position`.
    pub fn has_hidden(&self, position: usize) -> bool {
        self.hidden.get(position).copied().unwrap_or_default()
    }

    pub fn position(&self, id: &str) -> Option<usize> {
        self.positions.get(id).copied()
    }

    /// Whether `connection`, at `position` in the indexed list, matches every word
    /// of `query`.
    pub fn matches(&self, position: usize, connection: &Connection, query: &Query) -> bool {
        match self.folded.get(position) {
            Some(Some(folded)) => query.matches(folded),
            Some(None) => query.matches_ascii(&search_fields(connection)),
            None => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::connection::Status;
    use crate::model::fixtures::connection;

    fn index_of(connections: &[Connection]) -> ListIndex {
        ListIndex::from_entries(
            connections,
            connections.iter().map(IndexEntry::new).collect(),
        )
    }

    fn matches(connections: &[Connection], position: usize, query: &Query) -> bool {
        let index = index_of(connections);
        connections
            .get(position)
            .is_some_and(|connection| index.matches(position, connection, query))
    }

    fn sample() -> Vec<Connection> {
        let mut a = connection("id-a", Status::Active);
        a.name = " Crème Shop ".into();
        a.server_url = "https://mcp.Example.com/Orders".into();
        a.instructions = Some("Never REFUND without approval.".into());
        let mut b = connection("id-b", Status::Error);
        b.name = "Zebra".into();
        vec![a, b]
    }

    #[test]
    fn matches_name_url_id_and_instructions() {
        let connections = sample();
        let hits = |q: &str| -> Vec<usize> {
            let query = Query::parse(q);
            (0..2)
                .filter(|&p| matches(&connections, p, &query))
                .collect()
        };
        assert_eq!(hits("creme"), [0]);
        assert_eq!(hits("example.com/orders"), [0]);
        assert_eq!(hits("ID-B"), [1]);
        assert_eq!(hits("refund"), [0]);
        assert_eq!(hits("zebra refund"), Vec::<usize>::new());
        assert_eq!(hits(""), [0, 1]);
        assert_eq!(
            hits("ZEBRA"),
            [1],
            "ASCII text keeps no copy and still matches"
        );
        let index = index_of(&connections);
        assert!(
            !index.matches(7, &connections[0], &Query::parse("")),
            "no such position"
        );
    }

    #[test]
    fn words_never_match_across_fields() {
        let connections = sample();
        assert!(!matches(&connections, 0, &Query::parse("shophttps")));
        assert!(
            !matches(&connections, 1, &Query::parse("zebrahttps")),
            "ASCII too"
        );
    }

    #[test]
    fn only_text_beyond_ascii_is_copied() {
        let connections = sample();
        let entries: Vec<IndexEntry> = connections.iter().map(IndexEntry::new).collect();
        assert!(entries[0].folded.is_some(), "Crème");
        assert_eq!(entries[1].folded, None);
    }

    #[test]
    fn hidden_characters_are_noted_per_connection() {
        let mut connections = sample();
        connections[1].server_url = "https://pay\u{200B}pal.example".into();
        let index = index_of(&connections);
        assert!(!index.has_hidden(0));
        assert!(index.has_hidden(1));
        assert!(!index.has_hidden(2), "no such position");
    }

    #[test]
    fn positions() {
        let index = index_of(&sample());
        assert_eq!(index.position("id-b"), Some(1));
        assert_eq!(index.position("nope"), None);
    }
}
