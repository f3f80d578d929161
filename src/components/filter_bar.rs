//! The status filter: a toggle button per status with its count.

use leptos::prelude::*;
use web_sys::Element;

use super::dom;
use crate::model::filter::{StatusCounts, StatusFilter};

pub fn filter_bar(
    counts: Signal<StatusCounts>,
    selected: Signal<StatusFilter>,
    on_select: Callback<StatusFilter>,
) -> Element {
    let filters = dom::element("div", "filters");
    dom::set(&filters, "role", "group");
    dom::set(&filters, "aria-label", "Filter by status");
    for filter in StatusFilter::ALL {
        let class = format!("filter filter--{}", filter.label().to_ascii_lowercase());
        let button = dom::add_button(&filters, &class, "", move |_| on_select.run(filter));
        dom::watch_attr(&button, "aria-pressed", move || {
            Some((selected.get() == filter).to_string())
        });
        dom::add(&button, "span", "filter__label", filter.label());
        dom::append_text(&button, " ");
        let count = dom::add(&button, "span", "filter__count", "");
        dom::watch_text(&count, move || counts.get().get(filter).to_string());
    }
    filters
}
