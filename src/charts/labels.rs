//! The count labels: each bar's number just above it, so no one has to read values off the axis.

use super::scale::{px, Band, Linear};
use super::svg::text_el;

pub fn count_labels(out: &mut String, counts: &[i64], own: Option<usize>, x: &Band, y: &Linear) {
    for (i, c) in counts.iter().enumerate() {
        let class = if own == Some(i) { "gw-count gw-count--own" } else { "gw-count" };
        text_el(out, px(x.center(i)), px(y.map(*c as f64)) - 4, MIDDLE, class, &c.to_string());
    }
}

pub const MIDDLE: &str = " text-anchor=\"middle\"";
