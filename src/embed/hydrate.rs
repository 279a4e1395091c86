//! The hydration decision: once the first report or failure arrives, a widget over pre-rendered
//! markup (`Life::Static`) either adopts that markup (Yew hydrates it) or clears it and draws
//! afresh. Yew's hydration panics on a tree other than the one its first render makes, and with
//! `panic = "abort"` that stops every widget on the page, so the markup is adopted only when
//! the props it is hydrated with give the fingerprint stamped on it and its shape reached the
//! page intact (see `crate::hydration`).

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::Element;
use yew::Renderer;

use super::shadow;
use super::widget::{go_live, Inner, Life};
use crate::components::{App, AppProps};
use crate::hydration::{dom_shape, fingerprint, FINGERPRINT_ATTR, SHAPE_ATTR};
use crate::load_state::LoadState;

/// Starts the Yew app over pre-rendered markup once there is something other than "loading" to
/// show: hydrates it when it was drawn from this very report and these options and reached the
/// page with its shape intact (see [`adoptable`]), else clears it and renders afresh (an error
/// message, a report that has changed since the markup was made, or markup a sanitiser
/// changed). While loading, the static copy stays as it is, where the page put it.
pub(super) fn start_app(rc: &Rc<RefCell<Inner>>) {
    let (container, host, first, now, glimpse) = {
        let mut inner = rc.borrow_mut();
        let Life::Static { fingerprint } = &inner.life else { return };
        if let LoadState::Loading = inner.state {
            return;
        }
        let now = inner.props();
        let first = adoptable(&inner, fingerprint, &now);
        (inner.container.clone(), inner.host.clone(), first, now, std::mem::take(&mut inner.glimpse))
    };
    // A glimpse in the copy (`glimpse.rs`) has no markers for Yew's hydration: the app draws
    // the same picture afresh, in this one task.
    let first = if glimpse.shown() { None } else { first };
    glimpse.end();
    // Into the shadow root only now, in the same task as the hydration: the browser lays the
    // copy out once for both (see `shadow::prepare`). Should the move fail, Yew still runs in
    // the container where it is.
    let _ = shadow::take_in(&host, &container);
    let app = match first {
        Some(first) => {
            let changed = first != now;
            let mut app = Renderer::<App>::with_root_and_props(container.clone(), first).hydrate();
            // What the copy was drawn with differs from what is to be shown (the reader
            // followed a `#3A` link or pressed Back while the report loaded): the change comes
            // after the hydration, as any later selection does. Yew runs the first render
            // before any props update queued with it, so the hydration walks the copy with the
            // props it was drawn from.
            if changed {
                app.update(now);
            }
            app
        }
        None => {
            // Node removal, not markup: nothing is parsed as HTML.
            container.replace_children_with_node_0();
            Renderer::<App>::with_root_and_props(container.clone(), now).render()
        }
    };
    let _ = container.remove_attribute(FINGERPRINT_ATTR);
    let _ = container.remove_attribute(SHAPE_ATTR);
    go_live(rc, app);
}

/// Whether the static copy shows exactly what is to be shown now (this report, these options,
/// this selection) and reached the page intact: it can then stay as it is until the reader
/// needs the app (`Inner::held`).
pub(super) fn current(inner: &Inner) -> bool {
    let Life::Static { fingerprint } = &inner.life else { return false };
    let now = inner.props();
    adoptable(inner, fingerprint, &now).is_some_and(|first| first == now)
}

/// The props the static copy can be hydrated with, if any: those of what is to be shown, else
/// the same without an area (the copy `grade-widget render` makes unless given `--area`), when
/// the reader's `#3A` selected one while the report loaded, or the hash named one at mount.
/// The fingerprint is computed from the very props that would be hydrated, so hydration never
/// meets a tree other than the one the copy holds. None for a failure, another report or
/// options, or markup that lost its shape on the way.
fn adoptable(inner: &Inner, stamp: &str, now: &AppProps) -> Option<AppProps> {
    let LoadState::Ready(report) = &now.state else { return None };
    if !markup_intact(&inner.container) {
        return None;
    }
    let drawn_with = |props: &AppProps| fingerprint(report, &props.options) == stamp;
    if drawn_with(now) {
        return Some(inner.props());
    }
    let mut unselected = inner.props();
    // Without an area there is nothing else to try.
    unselected.options.area.take()?;
    drawn_with(&unselected).then_some(unselected)
}

/// Whether the nodes in `container` have the shape `grade-widget render` stamped on it: every
/// element and every one of Yew's comment markers still there, in order, and nothing added.
/// Sanitisers and minifiers strip comments, and Yew's hydration panics without its markers
/// (which, with `panic = "abort"`, would stop every widget on the page).
fn markup_intact(container: &Element) -> bool {
    container.get_attribute(SHAPE_ATTR).is_some_and(|stamp| stamp == dom_shape(container))
}
