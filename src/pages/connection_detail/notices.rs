//! What a connection's page says instead of, or above, the connection.

use leptos::prelude::*;

use crate::components::follow_link;
use crate::model::load_error::LoadError;

/// The API could not be asked again; the list's copy is on screen.
#[component]
pub fn RefreshFailed(error: LoadError, on_retry: Callback<()>) -> impl IntoView {
    view! {
        <div class="notice" role="status">
            <p>
                {format!("Could not refresh this connection: {}. Showing the copy from the list.", error.title())}
            </p>
            <button type="button" class="button button--secondary button--small" on:click=move |_| on_retry.run(())>
                "Retry"
            </button>
        </div>
    }
}

/// The API has no such connection in this tenant.
#[component]
pub fn NotFound(id: String, back_href: Signal<String>, on_back: Callback<()>) -> impl IntoView {
    view! {
        <div class="empty" role="alert">
            <h1 class="empty__title" tabindex="-1">"Connection not found"</h1>
            <p>
                "No MCP connection with the ID " <code class="connection-id"><bdi>{id}</bdi></code>
                " exists in this tenant. It may have been removed, or the link may be incomplete."
            </p>
            <a class="button" href=move || back_href.get() on:click=follow_link(on_back)>
                "Back to all connections"
            </a>
        </div>
    }
}
