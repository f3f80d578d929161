//! Where each row of a long list sits, so that only the rows on screen are rendered
//! while the page keeps the list's full height. Rows not yet measured count at an
//! estimated height.
//!
//! Browsers cap an element's height (Chromium at 2^25 px, Firefox near 17.9 M px), so
//! a list taller than `max_page_height` is compressed: the page holds `max` pixels,
//! a scroll position maps onto the list in proportion (`scale`), and the rendered
//! rows keep their real size, placed where that mapping puts them.

use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct RowLayout {
    /// `tops[i]` is where row `i` starts; the last entry is where a row after the
    /// last would start (the height of everything plus one trailing gap).
    tops: Vec<f64>,
    gap: f64,
}

impl RowLayout {
    /// `heights` in list order; `gap` is the space between two rows.
    pub fn new(heights: impl IntoIterator<Item = f64>, gap: f64) -> Self {
        let heights = heights.into_iter();
        let mut tops = Vec::with_capacity(heights.size_hint().0 + 1);
        let mut top = 0.0;
        tops.push(top);
        for height in heights {
            top += height.max(0.0) + gap;
            tops.push(top);
        }
        RowLayout { tops, gap }
    }

    pub fn len(&self) -> usize {
        self.tops.len().saturating_sub(1)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Where row `row` starts; past the end, where the list ends plus one gap.
    pub fn top(&self, row: usize) -> f64 {
        let last = self.tops.last().copied().unwrap_or_default();
        self.tops.get(row).copied().unwrap_or(last)
    }

    /// The height of the whole list.
    pub fn total(&self) -> f64 {
        if self.is_empty() {
            0.0
        } else {
            self.top(self.len()) - self.gap
        }
    }

    /// The page height the list takes: its own, or `max` if it is taller.
    pub fn page_height(&self, max: f64) -> f64 {
        self.total().min(max)
    }

    /// How many list pixels one pixel of scrolling stands for: 1, unless the list
    /// is taller than `max`; then scrolling to the end of the page shows the last
    /// `viewport` pixels of the list.
    pub fn scale(&self, max: f64, viewport: f64) -> f64 {
        if self.total() <= max {
            return 1.0;
        }
        ((self.total() - viewport) / (max - viewport).max(1.0)).max(1.0)
    }

    /// The space above and below the rendered `rows`, given the page's `scroll`
    /// from the list's top, so that the rendered rows sit where `scroll × scale`
    /// puts them and the page is `page_height(max)` tall.
    pub fn padding(&self, rows: &Range<usize>, scroll: f64, scale: f64, max: f64) -> (f64, f64) {
        let above = (self.top(rows.start) - scroll.max(0.0) * (scale - 1.0)).max(0.0);
        let rendered = (self.top(rows.end) - self.top(rows.start) - self.gap).max(0.0);
        let below = (self.page_height(max) - above - rendered).max(0.0);
        (above, below)
    }

    /// The rows that overlap `from..to` (offsets from the list's top), with
    /// `overscan` more on each side so that keyboard focus and quick scrolling find
    /// rendered rows.
    pub fn visible(&self, from: f64, to: f64, overscan: usize) -> Range<usize> {
        let len = self.len();
        if len == 0 || to < from {
            return 0..0;
        }
        // The first row whose bottom edge is below `from`.
        let first = self.tops[1..].partition_point(|&next_top| next_top - self.gap <= from);
        // The rows that start above `to`.
        let end = self.tops[..len].partition_point(|&top| top < to);
        let first = first.min(len.saturating_sub(1)).min(end.saturating_sub(1));
        first.saturating_sub(overscan)..(end.max(first + 1) + overscan).min(len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uniform(rows: usize) -> RowLayout {
        RowLayout::new(std::iter::repeat_n(100.0, rows), 10.0)
    }

    #[test]
    fn tops_and_total_include_the_gaps() {
        let layout = RowLayout::new([100.0, 50.0, 80.0], 10.0);
        assert_eq!(layout.len(), 3);
        assert_eq!(layout.top(0), 0.0);
        assert_eq!(layout.top(1), 110.0);
        assert_eq!(layout.top(2), 170.0);
        assert_eq!(layout.top(3), 260.0);
        assert_eq!(layout.top(99), 260.0);
        assert_eq!(layout.total(), 250.0);
        assert_eq!(RowLayout::new([], 10.0).total(), 0.0);
    }

    #[test]
    fn visible_rows_overlap_the_viewport() {
        let layout = uniform(1000);
        assert_eq!(layout.visible(0.0, 250.0, 0), 0..3);
        // 215 is inside row 1's gap: row 1 is above, row 2 starts at 220.
        assert_eq!(layout.visible(215.0, 300.0, 0), 2..3);
        assert_eq!(layout.visible(330.0, 550.0, 0), 3..5);
        assert_eq!(layout.visible(330.0, 550.0, 2), 1..7);
    }

    #[test]
    fn the_range_stays_inside_the_list() {
        let layout = uniform(10);
        assert_eq!(layout.visible(-500.0, -100.0, 0), 0..1);
        assert_eq!(layout.visible(0.0, 1e9, 3), 0..10);
        assert_eq!(layout.visible(5000.0, 6000.0, 2), 7..10);
        assert_eq!(layout.visible(300.0, 100.0, 2), 0..0);
        assert_eq!(RowLayout::default().visible(0.0, 100.0, 2), 0..0);
    }

    #[test]
    fn a_list_within_the_cap_is_laid_out_one_to_one() {
        let layout = uniform(100);
        assert_eq!(layout.scale(1e6, 900.0), 1.0);
        assert_eq!(layout.page_height(1e6), 10_990.0);
        // Rows 10..20 rendered: everything above and below them is padding.
        assert_eq!(
            layout.padding(&(10..20), 1234.0, 1.0, 1e6),
            (1100.0, 8800.0)
        );
        assert_eq!(layout.padding(&(0..100), 0.0, 1.0, 1e6), (0.0, 0.0));
    }

    #[test]
    fn a_list_above_the_cap_is_compressed_around_the_rendered_rows() {
        // 10,990 px of list on a page of at most 5,945 px, seen 900 px at a time:
        // each pixel scrolled is two of the list.
        let layout = uniform(100);
        let (max, viewport) = (5_945.0, 900.0);
        let scale = layout.scale(max, viewport);
        assert_eq!(scale, 2.0);
        assert_eq!(layout.page_height(max), max);
        let scroll = 1_000.0;
        let rows = layout.visible(scroll * scale, scroll * scale + viewport, 0);
        assert_eq!(rows, 18..27);
        let (above, below) = layout.padding(&rows, scroll, scale, max);
        // Row 18 starts at 1,980 in the list, 20 px above the point the scroll maps
        // to: on the page it is 20 px above the scroll, at 980.
        assert_eq!(above, 980.0);
        let rendered = layout.top(27) - layout.top(18) - 10.0;
        assert_eq!(above + rendered + below, max);
        // Scrolled to the end, the list's last screenful is on screen.
        let last = (max - viewport) * scale;
        assert_eq!(last, layout.total() - viewport);
        assert_eq!(layout.visible(last, last + viewport, 0).end, 100);
    }

    #[test]
    fn large_lists_scroll_by_position_not_by_count() {
        let layout = uniform(50_000);
        let range = layout.visible(2_750_000.0, 2_751_000.0, 0);
        assert_eq!(range, 25_000..25_010);
    }
}
