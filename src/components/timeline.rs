//! When things happened to a connection: each moment relative ("3 hours ago") and
//! exact, in the browser's locale and time zone, both on screen.

use chrono::{DateTime, SecondsFormat, Utc};
use leptos::either::EitherOf3;
use leptos::prelude::*;

use crate::model::connection::Timestamp;
use crate::model::relative_time::relative;
use crate::platform;

/// One moment of the timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moment {
    pub label: &'static str,
    pub at: Option<Timestamp>,
    /// What to say when the API gave no time ("Never checked").
    pub missing: &'static str,
}

#[component]
pub fn Timeline(moments: Vec<Moment>, #[prop(into)] now: Signal<DateTime<Utc>>) -> impl IntoView {
    let items = moments
        .into_iter()
        .map(|Moment { label, at, missing }| {
            let when = match at {
                None => EitherOf3::A(view! { <span class="when--missing">{missing}</span> }),
                Some(Timestamp::Unreadable(raw)) => EitherOf3::B(view! {
                    <span class="when--unreadable">"Unreadable date "<q><bdi>{raw}</bdi></q></span>
                }),
                Some(Timestamp::Valid(at)) => EitherOf3::C(view! {
                    <time datetime=at.to_rfc3339_opts(SecondsFormat::Millis, true)>
                        <span class="timeline__relative">{move || relative(at, now.get())}</span>
                        <span class="timeline__exact">{platform::local_exact(at)}</span>
                    </time>
                }),
            };
            view! {
                <li class="timeline__item">
                    <span class="timeline__label">{label}</span>
                    {when}
                </li>
            }
        })
        .collect_view();
    view! { <ol class="timeline">{items}</ol> }
}
