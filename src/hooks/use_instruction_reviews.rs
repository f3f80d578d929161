//! The instructions last reviewed in this browser, beside the loaded list: once the
//! first list is painted, opens the store and reads its baselines, then compares
//! each loaded list with them (first sights become baselines), a slice per task,
//! and writes what changed in the background. None of it runs before the first
//! card is on screen. "Mark as reviewed" and the text a diff needs go through here.

use std::rc::Rc;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos::task::spawn_local;
use send_wrapper::SendWrapper;

use crate::api::client::ApiClient;
use crate::model::connection::Connection;
use crate::model::instructions_review::{ChangedInstructions, ReviewBook, Write};
use crate::model::list::ConnectionList;
use crate::platform;
use crate::review_store::{ReviewStore, Unavailable};

/// Connections compared between two yields to the browser.
const SLICE: usize = 5_000;

/// Whether the review of instructions works in this browser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReviewState {
    Opening,
    Ready,
    /// No storage: why, in words.
    Unavailable(String),
}

#[derive(Clone, Copy)]
pub struct InstructionReviews {
    pub state: ReadSignal<ReviewState>,
    /// The list's connections whose instructions changed since their review.
    pub changed: ReadSignal<Arc<ChangedInstructions>>,
    set_state: WriteSignal<ReviewState>,
    set_changed: WriteSignal<Arc<ChangedInstructions>>,
    book: StoredValue<ReviewBook>,
    /// Bumped whenever the book changes, for what reads a baseline.
    version: RwSignal<u64>,
    /// Writes under way: a text read meanwhile may not find what they store.
    saving: RwSignal<usize>,
    store: StoredValue<Option<SendWrapper<Rc<ReviewStore>>>>,
}

impl InstructionReviews {
    /// Whether the connection's text is the one last reviewed, once known.
    pub fn unchanged(&self, connection: &Connection) -> Option<bool> {
        self.version.track();
        self.book
            .try_with_value(|book| book.unchanged(connection))
            .flatten()
    }

    /// Whether baselines are being written (tracked).
    pub fn saving(&self) -> bool {
        self.saving.get() > 0
    }

    /// The text last reviewed of a connection, read from the store: `Ok(None)`
    /// when it holds none, `Ok(Some(None))` when it was null.
    pub async fn text(
        &self,
        connection: &Connection,
    ) -> Result<Option<Option<String>>, Unavailable> {
        let store = self
            .store
            .try_get_value()
            .flatten()
            .ok_or_else(|| Unavailable("the review store is not open".to_owned()))?;
        store.text(connection).await
    }

    /// Makes the current text of each connection its baseline.
    pub fn mark_reviewed(&self, connections: Vec<Connection>) {
        if connections.is_empty() {
            return;
        }
        let writes = self
            .book
            .try_update_value(|book| book.mark_reviewed(&connections))
            .unwrap_or_default();
        self.set_changed.update(|changed| {
            let mut left = ChangedInstructions::clone(changed);
            for connection in &connections {
                left.remove(&connection.id);
            }
            *changed = Arc::new(left);
        });
        self.version.update(|v| *v += 1);
        let reviews = *self;
        spawn_local(async move { reviews.save(&connections, &writes).await });
    }

    async fn save(self, connections: &[Connection], writes: &[Write]) {
        let Some(store) = self.store.try_get_value().flatten() else {
            return;
        };
        self.saving.try_update(|n| *n += 1);
        let saved = store.save(connections, writes).await;
        self.saving.try_update(|n| *n = n.saturating_sub(1));
        if let Err(Unavailable(reason)) = saved {
            self.set_state.try_set(ReviewState::Unavailable(reason));
        }
    }
}

pub fn use_instruction_reviews(list: Memo<Option<Arc<ConnectionList>>>) -> InstructionReviews {
    let (state, set_state) = signal(ReviewState::Opening);
    let (changed, set_changed) = signal(Arc::<ChangedInstructions>::default());
    let reviews = InstructionReviews {
        state,
        changed,
        set_state,
        set_changed,
        book: StoredValue::new(ReviewBook::default()),
        version: RwSignal::new(0),
        saving: RwSignal::new(0),
        store: StoredValue::new(None),
    };
    let api = use_context::<ApiClient>()
        .map(|client| client.base_url().to_owned())
        .unwrap_or_default();
    // Reading 50,000 records would compete with the list's download and decoding:
    // it waits until the first list is on screen.
    let first_list = Memo::new(move |_| list.with(Option::is_some));
    Effect::new(move |started: Option<bool>| {
        if started == Some(true) || !first_list.get() {
            return started.unwrap_or(false);
        }
        let api = api.clone();
        spawn_local(async move {
            platform::after_paint().await;
            open(reviews, &api).await;
        });
        true
    });
    Effect::new(move |_| {
        let Some(list) = list.get() else { return };
        if state.with(|s| *s != ReviewState::Ready) {
            return;
        }
        spawn_local(async move {
            platform::after_paint().await;
            compare(reviews, &list, platform::now()).await;
        });
    });
    reviews
}

/// Opens the store and reads this API's records into the book.
async fn open(reviews: InstructionReviews, api: &str) {
    let opened = match ReviewStore::open(api).await {
        Ok(store) => {
            let store = Rc::new(store);
            store.load().await.map(|book| (store, book))
        }
        Err(unavailable) => Err(unavailable),
    };
    match opened {
        Ok((store, book)) => {
            reviews.book.try_set_value(book);
            reviews.store.try_set_value(Some(SendWrapper::new(store)));
            reviews.set_state.try_set(ReviewState::Ready);
        }
        Err(Unavailable(reason)) => {
            reviews.set_state.try_set(ReviewState::Unavailable(reason));
        }
    }
}

/// Compares a loaded list with the book, a slice per task, then shows its changes
/// and stores what is new.
async fn compare(reviews: InstructionReviews, list: &ConnectionList, now: DateTime<Utc>) {
    let connections = list.connections();
    let mut writes = Vec::new();
    for (n, slice) in connections.chunks(SLICE).enumerate() {
        let Some(new) = reviews
            .book
            .try_update_value(|book| book.reconcile(slice, now))
        else {
            return;
        };
        let offset = n * SLICE;
        writes.extend(new.into_iter().map(|write| Write {
            index: offset + write.index,
            ..write
        }));
        platform::next_task().await;
    }
    let Some(changed) = reviews
        .book
        .try_with_value(|book| book.changed(connections))
    else {
        return;
    };
    reviews.set_changed.try_set(changed);
    if !writes.is_empty() {
        reviews.version.try_update(|v| *v += 1);
        reviews.save(connections, &writes).await;
    }
}
