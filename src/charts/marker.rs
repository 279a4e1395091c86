//! The "this force" marker: a triangle under this force's band pointing at its bar, and (in the
//! full-size chart) the words "this force", so the highlight never depends on colour.

use super::labels::MIDDLE;

const START: &str = " text-anchor=\"start\"";
const END: &str = " text-anchor=\"end\"";
use super::scale::{px, Band};
use super::svg::{num, text_el};

pub fn own_marker(out: &mut String, x: &Band, own: Option<usize>, y: f64, text: Option<&str>) {
    let Some(i) = own else { return };
    let cx = px(x.center(i));
    let top = px(y);
    out.push_str("<g class=\"gw-marker\"><polygon points=\"");
    for (k, n) in [cx, top, cx - 5, top + 7, cx + 5, top + 7].into_iter().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        num(out, n);
    }
    out.push_str("\" class=\"gw-marker-shape\"></polygon>");
    if let Some(t) = text {
        // Under the first and last bands the words grow inwards from the plot's edge, so a
        // wider text (Welsh "yr heddlu hwn", a reader's letter spacing) stays inside the chart.
        let (anchor, tx) = match i {
            0 => (START, px(x.range.0)),
            _ if i + 1 == x.count => (END, px(x.range.1)),
            _ => (MIDDLE, cx),
        };
        text_el(out, tx, top + 19, anchor, "gw-marker-label", t);
    }
    out.push_str("</g>");
}
