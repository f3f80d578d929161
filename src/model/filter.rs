//! The status filter above the list, and the counts it shows.

use super::connection::{Connection, Status};

/// Which connections the list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StatusFilter {
    #[default]
    All,
    Active,
    Error,
    Unknown,
}

impl StatusFilter {
    /// In the order the filter bar shows them.
    pub const ALL: [StatusFilter; 4] = [
        StatusFilter::All,
        StatusFilter::Active,
        StatusFilter::Error,
        StatusFilter::Unknown,
    ];

    pub fn label(self) -> &'static str {
        match self {
            StatusFilter::All => "All",
            StatusFilter::Active => "Active",
            StatusFilter::Error => "Error",
            StatusFilter::Unknown => "Unknown",
        }
    }

    /// The value in `?status=`; `All` has none because it is the default.
    pub fn query_value(self) -> Option<&'static str> {
        match self {
            StatusFilter::All => None,
            StatusFilter::Active => Some("active"),
            StatusFilter::Error => Some("error"),
            StatusFilter::Unknown => Some("unknown"),
        }
    }

    pub fn from_query_value(value: &str) -> Option<Self> {
        match value.trim().to_ascii_lowercase().as_str() {
            "all" | "" => Some(StatusFilter::All),
            "active" => Some(StatusFilter::Active),
            "error" => Some(StatusFilter::Error),
            "unknown" => Some(StatusFilter::Unknown),
            _ => None,
        }
    }

    pub fn matches(self, status: &Status) -> bool {
        match self {
            StatusFilter::All => true,
            StatusFilter::Active => *status == Status::Active,
            StatusFilter::Error => *status == Status::Error,
            StatusFilter::Unknown => *status == Status::Unknown,
        }
    }
}

/// How many connections each filter would show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StatusCounts {
    pub all: usize,
    pub active: usize,
    pub error: usize,
    pub unknown: usize,
}

impl StatusCounts {
    pub fn of<'a>(connections: impl IntoIterator<Item = &'a Connection>) -> Self {
        connections
            .into_iter()
            .fold(StatusCounts::default(), |mut counts, connection| {
                counts.all += 1;
                match connection.status {
                    Status::Active => counts.active += 1,
                    Status::Error => counts.error += 1,
                    Status::Unknown => counts.unknown += 1,
                    Status::Other(_) => {}
                }
                counts
            })
    }

    pub fn get(&self, filter: StatusFilter) -> usize {
        match filter {
            StatusFilter::All => self.all,
            StatusFilter::Active => self.active,
            StatusFilter::Error => self.error,
            StatusFilter::Unknown => self.unknown,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fixtures::connection;

    fn sample() -> Vec<Connection> {
        vec![
            connection("a", Status::Active),
            connection("b", Status::Error),
            connection("c", Status::Error),
            connection("d", Status::Unknown),
            connection("e", Status::Other("degraded".into())),
        ]
    }

    #[test]
    fn counts_every_status_and_others_only_in_all() {
        let counts = StatusCounts::of(&sample());
        assert_eq!(
            counts,
            StatusCounts {
                all: 5,
                active: 1,
                error: 2,
                unknown: 1
            }
        );
        assert_eq!(counts.get(StatusFilter::Error), 2);
    }

    #[test]
    fn filters_keep_only_their_status() {
        let list = sample();
        let ids = |filter: StatusFilter| -> Vec<&str> {
            list.iter()
                .filter(|c| filter.matches(&c.status))
                .map(|c| c.id.as_str())
                .collect()
        };
        assert_eq!(ids(StatusFilter::All), ["a", "b", "c", "d", "e"]);
        assert_eq!(ids(StatusFilter::Error), ["b", "c"]);
        assert_eq!(ids(StatusFilter::Unknown), ["d"]);
        assert_eq!(ids(StatusFilter::Active), ["a"]);
    }

    #[test]
    fn empty_list_counts_zero() {
        assert_eq!(StatusCounts::of(&[]), StatusCounts::default());
    }

    #[test]
    fn query_values_round_trip() {
        for filter in StatusFilter::ALL {
            let value = filter.query_value().unwrap_or("all");
            assert_eq!(StatusFilter::from_query_value(value), Some(filter));
        }
        assert_eq!(
            StatusFilter::from_query_value("ERROR"),
            Some(StatusFilter::Error)
        );
        assert_eq!(StatusFilter::from_query_value("broken"), None);
    }
}
