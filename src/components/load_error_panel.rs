//! A failed load: what happened, the API's own message, and Retry.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use web_sys::Element;

use super::dom::{self, DomView};
use super::icon::icon;
use crate::model::load_error::LoadError;
use crate::model::relative_time::{countdown, relative};

/// `showing_since` is when the list still on screen was loaded, for a failed refresh;
/// `retry_at` is when the console tries again by itself; `headline` is the heading
/// when it is not the list that failed.
pub fn load_error_panel(
    error: &LoadError,
    showing_since: Option<DateTime<Utc>>,
    now: Signal<DateTime<Utc>>,
    retry_at: Signal<Option<DateTime<Utc>>>,
    on_retry: Callback<()>,
    headline: Option<&'static str>,
) -> Element {
    let headline = headline.unwrap_or(if showing_since.is_some() {
        "Refresh failed"
    } else {
        "Connections could not be loaded"
    });
    let alert = dom::element("div", "alert");
    dom::set(&alert, "role", "alert");
    dom::append(&alert, &icon("error"));
    let body = dom::add(&alert, "div", "alert__body", "");
    dom::add(&body, "h2", "alert__title", headline);
    dom::add(&body, "p", "alert__what", &error.title());
    if let Some(message) = error.server_message() {
        let said = dom::add(&body, "p", "alert__server", "The API said: ");
        dom::add(&dom::add(&said, "q", "", ""), "bdi", "", message);
    }
    dom::add(&body, "p", "alert__advice", &error.advice());
    if let Some(at) = showing_since {
        let stale = dom::add(&body, "p", "alert__stale", "");
        dom::set(&stale, "aria-live", "off");
        dom::watch_text(&stale, move || {
            format!("Showing the list loaded {}.", relative(at, now.get()))
        });
    }
    let retrying = dom::add(&body, "p", "alert__retry", "");
    dom::set(&retrying, "aria-live", "off");
    dom::watch_text(&retrying, move || {
        retry_at
            .get()
            .map(|at| format!("Trying again in {}.", countdown(at, now.get())))
            .unwrap_or_default()
    });
    dom::add_button(&alert, "button", "Retry", move |_| on_retry.run(()));
    alert
}

/// `load_error_panel` inside a `view!` (a connection's page).
#[component]
pub fn LoadErrorPanel(
    error: LoadError,
    #[prop(into)] now: Signal<DateTime<Utc>>,
    #[prop(into)] retry_at: Signal<Option<DateTime<Utc>>>,
    on_retry: Callback<()>,
    headline: &'static str,
) -> impl IntoView {
    DomView::new(load_error_panel(
        &error,
        None,
        now,
        retry_at,
        on_retry,
        Some(headline),
    ))
}
