//! Records the API sent that could not be shown, counted and named: connections,
//! or agents.

use leptos::either::Either;
use leptos::prelude::*;

use crate::model::list::RejectedRecord;

#[component]
pub fn RejectedNotice(
    rejected: Vec<RejectedRecord>,
    /// The records are agents, not connections.
    #[prop(optional)]
    agents: bool,
) -> impl IntoView {
    let noun = if agents { "agent record" } else { "record" };
    let summary = match rejected.len() {
        1 => format!("1 {noun} could not be shown"),
        n => format!("{n} {noun}s could not be shown"),
    };
    let rest = if agents {
        "The other agents are counted."
    } else {
        "The other connections are shown."
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
            <p>"The API sent these records in a form the console cannot read. " {rest}</p>
            <ul class="notice__list">{items}</ul>
        </details>
    }
}
