//! Search: the admin's query matched against folded text (case and accents ignored),
//! and the matched parts of a text for highlighting.

use std::cmp::Ordering;
use std::ops::Range;

use super::fold_table::FOLD;

/// The folded form of one character: lower case without accents. `None` for
/// combining marks, which folding drops (so "e\u{301}" matches "é" and "e").
fn fold_char(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c.to_ascii_lowercase());
    }
    if is_combining_mark(c) {
        return None;
    }
    let Ok(code) = u16::try_from(u32::from(c)) else {
        return Some(c);
    };
    match FOLD.binary_search_by_key(&code, |&(from, _)| from) {
        Ok(found) => char::from_u32(u32::from(FOLD[found].1)),
        Err(_) => Some(c),
    }
}

/// The combining diacritical mark blocks: marks that decomposed text puts after a
/// letter.
fn is_combining_mark(c: char) -> bool {
    matches!(
        u32::from(c),
        0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F
    )
}

/// Appends the folded form of `text` to `out`.
pub fn fold_into(text: &str, out: &mut String) {
    // Most text is ASCII: copying and lower-casing it in bulk is several times faster
    // than folding it a character at a time, which matters for 50,000 connections.
    if text.is_ascii() {
        let start = out.len();
        out.push_str(text);
        if let Some(added) = out.get_mut(start..) {
            added.make_ascii_lowercase();
        }
    } else {
        out.extend(text.chars().filter_map(fold_char));
    }
}

pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// Whether `folded` (lower case) is in `text`, ASCII case aside. A word with other
/// characters never is in ASCII text.
fn contains_ignoring_ascii_case(text: &str, folded: &str) -> bool {
    let (text, word) = (text.as_bytes(), folded.as_bytes());
    let Some(&first) = word.first() else {
        return true;
    };
    let Some(last_start) = text.len().checked_sub(word.len()) else {
        return false;
    };
    (0..=last_start).any(|at| {
        text[at].to_ascii_lowercase() == first
            && text[at..at + word.len()].eq_ignore_ascii_case(word)
    })
}

/// The order of two names, ignoring case and accents (without folded copies).
pub fn folded_cmp(a: &str, b: &str) -> Ordering {
    let a = a.trim().chars().filter_map(fold_char);
    a.cmp(b.trim().chars().filter_map(fold_char))
}

/// What the admin typed, folded and split into words. A connection matches when
/// every word appears in it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    terms: Vec<String>,
}

