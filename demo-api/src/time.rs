//! UTC timestamps in the API's format (`2026-03-25T12:00:00.000Z`).

use chrono::{DateTime, SecondsFormat, Utc};

/// Milliseconds since the Unix epoch.
pub type UnixMillis = i64;

pub const MINUTE: UnixMillis = 60_000;
pub const HOUR: UnixMillis = 60 * MINUTE;
pub const DAY: UnixMillis = 24 * HOUR;

/// The current time.
pub fn now_millis() -> UnixMillis {
    Utc::now().timestamp_millis()
}

/// Formats as ISO-8601 UTC with milliseconds and a `Z`. Empty beyond chrono's
/// range (some 262,000 years either way), which no record comes near.
pub fn format_iso(unix_ms: UnixMillis) -> String {
    DateTime::from_timestamp_millis(unix_ms)
        .map(|time| time.to_rfc3339_opts(SecondsFormat::Millis, true))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_as_the_contract_does() {
        for (unix_ms, expected) in [
            (0, "1970-01-01T00:00:00.000Z"),
            // The contract's example.
            (1_774_440_000_000, "2026-03-25T12:00:00.000Z"),
            // A leap day, and milliseconds.
            (1_709_251_199_999, "2024-02-29T23:59:59.999Z"),
            (951_868_800_001, "2000-03-01T00:00:00.001Z"),
            (-1, "1969-12-31T23:59:59.999Z"),
        ] {
            assert_eq!(format_iso(unix_ms), expected, "{unix_ms}");
        }
    }

    #[test]
    fn now_is_after_2024() {
        assert!(now_millis() > 1_704_067_200_000);
    }
}
