//! Look-alike hosts: a label that mixes writing systems, like `pаypal.com` with a
//! Cyrillic "а", reads as one host and is another. The rule is that of UTS #39's
//! "highly restrictive" level, on which Chrome's choice between showing a host in
//! Unicode or as punycode builds: within one label, letters of one script only, or
//! Latin with the scripts written together in Japanese, Chinese (Bopomofo) or
//! Korean.
//!
//! Out of scope: a label written entirely in one script that looks like another
//! (`аррӏе`, all Cyrillic: a whole-script confusable, found only with UTS #39's
//! confusable tables), and a host whose labels each keep to one script but differ
//! (`аpple.com` is mixed, `яндекс.com` is not). Punycode (`xn--…`) is ASCII, so it
//! never mixes; the console shows it apart.

/// A letter's script, as far as telling look-alikes apart needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Han,
    Hiragana,
    Katakana,
    Bopomofo,
    Hangul,
    Greek,
    Cyrillic,
    Armenian,
    Hebrew,
    Arabic,
    Georgian,
    Cherokee,
    Ethiopic,
    Tibetan,
    Myanmar,
    /// Any other letter, keyed by its 128-code-point block. From U+0900 to U+0EFF
    /// each block holds one script (Devanagari, Bengali, … Sinhala, Thai, Lao), so
    /// there the key is the script. Elsewhere two scripts in one block pass for one,
    /// and a script spread over several blocks (or a named script's rarer blocks,
    /// such as Latin Extended-D) for several: a warning too many, never a mixture
    /// with a named script missed. Symbols and punctuation outside ASCII and the
    /// named scripts' blocks count here too; browsers show a label with them as
    /// punycode anyway.
    Other(u32),
}

/// The script of `c`, or `None` for what goes with any script: ASCII digits,
/// punctuation and symbols, Latin-1's symbols, spacing modifiers, combining
/// accents (U+0300..=U+036F), the joiners and CJK punctuation. A sign used by a
/// few scripts only (the Arabic comma) counts as the script whose block holds it.
/// The first arm that matches decides. A test checks every range against Unicode.
fn script(c: char) -> Option<Script> {
    use Script::*;
    Some(match c {
        'a'..='z'
        | 'A'..='Z'
        | 'ª'
        | 'º'
        | '\u{C0}'..='\u{D6}'
        | '\u{D8}'..='\u{F6}'
        | '\u{F8}'..='\u{2B8}'
        | '\u{2E0}'..='\u{2E4}'
        | '\u{1E00}'..='\u{1EFF}' => Latin,
        '\u{2EA}' | '\u{2EB}' | '\u{3100}'..='\u{312F}' | '\u{31A0}'..='\u{31BF}' => Bopomofo,
        '\0'..='\u{36F}'
        | '\u{37E}'
        | '\u{385}'
        | '\u{387}'
        | '\u{605}'
        | '\u{6DD}'
        | '\u{8E2}'
        | '\u{FD5}'..='\u{FD8}'
        | '\u{200C}'
        | '\u{200D}' => return None,
        '\u{370}'..='\u{3E1}' | '\u{3F0}'..='\u{3FF}' | '\u{1F00}'..='\u{1FFF}' => Greek,
        '\u{400}'..='\u{52F}' => Cyrillic,
        '\u{531}'..='\u{58F}' => Armenian,
        '\u{591}'..='\u{5FF}' => Hebrew,
        '\u{600}'..='\u{6FF}' | '\u{750}'..='\u{77F}' | '\u{870}'..='\u{8FF}' => Arabic,
        '\u{F00}'..='\u{FFF}' => Tibetan,
        '\u{1000}'..='\u{109F}' => Myanmar,
        '\u{10A0}'..='\u{10FF}' => Georgian,
        '\u{1100}'..='\u{11FF}'
        | '\u{302E}'
        | '\u{302F}'
        | '\u{3130}'..='\u{318F}'
        | '\u{AC00}'..='\u{D7FF}' => Hangul,
        '\u{1200}'..='\u{139F}' => Ethiopic,
        '\u{13A0}'..='\u{13FF}' => Cherokee,
        '\u{3005}'..='\u{3007}'
        | '\u{3021}'..='\u{3029}'
        | '\u{3038}'..='\u{303B}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{20000}'..='\u{3347F}' => Han,
        '\u{3000}'..='\u{303F}' => return None,
        '\u{3041}'..='\u{309F}' => Hiragana,
        '\u{30A0}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}' => Katakana,
        _ => Other(u32::from(c) >> 7),
    })
}

