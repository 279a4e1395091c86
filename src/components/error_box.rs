//! The error state: what went wrong, every problem with its place (the GOV.UK error summary
//! pattern), and "Try again" when trying again can help.

use yew::prelude::*;

use super::LoadError;
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct ErrorBoxProps {
    pub error: LoadError,
    pub lang: Lang,
    #[prop_or_default]
    pub onretry: Callback<()>,
}

#[function_component(ErrorBox)]
pub fn error_box(props: &ErrorBoxProps) -> Html {
    let lang = props.lang;
    let e = &props.error;
    let retry = props.onretry.reform(|_: MouseEvent| ());
    html! {
        <div class="gw-error" role="alert" part="error" data-testid="error" data-kind={e.kind.clone()}>
            <h2 class="gw-error__title">{ lang.t("error.title") }</h2>
            <p class="gw-error__message">{ e.message.clone() }</p>
            if !e.problems.is_empty() {
                <h3 class="gw-error__problems-title">{ lang.t("error.problems") }</h3>
                <ul class="gw-error__problems" data-testid="problems">
                    { for e.problems.iter().map(|(path, message)| html! {
                        <li><code class="gw-path">{ path.clone() }</code>{ ": " }{ message.clone() }</li>
                    }) }
                </ul>
            }
            if e.retryable {
                <button type="button" class="gw-button" data-testid="retry" onclick={retry}>{ lang.t("error.retry") }</button>
            }
        </div>
    }
}
