//! The Cards / Compact switch: a toggle button per layout, the one on screen
//! pressed.

use leptos::prelude::*;

use crate::model::list_layout::ListLayout;

#[component]
pub fn LayoutSwitch(
    #[prop(into)] selected: Signal<ListLayout>,
    on_select: Callback<ListLayout>,
) -> impl IntoView {
    let buttons = ListLayout::ALL.map(|layout| {
        view! {
            <button
                type="button"
                class="switch__option"
                aria-pressed=move || (selected.get() == layout).to_string()
                on:click=move |_| on_select.run(layout)
            >
                {layout.label()}
            </button>
        }
    });
    view! {
        <div class="switch">
            <span class="switch__label" id="layout-label">
                "Layout"
            </span>
            <div class="switch__options" role="group" aria-labelledby="layout-label">
                {buttons}
            </div>
        </div>
    }
}
