//! Where the instructions last reviewed are kept: IndexedDB (through web-sys; see
//! ARCHITECTURE.md for why not a crate), one record per connection, keyed by API base URL, tenant and id, so
//! that each API and tenant has its own. The whole text is kept for the diff; 50,000
//! records of 400 bytes are about 25 MB, which IndexedDB holds where
//! `localStorage` (5 MB) could not. Reading and writing go in slices with a task
//! between them, so neither blocks the page.

use chrono::DateTime;
use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    IdbDatabase, IdbKeyRange, IdbObjectStoreParameters, IdbRequest, IdbTransaction,
    IdbTransactionMode,
};

use crate::model::instructions_review::{ReviewBook, Reviewed};
use crate::platform;

const DATABASE: &str = "mcp-console";
const STORE: &str = "reviewed-instructions";
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
        let request = factory.open_with_u32(DATABASE, 1)?;
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
                let _ = database.create_object_store_with_optional_parameters(STORE, &params);
            }
        });
        request.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
        let database = request_done(&request).await?.dyn_into::<IdbDatabase>()?;
        Ok(ReviewStore { database, api })
    }

    fn transaction(&self, mode: IdbTransactionMode) -> Result<IdbTransaction, Unavailable> {
        Ok(self.database.transaction_with_str_and_mode(STORE, mode)?)
    }

    /// Every record of this API.
    pub async fn load(&self) -> Result<ReviewBook, Unavailable> {
        let transaction = self.transaction(IdbTransactionMode::Readonly)?;
        let store = transaction.object_store(STORE)?;
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
                if let Some(entry) = entry(&values.get(index)) {
                    book.insert(entry);
                }
            }
            at = end;
            platform::next_task().await;
        }
        Ok(book)
    }

    /// Stores the entries, a slice per transaction.
    pub async fn save(&self, entries: &[Reviewed]) -> Result<(), Unavailable> {
        for slice in entries.chunks(SLICE) {
            let transaction = self.transaction(IdbTransactionMode::Readwrite)?;
            let store = transaction.object_store(STORE)?;
            for entry in slice {
                // The requests end with their transaction, which is awaited below.
                store.put(&record(&self.api, entry))?;
            }
            transaction_done(&transaction).await?;
            platform::next_task().await;
        }
        Ok(())
    }
}

/// An entry as an IndexedDB record: `{api, tenant, id, text, since}`, with null
/// text for null instructions and `since` in milliseconds or null.
fn record(api: &str, entry: &Reviewed) -> JsValue {
    let object = Object::new();
    let set = |key: &str, value: JsValue| {
        let _ = Reflect::set(&object, &JsValue::from_str(key), &value);
    };
    set("api", api.into());
    set("tenant", entry.tenant.as_str().into());
    set("id", entry.id.as_str().into());
    set(
        "text",
        entry.text.as_deref().map_or(JsValue::NULL, JsValue::from),
    );
    set(
        "since",
        entry
            .changed_since
            .map_or(JsValue::NULL, |at| (at.timestamp_millis() as f64).into()),
    );
    object.into()
}

/// A stored record read back; `None` for one this code did not write.
fn entry(value: &JsValue) -> Option<Reviewed> {
    let get = |key: &str| Reflect::get(value, &JsValue::from_str(key)).ok();
    let since = get("since")?;
    Some(Reviewed {
        tenant: get("tenant")?.as_string()?,
        id: get("id")?.as_string()?,
        text: get("text")?.as_string(),
        changed_since: match since.as_f64() {
            Some(ms) => Some(DateTime::from_timestamp_millis(ms as i64)?),
            None => None,
        },
    })
}
