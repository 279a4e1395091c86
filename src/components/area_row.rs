//! One row of the summary of judgements. In the full view the area's title is a real
//! `<button>` that shows its findings, so selecting works by keyboard as well as by clicking
//! anywhere on the row. In the summary view there are no findings to show: the title is a real
//! link when the host gave an `area-href`, else plain text (nothing that looks like a link and
//! does nothing). Its own component with cheap props, so a filter change re-renders only the
//! rows that changed.

use std::rc::Rc;

use yew::prelude::*;

use super::area_detail::text_lang;
use crate::dom::focus;
use crate::view_model::PreparedReport;
use super::symbols::{direction_label, grade_label};

/// What an area's name is in its row.
#[derive(Clone, PartialEq)]
pub enum Names {
    /// A button that selects the area (the full view).
    Select(Callback<usize>),
    /// A link made from the host's `area-href` template (checked by [`area_link`]).
    Link(AttrValue),
    /// Plain text.
    Text,
}

#[derive(Properties, PartialEq)]
pub struct AreaRowProps {
    pub data: Rc<PreparedReport>,
    /// Index in report order.
    pub index: usize,
    pub selected: bool,
    /// Left out by the filters: the row stays mounted, with `hidden` (issue 12).
    #[prop_or_default]
    pub hidden: bool,
    pub names: Names,
    /// The id of the row's group heading, which every cell names in `headers`.
    pub group: AttrValue,
    /// Changes when the reader asks to go back to this (selected) row; focus follows it.
    #[prop_or_default]
    pub focus_request: u32,
}

/// The national counts, Poor … Excellent, with this force's own count emphasised, and said in
/// words for screen readers ("15 (this force's grade)"), not by bold and underline alone.
fn national(own_text: &AttrValue, counts: &[i64], own: Option<usize>) -> Html {
    let last = counts.len().saturating_sub(1);
    html! {
        <span class="gw-nat">
            { for counts.iter().enumerate().map(|(i, c)| {
                let sep = if i < last { ", " } else { "" };
                html! {
                    <>
                        if own == Some(i) {
                            <strong class="gw-nat__own">{ c.to_string() }<span class="gw-vh">{ own_text.clone() }</span></strong>
                        } else {
                            <span>{ c.to_string() }</span>
                        }
                        if !sep.is_empty() { { sep } }
                    </>
                }
            }) }
        </span>
    }
}

/// The link for area `id` from the host's template: `{id}` is replaced by the id,
/// percent-encoded so report text cannot change the URL's shape. None when the template or the
/// result is a script URL (the same rule as the badge's `href`).
pub fn area_link(template: &str, id: &str) -> Option<String> {
    use super::badge::safe_href;
    let template = safe_href(template)?;
    let mut encoded = String::with_capacity(id.len());
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            encoded.push(char::from(b));
        } else {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            encoded.extend(['%', char::from(HEX[usize::from(b >> 4)]), char::from(HEX[usize::from(b & 15)])]);
        }
    }
    safe_href(&template.replace("{id}", &encoded)).map(str::to_owned)
}

/// The id of column `c`'s header in the summary table.
pub fn col_id(prefix: &str, c: usize) -> String {
    crate::i18n::cat(&[prefix, "-c", &c.to_string()])
}

#[function_component(AreaRow)]
pub fn area_row(props: &AreaRowProps) -> Html {
    let button = use_node_ref();
    {
        let (button, selected) = (button.clone(), props.selected);
        use_effect_with(props.focus_request, move |req| {
            if *req > 0 && selected {
                focus(&button);
            }
        });
    }
    let data = &props.data;
    let lang = data.lang;
    let s = lang.strings();
    let area = data.area(props.index);
    let info = &data.areas[props.index];
    let index = props.index;
    let words = &data.words;
    let (onclick, name) = match &props.names {
        Names::Select(onselect) => (
            Some(onselect.reform(move |_: MouseEvent| index)),
            html! {
                <button type="button" class="gw-link" aria-current={props.selected.then_some("true")} lang={text_lang(lang)} ref={button}>
                    { area.title.clone() }
                </button>
            },
        ),
        Names::Link(template) => match area_link(template, &area.id) {
            Some(href) => (None, html! { <a class="gw-link" href={href} lang={text_lang(lang)} data-testid="area-link">{ area.title.clone() }</a> }),
            None => (None, html! { <span lang={text_lang(lang)}>{ area.title.clone() }</span> }),
        },
        Names::Text => (None, html! { <span lang={text_lang(lang)}>{ area.title.clone() }</span> }),
    };
    // Attributes, not modifier classes: see `grade_key` in symbols.rs.
    let state = match (&props.names, props.selected) {
        (Names::Select(_), true) => Some("selected"),
        (Names::Select(_), false) => Some("select"),
        _ => None,
    };
    // Each cell's headers (H43): its column's, the area name's and the group heading's. With
    // `headers` the cell's header cells are exactly these, in place of the ones `scope` implies.
    let row_id = crate::i18n::cat(&[data.id_prefix.as_str(), "-r", &index.to_string()]);
    // A flat list (no domains) has no group heading to name.
    let group = if props.group.is_empty() { "" } else { " " };
    let headers = |c: usize| crate::i18n::cat(&[col_id(&data.id_prefix, c).as_str(), " ", &row_id, group, &props.group]);
    html! {
        <tr class="gw-row" data-row={state} hidden={props.hidden} data-testid="area-row" data-area={area.id.clone()} onclick={onclick}>
            <td class="gw-cell gw-cell--id" headers={headers(0)} data-label={s.col_id}>{ data.reference(props.index) }</td>
            <th scope="row" class="gw-cell gw-cell--area" id={row_id.clone()} headers={crate::i18n::cat(&[col_id(&data.id_prefix, 1).as_str(), group, &props.group])} data-label={s.col_area}>{ name }</th>
            <td class="gw-cell" headers={headers(2)} data-label={s.col_grade}>{ grade_label(words, area.grade.as_ref()) }</td>
            // The direction column only where the scale has directions of travel.
            if words.directions.is_some() {
                <td class="gw-cell" headers={headers(3)} data-label={s.col_direction}>{ direction_label(words, area.direction.as_ref()) }</td>
            }
            <td class="gw-cell gw-cell--nat" headers={headers(4)} data-label={data.col_national.clone()}>
                { match &area.national {
                    Some(n) => national(&data.nat_own, &n.counts, info.own),
                    None => html! { "–" },
                } }
            </td>
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::area_link;

    #[test]
    fn area_links() {
        let cases = [
            ("/grades/{id}", "3A", Some("/grades/3A")),
            ("https://example.org/force#{id}", "7B", Some("https://example.org/force#7B")),
            ("/a?x={id}&y={id}", "1A", Some("/a?x=1A&y=1A")),
            ("/grades/{id}", "a b/<c>", Some("/grades/a%20b%2F%3Cc%3E")),
            ("{id}", "javascript:alert(1)", Some("javascript%3Aalert%281%29")),
            ("javascript:go('{id}')", "3A", None),
            (" DATA:text/html,{id}", "3A", None),
            ("vbscript:{id}", "3A", None),
            ("", "3A", None),
        ];
        for (template, id, want) in cases {
            assert_eq!(area_link(template, id).as_deref(), want, "{template} {id}");
        }
    }
}
