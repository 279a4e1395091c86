//! One mounted widget: its container in the shadow root, the Yew app, the current source and
//! options, and the load in flight. [`Widget`] is the handle JS holds (`update`, `retry`,
//! `destroy`).
//!
//! Borrow discipline: the `RefCell` is never held while Yew renders or while an event is
//! dispatched, so callbacks and host listeners may call back into the widget freely.
//!
//! Destroyed widgets hand their Yew app and container to the next mount instead of
//! destroying the app (see [`IDLE`]): Yew 0.23 cannot free an app root.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{AbortController, Element, HtmlElement};
use yew::{AppHandle, Callback, Renderer};

use super::config::{self, Config, Source};
use super::{events, load, panic, shadow};
use crate::components::{App, AppProps, LoadState};
use crate::hydration::{dom_shape, fingerprint, FINGERPRINT_ATTR, SHAPE_ATTR};

thread_local! {
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
    /// Apps of destroyed widgets, each idle (showing nothing of a report) in its container
    /// outside any page, for the next mount to take instead of starting a new app. Yew 0.23
    /// never frees an app root: the root's event listeners are `forget`-ed closures holding the
    /// root's subtree data, container element included (yew `dom_bundle/subtree_root.rs`,
    /// `HostHandlers::add_listener`: "Never drop the closure as this event handler is static"),
    /// so every new app leaked a DOM node and about 3 KB of wasm memory for good. Worse,
    /// `AppHandle::destroy` in the same task as the first render is lost: the scheduler runs
    /// destroys before creates (`scheduler.rs`, `fill_queue`), so the app was created and
    /// rendered after its destroy and the whole render leaked. Reusing apps bounds both by the
    /// most widgets ever mounted at once, and an app is never destroyed at all.
    static IDLE: RefCell<Vec<(Element, AppHandle<App>)>> = const { RefCell::new(Vec::new()) };
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
    /// The area the reader (or a followed `#3A` link) selected last; wins over the host's
    /// `area` until the host passes a different one. Keeps a later link or Back to an area that
    /// was the host's `area` working: that is a change from what is on screen.
    selected: Option<String>,
    /// With `deepLink`, the `hashchange` + `popstate` listener on `window`; removed when deep
    /// linking is turned off and on destroy.
    on_hash: Option<Closure<dyn FnMut()>>,
    /// With `deepLink`, the reader's selections whose history entry and `select` event wait
    /// until the frame showing them has been produced, oldest first (see [`on_select`]).
    /// A frame callback is asked for exactly while some entry is not yet `framed`.
    pending: Vec<Pending>,
}

/// A selection waiting for its history entry and its `select` event.
struct Pending {
    area: String,
    /// False once the reader (or the page) moved to another hash before the entry was made:
    /// pushing it then would put an entry after the one they went to and show the wrong hash.
    push: bool,
    /// The frame after this selection has started: it may be flushed.
    framed: bool,
}

