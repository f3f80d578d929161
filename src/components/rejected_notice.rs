//! Records the API sent that could not be shown, counted and named.

use web_sys::Element;

use super::dom;
use crate::model::list::RejectedRecord;

pub fn rejected_notice(rejected: &[RejectedRecord]) -> Element {
    let summary = match rejected.len() {
        1 => "1 record could not be shown".to_owned(),
        n => format!("{n} records could not be shown"),
    };
    let notice = dom::element("details", "notice");
    dom::add(&notice, "summary", "", &summary);
    dom::add(
        &notice,
        "p",
        "",
        "The API sent these records in a form the console cannot read. The other connections are shown.",
    );
    let list = dom::add(&notice, "ul", "notice__list", "");
    for record in rejected {
        let item = dom::add(&list, "li", "", "");
        let which = format!("Record {}", record.position);
        match &record.id {
            Some(id) => {
                dom::append_text(&item, &format!("{which} (id "));
                dom::add(&dom::add(&item, "code", "", ""), "bdi", "", id);
                dom::append_text(&item, ")");
            }
            None => dom::append_text(&item, &format!("{which} (no readable id)")),
        }
        dom::append_text(&item, &format!(": {}", record.reason));
    }
    notice
}
