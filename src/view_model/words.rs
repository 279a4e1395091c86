//! The words for one report's grades, directions and what it compares, in the widget's
//! language, worked out once per report: from the report's scale and `compared`, or, for a 2006
//! report of forces, from the string tables exactly as before scales were data.

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
    /// Whether the `n_` texts are used: another scale than 2006's, or something other than
    /// forces compared.
    pub generic: bool,
    /// Whether the report compares something other than forces (the texts that name what is
    /// compared without a number or a grade then have their `n_` forms too).
    pub compared: bool,
    /// What is compared: English singular and plural; Welsh after a number, and soft-mutated
    /// (after "2", "yr unig").
    noun: [String; 4],
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
        let word = |d: &crate::model::GradeDef| if cy { d.cy.clone() } else { d.en.clone() };
        let owned = |w: [&str; 4]| w.map(String::from).to_vec();
        let baseline = report.is_baseline();
        let (grades, graded, short, directions) = if baseline {
            // The 2006 words are the string tables' own, as they were before scales were data.
            let dirs = [(s.dir_improved, "improved"), (s.dir_stable, "stable"), (s.dir_declined, "declined")];
            (
                owned([s.grade_poor, s.grade_fair, s.grade_good, s.grade_excellent]),
                owned([s.graded_poor, s.graded_fair, s.graded_good, s.graded_excellent]),
                owned([s.short_poor, s.short_fair, s.short_good, s.short_excellent]),
                Some(dirs.iter().map(|(w, id)| (w.to_string(), id.to_string())).collect()),
            )
        } else {
            let grades: Vec<String> = scale.ranks().filter_map(|g| scale.def(g)).map(word).collect();
            let graded = grades.iter().map(|w| if cy { format!("yn {}", soft_mutation(w)) } else { w.clone() }).collect();
            let short = short_labels(&grades);
            let directions = scale.directions.as_ref().map(|ds| ds.iter().map(|d| (word(d), d.id.clone())).collect());
            (grades, graded, short, directions)
        };
        let keys = scale.ranks().filter_map(|g| scale.def(g)).map(|d| d.id.clone()).collect();
        let n = scale.len();
        let tones = (!baseline).then(|| {
            let best_first = TONES.get(n).copied().unwrap_or(&[]);
            best_first.iter().rev().copied().collect()
        });
        let noun = match &report.compared {
            Some(c) => {
                let one = if cy { c.cy.clone() } else { c.en_one().to_owned() };
                let many = if cy { c.cy.clone() } else { c.en.clone() };
                let mutated = if cy { soft_mutation(&c.cy) } else { one.clone() };
                [one, many, mutated.clone(), mutated]
            }
            None => {
                let f = |p| lang.count(&s.n_forces, p)[0].to_owned();
                [f(1), f(5), f(2), f(1)]
            }
        };
        let generic = !baseline || report.compared.is_some();
        Words { lang, grades, graded, short, keys, tones, directions, generic, compared: report.compared.is_some(), noun }
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
    let rest = &word[from..];
    let mut out = format!("{to}{rest}");
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
    let initials = |w: &str| w.split(' ').filter_map(|p| p.chars().next()).map(|c| c.to_ascii_uppercase()).collect::<String>();
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
