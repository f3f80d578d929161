//! Where loading stands: the last good list, the last failure, whether a request is
//! under way, and when to load next. A failed refresh keeps the last good list.

use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};

use super::list::ConnectionList;
use super::retry::{REFRESH_INTERVAL_SECS, retry_delay_secs};
use crate::model::load_error::LoadError;

#[derive(Debug, Clone, Default)]
pub struct LoadState {
    /// The last list that loaded, and when.
    pub loaded: Option<(Arc<ConnectionList>, DateTime<Utc>)>,
    /// The failure of the latest request, cleared when a request succeeds.
    pub error: Option<LoadError>,
    pub in_flight: bool,
    /// Failures in a row, for the backoff.
    pub failures: u32,
    /// When the console retries by itself after a transient failure.
    pub retry_at: Option<DateTime<Utc>>,
}

impl LoadState {
    /// Marks a request as started; false if one is already under way, so that
    /// repeated clicks and timers never put two list requests in flight.
    pub fn begin(&mut self) -> bool {
        if self.in_flight {
            return false;
        }
        self.in_flight = true;
        true
    }

    pub fn finish(&mut self, result: Result<ConnectionList, LoadError>, at: DateTime<Utc>) {
        self.in_flight = false;
        match result {
            Ok(list) => {
                self.loaded = Some((Arc::new(list), at));
                self.error = None;
                self.failures = 0;
                self.retry_at = None;
            }
            Err(error) => {
                self.failures = self.failures.saturating_add(1);
                self.retry_at = error.is_transient().then(|| {
                    let secs = retry_delay_secs(self.failures, error.retry_after_secs());
                    at + Duration::seconds(i64::try_from(secs).unwrap_or(i64::MAX / 1000))
                });
                self.error = Some(error);
            }
        }
    }

    /// Replaces the list (after a "Test now"), keeping when it was loaded.
    pub fn replace_list(&mut self, list: ConnectionList) {
        if let Some((current, _)) = &mut self.loaded {
            *current = Arc::new(list);
        }
    }

    /// Nothing to show yet: the first request is under way.
    pub fn is_first_load(&self) -> bool {
        self.in_flight && self.loaded.is_none()
    }

    /// Whether to load now: a scheduled retry is due, or the list is older than the
    /// refresh interval. Never while hidden, offline or already loading, and never
    /// by itself after a failure that retrying cannot fix.
    pub fn due(&self, now: DateTime<Utc>, visible: bool, online: bool) -> bool {
        if self.in_flight || !visible || !online {
            return false;
        }
        match (&self.error, self.retry_at, &self.loaded) {
            (Some(_), Some(retry_at), _) => now >= retry_at,
            (Some(_), None, _) => false,
            (None, _, Some((_, at))) => (now - *at).num_seconds() >= REFRESH_INTERVAL_SECS,
            (None, _, None) => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(seconds: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000 + seconds, 0).unwrap_or_default()
    }

    fn loaded_at(seconds: i64) -> LoadState {
        let mut state = LoadState::default();
        state.begin();
        state.finish(Ok(ConnectionList::default()), at(seconds));
        state
    }

    #[test]
    fn one_request_at_a_time() {
        let mut state = LoadState::default();
        assert!(state.begin());
        assert!(state.is_first_load());
        assert!(!state.begin());
        assert!(!state.due(at(999), true, true));
        state.finish(Ok(ConnectionList::default()), at(0));
        assert!(!state.in_flight);
        assert!(state.begin());
    }

    #[test]
    fn failed_refresh_keeps_the_last_good_list() {
        let mut state = loaded_at(0);
        state.begin();
        assert!(!state.is_first_load());
        state.finish(Err(LoadError::Network), at(30));
        assert!(state.loaded.is_some());
        assert_eq!(state.error, Some(LoadError::Network));
        state.begin();
        state.finish(Ok(ConnectionList::default()), at(40));
        assert_eq!(state.error, None);
        assert_eq!(state.failures, 0);
    }

    #[test]
    fn refreshes_every_30_seconds_while_visible_and_online() {
        let state = loaded_at(0);
        assert!(!state.due(at(29), true, true));
        assert!(state.due(at(30), true, true));
        assert!(!state.due(at(300), false, true), "hidden");
        assert!(!state.due(at(300), true, false), "offline");
        assert!(
            LoadState::default().due(at(0), true, true),
            "nothing loaded yet"
        );
    }

    #[test]
    fn transient_failures_retry_with_backoff() {
        let mut state = loaded_at(0);
        let mut retries = Vec::new();
        let mut now = 30;
        for _ in 0..4 {
            state.begin();
            state.finish(Err(LoadError::http(503, None)), at(now));
            let retry_at = state.retry_at.map(|t| (t - at(now)).num_seconds());
            retries.push(retry_at);
            now += retry_at.unwrap_or(0);
            assert!(!state.due(at(now - 1), true, true));
            assert!(state.due(at(now), true, true));
        }
        assert_eq!(retries, [Some(5), Some(10), Some(20), Some(40)]);
    }

    #[test]
    fn retry_after_is_honoured() {
        let mut state = loaded_at(0);
        state.begin();
        state.finish(
            Err(LoadError::http(429, None).with_retry_after(Some(60))),
            at(30),
        );
        assert_eq!(state.retry_at, Some(at(90)));
    }

    #[test]
    fn failures_that_retrying_cannot_fix_wait_for_the_admin() {
        let mut state = loaded_at(0);
        state.begin();
        state.finish(Err(LoadError::http(403, None)), at(30));
        assert_eq!(state.retry_at, None);
        assert!(!state.due(at(10_000), true, true));
    }
}
