//! The only code that talks HTTP, through `gloo_net::http`: the API (with the key
//! or the session cookie, a time limit, and offline detection) and the console's own
//! `config.json`. Everything it receives goes through `decode`.

use std::cell::Cell;
use std::collections::{HashMap, HashSet};
use std::future::IntoFuture;
use std::pin::Pin;
use std::rc::Rc;
use std::time::Duration;

use gloo_net::http::{Request, RequestBuilder, Response};
use leptos::prelude::{TimeoutHandle, set_timeout_with_handle};
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AbortController, ReadableStreamDefaultReader, RequestCache, RequestCredentials,
    RequestRedirect, ResponseType,
};

use super::agents_decode::agents_response;
use super::decode::{self, TestOutcome};
use crate::model::agent::AgentList;
use crate::model::api_key::ApiKey;
use crate::model::config::{self, Config, ConfigError};
use crate::model::connection::Connection;
use crate::model::list::ConnectionList;
use crate::model::load_error::LoadError;
use crate::model::retry::parse_retry_after;
use crate::model::url_encoding::path_segment;
use crate::platform;

const LIST_TIMEOUT_SECS: u32 = 20;
/// The list body is decoded in pieces of this size (about 300 records)…
const PIECE_BYTES: usize = 256 * 1024;
/// …and the browser gets to paint and handle input once a slice of decoding has
/// taken this long.
const SLICE_MS: f64 = 30.0;
/// A health check waits on the MCP server itself, so it gets longer.
const TEST_TIMEOUT_SECS: u32 = 45;

/// How requests prove who is asking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Credentials {
    /// Sent as `Authorization: Bearer …` to the API origin, never with cookies.
    Key(ApiKey),
    /// The platform's session cookie.
    Cookie,
}

/// Where the API is and how to authenticate: plain data, cheap to clone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiClient {
    base_url: String,
    credentials: Credentials,
}

/// An HTTP answer, read whole.
struct Answer {
    status: u16,
    content_type: Option<String>,
    retry_after_secs: Option<u64>,
    body: String,
}

impl ApiClient {
    pub fn new(config: &Config, credentials: Credentials) -> Self {
        ApiClient {
            base_url: config.api_base_url.clone(),
            credentials,
        }
    }

    /// The API's base URL as configured ("" = the page's own origin).
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The API refused the key (HTTP 401): the admin must enter another. In cookie
    /// mode a 401 is the platform's login to deal with, shown as an error.
    pub fn refuses_key(&self, error: &LoadError) -> bool {
        matches!(error, LoadError::Http { status: 401, .. })
            && matches!(self.credentials, Credentials::Key(_))
    }

    /// `GET /api/mcp-connections`, decoded while it downloads: awaiting the
    /// `ListDownload` sends it and gives the list. See `ListDownload` for stopping it.
    pub fn list(&self) -> ListDownload {
        ListDownload {
            request: self.request(Request::get(&self.url("/api/mcp-connections"))),
            abort: AbortHandle::new(),
        }
    }

    /// `GET /api/mcp-connections` again, keeping only the records with the `wanted`
    /// ids, each as the API sent it ("Export" as JSON), by id. Read as it
    /// downloads, like the list; others are dropped as they pass.
    pub async fn records(
        &self,
        wanted: HashSet<String>,
    ) -> Result<HashMap<String, String>, LoadError> {
        let request = self.request(Request::get(&self.url("/api/mcp-connections")));
        let read = async move |response| read_records(response, wanted).await;
        fetch(request, &AbortHandle::new(), LIST_TIMEOUT_SECS, read).await?
    }

    /// `GET /api/mcp-connections/{id}`: one connection, as it is now.
    pub async fn get(&self, id: &str) -> Result<Connection, LoadError> {
        let request = self.request(Request::get(&self.url(&connection_path(id)?)));
        let answer = fetch(request, &AbortHandle::new(), LIST_TIMEOUT_SECS, read_whole).await?;
        decode::connection_response(answer.status, answer.content_type.as_deref(), &answer.body)
            .map_err(|error| error.with_retry_after(answer.retry_after_secs))
    }

    /// `GET /api/agent-definitions`: the tenant's agents, read whole (thousands of
    /// agents are a few MB), with the list's time limit. Dropping the future aborts
    /// the request.
    pub async fn agents(&self) -> Result<AgentList, LoadError> {
        let request = self.request(Request::get(&self.url("/api/agent-definitions")));
        let answer = fetch(request, &AbortHandle::new(), LIST_TIMEOUT_SECS, read_whole).await?;
        agents_response(answer.status, answer.content_type.as_deref(), &answer.body)
            .map_err(|error| error.with_retry_after(answer.retry_after_secs))
    }

    /// `POST /api/mcp-connections/{id}/test`: a live health check.
    pub async fn test(&self, id: &str) -> Result<TestOutcome, LoadError> {
        let path = format!("{}/test", connection_path(id)?);
        let request = self.request(Request::post(&self.url(&path)));
        let answer = fetch(request, &AbortHandle::new(), TEST_TIMEOUT_SECS, read_whole).await?;
        decode::test_response(answer.status, answer.content_type.as_deref(), &answer.body)
            .map_err(|error| error.with_retry_after(answer.retry_after_secs))
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }

