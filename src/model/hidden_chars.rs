//! Invisible and confusable characters in untrusted text, made visible and counted.
//!
//! MCP server instructions go verbatim into AI agents' system prompts, and prompt
//! injection hides in characters a reader cannot see: zero-width characters, bidi
//! controls that reorder what is displayed, tag characters that copy ASCII invisibly,
//! control characters and look-alike spaces. The console shows each of them as a
//! visible token and counts them, so nothing in the text is hidden from the operator.
//! A test holds the scan to Unicode's own properties for every code point: whatever
//! is Default_Ignorable_Code_Point, Bidi_Control, White_Space, a control (Cc) or a
//! format character (Cf) is flagged, with the few exceptions it names.
//!
//! Instructions can be hundreds of kilobytes across thousands of connections, so the
//! scan is one pass over the bytes: printable ASCII costs one comparison, and a
//! multibyte character is decoded only when its lead byte can start a flagged one.

/// Why a character is flagged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum HiddenKind {
    /// Zero-width and other invisible format characters (ZWSP, ZWNJ, ZWJ, word joiner,
    /// invisible math operators, BOM, soft hyphen, Hangul fillers, the braille blank,
    /// Mongolian and supplementary variation selectors, which can smuggle data, and
    /// every other default-ignorable code point, assigned or not). Not
    /// U+FE00..=U+FE0F: emoji use those legitimately.
    Invisible,
    /// Bidirectional controls that reorder what is displayed.
    Bidi,
    /// C0 and C1 control characters except tab and line feed (a carriage return only
    /// when it is not part of CRLF), DEL, and the line and paragraph separators, which
    /// break lines where a reader sees none.
    Control,
    /// Unicode tag characters U+E0000..=U+E007F: invisible copies of ASCII ("ASCII
    /// smuggling").
    Tag,
    /// Spaces other than U+0020 that look like one.
    Space,
}

impl HiddenKind {
    /// All kinds in display order: the most dangerous first.
    pub const ALL: [HiddenKind; 5] = [
        HiddenKind::Bidi,
        HiddenKind::Tag,
        HiddenKind::Invisible,
        HiddenKind::Control,
        HiddenKind::Space,
    ];

    /// Plural words for counts ("3 bidirectional controls").
    pub fn label(self) -> &'static str {
        match self {
            HiddenKind::Invisible => "invisible characters",
            HiddenKind::Bidi => "bidirectional controls",
            HiddenKind::Control => "control characters",
            HiddenKind::Tag => "tag characters",
            HiddenKind::Space => "unusual spaces",
        }
    }

    /// Singular words ("1 bidirectional control"), also for descriptions of
    /// characters without a name of their own.
    pub fn singular(self) -> &'static str {
        let label = self.label();
        label.strip_suffix('s').unwrap_or(label)
    }
}

/// One flagged character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HiddenChar {
    pub ch: char,
    pub kind: HiddenKind,
}

impl HiddenChar {
    /// What the console shows in place of the character: a short visible ASCII token,
    /// never the character itself. Tag characters show the ASCII they hide.
    pub fn token(self) -> String {
        if self.kind == HiddenKind::Tag {
            return match self.ch {
                '\u{E0001}' => "TAG begin".to_owned(),
                '\u{E007F}' => "TAG end".to_owned(),
                '\u{E0020}' => "TAG space".to_owned(),
                _ => match hidden_ascii(self.ch) {
                    Some(ascii) => format!("TAG {ascii}"),
                    None => format!("TAG {}", code_point(self.ch)),
                },
            };
        }
        match names(self.ch).0 {
            "" => code_point(self.ch),
            abbreviation => abbreviation.to_owned(),
        }
    }

