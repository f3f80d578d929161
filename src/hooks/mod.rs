//! Hooks: each owns one kind of work a page needs (loading, a clock, health checks,
//! the view in the URL, the way back to the list) with its timers, listeners and
//! requests, and stops it when its owner is disposed. Pages compose them.

pub mod use_agents;
pub mod use_clock;
pub mod use_connection_record;
pub mod use_connections;
pub mod use_export;
pub mod use_health_checks;
pub mod use_history;
pub mod use_instruction_reviews;
pub mod use_list_view;
pub mod use_search_shortcut;
pub mod use_test_run;
pub mod use_view_state;
pub mod use_way_back;
