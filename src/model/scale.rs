//! The grade scale as data: the ordered grades a report uses (best first), each with an id and
//! its words in English and Welsh, and optionally a direction-of-travel scale. A report names a
//! built-in scale or gives one in full (`"scale"`); omitted, it is the 2006 Baseline
//! Assessment's, so every report written before scales existed means what it meant.
//!
//! Inside the crate a grade is a [`Grade`](super::Grade) rank (0 the lowest) into the report's
//! resolved scale, and a direction a [`Direction`](super::Direction) index into its directions.

use std::borrow::Cow;

use serde::Serialize;

use super::excerpt::Quoted;
use super::problem::Step;

#[cfg(schema)]
use schemars::JsonSchema;

/// Fewest and most grades a scale may have (the widget draws symbols and colours for these).
pub const MIN_GRADES: usize = 2;
pub const MAX_GRADES: usize = 7;

/// The built-in scales' names, in the order docs and messages list them.
pub const BUILTIN: [&str; 3] = ["baseline-2006", "peel-2014", "peel-2021"];

/// [`BUILTIN`] as messages list it: a constant, not a `join` (the widget's wasm then carries no
/// join for it; a test keeps the two the same).
pub const BUILTIN_LIST: &str = "baseline-2006, peel-2014, peel-2021";

/// The 2006 scale's name: what a report without `"scale"` uses.
pub const DEFAULT_SCALE: &str = "baseline-2006";

/// One grade (or one direction of travel): its id in the report's JSON, and its words.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(schema, derive(JsonSchema))]
#[cfg_attr(schema, schemars(deny_unknown_fields, rename = "grade_def", title = "Grade"))]
pub struct GradeDef {
    /// The grade's id, a lowercase slug such as "requires-improvement": what areas and national
    /// counts use.
    #[cfg_attr(schema, schemars(title = "Grade id", regex(pattern = r"^[a-z0-9][a-z0-9-]{0,39}$")))]
    pub id: String,
    /// The English words, e.g. "Requires improvement".
    #[cfg_attr(schema, schemars(title = "English", with = "super::schema::Text"))]
    pub en: String,
    /// The Welsh words, e.g. "Angen gwella".
    #[cfg_attr(schema, schemars(title = "Welsh", with = "super::schema::Text"))]
    pub cy: String,
}

/// A grade scale given in full: grades best first, and optionally the directions of travel.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(schema, derive(JsonSchema))]
#[cfg_attr(schema, schemars(deny_unknown_fields, rename = "scale", title = "Grade scale"))]
pub struct Scale {
    /// The grades, best first: 2 to 7 of them, ids unique.
    #[cfg_attr(schema, schemars(title = "Grades", length(min = 2, max = 7)))]
    pub grades: Vec<GradeDef>,
    /// The directions of travel, in the order the widget lists them (best first), or omitted
    /// when the scale has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(schema, schemars(title = "Directions of travel", length(min = 1, max = 7)))]
    pub directions: Option<Vec<GradeDef>>,
}

fn def(id: &str, en: &str, cy: &str) -> GradeDef {
    GradeDef { id: id.to_owned(), en: en.to_owned(), cy: cy.to_owned() }
}

impl Default for Scale {
    /// The 2006 Baseline Assessment's scale.
    fn default() -> Scale {
        Scale::baseline()
    }
}

impl Scale {
    fn baseline() -> Scale {
        Scale {
            grades: vec![
                def("excellent", "Excellent", "Rhagorol"),
                def("good", "Good", "Da"),
                def("fair", "Fair", "Teg"),
                def("poor", "Poor", "Gwael"),
            ],
            directions: Some(vec![
                def("improved", "Improved", "Wedi gwella"),
                def("stable", "Stable", "Sefydlog"),
                def("declined", "Declined", "Wedi dirywio"),
            ]),
        }
    }