    /// A longer description for a tooltip or accessible name: the code point and
    /// what the character is (its name, or at least its kind in words).
    pub fn description(self) -> String {
        let code = code_point(self.ch);
        if self.kind == HiddenKind::Tag {
            return match self.ch {
                '\u{E0001}' => format!("{code} language tag (begins hidden tag text)"),
                '\u{E007F}' => format!("{code} cancel tag (ends hidden tag text)"),
                '\u{E0020}' => format!("{code} tag character hiding a space"),
                _ => match hidden_ascii(self.ch) {
                    Some(ascii) => format!("{code} tag character hiding \"{ascii}\""),
                    None => format!("{code} tag character"),
                },
            };
        }
        match names(self.ch).1 {
            "" => format!("{code} {}", self.kind.singular()),
            name => format!("{code} {name}"),
        }
    }
}

/// "U+XXXX": uppercase hex, at least four digits.
fn code_point(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

/// The printable ASCII character (not space) a tag character copies.
fn hidden_ascii(c: char) -> Option<char> {
    char::from_u32(u32::from(c).wrapping_sub(0xE0000)).filter(char::is_ascii_graphic)
}

/// The usual abbreviation and a name in words, "" where there is none: a `match`
/// rather than a table keeps the wasm small, and so do the two as one string, cut at
/// "|". Rarer characters go by their kind.
fn names(c: char) -> (&'static str, &'static str) {
    let both = match c {
        '\u{0}' => "NUL|null character",
        '\u{7}' => "BEL|bell",
        '\u{8}' => "BS|backspace",
        '\u{B}' => "VT|vertical tab",
        '\u{C}' => "FF|form feed",
        '\r' => "CR|carriage return without a line feed",
        '\u{1B}' => "ESC|escape (starts terminal control sequences)",
        '\u{7F}' => "DEL|delete",
        '\u{A0}' => "NBSP|no-break space",
        '\u{AD}' => "SHY|soft hyphen",
        '\u{34F}' => "|combining grapheme joiner",
        '\u{61C}' => "ALM|Arabic letter mark",
        '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' => "|Hangul filler (shows as blank)",
        '\u{1680}' => "|Ogham space mark",
        '\u{17B4}' | '\u{17B5}' => "|Khmer inherent vowel (invisible)",
        '\u{180E}' => "|Mongolian vowel separator",
        '\u{2007}' => "|figure space",
        '\u{2009}' => "|thin space",
        '\u{200A}' => "|hair space",
        '\u{2000}'..='\u{2008}' => "|typographic space",
        '\u{200B}' => "ZWSP|zero-width space",
        '\u{200C}' => "ZWNJ|zero-width non-joiner",
        '\u{200D}' => "ZWJ|zero-width joiner",
        '\u{200E}' => "LRM|left-to-right mark",
        '\u{200F}' => "RLM|right-to-left mark",
        '\u{2028}' => "LS|line separator (breaks the line invisibly)",
        '\u{2029}' => "PS|paragraph separator (breaks the line invisibly)",
        '\u{202A}' => "LRE|left-to-right embedding (reorders the text after it)",
        '\u{202B}' => "RLE|right-to-left embedding (reorders the text after it)",
        '\u{202C}' => "PDF|pop directional formatting",
        '\u{202D}' => "LRO|left-to-right override (reorders the text after it)",
        '\u{202E}' => "RLO|right-to-left override (reverses the text after it)",
        '\u{202F}' => "NNBSP|narrow no-break space",
        '\u{205F}' => "|medium mathematical space",
        '\u{2060}' => "WJ|word joiner",
        '\u{2061}'..='\u{2064}' => "|invisible math operator",
        '\u{2066}' => "LRI|left-to-right isolate (reorders the text after it)",
        '\u{2067}' => "RLI|right-to-left isolate (reorders the text after it)",
        '\u{2068}' => "FSI|first strong isolate (reorders the text after it)",
        '\u{2069}' => "PDI|pop directional isolate",
        '\u{2800}' => "|braille blank (shows as blank)",
        '\u{3000}' => "|ideographic space",
        '\u{FEFF}' => "BOM|zero-width no-break space (byte order mark)",
        '\u{FFF9}'..='\u{FFFB}' => "|interlinear annotation control",
        '\u{1D173}'..='\u{1D17A}' => "|invisible musical formatting character",
        '\u{E0100}'..='\u{E01EF}' => "|variation selector (can carry hidden data)",
        _ => "",
    };
    both.split_once('|').unwrap_or_default()
}

/// The kind of a flagged character, or `None` for ordinary text. A carriage return is
/// flagged here; the scan lets it through when a line feed follows (CRLF). The first
/// arm that matches decides, so the ranges of later arms may span earlier ones.
fn classify(c: char) -> Option<HiddenKind> {
    match c {
        '\t' | '\n' => None,
        '\u{0}'..='\u{1F}' | '\u{7F}'..='\u{9F}' | '\u{2028}' | '\u{2029}' => {
            Some(HiddenKind::Control)
        }
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{61C}' => {
            Some(HiddenKind::Bidi)
        }
        '\u{E0000}'..='\u{E007F}' => Some(HiddenKind::Tag),
        '\u{A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
            Some(HiddenKind::Space)
        }
        '\u{200B}'..='\u{200D}'
        | '\u{2060}'..='\u{206F}'
        | '\u{FEFF}'
        | '\u{180B}'..='\u{180F}'
        | '\u{AD}'
        | '\u{34F}'
        | '\u{115F}'
        | '\u{1160}'
        | '\u{2800}'
        | '\u{3164}'
        | '\u{FFA0}'
        | '\u{17B4}'
        | '\u{17B5}'
        | '\u{FFF0}'..='\u{FFFB}'
        | '\u{13430}'..='\u{1343F}'
        | '\u{1BCA0}'..='\u{1BCA3}'
        | '\u{1D173}'..='\u{1D17A}'
        | '\u{E0080}'..='\u{E0FFF}' => Some(HiddenKind::Invisible),
        _ => None,
    }
}

