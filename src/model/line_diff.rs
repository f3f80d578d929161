//! A line diff of two versions of a text (the instructions last reviewed and the
//! current ones). Lines end at LF; a CR before it is part of the line ending, so
//! CRLF and LF texts diff the same. The work is bounded: the common first and last
//! lines are set aside in one pass, and the longest common subsequence of what is
//! left is only computed when it fits `CELL_BUDGET`; past that the middle is shown
//! as all removed, then all added, which is still a true (if long) diff.

use std::collections::HashMap;

/// Cells of the LCS table at most (about 2 MB of `u16`, a few ms).
pub const CELL_BUDGET: usize = 1_000_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineChange {
    Same,
    Removed,
    Added,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DiffLine<'a> {
    pub change: LineChange,
    pub text: &'a str,
}

/// What the page shows: changed lines with some context, and the unchanged
/// stretches between them as a count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiffRow<'a> {
    Line(DiffLine<'a>),
    /// This many unchanged lines are not shown.
    Skipped(usize),
}

/// The lines of a text, without their line endings; no text has no lines.
pub fn lines(text: Option<&str>) -> Vec<&str> {
    text.map_or_else(Vec::new, |text| line_iter(text).collect())
}

/// The lines of a text, without their line endings, one by one.
pub fn line_iter(text: &str) -> impl Iterator<Item = &str> {
    text.split('\n')
        .map(|line| line.strip_suffix('\r').unwrap_or(line))
}

/// Whether two versions read the same line for line (CRLF = LF); null and any
/// text, even an empty one, differ.
pub fn same_lines(old: Option<&str>, new: Option<&str>) -> bool {
    match (old, new) {
        (None, None) => true,
        (Some(old), Some(new)) => old == new || lines(Some(old)) == lines(Some(new)),
        _ => false,
    }
}