impl Widget {
    pub(super) fn mount(host: HtmlElement, config: &JsValue, prefetched: &JsValue) -> Result<Widget, JsValue> {
        let spare = IDLE.with(|idle| idle.borrow_mut().pop());
        let prepared = shadow::prepare(&host, spare.as_ref().map(|(container, _)| container));
        let (shadow::MountPoint { container, prerendered }, spare_app) = match (prepared, spare) {
            (Ok(prepared), Some((_, app))) if prepared.prerendered.is_none() => (prepared, Some(app)),
            (prepared, spare) => {
                // Not used (an error, or pre-rendered markup to adopt): keep it for later.
                if let Some(spare) = spare {
                    IDLE.with(|idle| idle.borrow_mut().push(spare));
                }
                (prepared?, None)
            }
        };
        let id = NEXT_ID.with(|n| n.replace(n.get().wrapping_add(1)));
        let config = config::read(config);
        // Pre-rendered markup carries it already (`render`): setting it again would lay the
        // whole copy out once more while the report loads.
        if container.get_attribute("lang").as_deref() != Some(config.options.lang.code()) {
            let _ = container.set_attribute("lang", config.options.lang.code());
        }
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
                selected: None,
                on_hash: None,
                pending: Vec::new(),
            })
        });
        panic::register(id, &host, &container);
        if inner.borrow().prerendered.is_none() {
            let props = inner.borrow().props();
            let app = match spare_app {
                Some(mut app) => {
                    app.update(props);
                    app
                }
                None => Renderer::<App>::with_root_and_props(container, props).render(),
            };
            inner.borrow_mut().app = Some(app);
        }
        follow_hash_changes(&inner);
        start_load(&inner, load::Prefetched::read(prefetched));
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
            if inner.config.options.area != next.options.area {
                inner.selected = None;
            }
            let _ = inner.container.set_attribute("lang", next.options.lang.code());
            inner.config = next;
            reload
        };
        follow_hash_changes(&self.inner);
        if reload {
            start_load(&self.inner, None);
        } else {
            render(&self.inner);
        }
    }

    /// Loads the same source again (what the "Try again" button does).
    pub fn retry(&self) {
        start_load(&self.inner, None);
    }

    /// Stops any load, stops following the hash, removes the widget's content from the shadow
    /// root and sets its Yew app aside for the next mount (see [`IDLE`]). The handle is
    /// consumed: JS cannot use it afterwards.
    pub fn destroy(self) {
        let (app, container, id, on_hash) = {
            let mut inner = self.inner.borrow_mut();
            inner.destroyed = true;
            inner.generation = inner.generation.wrapping_add(1);
            if let Some(abort) = inner.abort.take() {
                abort.abort();
            }
            // Selections still waiting for their history entry get none, and no `select`: the
            // widget is gone (a flush already asked for finds nothing to do).
            inner.pending.clear();
            (inner.app.take(), inner.container.clone(), inner.id, inner.on_hash.take())
        };
        if let Some(listener) = on_hash {
            unlisten_hash(&listener);
        }
        container.remove();
        shadow::release_slot(&self.inner.borrow().host);
        if let Some(app) = app {
            set_aside(container, app);
        }
        panic::unregister(id);
    }
}

/// Empties a destroyed widget's app (its props no longer hold the report or the widget's
/// callbacks) and keeps it, in its container, for the next mount.
fn set_aside(container: Element, mut app: AppHandle<App>) {
    app.update(AppProps {
        state: LoadState::Loading,
        options: Default::default(),
        onselect: Callback::noop(),
        onretry: Callback::noop(),
        instance: 0,
    });
    IDLE.with(|idle| idle.borrow_mut().push((container, app)));
}

impl Inner {
    fn props(&self) -> AppProps {
        let mut options = self.config.options.clone();
        if self.selected.is_some() {
            options.area.clone_from(&self.selected);
        }
        AppProps {
            state: self.state.clone(),
            options,
            onselect: self.onselect.clone(),
            onretry: self.onretry.clone(),
            instance: self.id,
        }
    }
}

