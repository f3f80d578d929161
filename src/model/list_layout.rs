//! How the list is laid out: a card per connection (everything about it), or a
//! compact row per connection (one line, for triage); and, for each, how many rows
//! the document holds whole before the list renders only the rows on screen.

/// The list's layout, chosen with the Cards / Compact switch, kept in the URL
/// (`view=compact`) and remembered by the browser.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ListLayout {
    #[default]
    Cards,
    Compact,
}

impl ListLayout {
    pub const ALL: [ListLayout; 2] = [ListLayout::Cards, ListLayout::Compact];

    pub fn label(self) -> &'static str {
        match self {
            ListLayout::Cards => "Cards",
            ListLayout::Compact => "Compact",
        }
    }

    /// Its value in the URL's `view=` and in the browser's storage.
    pub fn query_value(self) -> &'static str {
        match self {
            ListLayout::Cards => "cards",
            ListLayout::Compact => "compact",
        }
    }

    pub fn from_query_value(value: &str) -> Option<Self> {
        ListLayout::ALL
            .into_iter()
            .find(|layout| value.trim().eq_ignore_ascii_case(layout.query_value()))
    }

    /// How many rows the document holds whole: up to this many, every row is in
    /// it, so find in page (Ctrl+F), printing and a screen reader's browse mode
    /// see them all; a longer list renders only the rows on screen.
    ///
    /// Measured with every row rendered (release build, headless Chromium at
    /// 1280×900 on a shared 2-core machine; README, "Where the list starts
    /// windowing"): the largest count whose longest frame while scrolling and
    /// typing stayed near issue 4's 200 ms (200 cards: 121–205 ms; 400 rows:
    /// 156–191 ms), with a filter click, which renders the whole list again, at
    /// 67–107 and 106–140 ms. At 300 cards the longest frame was 209–282 ms, at
    /// 600 rows up to 500 ms.
    pub fn threshold(self) -> usize {
        match self {
            ListLayout::Cards => 200,
            ListLayout::Compact => 400,
        }
    }

    /// Whether a list of `rows` rows renders only the rows on screen.
    pub fn windowed(self, rows: usize) -> bool {
        rows > self.threshold()
    }

    /// The space between two rows in pixels: the `gap` of `.feed` and of
    /// `.feed--compact` in style/main.css.
    pub fn gap_px(self) -> f64 {
        match self {
            ListLayout::Cards => 16.0,
            ListLayout::Compact => 0.0,
        }
    }

    /// A row's height before any has been measured.
    pub fn first_estimate_px(self) -> f64 {
        match self {
            ListLayout::Cards => 320.0,
            ListLayout::Compact => 40.0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_its_values_and_nothing_else() {
        assert_eq!(
            ListLayout::from_query_value("compact"),
            Some(ListLayout::Compact)
        );
        assert_eq!(
            ListLayout::from_query_value(" Cards "),
            Some(ListLayout::Cards)
        );
        for value in ["", "list", "compacts", "table"] {
            assert_eq!(ListLayout::from_query_value(value), None, "{value}");
        }
        for layout in ListLayout::ALL {
            assert_eq!(
                ListLayout::from_query_value(layout.query_value()),
                Some(layout)
            );
        }
        assert_eq!(ListLayout::default(), ListLayout::Cards);
    }

    #[test]
    fn short_lists_are_whole_and_long_ones_windowed() {
        for layout in ListLayout::ALL {
            let threshold = layout.threshold();
            assert!((100..1000).contains(&threshold), "in the hundreds");
            assert!(!layout.windowed(0));
            assert!(!layout.windowed(25), "the demo tenant is whole");
            assert!(!layout.windowed(threshold));
            assert!(layout.windowed(threshold + 1));
            assert!(layout.windowed(50_000));
        }
        // A row holds about half a card's nodes: twice as many fit the same time.
        assert!(ListLayout::Compact.threshold() > ListLayout::Cards.threshold());
    }
}
