//! The widget's language and its words, in English and Welsh (Welsh Language Standards: Welsh
//! as usable as English). The report's own text is never translated, only the widget's labels.
//!
//! Each language's words are one typed table, a [`Strings`] ([`EN`] in en.rs, [`CY`] in
//! cy.rs): the compiler proves both complete and every use real, and no key ships in the wasm.
//! Counted texts come in the CLDR plural forms ([`Counted`]); [`Lang::count`] picks the one for
//! a number. The sentences built from these words are beside the view model
//! (src/view_model/sentences.rs). tests/i18n.rs writes both tables, keyed by field name, to
//! tests/fixtures/strings.json for the JavaScript tests.

mod cy;
mod en;
mod strings;

pub use cy::CY;
pub use en::EN;
pub use strings::{Counted, Pieces, Strings};

// The grade and direction words are the report's scale's: view_model/words.rs.

/// The widget's language.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Hash)]
pub enum Lang {
    #[default]
    En,
    Cy,
}

/// The CLDR plural categories (Unicode TR35, "Language Plural Rules").
#[derive(Clone, Copy, PartialEq, Eq, Debug, PartialOrd, Ord)]
pub enum Plural {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl<T> Counted<T> {
    /// The form for a plural category.
    pub fn get(&self, plural: Plural) -> &T {
        match plural {
            Plural::Zero => &self.zero,
            Plural::One => &self.one,
            Plural::Two => &self.two,
            Plural::Few => &self.few,
            Plural::Many => &self.many,
            Plural::Other => &self.other,
        }
    }
}

impl Lang {
    /// The one reading of a language tag (BCP 47, as in `lang="cy-GB"`), everywhere: the
    /// element's `lang`, the JS API's `lang` and the CLI's `--lang` (through [`Lang::named`]).
    /// Welsh when the primary subtag is `cy` in any case, with `-` or `_` after it and spaces
    /// around; everything else, an empty tag too, is English. The loader and the builder read
    /// tags the same way: all three are tested against tests/fixtures/lang-tags.json.
    pub fn parse(tag: &str) -> Lang {
        Lang::named(tag).unwrap_or_default()
    }

    /// The widget's language a tag names, if it names one: the primary subtag `en` or `cy`.
    pub fn named(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        [Lang::En, Lang::Cy].into_iter().find(|l| primary.eq_ignore_ascii_case(l.code()))
    }

    /// The tag to put in a `lang` attribute.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Cy => "cy",
        }
    }

    /// Every text in this language.
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::En => &EN,
            Lang::Cy => &CY,
        }
    }

    /// The plural category of the whole number `n` (CLDR's rules for integers: English
    /// one: 1; Welsh zero: 0, one: 1, two: 2, few: 3, many: 6; everything else other).
    pub fn plural(self, n: u64) -> Plural {
        match (self, n) {
            (Lang::En, 1) => Plural::One,
            (Lang::En, _) => Plural::Other,
            (Lang::Cy, 0) => Plural::Zero,
            (Lang::Cy, 1) => Plural::One,
            (Lang::Cy, 2) => Plural::Two,
            (Lang::Cy, 3) => Plural::Few,
            (Lang::Cy, 6) => Plural::Many,
            (Lang::Cy, _) => Plural::Other,
        }
    }

    /// The form of a counted text for `n`.
    pub fn count<T>(self, forms: &Counted<T>, n: u64) -> &T {
        forms.get(self.plural(n))
    }

    /// One plain sentence for a failure's kind (the `error` event's `detail.type`), in this
    /// language; the technical message under it stays as the code wrote it, in English.
    pub fn error_kind(self, kind: crate::load_state::ErrorKind) -> &'static str {
        use crate::load_state::ErrorKind;
        let s = self.strings();
        match kind {
            ErrorKind::Cors => s.error_cors,
            ErrorKind::Fetch => s.error_fetch,
            ErrorKind::Http => s.error_http,
            ErrorKind::Json { .. } => s.error_json,
            ErrorKind::Panic => s.error_panic,
            ErrorKind::Schema { .. } => s.error_schema,
            ErrorKind::Size { .. } => s.error_size,
            ErrorKind::Source => s.error_source,
            ErrorKind::Src => s.error_src,
            ErrorKind::Timeout => s.error_timeout,
        }
    }
}

