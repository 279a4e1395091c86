//! The hydration decision: once the first report or failure arrives, a widget over pre-rendered
//! markup (`Life::Static`) either adopts that markup (Yew hydrates it) or clears it and draws
//! afresh. Yew's hydration panics on a tree other than the one its first render makes, and with
//! `panic = "abort"` that stops every widget on the page, so the markup is adopted only when
//! its fingerprint and its shape hold (see `crate::hydration`).

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::Element;
use yew::Renderer;

use super::shadow;
use super::widget::{go_live, Inner, Life};
use crate::components::App;
use crate::hydration::{dom_shape, fingerprint, FINGERPRINT_ATTR, SHAPE_ATTR};
use crate::load_state::LoadState;

/// Starts the Yew app over pre-rendered markup once there is something other than "loading" to
/// show: hydrates it when it was drawn from this very report and these options (same
/// fingerprint) and reached the page with its shape intact (see [`markup_intact`]), else clears it and renders afresh (an error
/// message, a report that has changed since the markup was made, or markup a sanitiser
/// changed). While loading, the static copy stays as it is, where the page put it.
pub(super) fn start_app(rc: &Rc<RefCell<Inner>>) {
    let (container, props, hydrate, host) = {
        let inner = rc.borrow();
        let Life::Static { fingerprint: stamp } = &inner.life else { return };
        let hydrate = match &inner.state {
            LoadState::Loading => return,
            LoadState::Ready(report) => {
                *stamp == fingerprint(report, &inner.config.options) && markup_intact(&inner.container)
            }
            LoadState::Failed(_) => false,
        };
        (inner.container.clone(), inner.props(), hydrate, inner.host.clone())
    };
    // Into the shadow root only now, in the same task as the hydration: the browser lays the
    // copy out once for both (see `shadow::prepare`). Should the move fail, Yew still runs in
    // the container where it is.
    let _ = shadow::take_in(&host, &container);
    let renderer = Renderer::<App>::with_root_and_props(container.clone(), props);
    let app = if hydrate {
        renderer.hydrate()
    } else {
        // Node removal, not markup: nothing is parsed as HTML.
        container.replace_children_with_node_0();
        renderer.render()
    };
    let _ = container.remove_attribute(FINGERPRINT_ATTR);
    let _ = container.remove_attribute(SHAPE_ATTR);
    go_live(rc, app);
}

/// Whether the nodes in `container` have the shape `grade-widget render` stamped on it: every
/// element and every one of Yew's comment markers still there, in order, and nothing added.
/// Sanitisers and minifiers strip comments, and Yew's hydration panics without its markers
/// (which, with `panic = "abort"`, would stop every widget on the page).
fn markup_intact(container: &Element) -> bool {
    container.get_attribute(SHAPE_ATTR).is_some_and(|stamp| stamp == dom_shape(container))
}
