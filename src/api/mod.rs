//! The MCP connections API: HTTP client, wire format and decoding.

mod agent_dto;
pub mod agents_decode;
mod array_splitter;
pub mod client;
pub mod decode;
mod dto;
