//! Where loading stands: the last good list, the last failure, and whether a request
//! is under way. A failed refresh keeps the last good list on screen.

use std::sync::Arc;

use chrono::{DateTime, Utc};

use super::list::ConnectionList;
use crate::api::LoadError;

#[derive(Debug, Clone, Default)]
pub struct LoadState {
    /// The last list that loaded, and when.
    pub loaded: Option<(Arc<ConnectionList>, DateTime<Utc>)>,
    /// The failure of the latest request, cleared when a request succeeds.
    pub error: Option<LoadError>,
    pub in_flight: bool,
}

impl LoadState {
    /// Marks a request as started; false if one is already under way, so that
    /// repeated clicks never put two list requests in flight.
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
            }
            Err(error) => self.error = Some(error),
        }
    }

    /// Nothing to show yet: the first request is under way.
    pub fn is_first_load(&self) -> bool {
        self.in_flight && self.loaded.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_request_at_a_time() {
        let mut state = LoadState::default();
        assert!(state.begin());
        assert!(state.is_first_load());
        assert!(!state.begin());
        state.finish(Ok(ConnectionList::default()), DateTime::default());
        assert!(!state.in_flight);
        assert!(state.begin());
    }

    #[test]
    fn failed_refresh_keeps_the_last_good_list() {
        let mut state = LoadState::default();
        state.begin();
        state.finish(Ok(ConnectionList::default()), DateTime::default());
        state.begin();
        assert!(!state.is_first_load());
        state.finish(Err(LoadError::Network), DateTime::default());
        assert!(state.loaded.is_some());
        assert_eq!(state.error, Some(LoadError::Network));
        state.begin();
        state.finish(Ok(ConnectionList::default()), DateTime::default());
        assert_eq!(state.error, None);
    }
}
