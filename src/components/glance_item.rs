//! One small multiple in the at-a-glance grid: a button holding the area's id, title, grade and
//! a compact chart; pressing it selects the area. The button's name is short and says each
//! thing once ("1A Fairness and Equality in Service Delivery: Fair"); the chart inside is hidden
//! from assistive technology, and its counts ("All forces: 0 Poor, 15 Fair, 28 Good,
//! 0 Excellent") are the button's description, read after the name, not part of it.

use std::rc::Rc;

use yew::prelude::*;

use super::area_detail::text_lang;
use crate::view_model::PreparedReport;
use super::symbols::grade_label;
use crate::charts::{distribution_chart, ChartSpec};
use crate::i18n::fill;
use crate::view_model::counts as counts_text;

#[derive(Properties, PartialEq)]
pub struct GlanceItemProps {
    pub data: Rc<PreparedReport>,
    pub index: usize,
    pub selected: bool,
    pub onselect: Callback<usize>,
}

#[function_component(GlanceItem)]
pub fn glance_item(props: &GlanceItemProps) -> Html {
    let data = &props.data;
    let lang = data.lang;
    let area = data.area(props.index);
    let info = &data.areas[props.index];
    let index = props.index;
    let onclick = props.onselect.reform(move |_: MouseEvent| index);
    let words = &data.words;
    let spec = area.national.as_ref().map(|n| ChartSpec {
        counts: &n.counts,
        own: info.own,
        total: n.total(),
        label: &info.label,
        words: words.short.iter().map(String::as_str).collect(),
        short: words.short.iter().map(String::as_str).collect(),
        this_force: words.this(),
        compact: true,
    });
    let counts = match &area.national {
        Some(n) => fill(&lang.strings().n_counts, [words.things(), &counts_text(words, n)]),
        None => info.sentence.clone(),
    };
    // Hidden from the name computation, found by the description (a direct reference reads
    // hidden text: accname 1.2, step 2A). The prefix keeps the id apart from another report's
    // in a static copy in the page; in the live widget the shadow root scopes it.
    let counts_id = crate::i18n::cat(&[data.id_prefix.as_str(), "-n", &area.id]);
    // The stylesheet marks the selected card by its aria-current: no modifier class, whose
    // computed `class` would cost the wasm Yew's `Classes` (see `grade_key` in symbols.rs).
    html! {
        <button type="button" class="gw-glance__btn"
            aria-current={props.selected.then_some("true")} aria-describedby={counts_id.clone()} onclick={onclick}>
            <span class="gw-glance__head">
                <span class="gw-glance__id">{ data.reference(props.index) }</span>{ " " }
                <span class="gw-glance__title" lang={text_lang(lang)}>{ area.title.clone() }</span>
                <span class="gw-vh">{ ": " }</span>
            </span>
            { grade_label(words, area.grade.as_ref()) }
            <span class="gw-vh" id={counts_id} aria-hidden="true">{ counts }</span>
            if let Some(spec) = spec {
                <span class="gw-chart gw-chart--compact" part="chart" data-testid="chart" data-area={area.id.clone()} aria-hidden="true">
                    { distribution_chart(&spec) }
                </span>
            }
        </button>
    }
}
