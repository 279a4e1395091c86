//! The widget's languages seen from outside the wasm:
//! - every language tag in tests/fixtures/lang-tags.json reads as that table says (the loader's
//!   and the builder's tests read the same table);
//! - both string tables, keyed by field name with `{name}` placeholders (`badge_areas#one`: the
//!   form for one), are what tests/fixtures/strings.json holds: the JavaScript tests read the
//!   widget's words from there. `UPDATE_SNAPSHOTS=1 cargo test --test i18n` rewrites it.

use grade_widget::i18n::{Counted, Lang, Plural, Strings};
use serde_json::{Map, Value};

#[test]
fn every_language_tag_reads_as_the_shared_table_says() {
    let table: Value = serde_json::from_str(include_str!("fixtures/lang-tags.json")).expect("lang-tags.json is JSON");
    let cases: Vec<(&str, &str)> = table["cases"]
        .as_array()
        .expect("a list of cases")
        .iter()
        .map(|c| (c[0].as_str().expect("a tag"), c[1].as_str().expect("a language")))
        .collect();
    for tag in ["en", "en-GB", "EN", "cy", "cy-GB", "cy_GB", "CY", "fr", ""] {
        assert!(cases.iter().any(|(t, _)| *t == tag), "the table lacks {tag:?}");
    }
    for (tag, want) in cases {
        assert_eq!(Lang::parse(tag).code(), want, "{tag:?}");
    }
}

/// A text with its values named: "{n} of {total} areas shown".
fn template(pieces: &[&str], names: &[&str]) -> String {
    assert_eq!(pieces.len(), names.len() + 1, "{pieces:?} for {names:?}");
    let mut out = pieces[0].to_string();
    for (name, piece) in names.iter().zip(&pieces[1..]) {
        out.push_str(&format!("{{{name}}}{piece}"));
    }
    out
}

/// The plural categories a language's rule gives for some number, with their CLDR names.
fn categories(lang: Lang) -> Vec<(Plural, &'static str)> {
    let all = [(Plural::Zero, "zero"), (Plural::One, "one"), (Plural::Two, "two"), (Plural::Few, "few"), (Plural::Many, "many"), (Plural::Other, "other")];
    all.into_iter().filter(|(p, _)| (0..1000).any(|n| lang.plural(n) == *p)).collect()
}

/// Every field of a language's [`Strings`], by name. The pattern names each field, so a new
/// one does not compile until it is listed here, with its values' names if it has any.
macro_rules! keyed {
    ($lang:expr; plain: $($p:ident),*; texts: $($t:ident($($n:ident),*)),*; counted: $($c:ident($($cn:ident),*)),*;) => {{
        let lang: Lang = $lang;
        let Strings { $($p,)* $($t,)* $($c,)* } = lang.strings();
        let mut out = Map::new();
        $( out.insert(stringify!($p).to_string(), Value::from(*$p)); )*
        $( out.insert(stringify!($t).to_string(), Value::from(template($t, &[$(stringify!($n)),*]))); )*
        $(
            let forms: &Counted<_> = $c;
            for (plural, name) in categories(lang) {
                out.insert(format!("{}#{name}", stringify!($c)), Value::from(template(forms.get(plural), &[$(stringify!($cn)),*])));
            }
        )*
        out
    }};
}

