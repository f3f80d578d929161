//! Agents that name connections the list does not have (deleted ones), counted and
//! named, quietly: the list itself is fine.

use leptos::prelude::*;

use super::revealed_text::RevealedText;
use crate::model::agent_usage::pointing_nowhere_summary;

/// More names than this are counted, not listed.
const NAMED: usize = 10;

#[component]
pub fn PointingNowhereNotice(
    /// What admins know the agents by.
    names: Vec<String>,
) -> impl IntoView {
    let summary = pointing_nowhere_summary(names.len());
    let more = names.len().saturating_sub(NAMED);
    let items = names
        .into_iter()
        .take(NAMED)
        .map(|name| view! { <li><bdi><RevealedText text=name /></bdi></li> })
        .collect_view();
    view! {
        <div class="quiet-note pointing-nowhere" role="note">
            <p>{summary} ". Their connections are changed in the platform."</p>
            <ul class="pointing-nowhere__names">
                {items}
                {(more > 0).then(|| view! { <li>{format!("and {more} more")}</li> })}
            </ul>
        </div>
    }
}
