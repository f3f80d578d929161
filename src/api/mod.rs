//! The MCP connections API: HTTP client, wire format, decoding and load errors.

mod array_splitter;
pub mod client;
pub mod decode;
mod dto;
pub mod error;

pub use error::LoadError;
