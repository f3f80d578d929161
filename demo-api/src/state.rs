//! The server's global state: the scenario, a mutable copy of its records (the
//! test endpoint updates them) and request counters for the tests.

use std::collections::HashMap;
use std::sync::{RwLock, RwLockReadGuard, RwLockWriteGuard};

use axum::body::Bytes;
use serde::Serialize;
use serde_json::Value;

use crate::data::{self, id_of};
use crate::scenario::Scenario;
use crate::time::{UnixMillis, format_iso};

/// Which API endpoint a request was for, for `/_demo/requests`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Endpoint {
    List,
    Detail,
    Test,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct RequestCounts {
    pub list: u64,
    pub detail: u64,
    pub test: u64,
}

pub struct AppState {
    /// The server's start: every record's times are relative to it.
    started_at: UnixMillis,
    /// The scenario from the command line, for `/_demo/reset`.
    initial: Scenario,
    inner: RwLock<Inner>,
}

struct Inner {
    scenario: Scenario,
    records: Vec<Value>,
    /// The serialized list, kept because a generated set can be tens of MB.
    list_json: Option<Bytes>,
    counts: RequestCounts,
    /// Health checks run per id since start or reset; they decide the next result.
    checks: HashMap<String, u32>,
}

impl Inner {
    fn new(scenario: Scenario, started_at: UnixMillis) -> Self {
        let records = data::records(scenario.dataset, scenario.count, started_at);
        Self {
            scenario,
            records,
            list_json: None,
            counts: RequestCounts::default(),
            checks: HashMap::new(),
        }
    }
}

impl AppState {
    pub fn new(initial: Scenario, started_at: UnixMillis) -> Self {
        let inner = Inner::new(initial.clone(), started_at);
        Self {
            started_at,
            initial,
            inner: RwLock::new(inner),
        }
    }

    // A panic while holding the lock cannot leave the state half-written in a way
    // that matters for a demo, so a poisoned lock is simply taken over.
    fn read(&self) -> RwLockReadGuard<'_, Inner> {
        self.inner
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn write(&self) -> RwLockWriteGuard<'_, Inner> {
        self.inner
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    pub fn scenario(&self) -> Scenario {
        self.read().scenario.clone()
    }

    /// Replaces the scenario; the records are rebuilt (losing test results) only
    /// when the data set or generated count changes.
    pub fn set_scenario(&self, scenario: Scenario) {
        let mut inner = self.write();
        if inner.scenario.data_key() != scenario.data_key() {
            inner.records = data::records(scenario.dataset, scenario.count, self.started_at);
            inner.list_json = None;
            inner.checks.clear();
        }
        inner.scenario = scenario;
    }

    /// Back to the command line's scenario, fresh records and zero counts.
    pub fn reset(&self) {
        *self.write() = Inner::new(self.initial.clone(), self.started_at);
    }

    pub fn count(&self, endpoint: Endpoint) {
        let mut inner = self.write();
        let counter = match endpoint {
            Endpoint::List => &mut inner.counts.list,
            Endpoint::Detail => &mut inner.counts.detail,
            Endpoint::Test => &mut inner.counts.test,
        };
        *counter += 1;
    }

    pub fn counts(&self) -> RequestCounts {
        self.read().counts
    }

    /// The whole list as JSON text.
    pub fn list_json(&self) -> Bytes {
        if let Some(json) = &self.read().list_json {
            return json.clone();
        }
        let mut inner = self.write();
        let json =
            Bytes::from(serde_json::to_vec(&inner.records).unwrap_or_else(|_| b"[]".to_vec()));
        inner.list_json = Some(json.clone());
        json
    }

    pub fn list_len(&self) -> usize {
        self.read().records.len()
    }

    pub fn record(&self, id: &str) -> Option<Value> {
        self.read()
            .records
            .iter()
            .find(|r| id_of(r) == Some(id))
            .cloned()
    }

