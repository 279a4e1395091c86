//! One mounted widget: its container in the shadow root, where it is in its life ([`Life`]),
//! the current source and options, and what the reader selected. [`Widget`] is the handle JS
//! holds (`update`, `retry`, `destroy`). Its loads are in `loading.rs`, the choice between
//! adopting pre-rendered markup and drawing afresh in `hydrate.rs`, deep links in
//! `deep_link.rs`, and the apps of destroyed widgets in `pool.rs`.
//!
//! Borrow discipline: the `RefCell` is never held while Yew renders or while an event is
//! dispatched, so callbacks and host listeners may call back into the widget freely.
//! `AppHandle::update` is called with it held: in the browser it only queues the render (Yew
//! 0.23 runs its scheduler in a microtask, `scheduler.rs`, `arch::start`).
//!
//! Only the handle holds the widget strongly; callbacks, listeners and loads hold it weakly.
//! So once `destroy()` has returned the widget is gone and nothing of it runs again. Until then
//! it can be destroyed in the middle of its own work only by a host listener of something it
//! did (an event it fired, focus it moved): the code after such a step looks at [`Life`] again.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement};
use yew::{AppHandle, Callback, Renderer};

use super::config::{self, Config};
use super::deep_link::{self, DeepLink};
use super::{glimpse, hydrate, load, loading, panic, pool, shadow, shared};
use crate::components::{slices, App, AppProps};
use crate::load_state::LoadState;

thread_local! {
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
}

/// A mounted widget, as returned to JS by `mount`.
#[wasm_bindgen]
pub struct Widget {
    inner: Rc<RefCell<Inner>>,
}

pub(super) struct Inner {
    pub(super) id: u32,
    pub(super) host: HtmlElement,
    pub(super) container: Element,
    pub(super) life: Life,
    pub(super) state: LoadState,
    pub(super) config: Config,
    /// Bumped by every new load: a load that finishes under an older generation is stale and
    /// dropped.
    pub(super) generation: u32,
    /// Its place in the shared load of its `src` while it waits: dropped, it leaves it.
    pub(super) load: Option<shared::Ticket>,
    onselect: Callback<String>,
    onretry: Callback<()>,
    /// The area the reader (or a followed `#3A` link) selected last; wins over the host's
    /// `area` until the host passes a different one. Keeps a later link or Back to an area that
    /// was the host's `area` working: that is a change from what is on screen.
    pub(super) selected: Option<String>,
    /// With `deepLink`: the hash listener and the selections waiting for their history entry.
    pub(super) deep_link: DeepLink,
    /// A report is being drawn in slices (`crate::components::slices`): `load` waits for the
    /// last one.
    pub(super) load_pending: bool,
    /// Over a pre-rendered copy: the copy stays as it is while it shows what is to be shown,
    /// until [`Widget::wake`] (the reader's first approach) or a change to show.
    pub(super) held: bool,
    /// Over a held copy: the findings of the area the reader tapped, drawn on their own
    /// ([`Widget::glimpse`]).
    pub(super) glimpse: glimpse::Glimpse,
}

/// Where a widget is in its life. One value, not flags, so that no impossible mix (an app over
/// a static copy, a destroyed widget that still renders) can even be written.
pub(super) enum Life {
    /// Pre-rendered markup (`grade-widget render`) fills the container, and there is no Yew app
    /// yet: the static copy stays on screen, where the page put it, instead of a "loading"
    /// note, until the first report or failure decides between adopting it and drawing afresh
    /// (`hydrate.rs`). Holds the fingerprint stamped on it.
    Static { fingerprint: String },
    /// The Yew app runs in the container.
    Live(AppHandle<App>),
    /// `destroy()` has run: the app went back to the pool, and nothing more is drawn or fired.
    Destroyed,
}

