//! "Export": the rows shown saved as a file through a Blob URL. CSV is written a
//! batch of rows at a time, yielding to the browser between batches, so 50,000 rows
//! never freeze the page; JSON asks the API for the list again and keeps the shown
//! records' text as it was sent (the console keeps only what it understood).

use std::collections::HashSet;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::client::ApiClient;
use crate::app::KeyRefused;
use crate::components::connection_feed::FeedRows;
use crate::model::csv_export::CsvWriter;
use crate::model::export::{ExportFormat, done_text, json_array};
use crate::platform;

/// The browser gets to paint and handle input after this long of writing…
const SLICE_MS: f64 = 30.0;
/// …checked after every this many rows (reading the clock is a call into JS).
const ROWS_PER_CLOCK_CHECK: usize = 200;

/// What `use_export` gives the page.
#[derive(Clone, Copy)]
pub struct UseExportReturn {
    /// The export being written, if any.
    pub busy: ReadSignal<Option<ExportFormat>>,
    /// How the last export went.
    pub message: ReadSignal<Option<String>>,
    /// Saves the rows shown now in that format, unless an export is under way.
    pub export: Callback<ExportFormat>,
}

pub fn use_export(rows: Memo<FeedRows>) -> UseExportReturn {
    let client = StoredValue::new(expect_context::<ApiClient>());
    let KeyRefused(key_refused) = expect_context::<KeyRefused>();
    let (busy, set_busy) = signal(None::<ExportFormat>);
    let (message, set_message) = signal(None::<String>);
    let export = Callback::new(move |format: ExportFormat| {
        if busy.get_untracked().is_some() {
            return;
        }
        set_busy.set(Some(format));
        set_message.set(None);
        let rows = rows.get_untracked();
        let client = client.get_value();
        spawn_local(async move {
            let file = match format {
                ExportFormat::Csv => Ok(csv_file(&rows).await),
                ExportFormat::Json => json_file(&rows, &client).await,
            };
            let text = match file {
                Ok((parts, missing)) => {
                    let name = format.file_name(platform::now());
                    if platform::download(&parts, format.mime_type(), &name) {
                        done_text(format, rows.len(), missing)
                    } else {
                        "The browser did not save the file. Try again.".to_owned()
                    }
                }
                Err(error) if client.refuses_key(&error) => {
                    key_refused.try_run(());
                    return;
                }
                Err(error) => format!(
                    "Export as {} failed: {}. {}",
                    format.label(),
                    error.title(),
                    error.advice()
                ),
            };
            let _ = set_message.try_set(Some(text));
            let _ = set_busy.try_set(None);
        });
    });
    UseExportReturn {
        busy,
        message,
        export,
    }
}

/// The CSV file's parts, a slice's rows each.
async fn csv_file(rows: &FeedRows) -> (js_sys::Array, usize) {
    let parts = js_sys::Array::new();
    let mut writer = CsvWriter::new();
    let mut slice_started = js_sys::Date::now();
    let connections = rows.list.connections();
    for (row, &position) in rows.positions.iter().enumerate() {
        if let Some(connection) = connections.get(position) {
            writer.push(connection);
        }
        if row % ROWS_PER_CLOCK_CHECK == 0 && js_sys::Date::now() - slice_started >= SLICE_MS {
            parts.push(&writer.take().into());
            platform::next_task().await;
            slice_started = js_sys::Date::now();
        }
    }
    parts.push(&writer.take().into());
    (parts, 0)
}

/// The JSON file: the shown records as the API sends them now, in the rows' order.
async fn json_file(
    rows: &FeedRows,
    client: &ApiClient,
) -> Result<(js_sys::Array, usize), crate::model::load_error::LoadError> {
    let ids = || (0..rows.len()).filter_map(|row| rows.id(row));
    let wanted: HashSet<String> = ids().map(str::to_owned).collect();
    let records = client.records(wanted).await?;
    let (json, missing) = json_array(ids(), records);
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(json.as_bytes()));
    Ok((parts, missing))
}