/// A text with its values put between its pieces: `fill(&s.filter_shown…, [n, total])`. The
/// compiler checks that the text has room for exactly these values.
pub fn fill<const K: usize, const N: usize>(pieces: &Pieces<K>, values: [&str; N]) -> String {
    const { assert!(K == N + 1, "a text has one piece more than it has values") };
    join(pieces, &values)
}

/// The parts one after another: `[a, b].concat()` without `concat`'s own code in the wasm.
pub fn cat(parts: &[&str]) -> String {
    join(parts, &[])
}

/// [`fill`]'s work, once for every size of text.
fn join(pieces: &[&str], values: &[&str]) -> String {
    let mut out = String::new();
    for (i, piece) in pieces.iter().enumerate() {
        out.push_str(piece);
        if let Some(value) = values.get(i) {
            out.push_str(value);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_categories() {
        let cases = [
            (Lang::En, [Plural::Other, Plural::One, Plural::Other, Plural::Other, Plural::Other, Plural::Other]),
            (Lang::Cy, [Plural::Zero, Plural::One, Plural::Two, Plural::Few, Plural::Many, Plural::Other]),
        ];
        for (lang, want) in cases {
            let got = [0, 1, 2, 3, 6, 23].map(|n| lang.plural(n));
            assert_eq!(got, want, "{lang:?}");
        }
        assert_eq!(Lang::Cy.plural(4), Plural::Other);
        assert_eq!(Lang::Cy.plural(100), Plural::Other);
    }

    #[test]
    fn counted_texts_read_right_for_0_1_2_3_6_and_many() {
        let badge = |lang: Lang, n: u64| fill(lang.count(&lang.strings().badge_areas, n), [&n.to_string()]);
        let cases = [
            (Lang::En, 0, "0 areas graded"),
            (Lang::En, 1, "1 area graded"),
            (Lang::En, 2, "2 areas graded"),
            (Lang::En, 3, "3 areas graded"),
            (Lang::En, 6, "6 areas graded"),
            (Lang::En, 23, "23 areas graded"),
            (Lang::Cy, 0, "0 maes wedi'u graddio"),
            (Lang::Cy, 1, "1 maes wedi'i raddio"),
            (Lang::Cy, 2, "2 faes wedi'u graddio"),
            (Lang::Cy, 3, "3 maes wedi'u graddio"),
            (Lang::Cy, 6, "6 maes wedi'u graddio"),
            (Lang::Cy, 23, "23 maes wedi'u graddio"),
        ];
        for (lang, n, want) in cases {
            assert_eq!(badge(lang, n), want, "{lang:?} {n}");
        }
        let shown = |lang: Lang, total: u64| fill(lang.count(&lang.strings().filter_shown, total), ["1", &total.to_string()]);
        assert_eq!(shown(Lang::En, 1), "1 of 1 area shown");
        assert_eq!(shown(Lang::En, 23), "1 of 23 areas shown");
        assert_eq!(shown(Lang::Cy, 2), "Yn dangos 1 o 2 faes");
        assert_eq!(shown(Lang::Cy, 23), "Yn dangos 1 o 23 maes");
    }

    #[test]
    fn fill_puts_values_between_pieces() {
        assert_eq!(fill(&["", " of ", " shown"], ["1", "2"]), "1 of 2 shown");
        assert_eq!(fill(&["no values"], []), "no values");
        assert_eq!(fill(&["a ", ""], ["b"]), "a b");
    }

    #[test]
    fn named_languages() {
        let cases = [("en", Some(Lang::En)), ("EN-gb", Some(Lang::En)), ("cy_GB", Some(Lang::Cy)), (" cy ", Some(Lang::Cy)), ("fr", None), ("cym", None), ("", None)];
        for (tag, want) in cases {
            assert_eq!(Lang::named(tag), want, "{tag:?}");
        }
    }

    #[test]
    fn error_kinds_have_their_own_sentences() {
        for lang in [Lang::En, Lang::Cy] {
            let s = lang.strings();
            assert_eq!(lang.error_kind(crate::load_state::ErrorKind::Timeout), s.error_timeout);
            assert_ne!(lang.error_kind(crate::load_state::ErrorKind::Fetch), s.error_timeout);
        }
    }
}
