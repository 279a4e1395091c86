//! Grade and direction shown as a word plus a symbol, never colour alone. The symbols are
//! hidden from assistive technology because the word beside them says the same thing. Any scale
//! of 2 to 7 grades: the symbol is one dot per grade, filled up to this one's rank.

use yew::prelude::*;

use crate::model::{Direction, Grade};
use crate::view_model::Words;

/// Dots filled by rank (●●●● Excellent … ●○○○ Poor on a four-grade scale): an ordinal shape
/// readable in any colour.
pub fn grade_symbol(grade: Option<&Grade>, grades: usize) -> String {
    let filled = grade.map_or(0, |g| g.rank() + 1).min(grades);
    // A loop of pushes, not `str::repeat`: repeat's doubling copy is code of its own in the wasm.
    let mut out = String::new();
    for i in 0..grades {
        out.push(if i < filled { '●' } else { '○' });
    }
    out
}

/// The first direction is the best (▲), the last the worst (▼), any between level (▬).
pub fn direction_symbol(direction: Option<&Direction>, directions: usize) -> &'static str {
    match direction.map(|d| d.0 as usize) {
        Some(0) if directions > 1 => "▲",
        Some(i) if i + 1 == directions && i > 0 => "▼",
        Some(_) => "▬",
        None => "–",
    }
}

/// The grade's word and symbol. Its `data-grade` (its id, or "none") is what the stylesheet
/// colours the 2006 grades by; other scales' grades get a `data-tone` too, one of seven colours.
/// Attributes, not modifier classes: a non-literal `class` in `html!` goes through Yew's
/// `Classes`, whose index set cost the wasm about 1 KB brotli for what a static string says.
pub fn grade_label(words: &Words, grade: Option<&Grade>) -> Html {
    html! {
        <span class="gw-grade" data-grade={words.key(grade).to_owned()} data-tone={words.tone(grade)}>
            <span class="gw-sym" aria-hidden="true">{ grade_symbol(grade, words.len()) }</span>
            <span class="gw-word">{ words.grade(grade).to_owned() }</span>
        </span>
    }
}

pub fn direction_label(words: &Words, direction: Option<&Direction>) -> Html {
    let n = words.directions.as_ref().map_or(0, Vec::len);
    html! {
        <span class="gw-dir" data-direction={words.direction_key(direction).to_owned()}>
            <span class="gw-sym" aria-hidden="true">{ direction_symbol(direction, n) }</span>
            <span class="gw-word">{ words.direction(direction).to_owned() }</span>
        </span>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbols_for_any_scale() {
        assert_eq!(grade_symbol(Some(&Grade(3)), 4), "●●●●");
        assert_eq!(grade_symbol(Some(&Grade(0)), 4), "●○○○");
        assert_eq!(grade_symbol(None, 4), "○○○○");
        assert_eq!(grade_symbol(Some(&Grade(2)), 5), "●●●○○");
        assert_eq!(grade_symbol(Some(&Grade(6)), 7), "●●●●●●●");
        let dirs: Vec<_> = (0..3).map(|i| direction_symbol(Some(&Direction(i)), 3)).collect();
        assert_eq!(dirs, ["▲", "▬", "▼"]);
        assert_eq!(direction_symbol(None, 3), "–");
    }
}