/// Whether a label of `host` (a URL's host as written, with or without its port)
/// mixes scripts. Digits, hyphens and the port are common to all scripts.
pub fn mixes_scripts(host: &str) -> bool {
    // The full stops browsers also take for the dot between labels.
    host.split(['.', '\u{3002}', '\u{FF0E}', '\u{FF61}'])
        .any(label_mixes)
}

fn label_mixes(label: &str) -> bool {
    use Script::*;
    let mut first = None;
    let mut several = false;
    // The scripts seen, as bits: Latin and the CJK ones alone, all others as one.
    let mut seen = 0u8;
    for script in label.chars().filter_map(script) {
        several |= *first.get_or_insert(script) != script;
        seen |= match script {
            Latin => 1,
            Han => 2,
            Hiragana => 4,
            Katakana => 8,
            Bopomofo => 16,
            Hangul => 32,
            _ => 64,
        };
    }
    // Japanese, Chinese with Bopomofo and Korean, each with Latin.
    several
        && ![0b1111u8, 0b1_0011, 0b10_0011]
            .into_iter()
            .any(|allowed| seen & !allowed == 0)
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use icu_properties::props::{GeneralCategory, Script as Unicode};
    use icu_properties::script::ScriptWithExtensions;
    use icu_properties::{CodePointMapData, PropertyNamesShort};

    use super::*;

    #[test]
    fn examples() {
        for (host, mixed) in [
            ("\u{430}pple.com", true),
            ("apple.com", false),
            ("xn--pple-43d.com", false),
            ("bücher.de", false),
            ("bu\u{308}cher.de", false),
            ("例え.jp", false),
            ("ドメイン名例.jp", false),
            ("한국.kr", false),
            ("p\u{430}ypal.com:8443", true),
            // Cyrillic ԁ, о, а, і with a Latin m and n.
            ("\u{501}\u{43E}m\u{430}\u{456}n.com", true),
            // All Cyrillic: a whole-script confusable, out of scope.
            ("\u{430}\u{440}\u{440}\u{4CF}\u{435}.com", false),
            ("münchen-ω.de", true),
            ("яндекс.рф", false),
            ("яндекс.com", false),
            ("ελλάδα.gr", false),
            ("日本語とEnglish.jp", false),
            ("中文ㄅㄆ.tw", false),
            ("ラーメン.jp", false),
            ("한국漢字abc.kr", false),
            ("한국ひらがな.kr", true),
            ("ㄅㄆひらがな.tw", true),
            ("مثال.إختبار", false),
            ("مثال123-x.com", true),
            ("उदाहरण.भारत", false),
            ("उदाहरणউদাহরণ.in", true),
            ("ไทย.th", false),
            ("ไทยlao.th", true),
            ("ไทยລາວ.th", true),
            ("ខ្មែរ.kh", false),
            ("ខ្មែរabc.kh", true),
            ("ትግራይ.et", false),
            ("ኢትዮጵያ.et", false),
            ("ᏣᎳᎩ.com", false),
            ("ᏣᎳᎩabc.com", true),
            ("例え。jp", false),
            ("пример。com", false),
            ("[::1]:8080", false),
            ("127.0.0.1", false),
            ("", false),
        ] {
            assert_eq!(mixes_scripts(host), mixed, "{host}");
        }
    }

    /// The named scripts as Unicode knows them.
    fn unicode(script: Script) -> Option<Unicode> {
        use Script::*;
        Some(match script {
            Latin => Unicode::Latin,
            Han => Unicode::Han,
            Hiragana => Unicode::Hiragana,
            Katakana => Unicode::Katakana,
            Bopomofo => Unicode::Bopomofo,
            Hangul => Unicode::Hangul,
            Greek => Unicode::Greek,
            Cyrillic => Unicode::Cyrillic,
            Armenian => Unicode::Armenian,
            Hebrew => Unicode::Hebrew,
            Arabic => Unicode::Arabic,
            Georgian => Unicode::Georgian,
            Cherokee => Unicode::Cherokee,
            Ethiopic => Unicode::Ethiopic,
            Tibetan => Unicode::Tibetan,
            Myanmar => Unicode::Myanmar,
            Other(_) => return None,
        })
    }

    /// Every assigned code point of the ranges `script` names is classified as
    /// Unicode's Script property says: a named script's as that script, Common and
    /// Inherited as none, or, for Common and Inherited signs that Script_Extensions
    /// gives to a few scripts only, as one of those. (Unassigned code points are
    /// left out: they are in no host a browser shows.)
    #[test]
    fn named_ranges_follow_unicode_scripts() {
        let scripts = ScriptWithExtensions::new();
        let categories = CodePointMapData::<GeneralCategory>::new();
        let names = PropertyNamesShort::<Unicode>::new();
        let mut wrong = Vec::new();
        let mut checked = 0;
        for ch in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mine = script(ch);
            if matches!(mine, Some(Script::Other(_)))
                || categories.get(ch) == GeneralCategory::Unassigned
            {
                continue;
            }
            checked += 1;
            let theirs = scripts.get_script_val(ch);
            let shared = matches!(theirs, Unicode::Common | Unicode::Inherited);
            let right = match mine.and_then(unicode) {
                None => shared,
                Some(named) => {
                    named == theirs
                        || shared && scripts.get_script_extensions_val(ch).contains(&named)
                }
            };
            if !right {
                wrong.push(format!(
                    "U+{:04X} is {}, not {mine:?}",
                    u32::from(ch),
                    names.get(theirs).unwrap_or("?")
                ));
            }
        }
        let first: Vec<_> = wrong.iter().take(30).collect();
        assert!(wrong.is_empty(), "{} wrong, first {first:#?}", wrong.len());
        assert!(checked > 100_000, "{checked}");
    }

    /// From U+0900 to U+0EFF the key of `Script::Other` is the script: each script
    /// has one block, each block one script.
    #[test]
    fn indic_thai_and_lao_blocks_are_one_script_each() {
        let scripts = ScriptWithExtensions::new();
        let names = PropertyNamesShort::<Unicode>::new();
        let mut by_key: BTreeMap<u32, BTreeSet<&str>> = BTreeMap::new();
        let mut by_script: BTreeMap<&str, BTreeSet<u32>> = BTreeMap::new();
        for ch in ('\u{900}'..='\u{EFF}').filter(|&ch| {
            !matches!(
                scripts.get_script_val(ch),
                Unicode::Common | Unicode::Inherited | Unicode::Unknown
            )
        }) {
            let Some(Script::Other(key)) = script(ch) else {
                panic!("{ch:?} is {:?}", script(ch))
            };
            let name = names.get(scripts.get_script_val(ch)).unwrap_or("?");
            by_key.entry(key).or_default().insert(name);
            by_script.entry(name).or_default().insert(key);
        }
        assert!(by_key.values().all(|names| names.len() == 1), "{by_key:?}");
        assert!(
            by_script.values().all(|keys| keys.len() == 1),
            "{by_script:?}"
        );
        assert_eq!(by_key.len(), 12, "{by_script:?}");
    }
}
