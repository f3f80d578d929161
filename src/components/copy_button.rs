//! "Copy" for one value: puts the exact text on the clipboard and says "Copied" (or
//! why not) for a moment, in words and to screen readers.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::platform;

/// How long "Copied" stays.
const CONFIRM_FOR: Duration = Duration::from_secs(2);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Copied,
    Refused,
}

#[component]
pub fn CopyButton(
    /// The exact text to copy.
    #[prop(into)]
    text: Signal<String>,
    /// What is copied, in words, for the button's accessible name ("connection ID").
    what: &'static str,
) -> impl IntoView {
    let outcome = RwSignal::new(None::<Outcome>);
    // Each click restarts the moment; an older timer must not end a newer one.
    let clicks = StoredValue::new(0_u32);
    let copy = move |_| {
        let value = text.get_untracked();
        clicks.update_value(|n| *n += 1);
        let click = clicks.get_value();
        spawn_local(async move {
            let copied = platform::copy_text(&value).await;
            let _ = outcome.try_set(Some(if copied {
                Outcome::Copied
            } else {
                Outcome::Refused
            }));
            set_timeout(
                move || {
                    if clicks.try_get_value() == Some(click) {
                        let _ = outcome.try_set(None);
                    }
                },
                CONFIRM_FOR,
            );
        });
    };
    view! {
        <span class="copy">
            <button
                type="button"
                class="button button--secondary button--small copy__button"
                aria-label=format!("Copy {what}")
                on:click=copy
            >
                "Copy"
            </button>
            <span class="copy__status" role="status">
                {move || match outcome.get() {
                    Some(Outcome::Copied) => "Copied",
                    Some(Outcome::Refused) => "Copy failed: select the text and copy it by hand",
                    None => "",
                }}
            </span>
        </span>
    }
}
