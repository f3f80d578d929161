//! The server's global state: the scenario, a mutable copy of its records (the
//! test endpoint and `/_demo/connections/{id}` update them) and what the API
//! received, for the tests.

use std::collections::HashMap;
use std::sync::{RwLock, RwLockReadGuard, RwLockWriteGuard};

use axum::body::Bytes;
use axum::http::{HeaderMap, HeaderName, header};
use serde::Serialize;
use serde_json::Value;

use crate::data::{self, id_of};
use crate::scenario::{Dataset, Scenario};
use crate::time::{UnixMillis, format_iso};

/// Which API endpoint a request was for, for `/_demo/requests`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Endpoint {
    List,
    Detail,
    Test,
    Agents,
    /// The `redirect` fault's target (`/_demo/redirected`).
    Redirected,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct RequestCounts {
    pub list: u64,
    pub detail: u64,
    pub test: u64,
    pub agents: u64,
    pub redirected: u64,
}

/// `GET /_demo/requests`: the counts, and the credentials and origin of the last
/// `/api` request (what the browser really sent).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RequestLog {
    #[serde(flatten)]
    pub counts: RequestCounts,
    pub last_authorization: Option<String>,
    pub last_origin: Option<String>,
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
    /// `{"items": [agent…], "total": N}`, serialized once per data set.
    agents_json: Bytes,
    /// The serialized list, kept because a generated set can be tens of MB.
    list_json: Option<Bytes>,
    log: RequestLog,
    /// Health checks run per id since start or reset; they decide the next result.
    checks: HashMap<String, u32>,
    /// Health checks that met the scenario's test fault since it was set.
    test_faults: u32,
    /// Lists served since the records were made (`data::on_list_load`).
    list_loads: u32,
}

impl Inner {
    fn new(scenario: Scenario, started_at: UnixMillis) -> Self {
        let records = data::records(scenario.dataset, scenario.count, started_at);
        let agents_json = agents_json(scenario.dataset, &records, started_at);
        Self {
            scenario,
            records,
            agents_json,
            list_json: None,
            log: RequestLog::default(),
            checks: HashMap::new(),
            test_faults: 0,
            list_loads: 0,
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
            inner.agents_json = agents_json(scenario.dataset, &inner.records, self.started_at);
            inner.list_json = None;
            inner.checks.clear();
            inner.list_loads = 0;
        }
        inner.scenario = scenario;
        inner.test_faults = 0;
    }

    /// The status a health check meets instead of running, if the scenario's test
    /// fault still applies; counts it.
    pub fn take_test_fault(&self) -> Option<u16> {
        let mut inner = self.write();
        let status = inner.scenario.test_fault_status?;
        let limit = inner.scenario.test_fault_count;
        if limit != 0 && inner.test_faults >= limit {
            return None;
        }
        inner.test_faults += 1;
        Some(status)
    }

    /// Back to the command line's scenario, fresh records and zero counts.
    pub fn reset(&self) {
        *self.write() = Inner::new(self.initial.clone(), self.started_at);
    }

    pub fn count(&self, endpoint: Endpoint) {
        let mut inner = self.write();
        let counter = match endpoint {
            Endpoint::List => &mut inner.log.counts.list,
            Endpoint::Detail => &mut inner.log.counts.detail,
            Endpoint::Test => &mut inner.log.counts.test,
            Endpoint::Agents => &mut inner.log.counts.agents,
            Endpoint::Redirected => &mut inner.log.counts.redirected,
        };
        *counter += 1;
    }

    /// Keeps the `Authorization` and `Origin` of an `/api` request (absent = null).
    pub fn note_headers(&self, headers: &HeaderMap) {
        let value = |name: HeaderName| {
            headers
                .get(name)
                .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
        };
        let (authorization, origin) = (value(header::AUTHORIZATION), value(header::ORIGIN));
        let mut inner = self.write();
        inner.log.last_authorization = authorization;
        inner.log.last_origin = origin;
    }

