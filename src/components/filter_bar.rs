//! The status filter: a toggle button per status with its count. "Changed" is left
//! out where the review of instructions is unavailable.

use leptos::prelude::*;

use crate::model::filter::{StatusCounts, StatusFilter};

#[component]
pub fn FilterBar(
    #[prop(into)] counts: Signal<StatusCounts>,
    #[prop(into)] selected: Signal<StatusFilter>,
    on_select: Callback<StatusFilter>,
    /// The agents are known; until then "Unused" is offered only when chosen.
    #[prop(optional, into)]
    agents_known: Signal<bool>,
    /// This browser keeps no reviews: there is nothing to filter by.
    #[prop(optional, into)]
    changed_unavailable: Signal<bool>,
) -> impl IntoView {
    let buttons = StatusFilter::ALL
        .into_iter()
        .map(|filter| {
            view! {
                <button
                    type="button"
                    class=format!("filter filter--{}", filter.query_value().unwrap_or("all"))
                    aria-pressed=move || (selected.get() == filter).to_string()
                    hidden=move || match filter {
                        StatusFilter::Unused => !agents_known.get() && selected.get() != filter,
                        StatusFilter::Changed => changed_unavailable.get(),
                        _ => false,
                    }
                    on:click=move |_| on_select.run(filter)
                >
                    <span class="filter__label">{filter.label()}</span>
                    " "
                    <span class="filter__count">{move || counts.get().get(filter)}</span>
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="filters" role="group" aria-label="Filter by status">
            {buttons}
        </div>
    }
}
