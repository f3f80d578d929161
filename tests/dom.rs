//! View tests: components rendered into a real document in headless Chromium and
//! asserted through the DOM. Data comes from fixed JSON, never the network.
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use chrono::{DateTime, Utc};
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use mcp_console::api::decode::list_response;
use mcp_console::components::agents_note::AgentsNote;
use mcp_console::components::connection_card::ConnectionCard;
use mcp_console::components::connection_feed::{ConnectionFeed, FeedRows};
use mcp_console::components::connection_row::ConnectionRow;
use mcp_console::components::export_buttons::ExportButtons;
use mcp_console::components::filter_bar::FilterBar;
use mcp_console::components::health_badges::HealthBadges;
use mcp_console::components::instructions_diff::InstructionsDiff;
use mcp_console::components::instructions_full::InstructionsFull;
use mcp_console::components::layout_switch::LayoutSwitch;
use mcp_console::components::pointing_nowhere_notice::PointingNowhereNotice;
use mcp_console::components::revealed_text::RevealedText;
use mcp_console::components::search_box::SearchBox;
use mcp_console::components::server_address::ServerAddressView;
use mcp_console::components::states::LoadingState;
use mcp_console::components::status_badge::StatusBadge;
use mcp_console::components::test_all::TestAll;
use mcp_console::components::test_now::TestNow;
use mcp_console::components::test_run_progress::TestRunProgress;
use mcp_console::model::connection::{Connection, Status};
use mcp_console::model::export::ExportFormat;
use mcp_console::model::filter::{StatusCounts, StatusFilter};
use mcp_console::model::list::ConnectionList;
use mcp_console::model::list_layout::ListLayout;
use mcp_console::model::load_error::LoadError;
use mcp_console::model::search::Query;
use mcp_console::model::test_run::{CheckOutcome, NextStep, TestRun};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

const NOW: &str = "2026-03-25T15:00:00.000Z";

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(NOW)
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_default()
}

fn decode(json: &str) -> Vec<Connection> {
    match list_response(200, Some("application/json"), json) {
        Ok(list) => list.connections().to_vec(),
        Err(error) => panic!("fixture did not decode: {error}"),
    }
}

fn one(json: &str) -> Connection {
    decode(&format!("[{json}]")).remove(0)
}

const ORDERS: &str = r#"{"id":"3f6c1a2e-5b7d-4c8e-9f01-23456789abcd","tenantId":"t","name":"Order Management System",
    "serverUrl":"https://mcp.example.com/oms","authType":"bearer","status":"error",
    "instructions":"Line one of the rules.\nLine two.\nLine three.\nLine four is hidden at first.",
    "lastHealthCheckAt":"2026-03-25T12:00:00.000Z","createdAt":"2026-01-10T14:00:00.000Z","updatedAt":"2026-03-25T12:00:00.000Z"}"#;

/// A fresh element in the document to render into.
fn container() -> HtmlElement {
    let document = document();
    let element = document
        .create_element("div")
        .unwrap_or_else(|_| panic!("no div"));
    if let Some(body) = document.body() {
        let _ = body.append_child(&element);
    }
    element.unchecked_into()
}

fn find(root: &Element, selector: &str) -> Element {
    match root.query_selector(selector) {
        Ok(Some(element)) => element,
        _ => panic!("nothing matches {selector}"),
    }
}

fn count(root: &Element, selector: &str) -> u32 {
    root.query_selector_all(selector)
        .map(|list| list.length())
        .unwrap_or(0)
}

fn text(element: &Element) -> String {
    element.text_content().unwrap_or_default()
}

fn click(element: &Element) {
    element.unchecked_ref::<HtmlElement>().click();
}

#[wasm_bindgen_test]
async fn card_shows_every_field_with_the_page_contract() {
    let root = container();
    let connection = one(ORDERS);
    let _mounted = mount_to(root.clone(), move || {
        view! { <ConnectionCard connection now=Signal::stored(now()) /> }
    });
    let article = find(&root, "article");
    assert_eq!(
        article.get_attribute("data-connection-id").as_deref(),
        Some("3f6c1a2e-5b7d-4c8e-9f01-23456789abcd")
    );
    assert_eq!(
        article.get_attribute("data-status").as_deref(),
        Some("error")
    );
    assert_eq!(text(&find(&article, "h2")), "Order Management System");
    assert!(text(&find(&article, ".badge")).contains("Error"));
    let link = find(&article, "a.server-url");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://mcp.example.com/oms")
    );
    assert_eq!(link.get_attribute("target").as_deref(), Some("_blank"));
    assert_eq!(
        link.get_attribute("rel").as_deref(),
        Some("noopener noreferrer")
    );
    assert!(text(&article).contains("Bearer token"));
    assert!(text(&article).contains("3f6c1a2e-5b7d-4c8e-9f01-23456789abcd"));
    let times = article
        .query_selector_all("time")
        .map(|l| l.length())
        .unwrap_or(0);
    assert_eq!(times, 3);
    let checked = find(&article, "time");
    assert_eq!(
        checked.get_attribute("datetime").as_deref(),
        Some("2026-03-25T12:00:00.000Z")
    );
    assert_eq!(text(&checked), "3 hours ago");
    // The exact time is the time's description, shown on hover and focus.
    let tooltip_id = checked
        .get_attribute("aria-describedby")
        .unwrap_or_default();
    let tooltip = find(&article, &format!("#{tooltip_id}"));
    assert!(!text(&tooltip).is_empty());
}