    pub fn request_log(&self) -> RequestLog {
        self.read().log.clone()
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

    /// The agents' answer as JSON text.
    pub fn agents_json(&self) -> Bytes {
        self.read().agents_json.clone()
    }

    /// The list for `GET /api/mcp-connections`: as `list_json`, after what this
    /// load does to the data set (the hostile set's rug pull on the second).
    pub fn serve_list(&self) -> Bytes {
        {
            let mut inner = self.write();
            let inner = &mut *inner;
            inner.list_loads += 1;
            if data::on_list_load(inner.scenario.dataset, inner.list_loads, &mut inner.records) {
                inner.list_json = None;
            }
        }
        self.list_json()
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

    /// Sets one record's instructions (`None` = null) and its `updatedAt` to now;
    /// `None` for an unknown id. Returns the record.
    pub fn set_instructions(
        &self,
        id: &str,
        instructions: Option<String>,
        now: UnixMillis,
    ) -> Option<Value> {
        let mut inner = self.write();
        let record = inner.records.iter_mut().find(|r| id_of(r) == Some(id))?;
        if let Some(object) = record.as_object_mut() {
            object.insert("instructions".into(), instructions.into());
            object.insert("updatedAt".into(), format_iso(now).into());
        }
        let record = record.clone();
        inner.list_json = None;
        Some(record)
    }

    /// Sets one record's status as if a check had just found it; `None` for an
    /// unknown id. Returns the record.
    pub fn set_status(&self, id: &str, status: &str, now: UnixMillis) -> Option<Value> {
        let mut inner = self.write();
        let inner = &mut *inner;
        let record = inner.records.iter_mut().find(|r| id_of(r) == Some(id))?;
        if let Some(object) = record.as_object_mut() {
            object.insert("status".into(), status.into());
            object.insert("lastHealthCheckAt".into(), format_iso(now).into());
        }
        let record = record.clone();
        // The next health check starts over from this status: an `error` fails first.
        inner.checks.remove(id);
        inner.list_json = None;
        Some(record)
    }
}

/// The agents of a data set as the API answers them.
fn agents_json(dataset: Dataset, records: &[Value], now: UnixMillis) -> Bytes {
    let items = data::agents(dataset, records, now);
    let answer = serde_json::json!({ "total": items.len(), "items": items });
    Bytes::from(serde_json::to_vec(&answer).unwrap_or_default())
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
    use axum::http::HeaderValue;

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
    fn test_fault_meets_as_many_checks_as_asked_each_time_it_is_set() {
        let state = AppState::new(Scenario::default(), NOW);
        assert_eq!(state.take_test_fault(), None);
        let twice = Scenario {
            test_fault_status: Some(429),
            test_fault_count: 2,
            ..Scenario::default()
        };
        state.set_scenario(twice.clone());
        assert_eq!(state.take_test_fault(), Some(429));
        assert_eq!(state.take_test_fault(), Some(429));
        assert_eq!(state.take_test_fault(), None);
        state.set_scenario(twice);
        assert_eq!(state.take_test_fault(), Some(429));
        state.set_scenario(Scenario {
            test_fault_status: Some(401),
            ..Scenario::default()
        });
        for _ in 0..5 {
            assert_eq!(state.take_test_fault(), Some(401));
        }
    }

    #[test]
    fn set_status_survives_scenario_changes_that_keep_the_data() {
        let state = AppState::new(Scenario::default(), NOW);
        assert_eq!(state.set_status("no-such-id", "error", NOW), None);
        let record = state.set_status(OMS, "error", NOW + 5).unwrap_or_default();
        assert_eq!(record["status"], "error");
        assert_eq!(record["lastHealthCheckAt"], format_iso(NOW + 5));
        assert!(String::from_utf8_lossy(&state.list_json()).contains(&format_iso(NOW + 5)));
        // A check right after fails first, as for any connection in error.
        assert_eq!(
            state.check_health(OMS, NOW).map(|c| c.status),
            Some("error")
        );
        state.set_status(OMS, "degraded", NOW);
        state.set_scenario(Scenario {
            delay_ms: 10,
            auth: crate::scenario::AuthMode::None,
            ..Scenario::default()
        });
        assert_eq!(state.record(OMS).unwrap_or_default()["status"], "degraded");
        state.set_scenario(Scenario {
            dataset: Dataset::Hostile,
            ..Scenario::default()
        });
        state.set_scenario(Scenario::default());
        assert_eq!(state.record(OMS).unwrap_or_default()["status"], "active");
    }

    #[test]
    fn instructions_change_and_the_hostile_set_changes_on_its_second_load() {
        let state = AppState::new(Scenario::default(), NOW);
        assert_eq!(state.set_instructions("no-such-id", None, NOW), None);
        let record = state
            .set_instructions(OMS, Some("New rules".into()), NOW + 7)
            .unwrap_or_default();
        assert_eq!(record["instructions"], "New rules");
        assert_eq!(record["updatedAt"], format_iso(NOW + 7));
        assert!(String::from_utf8_lossy(&state.serve_list()).contains("New rules"));
        state.set_instructions(OMS, None, NOW);
        assert!(state.record(OMS).unwrap_or_default()["instructions"].is_null());

        state.set_scenario(Scenario {
            dataset: Dataset::Hostile,
            ..Scenario::default()
        });
        let first = state.serve_list();
        assert_eq!(state.serve_list().len(), first.len() + 93);
        assert_eq!(state.serve_list().len(), first.len() + 93, "only once");
    }

    #[test]
    fn request_log_keeps_the_last_headers() {
        let state = AppState::new(Scenario::default(), NOW);
        assert_eq!(state.request_log(), RequestLog::default());
        let mut headers = HeaderMap::new();
        headers.insert(header::AUTHORIZATION, HeaderValue::from_static("Bearer k"));
        headers.insert(
            header::ORIGIN,
            HeaderValue::from_static("http://localhost:3000"),
        );
        state.note_headers(&headers);
        state.count(Endpoint::Detail);
        let json = serde_json::to_value(state.request_log()).unwrap_or_default();
        assert_eq!(
            json,
            serde_json::json!({
                "list": 0, "detail": 1, "test": 0, "agents": 0, "redirected": 0,
                "lastAuthorization": "Bearer k", "lastOrigin": "http://localhost:3000"
            })
        );
        state.note_headers(&HeaderMap::new());
        assert_eq!(state.request_log().last_authorization, None);
        state.note_headers(&headers);
        state.reset();
        assert_eq!(state.request_log(), RequestLog::default());
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
        assert_eq!(
            state.request_log().counts.list,
            1,
            "a scenario change keeps the counts"
        );
        state.set_scenario(Scenario {
            dataset: Dataset::Empty,
            ..Scenario::default()
        });
        assert_eq!(&state.list_json()[..], b"[]");
        state.reset();
        assert_eq!(state.scenario(), Scenario::default());
        assert_eq!(state.request_log().counts, RequestCounts::default());
        assert!(state.record(OMS).is_some());
    }
}
