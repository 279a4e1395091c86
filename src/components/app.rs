//! The top-level component: loading, error or the report itself, inside the widget's root
//! element (view name, and the size container the stylesheet queries; the language is the
//! container's, around it).

use yew::prelude::*;

use crate::dom::focus;
use super::error_box::error_box;
use super::loading::loading;
use super::report_view::ReportView;
use crate::i18n::{fill, Lang};
use crate::load_state::LoadState;
use crate::model::Report;
use crate::options::{Level, Options, View};

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub state: LoadState,
    #[prop_or_default]
    pub options: Options,
    /// Called with the area id when the reader selects an area (embed fires `select`).
    #[prop_or_default]
    pub onselect: Callback<String>,
    /// Called when the reader presses "Try again" after a retryable failure.
    #[prop_or_default]
    pub onretry: Callback<()>,
    /// Which mounted widget these props are for (0 outside the browser). The root element is
    /// keyed by it, so an app handed on to another widget (src/embed/pool.rs keeps the apps
    /// of destroyed widgets for reuse) starts from fresh state: no filters or selection carried
    /// over.
    #[prop_or_default]
    pub instance: u32,
}

/// The widget's landmark name: the force, and the view (and for one area, which), so that a
/// badge beside the full report, or two areas of one force, are told apart (axe's
/// `landmark-unique`). Two copies of the same view of one report say the same, as they should.
fn region_name(lang: Lang, options: &Options, report: &Report) -> String {
    let s = lang.strings();
    let force = report.force.as_str();
    match options.view {
        View::Full => fill(&s.widget_label, [force]),
        View::Summary => fill(&s.widget_label_summary, [force]),
        View::Badge => fill(&s.widget_label_badge, [force]),
        // The area shown: the one asked for, else the first (see report_view.rs).
        View::Area => {
            let id = match options.area.as_deref() {
                Some(id) => id.to_ascii_uppercase(),
                None => report.areas().next().map(|a| a.id.clone()).unwrap_or_default(),
            };
            fill(&s.widget_label_area, [force, &id])
        }
    }
}

/// Which kind of state is shown: the key of the effect that moves focus after "Try again".
fn kind(state: &LoadState) -> u8 {
    match state {
        LoadState::Loading => 0,
        LoadState::Ready(_) => 1,
        LoadState::Failed(_) => 2,
    }
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let lang = props.options.lang;
    let level = Level::new(props.options.heading_level);
    let view = props.options.view.as_str();
    // "Try again" disappears once pressed: focus goes to what replaces it (the loading note,
    // then the report's heading or the new error's title) instead of falling to <body>.
    let target = use_node_ref();
    let retried = use_mut_ref(|| false);
    let onretry = {
        let retried = retried.clone();
        props.onretry.reform(move |()| {
            *retried.borrow_mut() = true;
        })
    };
    {
        let (target, retried) = (target.clone(), retried.clone());
        use_effect_with(kind(&props.state), move |kind| {
            if *retried.borrow() {
                focus(&target);
                // Keep waiting while loading; the report or the error ends the wait.
                *retried.borrow_mut() = *kind == 0;
            }
        });
    }
    let body = match &props.state {
        LoadState::Loading => loading(lang, &target),
        LoadState::Ready(report) => html! {
            <ReportView report={report.clone()} options={props.options.clone()} lang={lang} level={level} onselect={props.onselect.clone()} link={props.options.link.clone().map(AttrValue::from)} heading={target.clone()} instance={props.instance} />
        },
        LoadState::Failed(e) => error_box(e, lang, level, props.options.fallback_href.as_deref(), &onretry, &target),
    };
    // A named region only once there is a report: its name says whose grades these are, and
    // which of them, so several widgets on one page are distinct landmarks.
    let label = match &props.state {
        LoadState::Ready(r) => Some(region_name(lang, &props.options, r)),
        _ => None,
    };
    let role = label.is_some().then_some("region");
    // The badge's frame is styled by `data-view`, not a modifier class (see `grade_key` in
    // symbols.rs). No `lang` here: the container around the root carries it (set at mount, and
    // written by `render`), and everything inherits it. On the root, Yew's hydration would set it
    // again, and setting `lang`, even to the value it has, restyles everything under it (6.7 ms
    // for the whole report on the demo page).
    html! {
        <div key={props.instance} class="gw" part="root" data-view={view} data-testid="widget"
            role={role} aria-label={label}>
            { body }
        </div>
    }
}
