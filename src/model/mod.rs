//! Pure data and rules, no DOM and no browser: tested on the host with `cargo test`.

pub mod agent;
pub mod agent_usage;
pub mod api_key;
pub mod changes;
pub mod config;
pub mod connection;
pub mod csv_export;
pub mod export;
pub mod filter;
mod fold_table;
pub mod hidden_chars;
pub mod host_script;
pub mod instructions_review;
#[cfg(test)]
pub mod json_test_suite;
pub mod json_text;
pub mod line_diff;
pub mod list;
pub mod list_index;
pub mod list_layout;
pub mod load_error;
pub mod load_state;
pub mod relative_time;
pub mod retry;
pub mod route;
pub mod row_layout;
pub mod search;
pub mod selection;
pub mod server_address;
pub mod sort;
pub mod test_run;
pub mod text;
pub mod url_encoding;
pub mod view_state;

#[cfg(test)]
mod fixtures;
