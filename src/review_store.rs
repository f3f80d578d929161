//! Where the instructions last reviewed are kept: IndexedDB (through web-sys; see
//! ARCHITECTURE.md for why not a crate), keyed by API base URL, tenant and id, so
//! that each API and tenant has its own. Two stores: the baselines (a fingerprint
//! and when a change was noticed), all read at start, and the texts, read one at
//! a time for a diff. 50,000 texts of 400 bytes are about 25 MB, which IndexedDB
//! holds where `localStorage` (5 MB) could not. Reading and writing go in slices
//! with a task between them, so neither blocks the page.

use chrono::DateTime;
use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    IdbDatabase, IdbKeyRange, IdbObjectStoreParameters, IdbRequest, IdbTransaction,
    IdbTransactionMode,
};

use crate::model::connection::Connection;
use crate::model::instructions_review::{Baseline, Fingerprint, ReviewBook, Write};
use crate::platform;

const DATABASE: &str = "mcp-console";
/// Version 1 kept the texts in the baselines' records; their records have no
/// fingerprint and read as never seen.
const VERSION: u32 = 2;
const BASELINES: &str = "reviewed-instructions";
const TEXTS: &str = "reviewed-texts";
/// Records converted or written between two yields to the browser.
const SLICE: usize = 2_000;

/// Why this browser keeps nothing, in words for the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unavailable(pub String);

impl From<JsValue> for Unavailable {
    fn from(error: JsValue) -> Self {
        let message = error
            .dyn_ref::<js_sys::Error>()
            .map(|error| String::from(error.message()))
            .filter(|message| !message.is_empty());
        Unavailable(message.unwrap_or_else(|| "IndexedDB failed".to_owned()))
    }
}

/// Waits for a request (or transaction) to end: `on_success` resolves, `on_error`
/// (and `on_abort`) rejects; what failed is then read from `error`.
async fn ended(
    listen: impl FnOnce(&Function, &Function),
    error: impl FnOnce() -> Option<JsValue>,
) -> Result<(), Unavailable> {
    let mut listen = Some(listen);
    let promise = Promise::new(&mut |resolve, reject| {
        if let Some(listen) = listen.take() {
            listen(&resolve, &reject);
        }
    });
    match JsFuture::from(promise).await {
        Ok(_) => Ok(()),
        Err(_) => Err(error().map_or_else(
            || Unavailable("IndexedDB failed".to_owned()),
            Unavailable::from,
        )),
    }
}

async fn request_done(request: &IdbRequest) -> Result<JsValue, Unavailable> {
    ended(
        |resolve, reject| {
            request.set_onsuccess(Some(resolve));
            request.set_onerror(Some(reject));
        },
        || request.error().ok().flatten().map(JsValue::from),
    )
    .await?;
    Ok(request.result()?)
}

async fn transaction_done(transaction: &IdbTransaction) -> Result<(), Unavailable> {
    ended(
        |resolve, reject| {
            transaction.set_oncomplete(Some(resolve));
            transaction.set_onerror(Some(reject));
            transaction.set_onabort(Some(reject));
        },
        || transaction.error().map(JsValue::from),
    )
    .await
}

pub struct ReviewStore {
    database: IdbDatabase,
    /// The API base URL of every record this store reads and writes.
    api: String,
}

impl ReviewStore {
    /// Opens the database (creating it the first time). `api` is the API base URL,
    /// resolved against the page's origin when it is the same origin ("").
    pub async fn open(api: &str) -> Result<Self, Unavailable> {
        let api = if api.is_empty() {
            platform::origin()
        } else {
            api.to_owned()
        };
        let factory = web_sys::window()
            .ok_or_else(|| Unavailable("no window".to_owned()))?
            .indexed_db()?
            .ok_or_else(|| Unavailable("this browser has no IndexedDB".to_owned()))?;
        let request = factory.open_with_u32(DATABASE, VERSION)?;
        let opened = request.clone();
        let upgrade = Closure::once_into_js(move || {
            if let Some(database) = opened
                .result()
                .ok()
                .and_then(|r| r.dyn_into::<IdbDatabase>().ok())
            {
                let params = IdbObjectStoreParameters::new();
                let key_path: Array = ["api", "tenant", "id"]
                    .iter()
                    .map(|k| JsValue::from_str(k))
                    .collect();
                params.set_key_path(&key_path);
                let names = database.object_store_names();
                for store in [BASELINES, TEXTS] {
                    if !names.contains(store) {
                        // A store that cannot be created fails the first
                        // transaction on it, which says why.
                        let _ =
                            database.create_object_store_with_optional_parameters(store, &params);
                    }
                }
            }
        });
        request.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
        let database = request_done(&request).await?.dyn_into::<IdbDatabase>()?;
        Ok(ReviewStore { database, api })
    }

    fn key(&self, connection: &Connection) -> Object {
        let object = Object::new();
        let set = |key: &str, value: &str| {
            let _ = Reflect::set(&object, &JsValue::from_str(key), &JsValue::from_str(value));
        };
        set("api", &self.api);
        set("tenant", &connection.tenant_id);
        set("id", &connection.id);
        object
    }

