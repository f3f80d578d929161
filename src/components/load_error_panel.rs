//! A failed load: what happened, the API's own message, and Retry.

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use crate::api::LoadError;
use crate::model::relative_time::relative;

/// `showing_since` is when the list still on screen was loaded, for a failed refresh.
#[component]
pub fn LoadErrorPanel(
    error: LoadError,
    showing_since: Option<DateTime<Utc>>,
    #[prop(into)] now: Signal<DateTime<Utc>>,
    on_retry: Callback<()>,
) -> impl IntoView {
    let headline = if showing_since.is_some() {
        "Refresh failed"
    } else {
        "Connections could not be loaded"
    };
    view! {
        <div class="alert" role="alert">
            <svg class="alert__icon" viewBox="0 0 16 16" width="20" height="20" aria-hidden="true" focusable="false">
                <path d="M8 1.3 15.2 14.2H.8z" fill="currentColor" />
                <path d="M8 5.8v4" stroke="var(--surface)" stroke-width="1.8" stroke-linecap="round" />
                <circle cx="8" cy="12.1" r="1" fill="var(--surface)" />
            </svg>
            <div class="alert__body">
                <h2 class="alert__title">{headline}</h2>
                <p class="alert__what">{error.title()}</p>
                {error
                    .server_message()
                    .map(|message| {
                        view! {
                            <p class="alert__server">
                                "The API said: " <q><bdi>{message.to_owned()}</bdi></q>
                            </p>
                        }
                    })}
                <p class="alert__advice">{error.advice()}</p>
                {showing_since
                    .map(|at| {
                        view! {
                            <p class="alert__stale">
                                {move || format!("Showing the list loaded {}.", relative(at, now.get()))}
                            </p>
                        }
                    })}
            </div>
            <button type="button" class="button" on:click=move |_| on_retry.run(())>
                "Retry"
            </button>
        </div>
    }
}
