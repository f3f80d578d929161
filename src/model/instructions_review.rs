//! What this browser remembers of each connection's instructions: the text last
//! reviewed (the baseline) and, when the loaded text differs from it, when that was
//! first noticed. The first text seen becomes the baseline silently; null and text
//! differ; line endings do not count (`line_diff::same_lines`). A connection that
//! leaves the list keeps its baseline for when it comes back.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{DateTime, Utc};

use super::connection::Connection;
use super::line_diff::same_lines;

/// One connection's entry, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reviewed {
    pub tenant: String,
    pub id: String,
    /// The instructions last reviewed (or first seen); `None` when they were null.
    pub text: Option<String>,
    /// When a text other than `text` was first noticed; `None` while they agree.
    pub changed_since: Option<DateTime<Utc>>,
}

/// The ids of the list whose instructions changed since their review, with when
/// the change was first noticed.
pub type ChangedInstructions = HashMap<String, DateTime<Utc>>;

/// Every entry kept for one API, by tenant and then id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReviewBook {
    tenants: HashMap<String, HashMap<String, Reviewed>>,
}

impl ReviewBook {
    pub fn insert(&mut self, entry: Reviewed) {
        self.tenants
            .entry(entry.tenant.clone())
            .or_default()
            .insert(entry.id.clone(), entry);
    }

    pub fn get(&self, connection: &Connection) -> Option<&Reviewed> {
        self.tenants.get(&connection.tenant_id)?.get(&connection.id)
    }

    pub fn len(&self) -> usize {
        self.tenants.values().map(HashMap::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Compares the loaded connections with their entries and returns the entries
    /// to store: a first sight becomes the baseline, a new difference gets its
    /// time, and a text back to its baseline loses it.
    pub fn reconcile(&mut self, connections: &[Connection], now: DateTime<Utc>) -> Vec<Reviewed> {
        let mut writes = Vec::new();
        for connection in connections {
            let text = connection.instructions.as_deref();
            let entry = match self.get(connection) {
                None => Reviewed {
                    tenant: connection.tenant_id.clone(),
                    id: connection.id.clone(),
                    text: text.map(str::to_owned),
                    changed_since: None,
                },
                Some(entry) => {
                    let same = same_lines(entry.text.as_deref(), text);
                    if same == entry.changed_since.is_none() {
                        continue;
                    }
                    Reviewed {
                        changed_since: (!same).then_some(now),
                        ..entry.clone()
                    }
                }
            };
            self.insert(entry.clone());
            writes.push(entry);
        }
        writes
    }

    /// Makes the connection's current text its baseline; the entry to store.
    pub fn mark_reviewed(&mut self, connection: &Connection) -> Reviewed {
        let entry = Reviewed {
            tenant: connection.tenant_id.clone(),
            id: connection.id.clone(),
            text: connection.instructions.clone(),
            changed_since: None,
        };
        self.insert(entry.clone());
        entry
    }

    /// The connections of `connections` whose instructions changed.
    pub fn changed(&self, connections: &[Connection]) -> Arc<ChangedInstructions> {
        Arc::new(
            connections
                .iter()
                .filter_map(|c| Some((c.id.clone(), self.get(c)?.changed_since?)))
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::connection::Status;
    use crate::model::fixtures::connection;

    fn at(seconds: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_772_323_200 + seconds, 0).unwrap_or_default()
    }

    fn with_text(id: &str, text: Option<&str>) -> Connection {
        let mut c = connection(id, Status::Active);
        c.instructions = text.map(str::to_owned);
        c
    }

    #[test]
    fn first_sight_is_the_baseline_and_a_change_is_noticed_once() {
        let mut book = ReviewBook::default();
        let first = [with_text("a", Some("Rules")), with_text("b", None)];
        assert_eq!(book.reconcile(&first, at(0)).len(), 2);
        assert!(book.changed(&first).is_empty());
        assert!(
            book.reconcile(&first, at(1)).is_empty(),
            "nothing new to store"
        );

        let second = [
            with_text("a", Some("Rules!")),
            with_text("b", Some("Now text")),
        ];
        assert_eq!(book.reconcile(&second, at(2)).len(), 2);
        let third = [
            with_text("a", Some("Rules!!")),
            with_text("b", Some("Now text")),
        ];
        assert!(book.reconcile(&third, at(3)).is_empty());
        let changed = book.changed(&third);
        assert_eq!(changed.get("a"), Some(&at(2)), "when it was first noticed");
        assert_eq!(changed.get("b"), Some(&at(2)), "null to text is a change");
        assert_eq!(
            book.get(&third[0]).and_then(|e| e.text.as_deref()),
            Some("Rules"),
            "the baseline stays until reviewed"
        );
    }

    #[test]
    fn marking_reviewed_moves_the_baseline_and_text_to_null_is_a_change() {
        let mut book = ReviewBook::default();
        book.reconcile(&[with_text("a", Some("Rules"))], at(0));
        let changed = [with_text("a", None)];
        book.reconcile(&changed, at(1));
        assert_eq!(book.changed(&changed).len(), 1);
        let entry = book.mark_reviewed(&changed[0]);
        assert_eq!((entry.text, entry.changed_since), (None, None));
        assert!(book.changed(&changed).is_empty());
        assert!(book.reconcile(&changed, at(2)).is_empty());
    }

    #[test]
    fn a_text_back_to_its_baseline_is_no_change_and_line_endings_do_not_count() {
        let mut book = ReviewBook::default();
        book.reconcile(&[with_text("a", Some("one\ntwo"))], at(0));
        book.reconcile(&[with_text("a", Some("one\ntwo!"))], at(1));
        let back = [with_text("a", Some("one\r\ntwo"))];
        assert_eq!(book.reconcile(&back, at(2)).len(), 1);
        assert!(book.changed(&back).is_empty());
    }

    #[test]
    fn a_connection_that_leaves_keeps_its_baseline() {
        let mut book = ReviewBook::default();
        book.reconcile(&[with_text("a", Some("Rules"))], at(0));
        book.reconcile(&[], at(1));
        let back = [with_text("a", Some("Other rules"))];
        book.reconcile(&back, at(2));
        assert_eq!(book.changed(&back).get("a"), Some(&at(2)));
    }

    #[test]
    fn tenants_keep_their_own_entries() {
        let mut book = ReviewBook::default();
        let mine = with_text("a", Some("Mine"));
        let mut theirs = with_text("a", Some("Theirs"));
        theirs.tenant_id = "other".into();
        book.reconcile(&[mine.clone(), theirs.clone()], at(0));
        assert_eq!(book.len(), 2);
        assert!(book.changed(&[mine, theirs]).is_empty());
    }
}
