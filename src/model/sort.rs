//! The order of the list: problems first, because admins look for what is broken.

use std::cmp::Ordering;

use super::connection::{Connection, Status};

fn severity(status: &Status) -> u8 {
    match status {
        Status::Error => 0,
        Status::Unknown => 1,
        Status::Other(_) => 2,
        Status::Active => 3,
    }
}

/// Error, then unknown, then unrecognised statuses, then active; within each, the
/// oldest health check first (never checked counts as oldest), then by name.
pub fn problems_first(a: &Connection, b: &Connection) -> Ordering {
    severity(&a.status)
        .cmp(&severity(&b.status))
        .then_with(|| a.last_checked().cmp(&b.last_checked()))
        .then_with(|| ignoring_ascii_case(&a.name, &b.name))
        .then_with(|| a.id.cmp(&b.id))
}

/// Case-insensitive for ASCII letters, without allocating. Full Unicode case folding
/// would pull Rust's case tables into the wasm (about 5 KB brotli).
fn ignoring_ascii_case(a: &str, b: &str) -> Ordering {
    a.bytes()
        .map(|byte| byte.to_ascii_lowercase())
        .cmp(b.bytes().map(|byte| byte.to_ascii_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::connection::Timestamp;
    use crate::model::fixtures::connection;

    fn checked(id: &str, status: Status, at: Option<&str>) -> Connection {
        let mut c = connection(id, status);
        c.last_health_check_at = at.map(Timestamp::parse);
        c
    }

    #[test]
    fn names_compare_without_ascii_case() {
        assert_eq!(ignoring_ascii_case("order", "Order"), Ordering::Equal);
        assert_eq!(ignoring_ascii_case("alpha", "Beta"), Ordering::Less);
    }

    #[test]
    fn errors_first_then_unknown_other_active_oldest_check_first() {
        let mut list = [
            checked(
                "active-old",
                Status::Active,
                Some("2026-01-01T00:00:00.000Z"),
            ),
            checked("error-new", Status::Error, Some("2026-03-01T00:00:00.000Z")),
            checked("other", Status::Other("degraded".into()), None),
            checked("unknown", Status::Unknown, None),
            checked("error-old", Status::Error, Some("2026-02-01T00:00:00.000Z")),
            checked("error-never", Status::Error, None),
        ];
        list.sort_by(problems_first);
        let ids: Vec<&str> = list.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "error-never",
                "error-old",
                "error-new",
                "unknown",
                "other",
                "active-old"
            ]
        );
    }
}
