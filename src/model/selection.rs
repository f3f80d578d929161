//! What the list shows: the connections that match the search, in the chosen order,
//! narrowed by the filter; and the filter's counts over the search's matches. Each
//! step is one pass over positions into the list, so a keystroke costs one scan of
//! the index and a filter click one scan of the matches.

use chrono::{DateTime, Utc};

use super::filter::{StatusCounts, StatusFilter};
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

/// The hits that pass `filter`.
pub fn filtered(
    list: &ConnectionList,
    hits: &[usize],
    filter: StatusFilter,
    stale_before: DateTime<Utc>,
) -> Vec<usize> {
    if filter == StatusFilter::All {
        return hits.to_vec();
    }
    let (index, connections) = (list.index(), list.connections());
    hits.iter()
        .copied()
        .filter(|&p| {
            connections
                .get(p)
                .is_some_and(|c| filter.matches(c, index.has_hidden(p), stale_before))
        })
        .collect()
}

/// How many of the hits each filter would show.
pub fn counts(list: &ConnectionList, hits: &[usize], stale_before: DateTime<Utc>) -> StatusCounts {
    let (index, connections) = (list.index(), list.connections());
    StatusCounts::of(
        hits.iter()
            .filter_map(|&p| Some((connections.get(p)?, index.has_hidden(p)))),
        stale_before,
    )
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
        let order = sorted_positions(&list, SortOrder::Name);
        let hits = search_hits(&list, &order, &Query::parse("shop"));
        assert_eq!(ids(&list, &hits), ["1", "4", "2"]);
        let errors = filtered(&list, &hits, StatusFilter::Error, cutoff());
        assert_eq!(ids(&list, &errors), ["2"]);
        let stale = filtered(&list, &hits, StatusFilter::Stale, cutoff());
        assert_eq!(ids(&list, &stale), ["2"]);
        let hidden = filtered(&list, &hits, StatusFilter::Hidden, cutoff());
        assert_eq!(ids(&list, &hidden), ["4"]);
    }

    #[test]
    fn counts_follow_the_search() {
        let list = list();
        let order = sorted_positions(&list, SortOrder::Problems);
        let all = counts(&list, &order, cutoff());
        assert_eq!(
            (all.all, all.error, all.unknown, all.stale, all.hidden),
            (4, 2, 1, 1, 1)
        );
        let hits = search_hits(&list, &order, &Query::parse("koln"));
        let some = counts(&list, &hits, cutoff());
        assert_eq!(
            (some.all, some.error, some.unknown, some.stale),
            (1, 0, 1, 0)
        );
    }

    #[test]
    fn an_empty_query_keeps_everything_in_order() {
        let list = list();
        let order = sorted_positions(&list, SortOrder::Problems);
        assert_eq!(search_hits(&list, &order, &Query::parse("  ")), order);
        assert!(search_hits(&list, &order, &Query::parse("nothing")).is_empty());
    }
}
