//! The national comparison chart, built the Observable Plot way: scales are pure functions
//! ([`scale`]), each SVG mark has its own file, and [`distribution`] puts them together.
//! Geometry is computed in floating point and written as whole viewBox units, which keeps
//! float formatting (and its code size) out of the wasm bundle.

pub mod axis;
pub mod bars;
pub mod distribution;
pub mod labels;
pub mod marker;
pub mod scale;
pub mod svg;

pub use distribution::{distribution_chart, ChartSpec};