    /// A built-in scale by name: "baseline-2006", "peel-2014", "peel-2021".
    ///
    /// The PEEL grades' Welsh words are HMICFRS's own in its Welsh PEEL reports (e.g. "Heddlu
    /// Dyfed-Powys PEEL 2023–2025" and "Heddlu Gwent PEEL 2021/22" on
    /// hmicfrs.justiceinspectorates.gov.uk; Golwg360 reporting PEEL 2017's "angen gwella" and
    /// "Da"), to be reviewed by a Welsh-language officer like the rest of the Welsh
    /// (docs/accessibility.md).
    pub fn builtin(name: &str) -> Option<Scale> {
        let outstanding = || def("outstanding", "Outstanding", "Rhagorol");
        let good = || def("good", "Good", "Da");
        let ri = || def("requires-improvement", "Requires improvement", "Angen gwella");
        let inadequate = || def("inadequate", "Inadequate", "Annigonol");
        Some(match name {
            "baseline-2006" => Scale::baseline(),
            "peel-2014" => Scale { grades: vec![outstanding(), good(), ri(), inadequate()], directions: None },
            "peel-2021" => Scale {
                grades: vec![outstanding(), good(), def("adequate", "Adequate", "Digonol"), ri(), inadequate()],
                directions: None,
            },
            _ => return None,
        })
    }

    /// How many grades.
    pub fn len(&self) -> usize {
        self.grades.len()
    }

    pub fn is_empty(&self) -> bool {
        self.grades.is_empty()
    }

    /// The grade with this rank (0 the lowest), if the scale has it.
    pub fn def(&self, grade: super::Grade) -> Option<&GradeDef> {
        let n = self.grades.len();
        (grade.rank() < n).then(|| &self.grades[n - 1 - grade.rank()])
    }

    /// Every grade, lowest first (the charts' column order).
    pub fn ranks(&self) -> impl DoubleEndedIterator<Item = super::Grade> + ExactSizeIterator {
        (0..self.grades.len() as u8).map(super::Grade)
    }

    /// The grade whose id this is exactly.
    pub fn grade_of_id(&self, id: &str) -> Option<super::Grade> {
        let i = self.grades.iter().position(|g| g.id == id)?;
        Some(super::Grade((self.grades.len() - 1 - i) as u8))
    }

    /// The direction whose id this is exactly.
    pub fn direction_of_id(&self, id: &str) -> Option<super::Direction> {
        let i = self.directions.as_ref()?.iter().position(|d| d.id == id)?;
        Some(super::Direction(i as u8))
    }

    /// The direction at this index, if the scale has directions and this one.
    pub fn direction(&self, d: super::Direction) -> Option<&GradeDef> {
        self.directions.as_ref()?.get(d.0 as usize)
    }

    /// The grade these words name, matched against ids, English and Welsh words without regard
    /// to letter case or surrounding spaces: an index into `grades` (0 the best). For reading
    /// grade words in tables people typed.
    pub fn word_to_grade(&self, text: &str) -> Option<usize> {
        let t = text.trim();
        self.grades.iter().position(|g| {
            [&g.id, &g.en, &g.cy].iter().any(|w| w.trim().to_lowercase() == t.to_lowercase())
        })
    }

    /// What is wrong with this scale, each with the path inside it (`grades[2].id` as steps, so
    /// the report's reader puts `scale` before them without parsing text); empty when it is a
    /// good one. The report's resolver and [`Scale::from_json`] share this.
    pub fn problems(&self) -> Vec<(Vec<Step>, String)> {
        let mut out = Vec::new();
        let n = self.grades.len();
        if !(MIN_GRADES..=MAX_GRADES).contains(&n) {
            out.push((at("grades", None), format!("has {n} grades; a scale has {MIN_GRADES} to {MAX_GRADES}")));
        }
        list_problems("grades", &self.grades, &mut out);
        if let Some(dirs) = &self.directions {
            if dirs.is_empty() || dirs.len() > MAX_GRADES {
                let found = dirs.len();
                out.push((at("directions", None), format!("has {found} directions; use 1 to {MAX_GRADES}, or leave the field out")));
            }
            list_problems("directions", dirs, &mut out);
        }
        out
    }

    /// Reads a scale file (`{"grades": [{"id": …, "en": …, "cy": …}, …]}`, best first) or a
    /// built-in scale's name. Every problem is given at once, each naming where it is.
    #[cfg(any(not(target_arch = "wasm32"), feature = "import"))]
    pub fn from_json(text: &str) -> Result<Scale, Vec<String>> {
        use super::read::{run, tree::Tree, Source};
        let tree = Tree::parse(text.trim_start_matches('\u{feff}')).map_err(|e| vec![format!("not a grade scale: {e}")])?;
        // The report's own reader for a scale: the same types, paths and messages.
        let read = run(|r| super::read::scale(r, tree.value()));
        let mut problems: Vec<String> = read.noted.iter().map(|p| format!("not a grade scale: {p}")).collect();
        match read.result {
            Err(p) => problems.push(format!("not a grade scale: {p}")),
            Ok(scale) => {
                let found = scale.problems();
                if problems.is_empty() && found.is_empty() {
                    return Ok(scale);
                }
                problems.extend(found.into_iter().map(|(at, what)| format!("{}: {what}", super::ReportPath(at))));
            }
        }
        Err(problems)
    }