impl Widget {
    pub(super) fn mount(host: HtmlElement, config: &JsValue, prefetched: &JsValue, hold: bool) -> Result<Widget, JsValue> {
        let spare = pool::take();
        let prepared = shadow::prepare(&host, spare.as_ref().map(|(container, _)| container));
        let (shadow::MountPoint { container, prerendered }, spare_app) = match (prepared, spare) {
            (Ok(prepared), Some((_, app))) if prepared.prerendered.is_none() => (prepared, Some(app)),
            (prepared, spare) => {
                // Not used (an error, or pre-rendered markup to adopt): keep it for later.
                if let Some((container, app)) = spare {
                    pool::put(container, app);
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
            let onselect = deep_link::on_select(weak.clone());
            let onretry = loading::on_retry(weak.clone());
            let life = match prerendered {
                // Hydration adopts the whole copy in one run: no slices.
                Some(fingerprint) => Life::Static { fingerprint },
                None => {
                    slices::watch(id, loading::on_drawn(weak.clone()));
                    // What `Inner::props` gives for a widget just mounted: nothing selected yet.
                    let props = AppProps {
                        state: LoadState::Loading,
                        options: config.options.clone(),
                        onselect: onselect.clone(),
                        onretry: onretry.clone(),
                        instance: id,
                    };
                    Life::Live(match spare_app {
                        Some(mut app) => {
                            app.update(props);
                            app
                        }
                        None => Renderer::<App>::with_root_and_props(container.clone(), props).render(),
                    })
                }
            };
            RefCell::new(Inner {
                id,
                host: host.clone(),
                container: container.clone(),
                life,
                state: LoadState::Loading,
                config,
                generation: 0,
                load: None,
                onselect,
                onretry,
                selected: None,
                deep_link: DeepLink::default(),
                load_pending: false,
                held: hold,
                glimpse: glimpse::Glimpse::default(),
            })
        });
        panic::register(id, &host, &container);
        deep_link::follow_hash_changes(&inner);
        loading::start_load(&inner, load::Prefetched::read(prefetched));
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
        deep_link::follow_hash_changes(&self.inner);
        if reload {
            loading::start_load(&self.inner, None);
        } else {
            render(&self.inner);
        }
    }

    /// The reader is about to use the widget: a pre-rendered copy held as it is (`mount`'s
    /// `hold`) is adopted now, or as soon as its report is read.
    pub fn wake(&self) {
        let held = {
            let mut inner = self.inner.borrow_mut();
            std::mem::take(&mut inner.held) && matches!(inner.life, Life::Static { .. })
        };
        if held {
            render(&self.inner);
        }
    }

    /// The reader chose area `area` on a held copy (a tap on its row or card): its findings are
    /// shown at once, in place of the copy's, without taking the copy over (`glimpse.rs`). False
    /// when that cannot be done (no held copy of the full view, no such area): the loader then
    /// has the app do the click once it has taken the copy over.
    pub fn glimpse(&self, area: &str) -> bool {
        glimpse::show(&self.inner, area)
    }

    /// A finger (or a button) is down on area `area`'s row or card of a held copy: its findings
    /// are drawn ahead, out of the page, so that a glimpse of them on the click only puts them
    /// in (`glimpse.rs`).
    pub fn ahead(&self, area: &str) {
        glimpse::ahead(&self.inner, area);
    }

    /// Loads the same source again (what the "Try again" button does).
    pub fn retry(&self) {
        loading::start_load(&self.inner, None);
    }

    /// Stops any load, stops following the hash, removes the widget's content from the shadow
    /// root and puts its Yew app in the pool for the next mount. The handle is consumed: JS
    /// cannot use it afterwards.
    pub fn destroy(self) {
        let (life, container, id, glimpse) = {
            let mut inner = self.inner.borrow_mut();
            inner.load = None;
            inner.deep_link.stop();
            (std::mem::replace(&mut inner.life, Life::Destroyed), inner.container.clone(), inner.id, std::mem::take(&mut inner.glimpse))
        };
        glimpse.end();
        container.remove();
        shadow::release_slot(&self.inner.borrow().host);
        if let Life::Live(app) = life {
            pool::set_aside(container, app);
        }
        panic::unregister(id);
        slices::unwatch(id);
    }
}

impl Inner {
    /// The app's props for what the widget shows now: the host's options with the reader's
    /// selection.
    pub(super) fn props(&self) -> AppProps {
        let mut options = self.config.options.clone();
        if self.selected.is_some() {
            options.area.clone_from(&self.selected);
        }
        // A `#fragment` read at mount that names no area of the report: the host's own `area`.
        if let LoadState::Ready(report) = &self.state {
            if options.area.as_deref().is_some_and(|a| report.area(a).is_none()) {
                options.area.clone_from(&self.config.host_area);
            }
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

/// Gives the Yew app the current props; over a static copy, lets `hydrate.rs` decide what to do
/// with the copy.
pub(super) fn render(rc: &Rc<RefCell<Inner>>) {
    let mut inner = rc.borrow_mut();
    if let Life::Static { .. } = inner.life {
        drop(inner);
        return hydrate::start_app(rc);
    }
    let props = inner.props();
    if let Life::Live(app) = &mut inner.life {
        app.update(props);
    }
}

/// The app made over the static copy takes over; when the widget was destroyed meanwhile (a
/// host listener of the focus that moved with the copy), it goes to the pool instead.
pub(super) fn go_live(rc: &Rc<RefCell<Inner>>, app: AppHandle<App>) {
    let mut inner = rc.borrow_mut();
    if let Life::Destroyed = inner.life {
        let container = inner.container.clone();
        drop(inner);
        pool::set_aside(container, app);
    } else {
        inner.life = Life::Live(app);
    }
}
