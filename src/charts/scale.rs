//! Scales: pure functions from data values to chart coordinates. No yew, no SVG.

/// A linear map from `domain` to `range` (a range may run downwards, as y does in SVG).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Linear {
    pub domain: (f64, f64),
    pub range: (f64, f64),
}

impl Linear {
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Linear {
        Linear { domain, range }
    }

    /// The coordinate for `v`. An empty domain (0..0, e.g. no forces assessed) maps everything
    /// to the range start instead of dividing by zero.
    pub fn map(&self, v: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if d1 == d0 {
            return r0;
        }
        r0 + (v - d0) / (d1 - d0) * (r1 - r0)
    }

    /// Up to about `count` round tick values from the domain start to its end: steps of
    /// 1, 2 or 5 times a power of ten, as people expect on an axis of counts.
    pub fn ticks(&self, count: usize) -> Vec<f64> {
        self.ticks_from(count, 0.0)
    }

    /// Ticks for an axis of counts (forces): whole numbers only, so each label appears once.
    /// [`ticks`](Self::ticks) over a short domain steps by halves (0, 0.5, 1, 1.5, 2), which
    /// a count axis would print as "0 0 1 1 2".
    pub fn count_ticks(&self, count: usize) -> Vec<f64> {
        self.ticks_from(count, 1.0)
    }

    /// Round ticks with a step of at least `min_step`.
    fn ticks_from(&self, count: usize, min_step: f64) -> Vec<f64> {
        let (lo, hi) = self.domain;
        // Also catches NaN bounds: every comparison with NaN is false.
        let valid = hi > lo && lo.is_finite() && hi.is_finite();
        if !valid || count == 0 {
            return vec![lo];
        }
        let step = nice_step((hi - lo) / count as f64).max(min_step);
        let first = (lo / step).ceil() as i64;
        let last = (hi / step).floor() as i64;
        (first..=last).map(|i| i as f64 * step).collect()
    }
}

/// d3's rule: a power of ten near the raw step, then x2, x5 or x10 by how far off it is.
fn nice_step(raw: f64) -> f64 {
    let mut power = 1.0;
    while power * 10.0 <= raw {
        power *= 10.0;
    }
    while power > raw && power > 1e-9 {
        power /= 10.0;
    }
    let error = raw / power;
    power
        * if error >= 7.07 {
            10.0
        } else if error >= 3.16 {
            5.0
        } else if error >= 1.41 {
            2.0
        } else {
            1.0
        }
}

/// Equal bands across a range with gaps between them, for the four grade columns.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Band {
    pub count: usize,
    pub range: (f64, f64),
    /// The gap between bands as a fraction of a step (0 to 1); the same gap is left at both ends.
    pub padding: f64,
}

impl Band {
    pub fn new(count: usize, range: (f64, f64), padding: f64) -> Band {
        Band { count, range, padding: padding.clamp(0.0, 0.95) }
    }

    /// Distance from one band's start to the next.
    pub fn step(&self) -> f64 {
        // n bands, n - 1 inner gaps and two half-gaps at the ends make exactly n steps.
        if self.count == 0 {
            return 0.0;
        }
        (self.range.1 - self.range.0) / self.count as f64
    }

    /// Width of one band.
    pub fn width(&self) -> f64 {
        self.step() * (1.0 - self.padding)
    }

    /// Start of band `i`.
    pub fn start(&self, i: usize) -> f64 {
        self.range.0 + self.step() * (i as f64 + self.padding / 2.0)
    }

    /// Middle of band `i`, where its labels go.
    pub fn center(&self, i: usize) -> f64 {
        self.start(i) + self.width() / 2.0
    }
}

/// Rounds a coordinate to whole viewBox units for output.
pub fn px(v: f64) -> i32 {
    if v.is_finite() {
        v.round() as i32
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linear_maps() {
        let y = Linear::new((0.0, 43.0), (150.0, 10.0));
        let cases = [(0.0, 150.0), (43.0, 10.0), (21.5, 80.0), (86.0, -130.0)];
        for (v, want) in cases {
            assert!((y.map(v) - want).abs() < 1e-9, "map({v}) = {} not {want}", y.map(v));
        }
        assert_eq!(Linear::new((0.0, 0.0), (150.0, 10.0)).map(5.0), 150.0);
    }

    #[test]
    fn ticks() {
        let cases: [((f64, f64), usize, &[f64]); 7] = [
            ((0.0, 43.0), 4, &[0.0, 10.0, 20.0, 30.0, 40.0]),
            ((0.0, 43.0), 2, &[0.0, 20.0, 40.0]),
            ((0.0, 10.0), 5, &[0.0, 2.0, 4.0, 6.0, 8.0, 10.0]),
            ((0.0, 3.0), 4, &[0.0, 1.0, 2.0, 3.0]),
            ((0.0, 250.0), 4, &[0.0, 50.0, 100.0, 150.0, 200.0, 250.0]),
            ((0.0, 0.0), 4, &[0.0]),
            ((0.0, f64::NAN), 4, &[0.0]),
        ];
        for (domain, count, want) in cases {
            assert_eq!(Linear::new(domain, (0.0, 1.0)).ticks(count), want, "{domain:?} / {count}");
        }
    }

    #[test]
    fn count_ticks_are_whole_and_never_repeat() {
        let cases: [(f64, &[f64]); 7] = [
            (1.0, &[0.0, 1.0]),
            (2.0, &[0.0, 1.0, 2.0]),
            (3.0, &[0.0, 1.0, 2.0, 3.0]),
            (5.0, &[0.0, 1.0, 2.0, 3.0, 4.0, 5.0]),
            (7.0, &[0.0, 2.0, 4.0, 6.0]),
            (43.0, &[0.0, 10.0, 20.0, 30.0, 40.0]),
            (0.0, &[0.0]),
        ];
        for (max, want) in cases {
            let ticks = Linear::new((0.0, max), (150.0, 10.0)).count_ticks(4);
            assert_eq!(ticks, want, "0..{max}");
            let labels: Vec<i64> = ticks.iter().map(|t| *t as i64).collect();
            assert!(labels.windows(2).all(|w| w[0] < w[1]), "0..{max}: {labels:?}");
        }
        // What the plain ticks give for the same short domain: halves.
        assert_eq!(Linear::new((0.0, 2.0), (0.0, 1.0)).ticks(4), [0.0, 0.5, 1.0, 1.5, 2.0]);
    }

    #[test]
    fn bands() {
        let b = Band::new(4, (0.0, 400.0), 0.2);
        let cases = [(0, 10.0, 90.0), (1, 110.0, 190.0), (3, 310.0, 390.0)];
        for (i, start, end) in cases {
            assert!((b.start(i) - start).abs() < 1e-9, "start({i}) = {}", b.start(i));
            assert!((b.start(i) + b.width() - end).abs() < 1e-9, "end({i})");
        }
        assert!((b.center(0) - 50.0).abs() < 1e-9);
        assert_eq!(Band::new(0, (0.0, 400.0), 0.2).width(), 0.0);
    }

    #[test]
    fn px_rounds_and_survives_nan() {
        let cases = [(1.4, 1), (1.5, 2), (-0.4, 0), (f64::NAN, 0), (f64::INFINITY, 0)];
        for (v, want) in cases {
            assert_eq!(px(v), want, "{v}");
        }
    }
}
