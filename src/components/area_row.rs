//! One row of the summary of judgements. The area's title is a real `<button>`, so selecting
//! works by keyboard as well as by clicking anywhere on the row. Its own component with cheap
//! props, so a filter change re-renders only the rows that changed.

use std::rc::Rc;

use yew::prelude::*;

use super::area_detail::text_lang;
use crate::view_model::PreparedReport;
use super::symbols::{direction_label, grade_label};

#[derive(Properties, PartialEq)]
pub struct AreaRowProps {
    pub data: Rc<PreparedReport>,
    /// Index in report order.
    pub index: usize,
    pub selected: bool,
    pub onselect: Callback<usize>,
}

/// The national counts, Poor … Excellent, with this force's own count emphasised.
fn national(counts: [i64; 4], own: Option<usize>) -> Html {
    html! {
        <span class="gw-nat">
            { for counts.iter().enumerate().map(|(i, c)| {
                let sep = if i < 3 { ", " } else { "" };
                html! {
                    <>
                        if own == Some(i) {
                            <strong class="gw-nat__own">{ c.to_string() }</strong>
                        } else {
                            <span>{ c.to_string() }</span>
                        }
                        { sep }
                    </>
                }
            }) }
        </span>
    }
}

#[function_component(AreaRow)]
pub fn area_row(props: &AreaRowProps) -> Html {
    let data = &props.data;
    let lang = data.lang;
    let area = data.area(props.index);
    let info = &data.areas[props.index];
    let index = props.index;
    let onclick = props.onselect.reform(move |_: MouseEvent| index);
    let n = &area.national;
    html! {
        <tr class={if props.selected { "gw-row gw-row--selected" } else { "gw-row" }}
            data-testid="area-row" data-area={area.id.clone()} onclick={onclick}>
            <td class="gw-cell gw-cell--id" data-label={lang.t("col.id")}>{ area.id.clone() }</td>
            <th scope="row" class="gw-cell gw-cell--area" data-label={lang.t("col.area")}>
                <button type="button" class="gw-link" aria-current={props.selected.then_some("true")} lang={text_lang(lang)}>
                    { area.title.clone() }
                </button>
            </th>
            <td class="gw-cell" data-label={lang.t("col.grade")}>{ grade_label(lang, area.grade.as_ref()) }</td>
            <td class="gw-cell" data-label={lang.t("col.direction")}>{ direction_label(lang, area.direction.as_ref()) }</td>
            <td class="gw-cell gw-cell--nat" data-label={lang.t("col.national")}>{ national([n.poor, n.fair, n.good, n.excellent], info.own) }</td>
        </tr>
    }
}
