//! What finding and ordering connections needs, built once per loaded list so that
//! typing and filtering never fold or decode anything again.

use std::collections::HashMap;

use super::connection::Connection;
use super::search::{Query, fold_into};

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ListIndex {
    /// Per connection: the folded "name\nserver URL\nid\ninstructions". Query words
    /// hold no whitespace, so no match spans two fields.
    haystacks: Vec<Box<str>>,
    /// Byte length of the folded name at the start of each haystack (the name key).
    name_lens: Vec<usize>,
    /// Position of each id in the list.
    positions: HashMap<String, usize>,
}

impl ListIndex {
    pub fn new(connections: &[Connection]) -> Self {
        let mut haystacks = Vec::with_capacity(connections.len());
        let mut name_lens = Vec::with_capacity(connections.len());
        let mut positions = HashMap::with_capacity(connections.len());
        for (position, connection) in connections.iter().enumerate() {
            let size = connection.name.len()
                + connection.server_url.len()
                + connection.id.len()
                + connection.instructions.as_deref().map_or(0, str::len)
                + 3;
            let mut haystack = String::with_capacity(size);
            fold_into(connection.name.trim(), &mut haystack);
            name_lens.push(haystack.len());
            for field in [
                connection.server_url.as_str(),
                &connection.id,
                connection.instructions.as_deref().unwrap_or_default(),
            ] {
                haystack.push('\n');
                fold_into(field, &mut haystack);
            }
            haystacks.push(haystack.into_boxed_str());
            positions.insert(connection.id.clone(), position);
        }
        ListIndex {
            haystacks,
            name_lens,
            positions,
        }
    }

    pub fn position(&self, id: &str) -> Option<usize> {
        self.positions.get(id).copied()
    }

    /// Whether the connection at `position` matches every word of `query`.
    pub fn matches(&self, position: usize, query: &Query) -> bool {
        self.haystacks
            .get(position)
            .is_some_and(|haystack| query.matches(haystack))
    }

    /// The folded name, for sorting by name without case or accents.
    pub fn name_key(&self, position: usize) -> &str {
        let haystack = self.haystacks.get(position).map_or("", |h| &**h);
        let len = self.name_lens.get(position).copied().unwrap_or_default();
        haystack.get(..len).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::connection::Status;
    use crate::model::fixtures::connection;

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
        let index = ListIndex::new(&sample());
        let hits = |q: &str| -> Vec<usize> {
            let query = Query::parse(q);
            (0..2).filter(|&p| index.matches(p, &query)).collect()
        };
        assert_eq!(hits("creme"), [0]);
        assert_eq!(hits("example.com/orders"), [0]);
        assert_eq!(hits("ID-B"), [1]);
        assert_eq!(hits("refund"), [0]);
        assert_eq!(hits("zebra refund"), Vec::<usize>::new());
        assert_eq!(hits(""), [0, 1]);
        assert!(!index.matches(7, &Query::parse("")), "no such position");
    }

    #[test]
    fn words_never_match_across_fields() {
        let index = ListIndex::new(&sample());
        assert!(!index.matches(0, &Query::parse("shophttps")));
    }

    #[test]
    fn names_keys_and_positions() {
        let index = ListIndex::new(&sample());
        assert_eq!(index.name_key(0), "creme shop");
        assert_eq!(index.name_key(1), "zebra");
        assert_eq!(index.name_key(2), "");
        assert_eq!(index.position("id-b"), Some(1));
        assert_eq!(index.position("nope"), None);
    }
}
