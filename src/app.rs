//! The application shell: reads `config.json`, asks for an API key when the
//! deployment needs one, and shows the page with the top bar (Sandbox marker, Sign out).

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::client::{self, ApiClient, Credentials};
use crate::components::icon::Icon;
use crate::components::sign_in::SignIn;
use crate::components::states::{ConfigErrorPanel, LoadingState};
use crate::model::api_key::ApiKey;
use crate::model::config::{AuthMode, Config, ConfigError};
use crate::pages::connections::ConnectionsPage;
use crate::platform;

/// Where the console stands before the page can load anything.
#[derive(Debug, Clone, PartialEq)]
enum Session {
    Starting,
    Misconfigured(ConfigError),
    /// API-key mode without a usable key; `notice` says why it is asked again.
    NeedsKey {
        config: Config,
        notice: Option<&'static str>,
    },
    Ready {
        config: Config,
        client: ApiClient,
    },
}

const KEY_REFUSED: &str = "Your API key was refused by the API (HTTP 401): it may have been revoked or mistyped. Enter a valid key.";
const SIGNED_OUT: &str = "You are signed out: the key was removed from this tab.";

fn session_for(config: Config) -> Session {
    let credentials = match config.auth {
        AuthMode::Cookie => Some(Credentials::Cookie),
        AuthMode::ApiKey => platform::stored_key()
            .and_then(|secret| ApiKey::parse(&secret).ok())
            .map(Credentials::Key),
    };
    match credentials {
        Some(credentials) => Session::Ready {
            client: ApiClient::new(&config, credentials),
            config,
        },
        None => Session::NeedsKey {
            config,
            notice: None,
        },
    }
}

#[component]
pub fn App() -> impl IntoView {
    let session = RwSignal::new(Session::Starting);
    spawn_local(async move {
        session.set(match client::fetch_config().await {
            Ok(config) => session_for(config),
            Err(error) => Session::Misconfigured(error),
        });
    });
    let ask_for_key = move |notice: &'static str| {
        platform::forget_key();
        session.update(|session| {
            if let Session::Ready { config, .. } = session {
                *session = Session::NeedsKey {
                    config: config.clone(),
                    notice: Some(notice),
                };
            }
        });
    };
    let on_key = Callback::new(move |key: ApiKey| {
        // Storage can be refused (private mode); the key then lasts until reload.
        platform::store_key(key.secret());
        session.update(|session| {
            if let Session::NeedsKey { config, .. } = session {
                *session = Session::Ready {
                    client: ApiClient::new(config, Credentials::Key(key)),
                    config: config.clone(),
                };
            }
        });
    });
    let on_unauthorized = Callback::new(move |()| ask_for_key(KEY_REFUSED));
    let key_in_use = move || {
        session.with(|session| match session {
            Session::Ready { client, .. } => match client.credentials() {
                Credentials::Key(key) => Some(key.is_sandbox()),
                Credentials::Cookie => None,
            },
            _ => None,
        })
    };
    let account = move || {
        key_in_use().map(|sandbox| {
            view! {
                {sandbox.then(|| view! { <span class="sandbox-chip">"Sandbox"</span> })}
                <button type="button" class="button button--secondary button--small" on:click=move |_| ask_for_key(SIGNED_OUT)>
                    "Sign out"
                </button>
            }
        })
    };
    let page = move || match session.get() {
        Session::Starting => view! { <LoadingState /> }.into_any(),
        Session::Misconfigured(error) => view! { <ConfigErrorPanel error /> }.into_any(),
        Session::NeedsKey { notice, .. } => view! { <SignIn notice on_key /> }.into_any(),
        Session::Ready { client, .. } => {
            view! { <ConnectionsPage client on_unauthorized /> }.into_any()
        }
    };
    view! {
        <a class="skip-link" href="#main">
            "Skip to content"
        </a>
        <header class="topbar">
            <div class="topbar__inner">
                <span class="brand">
                    <Icon name="brand" />
                    "MCP Console"
                </span>
                <div class="topbar__account">{account}</div>
            </div>
        </header>
        <main id="main" class="page" tabindex="-1">
            {page}
        </main>
    }
}
