//! "Export CSV" and "Export JSON" of the rows shown, "Exporting…" while a file is
//! written, and how the last export went (a status region).

use leptos::prelude::*;

use crate::model::export::ExportFormat;

#[component]
pub fn ExportButtons(
    /// The export being written, if any.
    #[prop(into)]
    busy: Signal<Option<ExportFormat>>,
    /// How the last export went.
    #[prop(into)]
    message: Signal<Option<String>>,
    /// Rows shown: nothing to export without any.
    #[prop(into)]
    count: Signal<usize>,
    on_export: Callback<ExportFormat>,
) -> impl IntoView {
    let button = move |format: ExportFormat| {
        view! {
            <button
                type="button"
                class="button button--secondary"
                aria-busy=move || (busy.get() == Some(format)).to_string()
                disabled=move || busy.get().is_some() || count.get() == 0
                on:click=move |_| on_export.run(format)
            >
                {move || {
                    if busy.get() == Some(format) {
                        format!("Exporting {}…", format.label())
                    } else {
                        format!("Export {}", format.label())
                    }
                }}
            </button>
        }
    };
    view! {
        {button(ExportFormat::Csv)}
        {button(ExportFormat::Json)}
        <p class="triage__message" role="status">{move || message.get()}</p>
    }
}
