//! The MCP connections API: HTTP client, wire format and decoding.

mod array_splitter;
pub mod client;
pub mod decode;
mod dto;
