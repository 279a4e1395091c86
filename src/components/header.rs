//! The header: force, assessment title and period, all as the report gives them. The heading
//! names the force as well as the assessment, so two widgets on one page (two forces, or two
//! reports of one force) never show the same bare "Baseline Assessment".

use std::rc::Rc;

use yew::prelude::*;

use super::area_detail::text_lang;
use super::heading::heading;
use crate::options::Level;
use crate::view_model::PreparedReport;

/// A plain function, not a component: it is a handful of nodes, and a component's machinery
/// costs more wasm than re-diffing them when the report view re-renders. `target` (the heading)
/// takes focus after "Try again".
pub fn header(data: &Rc<PreparedReport>, level: Level, target: &NodeRef) -> Html {
    let r = &data.report;
    let lang = data.lang;
    html! {
        <div class="gw-header" part="header" data-testid="header">
            // Read as "Force: Title"; seen as two lines.
            { heading(level, 0, "gw-h2 gw-header__title", Some("header-title"), text_lang(lang), Some(target), html! {
                <>
                    <span class="gw-header__force">{ r.force.clone() }</span>
                    <span class="gw-vh">{ ": " }</span>
                    <span class="gw-header__name">{ r.title.clone() }</span>
                </>
            }) }
            if let Some(period) = &r.period {
                <p class="gw-header__period">{ format!("{}: ", lang.strings().header_period) }<span>{ period.clone() }</span></p>
            }
        </div>
    }
}
