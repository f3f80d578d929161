//! MCP Console: the browser admin console for a tenant's MCP connections.
//! See ARCHITECTURE.md for the map.

pub mod api;
pub mod app;
pub mod components;
pub mod hooks;
pub mod model;
pub mod pages;
pub mod platform;
pub mod review_store;
