//! An icon from the sprite in index.html. Decorative: the text beside it says the same.

use leptos::prelude::*;
use web_sys::Element;

use super::dom::{self, DomView};

const SVG: &str = "http://www.w3.org/2000/svg";

/// `name` is a symbol of the sprite without its `icon-` prefix, e.g. "error".
pub fn icon(name: &str) -> Element {
    let document = document();
    let make = |tag: &str| document.create_element_ns(Some(SVG), tag).ok();
    let (Some(svg), Some(symbol)) = (make("svg"), make("use")) else {
        return dom::element("span", "");
    };
    dom::set(&svg, "class", &format!("icon icon--{name}"));
    dom::set(&svg, "viewBox", "0 0 16 16");
    dom::set(&svg, "aria-hidden", "true");
    dom::set(&svg, "focusable", "false");
    dom::set(&symbol, "href", &format!("#icon-{name}"));
    dom::append(&svg, &symbol);
    svg
}

/// `icon` inside a `view!`.
#[component]
pub fn Icon(name: &'static str) -> impl IntoView {
    DomView::new(icon(name))
}