    /// Runs the fake health check of one record and stores its result; `None` for
    /// an unknown id.
    pub fn check_health(&self, id: &str, now: UnixMillis) -> Option<HealthCheck> {
        let mut inner = self.write();
        let inner = &mut *inner;
        let record = inner.records.iter_mut().find(|r| id_of(r) == Some(id))?;
        let calls = inner.checks.entry(id.to_owned()).or_insert(0);
        *calls += 1;
        let status = health_check_result(record.get("status").and_then(Value::as_str), *calls);
        let last_health_check_at = format_iso(now);
        if let Some(object) = record.as_object_mut() {
            object.insert("status".into(), status.into());
            object.insert(
                "lastHealthCheckAt".into(),
                last_health_check_at.clone().into(),
            );
        }
        inner.list_json = None;
        Some(HealthCheck {
            status,
            last_health_check_at,
        })
    }
}

#[derive(Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HealthCheck {
    pub status: &'static str,
    pub last_health_check_at: String,
}

/// The made-up but predictable outcome of a health check: a healthy or never
/// checked connection passes; any other fails on its 1st, 3rd, … check since
/// start or reset and recovers on the 2nd, 4th, … (after which it stays active).
fn health_check_result(current_status: Option<&str>, call: u32) -> &'static str {
    match current_status {
        Some("active" | "unknown") => "active",
        _ if call.is_multiple_of(2) => "active",
        _ => "error",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Dataset;

    const NOW: UnixMillis = 1_774_440_000_000;
    const OMS: &str = "3f6c1a2e-5b7d-4c8e-9f01-23456789abcd";
    const SAP: &str = "522509c4-fd85-470f-ae5f-81f00a57f4de";

    #[test]
    fn health_check_alternates_for_failing_connections() {
        assert_eq!(health_check_result(Some("active"), 1), "active");
        assert_eq!(health_check_result(Some("unknown"), 1), "active");
        assert_eq!(health_check_result(Some("error"), 1), "error");
        assert_eq!(health_check_result(Some("error"), 2), "active");
        assert_eq!(health_check_result(Some("degraded"), 1), "error");
        assert_eq!(health_check_result(None, 2), "active");
    }

    #[test]
    fn check_updates_the_record_and_reset_restores_it() {
        let state = AppState::new(Scenario::default(), NOW);
        assert_eq!(state.check_health("no-such-id", NOW), None);
        let first = state.check_health(SAP, NOW + 1);
        assert_eq!(first.map(|c| c.status), Some("error"));
        let second = state.check_health(SAP, NOW + 2);
        assert_eq!(second.map(|c| c.status), Some("active"));
        let record = state.record(SAP).unwrap_or_default();
        assert_eq!(record["status"], "active");
        assert_eq!(record["lastHealthCheckAt"], format_iso(NOW + 2));
        assert!(String::from_utf8_lossy(&state.list_json()).contains(&format_iso(NOW + 2)));
        state.reset();
        assert_eq!(state.record(SAP).unwrap_or_default()["status"], "error");
        assert_eq!(
            state.check_health(OMS, NOW).map(|c| c.status),
            Some("active")
        );
    }

    #[test]
    fn records_follow_the_scenario() {
        let state = AppState::new(Scenario::default(), NOW);
        state.count(Endpoint::List);
        state.set_scenario(Scenario {
            dataset: Dataset::Generated,
            count: 7,
            ..Scenario::default()
        });
        assert_eq!(state.list_len(), 7);
        assert_eq!(state.counts().list, 1, "a scenario change keeps the counts");
        state.set_scenario(Scenario {
            dataset: Dataset::Empty,
            ..Scenario::default()
        });
        assert_eq!(&state.list_json()[..], b"[]");
        state.reset();
        assert_eq!(state.scenario(), Scenario::default());
        assert_eq!(state.counts(), RequestCounts::default());
        assert!(state.record(OMS).is_some());
    }
}
