//! The host's options for one widget (attributes or the JS API): the view, the area, the
//! language and the links. Read by the embedding, drawn by the components, and part of the
//! fingerprint of pre-rendered markup.

use crate::i18n::Lang;

/// Which variant of the widget to draw (`view` attribute).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub enum View {
    #[default]
    Full,
    Summary,
    Area,
    Badge,
}

impl View {
    /// Every view, in the order the docs list them.
    pub const ALL: [View; 4] = [View::Full, View::Summary, View::Area, View::Badge];

    /// The word for this view: the `view` attribute's value, `--view` on the command line, and
    /// the root element's `data-view`. The one place views and words are paired.
    pub fn as_str(self) -> &'static str {
        match self {
            View::Full => "full",
            View::Summary => "summary",
            View::Area => "area",
            View::Badge => "badge",
        }
    }

    /// The view a word names, in any letter case and with spaces around it; None if none does.
    pub fn from_word(word: &str) -> Option<View> {
        let word = word.trim();
        View::ALL.into_iter().find(|v| v.as_str().eq_ignore_ascii_case(word))
    }
}

/// The level of the widget's top heading (`heading-level`); every other heading is relative to
/// it. A host places the widget under its own h2 or h3 with `heading-level` (2–6, default 2):
/// the widget's top heading takes that level and every heading below it shifts with it, so the
/// page keeps one outline. Levels past 6 stay h6, the deepest HTML has.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub struct Level(u8);

impl Default for Level {
    fn default() -> Self {
        Level(2)
    }
}

impl Level {
    /// 2–6; anything else (0 for "not given", 1, 7, …) is the default, 2.
    pub fn new(n: u8) -> Level {
        if (2..=6).contains(&n) {
            Level(n)
        } else {
            Level::default()
        }
    }

    /// The tag for a heading `depth` levels below the top one: `tag(0)` is the top heading.
    pub fn tag(self, depth: u8) -> &'static str {
        match self.0.saturating_add(depth) {
            0..=2 => "h2",
            3 => "h3",
            4 => "h4",
            5 => "h5",
            _ => "h6",
        }
    }
}

/// Host-controlled options (from attributes or the JS API).
#[derive(Clone, PartialEq, Debug, Default)]
pub struct Options {
    pub view: View,
    /// For `View::Area`, or the initially selected area.
    pub area: Option<String>,
    /// The language of the widget's own words.
    pub lang: Lang,
    /// Whether selecting an area updates `location.hash` (and `#3A` selects on load).
    pub deep_link: bool,
    /// For `View::Badge`: where its "full report" link goes (`href` attribute); no link if None.
    pub link: Option<String>,
    /// The level of the widget's top heading (`heading-level`, 2–6); 0 or out of range is 2.
    pub heading_level: u8,
    /// Where each area's name links in the summary view, `{id}` replaced by the area id
    /// (`area-href`); without it the names are plain text there.
    pub area_href: Option<String>,
    /// A page the reader can go to when the report cannot be shown (`fallback-href`): every
    /// error then ends with a "Read the report" link to it.
    pub fallback_href: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::{Level, View};

    #[test]
    fn view_words_round_trip() {
        for view in View::ALL {
            assert_eq!(View::from_word(view.as_str()), Some(view));
            assert_eq!(View::from_word(&format!(" {} ", view.as_str().to_uppercase())), Some(view));
        }
        for word in ["", "ful", "summary view", "areas"] {
            assert_eq!(View::from_word(word), None, "{word:?}");
        }
    }

    #[test]
    fn levels() {
        let cases = [(0, 0, "h2"), (2, 0, "h2"), (2, 3, "h5"), (3, 0, "h3"), (3, 2, "h5"), (5, 1, "h6"), (6, 3, "h6"), (1, 0, "h2"), (7, 0, "h2"), (255, 1, "h3")];
        for (n, depth, want) in cases {
            assert_eq!(Level::new(n).tag(depth), want, "level {n} depth {depth}");
        }
    }
}
