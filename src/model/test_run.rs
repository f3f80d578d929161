//! "Test all shown": the health checks of many connections as one run. At most
//! `MAX_IN_FLIGHT` at once, a pause as long as a 429 asks, a stop on a 401 and on
//! Cancel, and the progress and summary in words. The clock is passed in.

use std::collections::VecDeque;

use chrono::{DateTime, TimeDelta, Utc};

use super::retry::retry_delay_secs;

/// Checks in flight at once: enough to be quick, few enough not to flood the API.
pub const MAX_IN_FLIGHT: usize = 4;
/// A longer `Retry-After` is surely a mistake; the admin can Cancel meanwhile.
const LONGEST_PAUSE_SECS: u64 = 86_400;
/// Runs longer than this are confirmed first.
pub const CONFIRM_ABOVE: usize = 50;

/// What one health check of a run came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckOutcome {
    Passed,
    /// The check ran, and the server is still not healthy.
    Failed,
    /// The check could not run (network, 404, a server error): counted as failing.
    NotRun,
    /// 429: the check goes back to the front of the queue and the run waits.
    RateLimited {
        retry_after_secs: Option<u64>,
    },
    /// 401: the credentials were refused; nothing more is sent.
    Unauthorized,
}

/// What the run's workers do next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NextStep {
    Check(String),
    /// The API asked to wait: try again then.
    WaitUntil(DateTime<Utc>),
    /// Nothing left to start.
    Stop,
}

/// Why a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunEnd {
    Finished,
    Cancelled,
    Unauthorized,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestRun {
    queue: VecDeque<String>,
    total: usize,
    in_flight: usize,
    passed: usize,
    failing: usize,
    paused_until: Option<DateTime<Utc>>,
    /// 429s in a row, for the wait when one comes without `Retry-After`.
    rate_limited: u32,
    end: Option<RunEnd>,
}

impl TestRun {
    /// A run over `ids`, in the order shown.
    pub fn new(ids: Vec<String>) -> Self {
        TestRun {
            total: ids.len(),
            queue: ids.into(),
            in_flight: 0,
            passed: 0,
            failing: 0,
            paused_until: None,
            rate_limited: 0,
            end: None,
        }
        .finished_if_empty()
    }

    /// What a worker should do now; a `Check` counts as in flight until `record`.
    pub fn next_step(&mut self, now: DateTime<Utc>) -> NextStep {
        if self.end.is_some() {
            return NextStep::Stop;
        }
        if let Some(until) = self.paused_until {
            if now < until {
                return NextStep::WaitUntil(until);
            }
            self.paused_until = None;
        }
        if self.in_flight >= MAX_IN_FLIGHT {
            return NextStep::Stop;
        }
        match self.queue.pop_front() {
            Some(id) => {
                self.in_flight += 1;
                NextStep::Check(id)
            }
            None => NextStep::Stop,
        }
    }

    /// Takes the result of the check of `id` that `next_step` handed out.
    pub fn record(&mut self, id: String, outcome: CheckOutcome, now: DateTime<Utc>) {
        self.in_flight = self.in_flight.saturating_sub(1);
        match outcome {
            CheckOutcome::Passed => self.passed += 1,
            CheckOutcome::Failed | CheckOutcome::NotRun => self.failing += 1,
            // After Cancel or a 401 it is simply not tested.
            CheckOutcome::RateLimited { .. } if self.end.is_some() => {}
            CheckOutcome::RateLimited { retry_after_secs } => {
                self.rate_limited += 1;
                let wait =
                    retry_delay_secs(self.rate_limited, retry_after_secs).min(LONGEST_PAUSE_SECS);
                let until = now + TimeDelta::seconds(i64::try_from(wait).unwrap_or(0));
                self.paused_until = Some(self.paused_until.map_or(until, |p| p.max(until)));
                self.queue.push_front(id);
            }
            CheckOutcome::Unauthorized => self.stop(RunEnd::Unauthorized),
        }
        if !matches!(outcome, CheckOutcome::RateLimited { .. }) {
            self.rate_limited = 0;
        }
        if self.end.is_none() && self.queue.is_empty() && self.in_flight == 0 {
            self.end = Some(RunEnd::Finished);
        }
    }

