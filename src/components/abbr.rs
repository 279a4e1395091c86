//! Abbreviations in report text ("MPS", "BOCU", "NIM") marked with `<abbr title>` from the
//! report's own glossary. [`Glossary::segments`] (in the view model) is a pure function, tested
//! natively; [`rich_text`] turns its output into text nodes and `<abbr>` elements, never parsing
//! HTML.

use yew::prelude::*;

use crate::view_model::{Glossary, Segment};

/// Report text as text nodes, with glossary abbreviations in `<abbr title>`.
pub fn rich_text(text: &str, glossary: &Glossary) -> Html {
    glossary
        .segments(text)
        .into_iter()
        .map(|s| match s {
            Segment::Text(t) => Html::from(t.to_string()),
            Segment::Abbr(a, m) => html! { <abbr title={m.to_string()}>{ a.to_string() }</abbr> },
        })
        .collect()
}
