//! The whole server: the API, the control endpoints and the web app.

use std::path::PathBuf;
use std::sync::Arc;

use axum::Router;
use axum::http::{Method, Uri};

use crate::state::AppState;
use crate::{api, control, static_files};

pub fn app(state: Arc<AppState>, dist: PathBuf) -> Router {
    let dist = Arc::new(dist);
    Router::new()
        .nest("/api", api::router(state.clone()))
        .nest("/_demo", control::router())
        .fallback(move |method: Method, uri: Uri| {
            let dist = Arc::clone(&dist);
            async move { static_files::serve(&dist, &method, &uri).await }
        })
        .with_state(state)
}
