//! What changed between two loads: statuses, and the number of connections in error.

use std::collections::HashMap;

use super::connection::{Connection, Status};
use super::filter::StatusCounts;

/// Ids of connections present in both lists whose status differs.
pub fn status_changed(old: &[Connection], new: &[Connection]) -> Vec<String> {
    let before: HashMap<&str, &Status> = old.iter().map(|c| (c.id.as_str(), &c.status)).collect();
    new.iter()
        .filter(|c| {
            before
                .get(c.id.as_str())
                .is_some_and(|status| **status != c.status)
        })
        .map(|c| c.id.clone())
        .collect()
}

/// What a screen reader hears when the number of connections in error changes.
pub fn error_count_announcement(old: StatusCounts, new: StatusCounts) -> Option<String> {
    if old.error == new.error {
        return None;
    }
    Some(match new.error {
        0 => format!("No connection is in error now (was {}).", old.error),
        1 => format!("1 connection is in error now (was {}).", old.error),
        n => format!("{n} connections are in error now (was {}).", old.error),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fixtures::connection;

    #[test]
    fn finds_changed_statuses_only() {
        let old = [
            connection("a", Status::Active),
            connection("b", Status::Error),
            connection("gone", Status::Error),
        ];
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
        assert_eq!(error_count_announcement(counts(1), counts(1)), None);
        assert_eq!(
            error_count_announcement(counts(1), counts(3)).as_deref(),
            Some("3 connections are in error now (was 1).")
        );
        assert_eq!(
            error_count_announcement(counts(2), counts(1)).as_deref(),
            Some("1 connection is in error now (was 2).")
        );
        assert_eq!(
            error_count_announcement(counts(2), counts(0)).as_deref(),
            Some("No connection is in error now (was 2).")
        );
    }
}