fn table(lang: Lang) -> Map<String, Value> {
    keyed!(lang;
        plain:
        badge_link, col_area, col_direction, col_grade, col_id,
        detail_direction, detail_grade, detail_prompt, dir_declined, dir_improved, dir_none,
        dir_stable, error_cors, error_detail, error_fallback, error_fetch, error_http, error_json,
        error_panic, error_problems, error_retry, error_schema, error_size,
        error_source, error_src, error_timeout, error_title, export_csv, export_svg,
        filter_all_directions, filter_all_domains, filter_all_grades, filter_direction,
        filter_domain, filter_grade, filter_none_match, filter_reset, filter_sort,
        gp_contact, grade_excellent, grade_fair, grade_good, grade_none, grade_poor,
        graded_excellent, graded_fair, graded_good, graded_poor, header_period, heading_detail,
        heading_filters, heading_glance, heading_profile, heading_summary, loading, n_no_counts,
        profile_col_grade, s_and, sec_afi, sec_context, sec_good_practice, sec_national_context,
        sec_strengths, sec_wip, short_excellent, short_fair, short_good, short_poor, sort_grade,
        sort_id, sorted_grade, sorted_id, summary_grade, summary_grade_direction, this_force,
        this_unnamed;
        texts:
        detail_back(id), detail_not_found(id), n_all(total, things, grade),
        n_chart(id, total, things), n_chart_own(this, grade), n_col_national(things, grades), n_counts(things, counts),
        n_glance_intro(things, this), n_nat_own(this), n_one_of(n, things, grade),
        n_profile_caption(this, things_of), n_profile_col_force(this), n_profile_col_national(things),
        n_only(thing, grade), n_summary_caption(what, things), n_summary_caption_total(what, total, things),
        n_ungraded(this), widget_label(force),
        widget_label_area(force, id), widget_label_badge(force), widget_label_summary(force);
        counted:
        badge_areas(n), filter_shown(n, total), n_forces(), n_higher(higher, things), n_lower(lower, things);
    )
}

fn tables() -> String {
    let mut both = Map::new();
    both.insert("$comment".into(), Value::from("The widget's words (src/i18n/en.rs, cy.rs), written by tests/i18n.rs: do not edit. Keys are the fields of src/i18n/strings.rs; a counted text has one key per plural form its language uses (badge_areas#one)."));
    // Sorted by key, whatever order serde_json's map keeps.
    let sorted = |lang| table(lang).into_iter().collect::<std::collections::BTreeMap<_, _>>();
    both.insert("en".into(), serde_json::to_value(sorted(Lang::En)).expect("JSON"));
    both.insert("cy".into(), serde_json::to_value(sorted(Lang::Cy)).expect("JSON"));
    serde_json::to_string_pretty(&Value::Object(both)).expect("JSON") + "\n"
}

#[test]
fn the_javascript_tests_read_the_strings_the_widget_has() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/strings.json");
    let fresh = tables();
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(path, &fresh).unwrap_or_else(|e| panic!("{path}: {e}"));
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(committed == fresh, "tests/fixtures/strings.json is stale: UPDATE_SNAPSHOTS=1 cargo test --test i18n");
}

#[test]
fn no_text_is_empty_and_both_languages_have_the_same_keys() {
    let (en, cy) = (table(Lang::En), table(Lang::Cy));
    let base = |k: &String| k.split('#').next().unwrap_or(k).to_string();
    let keys = |t: &Map<String, Value>| t.keys().map(base).collect::<std::collections::BTreeSet<_>>();
    assert_eq!(keys(&en), keys(&cy));
    for (key, text) in en.iter().chain(cy.iter()) {
        assert!(!text.as_str().unwrap_or("").trim().is_empty(), "{key} is empty");
    }
}

/// Every text is used somewhere outside the tables (the compiler proves every use real, but
/// not that every text is used).
#[test]
fn every_text_is_used() {
    fn sources(dir: &std::path::Path, out: &mut String) {
        for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())).flatten() {
            let path = entry.path();
            if path.is_dir() && !path.ends_with("i18n") {
                sources(&path, out);
            } else if path.extension().is_some_and(|x| x == "rs") {
                out.push_str(&std::fs::read_to_string(&path).unwrap_or_default());
            }
        }
    }
    let mut code = String::new();
    sources(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")), &mut code);
    for key in table(Lang::En).keys() {
        let field = format!(".{}", key.split('#').next().unwrap_or(key));
        let used = code.match_indices(&field).any(|(at, _)| !code[at + field.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_'));
        assert!(used, "{key} is never used");
    }
}
