//! The application shell: skip link, top bar and the page.

use leptos::prelude::*;

use crate::components::icon::Icon;
use crate::pages::connections::ConnectionsPage;

#[component]
pub fn App() -> impl IntoView {
    view! {
        <a class="skip-link" href="#main">
            "Skip to content"
        </a>
        <header class="topbar">
            <div class="topbar__inner">
                <span class="brand">
                    <Icon name="brand" />
                    "MCP Console"
                </span>
            </div>
        </header>
        <main id="main" class="page" tabindex="-1">
            <ConnectionsPage />
        </main>
    }
}
