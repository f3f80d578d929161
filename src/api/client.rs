//! The only code that talks HTTP. Everything it receives goes through `decode`.

use gloo_net::http::Request;
use web_sys::RequestCache;

use super::decode;
use super::error::LoadError;
use crate::model::list::ConnectionList;

const LIST_PATH: &str = "/api/mcp-connections";

/// `GET /api/mcp-connections` on the page's own origin, bypassing the HTTP cache
/// so that Refresh always asks the API.
pub async fn fetch_connections() -> Result<ConnectionList, LoadError> {
    let response = Request::get(LIST_PATH)
        .header("Accept", "application/json")
        .cache(RequestCache::NoStore)
        .send()
        .await
        .map_err(|_| LoadError::Network)?;
    let content_type = response.headers().get("content-type");
    // A body cut off mid-transfer is a network failure, not bad data.
    let body = response.text().await.map_err(|_| LoadError::Network)?;
    decode::list_response(response.status(), content_type.as_deref(), &body)
}