    /// A built-in scale's name, or the path of a scale file: what `--scale` takes.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn named_or_file(arg: &str) -> Result<Scale, Vec<String>> {
        if let Some(s) = Scale::builtin(arg) {
            return Ok(s);
        }
        match std::fs::read_to_string(arg) {
            Ok(text) => Scale::from_json(&text).map_err(|v| v.into_iter().map(|p| format!("{arg}: {p}")).collect()),
            Err(e) => Err(vec![format!(
                "{arg}: not a built-in scale ({BUILTIN_LIST}) and not a readable scale file: {e}"
            )]),
        }
    }
}

/// A grade id: lowercase letters, digits and hyphens, starting with a letter or digit, at most
/// 40 characters ("requires-improvement").
pub fn is_grade_id(id: &str) -> bool {
    let b = id.as_bytes();
    !b.is_empty()
        && b.len() <= 40
        && b[0] != b'-'
        && b.iter().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
}

/// `list`, or `list[i].field`, as path steps.
fn at(list: &'static str, item: Option<(usize, &'static str)>) -> Vec<Step> {
    let mut steps = vec![Step::Key(Cow::Borrowed(list))];
    if let Some((i, field)) = item {
        steps.push(Step::Index(i));
        steps.push(Step::Key(Cow::Borrowed(field)));
    }
    steps
}

fn list_problems(list: &'static str, defs: &[GradeDef], out: &mut Vec<(Vec<Step>, String)>) {
    for (i, d) in defs.iter().enumerate() {
        if !is_grade_id(&d.id) {
            let msg = format!("malformed id {}; expected a lowercase slug such as \"requires-improvement\"", Quoted(&d.id));
            out.push((at(list, Some((i, "id"))), msg));
        } else if let Some(first) = defs[..i].iter().position(|e| e.id == d.id) {
            out.push((at(list, Some((i, "id"))), format!("duplicate id {}; first used at {list}[{first}]", Quoted(&d.id))));
        }
        for (field, words) in [("en", &d.en), ("cy", &d.cy)] {
            if words.trim().is_empty() {
                out.push((at(list, Some((i, field))), "must not be empty".to_owned()));
            }
        }
    }
}

/// What a report compares itself with, in both languages: the plural as it reads after a
/// number ("services", "gwasanaeth"), the singular ("service", "gwasanaeth"), and how the
/// sentences name the one the report is about ("this service", "y gwasanaeth hwn"). Omitted, the
/// report compares forces.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(schema, derive(JsonSchema))]
#[cfg_attr(schema, schemars(deny_unknown_fields, rename = "compared", title = "What is compared"))]
pub struct Compared {
    /// English plural, e.g. "services".
    #[cfg_attr(schema, schemars(title = "English plural", with = "super::schema::Text"))]
    pub en: String,
    /// Welsh noun as it reads after a number (Welsh counts with the singular), e.g.
    /// "gwasanaeth".
    #[cfg_attr(schema, schemars(title = "Welsh", with = "super::schema::Text"))]
    pub cy: String,
    /// English singular, e.g. "service"; omitted, the plural without a final "s".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(schema, schemars(title = "English singular", with = "Option<super::schema::Text>"))]
    pub en_one: Option<String>,
    /// English for the one the report is about, as it reads inside a sentence, e.g. "this
    /// service" (the widget capitalises it at a sentence's start); omitted, "this " and the
    /// singular.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(schema, schemars(title = "English for this one", with = "Option<super::schema::Text>"))]
    pub en_this: Option<String>,
    /// Welsh for the one the report is about, with its article, as it reads inside a sentence,
    /// e.g. "y gwasanaeth hwn" ("yr ysgol hon" for a feminine noun: Welsh word order, gender and
    /// mutation cannot be derived from `cy`); omitted, the neutral "y sefydliad hwn" ("this
    /// organisation").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(schema, schemars(title = "Welsh for this one", with = "Option<super::schema::Text>"))]
    pub cy_this: Option<String>,
}

