//! A view whose code may arrive later: in the release build a connection's page is a
//! wasm module of its own, fetched the first time it is needed
//! (`pages::connection_detail::connection_page`). Until the view is there the host
//! says it is loading; when its code cannot be fetched (offline, say) it says so,
//! with Retry and the way back, and the rest of the console keeps working.

use std::any::Any;
use std::future::Future;

use leptos::either::Either;
use leptos::html;
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::spawn_local_scoped_with_cancellation;

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
#[component]
pub fn Deferred<F, Fut>(
    load: F,
    what: &'static str,
    on_shown: Callback<()>,
    #[prop(into)] back: Signal<String>,
) -> impl IntoView
where
    F: Fn() -> Fut + 'static,
    Fut: Future<Output = Result<AnyView, CodeNotLoaded>> + 'static,
{
    let host = NodeRef::<html::Div>::new();
    let phase = RwSignal::new(Phase::Loading);
    // The view's signals and effects live in this owner, a child of the caller's, so
    // they go when the caller goes.
    let owner = Owner::new();
    let mounted = StoredValue::new_local(None::<Box<dyn Any>>);
    on_cleanup(move || {
        let _ = mounted.try_set_value(None);
    });
    let attempt = move || {
        let loading = load();
        owner.with(|| {
            spawn_local_scoped_with_cancellation(async move {
                let Ok(view) = loading.await else {
                    let _ = phase.try_set(Phase::Failed);
                    return;
                };
                // Polled after the host was mounted, so it is there unless the
                // caller went meanwhile.
                let Some(host) = host.try_get_untracked().flatten() else {
                    return;
                };
                let handle = mount_to(host.into(), move || view);
                let _ = mounted.try_set_value(Some(Box::new(handle)));
                let _ = phase.try_set(Phase::Shown);
                on_shown.try_run(());
            });
        });
    };
    attempt();
    let attempt = StoredValue::new_local(attempt);
    let status = move || match phase.get() {
        Phase::Shown => None,
        Phase::Loading => Some(Either::Left(view! {
            <p class="loading__text" role="status">{format!("Loading {what}…")}</p>
        })),
        // Retry keeps this panel (and focus on its button) until the view is there.
        Phase::Failed => Some(Either::Right(view! {
            <div class="alert" role="alert">
                <div class="alert__body">
                    // It stands for the whole page, whose heading it takes.
                    <h1 class="alert__title">{format!("The code of {what} could not be fetched")}</h1>
                    <p class="alert__advice">
                        "Check your network connection, then retry. The list of connections still works."
                    </p>
                </div>
                <button type="button" class="button" on:click=move |_| attempt.with_value(|attempt| attempt())>
                    "Retry"
                </button>
                <a class="back-link" href=move || back.get() data-nav="back">"← All connections"</a>
            </div>
        })),
    };
    view! {
        {status}
        <div node_ref=host></div>
    }
}
