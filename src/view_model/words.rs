//! The words for one report's grades, directions and what it compares, in the widget's
//! language, worked out once per report: from the report's scale and `compared`; the 2006
//! scale's words, and forces as what is compared, from the string tables.

use crate::i18n::{Lang, Plural};
use crate::model::{Direction, Grade, Report};

pub struct Words {
    pub lang: Lang,
    /// Grade words by rank, lowest first ("Poor" … "Excellent").
    pub grades: Vec<String>,
    /// The grade as it reads after "graded" (Welsh mutates it after "yn": "yn Dda").
    pub graded: Vec<String>,
    /// Short labels under the small charts, lowest first.
    pub short: Vec<String>,
    /// Grade ids by rank: the `data-grade` the stylesheet colours.
    pub keys: Vec<String>,
    /// The colour of each grade by rank, 0 (best) to 6 (worst), for any scale but 2006's, whose
    /// four colours the stylesheet gives by id.
    pub tones: Option<Vec<u8>>,
    /// Direction words and ids in the scale's order; None when the scale has no directions.
    pub directions: Option<Vec<(String, String)>>,
    /// What is compared: English singular and plural; Welsh after a number, and soft-mutated
    /// (after "2", "yr unig").
    noun: [String; 4],
    /// The plural as it reads before "grades" ("forces'"; Welsh puts the plural as it is after
    /// the noun it qualifies: "graddau pob heddlu").
    things_of: String,
    /// The one the report is about, inside a sentence and at its start: "this force", "This
    /// force"; "yr heddlu hwn", "Yr heddlu hwn".
    this: [String; 2],
}

/// The colour of each grade of an `n`-grade scale, best first: spread over the seven tones so
/// neighbours differ (theme.css defines them, each at 3:1 or more against the background).
const TONES: [&[u8]; 8] = [
    &[],
    &[0],
    &[0, 6],
    &[0, 3, 6],
    &[0, 1, 4, 6],
    &[0, 1, 3, 4, 6],
    &[0, 1, 2, 3, 4, 6],
    &[0, 1, 2, 3, 4, 5, 6],
];

impl Words {
    pub fn new(report: &Report, lang: Lang) -> Words {
        let scale = &report.grades;
        let cy = lang == Lang::Cy;
        let s = lang.strings();
        let baseline = report.is_baseline();
        // One pass over the scale, lowest grade first, for every list (iterator chains and
        // `collect`s per list each cost the widget's wasm code of their own: docs/PERFORMANCE.md,
        // "Issue 29"). The 2006 words are the string tables' own, as they were before scales
        // were data: the 2006 scale's grades and directions are these, in this order.
        let tables = [
            [s.grade_poor, s.grade_fair, s.grade_good, s.grade_excellent],
            [s.graded_poor, s.graded_fair, s.graded_good, s.graded_excellent],
            [s.short_poor, s.short_fair, s.short_good, s.short_excellent],
        ];
        let (mut grades, mut graded, mut short, mut keys) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for (rank, d) in scale.grades.iter().rev().enumerate() {
            keys.push(d.id.clone());
            let own = if cy { &d.cy } else { &d.en };
            match tables.map(|t| t.get(rank).copied()) {
                [Some(word), Some(after), Some(label)] if baseline => {
                    grades.push(word.to_owned());
                    graded.push(after.to_owned());
                    short.push(label.to_owned());
                }
                _ => {
                    grades.push(own.clone());
                    let mut after = String::new();
                    if cy {
                        after.push_str("yn ");
                        after.push_str(&soft_mutation(own));
                    } else {
                        after.push_str(own);
                    }
                    graded.push(after);
                }
            }
        }
        if !baseline {
            short = short_labels(&grades);
        }
        let dir_tables = [s.dir_improved, s.dir_stable, s.dir_declined];
        let directions = scale.directions.as_ref().map(|ds| {
            let mut out = Vec::new();
            for (i, d) in ds.iter().enumerate() {
                let word = match dir_tables.get(i) {
                    Some(w) if baseline => (*w).to_owned(),
                    _ if cy => d.cy.clone(),
                    _ => d.en.clone(),
                };
                out.push((word, d.id.clone()));
            }
            out
        });
        let n = scale.len();
        let tones = (!baseline).then(|| {
            let best_first = TONES.get(n).copied().unwrap_or(&[]);
            best_first.iter().rev().copied().collect()
        });
        let (noun, this) = match &report.compared {
            Some(c) => {
                let one = if cy { c.cy.clone() } else { c.en_one().to_owned() };
                let many = if cy { c.cy.clone() } else { c.en.clone() };
                let mutated = if cy { soft_mutation(&c.cy) } else { one.clone() };
                // Welsh needs the report's own phrase (its article, gender and mutation); without
                // one it says the neutral "y sefydliad hwn" rather than guess them.
                let this = match (cy, &c.cy_this) {
                    (false, _) => c.en_this(),
                    (true, Some(own)) => own.clone(),
                    (true, None) => s.this_unnamed.to_owned(),
                };
                ([one, many, mutated.clone(), mutated], this)
            }
            None => {
                let f = |p| lang.count(&s.n_forces, p)[0].to_owned();
                ([f(1), f(5), f(2), f(1)], s.this_force.to_owned())
            }
        };
        // English's plural possessive ("forces'", "people's"); Welsh has none.
        let mut things_of = noun[1].clone();
        if !cy {
            things_of.push_str(if things_of.ends_with('s') { "'" } else { "'s" });
        }
        let mut start = this.clone();
        // ASCII case only, as in `soft_mutation`: Unicode's case tables would cost the wasm.
        if let Some(first) = start.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        Words { lang, grades, graded, short, keys, tones, directions, noun, things_of, this: [this, start] }
    }

