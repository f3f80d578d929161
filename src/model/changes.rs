//! What changed between two loads: statuses, and the number of connections in error.

use super::agent_usage::affected_summary;
use super::connection::Connection;
use super::filter::StatusCounts;
use super::list::ConnectionList;

/// Ids of connections present in both lists whose status differs. The old list's
/// index finds each id, so no map of 50,000 ids is built on every refresh.
pub fn status_changed(old: &ConnectionList, new: &[Connection]) -> Vec<String> {
    new.iter()
        .filter(|c| {
            old.get(&c.id)
                .is_some_and(|before| before.status != c.status)
        })
        .map(|c| c.id.clone())
        .collect()
}

/// What a screen reader hears when the number of connections in error changes;
/// `affected` is how many agents they affect now, when the agents are known.
pub fn error_count_announcement(
    old: StatusCounts,
    new: StatusCounts,
    affected: Option<usize>,
) -> Option<String> {
    if old.error == new.error {
        return None;
    }
    let count = match new.error {
        0 => format!("No connection is in error now (was {}).", old.error),
        1 => format!("1 connection is in error now (was {}).", old.error),
        n => format!("{n} connections are in error now (was {}).", old.error),
    };
    Some(match affected {
        Some(affected) if new.error > 0 => format!("{count} {}", affected_summary(affected)),
        _ => count,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::connection::Status;
    use crate::model::fixtures::connection;

    #[test]
    fn finds_changed_statuses_only() {
        let old = ConnectionList::new(
            vec![
                connection("a", Status::Active),
                connection("b", Status::Error),
                connection("gone", Status::Error),
            ],
            Vec::new(),
        );
        let new = [
            connection("a", Status::Error),
            connection("b", Status::Error),
            connection("new", Status::Unknown),
        ];
        assert_eq!(status_changed(&old, &new), ["a"]);
    }

    #[test]
    fn announces_error_count_changes() {
        let counts = |error| StatusCounts {
            error,
            ..StatusCounts::default()
        };
        assert_eq!(error_count_announcement(counts(1), counts(1), None), None);
        assert_eq!(
            error_count_announcement(counts(1), counts(3), None).as_deref(),
            Some("3 connections are in error now (was 1).")
        );
        assert_eq!(
            error_count_announcement(counts(2), counts(1), None).as_deref(),
            Some("1 connection is in error now (was 2).")
        );
        assert_eq!(
            error_count_announcement(counts(2), counts(0), None).as_deref(),
            Some("No connection is in error now (was 2).")
        );
        assert_eq!(
            error_count_announcement(counts(1), counts(2), Some(3)).as_deref(),
            Some("2 connections are in error now (was 1). Connections in Error affect 3 agents.")
        );
        assert_eq!(
            error_count_announcement(counts(2), counts(0), Some(0)).as_deref(),
            Some("No connection is in error now (was 2).")
        );
    }
}
