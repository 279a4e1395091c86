//! Grade and direction words as the report writes them, and the tolerant title comparison
//! used to match summary-table rows to area sections.

use crate::model::{Direction, Grade};

/// Words that mean "no value": "Not Graded", "No direction of travel allocated", blank.
fn is_none_word(w: &str) -> bool {
    let w = w.trim().to_ascii_lowercase();
    w.is_empty()
        || w == "not graded"
        || w == "ungraded"
        || w == "not assessed"
        || w == "none"
        || w == "n/a"
        || w.starts_with("no direction of travel")
}

/// Ok(None) for "Not Graded" / blank; Err(word) when the word is not a grade.
pub(crate) fn grade(word: &str) -> Result<Option<Grade>, String> {
    if is_none_word(word) {
        return Ok(None);
    }
    Grade::parse(word)
        .map(Some)
        .ok_or_else(|| word.trim().to_string())
}

/// Ok(None) for "Not Graded" / "No direction of travel allocated" / blank.
pub(crate) fn direction(word: &str) -> Result<Option<Direction>, String> {
    if is_none_word(word) {
        return Ok(None);
    }
    Direction::parse(word)
        .map(Some)
        .ok_or_else(|| word.trim().to_string())
}

/// How a grade and direction read in messages: "Excellent, Stable" / "Good, Not Graded".
pub(crate) fn describe(grade: &Option<Grade>, direction: &Option<Direction>) -> String {
    let g = grade
        .as_ref()
        .map_or("Not Graded".to_string(), |g| capitalise(g.as_str()));
    let d = direction
        .as_ref()
        .map_or("Not Graded".to_string(), |d| capitalise(d.as_str()));
    format!("{g}, {d}")
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
}

/// A title reduced for comparison: lower case, parenthesised abbreviations and punctuation
/// dropped, plural "s" dropped ("Strategic Roads Policing" = "Strategic Road Policing",
/// "Human Resource (HR) Management" = "Human Resource Management").
pub(crate) fn title_key(title: &str) -> String {
    let mut plain = String::with_capacity(title.len());
    let mut depth = 0usize;
    for c in title.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            c if c.is_alphanumeric() => plain.extend(c.to_lowercase()),
            _ => plain.push(' '),
        }
    }
    plain
        .split_whitespace()
        .map(|w| {
            if w.len() > 3 {
                w.strip_suffix('s').unwrap_or(w)
            } else {
                w
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_words() {
        assert_eq!(grade("Excellent"), Ok(Some(Grade::Excellent)));
        assert_eq!(grade("Not Graded"), Ok(None));
        assert_eq!(grade("Superb"), Err("Superb".to_string()));
        assert_eq!(direction("No direction of travel allocated"), Ok(None));
        assert_eq!(direction(" Stable"), Ok(Some(Direction::Stable)));
    }

    #[test]
    fn matches_titles_tolerantly() {
        let same = [
            ("Strategic Roads Policing", "Strategic Road Policing"),
            (
                "Human Resource (HR) Management",
                "Human Resource Management",
            ),
            (
                "Reducing Anti-Social Behaviour (ASB)",
                "Reducing Anti-Social Behaviour",
            ),
            (
                "Training, Development and Organisational Learning",
                "training development and organisational learning",
            ),
        ];
        for (a, b) in same {
            assert_eq!(title_key(a), title_key(b), "{a} / {b}");
        }
        assert_ne!(title_key("Leadership"), title_key("Race and Diversity"));
    }
}
