//! Above the list: when it was last updated (and whether that is out of date), and
//! Refresh.

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use crate::components::icon::Icon;
use crate::model::load_state::LoadState;
use crate::model::relative_time::age;

#[component]
pub fn Toolbar(
    state: RwSignal<LoadState>,
    now: ReadSignal<DateTime<Utc>>,
    on_refresh: Callback<()>,
) -> impl IntoView {
    let out_of_date =
        Signal::derive(move || state.with(|s| s.error.is_some() && s.loaded.is_some()));
    let refreshing = Signal::derive(move || state.with(|s| s.in_flight && s.loaded.is_some()));
    let loaded_at = Signal::derive(move || state.with(|s| s.loaded.as_ref().map(|(_, at)| *at)));
    let updated = move || {
        loaded_at
            .get()
            .map(|at| format!("Updated {}", age(at, now.get())))
    };
    view! {
        <div class="toolbar">
            <span class="toolbar__updated">
                {move || out_of_date.get().then(|| view! { <span class="stale-chip">"Out of date"</span> })}
                {updated}
            </span>
            <button
                type="button"
                class="button button--secondary"
                aria-busy=move || refreshing.get().to_string()
                on:click=move |_| on_refresh.run(())
            >
                <span class="refresh-icon" class:refresh-icon--spinning=move || refreshing.get()>
                    <Icon name="refresh" />
                </span>
                "Refresh"
            </button>
        </div>
    }
}
