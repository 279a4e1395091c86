//! The shape of a language's strings: one field per text the widget writes, so the compiler
//! proves every language complete and every use real, and no key ships in the wasm.
//!
//! A text with values in it is [`Pieces`]: the text around the values, in the order named in
//! the field's comment ("{n} of {total} areas shown" is `["", " of ", " areas shown"]`), joined
//! by [`super::fill`]; no placeholder names ship either. A language that needs the values in
//! another order would need a function here instead. A counted text is a [`Counted`], one form
//! per CLDR plural category. Each comment gives the English, with its values named.

/// The text around `K - 1` values, in order.
pub type Pieces<const K: usize> = [&'static str; K];

/// One form of a counted text per CLDR plural category (Unicode TR35, "Language Plural
/// Rules"). Welsh uses all six; English only `one` and `other` ([`Counted::one_other`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Counted<T> {
    pub zero: T,
    pub one: T,
    pub two: T,
    pub few: T,
    pub many: T,
    pub other: T,
}

impl<T: Copy> Counted<T> {
    /// The forms of a language with only `one` and `other` (English): every other category is
    /// `other`, and English's rule never picks them.
    pub const fn one_other(one: T, other: T) -> Counted<T> {
        Counted { zero: other, one, two: other, few: other, many: other, other }
    }
}