    /// `request` with how this client proves who is asking.
    fn request(&self, request: RequestBuilder) -> RequestBuilder {
        // Refresh must always ask the API, never the HTTP cache. A redirect is not
        // followed: some browsers would send the key on to wherever it points.
        // `Manual` rather than `Error`, which fails exactly as a network error does,
        // so that the console can say what happened (`fetch`).
        let request = request
            .cache(RequestCache::NoStore)
            .redirect(RequestRedirect::Manual)
            .header("Accept", "application/json");
        match &self.credentials {
            // The key is ASCII letters, digits, `_` and `-` (`ApiKey::parse`): a
            // header value the browser cannot refuse.
            Credentials::Key(key) => request
                .header("Authorization", &key.authorization())
                .credentials(RequestCredentials::Omit),
            Credentials::Cookie => request.credentials(RequestCredentials::Include),
        }
    }
}

/// The list request, made by `ApiClient::list`; `.await` it for the list.
///
/// It stops downloading when it is aborted: when the future is dropped before it
/// is done (as `leptos::task::spawn_local_scoped_with_cancellation` drops it with
/// its owner), or when `AbortHandle::abort` is called, e.g. from `on_cleanup` as
/// the page goes away. An aborted download ends with an error that nobody needs
/// to show (`Network`, or `Offline`).
///
/// ```no_run
/// use leptos::prelude::on_cleanup;
/// use leptos::task::spawn_local;
/// # use mcp_console::api::client::{ApiClient, Credentials};
/// # use mcp_console::model::config::Config;
/// # let client = ApiClient::new(&Config::default(), Credentials::Cookie);
///
/// let download = client.list();
/// let abort = download.abort_handle();
/// on_cleanup(move || abort.abort());
/// spawn_local(async move {
///     if let Ok(list) = download.await {
///         // show it
///     }
/// });
/// ```
pub struct ListDownload {
    request: RequestBuilder,
    abort: AbortHandle,
}

impl ListDownload {
    /// Stops this download from elsewhere, e.g. when the page goes away.
    pub fn abort_handle(&self) -> AbortHandle {
        self.abort.clone()
    }
}

impl IntoFuture for ListDownload {
    type Output = Result<ConnectionList, LoadError>;
    type IntoFuture = Pin<Box<dyn Future<Output = Self::Output>>>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(
            async move { fetch(self.request, &self.abort, LIST_TIMEOUT_SECS, read_list).await? },
        )
    }
}

/// Aborts the request it was made for (its `AbortController`); aborting a finished
/// request does nothing. `Send` and `Sync` so that `on_cleanup` takes it: the
/// console runs on the browser's one thread.
#[derive(Clone)]
pub struct AbortHandle(SendWrapper<Option<AbortController>>);

impl AbortHandle {
    fn new() -> Self {
        AbortHandle(SendWrapper::new(AbortController::new().ok()))
    }

    pub fn abort(&self) {
        // Without a reason: fetch then rejects with an `AbortError`, a JS `Error`,
        // which is what gloo-net expects of a rejection.
        if let Some(controller) = self.0.as_ref() {
            controller.abort();
        }
    }
}

/// The untrusted id as one path segment; an id that cannot be one is refused, never
/// sent.
fn connection_path(id: &str) -> Result<String, LoadError> {
    match path_segment(id) {
        Some(segment) => Ok(format!("/api/mcp-connections/{segment}")),
        None => Err(LoadError::UnsafeId { id: id.to_owned() }),
    }
}

/// Reads `config.json` beside index.html, never from a stale cache.
pub async fn fetch_config() -> Result<Config, ConfigError> {
    let request = Request::get("/config.json")
        .cache(RequestCache::NoCache)
        .credentials(RequestCredentials::SameOrigin);
    let answer = fetch(request, &AbortHandle::new(), LIST_TIMEOUT_SECS, read_whole)
        .await
        .map_err(|_| ConfigError::Unreachable)?;
    config::parse(answer.status, &answer.body)
}

/// A request under way: dropped before it is done, it aborts the request, so that
/// a dropped future leaves nothing downloading; either way its timer goes.
struct InFlight<'a> {
    abort: &'a AbortHandle,
    timer: Option<TimeoutHandle>,
    done: bool,
}

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        if let Some(timer) = self.timer.take() {
            timer.clear();
        }
        if !self.done {
            self.abort.abort();
        }
    }
}

