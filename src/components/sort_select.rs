//! The order of the list.

use leptos::prelude::*;

use crate::model::sort::SortOrder;

#[component]
pub fn SortSelect(
    #[prop(into)] selected: Signal<SortOrder>,
    on_select: Callback<SortOrder>,
) -> impl IntoView {
    let options = SortOrder::ALL
        .into_iter()
        .map(|order| view! { <option value=order.query_value()>{order.label()}</option> })
        .collect_view();
    view! {
        <div class="sort">
            <label class="sort__label" for="sort">
                "Sort"
            </label>
            <select
                id="sort"
                class="sort__select"
                prop:value=move || selected.get().query_value()
                on:change=move |event| {
                    if let Some(order) = SortOrder::from_query_value(&event_target_value(&event)) {
                        on_select.run(order);
                    }
                }
            >
                {options}
            </select>
        </div>
    }
}
