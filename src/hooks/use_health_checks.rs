//! "Test now": one health check per connection at a time. The result replaces the
//! connection's status in the list (so its card and page update in place), is
//! noted beside the button, and is announced.

use std::collections::{HashMap, HashSet};

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::client::ApiClient;
use crate::app::KeyRefused;
use crate::model::connection::Status;
use crate::model::load_error::LoadError;
use crate::model::load_state::LoadState;

/// The health checks of a page: which are running, what the last one of each said.
#[derive(Clone, Copy)]
pub struct HealthChecks {
    running: RwSignal<HashSet<String>>,
    notes: RwSignal<HashMap<String, String>>,
    run: Callback<String>,
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

    /// Starts a check of `id`, unless one is running.
    pub fn runner(self, id: String) -> Callback<()> {
        Callback::new(move |()| self.run.run(id.clone()))
    }
}

/// Health checks through the `ApiClient` of the context, writing their results into
/// `state`'s list and their announcements into `announce`.
pub fn use_health_checks(
    state: RwSignal<LoadState>,
    announce: WriteSignal<String>,
) -> HealthChecks {
    let client = expect_context::<ApiClient>();
    let KeyRefused(key_refused) = expect_context::<KeyRefused>();
    let running = RwSignal::new(HashSet::<String>::new());
    let notes = RwSignal::new(HashMap::<String, String>::new());
    let run = Callback::new(move |id: String| {
        if !running
            .try_update(|ids| ids.insert(id.clone()))
            .unwrap_or(false)
        {
            return;
        }
        notes.update(|notes| {
            notes.remove(&id);
        });
        let client = client.clone();
        spawn_local(async move {
            let result = client.test(&id).await;
            let name = state
                .try_with_untracked(|s| {
                    s.loaded
                        .as_ref()
                        .and_then(|(list, _)| list.get(&id))
                        .map(|c| c.display_name())
                })
                .flatten()
                .unwrap_or_default();
            let note = match result {
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
                        "Health check passed.".to_owned()
                    } else {
                        format!("Health check failed: status {}.", outcome.status.label())
                    }
                }
                Err(error) if client.refuses_key(&error) => {
                    key_refused.try_run(());
                    return;
                }
                Err(LoadError::Http { status: 404, .. }) => {
                    "This connection no longer exists in this tenant. Refresh to update the list."
                        .to_owned()
                }
                Err(error) => format!("Health check could not run: {}.", error.title()),
            };
            let _ = announce.try_set(format!("{name}: {note}"));
            notes.try_update(|notes| {
                notes.insert(id.clone(), note);
            });
            running.try_update(|ids| {
                ids.remove(&id);
            });
        });
    });
    HealthChecks {
        running,
        notes,
        run,
    }
}
