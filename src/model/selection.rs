//! What the list shows: the connections that match the search, in the chosen order,
//! narrowed by the filter; and the filter's counts over the search's matches. Each
//! step is one pass over positions into the list, so a keystroke costs one scan of
//! the index and a filter click one scan of the matches.

use chrono::{DateTime, Utc};

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

/// The marks of the connection at `position`.
fn marks(list: &ConnectionList, position: usize, id: &str, changed: &ChangedInstructions) -> Marks {
    Marks {
        hidden: list.index().has_hidden(position),
        changed: !changed.is_empty() && changed.contains_key(id),
    }
}

/// The hits that pass `filter`; `changed` are the ids whose instructions changed.
pub fn filtered(
    list: &ConnectionList,
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
            connections
                .get(p)
                .is_some_and(|c| filter.matches(c, marks(list, p, &c.id, changed), stale_before))
        })
        .collect()
}

/// How many of the hits each filter would show.
pub fn counts(
    list: &ConnectionList,
    hits: &[usize],
    changed: &ChangedInstructions,
    stale_before: DateTime<Utc>,
) -> StatusCounts {
    let connections = list.connections();
    StatusCounts::of(
        hits.iter().filter_map(|&p| {
            let c = connections.get(p)?;
            Some((c, marks(list, p, &c.id, changed)))
        }),
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
        let none = ChangedInstructions::new();
        let errors = filtered(&list, &hits, StatusFilter::Error, &none, cutoff());
        assert_eq!(ids(&list, &errors), ["2"]);
        let stale = filtered(&list, &hits, StatusFilter::Stale, &none, cutoff());
        assert_eq!(ids(&list, &stale), ["2"]);
        let hidden = filtered(&list, &hits, StatusFilter::Hidden, &none, cutoff());
        assert_eq!(ids(&list, &hidden), ["4"]);
        let changed =
            ChangedInstructions::from([("2".to_owned(), cutoff()), ("3".to_owned(), cutoff())]);
        let shown = filtered(&list, &hits, StatusFilter::Changed, &changed, cutoff());
        assert_eq!(
            ids(&list, &shown),
            ["2"],
            "a change outside the search is not shown"
        );
    }

    #[test]
    fn counts_follow_the_search() {
        let list = list();
        let order = sorted_positions(&list, SortOrder::Problems);
        let changed = ChangedInstructions::from([("4".to_owned(), cutoff())]);
        let all = counts(&list, &order, &changed, cutoff());
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
        let some = counts(&list, &hits, &changed, cutoff());
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
