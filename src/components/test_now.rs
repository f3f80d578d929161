//! "Test now": the button that runs a connection's health check, "Testing…" with a
//! spinning icon while it runs, and the note of what the last check said, which
//! describes the button. The same on a card and on a connection's page.

use leptos::prelude::*;

use super::icon::Icon;
use super::unique_id;

#[component]
pub fn TestNow(
    /// A health check of the connection is running.
    #[prop(into)]
    testing: Signal<bool>,
    /// What the last health check said, if anything worth saying.
    #[prop(into)]
    note: Signal<Option<String>>,
    /// "Test now" was pressed.
    on_test: Callback<()>,
    /// On its own (a connection's page): the button is `aria-busy` while a check
    /// runs, and the note is a status region. Off in a card, which is `aria-busy`
    /// itself while its check runs, and whose results the list page's live region
    /// announces with the connection's name.
    #[prop(optional)]
    standalone: bool,
) -> impl IntoView {
    let note_id = unique_id("test-note");
    view! {
        <button
            type="button"
            class="button button--secondary button--small"
            aria-describedby=note_id.clone()
            aria-busy=move || standalone.then(|| testing.get().to_string())
            on:click=move |_| on_test.run(())
        >
            <span class="refresh-icon" class:refresh-icon--spinning=move || testing.get()>
                <Icon name="refresh" />
            </span>
            {move || if testing.get() { "Testing…" } else { "Test now" }}
        </button>
        <p class="card__note" id=note_id role=standalone.then_some("status")>
            {move || note.get()}
        </p>
    }
}
