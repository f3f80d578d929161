//! Records the API sent that could not be shown, counted and named.

use leptos::either::Either;
use leptos::prelude::*;

use crate::model::list::RejectedRecord;

#[component]
pub fn RejectedNotice(rejected: Vec<RejectedRecord>) -> impl IntoView {
    let summary = match rejected.len() {
        1 => "1 record could not be shown".to_owned(),
        n => format!("{n} records could not be shown"),
    };
    let items = rejected
        .into_iter()
        .map(|record| {
            let which = match record.id {
                Some(id) => Either::Left(
                    view! { "Record " {record.position} " (id " <code><bdi>{id}</bdi></code> ")" },
                ),
                None => Either::Right(view! { "Record " {record.position} " (no readable id)" }),
            };
            view! { <li>{which} ": " {record.reason}</li> }
        })
        .collect_view();
    view! {
        <details class="notice">
            <summary>{summary}</summary>
            <p>"The API sent these records in a form the console cannot read. The other connections are shown."</p>
            <ul class="notice__list">{items}</ul>
        </details>
    }
}
