//! The agents that use a connection, on its page: each by the name an admin knows,
//! with its role and the tools it may call.

use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;

use crate::components::revealed_text::RevealedText;
use crate::model::agent_usage::used_by;
use crate::pages::connections::ListContext;

/// One agent as the section lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Row {
    name: String,
    role: String,
    tools: Vec<String>,
}

#[component]
pub fn AgentsSection(connection_id: String) -> impl IntoView {
    let ListContext { agents, .. } = expect_context::<ListContext>();
    let rows = Memo::new(move |_| {
        agents.agents.with(|list| {
            list.as_ref().map(|list| {
                list.using(&connection_id)
                    .map(|(agent, uses)| Row {
                        name: agent.label().to_owned(),
                        role: agent
                            .role
                            .as_ref()
                            .map_or("No role given", |role| role.label())
                            .to_owned(),
                        tools: uses.allowed_tools.clone(),
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let content = move || match rows.get() {
        None => EitherOf3::A(view! {
            <p class="detail__lede">
                {move || {
                    if agents.error.with(Option::is_some) {
                        "Which agents use this connection cannot be shown now (see the note above the list)."
                    } else {
                        "Reading which agents use this connection…"
                    }
                }}
            </p>
        }),
        Some(rows) if rows.is_empty() => EitherOf3::B(view! {
            <p class="detail__lede">{used_by(0)} "."</p>
        }),
        Some(rows) => {
            let count = u32::try_from(rows.len()).unwrap_or(u32::MAX);
            let items = rows
                .into_iter()
                .map(|row| view! { <AgentItem row /> })
                .collect_view();
            EitherOf3::C(view! {
                <p class="detail__lede">{used_by(count)} "."</p>
                <ul class="agent-list">{items}</ul>
            })
        }
    };
    view! {
        <section class="detail__section" aria-labelledby="agents-title">
            <h2 class="detail__section-title" id="agents-title">"Agents"</h2>
            {content}
        </section>
    }
}

#[component]
fn AgentItem(row: Row) -> impl IntoView {
    let Row { name, role, tools } = row;
    let tools = if tools.is_empty() {
        Either::Left(view! { <span>"No tools named"</span> })
    } else {
        let items = tools
            .into_iter()
            .map(|tool| view! { <li><code><bdi><RevealedText text=tool /></bdi></code></li> })
            .collect_view();
        Either::Right(view! { <ul class="agent__tool-list">{items}</ul> })
    };
    view! {
        <li class="agent">
            <span class="agent__name"><bdi><RevealedText text=name /></bdi></span>
            " "
            <span class="agent__role"><bdi><RevealedText text=role /></bdi></span>
            <div class="agent__tools">
                <span class="agent__tools-label">"May call: "</span>
                {tools}
            </div>
        </li>
    }
}
