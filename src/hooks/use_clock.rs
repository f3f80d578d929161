//! The page's clock: relative times, countdowns and the refresh schedule read it.

use std::time::Duration;

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use crate::platform;

/// The current time, updated every `tick` until the owner is disposed.
pub fn use_clock(tick: Duration) -> ReadSignal<DateTime<Utc>> {
    let (now, set_now) = signal(platform::now());
    let interval = set_interval_with_handle(move || set_now.set(platform::now()), tick).ok();
    on_cleanup(move || {
        if let Some(interval) = interval {
            interval.clear();
        }
    });
    now
}
