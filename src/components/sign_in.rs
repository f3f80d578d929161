//! Asks for the API key: labelled, hidden by default with Show/Hide, checked for shape
//! before any request is sent.

use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;

use crate::model::api_key::ApiKey;

/// `notice` says why the key is asked for again (refused, signed out).
#[component]
pub fn SignIn(notice: Option<&'static str>, on_key: Callback<ApiKey>) -> impl IntoView {
    let input = NodeRef::<html::Input>::new();
    let (shown, set_shown) = signal(false);
    let (problem, set_problem) = signal(None::<&'static str>);
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        let typed = input.get().map(|field| field.value()).unwrap_or_default();
        match ApiKey::parse(&typed) {
            Ok(key) => on_key.run(key),
            Err(error) => {
                set_problem.set(Some(error.message()));
                if let Some(field) = input.get() {
                    let _ = field.focus();
                }
            }
        }
    };
    view! {
        <div class="page__header">
            <div>
                <h1 class="page__title">"MCP connections"</h1>
                <p class="page__lede">"Sign in with an API key to see this tenant's MCP servers."</p>
            </div>
        </div>
        {notice.map(|text| view! { <p class="notice notice--signin" role="alert">{text}</p> })}
        <form class="signin" on:submit=submit novalidate>
            <label class="signin__label" for="api-key">
                "API key"
            </label>
            <div class="signin__field">
                <input
                    id="api-key"
                    name="api-key"
                    class="signin__input"
                    type=move || if shown.get() { "text" } else { "password" }
                    autocomplete="off"
                    autocapitalize="off"
                    spellcheck="false"
                    aria-describedby="api-key-help api-key-problem"
                    aria-invalid=move || problem.get().is_some().to_string()
                    node_ref=input
                    on:input=move |_| set_problem.set(None)
                />
                <button
                    type="button"
                    class="button button--secondary"
                    aria-pressed=move || shown.get().to_string()
                    aria-controls="api-key"
                    on:click=move |_| set_shown.update(|shown| *shown = !*shown)
                >
                    {move || if shown.get() { "Hide key" } else { "Show key" }}
                </button>
            </div>
            <p class="signin__problem" id="api-key-problem" role="alert">
                {move || problem.get()}
            </p>
            <p class="signin__help" id="api-key-help">
                "Production keys start with " <code>"sf_live_v1_"</code> ", sandbox keys with "
                <code>"sf_test_v1_"</code>
                ". Create one in the platform under Settings → API keys, with read access to MCP connections; it is shown only once."
            </p>
            <button type="submit" class="button">
                "Sign in"
            </button>
            <p class="signin__privacy">
                "The key stays in this browser tab and is sent only to the platform's API. It is forgotten when you close the tab or sign out."
            </p>
        </form>
    }
}