/// Starts loading the current source. Objects and inline JSON are decoded at once; a `src`
/// shows "loading" and is fetched in the background, through the loader's request when it made
/// one for the same URL (`early`; cancelled when the source turned out to be another).
fn start_load(rc: &Rc<RefCell<Inner>>, early: Option<load::Prefetched>) {
    let (source, generation, timeout_ms, host) = {
        let mut inner = rc.borrow_mut();
        if inner.destroyed {
            if let Some(early) = early {
                early.abort.abort();
            }
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
    let early = match (&source, early) {
        (Source::Src(_), early) => early,
        (_, Some(early)) => {
            early.abort.abort();
            None
        }
        (_, None) => None,
    };
    match source {
        Source::Object(value) => {
            // The element's `report` property and `mount()` both pass an object; the message
            // names the one the page used.
            let from = if host.local_name() == "grade-widget" {
                "set on the element's report property"
            } else {
                "passed to mount"
            };
            set_state(rc, loaded(load::decode(value, from, false)))
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
                Err(err) => {
                    if let Some(early) = early {
                        early.abort.abort();
                    }
                    return set_state(rc, LoadState::Failed(err));
                }
            };
            let early = early.and_then(|e| e.is_for(&url));
            let abort = match &early {
                Some(early) => Some(early.abort.clone()),
                None => AbortController::new().ok(),
            };
            rc.borrow_mut().abort = abort.clone();
            set_state(rc, LoadState::Loading);
            let weak = Rc::downgrade(rc);
            wasm_bindgen_futures::spawn_local(async move {
                let result = match &abort {
                    Some(abort) => load::fetch_json(&url, abort, timeout_ms, early).await,
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
        // destroy() may have run meanwhile (from a host listener); then set the app aside here.
        if inner.destroyed {
            let container = inner.container.clone();
            drop(inner);
            set_aside(container, app);
        } else {
            inner.app = Some(app);
        }
    }
}

/// Starts the Yew app over pre-rendered markup once there is something other than "loading" to
/// show: hydrates it when it was drawn from this very report and these options (same
/// fingerprint) and reached the page with its shape intact (see [`markup_intact`]), else clears
/// it and renders afresh (an error message, a report that has changed since the markup was
/// made, or markup a sanitiser changed). While loading, the static copy stays as it is, where
/// the page put it.
fn start_app(rc: &Rc<RefCell<Inner>>) {
    let (container, props, hydrate, host) = {
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
///
/// With deep links the history entry is made after the frame that shows the selection, not in
/// the input's task (issue 12): `history.pushState` took about 8 ms of a selection's 33 ms of
/// script, all of it before the reader saw anything. The `select` event goes with the entry, just
/// after it, so a listener still finds `location.hash` naming the area it is told of (as it did
/// when both were in the input's task), and its own work is off the frame's path too. Without
/// deep links nothing waits: `select` fires in the input's task, after the render.
fn on_select(weak: Weak<RefCell<Inner>>) -> Callback<String> {
    Callback::from(move |area: String| {
        let Some(rc) = weak.upgrade() else { return };
        let (host, deep_link) = {
            let mut inner = rc.borrow_mut();
            inner.selected = Some(area.clone());
            (inner.host.clone(), inner.config.options.deep_link)
        };
        // The app's `area` prop follows the selection, so that a later change back to the
        // previous `area` (a link to `#3A`, Back) is a change the app sees.
        render(&rc);
        if deep_link {
            let ask = {
                let mut inner = rc.borrow_mut();
                if inner.destroyed {
                    return;
                }
                // The first selection since the last frame asks for one; later ones share it.
                let ask = inner.pending.iter().all(|p| p.framed);
                inner.pending.push(Pending { area, push: true, framed: false });
                ask
            };
            if ask {
                after_next_frame(&rc);
            }
        } else {
            events::select(&host, &area);
        }
    })
}

/// Flushes the queued selections once the next frame has been produced: a frame callback
/// (which runs just before that frame's style, layout and paint) posts a background-priority
/// task (`scheduler.postTask`, else a zero timeout), which runs after the frame and after any
/// more urgent work. A tab hidden between the click and its frame runs the callback when it is
/// shown again, so the entry and the event wait until then. Without frame callbacks, nothing
/// waits.
fn after_next_frame(rc: &Rc<RefCell<Inner>>) {
    let weak = Rc::downgrade(rc);
    let on_frame = Closure::once_into_js(move || {
        let Some(rc) = weak.upgrade() else { return };
        // Only what was queued before this frame: a selection made after it (a click
        // between the frame and the task) waits for its own frame.
        for p in &mut rc.borrow_mut().pending {
            p.framed = true;
        }
        let weak = Rc::downgrade(&rc);
        background_task(move || {
            if let Some(rc) = weak.upgrade() {
                flush_pending(&rc, false);
            }
        });
    });
    let asked = web_sys::window().is_some_and(|w| w.request_animation_frame(on_frame.unchecked_ref()).is_ok());
    if !asked {
        flush_pending(rc, true);
    }
}

/// Runs `f` in a task of background priority where the browser has `scheduler.postTask`, else
/// in a zero timeout.
fn background_task(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else { return f() };
    let f = Rc::new(RefCell::new(Some(f)));
    let run = {
        let f = f.clone();
        Closure::once_into_js(move || {
            if let Some(f) = f.borrow_mut().take() {
                f();
            }
        })
    };
    let posted = js_sys::Reflect::get(&window, &JsValue::from_str("scheduler"))
        .ok()
        .filter(|s| s.is_object())
        .and_then(|scheduler| {
            let post = js_sys::Reflect::get(&scheduler, &JsValue::from_str("postTask")).ok()?;
            let post = post.dyn_into::<js_sys::Function>().ok()?;
            let options = js_sys::Object::new();
            js_sys::Reflect::set(&options, &JsValue::from_str("priority"), &JsValue::from_str("background")).ok()?;
            post.call2(&scheduler, &run, &options).ok()
        })
        .is_some();
    if !posted && window.set_timeout_with_callback_and_timeout_and_arguments_0(run.unchecked_ref(), 0).is_err() {
        if let Some(f) = f.borrow_mut().take() {
            f();
        }
    }
}

/// Makes the queued selections' history entries and fires their `select` events, in the order
/// they were made: those whose frame has started, or all of them (`all`: no frame will come).
fn flush_pending(rc: &Rc<RefCell<Inner>>, all: bool) {
    loop {
        let (p, host, deep_link) = {
            let mut inner = rc.borrow_mut();
            if inner.destroyed || inner.pending.first().is_none_or(|p| !(all || p.framed)) {
                return;
            }
            (inner.pending.remove(0), inner.host.clone(), inner.config.options.deep_link)
        };
        // One history entry per selection, as following a link to `#3A` would make, so Back
        // walks back through the areas read (popstate then selects each again). None when the
        // hash already names the area (clicking the area a link opened). pushState rather than
        // a hash assignment: no scroll jump to an element that happens to have that id.
        if deep_link && p.push && !config::hash_area().is_some_and(|h| h.eq_ignore_ascii_case(&p.area)) {
            if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
                let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&format!("#{}", p.area)));
            }
        }
        // A listener may destroy the widget or select again: the loop reads the state anew.
        events::select(&host, &p.area);
    }
}

/// Adds or removes the `window` listener that makes a changed `#3A` (a link, Back, Forward)
/// select that area, so it matches `deepLink` as it is now.
fn follow_hash_changes(rc: &Rc<RefCell<Inner>>) {
    let mut inner = rc.borrow_mut();
    match (inner.config.options.deep_link && !inner.destroyed, inner.on_hash.is_some()) {
        (true, false) => {
            let weak = Rc::downgrade(rc);
            let listener = Closure::<dyn FnMut()>::new(move || {
                if let Some(rc) = weak.upgrade() {
                    on_hash(&rc);
                }
            });
            if let Some(window) = web_sys::window() {
                for event in HASH_EVENTS {
                    let _ = window.add_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
                }
            }
            inner.on_hash = Some(listener);
        }
        (false, true) => {
            if let Some(listener) = inner.on_hash.take() {
                unlisten_hash(&listener);
            }
        }
        _ => {}
    }
}

/// A fragment link fires `hashchange`; Back and Forward between entries made by `pushState`
/// fire `popstate` (and `hashchange` too when the hash differs). Both, so every path is
/// covered; the second call finds the area already selected and does nothing.
const HASH_EVENTS: [&str; 2] = ["hashchange", "popstate"];

fn unlisten_hash(listener: &Closure<dyn FnMut()>) {
    if let Some(window) = web_sys::window() {
        for event in HASH_EVENTS {
            let _ = window.remove_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
        }
    }
}

/// The hash names an area other than the one shown: select it. Other hashes (a skip link's
/// `#main`, none at all) leave the selection as it is.
fn on_hash(rc: &Rc<RefCell<Inner>>) {
    // The reader went somewhere (a link, Back) before a queued selection's entry was made: the
    // hash is now theirs, and an entry pushed after it would name another area than the one
    // shown. Those selections still fire `select`, with no entry.
    for p in &mut rc.borrow_mut().pending {
        p.push = false;
    }
    let Some(area) = config::hash_area() else { return };
    {
        let mut inner = rc.borrow_mut();
        let shown = inner.selected.as_ref().or(inner.config.options.area.as_ref());
        if inner.destroyed || shown.is_some_and(|s| s.eq_ignore_ascii_case(&area)) {
            return;
        }
        inner.selected = Some(area);
    }
    render(rc);
}

/// The "Try again" button. Deferred to a microtask so the reload does not start inside Yew's
/// own event dispatch.
fn on_retry(weak: Weak<RefCell<Inner>>) -> Callback<()> {
    Callback::from(move |()| {
        let weak = weak.clone();
        wasm_bindgen_futures::spawn_local(async move {
            if let Some(rc) = weak.upgrade() {
                start_load(&rc, None);
            }
        });
    })
}
