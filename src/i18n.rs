//! Every string the widget writes, in English and Welsh (Welsh Language Standards: Welsh as
//! usable as English). The report's own text is never translated, only the widget's labels.
//!
//! Two tables of `(key, text)` sorted by key, so a lookup is a binary search and a test can check
//! that both languages have the same keys. Texts with `{name}` placeholders are filled by
//! [`fill`]; the comparison sentence under each chart is built by [`comparison_sentence`].
//!
//! Texts with a count come in plural forms, keyed `key#category` by the CLDR plural categories
//! ([`Plural`]): English has two forms (one, other), Welsh six (zero, one, two, few, many,
//! other; the noun after a numeral is singular and mutates after 2, "2 faes"). [`Lang::count`]
//! picks the form for a number, and a test checks every table holds each form its rule needs.
//! The Welsh was written with care but should be reviewed by a Welsh-language officer before a
//! force publishes it.

use crate::standing::Standing;
use crate::model::{Grade, NationalDistribution};

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

impl Plural {
    fn suffix(self) -> &'static str {
        match self {
            Plural::Zero => "#zero",
            Plural::One => "#one",
            Plural::Two => "#two",
            Plural::Few => "#few",
            Plural::Many => "#many",
            Plural::Other => "#other",
        }
    }
}

impl Lang {
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

    /// The form of the counted text `key` for `n` (`key#one`, `key#other`, …), not yet filled.
    /// A missing form is a programming error, as in [`Lang::t`]; a release build falls back to
    /// the `other` form.
    pub fn count(self, key: &'static str, n: u64) -> &'static str {
        let table = self.table();
        let find = |plural: Plural| {
            let suffix = plural.suffix();
            table
                .binary_search_by(|(k, _)| {
                    let (base, rest) = k.split_at(k.find('#').unwrap_or(k.len()));
                    base.cmp(key).then(rest.cmp(suffix))
                })
                .ok()
                .map(|i| table[i].1)
        };
        find(self.plural(n)).or_else(|| find(Plural::Other)).unwrap_or_else(|| {
            debug_assert!(false, "missing plural forms of i18n key {key}");
            key
        })
    }

    /// Reads a BCP 47 tag: "cy", "cy-GB" and any case give Welsh; everything else English.
    pub fn from_code(code: &str) -> Lang {
        let primary = code.split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("cy") {
            Lang::Cy
        } else {
            Lang::En
        }
    }

    /// The tag to put in a `lang` attribute.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Cy => "cy",
        }
    }

    fn table(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Lang::En => EN,
            Lang::Cy => CY,
        }
    }

    /// The text for `key`. A missing key is a programming error: tests fail on it (debug
    /// assertion); a release build shows the key rather than nothing.
    pub fn t(self, key: &'static str) -> &'static str {
        let table = self.table();
        match table.binary_search_by(|(k, _)| k.cmp(&key)) {
            Ok(i) => table[i].1,
            Err(_) => {
                debug_assert!(false, "missing i18n key {key}");
                key
            }
        }
    }

    /// One plain sentence for a failure's kind (the `error` event's `detail.type`), in this
    /// language; the technical message under it stays as the code wrote it, in English.
    pub fn error_kind(self, kind: crate::load_state::ErrorKind) -> &'static str {
        use crate::load_state::ErrorKind;
        self.t(match kind {
            ErrorKind::Cors => "error.cors",
            ErrorKind::Fetch => "error.fetch",
            ErrorKind::Http => "error.http",
            ErrorKind::Json { .. } => "error.json",
            ErrorKind::Panic => "error.panic",
            ErrorKind::Schema { .. } => "error.schema",
            ErrorKind::Size { .. } => "error.size",
            ErrorKind::Source => "error.source",
            ErrorKind::Src => "error.src",
            ErrorKind::Timeout => "error.timeout",
        })
    }

    /// The grade's word ("Excellent" / "Rhagorol"); "Not graded" for None.
    pub fn grade(self, grade: Option<&Grade>) -> &'static str {
        self.t(match grade {
            Some(Grade::Excellent) => "grade.excellent",
            Some(Grade::Good) => "grade.good",
            Some(Grade::Fair) => "grade.fair",
            Some(Grade::Poor) => "grade.poor",
            _ => "grade.none",
        })
    }

    /// The grade as it reads after "graded" (Welsh mutates it after "yn": "yn dda").
    fn graded(self, grade: &Grade) -> &'static str {
        self.t(match grade {
            Grade::Excellent => "graded.excellent",
            Grade::Good => "graded.good",
            Grade::Fair => "graded.fair",
            _ => "graded.poor",
        })
    }

    /// One-letter grade labels under the small charts, lowest first.
    pub fn grade_short(self) -> [&'static str; 4] {
        [
            self.t("short.poor"),
            self.t("short.fair"),
            self.t("short.good"),
            self.t("short.excellent"),
        ]
    }

    /// Grade words lowest first, the chart's column order.
    pub fn grade_words(self) -> [&'static str; 4] {
        Grade::ALL.map(|g| self.grade(Some(&g)))
    }

    /// The direction's words ("Improved" / "Wedi gwella"); "No direction given" for None.
    pub fn direction(self, direction: Option<&crate::model::Direction>) -> &'static str {
        use crate::model::Direction;
        self.t(match direction {
            Some(Direction::Improved) => "dir.improved",
            Some(Direction::Stable) => "dir.stable",
            Some(Direction::Declined) => "dir.declined",
            _ => "dir.none",
        })
    }
}

