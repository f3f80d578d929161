//! Splits a JSON array that arrives in pieces into the text of its elements, so that
//! a big list is decoded while it downloads and is never held whole in memory (the
//! body of 50,000 connections is 39 MB). It checks only the array's own structure:
//! each element is checked by the decoder that reads it.

use crate::model::json_text::is_whitespace;

/// A UTF-8 byte-order mark, which may come before the array (`json_text::without_bom`).
const BOM: &[u8] = "\u{FEFF}".as_bytes();

/// What the splitter has seen so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// At the start of the text, this many bytes of a byte-order mark seen.
    Bom(usize),
    /// Whitespace before the array.
    Start,
    /// After `[`: an element or `]`.
    First,
    /// After `,`: an element.
    Next,
    /// Inside an element.
    Element(Element),
    /// After an element: `,` or `]`.
    After,
    /// After `]`: only whitespace may follow.
    Done,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Element {
    /// An object or array, `depth` brackets deep.
    Container { depth: u32 },
    /// A string.
    String,
    /// A number, `true`, `false` or `null`: ends at whitespace, `,` or `]`.
    Scalar,
}

/// Why the text cannot be the documented list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SplitError {
    /// The first character is not `[`: the caller reads the whole body to say what it is.
    NotAnArray,
    /// The array's structure is broken, in words.
    Broken(String),
}

#[derive(Debug)]
pub struct ArraySplitter {
    state: State,
    /// Inside a string: the last byte was an unescaped backslash.
    escaped: bool,
    in_string: bool,
    /// The received bytes not yet handed out: the current element so far.
    pending: Vec<u8>,
    /// Bytes received before `pending`, to say where something broke.
    offset: usize,
}

impl Default for ArraySplitter {
    fn default() -> Self {
        ArraySplitter {
            state: State::Bom(0),
            escaped: false,
            in_string: false,
            pending: Vec::new(),
            offset: 0,
        }
    }
}

impl ArraySplitter {
    /// Scans `bytes`, handing each element completed by them to `element`.
    /// A `dyn` callback: one copy of the scanner serves the list and the export.
    pub fn push(&mut self, bytes: &[u8], element: &mut dyn FnMut(&[u8])) -> Result<(), SplitError> {
        let mut start = 0;
        for (at, &byte) in bytes.iter().enumerate() {
            if let State::Element(kind) = self.state {
                let end = match kind {
                    Element::Scalar => {
                        (is_whitespace(byte) || byte == b',' || byte == b']').then_some(at)
                    }
                    Element::String | Element::Container { .. } => {
                        self.scan_in_element(kind, byte).then_some(at + 1)
                    }
                };
                let Some(end) = end else {
                    continue;
                };
                self.pending.extend_from_slice(&bytes[start..end]);
                element(&self.pending);
                self.offset += self.pending.len();
                self.pending.clear();
                start = end;
                self.state = State::After;
                if end == at + 1 {
                    continue;
                }
            }
            // Outside elements: structure and whitespace, one byte at a time.
            self.offset += 1;
            start = at + 1;
            if let State::Bom(seen) = self.state {
                if BOM.get(seen) == Some(&byte) {
                    self.state = match seen + 1 {
                        done if done == BOM.len() => State::Start,
                        more => State::Bom(more),
                    };
                    continue;
                }
                if seen > 0 {
                    // Part of a mark: no JSON starts like that.
                    return Err(SplitError::NotAnArray);
                }
                self.state = State::Start;
            }
            if is_whitespace(byte) {
                continue;
            }
            self.state = match (self.state, byte) {
                (State::Start, b'[') => State::First,
                (State::Start, _) => return Err(SplitError::NotAnArray),
                (State::First, b']') | (State::After, b']') => State::Done,
                (State::After, b',') => State::Next,
                (State::Next, b']') => return Err(self.broken("a comma is followed by ]")),
                (State::First | State::Next, _) => {
                    // The element's first byte is part of its text.
                    self.offset -= 1;
                    start = at;
                    self.begin_element(byte)
                }
                (State::Done, _) => return Err(self.broken("there is more text after the list")),
                (_, _) => {
                    return Err(
                        self.broken("a list element is followed by something other than , or ]")
                    );
                }
            };
        }
        if let State::Element(_) = self.state {
            self.pending.extend_from_slice(&bytes[start..]);
        }
        Ok(())
    }

    /// The end of the text: the array must be complete.
    pub fn finish(&self) -> Result<(), SplitError> {
        match self.state {
            State::Done => Ok(()),
            State::Bom(_) | State::Start => Err(SplitError::NotAnArray),
            _ => Err(self.broken("the list ends before its closing ]")),
        }
    }

    fn begin_element(&mut self, byte: u8) -> State {
        self.escaped = false;
        self.in_string = byte == b'"';
        State::Element(match byte {
            b'{' | b'[' => Element::Container { depth: 1 },
            b'"' => Element::String,
            _ => Element::Scalar,
        })
    }