    /// Cancel: nothing more starts; checks in flight still report.
    pub fn cancel(&mut self) {
        self.stop(RunEnd::Cancelled);
    }

    fn stop(&mut self, end: RunEnd) {
        self.end.get_or_insert(end);
        self.queue.clear();
        self.paused_until = None;
    }

    fn finished_if_empty(mut self) -> Self {
        if self.total == 0 {
            self.end = Some(RunEnd::Finished);
        }
        self
    }

    /// Over: ended, and no check still running.
    pub fn is_over(&self) -> bool {
        self.end.is_some() && self.in_flight == 0
    }

    pub fn end(&self) -> Option<RunEnd> {
        self.end
    }

    pub fn total(&self) -> usize {
        self.total
    }

    /// Checks with a result.
    pub fn done(&self) -> usize {
        self.passed + self.failing
    }

    pub fn passed(&self) -> usize {
        self.passed
    }

    pub fn failing(&self) -> usize {
        self.failing
    }

    pub fn paused_until(&self) -> Option<DateTime<Utc>> {
        self.paused_until
    }

    /// The progress line: "12 of 40 tested: 9 passed, 3 still failing."
    pub fn progress_text(&self) -> String {
        format!(
            "{} of {} tested: {} passed, {} still failing.",
            self.done(),
            self.total,
            self.passed,
            self.failing
        )
    }

    /// What is going on besides the counts, if anything: the pause, or how it ended.
    pub fn state_text(&self, now: DateTime<Utc>) -> Option<String> {
        match (self.end, self.paused_until) {
            (None, Some(until)) if until > now => {
                let seconds = (until - now).num_milliseconds().div_euclid(1000) + 1;
                Some(format!(
                    "Paused: the API asked to wait (too many requests). Resuming in {seconds} s."
                ))
            }
            (Some(_), _) if !self.is_over() => Some("Stopping…".to_owned()),
            (Some(RunEnd::Finished), _) => Some(format!(
                "Done. {} of {} passed, {} still failing.",
                self.passed, self.total, self.failing
            )),
            (Some(RunEnd::Cancelled), _) => Some(format!(
                "Cancelled after {} of {}: {} passed, {} still failing, {} not tested.",
                self.done(),
                self.total,
                self.passed,
                self.failing,
                self.total.saturating_sub(self.done())
            )),
            (Some(RunEnd::Unauthorized), _) => Some(format!(
                "Stopped after {} of {}: the API refused the credentials (401). Sign in again, then test the rest.",
                self.done(),
                self.total
            )),
            (None, _) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("c{i}")).collect()
    }

