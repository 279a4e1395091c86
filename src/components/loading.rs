//! The loading state: a polite, busy status message (no spinner needed to understand it).

use yew::prelude::*;

use crate::i18n::Lang;

/// A plain function, not a component (see header.rs). `target` takes focus after "Try again"
/// (hence `tabindex="-1"`: focusable from script only).
pub fn loading(lang: Lang, target: &NodeRef) -> Html {
    html! {
        <p class="gw-loading" role="status" aria-live="polite" aria-busy="true" data-testid="loading" tabindex="-1" ref={target.clone()}>
            <span class="gw-loading__dot" aria-hidden="true"></span>
            { lang.strings().loading }
        </p>
    }
}
