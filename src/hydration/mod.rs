//! The contract between `grade-widget render` (static markup made ahead of time) and the live
//! widget, which adopts (hydrates) that markup instead of drawing its own copy.
//!
//! Yew's hydration walks the existing nodes expecting exactly the tree its first render makes,
//! and panics on anything else; with `panic = "abort"` that stops every widget on the page. So
//! the markup carries two stamps and the widget hydrates only when both hold:
//! - [`fingerprint`]: the build of the components, the report and the options it was drawn
//!   from (another report, view or language would draw another tree);
//! - [`shape`]: the markup's own shape (its elements and Yew's comment markers, in order), so
//!   markup that a CMS sanitiser or an HTML minifier changed on the way is drawn afresh.
//!
//! It also says which options it was rendered with ([`stamps`]), so a widget whose host is
//! silent about them draws that copy, and adopts it, rather than its own defaults.

mod fingerprint;
mod fnv;
mod shape;
pub mod stamps;

pub use fingerprint::{fingerprint, id_prefix};
#[cfg(target_arch = "wasm32")]
pub use shape::{dom_shape, set_walker};
pub use shape::{markup_shape, Shape};

/// The attribute on the static copy's container that holds [`fingerprint`].
pub const FINGERPRINT_ATTR: &str = "data-gw-hydrate";
/// The attribute on the static copy's container that holds [`markup_shape`] of its content.
pub const SHAPE_ATTR: &str = "data-gw-shape";
