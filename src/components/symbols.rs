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

/// The CSS modifier for a grade ("excellent" … "none").
pub fn grade_class(grade: Option<&Grade>) -> &'static str {
    match grade {
        Some(Grade::Excellent) => "gw-grade gw-grade--excellent",
        Some(Grade::Good) => "gw-grade gw-grade--good",
        Some(Grade::Fair) => "gw-grade gw-grade--fair",
        Some(Grade::Poor) => "gw-grade gw-grade--poor",
        _ => "gw-grade gw-grade--none",
    }
}

pub fn direction_symbol(direction: Option<&Direction>) -> &'static str {
    match direction {
        Some(Direction::Improved) => "▲",
        Some(Direction::Stable) => "▬",
        Some(Direction::Declined) => "▼",
        _ => "–",
    }
}

fn direction_class(direction: Option<&Direction>) -> &'static str {
    match direction {
        Some(Direction::Improved) => "gw-dir gw-dir--improved",
        Some(Direction::Stable) => "gw-dir gw-dir--stable",
        Some(Direction::Declined) => "gw-dir gw-dir--declined",
        _ => "gw-dir gw-dir--none",
    }
}

pub fn grade_label(lang: Lang, grade: Option<&Grade>) -> Html {
    html! {
        <span class={grade_class(grade)}>
            <span class="gw-sym" aria-hidden="true">{ grade_symbol(grade) }</span>
            <span class="gw-word">{ lang.grade(grade) }</span>
        </span>
    }
}

pub fn direction_label(lang: Lang, direction: Option<&Direction>) -> Html {
    html! {
        <span class={direction_class(direction)}>
            <span class="gw-sym" aria-hidden="true">{ direction_symbol(direction) }</span>
            <span class="gw-word">{ lang.direction(direction) }</span>
        </span>
    }
}
