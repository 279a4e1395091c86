//! The widget's Yew components, one per file. Rendered in the browser (csr + hydration) and
//! natively to static HTML (ssr) by `grade-widget render` and the snapshot tests.
//!
//! Contract with `crate::embed` (the custom element / JS API side): embed owns fetching,
//! parsing, events and the shadow root; it renders [`App`] with an [`AppProps`] and re-renders
//! when the load state changes. Everything visible is built here.

mod app;

pub use app::{App, AppProps, LoadState, LoadError, Options, View};
