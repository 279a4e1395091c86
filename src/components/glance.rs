//! The at-a-glance view: every shown area's national distribution side by side as small
//! multiples on one scale (0 to the number of forces), each one a button that selects it.

use std::rc::Rc;

use yew::prelude::*;

use super::glance_item::GlanceItem;
use super::heading::heading;
use crate::options::Level;
use crate::view_model::PreparedReport;
use crate::state::Arranged;

/// A plain function, not a component (see header.rs): each small multiple is its own memoised
/// component, so re-running this only rebuilds the list of keyed items. Every area has its item;
/// the ones the filters leave out are `hidden` on the `<li>`, outside the item's component, so
/// a filter change flips attributes and renders no chart again (issue 12).
/// `limit`: how many cards are drawn yet (a fresh render draws them in slices, see slices.rs).
pub fn glance(data: &Rc<PreparedReport>, arranged: &Arranged, selected: Option<usize>, onselect: &Callback<usize>, level: Level, limit: usize) -> Html {
    let lang = data.lang;
    html! {
        <section class="gw-glance" part="glance" data-testid="glance">
            { heading(level, 1, "gw-h3", None, None, None, html! { lang.strings().heading_glance }) }
            <p class="gw-hint">
                { {
                    let intro = &lang.strings().n_glance_intro;
                    crate::i18n::fill(intro, [data.words.things(), data.words.this_after(intro[1])])
                } }
            </p>
            <ul class="gw-glance__grid">
                { for arranged.groups.iter().flat_map(|g| g.rows.iter()).take(limit).map(|i| html! {
                    <li class="gw-glance__item" key={*i} hidden={!arranged.visible[*i]} data-testid="glance-item" data-area={data.area(*i).id.clone()}>
                        <GlanceItem data={data.clone()} index={*i} selected={selected == Some(*i)} onselect={onselect.clone()} />
                    </li>
                }) }
            </ul>
        </section>
    }
}