#[wasm_bindgen_test]
async fn never_checked_and_non_http_urls_are_plain_text() {
    let root = container();
    let connection = one(
        r#"{"id":"x","tenantId":"t","name":"Legacy","serverUrl":"javascript:alert(1)","authType":"api_key","status":"unknown","lastHealthCheckAt":null}"#,
    );
    let _mounted = mount_to(root.clone(), move || {
        view! { <ConnectionCard connection now=Signal::stored(now()) /> }
    });
    // Only the name links, to the connection's own page; the URL stays text.
    assert_eq!(count(&root, "a:not(.card__link)"), 0);
    assert_eq!(
        find(&root, "a.card__link").get_attribute("href").as_deref(),
        Some("/connections/x")
    );
    assert!(text(&root).contains("javascript:alert(1)"));
    assert!(text(&root).contains("Never checked"));
    assert!(text(&root).contains("api_key"));
    assert!(text(&root).contains("No instructions"));
    assert_eq!(count(&root, "button[aria-expanded]"), 0);
}

#[wasm_bindgen_test]
async fn hostile_strings_stay_inert_text() {
    let root = container();
    let connection = one(
        r#"{"id":"h","tenantId":"t","name":"<img src=x onerror=alert(1)>","serverUrl":"https://x.test","authType":"<b>bold</b>","status":"<i>x</i>","instructions":"<script>alert(1)</script>"}"#,
    );
    let _mounted = mount_to(root.clone(), move || {
        view! { <ConnectionCard connection now=Signal::stored(now()) /> }
    });
    assert_eq!(count(&root, "img, script, b, i"), 0);
    assert_eq!(text(&find(&root, "h2")), "<img src=x onerror=alert(1)>");
    assert!(text(&root).contains("<script>alert(1)</script>"));
    assert_eq!(
        find(&root, "article")
            .get_attribute("data-status")
            .as_deref(),
        Some("<i>x</i>")
    );
}

#[wasm_bindgen_test]
async fn badge_words_and_shapes() {
    for (status, word, class) in [
        (Status::Active, "Active", "badge--active"),
        (Status::Error, "Error", "badge--error"),
        (Status::Unknown, "Unknown", "badge--unknown"),
        (Status::Other("degraded".into()), "degraded", "badge--other"),
    ] {
        let root = container();
        let _mounted = mount_to(
            root.clone(),
            move || view! { <StatusBadge status=status.clone() /> },
        );
        let badge = find(&root, ".badge");
        assert_eq!(text(&badge), word);
        assert!(badge.class_list().contains(class), "{class}");
        // A shape as well as the colour, hidden from screen readers (the word says it).
        assert_eq!(
            find(&badge, "svg").get_attribute("aria-hidden").as_deref(),
            Some("true")
        );
    }
}

#[wasm_bindgen_test]
async fn health_badges_tell_status_by_word_and_shape_and_show_stale_when_old() {
    let root = container();
    let status = RwSignal::new(Some(Status::Error));
    let stale = RwSignal::new(false);
    let _mounted = mount_to(root.clone(), move || {
        view! { <HealthBadges status stale /> }
    });
    let status_badge = || find(&root, ".card__badges > .badge:not(.badge--stale)");
    assert_eq!(text(&status_badge()), "Error");
    assert!(status_badge().class_list().contains("badge--error"));
    let shape = find(&status_badge(), "svg");
    assert!(shape.class_list().contains("icon--error"));
    assert_eq!(shape.get_attribute("aria-hidden").as_deref(), Some("true"));
    let stale_badge = find(&root, ".badge--stale");
    assert!(stale_badge.has_attribute("hidden"), "not stale: no badge");

    stale.set(true);
    status.set(Some(Status::Active));
    tick().await;
    assert!(!stale_badge.has_attribute("hidden"));
    assert_eq!(text(&stale_badge), "Stale");
    assert!(
        find(&stale_badge, "svg")
            .class_list()
            .contains("icon--stale")
    );
    assert_eq!(text(&status_badge()), "Active");
    assert!(status_badge().class_list().contains("badge--active"));
    assert!(
        find(&status_badge(), "svg")
            .class_list()
            .contains("icon--active")
    );

    status.set(None);
    tick().await;
    assert_eq!(
        count(&root, ".badge:not(.badge--stale)"),
        0,
        "no status, no badge"
    );
}

#[wasm_bindgen_test]
async fn test_now_says_testing_and_is_busy_while_a_check_runs_then_shows_its_note() {
    let root = container();
    let testing = RwSignal::new(false);
    let note = RwSignal::new(None::<String>);
    let pressed = RwSignal::new(0);
    let on_test = Callback::new(move |()| pressed.update(|n| *n += 1));
    let _mounted = mount_to(root.clone(), move || {
        view! { <TestNow testing note on_test standalone=true /> }
    });
    let button = find(&root, "button");
    assert_eq!(text(&button), "Test now");
    assert_eq!(button.get_attribute("type").as_deref(), Some("button"));
    assert_eq!(button.get_attribute("aria-busy").as_deref(), Some("false"));
    assert_eq!(count(&root, ".refresh-icon--spinning"), 0);
    click(&button);
    tick().await;
    assert_eq!(pressed.get_untracked(), 1);

    testing.set(true);
    tick().await;
    assert_eq!(text(&button), "Testing…");
    assert_eq!(button.get_attribute("aria-busy").as_deref(), Some("true"));
    assert_eq!(count(&button, ".refresh-icon--spinning svg"), 1);

    testing.set(false);
    note.set(Some("Health check passed.".to_owned()));
    tick().await;
    assert_eq!(text(&button), "Test now");
    assert_eq!(button.get_attribute("aria-busy").as_deref(), Some("false"));
    let shown = find(&root, ".card__note");
    assert_eq!(text(&shown), "Health check passed.");
    assert_eq!(shown.get_attribute("role").as_deref(), Some("status"));
    assert_eq!(
        button.get_attribute("aria-describedby"),
        Some(shown.id()),
        "the note describes the button"
    );
}

