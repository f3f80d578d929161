//! "3 hours ago": relative times, with the clock passed in so they can be tested.

use chrono::{DateTime, Utc};

const MINUTE: i64 = 60;
const HOUR: i64 = 60 * MINUTE;
const DAY: i64 = 24 * HOUR;
const MONTH: i64 = 30 * DAY;
const YEAR: i64 = 365 * DAY;

/// Describes `then` relative to `now` in plain English, rounding down.
/// Times within a minute either way are "just now", so small clock skew between
/// the API and the browser does not show as "in 20 seconds".
pub fn relative(then: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let seconds = (now - then).num_seconds();
    let distance = seconds.unsigned_abs();
    if distance < MINUTE as u64 {
        return "just now".to_owned();
    }
    let (count, unit) = [
        (YEAR, "year"),
        (MONTH, "month"),
        (DAY, "day"),
        (HOUR, "hour"),
    ]
    .into_iter()
    .find(|(size, _)| distance >= *size as u64)
    .map(|(size, unit)| (distance / size as u64, unit))
    .unwrap_or((distance / MINUTE as u64, "minute"));
    let amount = if count == 1 {
        format!("1 {unit}")
    } else {
        format!("{count} {unit}s")
    };
    if seconds >= 0 {
        if (count, unit) == (1, "day") {
            "yesterday".to_owned()
        } else {
            format!("{amount} ago")
        }
    } else {
        format!("in {amount}")
    }
}

/// A short age that ticks by the second, for "Updated 12 s ago".
pub fn age(then: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let seconds = (now - then).num_seconds().max(0);
    match seconds {
        0..5 => "just now".to_owned(),
        5..MINUTE => format!("{seconds} s ago"),
        MINUTE..HOUR => format!("{} min ago", seconds / MINUTE),
        HOUR..DAY => format!("{} h ago", seconds / HOUR),
        _ => relative(then, now),
    }
}

/// How long until `then`, for "Retrying in 12 s".
pub fn countdown(then: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let seconds = (then - now).num_seconds().max(0);
    if seconds < MINUTE {
        format!("{seconds} s")
    } else {
        format!("{} min {} s", seconds / MINUTE, seconds % MINUTE)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-11-24T12:00:00Z")
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_default()
    }

    fn ago(duration: Duration) -> String {
        relative(now() - duration, now())
    }

    #[test]
    fn within_a_minute_is_just_now_either_way() {
        assert_eq!(ago(Duration::seconds(0)), "just now");
        assert_eq!(ago(Duration::seconds(59)), "just now");
        assert_eq!(ago(Duration::seconds(-30)), "just now");
    }

    #[test]
    fn minutes_hours_days_months_years() {
        assert_eq!(ago(Duration::seconds(60)), "1 minute ago");
        assert_eq!(ago(Duration::minutes(59)), "59 minutes ago");
        assert_eq!(ago(Duration::minutes(60)), "1 hour ago");
        assert_eq!(ago(Duration::hours(3)), "3 hours ago");
        assert_eq!(ago(Duration::hours(23)), "23 hours ago");
        assert_eq!(ago(Duration::hours(24)), "yesterday");
        assert_eq!(ago(Duration::hours(47)), "yesterday");
        assert_eq!(ago(Duration::days(2)), "2 days ago");
        assert_eq!(ago(Duration::days(29)), "29 days ago");
        assert_eq!(ago(Duration::days(30)), "1 month ago");
        assert_eq!(ago(Duration::days(300)), "10 months ago");
        assert_eq!(ago(Duration::days(365)), "1 year ago");
        assert_eq!(ago(Duration::days(800)), "2 years ago");
    }

    #[test]
    fn ages_tick_by_the_second() {
        let age_of = |d: Duration| age(now() - d, now());
        assert_eq!(age_of(Duration::seconds(2)), "just now");
        assert_eq!(age_of(Duration::seconds(12)), "12 s ago");
        assert_eq!(age_of(Duration::seconds(150)), "2 min ago");
        assert_eq!(age_of(Duration::hours(5)), "5 h ago");
        assert_eq!(age_of(Duration::days(3)), "3 days ago");
        assert_eq!(age_of(Duration::seconds(-10)), "just now");
    }

    #[test]
    fn countdowns() {
        assert_eq!(countdown(now() + Duration::seconds(12), now()), "12 s");
        assert_eq!(
            countdown(now() + Duration::seconds(125), now()),
            "2 min 5 s"
        );
        assert_eq!(countdown(now() - Duration::seconds(3), now()), "0 s");
    }

    #[test]
    fn future_times_say_in() {
        assert_eq!(ago(Duration::minutes(-5)), "in 5 minutes");
        assert_eq!(ago(Duration::days(-1)), "in 1 day");
    }
}
