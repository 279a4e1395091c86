//! The summary of judgements: every area in a real table with a caption. Its rows are one
//! keyed list in one `<tbody>`: each group (domain, or grade when sorted by grade) is a heading
//! row of its own, keyed apart from the area rows, so a sort moves the existing rows instead of
//! building them again (Yew cannot move a component to another parent, as it would have to with
//! a `<tbody>` per group; issue 12). Without a `<tbody>` per group there is no `scope="rowgroup"`:
//! every cell of an area row names its headers with `headers` instead (WCAG technique H43): its
//! column's header, the row's header (the area's name) and its group's heading.

use std::rc::Rc;

use yew::prelude::*;

use super::area_detail::text_lang;
use super::area_row::{col_id, AreaRow, Names};
use crate::dom::download;
use crate::export::{file_name, grades_csv};
use super::heading::heading;
use crate::options::Level;
use crate::view_model::PreparedReport;
use super::symbols::grade_label;
use crate::i18n::fill;
use crate::model::Grade;
use crate::state::{Arranged, GroupKey, Sort};

fn group_heading(data: &PreparedReport, key: GroupKey) -> Html {
    match key {
        GroupKey::Domain(d) => {
            let domain = &data.report.domains[d];
            html! {
                <>
                    <span class="gw-group__id">{ domain.id.clone() }</span>{ " " }
                    // The report's words: marked English in a Welsh widget.
                    <span lang={text_lang(data.lang)}>{ domain.title.clone() }</span>
                    if let Some(ppaf) = &domain.ppaf {
                        // The brackets are the widget's, the words the report's: each its own
                        // text node, so the parser's nodes are the ones hydration expects.
                        <span class="gw-group__ppaf">{ " (" }<span lang={text_lang(data.lang)}>{ ppaf.clone() }</span>{ ")" }</span>
                    }
                </>
            }
        }
        GroupKey::Grade(rank) => grade_label(&data.words, rank.map(|r| Grade(r as u8)).as_ref()),
        GroupKey::Flat => html! {},
    }
}

/// How the table is drawn: what the area names are, the heading level, the heading's ref (it
/// takes focus after "Show all areas") and the request that moves focus back to the selected
/// row (from the findings' "Back to … in the table").
pub struct TableSetup<'a> {
    pub names: Names,
    pub level: Level,
    pub heading: &'a NodeRef,
    pub row_focus: u32,
    /// The order of the rows, stated on its column's header with `aria-sort`.
    pub sort: Sort,
    /// How many rows (group headings included) are drawn yet: a fresh render draws them in
    /// slices (slices.rs).
    pub rows: usize,
}

/// A plain function, not a component (see header.rs): each row is its own memoised component.
/// Every area has its row; the ones the filters leave out (and groups left with none) are
/// `hidden`, so a filter change re-renders only the rows whose visibility changed.
pub fn summary_table(data: &Rc<PreparedReport>, arranged: &Arranged, selected: Option<usize>, setup: TableSetup) -> Html {
    let lang = data.lang;
    let s = lang.strings();
    let directions = data.words.directions.is_some();
    let what = if directions { s.summary_grade_direction } else { s.summary_grade };
    // The number only on the 2006 scale, where every area's counts add up to it; on another
    // scale not every force is graded in every area.
    let caption = match data.report.forces_assessed.filter(|_| data.report.is_baseline()) {
        Some(total) => fill(&s.n_summary_caption_total, [what, &total.to_string(), data.words.noun(total.into())]),
        None => fill(&s.n_summary_caption, [what, data.words.things()]),
    };
    let columns = if directions { "5" } else { "4" };
    // Every area, whatever the filters: the file is the report's grades, not the current view.
    let export = {
        let data = data.clone();
        Callback::from(move |_: MouseEvent| {
            download(&file_name(&data.report.force, "grades", "csv"), "text/csv;charset=utf-8", &grades_csv(&data.report));
        })
    };
    let (names, row_focus) = (&setup.names, setup.row_focus);
    // By reference is report order, lowest first; by grade, highest first.
    let (by_id, by_grade) = match setup.sort {
        Sort::Id => (Some("ascending"), None),
        Sort::Grade => (None, Some("descending")),
    };
    html! {
        <section class="gw-summary" part="summary" data-testid="summary">
            { heading(setup.level, 1, "gw-h3", None, None, Some(setup.heading), html! { s.heading_summary }) }
            <table class="gw-table gw-summary__table">
                <caption class="gw-caption">{ caption }</caption>
                <thead>
                    <tr>
                        <th scope="col" id={col_id(&data.id_prefix, 0)} aria-sort={by_id}>{ s.col_id }</th>
                        <th scope="col" id={col_id(&data.id_prefix, 1)}>{ s.col_area }</th>
                        <th scope="col" id={col_id(&data.id_prefix, 2)} aria-sort={by_grade}>{ s.col_grade }</th>
                        if directions {
                            <th scope="col" id={col_id(&data.id_prefix, 3)}>{ s.col_direction }</th>
                        }
                        <th scope="col" id={col_id(&data.id_prefix, 4)}>{ data.col_national.clone() }</th>
                    </tr>
                </thead>
                <tbody>
                    { for arranged.groups.iter().flat_map(|g| {
                        let key = group_key(g.key);
                        let head_id = match g.key {
                            GroupKey::Flat => AttrValue::Static(""),
                            _ => AttrValue::from(crate::i18n::cat(&[data.id_prefix.as_str(), "-", &key])),
                        };
                        // Hidden with its rows when the filters leave none of them. `scope="row"`:
                        // the cells name it in `headers`; without a scope Chromium takes a lone `th`
                        // for a column header, which it would then announce over the columns below.
                        // A flat list (no domains) has no heading row.
                        let heading = match g.key {
                            GroupKey::Flat => html! {},
                            _ => html! {
                                <tr class="gw-group__head" key={crate::i18n::cat(&["g:", &key])} hidden={!arranged.any(g)}>
                                    <th scope="row" id={head_id.clone()} colspan={columns}>{ group_heading(data, g.key) }</th>
                                </tr>
                            },
                        };
                        std::iter::once(heading).chain(g.rows.iter().map(move |i| html! {
                            <AreaRow key={*i} data={data.clone()} index={*i} group={head_id.clone()} selected={selected == Some(*i)} hidden={!arranged.visible[*i]}
                                names={names.clone()} focus_request={if selected == Some(*i) { row_focus } else { 0 }} />
                        }))
                    }).take(setup.rows) }
                </tbody>
            </table>
            if arranged.shown == 0 {
                <p class="gw-empty" data-testid="no-match">{ s.filter_none_match }</p>
            }
            <button type="button" class="gw-button gw-button--secondary gw-export" data-testid="export-csv" onclick={export}>
                { s.export_csv }
            </button>
        </section>
    }
}

/// A stable name per group, the same in both sorts' lists: the heading row's key (after "g:",
/// so it never equals an area row's key, its report index) and its cell's id (after the prefix).
fn group_key(k: GroupKey) -> String {
    match k {
        GroupKey::Domain(d) => crate::i18n::cat(&["d", &d.to_string()]),
        GroupKey::Grade(Some(r)) => crate::i18n::cat(&["g", &r.to_string()]),
        GroupKey::Grade(None) => "g-".to_string(),
        GroupKey::Flat => "f".to_string(),
    }
}