#[wasm_bindgen_test]
async fn a_cards_test_now_makes_the_card_busy_and_leaves_announcing_to_the_list() {
    let root = container();
    let connection = one(ORDERS);
    let testing = RwSignal::new(false);
    let note = RwSignal::new(None::<String>);
    let pressed = RwSignal::new(0);
    let on_test = Callback::new(move |()| pressed.update(|n| *n += 1));
    let _mounted = mount_to(root.clone(), move || {
        view! {
            <ConnectionCard connection now=Signal::stored(now()) testing test_note=note on_test />
        }
    });
    let article = find(&root, "article");
    let button = find(&root, ".card__actions button");
    assert_eq!(article.get_attribute("aria-busy").as_deref(), Some("false"));
    click(&button);
    testing.set(true);
    tick().await;
    assert_eq!(pressed.get_untracked(), 1);
    assert_eq!(article.get_attribute("aria-busy").as_deref(), Some("true"));
    assert_eq!(text(&button), "Testing…");
    assert!(
        !button.has_attribute("aria-busy"),
        "the card is busy, not its button"
    );

    testing.set(false);
    note.set(Some("Health check failed: status Error.".to_owned()));
    tick().await;
    assert_eq!(article.get_attribute("aria-busy").as_deref(), Some("false"));
    let shown = find(&article, ".card__actions .card__note");
    assert_eq!(text(&shown), "Health check failed: status Error.");
    assert!(
        !shown.has_attribute("role"),
        "the list's live region announces it"
    );
    assert_eq!(button.get_attribute("aria-describedby"), Some(shown.id()));
}

#[wasm_bindgen_test]
async fn a_card_and_the_full_instructions_count_trailing_blank_lines_alike() {
    let root = container();
    let mut connection = one(ORDERS);
    connection.instructions = Some("Use it.\r\n\n".to_owned());
    let full = connection.instructions.clone();
    let _mounted = mount_to(root.clone(), move || {
        view! {
            <ConnectionCard connection now=Signal::stored(now()) />
            <InstructionsFull text=full />
        }
    });
    let sizes: Vec<String> = (0..count(&root, ".instructions__size"))
        .filter_map(|i| root.query_selector_all(".instructions__size").ok()?.item(i))
        .map(|node| node.text_content().unwrap_or_default())
        .collect();
    assert_eq!(
        sizes,
        ["2 lines · 10 characters", "2 lines · 10 characters"]
    );
}

#[wasm_bindgen_test]
async fn a_blank_name_is_shown_as_unnamed() {
    let root = container();
    let mut connection = one(ORDERS);
    connection.name = " \t".to_owned();
    let _mounted = mount_to(root.clone(), move || {
        view! { <ConnectionCard connection now=Signal::stored(now()) /> }
    });
    assert_eq!(text(&find(&root, "h2")), "Unnamed connection");
    assert_eq!(count(&root, "h2 mark"), 0);
}

#[wasm_bindgen_test]
async fn loading_shows_skeleton_cards_hidden_from_assistive_technology() {
    let root = container();
    let _mounted = mount_to(root.clone(), LoadingState);
    let loading = find(&root, ".loading[role=status]");
    assert_eq!(
        text(&find(&loading, ".loading__text")),
        "Loading connections…"
    );
    assert_eq!(
        count(&loading, ".cards > .card.card--skeleton[aria-hidden=true]"),
        6
    );
    assert_eq!(count(&loading, ".card--skeleton .skeleton"), 24);
}

#[wasm_bindgen_test]
async fn instructions_toggle_expands_to_the_full_text() {
    let root = container();
    let connection = one(ORDERS);
    let _mounted = mount_to(root.clone(), move || {
        view! { <ConnectionCard connection now=Signal::stored(now()) /> }
    });
    let toggle = find(&root, "button[aria-expanded]");
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    let region_id = toggle.get_attribute("aria-controls").unwrap_or_default();
    let region = find(&root, &format!("#{region_id}"));
    assert!(!text(&region).contains("Line four"));
    assert!(text(&region).ends_with('…'));

    click(&toggle);
    tick().await;
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert_eq!(
        text(&region),
        "Line one of the rules.\nLine two.\nLine three.\nLine four is hidden at first."
    );

    click(&toggle);
    tick().await;
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert!(!text(&region).contains("Line four"));
}