/// Every line of both versions, in order, as unchanged, removed or added.
pub fn diff<'a>(old: Option<&'a str>, new: Option<&'a str>) -> Vec<DiffLine<'a>> {
    let (old, new) = (lines(old), lines(new));
    let prefix = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
    let suffix = old[prefix..]
        .iter()
        .rev()
        .zip(new[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let line = |change, text| DiffLine { change, text };
    let mut out: Vec<DiffLine<'a>> = old[..prefix]
        .iter()
        .map(|&t| line(LineChange::Same, t))
        .collect();
    let (old_mid, new_mid) = (
        &old[prefix..old.len() - suffix],
        &new[prefix..new.len() - suffix],
    );
    middle(old_mid, new_mid, &mut out);
    out.extend(
        old[old.len() - suffix..]
            .iter()
            .map(|&t| line(LineChange::Same, t)),
    );
    out
}

/// The middle of the diff: an LCS when it fits the budget, else a block replace.
fn middle<'a>(old: &[&'a str], new: &[&'a str], out: &mut Vec<DiffLine<'a>>) {
    let (n, m) = (old.len(), new.len());
    let removed = |t: &&'a str| DiffLine {
        change: LineChange::Removed,
        text: t,
    };
    let added = |t: &&'a str| DiffLine {
        change: LineChange::Added,
        text: t,
    };
    let cells = (n + 1).saturating_mul(m + 1);
    if n == 0 || m == 0 || cells > CELL_BUDGET {
        out.extend(old.iter().map(removed));
        out.extend(new.iter().map(added));
        return;
    }
    // Lines as numbers, so each cell compares two integers, not two texts.
    let mut ids: HashMap<&str, u32> = HashMap::new();
    let mut id = |line: &'a str| {
        let next = u32::try_from(ids.len()).unwrap_or(u32::MAX);
        *ids.entry(line).or_insert(next)
    };
    let a: Vec<u32> = old.iter().map(|&l| id(l)).collect();
    let b: Vec<u32> = new.iter().map(|&l| id(l)).collect();
    // lcs[i * (m + 1) + j]: the LCS of a[i..] and b[j..]. Within the budget the
    // shorter side has at most 1,000 lines, so u16 holds every length.
    let width = m + 1;
    let mut lcs = vec![0u16; cells];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i * width + j] = if a[i] == b[j] {
                lcs[(i + 1) * width + j + 1].saturating_add(1)
            } else {
                lcs[(i + 1) * width + j].max(lcs[i * width + j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if a[i] == b[j] {
            out.push(DiffLine {
                change: LineChange::Same,
                text: new[j],
            });
            i += 1;
            j += 1;
        } else if lcs[(i + 1) * width + j] >= lcs[i * width + j + 1] {
            out.push(removed(&old[i]));
            i += 1;
        } else {
            out.push(added(&new[j]));
            j += 1;
        }
    }
    out.extend(old[i..].iter().map(removed));
    out.extend(new[j..].iter().map(added));
}

/// The diff as shown: every changed line with up to `context` unchanged lines
/// either side; longer unchanged stretches become `Skipped`.
pub fn rows<'a>(diff: &[DiffLine<'a>], context: usize) -> Vec<DiffRow<'a>> {
    let near_change: Vec<bool> = {
        let mut near = vec![false; diff.len()];
        for (at, line) in diff.iter().enumerate() {
            if line.change != LineChange::Same {
                let from = at.saturating_sub(context);
                let to = (at + context + 1).min(diff.len());
                near[from..to].fill(true);
            }
        }
        near
    };
    let mut rows = Vec::new();
    let mut skipped = 0;
    for (line, shown) in diff.iter().zip(near_change) {
        if shown {
            if skipped > 0 {
                rows.push(DiffRow::Skipped(skipped));
                skipped = 0;
            }
            rows.push(DiffRow::Line(*line));
        } else {
            skipped += 1;
        }
    }
    if skipped > 0 {
        rows.push(DiffRow::Skipped(skipped));
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use LineChange::{Added, Removed, Same};
    use std::time::{Duration, Instant};

    fn changes(old: Option<&str>, new: Option<&str>) -> Vec<(LineChange, String)> {
        diff(old, new)
            .into_iter()
            .map(|l| (l.change, l.text.to_owned()))
            .collect()
    }

    fn expect(lines: &[(LineChange, &str)]) -> Vec<(LineChange, String)> {
        lines.iter().map(|&(c, t)| (c, t.to_owned())).collect()
    }

    #[test]
    fn a_changed_line_is_removed_then_added_between_unchanged_ones() {
        assert_eq!(
            changes(Some("a\nb\nc"), Some("a\nB\nc\nd")),
            expect(&[
                (Same, "a"),
                (Removed, "b"),
                (Added, "B"),
                (Same, "c"),
                (Added, "d")
            ])
        );
        assert_eq!(
            changes(Some("x\na\ny\nb"), Some("a\nb\nz")),
            expect(&[
                (Removed, "x"),
                (Same, "a"),
                (Removed, "y"),
                (Same, "b"),
                (Added, "z")
            ])
        );
    }

    #[test]
    fn crlf_and_lf_diff_the_same() {
        let lf = "one\ntwo\nthree\n";
        let crlf = "one\r\ntwo\r\nthree\r\n";
        assert!(diff(Some(lf), Some(crlf)).iter().all(|l| l.change == Same));
        assert!(same_lines(Some(lf), Some(crlf)));
        assert_eq!(
            changes(Some(crlf), Some("one\ntwo!\nthree\n")),
            changes(Some(lf), Some("one\r\ntwo!\r\nthree\r\n")),
        );
        assert!(!same_lines(Some("one"), Some("one\n")), "a new last line");
    }

    #[test]
    fn null_and_text_differ_and_diff_as_all_added_or_removed() {
        assert!(!same_lines(None, Some("")));
        assert!(!same_lines(Some("a"), None));
        assert!(same_lines(None, None));
        assert_eq!(
            changes(None, Some("a\nb")),
            expect(&[(Added, "a"), (Added, "b")])
        );
        assert_eq!(changes(Some("a"), None), expect(&[(Removed, "a")]));
        assert!(diff(None, None).is_empty());
    }

    #[test]
    fn hidden_characters_make_a_line_differ() {
        assert_eq!(
            changes(Some("Ignore\nnothing"), Some("Ig\u{200B}nore\nnothing")),
            expect(&[
                (Removed, "Ignore"),
                (Added, "Ig\u{200B}nore"),
                (Same, "nothing")
            ])
        );
    }

    #[test]
    fn large_texts_stay_fast_and_fall_back_to_a_block_replace() {
        // 20,000 lines each, every one different: 400 million cells, far over the
        // budget.
        let old: String = (0..20_000).map(|i| format!("old rule {i}\n")).collect();
        let new: String = (0..20_000).map(|i| format!("new rule {i}\n")).collect();
        let started = Instant::now();
        let lines = diff(Some(&old), Some(&new));
        assert!(started.elapsed() < Duration::from_secs(2));
        let removed = lines.iter().filter(|l| l.change == Removed).count();
        let added = lines.iter().filter(|l| l.change == Added).count();
        assert_eq!((removed, added), (20_000, 20_000));
        assert_eq!(
            lines.last().map(|l| l.change),
            Some(Same),
            "the empty last line"
        );
        // A huge text with one line changed keeps the rest unchanged.
        let edited = old.replacen("old rule 10000\n", "old rule 10000!\n", 1);
        let started = Instant::now();
        let lines = diff(Some(&old), Some(&edited));
        assert!(started.elapsed() < Duration::from_secs(2));
        assert_eq!(lines.iter().filter(|l| l.change != Same).count(), 2);
    }

    #[test]
    fn rows_keep_context_and_count_what_they_skip() {
        let old = "1\n2\n3\n4\n5\n6\n7\n8";
        let new = "1\n2\n3\n4!\n5\n6\n7\n8";
        let lines = diff(Some(old), Some(new));
        let shown = rows(&lines, 1);
        assert_eq!(shown.first(), Some(&DiffRow::Skipped(2)));
        assert_eq!(shown.last(), Some(&DiffRow::Skipped(3)));
        assert_eq!(shown.len(), 6);
        assert_eq!(rows(&diff(Some("a"), Some("a")), 2), [DiffRow::Skipped(1)]);
    }
}
