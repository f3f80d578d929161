//! A failed load: what happened, the API's own message, and Retry.

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use super::icon::Icon;
use crate::model::load_error::LoadError;
use crate::model::relative_time::{countdown, relative};

/// `showing_since` is when the list still on screen was loaded, for a failed refresh;
/// `retry_at` is when the console tries again by itself.
#[component]
pub fn LoadErrorPanel(
    error: LoadError,
    showing_since: Option<DateTime<Utc>>,
    #[prop(into)] now: Signal<DateTime<Utc>>,
    #[prop(into)] retry_at: Signal<Option<DateTime<Utc>>>,
    on_retry: Callback<()>,
    /// The heading, when it is not the list that failed.
    #[prop(optional)]
    headline: Option<&'static str>,
) -> impl IntoView {
    let retrying = move || {
        retry_at
            .get()
            .map(|at| format!("Trying again in {}.", countdown(at, now.get())))
    };
    let headline = headline.unwrap_or(if showing_since.is_some() {
        "Refresh failed"
    } else {
        "Connections could not be loaded"
    });
    view! {
        <div class="alert" role="alert">
            <Icon name="error" />
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
                            <p class="alert__stale" aria-live="off">
                                {move || format!("Showing the list loaded {}.", relative(at, now.get()))}
                            </p>
                        }
                    })}
                // Ticking text inside an alert would be read out every second.
                <p class="alert__retry" aria-live="off">
                    {retrying}
                </p>
            </div>
            <button type="button" class="button" on:click=move |_| on_retry.run(())>
                "Retry"
            </button>
        </div>
    }
}
