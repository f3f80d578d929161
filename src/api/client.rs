//! The only code that talks HTTP. Everything it receives goes through `decode`.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{RequestCache, RequestInit, Response};

use super::decode;
use super::error::LoadError;
use crate::model::list::ConnectionList;

const LIST_PATH: &str = "/api/mcp-connections";

/// `GET /api/mcp-connections` on the page's own origin, bypassing the HTTP cache
/// so that Refresh always asks the API.
pub async fn fetch_connections() -> Result<ConnectionList, LoadError> {
    let (status, content_type, body) = get_text(LIST_PATH).await.ok_or(LoadError::Network)?;
    decode::list_response(status, content_type.as_deref(), &body)
}

/// Status, content type and body text, or `None` when no complete answer arrived
/// (offline, DNS, CORS, or a body cut off mid-transfer).
async fn get_text(url: &str) -> Option<(u16, Option<String>, String)> {
    let window = web_sys::window()?;
    let init = RequestInit::new();
    init.set_method("GET");
    init.set_cache(RequestCache::NoStore);
    let headers = web_sys::Headers::new().ok()?;
    headers.set("Accept", "application/json").ok()?;
    init.set_headers(&headers);
    let response: Response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    let content_type = response.headers().get("content-type").ok().flatten();
    let body = JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()?;
    Some((response.status(), content_type, body))
}
