//! UTC timestamps in the API's format (`2026-03-25T12:00:00.000Z`), written by hand
//! so the demo server needs no date crate.

use std::time::{SystemTime, UNIX_EPOCH};

/// Milliseconds since the Unix epoch.
pub type UnixMillis = i64;

pub const MINUTE: UnixMillis = 60_000;
pub const HOUR: UnixMillis = 60 * MINUTE;
pub const DAY: UnixMillis = 24 * HOUR;

/// The current time; a clock set before 1970 counts as the epoch (only a demo).
pub fn now_millis() -> UnixMillis {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| UnixMillis::try_from(d.as_millis()).unwrap_or(UnixMillis::MAX))
        .unwrap_or(0)
}

/// Formats as ISO-8601 UTC with milliseconds and a `Z`.
pub fn format_iso(unix_ms: UnixMillis) -> String {
    let days = unix_ms.div_euclid(DAY);
    let ms_of_day = unix_ms.rem_euclid(DAY);
    let (year, month, day) = civil_from_days(days);
    let hours = ms_of_day / HOUR;
    let minutes = ms_of_day % HOUR / MINUTE;
    let seconds = ms_of_day % MINUTE / 1000;
    let millis = ms_of_day % 1000;
    format!("{year:04}-{month:02}-{day:02}T{hours:02}:{minutes:02}:{seconds:02}.{millis:03}Z")
}

/// Year, month (1-12) and day (1-31) of a day count since 1970-01-01
/// (Howard Hinnant's `civil_from_days`, proleptic Gregorian calendar).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097); // day of era, 0..=146096
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365; // year of era, 0..=399
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // day of year from March 1st
    let mp = (5 * doy + 2) / 153; // month from March, 0..=11
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_the_epoch() {
        assert_eq!(format_iso(0), "1970-01-01T00:00:00.000Z");
    }

    #[test]
    fn formats_the_contract_example() {
        assert_eq!(format_iso(1_774_440_000_000), "2026-03-25T12:00:00.000Z");
    }

    #[test]
    fn formats_a_leap_day_and_millis() {
        assert_eq!(format_iso(1_709_251_199_999), "2024-02-29T23:59:59.999Z");
        assert_eq!(format_iso(951_868_800_001), "2000-03-01T00:00:00.001Z");
    }

    #[test]
    fn formats_before_the_epoch() {
        assert_eq!(format_iso(-1), "1969-12-31T23:59:59.999Z");
    }

    #[test]
    fn now_is_after_2024() {
        assert!(now_millis() > 1_704_067_200_000);
    }
}