/// Replaces each `{name}` in `template` with its value. Unknown names are left as they are, so
/// a mistake shows up in the output (and in the snapshot tests) instead of vanishing.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match values.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The sentence under an area's chart, e.g. "One of 4 forces graded Excellent; 39 forces were
/// graded lower." `standing` is None when this force was not graded in the area.
pub fn comparison_sentence(lang: Lang, grade: Option<&Grade>, standing: Option<Standing>, total: u32) -> String {
    let (grade, s) = match (grade, standing) {
        (Some(g), Some(s)) => (g, s),
        _ => return lang.t("s.ungraded").to_string(),
    };
    let same = s.same.to_string();
    let lower = s.lower.to_string();
    let higher = s.higher.to_string();
    let total = total.to_string();
    let vals = [
        ("n", same.as_str()),
        ("grade", lang.graded(grade)),
        ("lower", lower.as_str()),
        ("higher", higher.as_str()),
        ("total", total.as_str()),
    ];
    let first = match s.same {
        n if n <= 1 => "s.only",
        _ if s.lower == 0 && s.higher == 0 => "s.all",
        _ => "s.one_of",
    };
    let mut out = fill(lang.t(first), &vals);
    let counted = |key: &'static str, n: i64| (n > 0).then(|| fill(lang.count(key, n as u64), &vals));
    match (counted("s.lower", s.lower), counted("s.higher", s.higher)) {
        (Some(l), Some(h)) => {
            out.push_str("; ");
            out.push_str(&l);
            out.push_str(lang.t("s.and"));
            out.push_str(&h);
        }
        (Some(k), None) | (None, Some(k)) => {
            out.push_str("; ");
            out.push_str(&k);
        }
        (None, None) => {}
    }
    out.push('.');
    out
}

/// The accessible name of an area's chart: every count in words, and this force's grade.
pub fn chart_label(lang: Lang, id: &str, d: &NationalDistribution, grade: Option<&Grade>, total: u32) -> String {
    let [p, f, g, e] = [d.poor, d.fair, d.good, d.excellent].map(|n| n.to_string());
    let total = total.to_string();
    fill(
        lang.t("chart.label"),
        &[
            ("id", id),
            ("total", &total),
            ("poor", &p),
            ("fair", &f),
            ("good", &g),
            ("excellent", &e),
            ("grade", lang.grade(grade)),
        ],
    )
}

