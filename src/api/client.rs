//! The only code that talks HTTP: the API (with the key or the session cookie, a time
//! limit, and offline detection) and the console's own `config.json`. Everything it
//! receives goes through `decode`.

use std::time::Duration;

use leptos::prelude::set_timeout_with_handle;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AbortController, ReadableStreamDefaultReader, RequestCache, RequestCredentials, RequestInit,
    Response,
};

use super::decode::{self, TestOutcome};
use crate::model::api_key::ApiKey;
use crate::model::config::{self, Config, ConfigError};
use crate::model::connection::Connection;
use crate::model::list::ConnectionList;
use crate::model::load_error::LoadError;
use crate::model::retry::parse_retry_after;
use crate::model::url_encoding::Encoding::PathSegment;
use crate::model::url_encoding::encode;
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

    /// The API refused the key (HTTP 401): the admin must enter another. In cookie
    /// mode a 401 is the platform's login to deal with, shown as an error.
    pub fn refuses_key(&self, error: &LoadError) -> bool {
        matches!(error, LoadError::Http { status: 401, .. })
            && matches!(self.credentials, Credentials::Key(_))
    }

    /// `GET /api/mcp-connections`, decoded while it downloads.
    pub async fn list(&self) -> Result<ConnectionList, LoadError> {
        self.send("GET", "/api/mcp-connections", LIST_TIMEOUT_SECS, read_list)
            .await?
    }

    /// `GET /api/mcp-connections/{id}`: one connection, as it is now.
    pub async fn get(&self, id: &str) -> Result<Connection, LoadError> {
        let answer = self
            .send("GET", &connection_path(id), LIST_TIMEOUT_SECS, read_whole)
            .await?;
        decode::connection_response(answer.status, answer.content_type.as_deref(), &answer.body)
            .map_err(|error| error.with_retry_after(answer.retry_after_secs))
    }

    /// `POST /api/mcp-connections/{id}/test`: a live health check.
    pub async fn test(&self, id: &str) -> Result<TestOutcome, LoadError> {
        let path = format!("{}/test", connection_path(id));
        let answer = self
            .send("POST", &path, TEST_TIMEOUT_SECS, read_whole)
            .await?;
        decode::test_response(answer.status, answer.content_type.as_deref(), &answer.body)
            .map_err(|error| error.with_retry_after(answer.retry_after_secs))
    }

    async fn send<T>(
        &self,
        method: &str,
        path: &str,
        timeout_secs: u32,
        read: impl AsyncFnOnce(Response) -> Option<T>,
    ) -> Result<T, LoadError> {
        let init = RequestInit::new();
        init.set_method(method);
        // Refresh must always ask the API, never the HTTP cache.
        init.set_cache(RequestCache::NoStore);
        let headers = web_sys::Headers::new().map_err(|_| LoadError::Network)?;
        let _ = headers.set("Accept", "application/json");
        match &self.credentials {
            Credentials::Key(key) => {
                let _ = headers.set("Authorization", &key.authorization());
                init.set_credentials(RequestCredentials::Omit);
            }
            Credentials::Cookie => init.set_credentials(RequestCredentials::Include),
        }
        init.set_headers(&headers);
        let url = format!("{}{path}", self.base_url);
        fetch(&url, &init, timeout_secs, read).await
    }
}

/// The untrusted id, encoded so that it stays one path segment.
fn connection_path(id: &str) -> String {
    format!("/api/mcp-connections/{}", encode(id, PathSegment))
}

/// Reads `config.json` beside index.html, never from a stale cache.
pub async fn fetch_config() -> Result<Config, ConfigError> {
    let init = RequestInit::new();
    init.set_cache(RequestCache::NoCache);
    init.set_credentials(RequestCredentials::SameOrigin);
    let answer = fetch("/config.json", &init, LIST_TIMEOUT_SECS, read_whole)
        .await
        .map_err(|_| ConfigError::Unreachable)?;
    config::parse(answer.status, &answer.body)
}

/// Sends the request and reads the answer with `read`, giving up after
/// `timeout_secs` (reading the body included).
async fn fetch<T>(
    url: &str,
    init: &RequestInit,
    timeout_secs: u32,
    read: impl AsyncFnOnce(Response) -> Option<T>,
) -> Result<T, LoadError> {
    if !platform::is_online() {
        return Err(LoadError::Offline);
    }
    let window = web_sys::window().ok_or(LoadError::Network)?;
    let controller = AbortController::new().map_err(|_| LoadError::Network)?;
    init.set_signal(Some(&controller.signal()));
    let abort = controller.clone();
    let timer = set_timeout_with_handle(
        move || abort.abort(),
        Duration::from_secs(u64::from(timeout_secs)),
    )
    .ok();
    let result = match JsFuture::from(window.fetch_with_str_and_init(url, init)).await {
        Ok(response) => match response.dyn_into::<Response>() {
            Ok(response) => read(response).await,
            Err(_) => None,
        },
        Err(_) => None,
    };
    if let Some(timer) = timer {
        timer.clear();
    }
    result.ok_or_else(|| {
        if controller.signal().aborted() {
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
    let buffer = JsFuture::from(response.array_buffer().ok()?).await.ok()?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    // Invalid UTF-8 becomes U+FFFD, as `text()` would do.
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
    let status = response.status();
    let (content_type, retry_after_secs) = head(&response);
    if !decode::streams(status, content_type.as_deref()) {
        let answer = read_whole(response).await?;
        return Some(
            decode::list_response(answer.status, answer.content_type.as_deref(), &answer.body)
                .map_err(|error| error.with_retry_after(retry_after_secs)),
        );
    }
    let mut decoder = decode::ListDecoder::new(status);
    // No body at all (a 204, say) is an empty answer: the decoder says what is wrong.
    let Some(body) = response.body() else {
        return Some(decoder.finish());
    };
    let reader: ReadableStreamDefaultReader = body.get_reader().dyn_into().ok()?;
    let mut slice_started = js_sys::Date::now();
    loop {
        let chunk = JsFuture::from(reader.read()).await.ok()?;
        if js_sys::Reflect::get(&chunk, &"done".into())
            .ok()?
            .is_truthy()
        {
            break;
        }
        let bytes = js_sys::Reflect::get(&chunk, &"value".into())
            .ok()?
            .dyn_into::<js_sys::Uint8Array>()
            .ok()?
            .to_vec();
        for piece in bytes.chunks(PIECE_BYTES) {
            decoder.push(piece);
            if js_sys::Date::now() - slice_started >= SLICE_MS {
                platform::next_task().await;
                slice_started = js_sys::Date::now();
            }
        }
    }
    // Sorting and indexing a big list is a slice of its own.
    platform::next_task().await;
    Some(decoder.finish())
}

/// `Content-Type`, and `Retry-After` in seconds.
fn head(response: &Response) -> (Option<String>, Option<u64>) {
    let headers = response.headers();
    let content_type = headers.get("content-type").ok().flatten();
    let retry_after_secs = headers
        .get("retry-after")
        .ok()
        .flatten()
        .and_then(|value| parse_retry_after(&value, platform::now().timestamp()));
    (content_type, retry_after_secs)
}
