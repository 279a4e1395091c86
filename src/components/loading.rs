//! The loading state: a polite, busy status message (no spinner needed to understand it).

use yew::prelude::*;

use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct LoadingProps {
    pub lang: Lang,
}

#[function_component(Loading)]
pub fn loading(props: &LoadingProps) -> Html {
    html! {
        <p class="gw-loading" role="status" aria-live="polite" aria-busy="true" data-testid="loading">
            <span class="gw-loading__dot" aria-hidden="true"></span>
            { props.lang.t("loading") }
        </p>
    }
}
