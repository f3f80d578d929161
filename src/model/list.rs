//! A loaded list: the connections that could be read, and the records that could not.

use super::connection::Connection;

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