#[wasm_bindgen_test]
async fn hidden_characters_are_shown_as_tokens_never_as_themselves() {
    let root = container();
    let instructions =
        "Be helpful.\u{200B}\r\nNow \u{202E}reversed\u{202C} \u{E0069}\u{E0067}".to_owned();
    let _mounted = mount_to(root.clone(), move || {
        view! { <InstructionsFull text=Some(instructions) /> }
    });
    let shown = find(&root, "pre");
    let tokens: Vec<String> = (0..count(&shown, ".hidden-char"))
        .filter_map(|i| shown.query_selector_all(".hidden-char").ok()?.item(i))
        .map(|node| node.text_content().unwrap_or_default())
        .collect();
    assert_eq!(tokens, ["ZWSP", "RLO", "PDF", "TAG i", "TAG g"]);
    let visible = text(&shown);
    assert!(!visible.contains(['\u{200B}', '\u{202E}', '\u{202C}', '\u{E0069}']));
    assert!(
        visible.contains("\r\nNow "),
        "line breaks are kept: {visible:?}"
    );
    assert!(text(&root).contains("5 hidden characters"));
    assert!(text(&root).contains("2 lines"));
    assert_eq!(count(&root, "button[aria-label='Copy instructions']"), 1);
}

#[wasm_bindgen_test]
async fn the_server_address_names_its_real_host_and_warns_on_plain_http() {
    let root = container();
    let _mounted = mount_to(root.clone(), move || {
        view! { <ServerAddressView url="http://login.example.com@evil.test/sse".to_owned() sends_token=true /> }
    });
    assert_eq!(text(&find(&root, ".address__host")), "evil.test");
    assert_eq!(text(&find(&root, ".address__scheme")), "http://");
    assert_eq!(count(&root, ".warning"), 2);
    assert!(text(&root).contains("bearer token travel unencrypted"));
    assert!(text(&root).contains("the server is evil.test"));
}

#[wasm_bindgen_test]
async fn a_hidden_character_in_a_host_is_shown_where_it_is() {
    let root = container();
    let _mounted = mount_to(root.clone(), move || {
        view! { <ServerAddressView url="https://pay\u{200B}pal.example/\u{202E}x".to_owned() sends_token=false /> }
    });
    assert_eq!(text(&find(&root, ".address__host")), "payZWSPpal.example");
    assert_eq!(text(&find(&root, ".address__rest")), "/RLOx");
    assert!(!text(&root).contains(['\u{200B}', '\u{202E}']));
}

#[wasm_bindgen_test]
async fn filter_bar_shows_counts_and_reports_choices() {
    let root = container();
    let selected = RwSignal::new(StatusFilter::All);
    let counts = StatusCounts {
        all: 25,
        active: 14,
        error: 6,
        unknown: 5,
        stale: 3,
        hidden: 2,
        unused: 11,
        changed: 4,
    };
    let on_select = Callback::new(move |filter| selected.set(filter));
    let agents_known = RwSignal::new(false);
    let unavailable = RwSignal::new(false);
    let _mounted = mount_to(root.clone(), move || {
        view! {
            <FilterBar
                counts=Signal::stored(counts)
                selected
                on_select
                agents_known
                changed_unavailable=unavailable
            />
        }
    });
    let buttons = root
        .query_selector_all("button")
        .unwrap_or_else(|_| panic!("no buttons"));
    let labels: Vec<String> = (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .map(|node| node.text_content().unwrap_or_default())
        .collect();
    assert_eq!(
        labels,
        [
            "All 25",
            "Active 14",
            "Error 6",
            "Unknown 5",
            "Stale 3",
            "Hidden characters 2",
            "Unused 11",
            "Changed 4"
        ]
    );
    // Unused is offered once the agents are known.
    assert_eq!(count(&root, "button.filter--unused[hidden]"), 1);
    agents_known.set(true);
    tick().await;
    assert_eq!(count(&root, "button.filter--unused[hidden]"), 0);
    assert!(!find(&root, "button.filter--changed").has_attribute("hidden"));
    unavailable.set(true);
    tick().await;
    assert!(
        find(&root, "button.filter--changed").has_attribute("hidden"),
        "no Changed filter without storage"
    );
    let pressed = || text(&find(&root, "button[aria-pressed=true]"));
    assert_eq!(pressed(), "All 25");

    click(&find(&root, "button.filter--error"));
    tick().await;
    assert_eq!(selected.get_untracked(), StatusFilter::Error);
    assert_eq!(pressed(), "Error 6");
    assert_eq!(count(&root, "button[aria-pressed=true]"), 1);
}

#[wasm_bindgen_test]
async fn search_matches_are_marked_as_text_never_markup() {
    let root = container();
    let query = RwSignal::new(Arc::new(Query::parse("zurich <b>")));
    let _mounted = mount_to(root.clone(), move || {
        view! { <RevealedText text="Pricing <b>Zürich</b>\u{200B} (zurich)".to_owned() query /> }
    });
    let marks: Vec<String> = (0..count(&root, "mark"))
        .filter_map(|i| root.query_selector_all("mark").ok()?.item(i))
        .map(|node| node.text_content().unwrap_or_default())
        .collect();
    assert_eq!(marks, ["<b>Zürich", "zurich"]);
    assert_eq!(count(&root, "b"), 0, "the text's tags stay text");
    assert_eq!(text(&root), "Pricing <b>Zürich</b>ZWSP (zurich)");
    assert_eq!(
        count(&root, ".hidden-char"),
        1,
        "hidden characters are tokens"
    );

    query.set(Arc::new(Query::default()));
    tick().await;
    assert_eq!(count(&root, "mark"), 0);
    assert_eq!(text(&root), "Pricing <b>Zürich</b>ZWSP (zurich)");
}

#[wasm_bindgen_test]
async fn search_box_is_labelled_and_escape_clears_it() {
    let root = container();
    let query = RwSignal::new("shop".to_owned());
    let on_input = Callback::new(move |text: String| query.set(text));
    let input_ref = NodeRef::new();
    let _mounted = mount_to(root.clone(), move || {
        view! { <SearchBox query on_input input_ref /> }
    });
    tick().await;
    let input = find(&root, "input[type=search]");
    assert_eq!(text(&find(&root, "label[for=search]")), "Search");
    assert_eq!(
        count(&root, "#search-hint kbd"),
        2,
        "the keys are shown as keys"
    );
    assert_eq!(input.id(), "search");
    assert_eq!(input.unchecked_ref::<HtmlInputElement>().value(), "shop");
    let escape = KeyboardEventInit::new();
    escape.set_key("Escape");
    escape.set_bubbles(true);
    if let Ok(event) = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &escape) {
        let _ = input.dispatch_event(&event);
    }
    tick().await;
    assert_eq!(query.get_untracked(), "");
    assert_eq!(input.unchecked_ref::<HtmlInputElement>().value(), "");
}

