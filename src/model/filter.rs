//! The filter above the list (a status, a stale check, hidden characters, no agent
//! using it, or instructions changed since their review), and the counts it shows.

use chrono::{DateTime, Utc};

use super::connection::{Connection, Status};

/// Which connections the list shows: a status, or those with a stale health check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StatusFilter {
    #[default]
    All,
    Active,
    Error,
    Unknown,
    /// Last health check before the staleness cutoff (see `Connection::is_stale`).
    Stale,
    /// Characters a reader cannot see (see `Connection::has_hidden_chars`).
    Hidden,
    /// No agent uses it (see `AgentUsage`); none while the agents are unknown.
    Unused,
    /// Instructions that differ from those last reviewed in this browser
    /// (`model::instructions_review`).
    Changed,
}

impl StatusFilter {
    /// In the order the filter bar shows them.
    pub const ALL: [StatusFilter; 8] = [
        StatusFilter::All,
        StatusFilter::Active,
        StatusFilter::Error,
        StatusFilter::Unknown,
        StatusFilter::Stale,
        StatusFilter::Hidden,
        StatusFilter::Unused,
        StatusFilter::Changed,
    ];

    pub fn label(self) -> &'static str {
        match self {
            StatusFilter::All => "All",
            StatusFilter::Active => "Active",
            StatusFilter::Error => "Error",
            StatusFilter::Unknown => "Unknown",
            StatusFilter::Stale => "Stale",
            StatusFilter::Hidden => "Hidden characters",
            StatusFilter::Unused => "Unused",
            StatusFilter::Changed => "Changed",
        }
    }

    /// The value in `?status=`; `All` has none because it is the default.
    pub fn query_value(self) -> Option<&'static str> {
        match self {
            StatusFilter::All => None,
            StatusFilter::Active => Some("active"),
            StatusFilter::Error => Some("error"),
            StatusFilter::Unknown => Some("unknown"),
            StatusFilter::Stale => Some("stale"),
            StatusFilter::Hidden => Some("hidden"),
            StatusFilter::Unused => Some("unused"),
            StatusFilter::Changed => Some("changed"),
        }
    }

    pub fn from_query_value(value: &str) -> Option<Self> {
        match value.trim().to_ascii_lowercase().as_str() {
            "all" | "" => Some(StatusFilter::All),
            "active" => Some(StatusFilter::Active),
            "error" => Some(StatusFilter::Error),
            "unknown" => Some(StatusFilter::Unknown),
            "stale" => Some(StatusFilter::Stale),
            "hidden" => Some(StatusFilter::Hidden),
            "unused" => Some(StatusFilter::Unused),
            "changed" => Some(StatusFilter::Changed),
            _ => None,
        }
    }

    /// `marks` are what the list's index, the agents and the review book know of it;
    /// `stale_before` is the staleness cutoff: checks older than it are stale.
    pub fn matches(
        self,
        connection: &Connection,
        marks: Marks,
        stale_before: DateTime<Utc>,
    ) -> bool {
        match self {
            StatusFilter::All => true,
            StatusFilter::Active => connection.status == Status::Active,
            StatusFilter::Error => connection.status == Status::Error,
            StatusFilter::Unknown => connection.status == Status::Unknown,
            StatusFilter::Stale => connection.is_stale(stale_before),
            StatusFilter::Hidden => marks.hidden,
            StatusFilter::Unused => marks.unused,
            StatusFilter::Changed => marks.changed,
        }
    }
}

/// What the filter knows of a connection beside its own fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Marks {
    /// Characters hide in it (`Connection::has_hidden_chars`, from the index).
    pub hidden: bool,
    /// The agents are known and none uses it (`AgentUsage::is_unused`).
    pub unused: bool,
    /// Its instructions changed since their review.
    pub changed: bool,
}

/// How many connections each filter would show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StatusCounts {
    pub all: usize,
    pub active: usize,
    pub error: usize,
    pub unknown: usize,
    pub stale: usize,
    pub hidden: usize,
    pub unused: usize,
    pub changed: usize,
}

