//! The bar mark: one rectangle per grade, height by count. This force's bar gets a second class
//! so the stylesheet can give it a different fill and a thick outline (not colour alone).

use yew::prelude::*;

use super::scale::{px, Band, Linear};

pub fn bars(counts: &[i64; 4], own: Option<usize>, x: &Band, y: &Linear) -> Html {
    let base = y.map(0.0);
    let w = px(x.width()).to_string();
    counts
        .iter()
        .enumerate()
        .filter(|(_, c)| **c > 0)
        .map(|(i, c)| {
            let top = y.map(*c as f64);
            let class = if own == Some(i) { "gw-bar gw-bar--own" } else { "gw-bar" };
            html! {
                <rect class={class} x={px(x.start(i)).to_string()} y={px(top).to_string()}
                    width={w.clone()} height={px(base - top).max(1).to_string()} />
            }
        })
        .collect()
}