#[wasm_bindgen_test]
async fn the_feed_renders_a_window_and_tells_each_card_its_place() {
    let root = container();
    let list = stores(2000);
    let positions: Vec<usize> = (0..list.connections().len()).collect();
    let rows = RwSignal::new(FeedRows {
        list: Arc::clone(&list),
        positions: Arc::new(positions),
    });
    let shown = Signal::derive(move || rows.with(FeedRows::len));
    let card = move |id: String, place: Signal<Option<usize>>| {
        let connection = list.get(&id).cloned();
        connection.map(|connection| {
            view! {
                <ConnectionCard
                    connection=Signal::stored(connection)
                    now=Signal::stored(now())
                    position=place
                    set_size=shown
                />
            }
        })
    };
    let _mounted = mount_to(root.clone(), move || view! { <ConnectionFeed rows card /> });
    for _ in 0..5 {
        tick().await;
        next_frame().await;
    }
    let rendered = count(&root, "article");
    assert!(rendered > 0 && rendered < 60, "{rendered} of 2000 rendered");
    let feed = find(&root, "[role=feed]");
    assert_eq!(
        feed.get_attribute("aria-label").as_deref(),
        Some("Connections")
    );
    let first = find(&root, "article");
    assert_eq!(first.get_attribute("aria-posinset").as_deref(), Some("1"));
    assert_eq!(first.get_attribute("aria-setsize").as_deref(), Some("2000"));
    let height = feed.get_bounding_client_rect().height();
    assert!(
        height > 2000.0 * 100.0,
        "the feed keeps the full height: {height}px"
    );

    // A narrower list: fewer rows, the set size follows.
    rows.update(|rows| rows.positions = Arc::new(vec![5, 6, 7]));
    for _ in 0..3 {
        tick().await;
        next_frame().await;
    }
    assert_eq!(count(&root, "article"), 3);
    assert_eq!(
        find(&root, "article")
            .get_attribute("data-connection-id")
            .as_deref(),
        Some("id-0005")
    );
    assert_eq!(
        find(&root, "article")
            .get_attribute("aria-setsize")
            .as_deref(),
        Some("3")
    );
}

/// `count` active connections, "Store 0000" at https://s0.example.com and on.
fn stores(count: usize) -> Arc<ConnectionList> {
    let records: Vec<String> = (0..count)
        .map(|i| {
            format!(
                r#"{{"id":"id-{i:04}","tenantId":"t","name":"Store {i:04}","serverUrl":"https://s{i}.example.com","authType":"bearer","status":"active"}}"#
            )
        })
        .collect();
    match list_response(200, None, &format!("[{}]", records.join(","))) {
        Ok(list) => Arc::new(list),
        Err(error) => panic!("fixture did not decode: {error}"),
    }
}

#[wasm_bindgen_test]
async fn below_the_threshold_every_row_is_in_the_document_and_above_it_a_window() {
    for layout in ListLayout::ALL {
        let root = container();
        let list = stores(2000);
        let whole = (0..2000)
            .take_while(|&rows| !layout.windowed(rows + 1))
            .last()
            .unwrap_or_default();
        let rows = RwSignal::new(FeedRows {
            list: Arc::clone(&list),
            positions: Arc::new((0..whole).collect()),
        });
        let shown = Signal::derive(move || rows.with(FeedRows::len));
        let row = move |id: String, place: Signal<Option<usize>>| {
            let connection = list.get(&id).cloned();
            connection.map(|connection| {
                view! {
                    <ConnectionRow
                        connection=Signal::stored(connection)
                        now=Signal::stored(now())
                        position=place
                        set_size=shown
                    />
                }
            })
        };
        let _mounted = mount_to(
            root.clone(),
            move || view! { <ConnectionFeed rows card=row layout /> },
        );
        for _ in 0..3 {
            tick().await;
            next_frame().await;
        }
        assert_eq!(
            count(&root, "article") as usize,
            whole,
            "{layout:?}: all {whole} rows"
        );
        assert!(text(&root).contains(&format!("Store {:04}", whole - 1)));

        rows.update(|rows| rows.positions = Arc::new((0..2000).collect()));
        for _ in 0..3 {
            tick().await;
            next_frame().await;
        }
        let rendered = count(&root, "article");
        assert!(rendered < 100, "{layout:?}: {rendered} of 2000 rendered");
        root.remove();
    }
}

