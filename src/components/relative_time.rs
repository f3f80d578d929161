//! A timestamp as "3 hours ago", with the exact local time on hover and focus.

use chrono::{DateTime, SecondsFormat, Utc};
use leptos::either::EitherOf3;
use leptos::prelude::*;

use super::unique_id;
use crate::model::connection::Timestamp;
use crate::model::relative_time::relative;
use crate::platform;

/// `missing` is what to say when the API gave no time (e.g. "Never checked").
#[component]
pub fn RelativeTime(
    at: Option<Timestamp>,
    #[prop(into)] now: Signal<DateTime<Utc>>,
    missing: &'static str,
) -> impl IntoView {
    match at {
        None => EitherOf3::A(view! { <span class="when when--missing">{missing}</span> }),
        Some(Timestamp::Unreadable(raw)) => EitherOf3::B(view! {
            <span class="when when--unreadable">"Unreadable date "<q><bdi>{raw}</bdi></q></span>
        }),
        Some(Timestamp::Valid(at)) => {
            let tooltip = unique_id("time");
            EitherOf3::C(view! {
                <span class="when">
                    <time
                        datetime=at.to_rfc3339_opts(SecondsFormat::Millis, true)
                        tabindex="0"
                        aria-describedby=tooltip.clone()
                    >
                        {move || relative(at, now.get())}
                    </time>
                    <span class="when__exact" role="tooltip" id=tooltip>
                        {platform::local_exact(at)}
                    </span>
                </span>
            })
        }
    }
}