    fn at(seconds: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_774_440_000 + seconds, 0).unwrap_or_default()
    }

    fn check(step: NextStep) -> String {
        match step {
            NextStep::Check(id) => id,
            other => panic!("expected a check, got {other:?}"),
        }
    }

    #[test]
    fn at_most_four_in_flight() {
        let mut run = TestRun::new(ids(6));
        let started: Vec<String> = (0..4).map(|_| check(run.next_step(at(0)))).collect();
        assert_eq!(started, ["c0", "c1", "c2", "c3"]);
        assert_eq!(run.next_step(at(0)), NextStep::Stop);
        run.record("c0".into(), CheckOutcome::Passed, at(1));
        assert_eq!(check(run.next_step(at(1))), "c4");
        assert_eq!(run.next_step(at(1)), NextStep::Stop);
        assert_eq!(
            run.progress_text(),
            "1 of 6 tested: 1 passed, 0 still failing."
        );
        assert_eq!(run.state_text(at(1)), None);
    }

    #[test]
    fn finishes_with_a_summary() {
        let mut run = TestRun::new(ids(3));
        for id in ["c0", "c1", "c2"] {
            assert_eq!(check(run.next_step(at(0))), id);
        }
        run.record("c0".into(), CheckOutcome::Passed, at(1));
        run.record("c1".into(), CheckOutcome::Failed, at(1));
        assert!(!run.is_over());
        run.record("c2".into(), CheckOutcome::NotRun, at(1));
        assert!(run.is_over());
        assert_eq!(run.end(), Some(RunEnd::Finished));
        assert_eq!(run.next_step(at(2)), NextStep::Stop);
        assert_eq!(
            run.state_text(at(2)).as_deref(),
            Some("Done. 1 of 3 passed, 2 still failing.")
        );
    }

    #[test]
    fn an_empty_run_is_over_at_once() {
        let run = TestRun::new(Vec::new());
        assert!(run.is_over());
        assert_eq!(run.end(), Some(RunEnd::Finished));
    }

    #[test]
    fn a_429_pauses_and_retries_the_same_check_first() {
        let mut run = TestRun::new(ids(5));
        for _ in 0..4 {
            check(run.next_step(at(0)));
        }
        run.record(
            "c1".into(),
            CheckOutcome::RateLimited {
                retry_after_secs: Some(30),
            },
            at(2),
        );
        assert_eq!(run.next_step(at(3)), NextStep::WaitUntil(at(32)));
        assert_eq!(
            run.state_text(at(3)).as_deref(),
            Some("Paused: the API asked to wait (too many requests). Resuming in 30 s.")
        );
        // A shorter wait from another check does not shorten the pause.
        run.record(
            "c2".into(),
            CheckOutcome::RateLimited {
                retry_after_secs: Some(1),
            },
            at(4),
        );
        assert_eq!(run.next_step(at(10)), NextStep::WaitUntil(at(32)));
        assert_eq!(check(run.next_step(at(32))), "c2");
        assert_eq!(check(run.next_step(at(32))), "c1");
        assert_eq!(run.done(), 0);
        assert_eq!(run.state_text(at(32)), None);
    }

    #[test]
    fn a_429_without_retry_after_backs_off() {
        let mut run = TestRun::new(ids(1));
        let limited = CheckOutcome::RateLimited {
            retry_after_secs: None,
        };
        check(run.next_step(at(0)));
        run.record("c0".into(), limited, at(0));
        assert_eq!(run.next_step(at(0)), NextStep::WaitUntil(at(5)));
        check(run.next_step(at(5)));
        run.record("c0".into(), limited, at(5));
        assert_eq!(run.next_step(at(5)), NextStep::WaitUntil(at(15)));
    }

    #[test]
    fn a_401_stops_the_run() {
        let mut run = TestRun::new(ids(10));
        for _ in 0..4 {
            check(run.next_step(at(0)));
        }
        run.record("c0".into(), CheckOutcome::Passed, at(1));
        run.record("c1".into(), CheckOutcome::Unauthorized, at(1));
        assert_eq!(run.next_step(at(1)), NextStep::Stop);
        assert_eq!(run.state_text(at(1)).as_deref(), Some("Stopping…"));
        run.record("c2".into(), CheckOutcome::Unauthorized, at(1));
        run.record("c3".into(), CheckOutcome::Failed, at(1));
        assert!(run.is_over());
        assert_eq!(run.end(), Some(RunEnd::Unauthorized));
        assert_eq!(
            run.state_text(at(1)).as_deref(),
            Some(
                "Stopped after 2 of 10: the API refused the credentials (401). Sign in again, then test the rest."
            )
        );
    }

    #[test]
    fn cancel_lets_running_checks_report() {
        let mut run = TestRun::new(ids(10));
        check(run.next_step(at(0)));
        check(run.next_step(at(0)));
        run.cancel();
        assert_eq!(run.next_step(at(0)), NextStep::Stop);
        assert!(!run.is_over());
        run.record("c0".into(), CheckOutcome::Passed, at(1));
        run.record(
            "c1".into(),
            CheckOutcome::RateLimited {
                retry_after_secs: Some(9),
            },
            at(1),
        );
        assert!(run.is_over());
        assert_eq!(run.end(), Some(RunEnd::Cancelled));
        assert_eq!(
            run.state_text(at(1)).as_deref(),
            Some("Cancelled after 1 of 10: 1 passed, 0 still failing, 9 not tested.")
        );
    }
}
