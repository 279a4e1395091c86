//! Axis marks: the count axis (ticks, light grid lines, numbers) and the grade axis (a baseline
//! and one word per band).

use yew::prelude::*;

use super::scale::{px, Band, Linear};

/// Grid lines and tick numbers for the count scale, drawn from `x0` to `x1`.
pub fn y_axis(y: &Linear, x0: f64, x1: f64, ticks: usize) -> Html {
    let (a, b) = (px(x0).to_string(), px(x1).to_string());
    let label_x = (px(x0) - 4).to_string();
    y.ticks(ticks)
        .into_iter()
        .map(|t| {
            let ty = px(y.map(t)).to_string();
            html! {
                <g class="gw-tick">
                    <line class="gw-grid" x1={a.clone()} x2={b.clone()} y1={ty.clone()} y2={ty.clone()} />
                    <text class="gw-tick-label" x={label_x.clone()} y={ty} text-anchor="end" dominant-baseline="middle">
                        { (t as i64).to_string() }
                    </text>
                </g>
            }
        })
        .collect()
}

/// The baseline and a word under each band; this force's word is bold (class) as well.
pub fn x_axis(x: &Band, y_base: f64, words: &[&str; 4], own: Option<usize>) -> Html {
    let yb = px(y_base).to_string();
    let ty = (px(y_base) + 14).to_string();
    html! {
        <g class="gw-x-axis">
            <line class="gw-baseline" x1={px(x.range.0).to_string()} x2={px(x.range.1).to_string()} y1={yb.clone()} y2={yb} />
            { for words.iter().enumerate().map(|(i, w)| html! {
                <text class={if own == Some(i) { "gw-cat gw-cat--own" } else { "gw-cat" }}
                    x={px(x.center(i)).to_string()} y={ty.clone()} text-anchor="middle">{ *w }</text>
            }) }
        </g>
    }
}
