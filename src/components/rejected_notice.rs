//! Records the API sent that could not be shown, counted and named: connections,
//! or, quietly (the list is whole without them), agents.

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
    let (noun, verb, rest, class) = if agents {
        (
            "agent",
            "read",
            "The other agents are counted.",
            "quiet-note agents-rejected",
        )
    } else {
        (
            "record",
            "shown",
            "The other connections are shown.",
            "notice",
        )
    };
    let summary = match rejected.len() {
        1 => format!("1 {noun} could not be {verb}"),
        n => format!("{n} {noun}s could not be {verb}"),
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
        <details class=class>
            <summary>{summary}</summary>
            <p>"The API sent these records in a form the console cannot read. " {rest}</p>
            <ul class="notice__list">{items}</ul>
        </details>
    }
}
