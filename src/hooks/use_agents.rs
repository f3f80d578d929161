//! Reading the tenant's agents beside the list: `use_connections` asks for them
//! whenever it loads the list (same key, time limit and schedule), and the list
//! never waits for them. A request still running when the owner goes is dropped,
//! which aborts it.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local_scoped_with_cancellation;

use crate::api::client::ApiClient;
use crate::app::KeyRefused;
use crate::model::agent::AgentList;
use crate::model::load_error::LoadError;

/// What `use_agents` gives the page.
#[derive(Clone, Copy)]
pub struct UseAgentsReturn {
    /// The last agents read: `None` until then, and while the key may not read them.
    pub agents: RwSignal<Option<Arc<AgentList>>>,
    /// Why the last read failed, if it did.
    pub error: RwSignal<Option<LoadError>>,
    /// Reads them now, unless a request is already under way.
    pub load: Callback<()>,
}

/// Reads the agents through the `ApiClient` of the context. A 401 for the key goes
/// to the `KeyRefused` of the context, as the list's does; a 403 (a key without
/// `agents:read`) forgets the agents; other failures keep the last ones.
pub fn use_agents() -> UseAgentsReturn {
    let client = expect_context::<ApiClient>();
    let KeyRefused(key_refused) = expect_context::<KeyRefused>();
    let agents = RwSignal::new(None::<Arc<AgentList>>);
    let error = RwSignal::new(None::<LoadError>);
    let in_flight = StoredValue::new(false);
    let load = Callback::new(move |()| {
        if in_flight.try_get_value().unwrap_or(true) {
            return;
        }
        in_flight.set_value(true);
        let client = client.clone();
        spawn_local_scoped_with_cancellation(async move {
            let result = client.agents().await;
            in_flight.try_set_value(false);
            match result {
                Ok(list) => {
                    // The same agents again change nothing downstream.
                    agents.try_maybe_update(|current| {
                        let changed = current.as_deref() != Some(&list);
                        if changed {
                            *current = Some(Arc::new(list));
                        }
                        (changed, ())
                    });
                    if error.try_with_untracked(Option::is_some) == Some(true) {
                        error.try_set(None);
                    }
                }
                Err(refused) if client.refuses_key(&refused) => {
                    key_refused.try_run(());
                }
                Err(failure) => {
                    if matches!(failure, LoadError::Http { status: 403, .. }) {
                        agents.try_set(None);
                    }
                    error.try_set(Some(failure));
                }
            }
        });
    });
    UseAgentsReturn {
        agents,
        error,
        load,
    }
}
