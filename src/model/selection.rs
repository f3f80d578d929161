//! What the list shows: the connections that match the search, in the chosen order,
//! narrowed by the filter; and the filter's counts over the search's matches. Each
//! step is one pass over positions into the list, so a keystroke costs one scan of
//! the index and a filter click one scan of the matches.

use chrono::{DateTime, Utc};

use super::agent_usage::AgentUsage;
use super::filter::{Marks, StatusCounts, StatusFilter};
use super::instructions_review::ChangedInstructions;
use super::list::ConnectionList;
use super::search::Query;

/// The positions in `order` whose connection matches `query`, still in that order.
pub fn search_hits(list: &ConnectionList, order: &[usize], query: &Query) -> Vec<usize> {
    if query.is_empty() {
        return order.to_vec();
    }
    let (index, connections) = (list.index(), list.connections());
    order
        .iter()
        .copied()
        .filter(|&position| {
            connections
                .get(position)
                .is_some_and(|connection| index.matches(position, connection, query))
        })
        .collect()
}

/// The hits that pass `filter`; `usage` is `None` while the agents are unknown,
/// `changed` are the ids whose instructions changed.
pub fn filtered(
    list: &ConnectionList,
    usage: Option<&AgentUsage>,
    hits: &[usize],
    filter: StatusFilter,
    changed: &ChangedInstructions,
    stale_before: DateTime<Utc>,
) -> Vec<usize> {
    if filter == StatusFilter::All {
        return hits.to_vec();
    }
    let connections = list.connections();
    hits.iter()
        .copied()
        .filter(|&p| {
            connections.get(p).is_some_and(|c| {
                filter.matches(c, marks(list, usage, changed, p, &c.id), stale_before)
            })
        })
        .collect()
}

/// How many of the hits each filter would show.
pub fn counts(
    list: &ConnectionList,
    usage: Option<&AgentUsage>,
    hits: &[usize],
    changed: &ChangedInstructions,
    stale_before: DateTime<Utc>,
) -> StatusCounts {
    let connections = list.connections();
    StatusCounts::of(
        hits.iter().filter_map(|&p| {
            let c = connections.get(p)?;
            Some((c, marks(list, usage, changed, p, &c.id)))
        }),
        stale_before,
    )
}

/// The marks of the connection at `position`, whose id is `id`.
fn marks(
    list: &ConnectionList,
    usage: Option<&AgentUsage>,
    changed: &ChangedInstructions,
    position: usize,
    id: &str,
) -> Marks {
    Marks {
        hidden: list.index().has_hidden(position),
        unused: usage.is_some_and(|usage| usage.is_unused(position)),
        changed: !changed.is_empty() && changed.contains_key(id),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::connection::{Status, Timestamp};
    use crate::model::fixtures::connection;
    use crate::model::sort::{SortOrder, sorted_positions};

    fn list() -> ConnectionList {
        let named = |id: &str, name: &str, status: Status, checked: Option<&str>| {
            let mut c = connection(id, status);
            c.name = name.to_owned();
            c.last_health_check_at = checked.map(Timestamp::parse);
            c
        };
        ConnectionList::new(
            vec![
                named(
                    "1",
                    "Shop Berlin",
                    Status::Active,
                    Some("2026-03-10T00:00:00.000Z"),
                ),
                named(
                    "2",
                    "Shop Paris",
                    Status::Error,
                    Some("2026-01-01T00:00:00.000Z"),
                ),
                named(
                    "3",
                    "Warehouse",
                    Status::Error,
                    Some("2026-03-10T00:00:00.000Z"),
                ),
                named("4", "Shop Köln\u{200B}", Status::Unknown, None),
            ],
            Vec::new(),
        )
    }

    fn cutoff() -> DateTime<Utc> {
        DateTime::from_timestamp(1_772_323_200, 0).unwrap_or_default()
    }

    fn ids(list: &ConnectionList, positions: &[usize]) -> Vec<String> {
        positions
            .iter()
            .map(|&p| list.connections()[p].id.clone())
            .collect()
    }

    #[test]
    fn search_filter_and_sort_combine() {
        let list = list();
        let order = sorted_positions(&list, SortOrder::Name, None);
        let hits = search_hits(&list, &order, &Query::parse("shop"));
        assert_eq!(ids(&list, &hits), ["1", "4", "2"]);
        let none = ChangedInstructions::new();
        let errors = filtered(&list, None, &hits, StatusFilter::Error, &none, cutoff());
        assert_eq!(ids(&list, &errors), ["2"]);
        let stale = filtered(&list, None, &hits, StatusFilter::Stale, &none, cutoff());
        assert_eq!(ids(&list, &stale), ["2"]);
        let hidden = filtered(&list, None, &hits, StatusFilter::Hidden, &none, cutoff());
        assert_eq!(ids(&list, &hidden), ["4"]);
        let changed =
            ChangedInstructions::from([("2".to_owned(), cutoff()), ("3".to_owned(), cutoff())]);
        let shown = filtered(
            &list,
            None,
            &hits,
            StatusFilter::Changed,
            &changed,
            cutoff(),
        );
        assert_eq!(
            ids(&list, &shown),
            ["2"],
            "a change outside the search is not shown"
        );
    }

    #[test]
    fn counts_follow_the_search() {
        let list = list();
        let order = sorted_positions(&list, SortOrder::Problems, None);
        let changed = ChangedInstructions::from([("4".to_owned(), cutoff())]);
        let all = counts(&list, None, &order, &changed, cutoff());
        assert_eq!(
            (
                all.all,
                all.error,
                all.unknown,
                all.stale,
                all.hidden,
                all.changed
            ),
            (4, 2, 1, 1, 1, 1)
        );
        let hits = search_hits(&list, &order, &Query::parse("koln"));
        let some = counts(&list, None, &hits, &changed, cutoff());
        assert_eq!(
            (some.all, some.error, some.unknown, some.stale),
            (1, 0, 1, 0)
        );
    }

    #[test]
    fn unused_needs_the_agents() {
        use crate::model::agent::AgentList;
        use crate::model::fixtures::agent;
        let list = list();
        let agents = AgentList::new(
            vec![agent("a", &["1", "2"]), agent("b", &["2"])],
            Vec::new(),
        );
        let usage = AgentUsage::of(&list, &agents);
        let order = sorted_positions(&list, SortOrder::Name, None);
        let none = ChangedInstructions::new();
        let unused = filtered(
            &list,
            Some(&usage),
            &order,
            StatusFilter::Unused,
            &none,
            cutoff(),
        );
        assert_eq!(ids(&list, &unused), ["4", "3"]);
        assert_eq!(
            counts(&list, Some(&usage), &order, &none, cutoff()).unused,
            2
        );
        let unknown = filtered(&list, None, &order, StatusFilter::Unused, &none, cutoff());
        assert!(unknown.is_empty());
        assert_eq!(counts(&list, None, &order, &none, cutoff()).unused, 0);
    }

    #[test]
    fn an_empty_query_keeps_everything_in_order() {
        let list = list();
        let order = sorted_positions(&list, SortOrder::Problems, None);
        assert_eq!(search_hits(&list, &order, &Query::parse("  ")), order);
        assert!(search_hits(&list, &order, &Query::parse("nothing")).is_empty());
    }
}
