//! Grade and direction shown as a word plus a symbol, never colour alone. The symbols are
//! hidden from assistive technology because the word beside them says the same thing.

use yew::prelude::*;

use crate::i18n::Lang;
use crate::model::{Direction, Grade};

/// Dots filled by rank (●●●● Excellent … ●○○○ Poor): an ordinal shape readable in any colour.
pub fn grade_symbol(grade: Option<&Grade>) -> &'static str {
    match grade.map(|g| g.rank()) {
        Some(3) => "●●●●",
        Some(2) => "●●●○",
        Some(1) => "●●○○",
        Some(0) => "●○○○",
        _ => "○○○○",
    }
}

/// The grade's `data-grade` (its JSON word, or "none"), which the stylesheet colours. An
/// attribute, not a modifier class: a non-literal `class` in `html!` goes through Yew's `Classes`,
/// whose index set cost the wasm about 1 KB brotli for what a static string says.
fn grade_key(grade: Option<&Grade>) -> &'static str {
    grade.map_or("none", Grade::as_str)
}

pub fn direction_symbol(direction: Option<&Direction>) -> &'static str {
    match direction {
        Some(Direction::Improved) => "▲",
        Some(Direction::Stable) => "▬",
        Some(Direction::Declined) => "▼",
        _ => "–",
    }
}

/// The direction's `data-direction` (its JSON word, or "none"), an attribute for the reason
/// `grade_key` gives.
fn direction_key(direction: Option<&Direction>) -> &'static str {
    direction.map_or("none", Direction::as_str)
}

pub fn grade_label(lang: Lang, grade: Option<&Grade>) -> Html {
    html! {
        <span class="gw-grade" data-grade={grade_key(grade)}>
            <span class="gw-sym" aria-hidden="true">{ grade_symbol(grade) }</span>
            <span class="gw-word">{ lang.grade(grade) }</span>
        </span>
    }
}

pub fn direction_label(lang: Lang, direction: Option<&Direction>) -> Html {
    html! {
        <span class="gw-dir" data-direction={direction_key(direction)}>
            <span class="gw-sym" aria-hidden="true">{ direction_symbol(direction) }</span>
            <span class="gw-word">{ lang.direction(direction) }</span>
        </span>
    }
}
