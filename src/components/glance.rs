//! The at-a-glance view: every shown area's national distribution side by side as small
//! multiples on one scale (0 to the number of forces), each one a button that selects it.

use std::rc::Rc;

use yew::prelude::*;

use super::glance_item::GlanceItem;
use super::prepared::Prepared;
use crate::state::RowGroup;

#[derive(Properties, PartialEq)]
pub struct GlanceProps {
    pub data: Rc<Prepared>,
    pub groups: Rc<Vec<RowGroup>>,
    pub selected: Option<usize>,
    pub onselect: Callback<usize>,
}

#[function_component(Glance)]
pub fn glance(props: &GlanceProps) -> Html {
    let lang = props.data.lang;
    html! {
        <section class="gw-glance" part="glance" data-testid="glance">
            <h3 class="gw-h3">{ lang.t("heading.glance") }</h3>
            <p class="gw-hint">{ lang.t("glance.intro") }</p>
            <ul class="gw-glance__grid">
                { for props.groups.iter().flat_map(|g| g.rows.iter()).map(|i| html! {
                    <GlanceItem key={*i} data={props.data.clone()} index={*i}
                        selected={props.selected == Some(*i)} onselect={props.onselect.clone()} />
                }) }
            </ul>
        </section>
    }
}
