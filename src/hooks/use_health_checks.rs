//! "Test now": one health check per connection at a time. The result replaces the
//! connection's status in the list (so its card and page update in place), is
//! noted beside the button, and is announced. "Test all shown" (`use_test_run`)
//! runs its checks through the same path.

use std::collections::{HashMap, HashSet};

use futures_channel::oneshot;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::client::ApiClient;
use crate::app::KeyRefused;
use crate::model::connection::Status;
use crate::model::load_error::LoadError;
use crate::model::load_state::LoadState;
use crate::model::test_run::CheckOutcome;

/// The health checks of a page: which are running, what the last one of each said.
#[derive(Clone, Copy)]
pub struct HealthChecks {
    running: RwSignal<HashSet<String>>,
    /// Who asked for a check of an id while one ran: they get its outcome.
    waiting: StoredValue<HashMap<String, Vec<oneshot::Sender<CheckOutcome>>>>,
    notes: RwSignal<HashMap<String, String>>,
    client: StoredValue<ApiClient>,
    key_refused: Callback<()>,
    state: RwSignal<LoadState>,
    announce: WriteSignal<String>,
}

impl HealthChecks {
    /// Whether a check of `id` is under way.
    pub fn is_running(self, id: String) -> Signal<bool> {
        Signal::derive(move || self.running.with(|ids| ids.contains(&id)))
    }

    /// What the last check of `id` said, until the next one starts.
    pub fn note(self, id: String) -> Signal<Option<String>> {
        Signal::derive(move || self.notes.with(|notes| notes.get(&id).cloned()))
    }

    /// Starts a check of `id`, unless one is running; its result is announced.
    pub fn runner(self, id: String) -> Callback<()> {
        Callback::new(move |()| {
            let id = id.clone();
            spawn_local(async move {
                self.check(id, true).await;
            });
        })
    }

    /// Checks `id`, puts the result into the list and the card's note, and
    /// announces it when `announce` is set. While a check of `id` is running, a
    /// second one sends nothing and gets the first one's outcome. A 401 for the
    /// key signs out, as every 401 does.
    pub async fn check(self, id: String, announce: bool) -> CheckOutcome {
        if !self
            .running
            .try_update(|ids| ids.insert(id.clone()))
            .unwrap_or(false)
        {
            let (sender, outcome) = oneshot::channel();
            self.waiting.try_update_value(|waiting| {
                waiting.entry(id).or_default().push(sender);
            });
            // Cancelled when the page (and the check with it) is gone.
            return outcome.await.unwrap_or(CheckOutcome::NotRun);
        }
        self.notes.update(|notes| {
            notes.remove(&id);
        });
        let client = self.client.get_value();
        let result = client.test(&id).await;
        let state = self.state;
        let name = state
            .try_with_untracked(|s| {
                s.loaded
                    .as_ref()
                    .and_then(|(list, _)| list.get(&id))
                    .map(|c| c.display_name())
            })
            .flatten()
            .unwrap_or_default();
        let (outcome, note) = match result {
            Ok(outcome) => {
                let passed = outcome.status == Status::Active;
                state.try_update(|s| {
                    let updated = s.loaded.as_ref().map(|(list, _)| {
                        list.with_health(
                            &id,
                            outcome.status.clone(),
                            outcome.last_health_check_at.clone(),
                        )
                    });
                    if let Some(updated) = updated {
                        s.replace_list(updated);
                    }
                });
                if passed {
                    (CheckOutcome::Passed, "Health check passed.".to_owned())
                } else {
                    (
                        CheckOutcome::Failed,
                        format!("Health check failed: status {}.", outcome.status.label()),
                    )
                }
            }
            Err(error) if client.refuses_key(&error) => {
                self.key_refused.try_run(());
                self.finish(&id, CheckOutcome::Unauthorized);
                return CheckOutcome::Unauthorized;
            }
            Err(error) => {
                let note = match error {
                    LoadError::Http { status: 404, .. } => "This connection no longer exists in this tenant. Refresh to update the list.".to_owned(),
                    ref error => format!("Health check could not run: {}.", error.title()),
                };
                (run_outcome(error), note)
            }
        };
        if announce {
            let _ = self.announce.try_set(format!("{name}: {note}"));
        }
        self.notes.try_update(|notes| {
            notes.insert(id.clone(), note);
        });
        self.finish(&id, outcome);
        outcome
    }

    /// The check of `id` is over: it no longer runs, and those who waited for it
    /// get its outcome.
    fn finish(self, id: &str, outcome: CheckOutcome) {
        self.running.try_update(|ids| {
            ids.remove(id);
        });
        let waiting = self
            .waiting
            .try_update_value(|waiting| waiting.remove(id))
            .flatten();
        for sender in waiting.unwrap_or_default() {
            // A waiter that is gone needs no answer.
            let _ = sender.send(outcome);
        }
    }
}

/// Health checks through the `ApiClient` of the context, writing their results into
/// `state`'s list and their announcements into `announce`.
pub fn use_health_checks(
    state: RwSignal<LoadState>,
    announce: WriteSignal<String>,
) -> HealthChecks {
    let KeyRefused(key_refused) = expect_context::<KeyRefused>();
    HealthChecks {
        running: RwSignal::new(HashSet::new()),
        waiting: StoredValue::new(HashMap::new()),
        notes: RwSignal::new(HashMap::new()),
        client: StoredValue::new(expect_context::<ApiClient>()),
        key_refused,
        state,
        announce,
    }
}

/// What a failed request means for a run of checks.
fn run_outcome(error: LoadError) -> CheckOutcome {
    match error {
        LoadError::Http { status: 401, .. } => CheckOutcome::Unauthorized,
        LoadError::Http {
            status: 429,
            retry_after_secs,
            ..
        } => CheckOutcome::RateLimited { retry_after_secs },
        _ => CheckOutcome::NotRun,
    }
}
