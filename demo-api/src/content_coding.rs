//! Choosing between a file and its pre-compressed `NAME.br` / `NAME.gz` beside it,
//! by the request's `Accept-Encoding`.

/// A content coding the build writes files for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coding {
    Br,
    Gzip,
}

impl Coding {
    /// The server's preference, best first.
    pub const ALL: [Coding; 2] = [Coding::Br, Coding::Gzip];

    /// The `Content-Encoding` token.
    pub fn token(self) -> &'static str {
        match self {
            Coding::Br => "br",
            Coding::Gzip => "gzip",
        }
    }

    /// The file name suffix of the pre-compressed file.
    pub fn suffix(self) -> &'static str {
        match self {
            Coding::Br => ".br",
            Coding::Gzip => ".gz",
        }
    }
}

/// The coding to send among `available` (in the server's order of preference), or
/// `None` for the plain file. The client's highest quality wins, ties go to the
/// server's preference (br); `q=0` excludes a coding; `*` stands for codings the
/// header does not name. No header means no compression.
pub fn negotiate(accept_encoding: Option<&str>, available: &[Coding]) -> Option<Coding> {
    let header = accept_encoding?;
    let mut best: Option<(Coding, f32)> = None;
    for &coding in available {
        let q = quality(header, coding);
        if q > 0.0 && best.is_none_or(|(_, best_q)| q > best_q) {
            best = Some((coding, q));
        }
    }
    best.map(|(coding, _)| coding)
}

/// The quality `header` gives `coding`: its own entry, else `*`'s, else 0.
fn quality(header: &str, coding: Coding) -> f32 {
    let mut named: Option<f32> = None;
    let mut wildcard: Option<f32> = None;
    for entry in header.split(',') {
        let mut parts = entry.split(';');
        let name = parts.next().unwrap_or("").trim();
        let q = parts
            .filter_map(|param| param.split_once('='))
            .find(|(key, _)| key.trim().eq_ignore_ascii_case("q"))
            .map_or(1.0, |(_, value)| {
                // An unreadable weight counts as "not acceptable".
                value.trim().parse::<f32>().unwrap_or(0.0).clamp(0.0, 1.0)
            });
        let slot = if name == "*" {
            &mut wildcard
        } else if name.eq_ignore_ascii_case(coding.token())
            || (coding == Coding::Gzip && name.eq_ignore_ascii_case("x-gzip"))
        {
            &mut named
        } else {
            continue;
        };
        *slot = Some(slot.map_or(q, |previous: f32| previous.max(q)));
    }
    named.or(wildcard).unwrap_or(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOTH: &[Coding] = &[Coding::Br, Coding::Gzip];

    #[test]
    fn br_is_preferred_over_gzip() {
        for header in [
            "br",
            "gzip, deflate, br",
            "gzip, deflate, br, zstd",
            "br;q=1.0, gzip;q=1.0",
            "BR",
            "*",
            "gzip, *",
        ] {
            assert_eq!(negotiate(Some(header), BOTH), Some(Coding::Br), "{header}");
        }
    }

    #[test]
    fn gzip_when_br_is_not_accepted_or_absent() {
        for header in [
            "gzip",
            "gzip, deflate",
            "x-gzip",
            "gzip, br;q=0",
            "br;q=0, *",
            "br ; q=0 , gzip",
            "br;q=0.0, gzip;q=0.5",
            "gzip;q=1, br;q=0.5",
            "br;q=nonsense, gzip",
        ] {
            assert_eq!(
                negotiate(Some(header), BOTH),
                Some(Coding::Gzip),
                "{header}"
            );
        }
        assert_eq!(
            negotiate(Some("gzip, deflate, br"), &[Coding::Gzip]),
            Some(Coding::Gzip)
        );
    }

    #[test]
    fn plain_when_nothing_fits() {
        for header in [
            "",
            "identity",
            "deflate",
            "zstd",
            "br;q=0, gzip;q=0",
            "*;q=0",
            "gzip;Q=0, br;q=0.000",
            "*, br;q=0, gzip;q=0",
        ] {
            assert_eq!(negotiate(Some(header), BOTH), None, "{header}");
        }
        assert_eq!(negotiate(None, BOTH), None);
        assert_eq!(negotiate(Some("br, gzip"), &[]), None);
        assert_eq!(negotiate(Some("br"), &[Coding::Gzip]), None);
    }
}