    /// The grade's words; "Not graded" for None.
    pub fn grade(&self, grade: Option<&Grade>) -> &str {
        match grade.and_then(|g| self.grades.get(g.rank())) {
            Some(w) => w,
            None => self.lang.strings().grade_none,
        }
    }

    /// The grade's words after "graded".
    pub fn graded(&self, grade: &Grade) -> &str {
        self.graded.get(grade.rank()).map_or("", String::as_str)
    }

    /// The grade's `data-grade`, "none" for None.
    pub fn key(&self, grade: Option<&Grade>) -> &str {
        grade.and_then(|g| self.keys.get(g.rank())).map_or("none", String::as_str)
    }

    /// The grade's tone (for `data-tone`) on a scale other than 2006's.
    pub fn tone(&self, grade: Option<&Grade>) -> Option<&'static str> {
        const NAMES: [&str; 7] = ["0", "1", "2", "3", "4", "5", "6"];
        let tones = self.tones.as_ref()?;
        Some(grade.and_then(|g| tones.get(g.rank())).map_or("none", |t| NAMES[*t as usize]))
    }

    /// The direction's words; "No direction given" for None.
    pub fn direction(&self, direction: Option<&Direction>) -> &str {
        match direction.and_then(|d| self.directions.as_ref()?.get(d.0 as usize)) {
            Some((w, _)) => w,
            None => self.lang.strings().dir_none,
        }
    }

    /// The direction's `data-direction`, "none" for None.
    pub fn direction_key(&self, direction: Option<&Direction>) -> &str {
        direction.and_then(|d| self.directions.as_ref()?.get(d.0 as usize)).map_or("none", |(_, id)| id)
    }

    /// How many grades the scale has.
    pub fn len(&self) -> usize {
        self.grades.len()
    }

    pub fn is_empty(&self) -> bool {
        self.grades.is_empty()
    }

    /// What is compared, as it reads after the number `n` ("1 service", "5 services",
    /// "2 wasanaeth").
    pub fn noun(&self, n: u64) -> &str {
        match self.lang.plural(n) {
            Plural::One => &self.noun[0],
            Plural::Two if self.lang == Lang::Cy => &self.noun[2],
            _ => &self.noun[1],
        }
    }

    /// What is compared, in the plural without a number ("services"; Welsh counts with the
    /// singular: "pob gwasanaeth").
    pub fn things(&self) -> &str {
        &self.noun[1]
    }

    /// One of what is compared, after "the only" (Welsh mutates it: "yr unig wasanaeth").
    pub fn thing(&self) -> &str {
        &self.noun[3]
    }

    /// The plural before "grades": "forces'" ("the share of all forces' grades"); Welsh
    /// "heddlu" ("graddau pob heddlu").
    pub fn things_of(&self) -> &str {
        &self.things_of
    }

    /// The one the report is about, inside a sentence: "this force", "this service",
    /// "yr heddlu hwn".
    pub fn this(&self) -> &str {
        &self.this[0]
    }

    /// The same, after the text `before` of a template: capitalised where it starts a sentence
    /// (`before` is empty or ends a sentence), so "This force: Good." and "Mae bar yr heddlu
    /// hwn" come from one value, whichever place each language gives it.
    pub fn this_after(&self, before: &str) -> &str {
        match before.is_empty() || before.ends_with(". ") {
            true => &self.this[1],
            false => &self.this[0],
        }
    }
}

