//! One quiet line when the agents could not be read: the list works without them.

use leptos::prelude::*;

use crate::model::load_error::LoadError;

#[component]
pub fn AgentsNote(
    /// Why the last read of the agents failed.
    error: LoadError,
    /// Agents from an earlier read are still shown.
    showing_earlier: bool,
) -> impl IntoView {
    let text = match error {
        LoadError::Http { status: 403, .. } => {
            "Agent usage is not shown: it needs an API key with the agents:read scope.".to_owned()
        }
        other => {
            let shown = if showing_earlier {
                "agent usage shown is from the last successful read"
            } else {
                "agent usage is not shown"
            };
            format!(
                "{}: {shown}. It is read again with the list.",
                other.title()
            )
        }
    };
    view! { <p class="quiet-note agents-note">{text}</p> }
}
