//! The header: force, assessment title and period, all as the report gives them.

use std::rc::Rc;

use yew::prelude::*;

use super::area_detail::text_lang;
use super::prepared::Prepared;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub data: Rc<Prepared>,
}

#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    let r = &props.data.report;
    let lang = props.data.lang;
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
