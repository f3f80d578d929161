//! A failed load: what happened, the API's own message, and Retry.

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use super::icon::Icon;
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