#[wasm_bindgen_test]
async fn a_compact_row_holds_status_name_host_auth_last_check_and_markers() {
    let root = container();
    let connection = one(ORDERS);
    let stale = RwSignal::new(false);
    let _mounted = mount_to(root.clone(), move || {
        view! { <ConnectionRow connection now=Signal::stored(now()) stale /> }
    });
    let row = find(&root, "article.row");
    assert_eq!(
        row.get_attribute("data-connection-id").as_deref(),
        Some("3f6c1a2e-5b7d-4c8e-9f01-23456789abcd")
    );
    let heading = find(&row, "h2");
    assert_eq!(
        row.get_attribute("aria-labelledby"),
        heading.get_attribute("id")
    );
    assert_eq!(text(&heading), "Order Management System");
    assert_eq!(
        find(&heading, "a.card__link")
            .get_attribute("href")
            .as_deref(),
        Some("/connections/3f6c1a2e-5b7d-4c8e-9f01-23456789abcd")
    );
    let badge = find(&row, ".badge--error");
    assert_eq!(text(&badge), "Error");
    assert_eq!(
        count(&badge, "svg.icon--error"),
        1,
        "a shape, not colour alone"
    );
    // The host only, as text: the full address is on the connection's page.
    assert_eq!(text(&find(&row, ".row__host bdi")), "mcp.example.com");
    assert_eq!(count(&row, "a"), 1, "only the name links");
    assert_eq!(text(&find(&row, ".row__auth")), "Bearer token");
    let checked = find(&row, ".row__checked time");
    assert_eq!(text(&checked), "3 hours ago");
    // The exact time describes it, shown on focus (it is a Tab stop).
    assert_eq!(checked.get_attribute("tabindex").as_deref(), Some("0"));
    let exact = checked
        .get_attribute("aria-describedby")
        .unwrap_or_default();
    assert!(!text(&find(&row, &format!("#{exact}"))).is_empty());
    let stale_badge = find(&row, ".badge--stale");
    assert!(stale_badge.has_attribute("hidden"), "not stale: no badge");
    stale.set(true);
    tick().await;
    assert!(!stale_badge.has_attribute("hidden"));
    assert_eq!(text(&stale_badge), "Stale");

    // The instructions open in place, exactly, and close again.
    let toggle = find(&row, "button[aria-expanded]");
    assert_eq!(text(&toggle), "Instructions");
    let region = find(
        &row,
        &format!(
            "#{}",
            toggle.get_attribute("aria-controls").unwrap_or_default()
        ),
    );
    assert!(region.has_attribute("hidden"));
    assert!(!text(&row).contains("Line four"));
    click(&toggle);
    tick().await;
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert!(!region.has_attribute("hidden"));
    assert!(text(&region).contains("Line one of the rules.\nLine two."));
    assert!(text(&region).contains("Line four is hidden at first."));
    click(&toggle);
    tick().await;
    assert!(region.has_attribute("hidden"));
}

#[wasm_bindgen_test]
async fn a_compact_row_marks_hidden_characters_and_look_alike_hosts_and_stays_text() {
    let root = container();
    let connection = one(
        r#"{"id":"h","tenantId":"t","name":"Pay\u200bPal <img src=x onerror=alert(1)>","serverUrl":"https://p\u0430ypal.example/x","authType":"<b>x</b>","status":"active"}"#,
    );
    let _mounted = mount_to(root.clone(), move || {
        view! { <ConnectionRow connection now=Signal::stored(now()) /> }
    });
    assert_eq!(count(&root, "img, b"), 0);
    assert_eq!(
        text(&find(&root, "h2")),
        "PayZWSPPal <img src=x onerror=alert(1)>"
    );
    assert!(text(&root).contains("Hidden characters"));
    assert!(text(&root).contains("Look-alike host"));
    assert!(text(&root).contains("Never checked"));
    assert!(text(&root).contains("No instructions"));
    assert_eq!(count(&root, "button"), 0);
}