    /// Every baseline of this API.
    pub async fn load(&self) -> Result<ReviewBook, Unavailable> {
        let transaction = self
            .database
            .transaction_with_str_and_mode(BASELINES, IdbTransactionMode::Readonly)?;
        let store = transaction.object_store(BASELINES)?;
        // [api] sorts before every [api, tenant, id], and [api, []] after them: an
        // array key is greater than any string.
        let lower = Array::of1(&JsValue::from_str(&self.api));
        let upper = Array::of2(&JsValue::from_str(&self.api), &Array::new());
        let range = IdbKeyRange::bound(&lower, &upper)?;
        let values: Array = request_done(&store.get_all_with_key(&range)?)
            .await?
            .unchecked_into();
        let mut book = ReviewBook::default();
        let total = values.length();
        let mut at = 0;
        while at < total {
            let end = total.min(at + SLICE as u32);
            for index in at..end {
                if let Some((tenant, id, baseline)) = baseline(&values.get(index)) {
                    book.insert(&tenant, &id, baseline);
                }
            }
            at = end;
            platform::next_task().await;
        }
        Ok(book)
    }

    /// The text last reviewed of a connection: `Some(None)` when it was null,
    /// `None` when none is stored.
    pub async fn text(
        &self,
        connection: &Connection,
    ) -> Result<Option<Option<String>>, Unavailable> {
        let transaction = self
            .database
            .transaction_with_str_and_mode(TEXTS, IdbTransactionMode::Readonly)?;
        let store = transaction.object_store(TEXTS)?;
        let key: Array = [&self.api, &connection.tenant_id, &connection.id]
            .iter()
            .map(|k| JsValue::from_str(k))
            .collect();
        let record = request_done(&store.get(&key)?).await?;
        if record.is_undefined() {
            return Ok(None);
        }
        Ok(Some(
            Reflect::get(&record, &JsValue::from_str("text"))?.as_string(),
        ))
    }

    /// Stores the writes for `connections`, a slice per transaction.
    pub async fn save(
        &self,
        connections: &[Connection],
        writes: &[Write],
    ) -> Result<(), Unavailable> {
        let stores = Array::of2(&JsValue::from_str(BASELINES), &JsValue::from_str(TEXTS));
        for slice in writes.chunks(SLICE) {
            let transaction = self
                .database
                .transaction_with_str_sequence_and_mode(&stores, IdbTransactionMode::Readwrite)?;
            let (baselines, texts) = (
                transaction.object_store(BASELINES)?,
                transaction.object_store(TEXTS)?,
            );
            for write in slice {
                let Some(connection) = connections.get(write.index) else {
                    continue;
                };
                // The requests end with their transaction, which is awaited below.
                baselines.put(&self.baseline_record(connection, &write.baseline))?;
                if write.new_text {
                    texts.put(&self.text_record(connection))?;
                }
            }
            transaction_done(&transaction).await?;
            platform::next_task().await;
        }
        Ok(())
    }

    /// `{api, tenant, id, sha256, since}`: the fingerprint's bytes or null for null
    /// instructions, `since` in milliseconds or null.
    fn baseline_record(&self, connection: &Connection, baseline: &Baseline) -> JsValue {
        let record = self.key(connection);
        let set = |key: &str, value: JsValue| {
            let _ = Reflect::set(&record, &JsValue::from_str(key), &value);
        };
        set(
            "sha256",
            baseline
                .text
                .map_or(JsValue::NULL, |f| Uint8Array::from(&f.0[..]).into()),
        );
        set(
            "since",
            baseline
                .changed_since
                .map_or(JsValue::NULL, |at| (at.timestamp_millis() as f64).into()),
        );
        record.into()
    }

    /// `{api, tenant, id, text}`, with null text for null instructions.
    fn text_record(&self, connection: &Connection) -> JsValue {
        let record = self.key(connection);
        let text = connection
            .instructions
            .as_deref()
            .map_or(JsValue::NULL, JsValue::from);
        let _ = Reflect::set(&record, &JsValue::from_str("text"), &text);
        record.into()
    }
}

/// A stored baseline read back; `None` for a record this code did not write.
fn baseline(value: &JsValue) -> Option<(String, String, Baseline)> {
    let get = |key: &str| Reflect::get(value, &JsValue::from_str(key)).ok();
    let (sha256, since) = (get("sha256")?, get("since")?);
    let text = if sha256.is_null() {
        None
    } else {
        let bytes = sha256.dyn_into::<Uint8Array>().ok()?;
        Some(Fingerprint(bytes.to_vec().try_into().ok()?))
    };
    let changed_since = match since.as_f64() {
        Some(ms) => Some(DateTime::from_timestamp_millis(ms as i64)?),
        None => None,
    };
    Some((
        get("tenant")?.as_string()?,
        get("id")?.as_string()?,
        Baseline {
            text,
            changed_since,
        },
    ))
}
