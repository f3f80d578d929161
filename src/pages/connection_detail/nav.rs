//! Above a connection's page: the way back to the list, and previous / next within
//! the list's rows.

use leptos::either::Either;
use leptos::prelude::*;

use super::Place;
use crate::components::follow_link;
use crate::model::route::Route;

/// Back to the list, and previous / next within it.
#[component]
pub fn DetailNav(
    place: Signal<Option<Place>>,
    back_href: Signal<String>,
    on_back: Callback<()>,
    on_open: Callback<String>,
) -> impl IntoView {
    let step = move |id: Option<String>, label: &'static str, key: &'static str| {
        let path = id.clone().and_then(|id| Route::Connection(id).path());
        match (path, id) {
            (Some(path), Some(id)) => Either::Left(view! {
                <a
                    class="button button--secondary button--small"
                    href=path
                    aria-keyshortcuts=key
                    on:click=follow_link(Callback::new(move |()| on_open.run(id.clone())))
                >
                    {label} " " <kbd>{key}</kbd>
                </a>
            }),
            _ => Either::Right(view! {
                <span class="button button--secondary button--small button--disabled" aria-disabled="true">
                    {label} " " <kbd>{key}</kbd>
                </span>
            }),
        }
    };
    view! {
        <nav class="detail-nav" aria-label="Connection">
            <a class="back-link" href=move || back_href.get() on:click=follow_link(on_back)>
                "← All connections"
            </a>
            {move || {
                place
                    .get()
                    .map(|place| {
                        view! {
                            <div class="detail-nav__steps">
                                <span class="detail-nav__place">
                                    {format!("{} of {}", place.row, place.rows)}
                                </span>
                                {step(place.previous, "Previous", "K")}
                                {step(place.next, "Next", "J")}
                            </div>
                        }
                    })
            }}
        </nav>
    }
}
