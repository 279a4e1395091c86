//! The at-a-glance view: every shown area's national distribution side by side as small
//! multiples on one scale (0 to the number of forces), each one a button that selects it.

use std::rc::Rc;

use yew::prelude::*;

use super::glance_item::GlanceItem;
use super::heading::{heading, Level};
use crate::view_model::PreparedReport;
use crate::state::RowGroup;

/// A plain function, not a component (see header.rs): each small multiple is its own memoised
/// component, so re-running this only rebuilds the list of keyed items.
pub fn glance(data: &Rc<PreparedReport>, groups: &[RowGroup], selected: Option<usize>, onselect: &Callback<usize>, level: Level) -> Html {
    let lang = data.lang;
    html! {
        <section class="gw-glance" part="glance" data-testid="glance">
            { heading(level, 1, "gw-h3", None, None, html! { lang.t("heading.glance") }) }
            <p class="gw-hint">{ lang.t("glance.intro") }</p>
            <ul class="gw-glance__grid">
                { for groups.iter().flat_map(|g| g.rows.iter()).map(|i| html! {
                    <GlanceItem key={*i} data={data.clone()} index={*i}
                        selected={selected == Some(*i)} onselect={onselect.clone()} />
                }) }
            </ul>
        </section>
    }
}
