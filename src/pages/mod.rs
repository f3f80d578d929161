//! Route-level components: they own loading and URL state and pass plain data down.

pub mod connection_detail;
pub mod connections;
