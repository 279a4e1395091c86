//! The selected area in full: heading, grade and direction, its chart and sentence, then the
//! findings. When the reader selects an area, focus moves to the heading (never on load).

use std::rc::Rc;

use yew::prelude::*;

use super::area_chart::AreaChart;
use crate::dom::focus;
use super::findings::{good_practice_html, section_html};
use super::heading::heading;
use crate::options::Level;
use crate::view_model::PreparedReport;
use super::symbols::{direction_label, grade_label};
use crate::i18n::{fill, Lang};

#[derive(Properties, PartialEq)]
pub struct AreaDetailProps {
    pub data: Rc<PreparedReport>,
    /// The area to show; None shows a prompt (or `missing`'s message).
    pub index: Option<usize>,
    /// An area id the host asked for that the report lacks.
    #[prop_or_default]
    pub missing: Option<AttrValue>,
    /// Changes when the reader selects an area; focus follows it.
    #[prop_or_default]
    pub focus_request: u32,
    /// Whether to draw the findings text (and "Back to … in the table" after it). An area the
    /// reader chooses shows its heading, grade and chart in the frame of the click, and its
    /// text (up to nine screens) in a task after that frame: the browser's layout and paint of
    /// the text took the click's frame past 100 ms on a phone (issue 27), and the focus moved
    /// to the heading leaves the text below the fold anyway. Until it comes, the panel is
    /// marked `data-text="later"` (see parts.css).
    #[prop_or(true)]
    pub text: bool,
    /// The chart's `data-testid` (see [`AreaChart`]).
    #[prop_or(AttrValue::Static("chart"))]
    pub chart_testid: AttrValue,
    /// The widget's top heading level; the detail's heading is one below it.
    #[prop_or_default]
    pub level: Level,
    /// In the full view: "Back to 3A in the table", after the findings, returns focus to the
    /// area's row (about 18 key presses otherwise).
    #[prop_or_default]
    pub onback: Option<Callback<()>>,
}

/// Report text is English; mark it so when the labels around it are Welsh.
pub fn text_lang(lang: Lang) -> Option<&'static str> {
    (lang != Lang::En).then_some("en")
}

#[function_component(AreaDetail)]
pub fn area_detail(props: &AreaDetailProps) -> Html {
    let title = use_node_ref();
    {
        let title = title.clone();
        use_effect_with(props.focus_request, move |req| {
            if *req > 0 {
                focus(&title);
            }
        });
    }
    let data = &props.data;
    let lang = data.lang;
    let s = lang.strings();
    let level = props.level;
    let Some(index) = props.index else {
        let text = match &props.missing {
            Some(id) => fill(&s.detail_not_found, [id]),
            None => s.detail_prompt.to_string(),
        };
        return html! {
            <section class="gw-detail gw-detail--empty" part="detail" data-testid="area-detail">
                { heading(level, 1, "gw-h3", None, None, Some(&title), html! { s.heading_detail }) }
                <p class="gw-hint">{ text }</p>
            </section>
        };
    };
    let area = data.area(index);
    let g = &data.glossary;
    // The widget's language for its own words inside the text marked as the report's (English).
    let ui = text_lang(lang).map(|_| lang.code());
    html! {
        <section class="gw-detail" part="detail" data-testid="area-detail" data-area={area.id.clone()} data-text={(!props.text).then_some("later")}>
            { heading(level, 1, "gw-h3 gw-detail__title", None, None, Some(&title), html! {
                <>
                    <span class="gw-detail__id">{ data.reference(index) }</span>{ " " }
                    <span lang={text_lang(lang)}>{ area.title.clone() }</span>
                </>
            }) }
            <dl class="gw-detail__meta">
                <div class="gw-meta">
                    <dt>{ s.detail_grade }</dt>
                    <dd>{ grade_label(&props.data.words, area.grade.as_ref()) }</dd>
                </div>
                if props.data.words.directions.is_some() {
                    <div class="gw-meta">
                        <dt>{ s.detail_direction }</dt>
                        <dd>{ direction_label(&props.data.words, area.direction.as_ref()) }</dd>
                    </div>
                }
            </dl>
            <AreaChart data={props.data.clone()} index={index} testid={props.chart_testid.clone()} />
            if props.text {
                <div class="gw-detail__text" lang={text_lang(lang)}>
                    { section_html(s.sec_national_context, ui, &area.national_context, g, "national-context", level) }
                    { section_html(s.sec_context, ui, &area.context, g, "context", level) }
                    { section_html(s.sec_strengths, ui, &area.strengths, g, "strengths", level) }
                    { section_html(s.sec_wip, ui, &area.work_in_progress, g, "work-in-progress", level) }
                    { section_html(s.sec_afi, ui, &area.areas_for_improvement, g, "areas-for-improvement", level) }
                    { good_practice_html(s.sec_good_practice, s.gp_contact, ui, &area.good_practice, g, level) }
                </div>
                if let Some(onback) = &props.onback {
                    <p class="gw-detail__back">
                        <button type="button" class="gw-button gw-button--secondary" data-testid="back-to-row" onclick={onback.reform(|_: MouseEvent| ())}>
                            { fill(&s.detail_back, [&data.reference(index)]) }
                        </button>
                    </p>
                }
            }
        </section>
    }
}