impl Compared {
    /// What is compared, in English and Welsh, with no singular or "this" phrases given.
    pub fn new(en: String, cy: String) -> Compared {
        Compared { en, cy, en_one: None, en_this: None, cy_this: None }
    }

    /// The English singular.
    pub fn en_one(&self) -> &str {
        match &self.en_one {
            Some(one) => one,
            None => self.en.strip_suffix('s').unwrap_or(&self.en),
        }
    }

    /// The English for the one the report is about: `en_this`, or "this " and the singular.
    pub fn en_this(&self) -> String {
        match &self.en_this {
            Some(this) => this.clone(),
            None => {
                let mut out = String::from("this ");
                out.push_str(self.en_one());
                out
            }
        }
    }
}

/// `"scale"` in a report: a built-in scale's name, or a scale in full.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(schema, derive(JsonSchema))]
#[cfg_attr(schema, schemars(rename = "scale_choice", title = "Grade scale"))]
#[serde(untagged)]
pub enum ScaleChoice {
    /// A built-in scale: "baseline-2006", "peel-2014" or "peel-2021".
    Named(String),
    /// A scale given in full.
    Given(Scale),
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Grade;

    #[test]
    fn builtins_are_good_scales() {
        for name in BUILTIN {
            let s = Scale::builtin(name).unwrap();
            assert!(s.problems().is_empty(), "{name}: {:?}", s.problems());
        }
        assert_eq!(Scale::builtin("peel-2021").unwrap().len(), 5);
        assert!(Scale::builtin("peel-2022").is_none());
    }

    #[test]
    fn the_list_of_builtins_names_them_all() {
        assert_eq!(BUILTIN_LIST, BUILTIN.join(", "));
    }

    #[test]
    fn ranks_are_lowest_first() {
        let s = Scale::builtin("peel-2021").unwrap();
        assert_eq!(s.grade_of_id("inadequate"), Some(Grade(0)));
        assert_eq!(s.grade_of_id("outstanding"), Some(Grade(4)));
        assert_eq!(s.def(Grade(2)).unwrap().id, "adequate");
        assert_eq!(s.def(Grade(5)), None);
        let b = Scale::default();
        assert_eq!(b.grade_of_id("excellent"), Some(Grade::Excellent));
        assert_eq!(b.grade_of_id("poor"), Some(Grade::Poor));
    }

    #[test]
    fn words_match_ids_english_and_welsh() {
        let s = Scale::builtin("peel-2021").unwrap();
        assert_eq!(s.word_to_grade(" requires improvement "), Some(3));
        assert_eq!(s.word_to_grade("REQUIRES-IMPROVEMENT"), Some(3));
        assert_eq!(s.word_to_grade("angen gwella"), Some(3));
        assert_eq!(s.word_to_grade("Digonol"), Some(2));
        assert_eq!(s.word_to_grade("fair"), None);
    }

    #[test]
    fn a_scale_file_and_its_problems() {
        let ok = r#"{"grades":[{"id":"outstanding","en":"Outstanding","cy":"Rhagorol"},{"id":"poor","en":"Poor","cy":"Gwael"}]}"#;
        assert_eq!(Scale::from_json(ok).unwrap().len(), 2);
        let bad = r#"{"grades":[{"id":"Top","en":"Top","cy":" "},{"id":"x","en":"X","cy":"X"},{"id":"x","en":"Y","cy":"Y"}]}"#;
        assert_eq!(
            Scale::from_json(bad).unwrap_err(),
            [
                "grades[0].id: malformed id \"Top\"; expected a lowercase slug such as \"requires-improvement\"",
                "grades[0].cy: must not be empty",
                "grades[2].id: duplicate id \"x\"; first used at grades[1]",
            ]
        );
        let one = r#"{"grades":[{"id":"a","en":"A","cy":"A"}]}"#;
        assert_eq!(Scale::from_json(one).unwrap_err(), ["grades: has 1 grades; a scale has 2 to 7"]);
        assert!(Scale::from_json(r#"{"grades": 1}"#).unwrap_err()[0].starts_with("not a grade scale"));
    }

    #[test]
    fn compared_singular() {
        let mut c = Compared::new("services".into(), "gwasanaeth".into());
        assert_eq!(c.en_one(), "service");
        assert_eq!(c.en_this(), "this service");
        c.en_one = Some("fire and rescue service".into());
        assert_eq!(c.en_this(), "this fire and rescue service");
        c.en_this = Some("the service inspected".into());
        assert_eq!(c.en_this(), "the service inspected");
    }
}