/// English. Sorted by key (a test checks).
pub static EN: &[(&str, &str)] = &[
    ("badge.areas#one", "{n} area graded"),
    ("badge.areas#other", "{n} areas graded"),
    ("badge.link", "See the full inspection report"),
    ("chart.label", "{id}: of {total} forces, {poor} Poor, {fair} Fair, {good} Good, {excellent} Excellent. This force: {grade}."),
    ("chart.this_force", "this force"),
    ("col.area", "Area"),
    ("col.direction", "Direction of travel"),
    ("col.grade", "Grade"),
    ("col.id", "Ref."),
    ("col.national", "All forces (Poor, Fair, Good, Excellent)"),
    ("detail.back", "Back to {id} in the table"),
    ("detail.direction", "Direction of travel"),
    ("detail.grade", "Grade"),
    ("detail.not_found", "There is no area {id} in this report."),
    ("detail.prompt", "Choose an area in the table or the charts to see the findings behind its grade."),
    ("dir.declined", "Declined"),
    ("dir.improved", "Improved"),
    ("dir.none", "No direction given"),
    ("dir.stable", "Stable"),
    ("error.cors", "The server that holds the report does not allow this page to read it."),
    ("error.detail", "Technical details (for the site owner)"),
    ("error.fallback", "Read the report"),
    ("error.fetch", "The report could not be fetched: the server could not be reached."),
    ("error.http", "The server did not send the report."),
    ("error.json", "The file is not a report: it is not valid JSON."),
    ("error.panic", "Something went wrong inside the widget."),
    ("error.problems", "Problems found"),
    ("error.retry", "Try again"),
    ("error.schema", "The report file has mistakes, so it cannot be shown."),
    ("error.size", "The report is too large to show."),
    ("error.source", "The widget was not given a report to show."),
    ("error.src", "The report's address is not one the widget can fetch."),
    ("error.timeout", "The report took too long to arrive."),
    ("error.title", "The inspection report could not be shown"),
    ("export.csv", "Download the grades (CSV)"),
    ("export.svg", "Download this chart (SVG)"),
    ("filter.all_directions", "All directions"),
    ("filter.all_domains", "All domains"),
    ("filter.all_grades", "All grades"),
    ("filter.direction", "Direction of travel"),
    ("filter.domain", "Domain"),
    ("filter.grade", "Grade"),
    ("filter.none_match", "No areas match these filters."),
    ("filter.reset", "Show all areas"),
    ("filter.shown#one", "{n} of {total} area shown"),
    ("filter.shown#other", "{n} of {total} areas shown"),
    ("filter.sort", "Sort by"),
    ("glance.counts", "All forces: {poor} Poor, {fair} Fair, {good} Good, {excellent} Excellent"),
    ("glance.intro", "How all forces were graded in each area. This force's bar is outlined and marked. Choose an area to see its findings."),
    ("gp.contact", "Contact:"),
    ("grade.excellent", "Excellent"),
    ("grade.fair", "Fair"),
    ("grade.good", "Good"),
    ("grade.none", "Not graded"),
    ("grade.poor", "Poor"),
    ("graded.excellent", "Excellent"),
    ("graded.fair", "Fair"),
    ("graded.good", "Good"),
    ("graded.poor", "Poor"),
    ("header.period", "Assessment period"),
    ("heading.detail", "Findings"),
    ("heading.filters", "Filter and sort"),
    ("heading.glance", "National comparison at a glance"),
    ("heading.profile", "Grade profile"),
    ("heading.summary", "Summary of judgements"),
    ("loading", "Loading the inspection report…"),
    ("nat.own", " (this force)"),
    ("profile.caption", "Number of this force's areas at each grade, and the share of all forces' grades nationally"),
    ("profile.col.force", "This force (areas)"),
    ("profile.col.grade", "Grade"),
    ("profile.col.national", "All forces (share)"),
    ("s.all", "All {total} forces graded {grade}"),
    ("s.and", " and "),
    ("s.higher#one", "{higher} force was graded higher"),
    ("s.higher#other", "{higher} forces were graded higher"),
    ("s.lower#one", "{lower} force was graded lower"),
    ("s.lower#other", "{lower} forces were graded lower"),
    ("s.one_of", "One of {n} forces graded {grade}"),
    ("s.only", "The only force graded {grade}"),
    ("s.ungraded", "This force was not graded in this area."),
    ("sec.afi", "Areas for improvement"),
    ("sec.context", "Contextual factors"),
    ("sec.good_practice", "Good practice"),
    ("sec.national_context", "National context"),
    ("sec.strengths", "Strengths"),
    ("sec.wip", "Work in progress"),
    ("short.excellent", "E"),
    ("short.fair", "F"),
    ("short.good", "G"),
    ("short.poor", "P"),
    ("sort.grade", "Grade (highest first)"),
    ("sort.id", "Reference"),
    ("summary.caption", "Grade and direction of travel for each area, with how all {total} forces were graded"),
    ("widget.label", "{force}: inspection grades"),
];

