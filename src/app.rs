//! The application: reads `config.json`, then shows the API-key sign-in or, once
//! there are credentials, the console with its two routes (`model::route`). The shell around it (skip
//! link, top bar, `<main>`) is static HTML in index.html; the top bar's account
//! items are put there through a portal.

use chrono::TimeDelta;
use leptos::either::{Either, EitherOf3};
use leptos::portal::Portal;
use leptos::prelude::*;

use crate::api::client::{self, ApiClient, Credentials};
use crate::components::sign_in::SignIn;
use crate::components::states::{ConfigErrorPanel, LoadingState};
use crate::hooks::use_history::provide_history;
use crate::model::api_key::ApiKey;
use crate::model::config::{AuthMode, Config};
use crate::model::route::Route;
use crate::pages::connection_detail::ConnectionRoute;
use crate::pages::connections::ConnectionsPage;
use crate::platform;

const KEY_REFUSED: &str = "Your API key was refused by the API (HTTP 401): it may have been revoked or mistyped. Enter a valid key.";
const SIGNED_OUT: &str = "You are signed out: the key was removed from this tab.";

/// Who the console is talking to the API as.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Session {
    /// Asking for a key, with why when it is not the first time.
    SignedOut(Option<&'static str>),
    SignedIn(Credentials),
}

/// What a page calls when the API refuses the key (HTTP 401): the key is forgotten
/// and the sign-in form asks for another. Shared through context with the client.
#[derive(Clone, Copy)]
pub struct KeyRefused(pub Callback<()>);

#[component]
pub fn App() -> impl IntoView {
    let config = LocalResource::new(client::fetch_config);
    move || match config.get() {
        None => EitherOf3::A(view! { <LoadingState /> }),
        Some(Ok(config)) => EitherOf3::B(view! { <Console config /> }),
        Some(Err(error)) => EitherOf3::C(view! { <ConfigErrorPanel error /> }),
    }
}

/// The sign-in form or the signed-in console, for a readable configuration.
#[component]
fn Console(config: Config) -> impl IntoView {
    let session = RwSignal::new(match stored_credentials(&config) {
        Some(credentials) => Session::SignedIn(credentials),
        None => Session::SignedOut(None),
    });
    let sign_out = move |notice: &'static str| {
        platform::forget_key();
        // Not while the screen that asks is still running its handler: changing the
        // session disposes that screen.
        request_animation_frame(move || session.set(Session::SignedOut(Some(notice))));
    };
    let on_key = Callback::new(move |key: ApiKey| {
        // Storage can be refused (private mode); the key then lasts until reload.
        platform::store_key(key.secret());
        session.set(Session::SignedIn(Credentials::Key(key)));
    });
    move || match session.get() {
        Session::SignedOut(notice) => Either::Left(view! { <SignIn notice on_key /> }),
        Session::SignedIn(credentials) => {
            let sandbox = match &credentials {
                Credentials::Key(key) => Some(key.is_sandbox()),
                Credentials::Cookie => None,
            };
            provide_context(ApiClient::new(&config, credentials));
            provide_context(KeyRefused(Callback::new(move |()| sign_out(KEY_REFUSED))));
            let stale_after = config.stale_after;
            Either::Right(view! {
                <AccountItems sandbox on_sign_out=Callback::new(move |()| sign_out(SIGNED_OUT)) />
                <ConsoleRoutes stale_after />
            })
        }
    }
}

/// The routes, in one place: `/connections/{id}` is that connection's page, over
/// the list, which stays mounted (hidden) so that the way back finds it as it was;
/// every other path is the list (static hosts answer any path with the console).
/// `model::route` reads the path.
#[component]
fn ConsoleRoutes(stale_after: TimeDelta) -> impl IntoView {
    let path = provide_history().path();
    let route = Memo::new(move |_| path.with(|path| Route::from_path(path)));
    view! {
        <ConnectionsPage stale_after route>
            <ConnectionRoute route />
        </ConnectionsPage>
    }
}

/// The Sandbox marker and Sign out, in the top bar; only when signed in with a key.
#[component]
fn AccountItems(sandbox: Option<bool>, on_sign_out: Callback<()>) -> impl IntoView {
    let mount = document().get_element_by_id("account");
    sandbox.zip(mount).map(|(sandbox, mount)| {
        view! {
            <Portal mount>
                <div class="topbar__account-items">
                    {sandbox.then(|| view! { <span class="sandbox-chip">"Sandbox"</span> })}
                    <button
                        type="button"
                        class="button button--secondary button--small"
                        on:click=move |_| on_sign_out.run(())
                    >
                        "Sign out"
                    </button>
                </div>
            </Portal>
        }
    })
}

fn stored_credentials(config: &Config) -> Option<Credentials> {
    match config.auth {
        AuthMode::Cookie => Some(Credentials::Cookie),
        AuthMode::ApiKey => platform::stored_key()
            .and_then(|secret| ApiKey::parse(&secret).ok())
            .map(Credentials::Key),
    }
}
