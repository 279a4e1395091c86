//! A glimpse: over a copy the widget holds (`Inner::held`: the report is read, Yew has not
//! hydrated the copy), the reader's tap on an area shows that area's findings at once, drawn
//! on their own by a small Yew app of [`AreaDetail`] alone, in place of the copy's findings
//! panel. Hydrating the whole copy first is one long task (about 250 ms at Lighthouse's mobile
//! CPU), and a tap on a phone comes with no approach before it (Blink holds timers back while a
//! touch may still become a scroll), so the tap's result would come only after it (issue 27).
//!
//! The glimpse is the very markup the app draws for that selection, so nothing moves when the
//! app takes over. It cannot be hydrated, though: a browser render has none of the comment
//! markers Yew's hydration needs. So once a glimpse has been shown, the app draws the widget
//! afresh when it takes over (`hydrate::start_app`), in one task, with the same picture.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;
use yew::{AppHandle, Renderer};

use super::deep_link;
use super::widget::{Inner, Life};
use crate::components::slices::after_frame;
use crate::components::AreaDetail;
use crate::load_state::LoadState;
use crate::options::{Level, View};
use crate::view_model::PreparedReport;

/// Where the glimpse goes: the element in the copy's place for the findings, the copy's own
/// panel until the first glimpse replaces it.
#[derive(Clone)]
struct Slot(Rc<RefCell<Element>>);

impl PartialEq for Slot {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Properties, PartialEq, Clone)]
struct GlimpseProps {
    data: Rc<PreparedReport>,
    index: usize,
    level: Level,
    /// Yew's root for the glimpse, outside the page: the findings drawn there go to `slot`.
    root: Element,
    slot: Slot,
    /// The reader chose the area (a click): the findings go into the copy once drawn. False
    /// while they are only drawn ahead (a finger or button down on the area).
    show: bool,
    /// The findings text is drawn: a frame after the glimpse is in the copy, as the app draws
    /// it after a reader's choice (`AreaDetailProps::text`).
    text: bool,
}

/// The findings as the app draws them for a selection in the full view (`report_view.rs`). The
/// chart's download and "Back to … in the table" are drawn too, hidden, as in the rest of the
/// copy, by its sheet (`no-script.css`) until the app takes the copy over: they need the app.
#[function_component(GlimpseView)]
fn glimpse_view(props: &GlimpseProps) -> Html {
    {
        // When Yew's scheduler was already running (a yielded run), the findings are drawn
        // after the task `show` queued: they go into the copy here instead.
        let (root, slot) = (props.root.clone(), props.slot.clone());
        use_effect_with(props.show, move |show| {
            if *show {
                place(&root, &slot);
            }
        });
    }
    html! {
        <AreaDetail data={props.data.clone()} index={Some(props.index)} chart_testid={AttrValue::Static("detail-chart")}
            level={props.level} text={props.text} onback={Some(Callback::noop())} />
    }
}

/// Puts the findings Yew drew in `root` in the copy, in place of `slot`'s element, and moves
/// focus to their heading, as the app does after a reader's selection (which scrolls them into
/// view). Once: nothing is left in `root` after.
fn place(root: &Element, slot: &Slot) {
    let Some(drawn) = root.first_element_child() else { return };
    if slot.0.borrow().replace_with_with_node_1(&drawn).is_err() {
        return;
    }
    let heading = drawn.query_selector("[tabindex=\"-1\"]").ok().flatten();
    *slot.0.borrow_mut() = drawn;
    if let Some(heading) = heading.and_then(|h| h.dyn_into::<HtmlElement>().ok()) {
        let _ = heading.focus();
    }
}

/// One area's findings drawn by a glimpse app.
struct Drawn {
    app: AppHandle<GlimpseView>,
    props: GlimpseProps,
}

/// A widget's glimpses, while the copy is held.
#[derive(Default)]
pub(super) struct Glimpse {
    data: Option<Rc<PreparedReport>>,
    /// The element in the copy where the findings go: its own panel, then the last glimpse's.
    slot: Option<Slot>,
    /// The findings in the copy now.
    shown: Option<Drawn>,
    /// Findings drawn ahead, not in the copy.
    ahead: Option<Drawn>,
}

