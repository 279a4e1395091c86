//! The header: force, assessment title and period, all as the report gives them.

use std::rc::Rc;

use yew::prelude::*;

use super::area_detail::text_lang;
use crate::view_model::PreparedReport;

/// A plain function, not a component: it is a handful of nodes, and a component's machinery
/// costs more wasm than re-diffing them when the report view re-renders.
pub fn header(data: &Rc<PreparedReport>) -> Html {
    let r = &data.report;
    let lang = data.lang;
    html! {
        <div class="gw-header" part="header" data-testid="header">
            <p class="gw-header__force" lang={text_lang(lang)}>{ r.force.clone() }</p>
            <h2 class="gw-header__title" lang={text_lang(lang)}>{ r.title.clone() }</h2>
            if let Some(period) = &r.period {
                <p class="gw-header__period">{ lang.t("header.period") }{ ": " }<span>{ period.clone() }</span></p>
            }
        </div>
    }
}
