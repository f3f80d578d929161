//! Shows a view of a value in a host element, built anew whenever the value changes.
//!
//! A reactive closure over a view (`move || view! { … }`) compiles the view twice:
//! once to build it and once to diff it against the last one. For a big view that
//! is several KB of wasm; building it fresh each time is the same work for the
//! browser when the whole view changes anyway, as when a page's state switches.

use std::any::Any;

use leptos::html;
use leptos::mount::mount_to;
use leptos::prelude::*;

/// Renders `view(value)` into `host`, replacing what was there when `value` changes.
/// What is mounted is unmounted (and its signals disposed) with the caller.
pub fn remount<T, V>(host: NodeRef<html::Div>, value: Memo<T>, view: impl Fn(T) -> V + 'static)
where
    T: Clone + PartialEq + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let mounted = StoredValue::new_local(None::<Box<dyn Any>>);
    Effect::new(move || {
        let value = value.get();
        let Some(host) = host.get() else {
            return;
        };
        // The old view goes first: mounting appends.
        mounted.set_value(None);
        let view = view(value);
        let handle = mount_to(host.into(), move || view);
        mounted.set_value(Some(Box::new(handle)));
    });
    on_cleanup(move || {
        let _ = mounted.try_set_value(None);
    });
}