/// Whether a UTF-8 sequence starting with this lead byte can be a flagged character:
/// everything else is skipped without decoding (Latin, Cyrillic, CJK, most emoji
/// planes). A test checks it against `classify` for every character.
fn may_be_flagged(lead: u8) -> bool {
    matches!(
        lead,
        0xC2 | 0xCD | 0xD8 | 0xE1 | 0xE2 | 0xE3 | 0xEF | 0xF0 | 0xF3
    )
}

/// Walks `text` once, calling `visit(start, end, flagged)` for every character with its
/// byte range: `Some` for a flagged one, `None` for ordinary text.
fn scan(text: &str, mut visit: impl FnMut(usize, usize, Option<HiddenChar>)) {
    let bytes = text.as_bytes();
    let mut start = 0;
    while let Some(&lead) = bytes.get(start) {
        let (len, ch) = match lead {
            0x20..=0x7E => (1, None),
            b'\r' if bytes.get(start + 1) == Some(&b'\n') => (1, None),
            0x00..=0x7F => (1, Some(char::from(lead))),
            0xF0.. => (4, None),
            0xE0.. => (3, None),
            _ => (2, None),
        };
        let ch = ch.or_else(|| {
            (lead >= 0x80 && may_be_flagged(lead))
                .then(|| text.get(start..start + len)?.chars().next())
                .flatten()
        });
        let flagged = ch.and_then(|ch| {
            Some(HiddenChar {
                ch,
                kind: classify(ch)?,
            })
        });
        visit(start, start + len, flagged);
        start += len;
    }
}

/// A piece of text as displayed: plain runs kept whole (borrowed, never copied),
/// flagged characters one by one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    Hidden(HiddenChar),
}

