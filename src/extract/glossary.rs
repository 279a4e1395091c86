//! The appendix glossary: "ABBR<TAB>meaning" lines, or "ABBR meaning" where the tab was lost.
//! Letter headings ("A", "B") and rule lines ("-----") are layout, not entries.

use crate::model::GlossaryEntry;

use super::blocks::tidy;
use super::lines::Item;

/// Where the glossary starts: the last "Appendix ..." line naming the glossary (the contents
/// list names it too, earlier).
pub(crate) fn start(items: &[Item]) -> Option<usize> {
    items.iter().rposition(|it| {
        let t = it.trimmed().to_ascii_lowercase();
        (t.starts_with("appendix") || t.starts_with("glossary"))
            && t.contains("glossary")
            && t.len() < 120
    })
}

/// Reads the entries after the glossary heading.
pub(crate) fn read(items: &[Item]) -> Vec<GlossaryEntry> {
    let mut out: Vec<GlossaryEntry> = Vec::new();
    for item in items {
        let t = item.trimmed();
        let letter = t.chars().count() == 1 && t.chars().all(|c| c.is_ascii_uppercase());
        let rule = t.chars().all(|c| c == '-' || c == '_' || c.is_whitespace());
        if letter || rule {
            continue;
        }
        let (abbr, meaning) = match t.split_once('\t') {
            Some((a, m)) => (a.trim(), m.trim()),
            None => t.split_once(' ').map_or((t, ""), |(a, m)| (a, m.trim())),
        };
        match out.last_mut() {
            // A line that does not start with an abbreviation continues the last meaning.
            Some(last) if !abbreviation(abbr) || meaning.is_empty() => {
                last.meaning = tidy(&format!("{} {t}", last.meaning));
            }
            // Before the first entry, a line without a meaning (a stray bullet, a page header
            // the cleaning missed) is not an entry: an entry needs both parts (found by the
            // fuzz tests, tests/fuzz).
            None if tidy(meaning).is_empty() => {}
            _ => out.push(GlossaryEntry {
                abbr: abbr.to_string(),
                meaning: tidy(meaning),
            }),
        }
    }
    out
}

/// "MPS", "TfL", "QoSC", "B/OCU": at least two capitals and no more lower case than capitals.
fn abbreviation(word: &str) -> bool {
    let upper = word.chars().filter(char::is_ascii_uppercase).count();
    let lower = word.chars().filter(char::is_ascii_lowercase).count();
    upper >= 2 && lower <= upper && word.chars().count() <= 12
}