/// Welsh soft mutation of a word's first letter, as after "yn" or "dau": "Da" → "Dda", "Teg" →
/// "Deg", "Gwael" → "Wael"; "Rh" and "Ll" keep their form after "yn", and vowels never change.
/// The built-in scales' words are checked against the 2006 tables; a Welsh-language officer
/// should review any other.
// ASCII letter case only: the letters that mutate are ASCII, and Unicode's case tables would
// cost the widget's wasm several KB.
pub fn soft_mutation(word: &str) -> String {
    let upper = word.starts_with(|c: char| c.is_ascii_uppercase());
    let lower = word.to_ascii_lowercase();
    let keep = ["rh", "ll"].iter().any(|p| lower.starts_with(p));
    let (from, to) = match lower.chars().next() {
        _ if keep => return word.to_owned(),
        Some('p') => (1, "b"),
        Some('t') => (1, "d"),
        Some('c') => (1, "g"),
        Some('b') => (1, "f"),
        Some('d') if !lower.starts_with("dd") => (1, "dd"),
        Some('g') => (1, ""),
        Some('m') => (1, "f"),
        _ => return word.to_owned(),
    };
    let mut out = String::from(to);
    out.push_str(&word[from..]);
    if upper {
        // The first letter is ASCII here (a mutation's, or the rest's after "G").
        if let Some(first) = out.get_mut(..1) {
            first.make_ascii_uppercase();
        }
    }
    out
}

/// One-letter labels (the first letter of each word: "Requires improvement" → "RI"), two
/// letters of the first word where two grades would share one ("Da", "Digonol" → "Da", "Di").
fn short_labels(words: &[String]) -> Vec<String> {
    // Each character after a space (or at the start), by hand rather than `split(' ')`, whose
    // searcher is code of its own in the widget's wasm.
    let initials = |w: &str| {
        let mut out = String::new();
        let mut after_space = true;
        for c in w.chars() {
            if after_space && c != ' ' {
                out.push(c.to_ascii_uppercase());
            }
            after_space = c == ' ';
        }
        out
    };
    let first: Vec<String> = words.iter().map(|w| initials(w)).collect();
    first
        .iter()
        .zip(words)
        .map(|(i, w)| {
            if first.iter().filter(|j| *j == i).count() > 1 {
                w.chars().take(2).collect()
            } else {
                i.clone()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn welsh_soft_mutation_matches_the_2006_tables() {
        let s = Lang::Cy.strings();
        for (word, graded) in [(s.grade_excellent, s.graded_excellent), (s.grade_good, s.graded_good), (s.grade_fair, s.graded_fair), (s.grade_poor, s.graded_poor)] {
            assert_eq!(format!("yn {}", soft_mutation(word)), graded);
        }
        assert_eq!(soft_mutation("Digonol"), "Ddigonol");
        assert_eq!(soft_mutation("gwasanaeth"), "wasanaeth");
        assert_eq!(soft_mutation("Annigonol"), "Annigonol");
        assert_eq!(soft_mutation("maes"), "faes");
    }

    #[test]
    fn short_labels_match_the_2006_tables_and_stay_apart() {
        for lang in [Lang::En, Lang::Cy] {
            let s = lang.strings();
            let words = [s.grade_poor, s.grade_fair, s.grade_good, s.grade_excellent].map(String::from);
            assert_eq!(short_labels(&words), [s.short_poor, s.short_fair, s.short_good, s.short_excellent]);
        }
        let cy = ["Annigonol", "Angen gwella", "Digonol", "Da", "Rhagorol"].map(String::from);
        assert_eq!(short_labels(&cy), ["A", "AG", "Di", "Da", "R"]);
    }
}