#[wasm_bindgen_test]
async fn the_layout_switch_presses_the_layout_on_screen_and_reports_choices() {
    let root = container();
    let selected = RwSignal::new(ListLayout::Cards);
    let chosen = RwSignal::new(None::<ListLayout>);
    let on_select = Callback::new(move |layout| chosen.set(Some(layout)));
    let _mounted = mount_to(root.clone(), move || {
        view! { <LayoutSwitch selected on_select /> }
    });
    let group = find(&root, "[role=group]");
    let label = group.get_attribute("aria-labelledby").unwrap_or_default();
    assert_eq!(text(&find(&root, &format!("#{label}"))), "Layout");
    let pressed = || {
        let buttons = root.query_selector_all("button").ok();
        (0..2)
            .filter_map(|i| buttons.as_ref()?.item(i))
            .map(|b| {
                let b: Element = b.unchecked_into();
                (
                    text(&b),
                    b.get_attribute("aria-pressed").unwrap_or_default(),
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(
        pressed(),
        [
            ("Cards".into(), "true".into()),
            ("Compact".into(), "false".into())
        ]
    );
    click(&find(&root, "button:last-child"));
    assert_eq!(chosen.get_untracked(), Some(ListLayout::Compact));
    selected.set(ListLayout::Compact);
    tick().await;
    assert_eq!(
        pressed(),
        [
            ("Cards".into(), "false".into()),
            ("Compact".into(), "true".into())
        ]
    );
}

/// Resolves at the next animation frame, after the feed has measured its cards.
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().request_animation_frame(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

#[wasm_bindgen_test]
async fn a_card_says_how_many_agents_use_it_once_that_is_known() {
    let root = container();
    let connection = one(ORDERS);
    let agents = RwSignal::new(None::<u32>);
    let _mounted = mount_to(root.clone(), move || {
        view! { <ConnectionCard connection now=Signal::stored(now()) agents /> }
    });
    assert_eq!(count(&root, ".card__agents"), 0);
    agents.set(Some(3));
    tick().await;
    assert_eq!(text(&find(&root, ".card__agents")), "Used by 3 agents");
    agents.set(Some(0));
    tick().await;
    assert_eq!(text(&find(&root, ".card__agents")), "Not used by any agent");
}

#[wasm_bindgen_test]
async fn agents_that_cannot_be_read_get_one_quiet_line() {
    let root = container();
    let forbidden = LoadError::http(403, Some("missing scope"));
    let _mounted = mount_to(root.clone(), move || {
        view! {
            <AgentsNote error=forbidden showing_earlier=false />
            <AgentsNote error=LoadError::Timeout { after_secs: 20 } showing_earlier=true />
        }
    });
    let notes = root
        .query_selector_all(".agents-note")
        .unwrap_or_else(|_| panic!("no notes"));
    let texts: Vec<String> = (0..notes.length())
        .filter_map(|i| notes.item(i))
        .map(|node| node.text_content().unwrap_or_default())
        .collect();
    assert_eq!(
        texts,
        [
            "Agent usage is not shown: it needs an API key with the agents:read scope.",
            "The API did not answer within 20 seconds: agent usage shown is from the last successful read. It is read again with the list."
        ]
    );
    assert_eq!(count(&root, "[role=alert]"), 0);
}

#[wasm_bindgen_test]
async fn agents_pointing_nowhere_are_named_as_text_with_tokens() {
    let root = container();
    let mut names = vec!["<b>Bold</b>".to_owned(), "Pay\u{200B}Pal".to_owned()];
    names.extend((0..10).map(|i| format!("Agent {i}")));
    let _mounted = mount_to(
        root.clone(),
        move || view! { <PointingNowhereNotice names /> },
    );
    assert!(text(&root).starts_with("12 agents refer to connections that no longer exist"));
    assert_eq!(count(&root, "b"), 0);
    assert!(text(&root).contains("<b>Bold</b>"));
    assert_eq!(count(&root, ".hidden-char"), 1);
    assert_eq!(count(&root, ".pointing-nowhere__names li"), 11);
    assert!(text(&root).contains("and 2 more"));
}

#[wasm_bindgen_test]
async fn test_all_starts_at_once_up_to_50_and_asks_above() {
    let root = container();
    let shown = RwSignal::new(3_usize);
    let running = RwSignal::new(false);
    let started = RwSignal::new(0);
    let on_start = Callback::new(move |()| started.update(|n| *n += 1));
    let _mounted = mount_to(root.clone(), move || {
        view! { <TestAll count=shown running on_start /> }
    });
    let button = find(&root, "button");
    assert_eq!(text(&button), "Test all shown (3)");
    click(&button);
    tick().await;
    assert_eq!(started.get_untracked(), 1);
    assert_eq!(count(&root, ".confirm"), 0);

    shown.set(51);
    tick().await;
    click(&button);
    tick().await;
    assert_eq!(
        started.get_untracked(),
        1,
        "nothing starts before the answer"
    );
    let question = find(&root, ".confirm");
    assert_eq!(question.get_attribute("role").as_deref(), Some("group"));
    assert!(text(&question).starts_with("Test 51 connections?"));
    click(&find(&question, "button"));
    tick().await;
    assert_eq!(started.get_untracked(), 2);
    assert_eq!(count(&root, ".confirm"), 0);

    running.set(true);
    tick().await;
    assert!(button.has_attribute("disabled"), "one run at a time");
}

#[wasm_bindgen_test]
async fn test_run_progress_shows_counts_a_pause_and_cancel_then_close() {
    let root = container();
    let at = now();
    let mut first = TestRun::new((0..6).map(|i| format!("c{i}")).collect());
    let mut started = Vec::new();
    while let NextStep::Check(id) = first.next_step(at) {
        started.push(id);
    }
    first.record(started[0].clone(), CheckOutcome::Passed, at);
    first.record(started[1].clone(), CheckOutcome::Failed, at);
    first.record(
        started[2].clone(),
        CheckOutcome::RateLimited {
            retry_after_secs: Some(10),
        },
        at,
    );
    let run = RwSignal::new(Some(first));
    let (cancelled, closed) = (RwSignal::new(0), RwSignal::new(0));
    let on_cancel = Callback::new(move |()| cancelled.update(|n| *n += 1));
    let on_close = Callback::new(move |()| closed.update(|n| *n += 1));
    let _mounted = mount_to(root.clone(), move || {
        view! { <TestRunProgress run now=Signal::stored(at) on_cancel on_close /> }
    });
    let section = find(&root, "section.test-run");
    assert_eq!(section.get_attribute("aria-busy").as_deref(), Some("true"));
    let bar = find(&root, "progress");
    assert_eq!(bar.get_attribute("max").as_deref(), Some("6"));
    assert_eq!(bar.get_attribute("value").as_deref(), Some("2"));
    assert_eq!(
        bar.get_attribute("aria-labelledby"),
        find(&root, "h2").get_attribute("id")
    );
    assert_eq!(
        text(&find(&root, ".test-run__counts")),
        "2 of 6 tested: 1 passed, 1 still failing."
    );
    assert!(text(&find(&root, ".test-run__state")).starts_with("Paused"));
    let cancel = find(&root, "button");
    assert_eq!(text(&cancel), "Cancel");
    click(&cancel);
    tick().await;
    assert_eq!(cancelled.get_untracked(), 1);

    run.update(|r| {
        if let Some(r) = r {
            r.cancel();
            for id in &started[3..] {
                r.record(id.clone(), CheckOutcome::Passed, at);
            }
        }
    });
    tick().await;
    assert_eq!(section.get_attribute("aria-busy").as_deref(), Some("false"));
    assert!(text(&find(&root, ".test-run__state")).starts_with("Cancelled after 3 of 6"));
    let close = find(&root, "button");
    assert_eq!(text(&close), "Close");
    click(&close);
    tick().await;
    assert_eq!(closed.get_untracked(), 1);
}

#[wasm_bindgen_test]
async fn export_buttons_say_exporting_and_wait_then_show_the_outcome() {
    let root = container();
    let busy = RwSignal::new(None::<ExportFormat>);
    let message = RwSignal::new(None::<String>);
    let asked = RwSignal::new(Vec::<ExportFormat>::new());
    let on_export = Callback::new(move |format| asked.update(|a| a.push(format)));
    let _mounted = mount_to(root.clone(), move || {
        view! { <ExportButtons busy message count=Signal::stored(3_usize) on_export /> }
    });
    let buttons = root.query_selector_all("button").ok();
    let button = |i| {
        buttons
            .as_ref()
            .and_then(|b| b.item(i))
            .and_then(|n| n.dyn_into::<Element>().ok())
            .unwrap_or_else(|| panic!("no button {i}"))
    };
    assert_eq!(text(&button(0)), "Export CSV");
    assert_eq!(text(&button(1)), "Export JSON");
    click(&button(1));
    tick().await;
    assert_eq!(asked.get_untracked(), [ExportFormat::Json]);

    busy.set(Some(ExportFormat::Json));
    tick().await;
    assert_eq!(text(&button(1)), "Exporting JSON…");
    assert_eq!(
        button(1).get_attribute("aria-busy").as_deref(),
        Some("true")
    );
    assert!(button(0).has_attribute("disabled"));

    busy.set(None);
    message.set(Some("Exported 3 connections as JSON.".to_owned()));
    tick().await;
    let status = find(&root, "[role=status]");
    assert_eq!(text(&status), "Exported 3 connections as JSON.");
    assert!(!button(0).has_attribute("disabled"));
}

#[wasm_bindgen_test]
async fn the_instructions_diff_marks_lines_by_sign_word_and_element_with_hidden_characters_as_tokens()
 {
    let root = container();
    let _mounted = mount_to(root.clone(), move || {
        view! {
            <InstructionsDiff
                old=Some("Keep\r\nAsk first".to_owned())
                new=Some("Keep\nAsk\u{200B} first\nNew line".to_owned())
            />
        }
    });
    assert_eq!(count(&root, "li.diff__line"), 4);
    assert_eq!(text(&find(&root, "del")), "Removed: Ask first");
    let added = root
        .query_selector_all("ins")
        .unwrap_or_else(|_| panic!("no ins"));
    assert_eq!(added.length(), 2);
    assert_eq!(count(&root, "ins .hidden-char"), 1);
    assert!(!text(&root).contains('\u{200B}'));
    assert_eq!(
        text(&find(&root, ".diff__line--removed .diff__sign")),
        "\u{2212}"
    );
}

#[wasm_bindgen_test]
async fn the_instructions_diff_says_when_a_side_had_no_instructions() {
    let root = container();
    let _mounted = mount_to(root.clone(), move || {
        view! { <InstructionsDiff old=None new=Some("Rules".to_owned()) /> }
    });
    assert_eq!(
        text(&find(&root, ".diff__none")),
        "When last reviewed, there were no instructions."
    );
    assert_eq!(text(&find(&root, "ins")), "Added: Rules");
}

#[wasm_bindgen_test]
async fn a_card_says_its_instructions_changed_and_since_when() {
    let root = container();
    let connection = one(ORDERS);
    let changed = RwSignal::new(None::<DateTime<Utc>>);
    let _mounted = mount_to(root.clone(), move || {
        view! {
            <ConnectionCard
                connection=Signal::stored(connection.clone())
                now=Signal::stored(now())
                instructions_changed=changed
            />
        }
    });
    assert_eq!(count(&root, ".review-note"), 0);
    changed.set(Some(now() - chrono::TimeDelta::minutes(5)));
    tick().await;
    let note = text(&find(&root, ".review-note"));
    assert!(
        note.starts_with("Instructions changed first noticed 5 min"),
        "{note}"
    );
}
