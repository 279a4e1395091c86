//! The error state, written for readers: a heading, one plain sentence for the kind of failure
//! in the widget's language, "Try again" when trying again can help, and "Read the report" when
//! the host gave a `fallback-href`. The technical detail (the message and every problem with its
//! place, the GOV.UK error summary pattern) is for site owners: it sits in a collapsed
//! `<details>`, and in the `error` event.

use yew::prelude::*;

use super::badge::safe_href;
use super::heading::heading;
use crate::options::Level;
use crate::load_state::LoadError;
use crate::i18n::Lang;

/// A plain function, not a component (see header.rs). `target` (the title) takes focus after
/// "Try again"; `fallback` is the host's `fallback-href`, refused when it is a script URL.
pub fn error_box(e: &LoadError, lang: Lang, level: Level, fallback: Option<&str>, onretry: &Callback<()>, target: &NodeRef) -> Html {
    let s = lang.strings();
    let retry = onretry.reform(|_: MouseEvent| ());
    // The technical message and the problem list are written by the code in English; in a
    // Welsh widget they are marked as English so screen readers read them as such.
    let detail_lang = (lang != Lang::En).then_some("en");
    html! {
        <div class="gw-error" role="alert" part="error" data-testid="error" data-kind={e.kind.as_str()}>
            { heading(level, 0, "gw-h2 gw-error__title", Some("error-title"), None, Some(target), html! { s.error_title }) }
            <p class="gw-error__summary" data-testid="error-summary">{ lang.error_kind(e.kind) }</p>
            if e.retryable() || fallback.and_then(safe_href).is_some() {
                <p class="gw-error__actions">
                    if e.retryable() {
                        <button type="button" class="gw-button" data-testid="retry" onclick={retry}>{ s.error_retry }</button>
                    }
                    if let Some(href) = fallback.and_then(safe_href) {
                        <a class="gw-error__fallback" href={href.to_string()} data-testid="fallback">{ s.error_fallback }</a>
                    }
                </p>
            }
            <details class="gw-error__details" data-testid="error-details">
                <summary class="gw-error__toggle">{ s.error_detail }</summary>
                <p class="gw-error__message" data-testid="error-message"><span lang={detail_lang}>{ e.message.clone() }</span></p>
                if !e.problems.is_empty() {
                    { heading(level, 1, "gw-h5 gw-error__problems-title", Some("problems-title"), None, None, html! { s.error_problems }) }
                    <ul class="gw-error__problems" data-testid="problems" lang={detail_lang}>
                        { for e.problems.iter().map(|(path, message)| html! {
                            <li><code class="gw-path">{ path.clone() }</code>{ format!(": {message}") }</li>
                        }) }
                    </ul>
                }
            </details>
        </div>
    }
}
