//! Where the instructions last reviewed are kept: IndexedDB (through the `idb`
//! crate), one record per connection, keyed by API base URL, tenant and id, so
//! that each API and tenant has its own. The whole text is kept for the diff; 50,000
//! records of 400 bytes are about 25 MB, which IndexedDB holds where
//! `localStorage` (5 MB) could not. Reading and writing go in slices with a task
//! between them, so neither blocks the page.

use chrono::DateTime;
use idb::{
    Database, DatabaseEvent, Factory, KeyPath, KeyRange, ObjectStoreParams, Query, TransactionMode,
};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsValue;

use crate::model::instructions_review::{ReviewBook, Reviewed};
use crate::platform;

const DATABASE: &str = "mcp-console";
const STORE: &str = "reviewed-instructions";
/// Records converted or written between two yields to the browser.
const SLICE: usize = 2_000;

/// Why this browser keeps nothing, in words for the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unavailable(pub String);

impl Unavailable {
    fn from(error: idb::Error) -> Self {
        Unavailable(error.to_string())
    }
}

pub struct ReviewStore {
    database: Database,
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
        let factory = Factory::new().map_err(Unavailable::from)?;
        let mut request = factory.open(DATABASE, Some(1)).map_err(Unavailable::from)?;
        request.on_upgrade_needed(|event| {
            if let Ok(database) = event.database() {
                let mut params = ObjectStoreParams::new();
                params.key_path(Some(KeyPath::new_array(["api", "tenant", "id"])));
                let _ = database.create_object_store(STORE, params);
            }
        });
        let database = request.await.map_err(Unavailable::from)?;
        Ok(ReviewStore { database, api })
    }

    /// Every record of this API.
    pub async fn load(&self) -> Result<ReviewBook, Unavailable> {
        let transaction = self
            .database
            .transaction(&[STORE], TransactionMode::ReadOnly)
            .map_err(Unavailable::from)?;
        let store = transaction.object_store(STORE).map_err(Unavailable::from)?;
        // [api] sorts before every [api, tenant, id], and [api, []] after them: an
        // array key is greater than any string.
        let lower = Array::of1(&JsValue::from_str(&self.api));
        let upper = Array::of2(&JsValue::from_str(&self.api), &Array::new());
        let range = KeyRange::bound(&lower, &upper, None, None).map_err(Unavailable::from)?;
        let values = store
            .get_all(Some(Query::KeyRange(range)), None)
            .map_err(Unavailable::from)?
            .await
            .map_err(Unavailable::from)?;
        let mut book = ReviewBook::default();
        for slice in values.chunks(SLICE) {
            for value in slice {
                if let Some(entry) = entry(value) {
                    book.insert(entry);
                }
            }
            platform::next_task().await;
        }
        Ok(book)
    }

    /// Stores the entries, a slice per transaction.
    pub async fn save(&self, entries: &[Reviewed]) -> Result<(), Unavailable> {
        for slice in entries.chunks(SLICE) {
            let transaction = self
                .database
                .transaction(&[STORE], TransactionMode::ReadWrite)
                .map_err(Unavailable::from)?;
            let store = transaction.object_store(STORE).map_err(Unavailable::from)?;
            for entry in slice {
                // The requests end with their transaction, which is awaited below.
                let _ = store
                    .put(&record(&self.api, entry), None)
                    .map_err(Unavailable::from)?;
            }
            transaction.await.map_err(Unavailable::from)?;
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
