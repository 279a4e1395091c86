//! Filter and sort controls: native `<select>`s with visible labels, and a polite live region
//! announcing how many areas are shown, and in what order, after each change.

use std::rc::Rc;

use yew::prelude::*;

use super::area_detail::text_lang;
use crate::dom::{select_value, set_value};
use crate::i18n::fill;
use crate::view_model::PreparedReport;
use crate::model::{Direction, Grade, Scale};
use crate::state::{Action, Filters, Pick, Sort, MISSING};

#[derive(Properties, PartialEq)]
pub struct FilterBarProps {
    pub data: Rc<PreparedReport>,
    pub filters: Filters,
    pub sort: Sort,
    /// Areas shown after filtering.
    pub shown: usize,
    pub dispatch: Callback<Action>,
}

fn option(value: &str, text: &str, selected: bool) -> Html {
    html! { <option value={value.to_string()} selected={selected}>{ text.to_string() }</option> }
}

fn pick_value<'w, T>(p: &Pick<T>, word: impl Fn(&T) -> &'w str) -> String {
    match p {
        Pick::All => String::new(),
        Pick::Missing => MISSING.to_string(),
        Pick::Only(v) => word(v).to_string(),
    }
}

#[function_component(FilterBar)]
pub fn filter_bar(props: &FilterBarProps) -> Html {
    let data = &props.data;
    let lang = data.lang;
    let s = lang.strings();
    let f = &props.filters;
    let on = |make: fn(&str) -> Action| {
        let d = props.dispatch.clone();
        Callback::from(move |e: Event| d.emit(make(&select_value(&e))))
    };
    let on_domain = on(|v| Action::FilterDomain((!v.is_empty()).then(|| v.to_string())));
    let by_scale = |make: fn(&str, &Scale) -> Action| {
        let (d, data) = (props.dispatch.clone(), data.clone());
        Callback::from(move |e: Event| d.emit(make(&select_value(&e), &data.report.grades)))
    };
    let on_grade = by_scale(|v, s| Action::FilterGrade(Pick::<Grade>::from_value(v, s)));
    let on_direction = by_scale(|v, s| Action::FilterDirection(Pick::<Direction>::from_value(v, s)));
    let words = &data.words;
    let on_sort = on(|v| Action::SortBy(Sort::from_value(v)));
    let reset = props.dispatch.reform(|_: MouseEvent| Action::ClearFilters);

    let grade_now = pick_value(&f.grade, |g| words.key(Some(g)));
    let direction_now = pick_value(&f.direction, |d| words.direction_key(Some(d)));
    let domain_now = f.domain.as_deref().unwrap_or("");
    let refs = use_memo((), |_| [NodeRef::default(), NodeRef::default(), NodeRef::default(), NodeRef::default()]);
    {
        let refs = refs.clone();
        let values = [domain_now.to_string(), grade_now.clone(), direction_now.clone(), props.sort.value().to_string()];
        use_effect_with(values, move |values| {
            for (node, value) in refs.iter().zip(values.iter()) {
                set_value(node, value);
            }
        });
    }
    let total = data.areas.len().to_string();
    let shown = props.shown.to_string();
    // The sort is part of what the live region says, so choosing another sort is announced as
    // a filter is (WCAG 4.1.3), the count unchanged. One text node: hydration expects the nodes
    // the HTML parser makes, and it joins adjacent texts.
    let sorted = match props.sort {
        Sort::Id => s.sorted_id,
        Sort::Grade => s.sorted_grade,
    };
    html! {
        <div class="gw-filters" part="filters" data-testid="filters" role="group" aria-label={s.heading_filters}>
            // Only where the report has domains (not a flat list of areas).
            if !data.report.domains.is_empty() {
                <label class="gw-field">
                    <span class="gw-field__label">{ s.filter_domain }</span>
                    <select class="gw-select" data-testid="filter-domain" onchange={on_domain} ref={refs[0].clone()}>
                        { option("", s.filter_all_domains, domain_now.is_empty()) }
                        // The domain titles are the report's words: marked English in a Welsh widget.
                        { for data.report.domains.iter().map(|d| {
                            let text = crate::i18n::fill(&["", " ", ""], [&d.id, &d.title]);
                            html! { <option value={d.id.clone()} selected={d.id == domain_now} lang={text_lang(lang)}>{ text }</option> }
                        }) }
                    </select>
                </label>
            }
            <label class="gw-field">
                <span class="gw-field__label">{ s.filter_grade }</span>
                <select class="gw-select" data-testid="filter-grade" onchange={on_grade} ref={refs[1].clone()}>
                    { option("", s.filter_all_grades, grade_now.is_empty()) }
                    { for (0..words.len()).rev().map(|r| {
                        let g = Grade(r as u8);
                        option(words.key(Some(&g)), words.grade(Some(&g)), grade_now == words.key(Some(&g)))
                    }) }
                    { option(MISSING, words.grade(None), grade_now == MISSING) }
                </select>
            </label>
            // Only where the scale has directions of travel.
            if let Some(dirs) = &words.directions {
                <label class="gw-field">
                    <span class="gw-field__label">{ s.filter_direction }</span>
                    <select class="gw-select" data-testid="filter-direction" onchange={on_direction} ref={refs[2].clone()}>
                        { option("", s.filter_all_directions, direction_now.is_empty()) }
                        { for dirs.iter().map(|(word, id)| option(id, word, direction_now == *id)) }
                        { option(MISSING, words.direction(None), direction_now == MISSING) }
                    </select>
                </label>
            }
            <label class="gw-field">
                <span class="gw-field__label">{ s.filter_sort }</span>
                <select class="gw-select" data-testid="filter-sort" onchange={on_sort} ref={refs[3].clone()}>
                    { option(Sort::Id.value(), s.sort_id, props.sort == Sort::Id) }
                    { option(Sort::Grade.value(), s.sort_grade, props.sort == Sort::Grade) }
                </select>
            </label>
            <p class="gw-shown" role="status" data-testid="shown">
                { crate::i18n::cat(&[fill(lang.count(&s.filter_shown, data.areas.len() as u64), [&shown, &total]).as_str(), sorted]) }
            </p>
            if f.is_active() {
                <button type="button" class="gw-button gw-button--secondary" data-testid="filter-reset" onclick={reset}>
                    { s.filter_reset }
                </button>
            }
        </div>
    }
}
