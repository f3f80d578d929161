//! A run of "Test all shown" as it goes: a progress bar with done out of total,
//! passed and still failing, a pause or the summary, and Cancel (Close once over).

use chrono::{DateTime, Utc};
use leptos::either::Either;
use leptos::prelude::*;

use super::unique_id;
use crate::model::test_run::TestRun;

#[component]
pub fn TestRunProgress(
    /// The run, as it is now (nothing shows without one).
    #[prop(into)]
    run: Signal<Option<TestRun>>,
    /// The page's clock, for the pause's countdown.
    #[prop(into)]
    now: Signal<DateTime<Utc>>,
    on_cancel: Callback<()>,
    on_close: Callback<()>,
) -> impl IntoView {
    let label_id = unique_id("test-run");
    let (title_id, bar_label) = (label_id.clone(), label_id.clone());
    let read = move |f: fn(&TestRun) -> usize| run.with(|r| r.as_ref().map_or(0, f));
    let over = Memo::new(move |_| run.with(|r| r.as_ref().is_none_or(TestRun::is_over)));
    let stopping =
        Signal::derive(move || run.with(|r| r.as_ref().is_some_and(|r| r.end().is_some())));
    view! {
        <section class="test-run" aria-labelledby=label_id aria-busy=move || (!over.get()).to_string()>
            <h2 class="test-run__title" id=title_id>"Testing the connections shown"</h2>
            <progress
                class="test-run__bar"
                aria-labelledby=bar_label
                max=move || read(TestRun::total).max(1).to_string()
                value=move || read(TestRun::done).to_string()
            ></progress>
            <p class="test-run__counts">{move || run.with(|r| r.as_ref().map(TestRun::progress_text))}</p>
            // Not a live region: the countdown changes each second. The page announces
            // the pause and the end (`use_test_run`).
            <p class="test-run__state">
                {move || run.with(|r| r.as_ref().and_then(|r| r.state_text(now.get())))}
            </p>
            {move || {
                if over.get() {
                    Either::Left(view! {
                        <button type="button" class="button button--secondary button--small" on:click=move |_| on_close.run(())>
                            "Close"
                        </button>
                    })
                } else {
                    Either::Right(view! {
                        <button
                            type="button"
                            class="button button--secondary button--small"
                            disabled=move || stopping.get()
                            on:click=move |_| on_cancel.run(())
                        >
                            "Cancel"
                        </button>
                    })
                }
            }}
        </section>
    }
}
