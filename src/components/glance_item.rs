//! One small multiple in the at-a-glance grid: a button holding the area's id, title, grade and
//! a compact chart; pressing it selects the area. The button's name is short and says each
//! thing once ("1A Fairness and Equality in Service Delivery: Fair. All forces: 0 Poor, 15 Fair,
//! 28 Good, 0 Excellent"): the chart inside is hidden from assistive technology and its counts
//! are in visually hidden text instead.

use std::rc::Rc;

use yew::prelude::*;

use super::area_detail::text_lang;
use crate::view_model::PreparedReport;
use super::symbols::grade_label;
use crate::charts::{distribution_chart, ChartSpec};
use crate::i18n::fill;

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
    let n = &area.national;
    let index = props.index;
    let onclick = props.onselect.reform(move |_: MouseEvent| index);
    let spec = ChartSpec {
        counts: [n.poor, n.fair, n.good, n.excellent],
        own: info.own,
        total: data.report.forces_assessed,
        label: &info.label,
        words: lang.grade_short(),
        this_force: lang.t("chart.this_force"),
        compact: true,
    };
    let [p, f, g, e] = [n.poor, n.fair, n.good, n.excellent].map(|c| c.to_string());
    let counts = fill(lang.t("glance.counts"), &[("poor", &p), ("fair", &f), ("good", &g), ("excellent", &e)]);
    // The stylesheet marks the selected card by its aria-current: no modifier class, whose
    // computed `class` would cost the wasm Yew's `Classes` (see `grade_key` in symbols.rs).
    html! {
        <button type="button" class="gw-glance__btn"
            aria-current={props.selected.then_some("true")} onclick={onclick}>
            <span class="gw-glance__head">
                <span class="gw-glance__id">{ area.id.clone() }</span>{ " " }
                <span class="gw-glance__title" lang={text_lang(lang)}>{ area.title.clone() }</span>
                <span class="gw-vh">{ ": " }</span>
            </span>
            { grade_label(lang, area.grade.as_ref()) }
            <span class="gw-vh">{ format!(". {counts}") }</span>
            <span class="gw-chart gw-chart--compact" part="chart" data-testid="chart" data-area={area.id.clone()} aria-hidden="true">
                { distribution_chart(&spec) }
            </span>
        </button>
    }
}
