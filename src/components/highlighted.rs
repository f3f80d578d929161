//! Text with the parts that match the search marked: each piece is a text node, and a
//! match is a `<mark>` around text, never HTML.

use web_sys::Node;

use super::dom;
use crate::model::search::{Query, split_highlighted};

/// Appends `text` to `parent`, with what `query` matches marked (nothing while the
/// query is empty).
pub fn highlighted(parent: &Node, text: &str, query: &Query) {
    let ranges = query.highlights(text);
    for (piece, matched) in split_highlighted(text, &ranges) {
        if matched {
            dom::add(parent, "mark", "hit", piece);
        } else {
            dom::append_text(parent, piece);
        }
    }
}