    /// One byte inside a string or container element; `true` when it ends it.
    fn scan_in_element(&mut self, kind: Element, byte: u8) -> bool {
        if self.in_string {
            if self.escaped {
                self.escaped = false;
            } else if byte == b'\\' {
                self.escaped = true;
            } else if byte == b'"' {
                self.in_string = false;
                return kind == Element::String;
            }
            return false;
        }
        let Element::Container { depth } = kind else {
            return false;
        };
        let depth = match byte {
            b'"' => {
                self.in_string = true;
                depth
            }
            b'{' | b'[' => depth.saturating_add(1),
            b'}' | b']' => depth - 1,
            _ => depth,
        };
        self.state = State::Element(Element::Container { depth });
        depth == 0
    }

    fn broken(&self, what: &str) -> SplitError {
        SplitError::Broken(format!("{what}, at byte {}", self.offset))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The elements of `text` fed in pieces of `size` bytes, and the outcome.
    fn split(text: &str, size: usize) -> (Vec<String>, Result<(), SplitError>) {
        let mut splitter = ArraySplitter::default();
        let mut elements = Vec::new();
        let mut collect = |bytes: &[u8]| elements.push(String::from_utf8_lossy(bytes).into_owned());
        for piece in text.as_bytes().chunks(size.max(1)) {
            if let Err(error) = splitter.push(piece, &mut collect) {
                return (elements, Err(error));
            }
        }
        (elements, splitter.finish())
    }

    #[test]
    fn elements_of_every_kind_in_pieces_of_any_size() {
        let text =
            r#" [ {"a":"x,]}\"{","b":[1,{"c":[]}]}, 42 ,"s\\\"]" ,true,null,-1.5e3,[],{} ] "#;
        let expected = [
            r#"{"a":"x,]}\"{","b":[1,{"c":[]}]}"#,
            "42",
            r#""s\\\"]""#,
            "true",
            "null",
            "-1.5e3",
            "[]",
            "{}",
        ];
        for size in [1, 2, 3, 7, 64, text.len()] {
            let (elements, outcome) = split(text, size);
            assert_eq!(outcome, Ok(()), "pieces of {size}");
            assert_eq!(elements, expected, "pieces of {size}");
        }
    }

    #[test]
    fn empty_lists() {
        assert_eq!(split("[]", 1), (vec![], Ok(())));
        assert_eq!(split(" [\n] \n", 1), (vec![], Ok(())));
    }

    #[test]
    fn a_leading_byte_order_mark_is_skipped() {
        for size in [1, 2, 3, 4, 64] {
            assert_eq!(
                split("\u{FEFF}[1, {\"a\":2}]", size),
                (vec!["1".to_owned(), "{\"a\":2}".to_owned()], Ok(())),
                "pieces of {size}"
            );
            assert_eq!(split("\u{FEFF} \n[]", size), (vec![], Ok(())));
        }
        // Only one, and only first: JSON has no mark anywhere else.
        for text in [
            "\u{FEFF}\u{FEFF}[]",
            " \u{FEFF}[]",
            "\u{FEFF}",
            "\u{FEFF}{}",
        ] {
            assert_eq!(split(text, 1).1, Err(SplitError::NotAnArray), "{text:?}");
        }
        // Part of a mark is not one.
        let mut splitter = ArraySplitter::default();
        assert_eq!(
            splitter.push(&[0xEF, 0xBB, b'['], &mut |_| {}),
            Err(SplitError::NotAnArray)
        );
    }

    #[test]
    fn only_json_whitespace_separates() {
        let (elements, outcome) = split("[1\u{c}]", 1);
        assert_eq!(outcome, Ok(()));
        assert_eq!(
            elements,
            ["1\u{c}"],
            "form feed is part of the element, whose decoder refuses it"
        );
        assert_eq!(split("\u{c}[]", 1).1, Err(SplitError::NotAnArray));
        assert!(matches!(
            split("[{}\u{c}]", 1).1,
            Err(SplitError::Broken(_))
        ));
        assert!(matches!(split("[]\u{c}", 1).1, Err(SplitError::Broken(_))));
        assert_eq!(split("[\u{b}1]", 1), (vec!["\u{b}1".to_owned()], Ok(())));
        assert_eq!(
            split(" \t\r\n[ \t\r\n1 \t\r\n] \t\r\n", 1),
            (vec!["1".to_owned()], Ok(()))
        );
    }

    #[test]
    fn anything_but_an_array_is_left_to_the_caller() {
        for text in [r#"{"data":[]}"#, "<html>", "", "   ", "42"] {
            assert_eq!(split(text, 2).1, Err(SplitError::NotAnArray), "{text:?}");
        }
    }

    #[test]
    fn broken_structure_is_named() {
        let cases = [
            (r#"[{"a":1}"#, "ends before"),
            (r#"[{"a":1},"#, "ends before"),
            (r#"[{"a":"unterminated"#, "ends before"),
            ("[1, 2", "ends before"),
            (r#"[{"a":1} {"b":2}]"#, "other than , or ]"),
            ("[1] x", "more text after"),
            ("[1,]", "comma is followed by ]"),
        ];
        for (text, words) in cases {
            match split(text, 3).1 {
                Err(SplitError::Broken(message)) => {
                    assert!(message.contains(words), "{text}: {message}")
                }
                other => panic!("{text}: {other:?}"),
            }
        }
    }
}