/// The text cut into plain runs and flagged characters, in order. Concatenating the
/// Text pieces and the flagged characters gives back the input exactly; CRLF stays
/// inside a Text run, and text with nothing flagged is one piece.
pub fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut run = 0;
    scan(text, |start, end, flagged| {
        if let Some(hidden) = flagged {
            if let Some(plain) = text.get(run..start).filter(|plain| !plain.is_empty()) {
                out.push(Piece::Text(plain));
            }
            out.push(Piece::Hidden(hidden));
            run = end;
        }
    });
    if let Some(plain) = text.get(run..).filter(|plain| !plain.is_empty()) {
        out.push(Piece::Text(plain));
    }
    out
}

/// The text for a place that takes plain text only (the document title), with each
/// flagged character as its token in brackets: a bidi control must not reorder the
/// tab's title, nor an invisible character hide in it.
pub fn revealed_plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for piece in pieces(text) {
        match piece {
            Piece::Text(run) => out.push_str(run),
            Piece::Hidden(hidden) => {
                out.push('[');
                out.push_str(&hidden.token());
                out.push(']');
            }
        }
    }
    out
}

/// Whether the text holds any flagged character.
pub fn contains_hidden(text: &str) -> bool {
    let mut found = false;
    scan(text, |_, _, flagged| found |= flagged.is_some());
    found
}

/// The flagged characters of a text, counted by kind for the instructions panel. Its
/// lines and characters are `model::text::size_in_words`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextStats {
    /// Flagged characters by kind, in `HiddenKind::ALL` order, kinds with zero left out.
    pub hidden: Vec<(HiddenKind, usize)>,
}

impl TextStats {
    /// All counts in one pass over the text.
    pub fn of(text: &str) -> TextStats {
        let mut by_kind = [0usize; HiddenKind::ALL.len()];
        scan(text, |_, _, flagged| {
            if let Some(hidden) = flagged {
                by_kind[hidden.kind as usize] += 1;
            }
        });
        let hidden = HiddenKind::ALL
            .iter()
            .map(|&kind| (kind, by_kind[kind as usize]))
            .filter(|&(_, count)| count > 0)
            .collect();
        TextStats { hidden }
    }

    /// Total flagged characters.
    pub fn hidden_total(&self) -> usize {
        self.hidden.iter().map(|&(_, count)| count).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hidden(ch: char, kind: HiddenKind) -> Piece<'static> {
        Piece::Hidden(HiddenChar { ch, kind })
    }

    #[test]
    fn plain_text_shows_tokens_in_brackets() {
        assert_eq!(revealed_plain("Plain name"), "Plain name");
        assert_eq!(revealed_plain("pay\u{202E}lmth.exe"), "pay[RLO]lmth.exe");
        assert_eq!(revealed_plain("a\u{200B}b\u{E0069}"), "a[ZWSP]b[TAG i]");
        assert_eq!(revealed_plain(""), "");
    }

