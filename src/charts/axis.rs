//! Axis marks: the count axis (ticks, light grid lines, numbers) and the grade axis (a baseline
//! and one word per band).

use super::labels::MIDDLE;
use super::scale::{px, Band, Linear};
use super::svg::{line, text_el};

/// Grid lines and tick numbers for the count scale, drawn from `x0` to `x1`.
pub fn y_axis(out: &mut String, y: &Linear, x0: f64, x1: f64, ticks: usize) {
    let (a, b) = (px(x0), px(x1));
    for t in y.count_ticks(ticks) {
        let ty = px(y.map(t));
        out.push_str("<g class=\"gw-tick\">");
        line(out, a, b, ty, ty, "gw-grid");
        text_el(out, a - 4, ty, " text-anchor=\"end\" dominant-baseline=\"middle\"", "gw-tick-label", &(t as i64).to_string());
        out.push_str("</g>");
    }
}

/// The baseline and a word under each band; this force's word is bold (class) as well.
pub fn x_axis(out: &mut String, x: &Band, y_base: f64, words: &[&str], own: Option<usize>) {
    let yb = px(y_base);
    out.push_str("<g class=\"gw-x-axis\">");
    line(out, px(x.range.0), px(x.range.1), yb, yb, "gw-baseline");
    for (i, w) in words.iter().enumerate() {
        let class = if own == Some(i) { "gw-cat gw-cat--own" } else { "gw-cat" };
        text_el(out, px(x.center(i)), yb + 14, MIDDLE, class, w);
    }
    out.push_str("</g>");
}
