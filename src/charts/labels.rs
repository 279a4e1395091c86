//! The count labels: each bar's number just above it, so no one has to read values off the axis.

use yew::prelude::*;

use super::scale::{px, Band, Linear};

pub fn count_labels(counts: &[i64; 4], own: Option<usize>, x: &Band, y: &Linear) -> Html {
    counts
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let class = if own == Some(i) { "gw-count gw-count--own" } else { "gw-count" };
            html! {
                <text class={class} x={px(x.center(i)).to_string()} y={(px(y.map(*c as f64)) - 4).to_string()}
                    text-anchor="middle">{ c.to_string() }</text>
            }
        })
        .collect()
}
