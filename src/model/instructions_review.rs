//! What this browser remembers of each connection's instructions: a fingerprint of
//! the text last reviewed (the baseline) and, when the loaded text differs from it,
//! when that was first noticed. The first text seen becomes the baseline silently;
//! null and text differ; line endings do not count. A connection that leaves the
//! list keeps its baseline for when it comes back. The texts themselves stay in
//! the store, read only for a diff: held here, 50,000 of them would hold the
//! tab's memory to their size for as long as it is open.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};

use super::connection::Connection;
use super::line_diff::line_iter;

/// The SHA-256 of a text as its lines read, each ended by LF, so that CRLF and LF
/// texts agree. A cryptographic hash: a server that wants a change to go unnoticed
/// cannot craft a text with the fingerprint of the one reviewed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fingerprint(pub [u8; 32]);

impl Fingerprint {
    /// `None` for no text (null instructions), which differs from every text.
    pub fn of(text: Option<&str>) -> Option<Self> {
        let mut hasher = Sha256::new();
        for line in line_iter(text?) {
            hasher.update(line.as_bytes());
            hasher.update(b"\n");
        }
        Some(Fingerprint(hasher.finalize().into()))
    }
}

/// What is known of a connection's instructions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Baseline {
    /// The text last reviewed (or first seen); `None` when it was null.
    pub text: Option<Fingerprint>,
    /// When a text other than the baseline was first noticed; `None` while they
    /// agree.
    pub changed_since: Option<DateTime<Utc>>,
}

/// An entry to store for the connection at `index` of the connections compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Write {
    pub index: usize,
    pub baseline: Baseline,
    /// The connection's text is the new baseline, so the text is stored too.
    pub new_text: bool,
}

/// The ids of the list whose instructions changed since their review, with when
/// the change was first noticed.
pub type ChangedInstructions = HashMap<String, DateTime<Utc>>;

/// Every entry kept for one API, by tenant and then id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReviewBook {
    tenants: HashMap<String, HashMap<String, Baseline>>,
}

impl ReviewBook {
    pub fn insert(&mut self, tenant: &str, id: &str, baseline: Baseline) {
        // Looked up before inserting: the tenant's name is only copied once.
        let ids = match self.tenants.get_mut(tenant) {
            Some(ids) => ids,
            None => self.tenants.entry(tenant.to_owned()).or_default(),
        };
        match ids.get_mut(id) {
            Some(known) => *known = baseline,
            None => {
                ids.insert(id.to_owned(), baseline);
            }
        }
    }

    pub fn get(&self, connection: &Connection) -> Option<&Baseline> {
        self.tenants.get(&connection.tenant_id)?.get(&connection.id)
    }

    /// Whether the connection's text is its baseline; `None` before it is known.
    pub fn unchanged(&self, connection: &Connection) -> Option<bool> {
        let baseline = self.get(connection)?;
        Some(baseline.text == Fingerprint::of(connection.instructions.as_deref()))
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
    pub fn reconcile(&mut self, connections: &[Connection], now: DateTime<Utc>) -> Vec<Write> {
        let mut writes = Vec::new();
        for (index, connection) in connections.iter().enumerate() {
            let text = Fingerprint::of(connection.instructions.as_deref());
            let (baseline, new_text) = match self.get(connection) {
                None => (
                    Baseline {
                        text,
                        changed_since: None,
                    },
                    true,
                ),
                Some(known) => {
                    let same = known.text == text;
                    if same == known.changed_since.is_none() {
                        continue;
                    }
                    let changed_since = (!same).then_some(now);
                    (
                        Baseline {
                            changed_since,
                            ..*known
                        },
                        false,
                    )
                }
            };
            self.insert(&connection.tenant_id, &connection.id, baseline);
            writes.push(Write {
                index,
                baseline,
                new_text,
            });
        }
        writes
    }

    /// Makes each connection's current text its baseline; the entries to store.
    pub fn mark_reviewed(&mut self, connections: &[Connection]) -> Vec<Write> {
        connections
            .iter()
            .enumerate()
            .map(|(index, connection)| {
                let baseline = Baseline {
                    text: Fingerprint::of(connection.instructions.as_deref()),
                    changed_since: None,
                };
                self.insert(&connection.tenant_id, &connection.id, baseline);
                Write {
                    index,
                    baseline,
                    new_text: true,
                }
            })
            .collect()
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
    fn the_fingerprint_reads_lines_and_tells_null_from_empty() {
        let of = |text| Fingerprint::of(Some(text));
        assert_eq!(of("one\r\ntwo"), of("one\ntwo"));
        assert_ne!(of("one\ntwo"), of("one\ntwo\n"));
        assert_ne!(of("one\ntwo"), of("onetwo"));
        assert_ne!(of(""), None);
        assert_eq!(Fingerprint::of(None), None);
        // The SHA-256 of "abc\n", as `printf 'abc\n' | sha256sum` gives it.
        let expected = "edeaaff3f1774ad2888673770c6d64097e391bc362d7d6fb34982ddf0efd18cb";
        let hex: String = of("abc")
            .map(|f| f.0.iter().map(|b| format!("{b:02x}")).collect())
            .unwrap_or_default();
        assert_eq!(hex, expected);
    }

    #[test]
    fn first_sight_is_the_baseline_and_a_change_is_noticed_once() {
        let mut book = ReviewBook::default();
        let first = [with_text("a", Some("Rules")), with_text("b", None)];
        let writes = book.reconcile(&first, at(0));
        assert_eq!(writes.len(), 2);
        assert!(
            writes.iter().all(|w| w.new_text),
            "first sights store their text"
        );
        assert!(book.changed(&first).is_empty());
        assert!(
            book.reconcile(&first, at(1)).is_empty(),
            "nothing new to store"
        );

        let second = [
            with_text("a", Some("Rules!")),
            with_text("b", Some("Now text")),
        ];
        let writes = book.reconcile(&second, at(2));
        assert_eq!(writes.len(), 2);
        assert!(
            writes.iter().all(|w| !w.new_text),
            "a change keeps the text reviewed"
        );
        let third = [
            with_text("a", Some("Rules!!")),
            with_text("b", Some("Now text")),
        ];
        assert!(book.reconcile(&third, at(3)).is_empty());
        let changed = book.changed(&third);
        assert_eq!(changed.get("a"), Some(&at(2)), "when it was first noticed");
        assert_eq!(changed.get("b"), Some(&at(2)), "null to text is a change");
        assert_eq!(
            book.get(&third[0]).map(|b| b.text),
            Some(Fingerprint::of(Some("Rules"))),
            "the baseline stays until reviewed"
        );
        assert_eq!(book.unchanged(&third[0]), Some(false));
        assert_eq!(book.unchanged(&first[0]), Some(true));
        assert_eq!(book.unchanged(&with_text("c", None)), None);
    }

    #[test]
    fn marking_reviewed_moves_the_baseline_and_text_to_null_is_a_change() {
        let mut book = ReviewBook::default();
        book.reconcile(&[with_text("a", Some("Rules"))], at(0));
        let changed = [with_text("a", None)];
        book.reconcile(&changed, at(1));
        assert_eq!(book.changed(&changed).len(), 1);
        let writes = book.mark_reviewed(&changed);
        assert_eq!(
            writes,
            vec![Write {
                index: 0,
                baseline: Baseline {
                    text: None,
                    changed_since: None
                },
                new_text: true,
            }]
        );
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
