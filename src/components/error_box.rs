//! The error state: what went wrong, every problem with its place (the GOV.UK error summary
//! pattern), and "Try again" when trying again can help. A plain sentence for the kind of
//! failure comes first, in the widget's language; the technical detail follows.

use yew::prelude::*;

use super::LoadError;
use crate::i18n::Lang;

/// A plain function, not a component (see header.rs).
pub fn error_box(e: &LoadError, lang: Lang, onretry: &Callback<()>) -> Html {
    let retry = onretry.reform(|_: MouseEvent| ());
    // The technical message and the problem list are written by the code in English; in a
    // Welsh widget they are marked as English so screen readers read them as such.
    let detail_lang = (lang != Lang::En).then_some("en");
    html! {
        <div class="gw-error" role="alert" part="error" data-testid="error" data-kind={e.kind.clone()}>
            <h2 class="gw-error__title">{ lang.t("error.title") }</h2>
            <p class="gw-error__summary" data-testid="error-summary">{ lang.error_kind(&e.kind) }</p>
            <p class="gw-error__message">
                <span class="gw-error__detail">{ lang.t("error.detail") }</span>{ " " }
                <span lang={detail_lang}>{ e.message.clone() }</span>
            </p>
            if !e.problems.is_empty() {
                <h3 class="gw-error__problems-title">{ lang.t("error.problems") }</h3>
                <ul class="gw-error__problems" data-testid="problems" lang={detail_lang}>
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