/// Welsh. Sorted by key, same keys as [`EN`] (a test checks).
pub static CY: &[(&str, &str)] = &[
    ("badge.areas#few", "{n} maes wedi'u graddio"),
    ("badge.areas#many", "{n} maes wedi'u graddio"),
    ("badge.areas#one", "{n} maes wedi'i raddio"),
    ("badge.areas#other", "{n} maes wedi'u graddio"),
    ("badge.areas#two", "{n} faes wedi'u graddio"),
    ("badge.areas#zero", "{n} maes wedi'u graddio"),
    ("badge.link", "Gweld yr adroddiad arolygu llawn"),
    ("chart.label", "{id}: o'r {total} heddlu, {poor} Gwael, {fair} Teg, {good} Da, {excellent} Rhagorol. Yr heddlu hwn: {grade}."),
    ("chart.this_force", "yr heddlu hwn"),
    ("col.area", "Maes"),
    ("col.direction", "Cyfeiriad teithio"),
    ("col.grade", "Gradd"),
    ("col.id", "Cyf."),
    ("col.national", "Pob heddlu (Gwael, Teg, Da, Rhagorol)"),
    ("detail.back", "Yn ôl at {id} yn y tabl"),
    ("detail.direction", "Cyfeiriad teithio"),
    ("detail.grade", "Gradd"),
    ("detail.not_found", "Nid oes maes {id} yn yr adroddiad hwn."),
    ("detail.prompt", "Dewiswch faes yn y tabl neu'r siartiau i weld y canfyddiadau y tu ôl i'w radd."),
    ("dir.declined", "Wedi dirywio"),
    ("dir.improved", "Wedi gwella"),
    ("dir.none", "Dim cyfeiriad wedi'i roi"),
    ("dir.stable", "Sefydlog"),
    ("error.cors", "Nid yw'r gweinydd sy'n dal yr adroddiad yn caniatáu i'r dudalen hon ei ddarllen."),
    ("error.detail", "Manylion technegol (i berchennog y wefan, yn Saesneg)"),
    ("error.fallback", "Darllen yr adroddiad"),
    ("error.fetch", "Nid oedd modd nôl yr adroddiad: nid oedd modd cyrraedd y gweinydd."),
    ("error.http", "Ni anfonodd y gweinydd yr adroddiad."),
    ("error.json", "Nid adroddiad yw'r ffeil: nid yw'n JSON dilys."),
    ("error.panic", "Aeth rhywbeth o'i le y tu mewn i'r teclyn."),
    ("error.problems", "Problemau a ganfuwyd"),
    ("error.retry", "Rhowch gynnig arall arni"),
    ("error.schema", "Mae camgymeriadau yn ffeil yr adroddiad, felly nid oes modd ei dangos."),
    ("error.size", "Mae'r adroddiad yn rhy fawr i'w ddangos."),
    ("error.source", "Ni roddwyd adroddiad i'r teclyn i'w ddangos."),
    ("error.src", "Nid yw cyfeiriad yr adroddiad yn un y gall y teclyn ei nôl."),
    ("error.timeout", "Cymerodd yr adroddiad ormod o amser i gyrraedd."),
    ("error.title", "Nid oedd modd dangos yr adroddiad arolygu"),
    ("export.csv", "Lawrlwytho'r graddau (CSV)"),
    ("export.svg", "Lawrlwytho'r siart hwn (SVG)"),
    ("filter.all_directions", "Pob cyfeiriad"),
    ("filter.all_domains", "Pob parth"),
    ("filter.all_grades", "Pob gradd"),
    ("filter.direction", "Cyfeiriad teithio"),
    ("filter.domain", "Parth"),
    ("filter.grade", "Gradd"),
    ("filter.none_match", "Does dim meysydd yn cyfateb i'r hidlwyr hyn."),
    ("filter.reset", "Dangos pob maes"),
    ("filter.shown#few", "Yn dangos {n} o {total} maes"),
    ("filter.shown#many", "Yn dangos {n} o {total} maes"),
    ("filter.shown#one", "Yn dangos {n} o {total} maes"),
    ("filter.shown#other", "Yn dangos {n} o {total} maes"),
    ("filter.shown#two", "Yn dangos {n} o {total} faes"),
    ("filter.shown#zero", "Yn dangos {n} o {total} maes"),
    ("filter.sort", "Trefnu yn ôl"),
    ("glance.counts", "Pob heddlu: {poor} Gwael, {fair} Teg, {good} Da, {excellent} Rhagorol"),
    ("glance.intro", "Sut y graddiwyd pob heddlu ym mhob maes. Mae bar yr heddlu hwn wedi'i amlinellu a'i farcio. Dewiswch faes i weld ei ganfyddiadau."),
    ("gp.contact", "Cyswllt:"),
    ("grade.excellent", "Rhagorol"),
    ("grade.fair", "Teg"),
    ("grade.good", "Da"),
    ("grade.none", "Heb ei raddio"),
    ("grade.poor", "Gwael"),
    ("graded.excellent", "yn Rhagorol"),
    ("graded.fair", "yn Deg"),
    ("graded.good", "yn Dda"),
    ("graded.poor", "yn Wael"),
    ("header.period", "Cyfnod yr asesiad"),
    ("heading.detail", "Canfyddiadau"),
    ("heading.filters", "Hidlo a threfnu"),
    ("heading.glance", "Cymhariaeth genedlaethol yn gryno"),
    ("heading.profile", "Proffil graddau"),
    ("heading.summary", "Crynodeb o'r dyfarniadau"),
    ("loading", "Wrthi'n llwytho'r adroddiad arolygu…"),
    ("nat.own", " (yr heddlu hwn)"),
    ("profile.caption", "Nifer meysydd yr heddlu hwn ar bob gradd, a chyfran graddau pob heddlu yn genedlaethol"),
    ("profile.col.force", "Yr heddlu hwn (meysydd)"),
    ("profile.col.grade", "Gradd"),
    ("profile.col.national", "Pob heddlu (cyfran)"),
    ("s.all", "Graddiwyd pob un o'r {total} heddlu {grade}"),
    ("s.and", " a "),
    ("s.higher#few", "graddiwyd {higher} heddlu yn uwch"),
    ("s.higher#many", "graddiwyd {higher} heddlu yn uwch"),
    ("s.higher#one", "graddiwyd {higher} heddlu yn uwch"),
    ("s.higher#other", "graddiwyd {higher} heddlu yn uwch"),
    ("s.higher#two", "graddiwyd {higher} heddlu yn uwch"),
    ("s.higher#zero", "graddiwyd {higher} heddlu yn uwch"),
    ("s.lower#few", "graddiwyd {lower} heddlu yn is"),
    ("s.lower#many", "graddiwyd {lower} heddlu yn is"),
    ("s.lower#one", "graddiwyd {lower} heddlu yn is"),
    ("s.lower#other", "graddiwyd {lower} heddlu yn is"),
    ("s.lower#two", "graddiwyd {lower} heddlu yn is"),
    ("s.lower#zero", "graddiwyd {lower} heddlu yn is"),
    ("s.one_of", "Un o {n} heddlu a raddiwyd {grade}"),
    ("s.only", "Yr unig heddlu a raddiwyd {grade}"),
    ("s.ungraded", "Ni chafodd yr heddlu hwn ei raddio yn y maes hwn."),
    ("sec.afi", "Meysydd i'w gwella"),
    ("sec.context", "Ffactorau cyd-destunol"),
    ("sec.good_practice", "Arfer da"),
    ("sec.national_context", "Cyd-destun cenedlaethol"),
    ("sec.strengths", "Cryfderau"),
    ("sec.wip", "Gwaith ar y gweill"),
    ("short.excellent", "R"),
    ("short.fair", "T"),
    ("short.good", "D"),
    ("short.poor", "G"),
    ("sort.grade", "Gradd (uchaf yn gyntaf)"),
    ("sort.id", "Cyfeirnod"),
    ("summary.caption", "Gradd a chyfeiriad teithio pob maes, gyda sut y graddiwyd pob un o'r {total} heddlu"),
    ("widget.label", "{force}: graddau arolygu"),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(t: &[(&'static str, &'static str)]) -> Vec<&'static str> {
        t.iter().map(|(k, _)| *k).collect()
    }

    /// A key without its plural category (`badge.areas#one` -> `badge.areas`).
    fn base(key: &str) -> &str {
        key.split('#').next().unwrap_or(key)
    }

    #[test]
    fn both_tables_have_the_same_keys() {
        let bases = |t| keys(t).into_iter().map(base).collect::<std::collections::BTreeSet<_>>();
        assert_eq!(bases(EN), bases(CY));
    }

    /// Each counted text has exactly the forms its language's rule gives for some number.
    #[test]
    fn counted_texts_have_every_plural_form_and_no_other() {
        for lang in [Lang::En, Lang::Cy] {
            let needed: std::collections::BTreeSet<Plural> = (0..1000).map(|n| lang.plural(n)).collect();
            let mut forms: std::collections::BTreeMap<&str, Vec<&str>> = Default::default();
            for (k, _) in lang.table().iter().filter(|(k, _)| k.contains('#')) {
                forms.entry(base(k)).or_default().push(&k[base(k).len()..]);
            }
            assert!(!forms.is_empty());
            for (key, mut have) in forms {
                have.sort_unstable();
                let mut want: Vec<&str> = needed.iter().map(|p| p.suffix()).collect();
                want.sort_unstable();
                assert_eq!(have, want, "{lang:?} {key}");
            }
        }
    }

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
        let badge = |lang: Lang, n: u64| fill(lang.count("badge.areas", n), &[("n", &n.to_string())]);
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
        let shown = |lang: Lang, total: u64| fill(lang.count("filter.shown", total), &[("n", "1"), ("total", &total.to_string())]);
        assert_eq!(shown(Lang::En, 1), "1 of 1 area shown");
        assert_eq!(shown(Lang::En, 23), "1 of 23 areas shown");
        assert_eq!(shown(Lang::Cy, 2), "Yn dangos 1 o 2 faes");
        assert_eq!(shown(Lang::Cy, 23), "Yn dangos 1 o 23 maes");
    }

    #[test]
    fn tables_are_sorted_and_unique_so_binary_search_works() {
        for table in [EN, CY] {
            for pair in table.windows(2) {
                assert!(pair[0].0 < pair[1].0, "{} is not before {}", pair[0].0, pair[1].0);
            }
        }
    }

    #[test]
    fn placeholders_match_between_languages() {
        fn names(s: &str) -> Vec<&str> {
            let mut v: Vec<&str> = s.split('{').skip(1).filter_map(|p| p.split('}').next()).collect();
            v.sort_unstable();
            v
        }
        // Every text of a key (each plural form too) has the same placeholders in both languages.
        for (k, en) in EN.iter() {
            for (_, cy) in CY.iter().filter(|(c, _)| base(c) == base(k)) {
                assert_eq!(names(en), names(cy), "placeholders differ for {k}");
            }
        }
    }

    #[test]
    fn no_text_is_empty() {
        for (k, v) in EN.iter().chain(CY.iter()) {
            assert!(!v.trim().is_empty(), "{k} is empty");
        }
    }

    #[test]
    fn lang_codes() {
        let cases = [("cy", Lang::Cy), ("CY-gb", Lang::Cy), ("cy_GB", Lang::Cy), ("en", Lang::En), ("", Lang::En), ("fr", Lang::En), ("cym", Lang::En)];
        for (code, want) in cases {
            assert_eq!(Lang::from_code(code), want, "{code}");
        }
    }

    #[test]
    fn fill_cases() {
        let cases = [
            ("{a} of {b}", "1 of 2"),
            ("no placeholders", "no placeholders"),
            ("{missing} stays", "{missing} stays"),
            ("unclosed {a", "unclosed {a"),
            ("{a}{a}", "11"),
        ];
        for (template, want) in cases {
            assert_eq!(fill(template, &[("a", "1"), ("b", "2")]), want, "{template}");
        }
    }

    fn st(same: i64, lower: i64, higher: i64) -> Option<Standing> {
        Some(Standing { same, lower, higher })
    }

    #[test]
    fn comparison_sentences() {
        let e = Some(&Grade::Excellent);
        let g = Some(&Grade::Good);
        let cases: [(Lang, Option<&Grade>, Option<Standing>, &str); 11] = [
            (Lang::En, e, st(4, 39, 0), "One of 4 forces graded Excellent; 39 forces were graded lower."),
            (Lang::En, e, st(1, 42, 0), "The only force graded Excellent; 42 forces were graded lower."),
            (Lang::En, g, st(17, 22, 4), "One of 17 forces graded Good; 22 forces were graded lower and 4 forces were graded higher."),
            (Lang::En, g, st(20, 1, 22), "One of 20 forces graded Good; 1 force was graded lower and 22 forces were graded higher."),
            (Lang::En, Some(&Grade::Poor), st(8, 0, 35), "One of 8 forces graded Poor; 35 forces were graded higher."),
            (Lang::En, Some(&Grade::Poor), st(42, 0, 1), "One of 42 forces graded Poor; 1 force was graded higher."),
            (Lang::En, g, st(43, 0, 0), "All 43 forces graded Good."),
            (Lang::En, None, None, "This force was not graded in this area."),
            (Lang::Cy, e, st(4, 39, 0), "Un o 4 heddlu a raddiwyd yn Rhagorol; graddiwyd 39 heddlu yn is."),
            (Lang::Cy, g, st(1, 2, 40), "Yr unig heddlu a raddiwyd yn Dda; graddiwyd 2 heddlu yn is a graddiwyd 40 heddlu yn uwch."),
            (Lang::Cy, None, None, "Ni chafodd yr heddlu hwn ei raddio yn y maes hwn."),
        ];
        for (lang, grade, standing, want) in cases {
            assert_eq!(comparison_sentence(lang, grade, standing, 43), want);
        }
    }

    #[test]
    fn chart_labels_state_every_count() {
        let d = NationalDistribution { poor: 5, fair: 17, good: 17, excellent: 4 };
        assert_eq!(
            chart_label(Lang::En, "3A", &d, Some(&Grade::Excellent), 43),
            "3A: of 43 forces, 5 Poor, 17 Fair, 17 Good, 4 Excellent. This force: Excellent."
        );
        assert_eq!(
            chart_label(Lang::Cy, "3A", &d, None, 43),
            "3A: o'r 43 heddlu, 5 Gwael, 17 Teg, 17 Da, 4 Rhagorol. Yr heddlu hwn: Heb ei raddio."
        );
    }
}
