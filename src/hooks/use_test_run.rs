//! "Test all shown": the health checks of the rows shown, as one run
//! (`model::test_run`), each through `HealthChecks::check`, the path of "Test now",
//! so the cards update as results arrive. Workers take checks from the run one at
//! a time; the run decides how many may be in flight and when to wait.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::use_health_checks::HealthChecks;
use crate::model::test_run::{CheckOutcome, MAX_IN_FLIGHT, NextStep, TestRun};
use crate::platform;

/// What `use_test_run` gives the page.
#[derive(Clone, Copy)]
pub struct UseTestRunReturn {
    /// The current or last run, if any.
    pub run: ReadSignal<Option<TestRun>>,
    /// Starts a run over these ids, unless one is under way.
    pub start: Callback<Vec<String>>,
    /// Stops starting checks; those in flight still report.
    pub cancel: Callback<()>,
    /// Forgets a run that is over (its summary goes).
    pub dismiss: Callback<()>,
}

/// Runs through `checks`, announcing how each run ends in `announce`.
pub fn use_test_run(checks: HealthChecks, announce: WriteSignal<String>) -> UseTestRunReturn {
    let run = RwSignal::new(None::<TestRun>);
    let start = Callback::new(move |ids: Vec<String>| {
        if run.with_untracked(|r| r.as_ref().is_some_and(|r| !r.is_over())) {
            return;
        }
        run.set(Some(TestRun::new(ids)));
        for _ in 0..MAX_IN_FLIGHT {
            spawn_local(work(run, checks, announce));
        }
    });
    let cancel = Callback::new(move |()| {
        run.update(|r| {
            if let Some(r) = r {
                r.cancel();
            }
        });
        announce_state(run, announce, true);
    });
    let dismiss = Callback::new(move |()| {
        if run.with_untracked(|r| r.as_ref().is_some_and(TestRun::is_over)) {
            run.set(None);
        }
    });
    UseTestRunReturn {
        run: run.read_only(),
        start,
        cancel,
        dismiss,
    }
}

/// One worker: checks what the run hands out until it says stop (or the page that
/// owns the run is gone).
async fn work(run: RwSignal<Option<TestRun>>, checks: HealthChecks, announce: WriteSignal<String>) {
    loop {
        let step = run
            .try_update(|r| r.as_mut().map(|r| r.next_step(platform::now())))
            .flatten();
        match step {
            Some(NextStep::Check(id)) => {
                let outcome = checks.check(id.clone(), false).await;
                let recorded = run.try_update(|r| {
                    if let Some(r) = r {
                        r.record(id, outcome, platform::now());
                    }
                });
                if recorded.is_none() {
                    return;
                }
                if matches!(outcome, CheckOutcome::RateLimited { .. }) {
                    announce_state(run, announce, false);
                }
                announce_state(run, announce, true);
            }
            Some(NextStep::WaitUntil(until)) => {
                let ms = (until - platform::now()).num_milliseconds();
                platform::sleep_ms(i32::try_from(ms.max(0)).unwrap_or(i32::MAX)).await;
            }
            Some(NextStep::Stop) | None => return,
        }
    }
}

/// Says what the run is doing: how it ended once it is over (`ended`), or that it
/// pauses.
fn announce_state(run: RwSignal<Option<TestRun>>, announce: WriteSignal<String>, ended: bool) {
    let summary = run
        .try_with_untracked(|r| {
            r.as_ref()
                .filter(|r| r.is_over() == ended)
                .and_then(|r| r.state_text(platform::now()))
        })
        .flatten();
    if let Some(summary) = summary {
        let _ = announce.try_set(summary);
    }
}
