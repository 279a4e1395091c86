//! The Yew apps of destroyed widgets, each idle (showing nothing of a report) in its container
//! outside any page, for the next mount to take instead of starting a new app.
//!
//! This works around two behaviours of Yew 0.23. It never frees an app root: the root's event
//! listeners are `forget`-ed closures holding the root's subtree data, container element
//! included (yew `dom_bundle/subtree_root.rs`, `HostHandlers::add_listener`: "Never drop the
//! closure as this event handler is static"), so every new app leaked a DOM node and about 3 KB
//! of wasm memory for good. And `AppHandle::destroy` in the same task as the first render is
//! lost: the scheduler runs destroys before creates (`scheduler.rs`, `fill_queue`), so the app
//! was created and rendered after its destroy and the whole render leaked. Reusing apps bounds
//! both by the most widgets ever mounted at once, and an app is never destroyed at all.

use std::cell::RefCell;

use web_sys::Element;
use yew::{AppHandle, Callback};

use crate::components::{App, AppProps};
use crate::load_state::LoadState;

thread_local! {
    static IDLE: RefCell<Vec<(Element, AppHandle<App>)>> = const { RefCell::new(Vec::new()) };
}

/// An idle app and its container, if there is one.
pub(super) fn take() -> Option<(Element, AppHandle<App>)> {
    IDLE.with(|idle| idle.borrow_mut().pop())
}

/// Gives back an idle app that `take` handed out and the mount did not use.
pub(super) fn put(container: Element, app: AppHandle<App>) {
    IDLE.with(|idle| idle.borrow_mut().push((container, app)));
}

/// Empties a destroyed widget's app (its props no longer hold the report or the widget's
/// callbacks) and keeps it, in its container, for the next mount.
pub(super) fn set_aside(container: Element, mut app: AppHandle<App>) {
    app.update(AppProps {
        state: LoadState::Loading,
        options: Default::default(),
        onselect: Callback::noop(),
        onretry: Callback::noop(),
        instance: 0,
    });
    put(container, app);
}
