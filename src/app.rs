//! The application: reads `config.json`, then shows one screen at a time in `<main>`
//! (the shell around it is static HTML in index.html): the connections page, the
//! API-key sign-in, or what is wrong with the configuration.
//!
//! Screens are mounted and unmounted one by one rather than switched inside a view:
//! a reactive switch compiles every screen twice (build and rebuild), about 11 KB of
//! wasm.

use std::any::Any;
use std::cell::RefCell;

use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::api::client::{self, ApiClient, Credentials};
use crate::components::dom::{self, DomView};
use crate::components::sign_in::sign_in;
use crate::components::states::{config_error_panel, loading_state};
use crate::model::api_key::ApiKey;
use crate::model::config::{AuthMode, Config};
use crate::pages::connections::ConnectionsPage;
use crate::platform;

const KEY_REFUSED: &str = "Your API key was refused by the API (HTTP 401): it may have been revoked or mistyped. Enter a valid key.";
const SIGNED_OUT: &str = "You are signed out: the key was removed from this tab.";

thread_local! {
    /// What is mounted now; dropping a handle unmounts it and disposes its signals.
    static MOUNTED: RefCell<Vec<Box<dyn Any>>> = const { RefCell::new(Vec::new()) };
}

/// Starts the console: called once by `main`.
pub fn start() {
    // Mounting also sets up the async executor that `spawn_local` needs.
    show(|| DomView::new(loading_state()));
    spawn_local(async {
        match client::fetch_config().await {
            Ok(config) => match stored_credentials(&config) {
                Some(credentials) => show_connections(config, credentials),
                None => show_sign_in(config, None),
            },
            Err(error) => show(move || DomView::new(config_error_panel(&error))),
        }
    });
}

fn stored_credentials(config: &Config) -> Option<Credentials> {
    match config.auth {
        AuthMode::Cookie => Some(Credentials::Cookie),
        AuthMode::ApiKey => platform::stored_key()
            .and_then(|secret| ApiKey::parse(&secret).ok())
            .map(Credentials::Key),
    }
}

fn show_sign_in(config: Config, notice: Option<&'static str>) {
    show(move || {
        // Created inside the screen, so it is disposed with it.
        let on_key = Callback::new(move |key: ApiKey| {
            // Storage can be refused (private mode); the key then lasts until reload.
            platform::store_key(key.secret());
            let config = config.clone();
            request_animation_frame(move || show_connections(config, Credentials::Key(key)));
        });
        DomView::new(sign_in(notice, on_key))
    });
}

fn show_connections(config: Config, credentials: Credentials) {
    let sandbox = match &credentials {
        Credentials::Key(key) => Some(key.is_sandbox()),
        Credentials::Cookie => None,
    };
    let client = ApiClient::new(&config, credentials);
    let stale_after = config.stale_after;
    let ask_for_key = move |notice: &'static str| {
        platform::forget_key();
        let config = config.clone();
        // Not while the screen that asks is still running its handler.
        request_animation_frame(move || show_sign_in(config, Some(notice)));
    };
    let refused = ask_for_key.clone();
    show(move || {
        let on_unauthorized = Callback::new(move |()| refused(KEY_REFUSED));
        view! { <ConnectionsPage client on_unauthorized stale_after /> }
    });
    if let Some(sandbox) = sandbox {
        show_account(move || {
            let account = dom::element("div", "topbar__account-items");
            if sandbox {
                dom::add(&account, "span", "sandbox-chip", "Sandbox");
            }
            dom::add_button(
                &account,
                "button button--secondary button--small",
                "Sign out",
                move |_| ask_for_key(SIGNED_OUT),
            );
            DomView::new(account)
        });
    }
}

/// Replaces what `<main>` shows, and empties the top bar's account area.
fn show<V: IntoView + 'static>(screen: impl FnOnce() -> V + 'static) {
    MOUNTED.with(|mounted| mounted.borrow_mut().clear());
    emptied("account");
    if let Some(main) = emptied("main") {
        keep(mount_to(main, screen));
    }
}

/// Fills the top bar's account area until the next `show`.
fn show_account<V: IntoView + 'static>(account: impl FnOnce() -> V + 'static) {
    if let Some(area) = emptied("account") {
        keep(mount_to(area, account));
    }
}

fn keep(handle: impl Any) {
    MOUNTED.with(|mounted| mounted.borrow_mut().push(Box::new(handle)));
}

/// The element with this id in index.html, with its content removed.
fn emptied(id: &str) -> Option<web_sys::HtmlElement> {
    let element = document().get_element_by_id(id)?;
    element.set_text_content(None);
    element.dyn_into().ok()
}
