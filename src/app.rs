//! The application shell: skip link, top bar and the page.

use leptos::prelude::*;

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
                    <svg class="brand__mark" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
                        <rect x="2" y="2" width="20" height="20" rx="6" fill="var(--accent)" />
                        <path d="M7 16V8l5 5 5-5v8" fill="none" stroke="var(--on-accent)" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
                    </svg>
                    "MCP Console"
                </span>
            </div>
        </header>
        <main id="main" class="page" tabindex="-1">
            <ConnectionsPage />
        </main>
    }
}
