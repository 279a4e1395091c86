//! The national grade distribution chart for one area: one bar per grade of the report's scale
//! (2 to 7), lowest first, axis 0 to the area's total, this force's bar highlighted.
//! `role="img"` with an accessible name that states every number (the caller writes it).
//! The marks inside are written as one raw SVG fragment (see svg.rs for why that is safe).

use yew::prelude::*;

use super::axis::{x_axis, y_axis};
use super::bars::bars;
use super::labels::count_labels;
use super::marker::own_marker;
use super::scale::{Band, Linear};

/// What to draw. Borrowed: the chart is rebuilt from precomputed data on each render.
pub struct ChartSpec<'a> {
    /// By grade, lowest first.
    pub counts: &'a [i64],
    /// This force's column (0 the lowest grade), None when not graded.
    pub own: Option<usize>,
    /// The area's total: the top of the count axis.
    pub total: i64,
    /// The accessible name.
    pub label: &'a str,
    /// Words under the bands, lowest first.
    pub words: Vec<&'a str>,
    /// Short labels, lowest first: under the bands instead when the words would not fit there
    /// (PEEL's "Requires improvement" in five bands), with a key under the chart.
    pub short: Vec<&'a str>,
    /// "this force", shown under this force's word in the full-size chart.
    pub this_force: &'a str,
    /// Small multiple: no count axis and no "this force" words.
    pub compact: bool,
}

struct Frame {
    width: f64,
    height: f64,
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
}

const FULL: Frame = Frame { width: 320.0, height: 200.0, left: 30.0, right: 6.0, top: 18.0, bottom: 48.0 };
const COMPACT: Frame = Frame { width: 160.0, height: 112.0, left: 4.0, right: 4.0, top: 16.0, bottom: 30.0 };

pub fn distribution_chart(spec: &ChartSpec) -> Html {
    let f = if spec.compact { &COMPACT } else { &FULL };
    // The axis always reaches the area's total, so charts compare at a glance; a bad file with
    // a larger count still fits.
    let max = spec.counts.iter().copied().max().unwrap_or(0).max(spec.total).max(1) as f64;
    let base = f.height - f.bottom;
    let y = Linear::new((0.0, max), (base, f.top));
    let x = Band::new(spec.counts.len(), (f.left, f.width - f.right), 0.25);
    let view_box = if spec.compact { "0 0 160 112" } else { "0 0 320 200" };
    let mut marks = String::with_capacity(if spec.compact { 1100 } else { 2200 });
    if !spec.compact {
        y_axis(&mut marks, &y, f.left, f.width - f.right, 4);
    }
    bars(&mut marks, spec.counts, spec.own, &x, &y);
    count_labels(&mut marks, spec.counts, spec.own, &x, &y);
    // About 6.5 units a character at the axis's 12px: a word wider than its band would run into
    // its neighbours.
    let fits = spec.words.iter().all(|w| w.chars().count() as f64 * 6.5 <= x.step());
    let labels = if fits { &spec.words } else { &spec.short };
    x_axis(&mut marks, &x, base, labels, spec.own);
    own_marker(&mut marks, &x, spec.own, base + 18.0, (!spec.compact).then_some(spec.this_force));
    // Only numbers, class names and the widget's own words: no report text in the fragment.
    let svg = html! {
        <svg class="gw-svg" viewBox={view_box} role="img" aria-label={spec.label.to_string()} focusable="false">
            { Html::from_html_unchecked(AttrValue::from(marks)) }
        </svg>
    };
    if fits || spec.compact {
        return svg;
    }
    // The key to the short labels, visible; hidden from assistive technology, as the chart's
    // name already says every grade in full.
    // Pushed piece by piece rather than `concat` and `join` over strings: fewer generic
    // instances in the widget's wasm (docs/PERFORMANCE.md, "Issue 29").
    let mut key = String::new();
    for (i, (s, w)) in spec.short.iter().zip(&spec.words).enumerate() {
        if i > 0 {
            key.push_str(" · ");
        }
        key.push_str(s);
        key.push(' ');
        key.push_str(w);
    }
    html! {
        <>
            { svg }
            <p class="gw-chart__key" aria-hidden="true">{ key }</p>
        </>
    }
}
