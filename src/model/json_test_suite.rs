//! JSONTestSuite's 318 parsing cases (`tests/fixtures/json-test-suite`, whose README
//! says where they come from) against every JSON reader of the console.
//!
//! Each y_ case must be read as JSON and each n_ case refused as not JSON; an i_ case
//! may go either way, and `implementation_defined` says which way the console goes
//! and why. None of the readers takes any JSON at all, so "read as JSON" means that
//! what refuses the case, if anything, is its shape, not its syntax:
//!
//! - `config.json` (here): the case is the whole file. Not JSON is
//!   `ConfigError::NotJson`; JSON of another shape (a list, a field of the wrong
//!   kind) is a `BadField`.
//! - The list (`api::decode`'s tests), three ways. The case is the whole answer,
//!   read at once and in pieces: not JSON is `LoadError::Malformed` (or `NotJson`,
//!   text that looks like HTML); other JSON is the list, its elements rejected
//!   records, or `WrongShape`. The case is the value of an unknown field of the
//!   middle one of three records: JSON shows all three. The case is the middle
//!   element itself: JSON shows the other two and rejects it. Text that is not JSON
//!   fails the whole answer, as any broken record does.
//! - One connection, a health check's result and an error body (`api::decode`'s
//!   tests): the case is the whole answer, whose reader tells text that is not JSON
//!   (`Unreadable::NotJson`) from JSON of another shape.
//!
//! The 25 cases listed in the fixtures' README were not UTF-8 in the suite, and the
//! npm copy has U+FFFD for their bytes: they run as that text, which is what the
//! console makes of such bytes too (the browser's `text()`, the list decoder's lossy
//! decoding of each record), but they are not the suite's own bytes.

use std::path::PathBuf;

/// One case: its file name (y_, n_ or i_…) and text.
#[derive(Debug)]
pub struct Case {
    pub name: String,
    pub text: String,
}

/// Every case, by name.
pub fn cases() -> Vec<Case> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/json-test-suite/test_parsing");
    let mut cases: Vec<Case> = std::fs::read_dir(&dir)
        .unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
        .map(|entry| {
            let path = entry.unwrap_or_else(|error| panic!("{error}")).path();
            let bytes = std::fs::read(&path).unwrap_or_else(|error| panic!("{error}"));
            Case {
                name: path
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned(),
                text: String::from_utf8(bytes).unwrap_or_else(|error| panic!("{error}")),
            }
        })
        .collect();
    cases.sort_by(|a, b| a.name.cmp(&b.name));
    cases
}

/// Where a reader meets the case.
#[derive(Debug, Clone, Copy)]
pub struct Place {
    /// The case is the whole text, where a byte-order mark may come first.
    pub at_start: bool,
    /// The case, when an object, is read field by field as one of the console's
    /// (`config.json`, a record, an answer), not skipped.
    pub fields_read: bool,
}

/// Whether the console reads the i_ case `name`, met at `place`, as JSON (`Ok`) or
/// not (`Err`), with the reason.
pub fn implementation_defined(name: &str, place: Place) -> Result<&'static str, &'static str> {
    match name {
        _ if name.starts_with("i_number_") => Ok(
            "numbers are checked but never converted: a known field keeps its text (1e400 \
             is \"a number\"), an unknown one is skipped",
        ),
        "i_string_UTF-16LE_with_BOM.json"
        | "i_string_utf16BE_no_BOM.json"
        | "i_string_utf16LE_no_BOM.json" => Err(
            "UTF-16: the console reads UTF-8 only (RFC 8259 8.1), and as UTF-8 these bytes \
             have NULs between the characters",
        ),
        "i_structure_UTF-8_BOM_empty_object.json" if place.at_start => Ok(
            "a byte-order mark before the text is skipped (RFC 8259 8.1 lets readers \
             ignore it; so does the browser's text())",
        ),
        "i_structure_UTF-8_BOM_empty_object.json" => {
            Err("a byte-order mark is skipped only at the start; inside the text it is not JSON")
        }
        "i_object_key_lone_2nd_surrogate.json" if place.fields_read => Err(
            "serde_json reads a field's name as Unicode text and refuses a lone surrogate \
             in it (RFC 8259 8.2: such names behave unpredictably); no field of the \
             console's has one, and in a skipped value it is kept",
        ),
        "i_object_key_lone_2nd_surrogate.json" => {
            Ok("skipped or only checked, a lone surrogate in a field's name is JSON")
        }
        _ if name.starts_with("i_string_") => Ok(
            "a lone surrogate, or bytes that are not UTF-8, become U+FFFD where the text \
             is shown, as in the browser",
        ),
        "i_structure_500_nested_arrays.json" => {
            Ok("nesting is checked without recursion, at any depth")
        }
        _ => panic!("{name}: an implementation-defined case without a decision"),
    }
}

/// Runs `read` (whether a reader took the case as JSON) on every case met at
/// `place`, checks each answer against the suite and the console's decisions, and
/// returns how many y_, n_ and i_ cases ran.
pub fn check(place: Place, mut read: impl FnMut(&Case) -> bool) -> [usize; 3] {
    let mut counts = [0; 3];
    let mut wrong = Vec::new();
    let cases = cases();
    for case in &cases {
        let (kind, expected) = match case.name.as_bytes().first() {
            Some(b'y') => (0, Ok("JSON")),
            Some(b'n') => (1, Err("not JSON")),
            _ => (2, implementation_defined(&case.name, place)),
        };
        counts[kind] += 1;
        let read = read(case);
        if read != expected.is_ok() {
            wrong.push(format!("{}: read {read}, against {expected:?}", case.name));
        }
    }
    assert!(wrong.is_empty(), "{place:?}: {wrong:#?}");
    assert_eq!(counts, [95, 188, 35], "the suite's cases");
    let lossy = cases.iter().filter(|case| case.text.contains('\u{FFFD}'));
    assert_eq!(lossy.count(), 25, "the npm copy's lossy cases");
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::config::{self, ConfigError};

    const FILE: Place = Place {
        at_start: true,
        fields_read: true,
    };

    #[test]
    fn config_json_reads_json_and_refuses_the_rest() {
        check(FILE, |case| {
            !matches!(config::parse(200, &case.text), Err(ConfigError::NotJson(_)))
        });
    }
}
