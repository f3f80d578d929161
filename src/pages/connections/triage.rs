//! Below the filters: "Test all shown" and "Export" of the view as it is shown
//! (filter, search and sort), and the progress of a run of checks.

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use crate::components::connection_feed::FeedRows;
use crate::components::export_buttons::ExportButtons;
use crate::components::test_all::TestAll;
use crate::components::test_run_progress::TestRunProgress;
use crate::hooks::use_export::UseExportReturn;
use crate::hooks::use_test_run::UseTestRunReturn;

#[component]
pub fn Triage(
    rows: Memo<FeedRows>,
    test_run: UseTestRunReturn,
    export: UseExportReturn,
    now: ReadSignal<DateTime<Utc>>,
) -> impl IntoView {
    let count = Signal::derive(move || rows.with(FeedRows::len));
    let running = Signal::derive(move || {
        test_run
            .run
            .with(|r| r.as_ref().is_some_and(|r| !r.is_over()))
    });
    let has_run = Memo::new(move |_| test_run.run.with(Option::is_some));
    let start = Callback::new(move |()| {
        let ids = rows.with_untracked(|rows| {
            (0..rows.len())
                .filter_map(|row| rows.id(row).map(str::to_owned))
                .collect()
        });
        test_run.start.run(ids);
    });
    view! {
        <div class="triage">
            <TestAll count running on_start=start />
            <ExportButtons busy=export.busy message=export.message count on_export=export.export />
        </div>
        // A memo above the closure: the progress is built once per run, not per result.
        {move || {
            has_run
                .get()
                .then(|| {
                    view! {
                        <TestRunProgress run=test_run.run now on_cancel=test_run.cancel on_close=test_run.dismiss />
                    }
                })
        }}
    }
}
