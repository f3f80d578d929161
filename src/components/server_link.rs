//! The MCP server's URL: a link only for http(s), otherwise inert text.

use web_sys::Element;

use super::dom;
use super::highlighted::highlighted;
use crate::model::search::Query;
use crate::model::text::safe_http_url;

/// `query`'s matches in the URL are marked.
pub fn server_link(url: &str, query: &Query) -> Element {
    if url.trim().is_empty() {
        return dom::text_element("span", "server-url server-url--missing", "No URL given");
    }
    let (link, note_class, note) = match safe_http_url(url) {
        Some(href) => {
            let link = dom::element("a", "server-url");
            dom::set(&link, "href", href);
            dom::set(&link, "target", "_blank");
            dom::set(&link, "rel", "noopener noreferrer");
            (link, "visually-hidden", " (opens in a new tab)")
        }
        None => (
            dom::element("span", "server-url server-url--inert"),
            "server-url__note",
            " (not a web address)",
        ),
    };
    let bdi = dom::add(&link, "bdi", "", "");
    highlighted(&bdi, url, query);
    dom::add(&link, "span", note_class, note);
    link
}
