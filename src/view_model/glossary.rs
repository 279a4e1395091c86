//! The report's glossary, and report text split into plain runs and the glossary's
//! abbreviations ("MPS", "BOCU", "NIM"). Pure (tested natively): the components' `rich_text`
//! (src/components/abbr.rs) turns the pieces into text nodes and `<abbr>` elements.

use crate::model::GlossaryEntry;

/// The glossary sorted by abbreviation for binary search.
#[derive(Debug, Default, PartialEq)]
pub struct Glossary {
    entries: Vec<(String, String)>,
}

/// A piece of text: plain, or an abbreviation with its meaning.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub enum Segment<'a> {
    Text(&'a str),
    Abbr(&'a str, &'a str),
}

impl Glossary {
    pub fn new(entries: &[GlossaryEntry]) -> Glossary {
        // Sorted by abbreviation, one entry each (the smallest meaning if one is given twice),
        // built by binary insertion: the same result as sort + dedup without a monomorphised
        // merge sort in the wasm (issue 12); a glossary is a few dozen entries.
        let mut sorted: Vec<(String, String)> = Vec::new();
        // Only tokens a word scan can find: letters and digits, two or more, one capital.
        for e in entries.iter().filter(|e| {
            e.abbr.len() >= 2 && e.abbr.chars().all(|c| c.is_ascii_alphanumeric()) && e.abbr.chars().any(|c| c.is_ascii_uppercase())
        }) {
            match sorted.binary_search_by(|(a, _)| a.as_str().cmp(&e.abbr)) {
                Ok(i) if e.meaning < sorted[i].1 => sorted[i].1 = e.meaning.clone(),
                Ok(_) => {}
                Err(i) => sorted.insert(i, (e.abbr.clone(), e.meaning.clone())),
            }
        }
        Glossary { entries: sorted }
    }

    fn meaning(&self, word: &str) -> Option<&str> {
        self.entries.binary_search_by(|(a, _)| a.as_str().cmp(word)).ok().map(|i| self.entries[i].1.as_str())
    }

    /// Splits `text` into plain runs and glossary abbreviations (whole words, exact case).
    /// One pass over the text; adjacent plain runs are merged.
    pub fn segments<'a>(&'a self, text: &'a str) -> Vec<Segment<'a>> {
        let mut out = Vec::new();
        if self.entries.is_empty() {
            out.push(Segment::Text(text));
            return out;
        }
        let bytes = text.as_bytes();
        let mut plain_start = 0;
        let mut i = 0;
        while i < bytes.len() {
            if !bytes[i].is_ascii_alphanumeric() {
                i += 1;
                continue;
            }
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                i += 1;
            }
            // A word glued to non-ASCII letters ("NIMé") is not a whole word.
            let glued = |b: Option<&u8>| b.is_some_and(|b| *b >= 0x80);
            if glued(bytes.get(i)) || (start > 0 && glued(bytes.get(start - 1))) {
                continue;
            }
            let word = &text[start..i];
            if let Some(meaning) = self.meaning(word) {
                if plain_start < start {
                    out.push(Segment::Text(&text[plain_start..start]));
                }
                out.push(Segment::Abbr(word, meaning));
                plain_start = i;
            }
        }
        if plain_start < text.len() || out.is_empty() {
            out.push(Segment::Text(&text[plain_start..]));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Segment::*;

    fn glossary() -> Glossary {
        let e = |a: &str, m: &str| GlossaryEntry { abbr: a.into(), meaning: m.into() };
        Glossary::new(&[e("MPS", "Metropolitan Police Service"), e("BCU", "basic command unit"), e("BOCU", "borough operational command unit"), e("A&E", "accident and emergency"), e("a", "lowercase is never an abbreviation")])
    }

    #[test]
    fn segments() {
        let g = glossary();
        let cases: [(&str, Vec<Segment>); 8] = [
            ("The MPS has", vec![Text("The "), Abbr("MPS", "Metropolitan Police Service"), Text(" has")]),
            ("MPS's BOCU plans", vec![Abbr("MPS", "Metropolitan Police Service"), Text("'s "), Abbr("BOCU", "borough operational command unit"), Text(" plans")]),
            ("(BCU)", vec![Text("("), Abbr("BCU", "basic command unit"), Text(")")]),
            ("MPSX and BCUs are not whole words", vec![Text("MPSX and BCUs are not whole words")]),
            ("mps in lower case", vec![Text("mps in lower case")]),
            ("", vec![Text("")]),
            ("a A&E", vec![Text("a A&E")]),
            ("MPS", vec![Abbr("MPS", "Metropolitan Police Service")]),
        ];
        for (text, want) in cases {
            assert_eq!(g.segments(text), want, "{text:?}");
        }
    }

    /// Built by binary insertion (issue 12), the glossary is what sort + dedup gave: sorted,
    /// one entry per abbreviation, the smallest meaning of one given twice.
    #[test]
    fn repeated_abbreviations_keep_the_smallest_meaning() {
        let e = |a: &str, m: &str| GlossaryEntry { abbr: a.into(), meaning: m.into() };
        let g = Glossary::new(&[e("MPS", "z last"), e("BCU", "b"), e("MPS", "a first"), e("MPS", "m middle"), e("ACPO", "c")]);
        let pairs: Vec<(&str, &str)> = g.entries.iter().map(|(a, m)| (a.as_str(), m.as_str())).collect();
        assert_eq!(pairs, [("ACPO", "c"), ("BCU", "b"), ("MPS", "a first")]);
        assert_eq!(g.segments("MPS"), vec![Abbr("MPS", "a first")]);
    }

    #[test]
    fn non_ascii_neighbours_are_not_word_breaks() {
        let g = glossary();
        assert_eq!(g.segments("éMPS – MPS"), vec![Text("éMPS – "), Abbr("MPS", "Metropolitan Police Service")]);
    }
}
