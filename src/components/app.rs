//! The top-level component: loading, error or the report itself, inside the widget's root
//! element (view name, and the size container the stylesheet queries; the language is the
//! container's, around it).

use std::rc::Rc;

use yew::prelude::*;

use crate::dom::focus;
use super::error_box::error_box;
use super::heading::Level;
use super::loading::loading;
use super::report_view::ReportView;
use crate::i18n::{fill, Lang};
use crate::model::Report;

/// What the widget is showing. Modelled as one enum, not booleans.
#[derive(Clone)]
pub enum LoadState {
    /// Waiting for `src` to arrive (or for the element to come near the viewport).
    Loading,
    /// A valid report.
    Ready(Rc<Report>),
    /// Loading failed; `problems` lists every problem found, each with its place.
    Failed(LoadError),
}

/// The report by identity, not contents (issue 12): `Rc<Report>`'s own `==` compares the whole
/// report, every findings string included, and Yew compares the app's props on every update
/// (each selection, each hash change), so that walked all the report's text each time. One
/// report is decoded per load, so the same report is always the same `Rc`.
impl PartialEq for LoadState {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (LoadState::Loading, LoadState::Loading) => true,
            (LoadState::Ready(a), LoadState::Ready(b)) => Rc::ptr_eq(a, b),
            (LoadState::Failed(a), LoadState::Failed(b)) => a == b,
            _ => false,
        }
    }
}

/// Why loading failed, shown inside the widget and sent as the `error` event's detail.
#[derive(Clone, PartialEq, Debug)]
pub struct LoadError {
    /// "fetch", "timeout", "json", "schema", "size", "panic", … (the event's `detail.type`).
    pub kind: String,
    /// One sentence for the whole failure, e.g. "the report could not be fetched (HTTP 404)".
    pub message: String,
    /// Every individual problem as (path, message); empty when there is only the one message.
    pub problems: Vec<(String, String)>,
    /// Whether a retry button makes sense (network faults yes, a bad file no).
    pub retryable: bool,
}

/// Which variant of the widget to draw (`view` attribute).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub enum View {
    #[default]
    Full,
    Summary,
    Area,
    Badge,
}

impl View {
    /// Every view, in the order the docs list them.
    pub const ALL: [View; 4] = [View::Full, View::Summary, View::Area, View::Badge];

    /// The word for this view: the `view` attribute's value, `--view` on the command line, and
    /// the root element's `data-view`. The one place views and words are paired.
    pub fn as_str(self) -> &'static str {
        match self {
            View::Full => "full",
            View::Summary => "summary",
            View::Area => "area",
            View::Badge => "badge",
        }
    }

    /// The view a word names, in any letter case and with spaces around it; None if none does.
    pub fn from_word(word: &str) -> Option<View> {
        let word = word.trim();
        View::ALL.into_iter().find(|v| v.as_str().eq_ignore_ascii_case(word))
    }
}

/// Host-controlled options (from attributes or the JS API).
#[derive(Clone, PartialEq, Debug, Default)]
pub struct Options {
    pub view: View,
    /// For `View::Area`, or the initially selected area.
    pub area: Option<String>,
    /// The language of the widget's own words.
    pub lang: Lang,
    /// Whether selecting an area updates `location.hash` (and `#3A` selects on load).
    pub deep_link: bool,
    /// For `View::Badge`: where its "full report" link goes (`href` attribute); no link if None.
    pub link: Option<String>,
    /// The level of the widget's top heading (`heading-level`, 2–6); 0 or out of range is 2.
    pub heading_level: u8,
    /// Where each area's name links in the summary view, `{id}` replaced by the area id
    /// (`area-href`); without it the names are plain text there.
    pub area_href: Option<String>,
    /// A page the reader can go to when the report cannot be shown (`fallback-href`): every
    /// error then ends with a "Read the report" link to it.
    pub fallback_href: Option<String>,
}

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
    /// keyed by it, so an app handed on to another widget (src/embed/widget.rs keeps the apps
    /// of destroyed widgets for reuse) starts from fresh state: no filters or selection carried
    /// over.
    #[prop_or_default]
    pub instance: u32,
}

#[cfg(test)]
mod tests {
    use super::View;

    #[test]
    fn view_words_round_trip() {
        for view in View::ALL {
            assert_eq!(View::from_word(view.as_str()), Some(view));
            assert_eq!(View::from_word(&format!(" {} ", view.as_str().to_uppercase())), Some(view));
        }
        for word in ["", "ful", "summary view", "areas"] {
            assert_eq!(View::from_word(word), None, "{word:?}");
        }
    }
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
            <ReportView report={report.clone()} options={props.options.clone()} lang={lang} level={level} onselect={props.onselect.clone()} link={props.options.link.clone().map(AttrValue::from)} heading={target.clone()} />
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