impl Glimpse {
    /// Ends the glimpse apps; the findings in the copy stay until the app draws afresh.
    pub(super) fn end(self) {
        for drawn in [self.shown, self.ahead].into_iter().flatten() {
            drawn.app.destroy();
        }
    }

    /// Whether a glimpse is in the copy.
    pub(super) fn shown(&self) -> bool {
        self.shown.is_some()
    }
}

/// Draws area `area`'s findings for a glimpse (`show`: and puts them in the copy), over a held
/// copy of the full view. The area's id as the report writes it, or None when there is no such
/// copy or area, or no findings panel in the copy.
fn draw(inner: &mut Inner, area: &str, show: bool) -> Option<String> {
    if !inner.held || !matches!(inner.life, Life::Static { .. }) || inner.config.options.view != View::Full {
        return None;
    }
    let LoadState::Ready(report) = &inner.state else { return None };
    let g = &mut inner.glimpse;
    let data = g.data.get_or_insert_with(|| Rc::new(PreparedReport::new(report.clone(), inner.config.options.lang))).clone();
    let index = data.find(area)?;
    let slot = match &g.slot {
        Some(slot) => slot.clone(),
        None => {
            let panel = inner.container.query_selector("[data-testid=\"area-detail\"]").ok().flatten()?;
            g.slot.insert(Slot(Rc::new(RefCell::new(panel)))).clone()
        }
    };
    let id = data.area(index).id.clone();
    // Drawn ahead for this very area: into the copy now, in the click's own task. Drawn ahead
    // for another: not needed.
    let ahead = match g.ahead.take() {
        Some(drawn) if drawn.props.index == index => Some(drawn),
        Some(other) => {
            other.app.destroy();
            None
        }
        None => None,
    };
    let drawn = match ahead {
        Some(mut drawn) if show => {
            place(&drawn.props.root, &slot);
            // Not drawn yet (Yew's scheduler was busy): its effect puts it in once it is.
            drawn.props.show = true;
            drawn.app.update(drawn.props.clone());
            drawn
        }
        Some(drawn) => drawn,
        None => {
            let root = inner.container.owner_document().and_then(|d| d.create_element("div").ok())?;
            let props = GlimpseProps { data, index, level: Level::new(inner.config.options.heading_level), root: root.clone(), slot: slot.clone(), show, text: false };
            // Yew draws in a microtask, after this returns: nothing renders under the borrow.
            // It may then yield to the browser (after 16 ms, which a slow phone takes) before
            // the effects run: the findings go into the copy in the task queued after Yew's, so
            // that the click's own frame shows them.
            let app = Renderer::<GlimpseView>::with_root_and_props(root.clone(), props.clone()).render();
            if show {
                wasm_bindgen_futures::spawn_local(async move { place(&root, &slot) });
            }
            Drawn { app, props }
        }
    };
    if show {
        if let Some(old) = g.shown.replace(drawn) {
            old.app.destroy();
        }
    } else {
        g.ahead = Some(drawn);
    }
    Some(id)
}

/// Draws area `area`'s findings ahead, out of the page: a finger (or a button) is down on its
/// row or card of a held copy, and the click that may follow then only puts them in.
pub(super) fn ahead(rc: &Rc<RefCell<Inner>>, area: &str) {
    let _ = draw(&mut rc.borrow_mut(), area, false);
}

/// Shows area `area`'s findings over a held copy of the full view, and tells the host as a
/// selection by the reader does (`select`; with deep links, after the frame, with its history
/// entry). False when there is no held copy of the full view with that area, or no findings
/// panel in it: the loader then has the app do the click once it has taken the copy over.
pub(super) fn show(rc: &Rc<RefCell<Inner>>, area: &str) -> bool {
    let Some(id) = draw(&mut rc.borrow_mut(), area, true) else { return false };
    let weak = Rc::downgrade(rc);
    after_frame(Box::new(move || {
        let Some(rc) = weak.upgrade() else { return };
        // The glimpse in the copy then (another tap may have come first: it gets it sooner).
        let mut inner = rc.borrow_mut();
        if let Some(drawn) = &mut inner.glimpse.shown {
            drawn.props.text = true;
            drawn.app.update(drawn.props.clone());
        }
    }));
    deep_link::chose(rc, id, false);
    true
}
