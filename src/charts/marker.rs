//! The "this force" marker: a triangle under this force's band pointing at its bar, and (in the
//! full-size chart) the words "this force", so the highlight never depends on colour.

use yew::prelude::*;

use super::scale::{px, Band};

pub fn own_marker(x: &Band, own: Option<usize>, y: f64, text: Option<&str>) -> Html {
    let Some(i) = own else { return Html::default() };
    let cx = px(x.center(i));
    let top = px(y);
    let points = [cx, top, cx - 5, top + 7, cx + 5, top + 7]
        .iter()
        .map(|n| n.to_string())
        .collect::<Vec<_>>()
        .join(" ");
    html! {
        <g class="gw-marker">
            <polygon class="gw-marker-shape" points={points} />
            if let Some(t) = text {
                <text class="gw-marker-label" x={cx.to_string()} y={(top + 19).to_string()} text-anchor="middle">{ t.to_string() }</text>
            }
        </g>
    }
}
