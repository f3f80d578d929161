//! "Test all shown": the button, and the question it asks first when the run would
//! be long (`model::test_run::CONFIRM_ABOVE`).

use leptos::html;
use leptos::prelude::*;

use crate::model::test_run::CONFIRM_ABOVE;

#[component]
pub fn TestAll(
    /// Connections shown: the run's size.
    #[prop(into)]
    count: Signal<usize>,
    /// A run is under way: the button waits for it.
    #[prop(into)]
    running: Signal<bool>,
    /// The run is wanted (confirmed, when it had to be).
    on_start: Callback<()>,
) -> impl IntoView {
    let asking = RwSignal::new(None::<usize>);
    let confirm_ref = NodeRef::<html::Button>::new();
    let button_ref = NodeRef::<html::Button>::new();
    let press = move |_| {
        let count = count.get_untracked();
        if count > CONFIRM_ABOVE {
            asking.set(Some(count));
            // The question appears with this click; its button takes the focus next.
            request_animation_frame(move || {
                if let Some(button) = confirm_ref.get_untracked() {
                    let _ = button.focus();
                }
            });
        } else {
            on_start.run(());
        }
    };
    let answer = move |go: bool| {
        asking.set(None);
        if go {
            on_start.run(());
        }
        if let Some(button) = button_ref.get_untracked() {
            let _ = button.focus();
        }
    };
    view! {
        <button
            type="button"
            class="button button--secondary"
            node_ref=button_ref
            disabled=move || running.get() || count.get() == 0
            on:click=press
        >
            {move || format!("Test all shown ({})", count.get())}
        </button>
        {move || {
            asking
                .get()
                .map(|n| {
                    view! {
                        <div class="confirm" role="group" aria-label="Confirm the health checks">
                            <p class="confirm__question">
                                {format!(
                                    "Test {n} connections? This runs {n} live health checks against their servers, 4 at a time.",
                                )}
                            </p>
                            <button
                                type="button"
                                class="button button--small"
                                node_ref=confirm_ref
                                on:click=move |_| answer(true)
                            >
                                {format!("Test {n}")}
                            </button>
                            <button
                                type="button"
                                class="button button--secondary button--small"
                                on:click=move |_| answer(false)
                            >
                                "Don't test"
                            </button>
                        </div>
                    }
                })
        }}
    }
}
