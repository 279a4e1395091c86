//! One area's national comparison: the distribution chart and the sentence saying where this
//! force stands. The chart's accessible name states every count; the sentence is visible text.

use std::rc::Rc;

use yew::prelude::*;

use crate::dom::{download, svg_markup};
use crate::export::{file_name, standalone_svg};
use crate::view_model::PreparedReport;
use crate::charts::{distribution_chart, ChartSpec};

#[derive(Properties, PartialEq)]
pub struct AreaChartProps {
    pub data: Rc<PreparedReport>,
    pub index: usize,
    /// The `data-testid`: "chart" where this is the area's one chart (area view), "detail-chart"
    /// in the full view, where the 23 at-a-glance charts carry "chart".
    #[prop_or(AttrValue::Static("chart"))]
    pub testid: AttrValue,
}

#[function_component(AreaChart)]
pub fn area_chart(props: &AreaChartProps) -> Html {
    let figure = use_node_ref();
    let data = &props.data;
    let lang = data.lang;
    let area = data.area(props.index);
    let info = &data.areas[props.index];
    let Some(n) = &area.national else {
        // No national counts: no chart, and the sentence says why.
        return html! {
            <figure class="gw-chart" part="chart" data-testid={props.testid.clone()} data-area={area.id.clone()}>
                <figcaption class="gw-sentence" data-testid="sentence">{ info.sentence.clone() }</figcaption>
            </figure>
        };
    };
    let spec = ChartSpec {
        counts: &n.counts,
        own: info.own,
        total: n.total(),
        label: &info.label,
        words: data.words.grades.iter().map(String::as_str).collect(),
        short: data.words.short.iter().map(String::as_str).collect(),
        this_force: data.words.this(),
        compact: false,
    };
    let export = {
        let figure = figure.clone();
        let name = file_name(&data.report.force, &area.id, "svg");
        let title = crate::i18n::fill(&["", " ", ""], [&area.id, &area.title]);
        Callback::from(move |_: MouseEvent| {
            if let Some(svg) = svg_markup(&figure).and_then(|m| standalone_svg(&m, &title)) {
                download(&name, "image/svg+xml", &svg);
            }
        })
    };
    html! {
        <figure class="gw-chart" part="chart" data-testid={props.testid.clone()} data-area={area.id.clone()} ref={figure}>
            { distribution_chart(&spec) }
            <figcaption class="gw-sentence" data-testid="sentence">{ info.sentence.clone() }</figcaption>
            <button type="button" class="gw-button gw-button--secondary gw-export" data-testid="export-svg" onclick={export}>
                { lang.strings().export_svg }
            </button>
        </figure>
    }
}
