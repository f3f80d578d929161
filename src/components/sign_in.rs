//! Asks for the API key: labelled, hidden by default with Show/Hide, checked for shape
//! before any request is sent.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

use super::dom;
use crate::model::api_key::ApiKey;

/// Constant markup of this file, never data: less wasm than building each node.
const HEADER: &str = "<div><h1 class=\"page__title\">MCP connections</h1><p class=\"page__lede\">Sign in with an API key to see this tenant's MCP servers.</p></div>";
const HELP: &str = "Production keys start with <code>sf_live_v1_</code>, sandbox keys with <code>sf_test_v1_</code>. Create one in the platform under Settings → API keys, with read access to MCP connections; it is shown only once.";

/// `notice` says why the key is asked for again (refused, signed out).
pub fn sign_in(notice: Option<&'static str>, on_key: Callback<ApiKey>) -> Element {
    let shown = RwSignal::new(false);
    let problem = RwSignal::new(None::<&'static str>);
    let screen = dom::element("div", "");
    dom::add(&screen, "div", "page__header", "").set_inner_html(HEADER);
    if let Some(text) = notice {
        dom::set(
            &dom::add(&screen, "p", "notice notice--signin", text),
            "role",
            "alert",
        );
    }
    let form = dom::add(&screen, "form", "signin", "");
    dom::set(&form, "novalidate", "");
    dom::set(
        &dom::add(&form, "label", "signin__label", "API key"),
        "for",
        "api-key",
    );
    let field = dom::add(&form, "div", "signin__field", "");
    let input: HtmlInputElement = dom::add(&field, "input", "signin__input", "").unchecked_into();
    for (name, value) in [
        ("id", "api-key"),
        ("name", "api-key"),
        ("autocomplete", "off"),
        ("autocapitalize", "off"),
        ("spellcheck", "false"),
        ("aria-describedby", "api-key-help api-key-problem"),
    ] {
        dom::set(&input, name, value);
    }
    dom::watch_attr(&input, "type", move || {
        Some(if shown.get() { "text" } else { "password" }.to_owned())
    });
    dom::watch_attr(&input, "aria-invalid", move || {
        Some(problem.get().is_some().to_string())
    });
    dom::on(&input, "input", move |_| problem.set(None));
    let toggle = dom::add_button(&field, "button button--secondary", "", move |_| {
        shown.update(|shown| *shown = !*shown)
    });
    dom::set(&toggle, "aria-controls", "api-key");
    dom::watch_attr(&toggle, "aria-pressed", move || {
        Some(shown.get().to_string())
    });
    dom::watch_text(&toggle, move || {
        if shown.get() { "Hide key" } else { "Show key" }.to_owned()
    });
    let said = dom::add(&form, "p", "signin__problem", "");
    dom::set(&said, "id", "api-key-problem");
    dom::set(&said, "role", "alert");
    dom::watch_text(&said, move || problem.get().unwrap_or_default().to_owned());
    let help = dom::add(&form, "p", "signin__help", "");
    dom::set(&help, "id", "api-key-help");
    help.set_inner_html(HELP);
    dom::set(
        &dom::add(&form, "button", "button", "Sign in"),
        "type",
        "submit",
    );
    dom::add(
        &form,
        "p",
        "signin__privacy",
        "The key stays in this browser tab and is sent only to the platform's API. It is forgotten when you close the tab or sign out.",
    );
    dom::on(&form, "submit", move |event| {
        event.prevent_default();
        match ApiKey::parse(&input.value()) {
            Ok(key) => on_key.run(key),
            Err(error) => {
                problem.set(Some(error.message()));
                let _ = input.focus();
            }
        }
    });
    screen
}
