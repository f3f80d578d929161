//! When to load again: every 30 s while all is well, and with growing pauses after
//! failures, never sooner than the server's `Retry-After`.

/// How often a healthy list is re-fetched while the tab is visible.
pub const REFRESH_INTERVAL_SECS: i64 = 30;
const FIRST_RETRY_SECS: u64 = 5;
const MAX_RETRY_SECS: u64 = 300;

/// Seconds before retry number `attempt` (1 for the first failure): 5, 10, 20, 40, 80,
/// 160, then 300 at most. A `Retry-After` longer than that wins.
pub fn retry_delay_secs(attempt: u32, retry_after_secs: Option<u64>) -> u64 {
    let doublings = attempt.saturating_sub(1).min(16);
    let backoff = FIRST_RETRY_SECS
        .saturating_mul(1 << doublings)
        .min(MAX_RETRY_SECS);
    backoff.max(retry_after_secs.unwrap_or(0))
}

/// Reads a `Retry-After` header: delay seconds, or an HTTP date (`now` is Unix
/// seconds). Dates in the past mean "now"; anything else is ignored.
pub fn parse_retry_after(value: &str, now_unix_secs: i64) -> Option<u64> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(seconds);
    }
    let at = http_date(value)?;
    Some(u64::try_from(at - now_unix_secs).unwrap_or(0))
}

/// Unix seconds of an IMF-fixdate, "Wed, 21 Oct 2015 07:28:00 GMT" (the only date
/// format servers may send). Written out because chrono's general parser costs
/// about 15 KB of wasm.
fn http_date(value: &str) -> Option<i64> {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let parts: Vec<&str> = value.split_whitespace().collect();
    let [_weekday, day, month, year, time, "GMT"] = parts.as_slice() else {
        return None;
    };
    let month = MONTHS.iter().position(|name| name == month)? + 1;
    let mut clock = time.split(':').map(str::parse::<u32>);
    let (Some(Ok(hour)), Some(Ok(minute)), Some(Ok(second)), None) =
        (clock.next(), clock.next(), clock.next(), clock.next())
    else {
        return None;
    };
    let date = chrono::NaiveDate::from_ymd_opt(
        year.parse().ok()?,
        u32::try_from(month).ok()?,
        day.parse().ok()?,
    )?;
    Some(
        date.and_hms_opt(hour, minute, second)?
            .and_utc()
            .timestamp(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_and_is_capped() {
        let schedule: Vec<u64> = (1..=9).map(|n| retry_delay_secs(n, None)).collect();
        assert_eq!(schedule, [5, 10, 20, 40, 80, 160, 300, 300, 300]);
        assert_eq!(retry_delay_secs(u32::MAX, None), 300);
    }

    #[test]
    fn retry_after_wins_when_longer() {
        assert_eq!(retry_delay_secs(1, Some(30)), 30);
        assert_eq!(retry_delay_secs(4, Some(30)), 40);
        assert_eq!(retry_delay_secs(1, Some(0)), 5);
    }

    #[test]
    fn parses_seconds_and_http_dates() {
        let now = 1_445_412_480; // 2015-10-21T07:28:00Z
        assert_eq!(parse_retry_after(" 120 ", now), Some(120));
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:29:30 GMT", now),
            Some(90)
        );
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:00:00 GMT", now),
            Some(0)
        );
        assert_eq!(parse_retry_after("soon", now), None);
        assert_eq!(
            parse_retry_after("Wed, 21 Foo 2015 07:29:30 GMT", now),
            None
        );
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:29 GMT", now), None);
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:29:30 CET", now),
            None
        );
        assert_eq!(parse_retry_after("-5", now), None);
    }
}