impl StatusCounts {
    /// Counts connections, each with its marks.
    pub fn of<'a>(
        connections: impl IntoIterator<Item = (&'a Connection, Marks)>,
        stale_before: DateTime<Utc>,
    ) -> Self {
        let mut counts = StatusCounts::default();
        for (connection, marks) in connections {
            counts.add(connection, marks, stale_before);
        }
        counts
    }

    pub fn add(&mut self, connection: &Connection, marks: Marks, stale_before: DateTime<Utc>) {
        self.all += 1;
        match connection.status {
            Status::Active => self.active += 1,
            Status::Error => self.error += 1,
            Status::Unknown => self.unknown += 1,
            Status::Other(_) => {}
        }
        if connection.is_stale(stale_before) {
            self.stale += 1;
        }
        self.hidden += usize::from(marks.hidden);
        self.unused += usize::from(marks.unused);
        self.changed += usize::from(marks.changed);
    }

    pub fn get(&self, filter: StatusFilter) -> usize {
        match filter {
            StatusFilter::All => self.all,
            StatusFilter::Active => self.active,
            StatusFilter::Error => self.error,
            StatusFilter::Unknown => self.unknown,
            StatusFilter::Stale => self.stale,
            StatusFilter::Hidden => self.hidden,
            StatusFilter::Unused => self.unused,
            StatusFilter::Changed => self.changed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::connection::Timestamp;
    use crate::model::fixtures::connection;

    /// Checks before 2026-03-01 are stale.
    fn cutoff() -> DateTime<Utc> {
        DateTime::from_timestamp(1_772_323_200, 0).unwrap_or_default()
    }

    fn checked(id: &str, status: Status, at: &str) -> Connection {
        let mut c = connection(id, status);
        c.last_health_check_at = Some(Timestamp::parse(at));
        c
    }

    fn sample() -> Vec<Connection> {
        vec![
            checked("a", Status::Active, "2026-02-27T00:00:00.000Z"),
            checked("b", Status::Error, "2026-03-02T00:00:00.000Z"),
            checked("c", Status::Error, "2026-02-01T00:00:00.000Z"),
            connection("d", Status::Unknown),
            checked("e", Status::Other("degraded".into()), "not a date"),
        ]
    }

    /// The sample, with hidden characters in "b" and "e", no agent using "a" and
    /// "b", and "a" changed.
    fn with_hidden(list: &[Connection]) -> impl Iterator<Item = (&Connection, Marks)> {
        list.iter().map(|c| {
            let marks = Marks {
                hidden: matches!(c.id.as_str(), "b" | "e"),
                unused: matches!(c.id.as_str(), "a" | "b"),
                changed: c.id == "a",
            };
            (c, marks)
        })
    }

    #[test]
    fn counts_every_status_and_others_only_in_all() {
        let counts = StatusCounts::of(with_hidden(&sample()), cutoff());
        assert_eq!(
            counts,
            StatusCounts {
                all: 5,
                active: 1,
                error: 2,
                unknown: 1,
                stale: 2,
                hidden: 2,
                unused: 2,
                changed: 1,
            }
        );
        assert_eq!(counts.get(StatusFilter::Error), 2);
    }

    #[test]
    fn filters_keep_only_their_status() {
        let list = sample();
        let ids = |filter: StatusFilter| -> Vec<&str> {
            with_hidden(&list)
                .filter(|&(c, marks)| filter.matches(c, marks, cutoff()))
                .map(|(c, _)| c.id.as_str())
                .collect()
        };
        assert_eq!(ids(StatusFilter::All), ["a", "b", "c", "d", "e"]);
        assert_eq!(ids(StatusFilter::Error), ["b", "c"]);
        assert_eq!(ids(StatusFilter::Unknown), ["d"]);
        assert_eq!(ids(StatusFilter::Active), ["a"]);
        assert_eq!(
            ids(StatusFilter::Stale),
            ["a", "c"],
            "never checked and unreadable dates are not stale"
        );
        assert_eq!(ids(StatusFilter::Hidden), ["b", "e"]);
        assert_eq!(ids(StatusFilter::Unused), ["a", "b"]);
        assert_eq!(ids(StatusFilter::Changed), ["a"]);
    }

    #[test]
    fn empty_list_counts_zero() {
        assert_eq!(
            StatusCounts::of(with_hidden(&[]), cutoff()),
            StatusCounts::default()
        );
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
