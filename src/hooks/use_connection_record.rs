//! A connection's own record, for its page: asked of the API in the background when
//! the page opens (the list's copy shows at once), again after a health check of
//! it, and on Retry. Whichever news is newer wins: a change of the list's copy after
//! the answer replaces the answer. A 404 means the tenant has no such connection.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::client::ApiClient;
use crate::app::KeyRefused;
use crate::model::connection::Connection;
use crate::model::load_error::LoadError;

/// What `use_connection_record` gives the page.
#[derive(Clone, Copy)]
pub struct UseConnectionRecordReturn {
    /// The connection as shown: the API's answer, or the list's copy.
    pub shown: Memo<Option<Connection>>,
    /// The API says the tenant has no such connection.
    pub not_found: Signal<bool>,
    /// Why the record could not be asked for (other than a 404).
    pub failure: Memo<Option<LoadError>>,
    /// Forgets the answer and asks again.
    pub retry: Callback<()>,
}

/// The record of `id` through the `ApiClient` of the context, beside `listed`, the
/// list's copy; asked again when `testing` ends. `on_retried` runs when the answer
/// to a Retry arrives. A 401 for the key goes to the `KeyRefused` of the context.
pub fn use_connection_record(
    id: String,
    listed: Memo<Option<Connection>>,
    testing: Signal<bool>,
    on_retried: Callback<()>,
) -> UseConnectionRecordReturn {
    let client = expect_context::<ApiClient>();
    let KeyRefused(on_unauthorized) = expect_context::<KeyRefused>();
    let fetched = RwSignal::new(None::<Result<Connection, LoadError>>);
    let fetching = StoredValue::new(false);
    // Set by Retry, whose answer `on_retried` hears of.
    let refocus = StoredValue::new(false);
    let fetch = {
        let id = id.clone();
        move || {
            if fetching.get_value() {
                return;
            }
            fetching.set_value(true);
            let id = id.clone();
            let client = client.clone();
            spawn_local(async move {
                let result = client.get(&id).await;
                if result.as_ref().err().is_some_and(|e| client.refuses_key(e)) {
                    on_unauthorized.try_run(());
                    return;
                }
                let _ = fetched.try_set(Some(result));
                fetching.try_set_value(false);
                if refocus.try_get_value() == Some(true) {
                    refocus.set_value(false);
                    on_retried.run(());
                }
            });
        }
    };
    fetch();
    // A change of the list's copy after the answer is newer news than the answer.
    Effect::new(move |ran: Option<()>| {
        let has_copy = listed.with(Option::is_some);
        if ran.is_some() && has_copy && fetched.with_untracked(|f| matches!(f, Some(Ok(_)))) {
            fetched.set(None);
        }
    });
    // After a health check, ask for the whole record again: the check may have
    // changed more than the status.
    {
        let fetch = fetch.clone();
        Effect::new(move |was_testing: Option<bool>| {
            let is_testing = testing.get();
            if was_testing == Some(true) && !is_testing {
                fetch();
            }
            is_testing
        });
    }

    let shown = Memo::new(move |_| match fetched.get() {
        Some(Ok(connection)) => Some(connection),
        _ => listed.get(),
    });
    let not_found = Signal::derive(move || {
        fetched.with(|f| matches!(f, Some(Err(LoadError::Http { status: 404, .. }))))
    });
    let failure = Memo::new(move |_| match fetched.get() {
        Some(Err(error)) if !matches!(error, LoadError::Http { status: 404, .. }) => Some(error),
        _ => None,
    });
    let retry = Callback::new(move |()| {
        refocus.set_value(true);
        fetched.set(None);
        fetch();
    });
    UseConnectionRecordReturn {
        shown,
        not_found,
        failure,
        retry,
    }
}
