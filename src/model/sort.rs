//! The orders the list can be shown in. Problems first is the default, because
//! admins look for what is broken.

use std::cmp::{Ordering, Reverse};

use super::agent_usage::AgentUsage;
use super::connection::{Connection, Status};
use super::list::ConnectionList;
use super::search::folded_cmp;

/// How the list is ordered; `?sort=` in the URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortOrder {
    /// Error, unknown, other statuses, active; oldest health check first in each.
    #[default]
    Problems,
    /// Name A–Z, ignoring case and accents.
    Name,
    /// Oldest health check first; never checked before all.
    LastChecked,
    /// Most recently updated first.
    RecentlyUpdated,
    /// Used by the most agents first (the problems first order while the agents
    /// are unknown).
    MostAgents,
}

impl SortOrder {
    pub const ALL: [SortOrder; 5] = [
        SortOrder::Problems,
        SortOrder::Name,
        SortOrder::LastChecked,
        SortOrder::RecentlyUpdated,
        SortOrder::MostAgents,
    ];

    pub fn label(self) -> &'static str {
        match self {
            SortOrder::Problems => "Problems first",
            SortOrder::Name => "Name A–Z",
            SortOrder::LastChecked => "Last checked (oldest first)",
            SortOrder::RecentlyUpdated => "Recently updated",
            SortOrder::MostAgents => "Most agents first",
        }
    }

    pub fn query_value(self) -> &'static str {
        match self {
            SortOrder::Problems => "problems",
            SortOrder::Name => "name",
            SortOrder::LastChecked => "checked",
            SortOrder::RecentlyUpdated => "updated",
            SortOrder::MostAgents => "agents",
        }
    }

    pub fn from_query_value(value: &str) -> Option<Self> {
        SortOrder::ALL
            .into_iter()
            .find(|order| value.trim().eq_ignore_ascii_case(order.query_value()))
    }
}

/// Positions of the list's connections in `order`. Ties fall back to the problems
/// first order, so every order is total and stable between loads. `usage` is only
/// read by `MostAgents`, and is `None` while the agents are unknown.
pub fn sorted_positions(
    list: &ConnectionList,
    order: SortOrder,
    usage: Option<&AgentUsage>,
) -> Vec<usize> {
    let connections = list.connections();
    let updated = |p: usize| connections[p].updated_at.as_ref().and_then(|at| at.valid());
    let agents = |p: usize| usage.and_then(|usage| usage.count(p));
    let mut positions: Vec<usize> = (0..connections.len()).collect();
    // One comparison for every order: each sort call is a copy of the sort in the
    // wasm. The list itself is kept problems first, so that order needs none.
    if order != SortOrder::Problems {
        positions.sort_by(|&a, &b| match order {
            SortOrder::Problems => Ordering::Equal,
            SortOrder::Name => folded_cmp(&connections[a].name, &connections[b].name),
            SortOrder::LastChecked => connections[a]
                .last_checked()
                .cmp(&connections[b].last_checked()),
            SortOrder::RecentlyUpdated => Reverse(updated(a)).cmp(&Reverse(updated(b))),
            SortOrder::MostAgents => Reverse(agents(a)).cmp(&Reverse(agents(b))),
        });
    }
    positions
}

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

    fn ids(list: &ConnectionList, order: SortOrder) -> Vec<&str> {
        sorted_positions(list, order, None)
            .into_iter()
            .map(|p| list.connections()[p].id.as_str())
            .collect()
    }

    fn sample() -> ConnectionList {
        let record =
            |id: &str, name: &str, status, checked: Option<&str>, updated: Option<&str>| {
                let mut c = connection(id, status);
                c.name = name.to_owned();
                c.last_health_check_at = checked.map(Timestamp::parse);
                c.updated_at = updated.map(Timestamp::parse);
                c
            };
        ConnectionList::new(
            vec![
                record(
                    "1",
                    "Émile",
                    Status::Active,
                    Some("2026-03-01T00:00:00.000Z"),
                    Some("2026-03-05T00:00:00.000Z"),
                ),
                record(
                    "2",
                    "zeta",
                    Status::Error,
                    Some("2026-03-03T00:00:00.000Z"),
                    None,
                ),
                record(
                    "3",
                    "Alpha",
                    Status::Active,
                    Some("2026-02-01T00:00:00.000Z"),
                    Some("2026-03-09T00:00:00.000Z"),
                ),
                record("4", "beta", Status::Unknown, None, Some("garbage")),
                record(
                    "5",
                    "éclair",
                    Status::Error,
                    Some("2026-03-02T00:00:00.000Z"),
                    Some("2026-03-01T00:00:00.000Z"),
                ),
            ],
            Vec::new(),
        )
    }

    #[test]
    fn every_sort_order() {
        let list = sample();
        assert_eq!(ids(&list, SortOrder::Problems), ["5", "2", "4", "3", "1"]);
        assert_eq!(ids(&list, SortOrder::Name), ["3", "4", "5", "1", "2"]);
        assert_eq!(
            ids(&list, SortOrder::LastChecked),
            ["4", "3", "1", "5", "2"]
        );
        assert_eq!(
            ids(&list, SortOrder::RecentlyUpdated),
            ["3", "1", "5", "2", "4"],
            "missing and unreadable dates last, in problems-first order"
        );
    }

    #[test]
    fn most_agents_first() {
        use crate::model::agent::AgentList;
        use crate::model::fixtures::agent;
        let list = sample();
        let agents = AgentList::new(
            vec![
                agent("a", &["1", "3"]),
                agent("b", &["3"]),
                agent("c", &["4", "1", "3"]),
            ],
            Vec::new(),
        );
        let usage = AgentUsage::of(&list, &agents);
        let sorted: Vec<_> = sorted_positions(&list, SortOrder::MostAgents, Some(&usage))
            .into_iter()
            .map(|p| list.connections()[p].id.as_str())
            .collect();
        assert_eq!(
            sorted,
            ["3", "1", "4", "5", "2"],
            "ties in problems-first order"
        );
        assert_eq!(
            ids(&list, SortOrder::MostAgents),
            ids(&list, SortOrder::Problems),
            "unknown agents keep the problems first order"
        );
    }

    #[test]
    fn sort_query_values_round_trip() {
        for order in SortOrder::ALL {
            assert_eq!(
                SortOrder::from_query_value(order.query_value()),
                Some(order)
            );
        }
        assert_eq!(SortOrder::from_query_value(" NAME "), Some(SortOrder::Name));
        assert_eq!(SortOrder::from_query_value("random"), None);
    }

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
