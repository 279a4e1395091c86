//! One mounted widget: its container in the shadow root, the Yew app, the current source and
//! options, and the load in flight. [`Widget`] is the handle JS holds (`update`, `retry`,
//! `destroy`).
//!
//! Borrow discipline: the `RefCell` is never held while Yew renders or while an event is
//! dispatched, so callbacks and host listeners may call back into the widget freely.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use wasm_bindgen::prelude::*;
use web_sys::{AbortController, Element, HtmlElement};
use yew::{AppHandle, Callback, Renderer};

use super::config::{self, Config, Source};
use super::{events, load, panic, shadow};
use crate::components::{App, AppProps, LoadState};
use crate::hydration::{dom_shape, fingerprint, FINGERPRINT_ATTR, SHAPE_ATTR};

thread_local! {
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
}

/// A mounted widget, as returned to JS by `mount`.
#[wasm_bindgen]
pub struct Widget {
    inner: Rc<RefCell<Inner>>,
}

struct Inner {
    id: u32,
    host: HtmlElement,
    container: Element,
    app: Option<AppHandle<App>>,
    state: LoadState,
    config: Config,
    /// Bumped by every new load and by destroy: a load that finishes under an older
    /// generation is stale and dropped.
    generation: u32,
    abort: Option<AbortController>,
    /// Set by `destroy()`; a render or load running at that moment finishes without effect.
    destroyed: bool,
    /// The fingerprint of pre-rendered markup in the container, until the first report or
    /// failure decides between hydrating it and drawing afresh. Meanwhile there is no Yew app
    /// and the static copy stays on screen instead of a "loading" note.
    prerendered: Option<String>,
    onselect: Callback<String>,
    onretry: Callback<()>,
}

impl Widget {
    pub(super) fn mount(host: HtmlElement, config: &JsValue) -> Result<Widget, JsValue> {
        let shadow::MountPoint { container, prerendered } = shadow::prepare(&host)?;
        let id = NEXT_ID.with(|n| n.replace(n.get().wrapping_add(1)));
        let config = config::read(config);
        let _ = container.set_attribute("lang", &config.options.lang);
        let inner = Rc::new_cyclic(|weak: &Weak<RefCell<Inner>>| {
            RefCell::new(Inner {
                id,
                host: host.clone(),
                container: container.clone(),
                app: None,
                state: LoadState::Loading,
                config,
                generation: 0,
                abort: None,
                destroyed: false,
                prerendered,
                onselect: on_select(weak.clone()),
                onretry: on_retry(weak.clone()),
            })
        });
        panic::register(id, &host, &container);
        if inner.borrow().prerendered.is_none() {
            let props = inner.borrow().props();
            let app = Renderer::<App>::with_root_and_props(container, props).render();
            inner.borrow_mut().app = Some(app);
        }
        start_load(&inner);
        Ok(Widget { inner })
    }
}

#[wasm_bindgen]
impl Widget {
    /// Applies a new config object (same keys as `mount`). A different `src` or `report`
    /// reloads; other changes only re-render.
    pub fn update(&self, config: JsValue) {
        let next = config::read(&config);
        let reload = {
            let mut inner = self.inner.borrow_mut();
            if inner.config == next {
                return;
            }
            let reload = inner.config.source != next.source;
            let _ = inner.container.set_attribute("lang", &next.options.lang);
            inner.config = next;
            reload
        };
        if reload {
            start_load(&self.inner);
        } else {
            render(&self.inner);
        }
    }

    /// Loads the same source again (what the "Try again" button does).
    pub fn retry(&self) {
        start_load(&self.inner);
    }

    /// Stops any load, unmounts the Yew app and removes the widget's content from the shadow
    /// root. The handle is consumed: JS cannot use it afterwards.
    pub fn destroy(self) {
        let (app, container, id) = {
            let mut inner = self.inner.borrow_mut();
            inner.destroyed = true;
            inner.generation = inner.generation.wrapping_add(1);
            if let Some(abort) = inner.abort.take() {
                abort.abort();
            }
            (inner.app.take(), inner.container.clone(), inner.id)
        };
        if let Some(app) = app {
            app.destroy();
        }
        container.remove();
        panic::unregister(id);
    }
}

impl Inner {
    fn props(&self) -> AppProps {
        AppProps {
            state: self.state.clone(),
            options: self.config.options.clone(),
            onselect: self.onselect.clone(),
            onretry: self.onretry.clone(),
        }
    }
}

