//! The bar mark: one rectangle per grade, height by count. This force's bar gets a second class
//! so the stylesheet can give it a different fill and a thick outline (not colour alone).

use super::scale::{px, Band, Linear};
use super::svg::attr;

pub fn bars(out: &mut String, counts: &[i64], own: Option<usize>, x: &Band, y: &Linear) {
    let base = y.map(0.0);
    let w = px(x.width());
    for (i, c) in counts.iter().enumerate().filter(|(_, c)| **c > 0) {
        let top = y.map(*c as f64);
        out.push_str("<rect");
        attr(out, "x", px(x.start(i)));
        attr(out, "y", px(top));
        attr(out, "width", w);
        attr(out, "height", px(base - top).max(1));
        out.push_str(if own == Some(i) { " class=\"gw-bar gw-bar--own\"></rect>" } else { " class=\"gw-bar\"></rect>" });
    }
}