/// Every text the widget writes in one language. Sorted by name.
pub struct Strings {
    /// "{n} areas graded" (n)
    pub badge_areas: Counted<Pieces<2>>,
    /// "See the full inspection report"
    pub badge_link: &'static str,
    /// "Area"
    pub col_area: &'static str,
    /// "Direction of travel"
    pub col_direction: &'static str,
    /// "Grade"
    pub col_grade: &'static str,
    /// "Ref."
    pub col_id: &'static str,
    /// "Back to {id} in the table" (id)
    pub detail_back: Pieces<2>,
    /// "Direction of travel"
    pub detail_direction: &'static str,
    /// "Grade"
    pub detail_grade: &'static str,
    /// "There is no area {id} in this report." (id)
    pub detail_not_found: Pieces<2>,
    /// "Choose an area in the table or the charts to see the findings behind its grade."
    pub detail_prompt: &'static str,
    /// "Declined"
    pub dir_declined: &'static str,
    /// "Improved"
    pub dir_improved: &'static str,
    /// "No direction given"
    pub dir_none: &'static str,
    /// "Stable"
    pub dir_stable: &'static str,
    /// "The server that holds the report does not allow this page to read it."
    pub error_cors: &'static str,
    /// "Technical details (for the site owner)"
    pub error_detail: &'static str,
    /// "Read the report"
    pub error_fallback: &'static str,
    /// "The report could not be fetched: the server could not be reached."
    pub error_fetch: &'static str,
    /// "The server did not send the report."
    pub error_http: &'static str,
    /// "The file is not a report: it is not valid JSON."
    pub error_json: &'static str,
    /// "Something went wrong."
    /// "Something went wrong inside the widget."
    pub error_panic: &'static str,
    /// "Problems found"
    pub error_problems: &'static str,
    /// "Try again"
    pub error_retry: &'static str,
    /// "The report file has mistakes, so it cannot be shown."
    pub error_schema: &'static str,
    /// "The report is too large to show."
    pub error_size: &'static str,
    /// "The widget was not given a report to show."
    pub error_source: &'static str,
    /// "The report's address is not one the widget can fetch."
    pub error_src: &'static str,
    /// "The report took too long to arrive."
    pub error_timeout: &'static str,
    /// "The inspection report could not be shown"
    pub error_title: &'static str,
    /// "Download the grades (CSV)"
    pub export_csv: &'static str,
    /// "Download this chart (SVG)"
    pub export_svg: &'static str,
    /// "All directions"
    pub filter_all_directions: &'static str,
    /// "All domains"
    pub filter_all_domains: &'static str,
    /// "All grades"
    pub filter_all_grades: &'static str,
    /// "Direction of travel"
    pub filter_direction: &'static str,
    /// "Domain"
    pub filter_domain: &'static str,
    /// "Grade"
    pub filter_grade: &'static str,
    /// "No areas match these filters."
    pub filter_none_match: &'static str,
    /// "Show all areas"
    pub filter_reset: &'static str,
    /// "{n} of {total} areas shown" (n, total)
    pub filter_shown: Counted<Pieces<3>>,
    /// "Sort by"
    pub filter_sort: &'static str,
    /// "Contact:"
    pub gp_contact: &'static str,
    /// "Excellent"
    pub grade_excellent: &'static str,
    /// "Fair"
    pub grade_fair: &'static str,
    /// "Good"
    pub grade_good: &'static str,
    /// "Not graded"
    pub grade_none: &'static str,
    /// "Poor"
    pub grade_poor: &'static str,
    /// "Excellent"
    pub graded_excellent: &'static str,
    /// "Fair"
    pub graded_fair: &'static str,
    /// "Good"
    pub graded_good: &'static str,
    /// "Poor"
    pub graded_poor: &'static str,
    /// "Assessment period"
    pub header_period: &'static str,
    /// "Findings"
    pub heading_detail: &'static str,
    /// "Filter and sort"
    pub heading_filters: &'static str,
    /// "National comparison at a glance"
    pub heading_glance: &'static str,
    /// "Grade profile"
    pub heading_profile: &'static str,
    /// "Summary of judgements"
    pub heading_summary: &'static str,
    /// "Loading the inspection report…"
    pub loading: &'static str,
    // The `n_` texts name what is compared as a value: {things} and {thing} ("forces", "force"
    // by default, from `n_forces`; the report's `compared` otherwise), and {this} for the one
    // the report is about ("this force", `this_force`; a report's own phrase, or
    // `this_unnamed`). A value at a sentence's start is capitalised (`Words::this_after`). One
    // set of texts for every report: a 2006 report of forces reads word for word as it did when
    // it had texts of its own.
    /// "{id}: of {total} {things}, " (id, total, things), followed by the counts
    pub n_chart: Pieces<4>,
    /// ". This force: {grade}." (this, grade)
    pub n_chart_own: Pieces<3>,
    /// "All {things} ({grades})" (things, grades)
    pub n_col_national: Pieces<3>,
    /// "All {things}: {counts}" (things, counts)
    pub n_counts: Pieces<3>,
    /// "{n} force" / "{n} forces": the noun for forces after a number, by its plural form (n)
    pub n_forces: Counted<Pieces<1>>,
    /// "All {total} {things} graded {grade}" (total, things, grade)
    pub n_all: Pieces<4>,
    /// "{higher} {things} were graded higher" (higher, things)
    pub n_higher: Counted<Pieces<3>>,
    /// "{lower} {things} were graded lower" (lower, things)
    pub n_lower: Counted<Pieces<3>>,
    /// "No national counts are given for this area, so there is no chart."
    pub n_no_counts: &'static str,
    /// "One of {n} {things} graded {grade}" (n, things, grade)
    pub n_one_of: Pieces<4>,
    /// "How all {things} were graded in each area. {this}'s bar is outlined and marked. Choose an area to see its findings." (things, this)
    pub n_glance_intro: Pieces<3>,
    /// " ({this})": after this force's count in the national column, said but not shown (this)
    pub n_nat_own: Pieces<2>,
    /// "Number of {this}'s areas at each grade, and the share of all {things_of} grades nationally" (this, things_of: "forces'", Welsh the plural as it is)
    pub n_profile_caption: Pieces<3>,
    /// "{this} (areas)" (this)
    pub n_profile_col_force: Pieces<2>,
    /// "All {things} (share)" (things)
    pub n_profile_col_national: Pieces<2>,
    /// "The only {thing} graded {grade}" (thing, grade)
    pub n_only: Pieces<3>,
    /// "{what} for each area, with how all {things} were graded" (what: `summary_grade` or `summary_grade_direction`, things)
    pub n_summary_caption: Pieces<3>,
    /// "{what} for each area, with how all {total} {things} were graded" (what, total, things)
    pub n_summary_caption_total: Pieces<4>,
    /// "{this} was not graded in this area." (this)
    pub n_ungraded: Pieces<2>,
    /// "Grade"
    pub profile_col_grade: &'static str,
    /// " and "
    pub s_and: &'static str,
    /// "Areas for improvement"
    pub sec_afi: &'static str,
    /// "Contextual factors"
    pub sec_context: &'static str,
    /// "Good practice"
    pub sec_good_practice: &'static str,
    /// "National context"
    pub sec_national_context: &'static str,
    /// "Strengths"
    pub sec_strengths: &'static str,
    /// "Work in progress"
    pub sec_wip: &'static str,
    /// "E"
    pub short_excellent: &'static str,
    /// "F"
    pub short_fair: &'static str,
    /// "G"
    pub short_good: &'static str,
    /// "P"
    pub short_poor: &'static str,
    /// "Grade (highest first)"
    pub sort_grade: &'static str,
    /// "Reference"
    pub sort_id: &'static str,
    /// ", sorted by grade (highest first)"
    pub sorted_grade: &'static str,
    /// ", sorted by reference"
    pub sorted_id: &'static str,
    /// "Grade": what the summary table gives for each area on a scale without directions
    pub summary_grade: &'static str,
    /// "Grade and direction of travel": the same on a scale with directions
    pub summary_grade_direction: &'static str,
    /// "this force": the one a report of forces is about, as it reads inside a sentence
    pub this_force: &'static str,
    /// "this organisation": the one a report is about when its `compared` gives no phrase for
    /// it. Welsh only in practice (English derives "this " and the singular): Welsh word order,
    /// gender and mutation cannot be derived from the noun, so it falls back to a neutral one.
    pub this_unnamed: &'static str,
    /// "{force}: inspection grades" (force)
    pub widget_label: Pieces<2>,
    /// "{force}: inspection grade for area {id}" (force, id)
    pub widget_label_area: Pieces<3>,
    /// "{force}: inspection grades in brief" (force)
    pub widget_label_badge: Pieces<2>,
    /// "{force}: summary of inspection grades" (force)
    pub widget_label_summary: Pieces<2>,
}