/// Starts loading the current source. Objects and inline JSON are decoded at once; a `src`
/// shows "loading" and is fetched in the background.
fn start_load(rc: &Rc<RefCell<Inner>>) {
    let (source, generation, timeout_ms, host) = {
        let mut inner = rc.borrow_mut();
        if inner.destroyed {
            return;
        }
        inner.generation = inner.generation.wrapping_add(1);
        if let Some(abort) = inner.abort.take() {
            abort.abort();
        }
        (
            inner.config.source.clone(),
            inner.generation,
            inner.config.timeout_ms,
            inner.host.clone(),
        )
    };
    match source {
        Source::Object(value) => {
            set_state(rc, loaded(load::decode(value, "passed to mount", false)))
        }
        Source::Inline => {
            let result = load::inline_json(&host).and_then(|value| {
                load::decode(
                    value,
                    "in the page's <script type=\"application/json\">",
                    false,
                )
            });
            set_state(rc, loaded(result));
        }
        Source::Src(src) => {
            let url = match load::resolve(&src) {
                Ok(url) => url,
                Err(err) => return set_state(rc, LoadState::Failed(err)),
            };
            let abort = AbortController::new().ok();
            rc.borrow_mut().abort = abort.clone();
            set_state(rc, LoadState::Loading);
            let weak = Rc::downgrade(rc);
            wasm_bindgen_futures::spawn_local(async move {
                let result = match &abort {
                    Some(abort) => load::fetch_json(&url, abort, timeout_ms).await,
                    None => Err(load::failure(
                        "fetch",
                        "this browser cannot cancel requests (no AbortController)".to_owned(),
                        false,
                    )),
                };
                // Destroyed, or superseded by a newer load: drop the result unread.
                let Some(rc) = weak.upgrade() else { return };
                if rc.borrow().generation != generation {
                    return;
                }
                rc.borrow_mut().abort = None;
                let result =
                    result.and_then(|value| load::decode(value, &format!("from {url}"), true));
                set_state(&rc, loaded(result));
            });
        }
    }
}

fn loaded(result: Result<crate::model::Report, crate::components::LoadError>) -> LoadState {
    match result {
        Ok(report) => LoadState::Ready(Rc::new(report)),
        Err(err) => LoadState::Failed(err),
    }
}

/// Stores the new state, re-renders, then fires `load` or `error`.
fn set_state(rc: &Rc<RefCell<Inner>>, state: LoadState) {
    rc.borrow_mut().state = state.clone();
    render(rc);
    let (host, destroyed) = {
        let inner = rc.borrow();
        (inner.host.clone(), inner.destroyed)
    };
    if destroyed {
        return;
    }
    match &state {
        LoadState::Ready(report) => events::load(&host, report),
        LoadState::Failed(err) => events::error(&host, err),
        LoadState::Loading => {}
    }
}

/// Pushes the current props to the Yew app, with the app taken out of the cell meanwhile.
fn render(rc: &Rc<RefCell<Inner>>) {
    if rc.borrow().prerendered.is_some() {
        return start_app(rc);
    }
    let (app, props) = {
        let mut inner = rc.borrow_mut();
        (inner.app.take(), inner.props())
    };
    if let Some(mut app) = app {
        app.update(props);
        let mut inner = rc.borrow_mut();
        // destroy() may have run meanwhile (from a host listener); then unmount here.
        if inner.destroyed {
            drop(inner);
            app.destroy();
        } else {
            inner.app = Some(app);
        }
    }
}

/// Starts the Yew app over pre-rendered markup once there is something other than "loading" to
/// show: hydrates it when it was drawn from this very report and these options (same
/// fingerprint) and reached the page with its shape intact (see [`markup_intact`]), else clears
/// it and renders afresh (an error message, a report that has changed since the markup was
/// made, or markup a sanitiser changed). While loading, the static copy stays as it is.
fn start_app(rc: &Rc<RefCell<Inner>>) {
    let (container, props, hydrate) = {
        let mut inner = rc.borrow_mut();
        if inner.destroyed {
            return;
        }
        let hydrate = match (&inner.state, &inner.prerendered) {
            (LoadState::Loading, _) => return,
            (LoadState::Ready(report), Some(stamp)) => {
                *stamp == fingerprint(report, &inner.config.options) && markup_intact(&inner.container)
            }
            _ => false,
        };
        inner.prerendered = None;
        (inner.container.clone(), inner.props(), hydrate)
    };
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
    rc.borrow_mut().app = Some(app);
}

/// Whether the nodes in `container` have the shape `grade-widget render` stamped on it: every
/// element and every one of Yew's comment markers still there, in order, and nothing added.
/// Sanitisers and minifiers strip comments, and Yew's hydration panics without its markers
/// (which, with `panic = "abort"`, would stop every widget on the page).
fn markup_intact(container: &Element) -> bool {
    container.get_attribute(SHAPE_ATTR).is_some_and(|stamp| stamp == dom_shape(container))
}

/// `select` event, and `location.hash` kept in step when the host asked for deep links.
fn on_select(weak: Weak<RefCell<Inner>>) -> Callback<String> {
    Callback::from(move |area: String| {
        let Some(rc) = weak.upgrade() else { return };
        let (host, deep_link) = {
            let inner = rc.borrow();
            (inner.host.clone(), inner.config.options.deep_link)
        };
        if deep_link {
            if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
                // replaceState, not a hash assignment: no scroll jump and no history entry per click.
                let _ =
                    history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("#{area}")));
            }
        }
        events::select(&host, &area);
    })
}

/// The "Try again" button. Deferred to a microtask so the reload does not start inside Yew's
/// own event dispatch.
fn on_retry(weak: Weak<RefCell<Inner>>) -> Callback<()> {
    Callback::from(move |()| {
        let weak = weak.clone();
        wasm_bindgen_futures::spawn_local(async move {
            if let Some(rc) = weak.upgrade() {
                start_load(&rc);
            }
        });
    })
}
