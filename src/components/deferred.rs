//! A view whose code may arrive later: in the release build a connection's page is a
//! wasm module of its own, fetched the first time it is needed
//! (`pages::connection_detail::connection_page`). Until the view is there the host
//! says it is loading; when its code cannot be fetched (offline, say) it says so,
//! with Retry and the way back, and the rest of the console keeps working.

use std::any::Any;
use std::future::Future;

use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::spawn_local_scoped_with_cancellation;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use super::dom;

/// The code of a view could not be fetched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeNotLoaded;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Loading,
    Shown,
    Failed,
}

/// Shows the view `load` yields, once it is ready; `on_shown` runs when it is on
/// screen. `what` names it for the messages ("this connection's page"); `back`
/// (a console link, `data-nav="back"`) is the way out offered when it fails.
pub fn deferred<F, Fut>(
    load: F,
    what: &'static str,
    on_shown: Callback<()>,
    back: Signal<String>,
) -> Element
where
    F: Fn() -> Fut + 'static,
    Fut: Future<Output = Result<AnyView, CodeNotLoaded>> + 'static,
{
    let container = dom::element("div", "");
    let host = dom::element("div", "");
    let phase = RwSignal::new(Phase::Loading);
    // The view's signals and effects live in this owner, a child of the caller's, so
    // they go when the caller goes.
    let owner = Owner::new();
    let mounted = StoredValue::new_local(None::<Box<dyn Any>>);
    on_cleanup(move || {
        let _ = mounted.try_set_value(None);
    });
    let target = host.clone();
    let attempt = move || {
        let loading = load();
        let target = target.clone();
        owner.with(|| {
            spawn_local_scoped_with_cancellation(async move {
                let Ok(view) = loading.await else {
                    let _ = phase.try_set(Phase::Failed);
                    return;
                };
                let Ok(target) = target.dyn_into::<HtmlElement>() else {
                    return;
                };
                let handle = mount_to(target, move || view);
                // The caller went meanwhile: the handle comes back and, dropped,
                // unmounts the view.
                if mounted.try_set_value(Some(Box::new(handle))).is_some() {
                    return;
                }
                let _ = phase.try_set(Phase::Shown);
                on_shown.try_run(());
            });
        });
    };
    attempt();
    let attempt = StoredValue::new_local(attempt);
    let status = dom::rebuilt(
        move || phase.get(),
        move |phase| match phase {
            Phase::Shown => dom::nothing(),
            Phase::Loading => {
                let loading = dom::text_element("p", "loading__text", &format!("Loading {what}…"));
                dom::set(&loading, "role", "status");
                loading.into()
            }
            Phase::Failed => {
                let alert = dom::element("div", "alert");
                dom::set(&alert, "role", "alert");
                let body = dom::add(&alert, "div", "alert__body", "");
                dom::add(
                    &body,
                    "h1",
                    "alert__title",
                    &format!("The code of {what} could not be fetched"),
                );
                dom::add(
                    &body,
                    "p",
                    "alert__advice",
                    "Check your network connection, then retry. The list of connections still works.",
                );
                dom::add_button(&alert, "button", "Retry", move |_| {
                    attempt.with_value(|attempt| attempt())
                });
                let way_back = dom::add(&alert, "a", "back-link", "← All connections");
                dom::set(&way_back, "data-nav", "back");
                dom::watch_attr(&way_back, "href", move || Some(back.get()));
                alert.into()
            }
        },
    );
    dom::append(&container, &status);
    dom::append(&container, &host);
    container
}