    /// The input back from its pieces.
    fn join(pieces: &[Piece<'_>]) -> String {
        pieces
            .iter()
            .map(|piece| match piece {
                Piece::Text(text) => (*text).to_owned(),
                Piece::Hidden(hidden) => hidden.ch.to_string(),
            })
            .collect()
    }

    fn tokens(text: &str) -> Vec<String> {
        pieces(text)
            .into_iter()
            .filter_map(|piece| match piece {
                Piece::Hidden(hidden) => Some(hidden.token()),
                Piece::Text(_) => None,
            })
            .collect()
    }

    #[test]
    fn detects_each_kind_with_token_and_description() {
        use HiddenKind::*;
        let cases = [
            ('\u{200B}', Invisible, "ZWSP", "U+200B zero-width space"),
            ('\u{200D}', Invisible, "ZWJ", "U+200D zero-width joiner"),
            ('\u{2060}', Invisible, "WJ", "U+2060 word joiner"),
            (
                '\u{FEFF}',
                Invisible,
                "BOM",
                "U+FEFF zero-width no-break space (byte order mark)",
            ),
            ('\u{AD}', Invisible, "SHY", "U+00AD soft hyphen"),
            (
                '\u{2065}',
                Invisible,
                "U+2065",
                "U+2065 invisible character",
            ),
            (
                '\u{E0100}',
                Invisible,
                "U+E0100",
                "U+E0100 variation selector (can carry hidden data)",
            ),
            (
                '\u{202E}',
                Bidi,
                "RLO",
                "U+202E right-to-left override (reverses the text after it)",
            ),
            ('\u{2069}', Bidi, "PDI", "U+2069 pop directional isolate"),
            ('\u{200F}', Bidi, "RLM", "U+200F right-to-left mark"),
            ('\u{61C}', Bidi, "ALM", "U+061C Arabic letter mark"),
            ('\u{0}', Control, "NUL", "U+0000 null character"),
            (
                '\u{1B}',
                Control,
                "ESC",
                "U+001B escape (starts terminal control sequences)",
            ),
            ('\u{7F}', Control, "DEL", "U+007F delete"),
            ('\u{1}', Control, "U+0001", "U+0001 control character"),
            ('\u{85}', Control, "U+0085", "U+0085 control character"),
            (
                '\u{2028}',
                Control,
                "LS",
                "U+2028 line separator (breaks the line invisibly)",
            ),
            (
                '\u{E0061}',
                Tag,
                "TAG a",
                "U+E0061 tag character hiding \"a\"",
            ),
            (
                '\u{E0020}',
                Tag,
                "TAG space",
                "U+E0020 tag character hiding a space",
            ),
            ('\u{E0002}', Tag, "TAG U+E0002", "U+E0002 tag character"),
            ('\u{A0}', Space, "NBSP", "U+00A0 no-break space"),
            ('\u{202F}', Space, "NNBSP", "U+202F narrow no-break space"),
            ('\u{3000}', Space, "U+3000", "U+3000 ideographic space"),
            ('\u{2005}', Space, "U+2005", "U+2005 typographic space"),
        ];
        for (ch, kind, token, description) in cases {
            let text = format!("a{ch}b");
            assert_eq!(
                pieces(&text),
                [Piece::Text("a"), hidden(ch, kind), Piece::Text("b")],
                "{ch:?}"
            );
            let flagged = HiddenChar { ch, kind };
            assert_eq!(flagged.token(), token);
            assert_eq!(flagged.description(), description);
        }
    }

    #[test]
    fn ordinary_text_is_one_borrowed_piece() {
        let text = "Use the orders tool.\n\tThen: café, Привет, 東京, 🙂 — “quotes”.\n";
        assert_eq!(pieces(text), [Piece::Text(text)]);
        // Legitimate emoji variation selectors are not flagged.
        assert_eq!(
            pieces("👍\u{FE0F}❤\u{FE0E}"),
            [Piece::Text("👍\u{FE0F}❤\u{FE0E}")]
        );
    }

    #[test]
    fn crlf_is_a_line_break_but_a_lone_cr_is_flagged() {
        let cr = hidden('\r', HiddenKind::Control);
        assert_eq!(pieces("a\r\nb\r\n"), [Piece::Text("a\r\nb\r\n")]);
        assert_eq!(pieces("a\rb"), [Piece::Text("a"), cr, Piece::Text("b")]);
        assert_eq!(pieces("a\r"), [Piece::Text("a"), cr]);
        assert_eq!(pieces("\r\r\n"), [cr, Piece::Text("\r\n")]);
        assert_eq!(tokens("\r"), ["CR"]);
    }

    #[test]
    fn zwj_in_emoji_sequences_is_flagged() {
        assert_eq!(
            pieces("👩\u{200D}💻"),
            [
                Piece::Text("👩"),
                hidden('\u{200D}', HiddenKind::Invisible),
                Piece::Text("💻")
            ]
        );
    }

    #[test]
    fn pieces_give_back_the_input() {
        let text = "\u{FEFF}Hi\u{200B} there\r\n\u{202E}txt.exe\u{202C}\r\u{0}é\u{E0041}\u{A0}🙂\u{2028}end\u{85}";
        let cut = pieces(text);
        assert_eq!(join(&cut), text);
        assert_eq!(
            tokens(text),
            [
                "BOM", "ZWSP", "RLO", "PDF", "CR", "NUL", "TAG A", "NBSP", "LS", "U+0085"
            ]
        );
        assert!(pieces("").is_empty());
    }

    #[test]
    fn tag_smuggling_shows_the_hidden_ascii() {
        assert_eq!(
            tokens("\u{E0001}\u{E0068}\u{E0069}\u{E007F}"),
            ["TAG begin", "TAG h", "TAG i", "TAG end"]
        );
    }

    #[test]
    fn tells_whether_anything_is_flagged() {
        assert!(!contains_hidden("Plain name, café 東京 🙂\r\n"));
        assert!(contains_hidden("Pay\u{200B}Pal"));
        assert!(contains_hidden("a\rb"));
        assert!(!contains_hidden(""));
    }

    #[test]
    fn stats_count_flagged_kinds() {
        assert_eq!(TextStats::of(""), TextStats::default());
        assert_eq!(TextStats::of("a\r\nb\r\n"), TextStats::default());
        let stats = TextStats::of("\u{A0}\u{0}x\u{200B}\u{E0061}\u{E0062}\u{202E}\r\n");
        assert_eq!(
            stats.hidden,
            [
                (HiddenKind::Bidi, 1),
                (HiddenKind::Tag, 2),
                (HiddenKind::Invisible, 1),
                (HiddenKind::Control, 1),
                (HiddenKind::Space, 1),
            ]
        );
        assert_eq!(stats.hidden_total(), 6);
        let stats = TextStats::of("a\u{2009}b\u{2009}");
        assert_eq!(stats.hidden, [(HiddenKind::Space, 2)]);
        assert_eq!(stats.hidden_total(), 2);
    }

    #[test]
    fn kinds_have_labels_in_display_order() {
        let labels: Vec<_> = HiddenKind::ALL.iter().map(|kind| kind.label()).collect();
        assert_eq!(
            labels,
            [
                "bidirectional controls",
                "tag characters",
                "invisible characters",
                "control characters",
                "unusual spaces"
            ]
        );
    }

    /// The lead-byte shortcut never skips a flagged character, and every flagged
    /// character is found by the scan and shown as a visible ASCII token.
    #[test]
    fn every_flagged_character_is_found_and_visible() {
        let mut flagged = 0;
        for ch in (0..=0x10FFFF).filter_map(char::from_u32) {
            let Some(kind) = classify(ch) else { continue };
            flagged += 1;
            let mut utf8 = [0; 4];
            let encoded: &str = ch.encode_utf8(&mut utf8);
            let lead = encoded.as_bytes().first().copied().unwrap_or_default();
            assert!(lead < 0x80 || may_be_flagged(lead), "{ch:?}");
            let found = HiddenChar { ch, kind };
            assert_eq!(pieces(encoded), [Piece::Hidden(found)]);
            let token = found.token();
            assert!(!token.is_empty() && token.bytes().all(|b| b.is_ascii_graphic() || b == b' '));
            assert!(found.description().starts_with(&code_point(ch)));
        }
        assert!(flagged > 400, "{flagged}");
    }

    /// What Unicode's properties (icu_properties' data) say the scan must do with
    /// `ch`: the kind to flag it as, or `None` to leave it in the text.
    fn expected_kind(ch: char) -> Option<HiddenKind> {
        use icu_properties::props::{
            BidiControl, DefaultIgnorableCodePoint, GeneralCategory, PrependedConcatenationMark,
            WhiteSpace,
        };
        use icu_properties::{CodePointMapData, CodePointSetData};
        let category = CodePointMapData::<GeneralCategory>::new().get(ch);
        let line_breaking = matches!(
            category,
            GeneralCategory::LineSeparator | GeneralCategory::ParagraphSeparator
        );
        match ch {
            // The text's own layout: tab, line feed (and CRLF, see
            // `crlf_is_a_line_break_but_a_lone_cr_is_flagged`) and the space.
            '\t' | '\n' | ' ' => return None,
            // Variation selectors 1–16 choose emoji and text presentation and CJK
            // glyph variants: ordinary text uses them, and they carry no data.
            '\u{FE00}'..='\u{FE0F}' => return None,
            // Not in these properties, but shows as a blank (issue 16).
            '\u{2800}' => return Some(HiddenKind::Invisible),
            '\u{E0000}'..='\u{E007F}' => return Some(HiddenKind::Tag),
            _ => {}
        }
        // Prepended concatenation marks (the Arabic number sign U+0600…) are format
        // characters, but visible: a sign drawn under or over the digits after them.
        if CodePointSetData::new::<PrependedConcatenationMark>().contains(ch) {
            return None;
        }
        if CodePointSetData::new::<BidiControl>().contains(ch) {
            Some(HiddenKind::Bidi)
        } else if category == GeneralCategory::Control || line_breaking {
            Some(HiddenKind::Control)
        } else if CodePointSetData::new::<WhiteSpace>().contains(ch) {
            Some(HiddenKind::Space)
        } else if category == GeneralCategory::Format
            || CodePointSetData::new::<DefaultIgnorableCodePoint>().contains(ch)
        {
            Some(HiddenKind::Invisible)
        } else {
            None
        }
    }

    /// The scan agrees with Unicode's properties for every code point: everything
    /// Default_Ignorable_Code_Point, Bidi_Control, White_Space, Cc or Cf is found,
    /// with a kind that fits the property, and nothing else is (letters of every
    /// script, marks, symbols, private use and unassigned code points stay text).
    #[test]
    fn the_scan_follows_unicode_properties_for_every_code_point() {
        let mut wrong = Vec::new();
        let mut flagged = 0;
        for ch in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut utf8 = [0; 4];
            let found = match pieces(ch.encode_utf8(&mut utf8)).as_slice() {
                [Piece::Hidden(hidden)] => Some(hidden.kind),
                _ => None,
            };
            flagged += usize::from(found.is_some());
            let expected = expected_kind(ch);
            if found != expected {
                wrong.push(format!(
                    "U+{:04X}: {found:?}, not {expected:?}",
                    u32::from(ch)
                ));
            }
        }
        let first: Vec<_> = wrong.iter().take(20).collect();
        assert!(wrong.is_empty(), "{} wrong, first {first:#?}", wrong.len());
        assert!(flagged > 4000, "{flagged}");
    }

    #[test]
    fn letters_of_every_script_are_text() {
        for text in [
            "مرحبا بالعالم",
            "שלום עולם",
            "नमस्ते दुनिया",
            "สวัสดีชาวโลก",
            "こんにちは世界、カタカナ",
            "안녕하세요 세계",
            "Γειά σου Κόσμε",
            "Բարեւ Ձեզ, გამარჯობა, ᏣᎳᎩ",
            "ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ",
            "ភាសាខ្មែរ",
        ] {
            assert_eq!(pieces(text), [Piece::Text(text)], "{text}");
        }
        assert_eq!(
            tokens("\u{2800}\u{180B}\u{206A}\u{1BCA0}\u{E0080}\u{FFF0}"),
            ["U+2800", "U+180B", "U+206A", "U+1BCA0", "U+E0080", "U+FFF0"]
        );
        let braille = HiddenChar {
            ch: '\u{2800}',
            kind: HiddenKind::Invisible,
        };
        assert_eq!(
            braille.description(),
            "U+2800 braille blank (shows as blank)"
        );
    }
}