impl Query {
    pub fn parse(raw: &str) -> Self {
        let mut terms: Vec<String> = Vec::new();
        for term in fold(raw).split_whitespace() {
            if !terms.iter().any(|known| known == term) {
                terms.push(term.to_owned());
            }
        }
        Query { terms }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// `folded` must have been folded with `fold`.
    pub fn matches(&self, folded: &str) -> bool {
        self.terms.iter().all(|term| folded.contains(term.as_str()))
    }

    /// As `matches`, for text that is all ASCII and not folded: a word matches when
    /// it is in one of `fields`, ASCII case aside.
    pub fn matches_ascii(&self, fields: &[&str]) -> bool {
        self.terms.iter().all(|term| {
            fields
                .iter()
                .any(|field| contains_ignoring_ascii_case(field, term))
        })
    }

    /// Byte ranges of `text` (not folded) where a word of the query matches, sorted
    /// and merged, always on character boundaries.
    pub fn highlights(&self, text: &str) -> Vec<Range<usize>> {
        if self.is_empty() {
            return Vec::new();
        }
        // For each byte of the folded text, the original character it came from,
        // with the combining marks that follow it (a mark is never cut off its letter).
        let mut folded = String::with_capacity(text.len());
        let mut origin: Vec<Range<usize>> = Vec::with_capacity(text.len());
        let mut last_width = 0;
        for (start, c) in text.char_indices() {
            let end = start + c.len_utf8();
            match fold_char(c) {
                Some(f) => {
                    folded.push(f);
                    last_width = f.len_utf8();
                    origin.extend(std::iter::repeat_n(start..end, last_width));
                }
                None => {
                    let from = origin.len().saturating_sub(last_width);
                    origin[from..].iter_mut().for_each(|range| range.end = end);
                }
            }
        }
        let mut ranges: Vec<Range<usize>> = self
            .terms
            .iter()
            .flat_map(|term| {
                folded
                    .match_indices(term.as_str())
                    .map(|(at, found)| at..at + found.len())
                    .collect::<Vec<_>>()
            })
            .filter_map(|hit| Some(origin.get(hit.start)?.start..origin.get(hit.end - 1)?.end))
            .collect();
        ranges.sort_by_key(|range| range.start);
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
        for range in ranges {
            match merged.last_mut() {
                Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
                _ => merged.push(range),
            }
        }
        merged
    }
}

/// `text` cut into pieces, each marked as matched or not, for rendering as text.
pub fn split_highlighted<'a>(text: &'a str, ranges: &[Range<usize>]) -> Vec<(&'a str, bool)> {
    let mut pieces = Vec::with_capacity(ranges.len() * 2 + 1);
    let mut at = 0;
    for range in ranges {
        let (Some(before), Some(hit)) = (text.get(at..range.start), text.get(range.clone())) else {
            continue;
        };
        if !before.is_empty() {
            pieces.push((before, false));
        }
        pieces.push((hit, true));
        at = range.end;
    }
    if let Some(rest) = text.get(at..).filter(|rest| !rest.is_empty()) {
        pieces.push((rest, false));
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_text_matches_without_a_folded_copy() {
        let fields = [
            "Store 0042 - Orders",
            "https://Store-0042.EU-West.example/orders",
        ];
        assert!(Query::parse("ORDERS eu-west").matches_ascii(&fields));
        assert!(Query::parse("0042").matches_ascii(&fields));
        assert!(Query::parse("").matches_ascii(&fields));
        assert!(!Query::parse("orders us-east").matches_ascii(&fields));
        assert!(
            Query::parse("ZÜRICH").matches_ascii(&["zurich"]),
            "the query is folded"
        );
        assert!(!Query::parse("東京").matches_ascii(&["tokyo"]));
        assert!(
            !Query::parse("westhttps").matches_ascii(&fields),
            "never across fields"
        );
        assert!(contains_ignoring_ascii_case("ab", "ab"));
        assert!(!contains_ignoring_ascii_case("a", "ab"));
        assert!(
            contains_ignoring_ascii_case("xxAB", "ab"),
            "at the very end"
        );
    }

    #[test]
    fn names_order_without_case_or_accents() {
        assert_eq!(folded_cmp(" Édith", "edith"), Ordering::Equal);
        assert_eq!(folded_cmp("apple", "Banana"), Ordering::Less);
        assert_eq!(folded_cmp("Zoë", "zoe a"), Ordering::Less);
    }

    #[test]
    fn folding_ignores_case_and_accents() {
        assert_eq!(fold("Crème BRÛLÉE"), "creme brulee");
        assert_eq!(fold("ÆRØSKØBING"), "ærøskøbing");
        assert_eq!(fold("Ångström"), "angstrom");
        assert_eq!(fold("Łódź Straße"), "łodz straße");
        assert_eq!(fold("Tiếng Việt"), "tieng viet");
        assert_eq!(fold("ΑΘΉΝΑ"), "αθηνα");
        assert_eq!(fold("МАГАЗИН Ёлка"), "магазин елка");
        assert_eq!(fold("ＳＨＯＰ"), "shop");
    }

    #[test]
    fn decomposed_text_folds_like_composed_text() {
        assert_eq!(fold("Cafe\u{301}"), fold("Café"));
        assert_eq!(fold("Cafe\u{301}"), "cafe");
    }

    #[test]
    fn other_scripts_emoji_and_controls_stay_as_they_are() {
        assert_eq!(fold("東京店 🛒"), "東京店 🛒");
        assert_eq!(fold("متجر"), "متجر");
        assert_eq!(fold("a\u{202E}b\u{0}"), "a\u{202E}b\u{0}");
    }

    #[test]
    fn every_word_must_match_in_any_order() {
        let query = Query::parse("  Shop   EU ");
        let text = fold("Berlin shop — eu-central");
        assert!(query.matches(&text));
        assert!(Query::parse("eu shop").matches(&text));
        assert!(!Query::parse("shop us").matches(&text));
        assert!(Query::parse("").matches(&text));
        assert!(Query::parse(" \t").is_empty());
    }

    #[test]
    fn queries_match_without_accents_or_case_either_way() {
        let text = fold("Café Münster");
        assert!(Query::parse("cafe").matches(&text));
        assert!(Query::parse("CAFÉ MUNSTER").matches(&text));
        assert!(Query::parse("münst").matches(&text));
        assert!(!Query::parse("cafes").matches(&text));
    }

    #[test]
    fn highlights_map_back_to_the_original_text() {
        let text = "Café MÜNSTER café";
        let ranges = Query::parse("cafe").highlights(text);
        assert_eq!(ranges.len(), 2);
        assert_eq!(&text[ranges[0].clone()], "Café");
        assert_eq!(&text[ranges[1].clone()], "café");
        let ranges = Query::parse("unst").highlights(text);
        assert_eq!(&text[ranges[0].clone()], "ÜNST");
    }

    #[test]
    fn highlights_include_combining_marks_and_merge_overlaps() {
        let text = "Cafe\u{301} shop";
        let ranges = Query::parse("café").highlights(text);
        assert_eq!(&text[ranges[0].clone()], "Cafe\u{301}");
        let ranges = Query::parse("sho hop").highlights(text);
        assert_eq!(ranges.len(), 1);
        assert_eq!(&text[ranges[0].clone()], "shop");
    }

    #[test]
    fn split_marks_the_matched_pieces() {
        let text = "Store 0042 orders";
        let ranges = Query::parse("0042").highlights(text);
        assert_eq!(
            split_highlighted(text, &ranges),
            [("Store ", false), ("0042", true), (" orders", false)]
        );
        assert_eq!(split_highlighted(text, &[]), [(text, false)]);
        assert_eq!(
            split_highlighted("abc", &Query::parse("ABC").highlights("abc")),
            [("abc", true)],
            "the whole text"
        );
    }
}
