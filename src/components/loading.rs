//! The loading state: a polite, busy status message (no spinner needed to understand it).

use yew::prelude::*;

use crate::i18n::Lang;

/// A plain function, not a component (see header.rs).
pub fn loading(lang: Lang) -> Html {
    html! {
        <p class="gw-loading" role="status" aria-live="polite" aria-busy="true" data-testid="loading">
            <span class="gw-loading__dot" aria-hidden="true"></span>
            { lang.t("loading") }
        </p>
    }
}
