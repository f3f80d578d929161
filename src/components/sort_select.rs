//! The order of the list.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlSelectElement};

use super::dom;
use crate::model::sort::SortOrder;

pub fn sort_select(selected: Signal<SortOrder>, on_select: Callback<SortOrder>) -> Element {
    let sort = dom::element("div", "sort");
    dom::set(
        &dom::add(&sort, "label", "sort__label", "Sort"),
        "for",
        "sort",
    );
    let select: HtmlSelectElement = dom::add(&sort, "select", "sort__select", "").unchecked_into();
    dom::set(&select, "id", "sort");
    for order in SortOrder::ALL {
        dom::set(
            &dom::add(&select, "option", "", order.label()),
            "value",
            order.query_value(),
        );
    }
    {
        let select = select.clone();
        dom::watch(move || select.set_value(selected.get().query_value()));
    }
    let chosen = select.clone();
    dom::on(&select, "change", move |_| {
        if let Some(order) = SortOrder::from_query_value(&chosen.value()) {
            on_select.run(order);
        }
    });
    sort
}
