//! A loaded report, drawn as the variant the host asked for. Owns the interactive state
//! (`crate::state`) and the data derived from the report (built once per report and language).

use std::rc::Rc;

use yew::prelude::*;

use super::area_detail::AreaDetail;
use super::area_row::Names;
use super::badge::badge;
use super::filters::FilterBar;
use super::glance::glance;
use super::header::header;
use crate::view_model::PreparedReport;
use super::profile::grade_profile;
use super::slices;
use super::summary_table::{summary_table, TableSetup};
use crate::options::{Level, Options, View};
use crate::i18n::Lang;
use crate::model::Report;
use crate::dom::focus;
use crate::state::{Action, Arranged, State};

#[derive(Properties)]
pub struct ReportViewProps {
    pub report: Rc<Report>,
    pub options: Options,
    pub lang: Lang,
    #[prop_or_default]
    pub onselect: Callback<String>,
    /// The badge's link to the full report.
    #[prop_or_default]
    pub link: Option<AttrValue>,
    /// The widget's top heading level.
    #[prop_or_default]
    pub level: Level,
    /// The top heading: it takes focus after "Try again" (see app.rs).
    #[prop_or_default]
    pub heading: NodeRef,
    /// The app's instance: whether it draws in slices (`super::slices`).
    #[prop_or_default]
    pub instance: u32,
}

/// The report by identity (see `LoadState`'s `PartialEq`): a derived `==` would compare every
/// string of the report on each re-render of the app.
impl PartialEq for ReportViewProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.report, &other.report)
            && self.options == other.options
            && self.lang == other.lang
            && self.onselect == other.onselect
            && self.link == other.link
            && self.level == other.level
            && self.heading == other.heading
            && self.instance == other.instance
    }
}

/// Memo key comparing the report by identity: comparing contents would walk every string.
struct ReportKey(Rc<Report>, Lang);

impl PartialEq for ReportKey {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0) && self.1 == other.1
    }
}

#[function_component(ReportView)]
pub fn report_view(props: &ReportViewProps) -> Html {
    let data = use_memo(ReportKey(props.report.clone(), props.lang), |k| PreparedReport::new(k.0.clone(), k.1));
    let initial = props.options.area.as_deref().and_then(|id| data.find(id)).map(|i| data.area(i).id.clone());
    let state = use_reducer(move || State::with_selected(initial));

    // The host may change the area later (a new `area` attribute, a hash change).
    {
        let dispatcher = state.dispatcher();
        let data = data.clone();
        use_effect_with(props.options.area.clone(), move |area| {
            if let Some(i) = area.as_deref().and_then(|id| data.find(id)) {
                dispatcher.dispatch(Action::Select { id: data.area(i).id.clone(), by_user: false });
            }
        });
    }
    let dispatch = {
        let dispatcher = state.dispatcher();
        use_callback((), move |a: Action, _| dispatcher.dispatch(a))
    };
    // A reader's selection: update the state, then tell the host (the `select` event).
    let onselect = {
        let dispatcher = state.dispatcher();
        use_callback((data.clone(), props.onselect.clone()), move |i: usize, (data, onselect)| {
            let id = data.area(i).id.clone();
            dispatcher.dispatch(Action::Select { id: id.clone(), by_user: true });
            onselect.emit(id);
            // The findings text a frame later (`State::text_later`).
            let dispatcher = dispatcher.clone();
            slices::after_frame(Box::new(move || dispatcher.dispatch(Action::ShowText)));
        })
    };
    let arranged = use_memo((data.clone(), state.filters.clone(), state.sort), |(d, f, s)| Arranged::new(&d.report, f, *s));
    let selected = state.selected.as_deref().and_then(|id| data.find(id));
    let level = props.level;

    // Drawing in slices (a fresh full view in the browser): the header, profile and filters
    // first, in the task that read the report, then the table's rows and the cards at a
    // glance, `slices::STEP` per task, in the order they are on the page. `pieces` counts the
    // table's rows (group headings included), then the cards.
    let drawn = slices::watcher(props.instance);
    let rows = arranged.groups.len() + data.areas.len();
    let total = rows + data.areas.len();
    let pieces = {
        let sliced = drawn.is_some() && props.options.view == View::Full;
        use_state(move || if sliced { 0 } else { usize::MAX })
    };
    {
        let next = pieces.clone();
        use_effect_with((*pieces, ReportKey(props.report.clone(), props.lang)), move |(shown, _)| {
            if *shown < total {
                let shown = *shown;
                slices::later(move || next.set(shown + slices::STEP));
            } else if let Some(drawn) = drawn {
                // Once per report: the widget fires `load` now that all of it is drawn.
                drawn.emit(());
            }
        });
    }

    // "Show all areas" disappears once pressed: focus goes to the table it brought back.
    let summary_heading = use_node_ref();
    {
        let summary_heading = summary_heading.clone();
        use_effect_with(state.reset_focus, move |req| {
            if *req > 0 {
                focus(&summary_heading);
            }
        });
    }
    // "Back to 3A in the table": to the row's button when the filters show it, else the table.
    let row_shown = selected.is_some_and(|i| arranged.visible[i]);
    let onback = {
        let dispatcher = state.dispatcher();
        use_callback(row_shown, move |(), row_shown| {
            dispatcher.dispatch(if *row_shown { Action::FocusRow } else { Action::FocusTable });
        })
    };

    match props.options.view {
        View::Badge => badge(&data, props.link.as_ref(), level, &props.heading),
        View::Area => {
            // The requested area, else the first one; an unknown id says so.
            let requested = props.options.area.as_deref();
            let index = match requested {
                Some(id) => data.find(id),
                None => (!data.areas.is_empty()).then_some(0),
            };
            let missing = match (requested, index) {
                (Some(id), None) => Some(AttrValue::from(id.to_string())),
                _ => None,
            };
            html! {
                <>
                    { header(&data, level, &props.heading) }
                    <AreaDetail data={data.clone()} index={index} missing={missing} level={level} />
                </>
            }
        }
        View::Summary => {
            // No findings here: an area's name is the host's link for it, or plain text.
            let names = match &props.options.area_href {
                Some(template) => Names::Link(AttrValue::from(template.clone())),
                None => Names::Text,
            };
            let setup = TableSetup { names, level, heading: &summary_heading, row_focus: 0, sort: state.sort, rows: usize::MAX };
            html! {
                <>
                    { header(&data, level, &props.heading) }
                    { grade_profile(&data, level) }
                    { summary_table(&data, &arranged, None, setup) }
                </>
            }
        }
        View::Full => {
            let setup = TableSetup { names: Names::Select(onselect.clone()), level, heading: &summary_heading, row_focus: state.row_focus, sort: state.sort, rows: *pieces };
            html! {
                <>
                    { header(&data, level, &props.heading) }
                    { grade_profile(&data, level) }
                    <FilterBar data={data.clone()} filters={state.filters.clone()} sort={state.sort} shown={arranged.shown} dispatch={dispatch} />
                    <div class="gw-main" data-testid="main" data-drawing={(*pieces < rows).then_some("")}>
                        { summary_table(&data, &arranged, selected, setup) }
                        <AreaDetail data={data.clone()} index={selected} focus_request={state.focus_request} text={!state.text_later}
                            chart_testid={AttrValue::Static("detail-chart")} level={level} onback={Some(onback)} />
                    </div>
                    { glance(&data, &arranged, selected, &onselect, level, pieces.saturating_sub(rows)) }
                </>
            }
        }
    }
}