/// Sends the request and reads the answer with `read`, giving up after
/// `timeout_secs` (reading the body included) or when `abort` is used.
async fn fetch<T>(
    request: RequestBuilder,
    abort: &AbortHandle,
    timeout_secs: u32,
    read: impl AsyncFnOnce(Response) -> Option<T>,
) -> Result<T, LoadError> {
    if !platform::is_online() {
        return Err(LoadError::Offline);
    }
    let Some(signal) = abort.0.as_ref().map(AbortController::signal) else {
        return Err(LoadError::Network);
    };
    // Set by the timer, to tell its abort from the caller's.
    let timed_out = Rc::new(Cell::new(false));
    let timer = {
        let (abort, timed_out) = (abort.clone(), Rc::clone(&timed_out));
        set_timeout_with_handle(
            move || {
                timed_out.set(true);
                abort.abort();
            },
            Duration::from_secs(u64::from(timeout_secs)),
        )
        .ok()
    };
    let mut in_flight = InFlight {
        abort,
        timer,
        done: false,
    };
    let result = match request.abort_signal(Some(&signal)).send().await {
        // What `redirect: manual` gives for a redirect: no status, no body, and
        // nothing sent to where it points.
        Ok(response) if response.type_() == ResponseType::Opaqueredirect => {
            return Err(LoadError::Redirected);
        }
        Ok(response) => read(response).await,
        Err(_) => None,
    };
    in_flight.done = true;
    drop(in_flight);
    result.ok_or_else(|| {
        if timed_out.get() {
            LoadError::Timeout {
                after_secs: timeout_secs,
            }
        } else if !platform::is_online() {
            LoadError::Offline
        } else {
            LoadError::Network
        }
    })
}

/// The whole answer; `None` when no complete answer arrived (DNS, CORS, abort, or a
/// body cut off).
async fn read_whole(response: Response) -> Option<Answer> {
    let (content_type, retry_after_secs) = head(&response);
    // Bytes, not `text()`: a JS string of a big body takes up to twice its size
    // (two-byte strings) and would be transcoded again on its way into the wasm.
    let bytes = response.binary().await.ok()?;
    // Invalid UTF-8 becomes U+FFFD, as `text()` would do (the decoders drop a
    // byte-order mark, as it does too).
    let body = String::from_utf8(bytes)
        .unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned());
    Some(Answer {
        status: response.status(),
        content_type,
        retry_after_secs,
        body,
    })
}

/// The list answer, decoded piece by piece as the body arrives: never held whole,
/// and the page paints between slices of decoding. Failures are read whole.
async fn read_list(response: Response) -> Option<Result<ConnectionList, LoadError>> {
    let (status, response) = match streamed_or_failure(response).await? {
        Ok(answer) => answer,
        Err(error) => return Some(Err(error)),
    };
    let mut decoder = decode::ListDecoder::new(status);
    read_pieces(&response, |piece| decoder.push(piece)).await?;
    // Sorting and indexing a big list is a slice of its own.
    platform::next_task().await;
    Some(decoder.finish())
}

/// As `read_list`, keeping only the records with the wanted ids, as sent.
async fn read_records(
    response: Response,
    wanted: HashSet<String>,
) -> Option<Result<HashMap<String, String>, LoadError>> {
    let (status, response) = match streamed_or_failure(response).await? {
        Ok(answer) => answer,
        Err(error) => return Some(Err(error)),
    };
    let mut picker = decode::RecordPicker::new(status, wanted);
    read_pieces(&response, |piece| picker.push(piece)).await?;
    Some(picker.finish())
}

/// A list answer that can be read as it arrives (with its status), or the failure
/// another answer is, read whole.
async fn streamed_or_failure(response: Response) -> Option<Result<(u16, Response), LoadError>> {
    let status = response.status();
    let (content_type, retry_after_secs) = head(&response);
    if decode::streams(status, content_type.as_deref()) {
        return Some(Ok((status, response)));
    }
    let answer = read_whole(response).await?;
    let error = decode::failure(answer.status, answer.content_type.as_deref(), &answer.body);
    Some(Err(error.with_retry_after(retry_after_secs)))
}

/// Hands the body to `piece` at most `PIECE_BYTES` at a time as it arrives,
/// yielding to the browser after every `SLICE_MS` of work; `None` when the body was
/// cut off. No body at all (a 204, say) gives no piece.
async fn read_pieces(response: &Response, mut piece: impl FnMut(&[u8])) -> Option<()> {
    let Some(body) = response.body() else {
        return Some(());
    };
    let reader: ReadableStreamDefaultReader = body.get_reader().dyn_into().ok()?;
    let mut slice_started = js_sys::Date::now();
    loop {
        let chunk = JsFuture::from(reader.read()).await.ok()?;
        if js_sys::Reflect::get(&chunk, &"done".into())
            .ok()?
            .is_truthy()
        {
            return Some(());
        }
        let bytes = js_sys::Reflect::get(&chunk, &"value".into())
            .ok()?
            .dyn_into::<js_sys::Uint8Array>()
            .ok()?
            .to_vec();
        for part in bytes.chunks(PIECE_BYTES) {
            piece(part);
            if js_sys::Date::now() - slice_started >= SLICE_MS {
                platform::next_task().await;
                slice_started = js_sys::Date::now();
            }
        }
    }
}

/// `Content-Type`, and `Retry-After` in seconds.
fn head(response: &Response) -> (Option<String>, Option<u64>) {
    let headers = response.headers();
    let content_type = headers.get("content-type");
    let retry_after_secs = headers
        .get("retry-after")
        .and_then(|value| parse_retry_after(&value, platform::now().timestamp()));
    (content_type, retry_after_secs)
}
