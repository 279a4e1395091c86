//! Items to paragraphs, bullets and sub-headings: the text structure shared by area sections,
//! good practice and the force overview.
//!
//! Joining rules (the report's lines are whole paragraphs, but page footers and PDF tools split
//! them): an item continues the block before it when it starts in lower case after an
//! unterminated block, or when a page break falls after an unterminated block and the item is
//! not a sub-heading. A lone bullet marker ("-") carries no text and is dropped.

use crate::model::Block;

use super::emphasis::strip_emphasis;
use super::lines::Item;

/// A sub-heading or a block, in report order.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Piece {
    Heading(String),
    Block(Block),
}

/// Structures `items`; sub-headings are recognised only when `headings` is set.
pub(crate) fn pieces(items: &[Item], headings: bool) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    let mut i = 0;
    while let Some(item) = items.get(i) {
        let gap_after = items.get(i + 1).is_none_or(|n| n.gap_before);
        // The flattened "Element / Assessment" table (6D's Audit Commission use of resources).
        if headings && item.trimmed() == "Element" {
            if let Some(used) = table(&items[i..], &mut out) {
                i += used;
                continue;
            }
        }
        i += 1;
        let prev = match out.last_mut() {
            Some(Piece::Block(b)) => Some(b),
            _ => None,
        };
        let prev_open = prev.as_ref().is_some_and(|b| !terminated(&b.text));
        if let Some((level, text)) = bullet(&item.text) {
            if text.is_empty() {
                continue; // a lone "-": nothing to keep
            }
            if let Some(p) =
                prev.filter(|_| prev_open && item.page_break_before && starts_lower(text))
            {
                join(&mut p.text, text);
            } else {
                out.push(Piece::Block(Block {
                    text: text.to_string(),
                    level,
                }));
            }
            continue;
        }
        let text = item.trimmed();
        if numbered(text) {
            out.push(Piece::Block(Block {
                text: text.to_string(),
                level: 0,
            }));
            continue;
        }
        let lower = starts_lower(text);
        if let Some(p) = prev {
            let continues = prev_open
                && (lower || !item.gap_before || item.page_break_before)
                && !(headings && item.gap_before && gap_after && heading_like(text));
            if continues {
                join(&mut p.text, text);
                continue;
            }
        }
        if headings && (item.gap_before || out.is_empty()) && gap_after && heading_like(text) {
            out.push(Piece::Heading(tidy(text)));
        } else {
            out.push(Piece::Block(Block {
                text: text.to_string(),
                level: 0,
            }));
        }
    }
    for piece in &mut out {
        if let Piece::Block(b) = piece {
            b.text = tidy(&b.text);
        }
    }
    out
}

/// Groups pieces under their headings; `first` heads the first group. Every group returned has
/// at least one block: a heading followed directly by another is merged into it ("A \u{2013} B"),
/// and a heading with nothing after it becomes a paragraph of the group before.
pub(crate) fn titled(
    pieces: Vec<Piece>,
    first: Option<String>,
) -> Vec<(Option<String>, Vec<Block>)> {
    let mut out: Vec<(Option<String>, Vec<Block>)> = Vec::new();
    let mut heading = first;
    let mut blocks: Vec<Block> = Vec::new();
    for piece in pieces {
        match piece {
            Piece::Block(b) => blocks.push(b),
            Piece::Heading(h) if blocks.is_empty() => {
                heading = Some(match heading {
                    Some(prev) => format!("{prev} \u{2013} {h}"),
                    None => h,
                });
            }
            Piece::Heading(h) => {
                out.push((heading, std::mem::take(&mut blocks)));
                heading = Some(h);
            }
        }
    }
    match (heading, blocks.is_empty()) {
        (heading, false) => out.push((heading, blocks)),
        (Some(h), true) => {
            let block = Block { text: h, level: 0 };
            match out.last_mut() {
                Some((_, last)) => last.push(block),
                None => out.push((None, vec![block])),
            }
        }
        (None, true) => {}
    }
    out
}

/// Reads "Element / Assessment" then label/value pairs into "label: value" blocks; returns
/// how many items it used, or None when this is not such a table.
fn table(items: &[Item], out: &mut Vec<Piece>) -> Option<usize> {
    if items.get(1).map(Item::trimmed) != Some("Assessment") {
        return None;
    }
    let mut used = 2;
    while let (Some(label), Some(value)) = (items.get(used), items.get(used + 1)) {
        let (label, value) = (label.trimmed(), value.trimmed());
        if !table_value(value) || terminated(label) || label.split_whitespace().count() > 8 {
            break;
        }
        out.push(Piece::Block(Block {
            text: format!("{label}: {value}"),
            level: 0,
        }));
        used += 2;
    }
    (used > 2).then_some(used)
}

/// A table cell value: a number, or a short phrase such as "Not Available".
fn table_value(s: &str) -> bool {
    !s.is_empty()
        && (s.chars().all(|c| c.is_ascii_digit())
            || s.split_whitespace().count() <= 3 && !terminated(s) && !numbered(s))
}

/// A bullet line: "- text", "• text", "– text"; indented or "◦" is nested (level 2).
pub(crate) fn bullet(line: &str) -> Option<(u8, &str)> {
    let body = line.trim_start();
    let indented = body.len() < line.len();
    let mut chars = body.chars();
    let marker = chars.next()?;
    let level = match marker {
        '-' | '\u{2013}' | '\u{2014}' | '\u{2022}' | '\u{25aa}' | '\u{25cf}' | '*' => {
            if indented {
                2
            } else {
                1
            }
        }
        '\u{25e6}' | 'o' if indented => 2,
        '\u{25e6}' => 2,
        _ => return None,
    };
    let rest = chars.as_str();
    if marker == '*' && rest.starts_with('*') {
        return None; // "**bold**" at the start of a paragraph, not a bullet
    }
    if rest.is_empty() {
        return Some((level, ""));
    }
    rest.starts_with([' ', '\t']).then(|| (level, rest.trim()))
}

/// "1. Below minimum requirements" — a numbered line, kept as its own block.
fn numbered(s: &str) -> bool {
    let digits = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    digits > 0 && digits < 3 && s[digits..].starts_with(". ")
}

/// Whether text ends a sentence or list item, so that what follows is a new block.
pub(crate) fn terminated(text: &str) -> bool {
    let t = text.trim_end_matches(['"', '\'', ')', ']', '*', ' ']);
    if t.ends_with(['.', '!', '?', ':', ';']) {
        return true;
    }
    // "...; and" / "...; or" end a list item in this report's lists.
    ["; and", "; or"].iter().any(|e| t.ends_with(e))
}

fn starts_lower(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_lowercase)
}

/// Appends a continuation; a word broken at a hyphen ("front-" + "line") is rejoined.
fn join(text: &mut String, more: &str) {
    let hyphen = text.ends_with('-') && text[..text.len() - 1].ends_with(char::is_alphabetic);
    if !(hyphen && starts_lower(more)) {
        text.push(' ');
    }
    text.push_str(more);
}

const SMALL_WORDS: [&str; 16] = [
    "a",
    "an",
    "and",
    "as",
    "at",
    "by",
    "for",
    "from",
    "in",
    "including",
    "of",
    "on",
    "or",
    "the",
    "to",
    "with",
];

/// A sub-heading: short, capitalised, no sentence punctuation ("Public Order and Mounted
/// Branch", "Key to grades", "General").
pub(crate) fn heading_like(text: &str) -> bool {
    let t = text.trim();
    let Some(first) = t.chars().next() else {
        return false;
    };
    if !(first.is_uppercase() || first.is_ascii_digit())
        || t.len() > 400
        || t.chars().count() > 100
        || t.contains('\t')
        || t.ends_with(['.', ',', ';', ':', '!', '?', '-', '\u{2013}'])
        || !t.chars().any(char::is_alphabetic)
        || numbered(t)
        || t.contains("http")
    {
        return false;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.len() > 14 {
        return false;
    }
    let significant: Vec<&&str> = words
        .iter()
        .filter(|w| !SMALL_WORDS.contains(&w.to_lowercase().as_str()))
        .collect();
    let capital = significant
        .iter()
        .filter(|w| {
            w.trim_start_matches(['(', '"', '\'', '*'])
                .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        })
        .count();
    capital * 2 >= significant.len()
}

/// Final text: emphasis markers removed, runs of whitespace collapsed.
pub(crate) fn tidy(text: &str) -> String {
    let b = text.as_bytes();
    let plain_already = !b.iter().any(|&c| c == b'*' || c == b'\t' || c == b'\n')
        && !text.contains("  ")
        && b.first().is_some_and(|c| !c.is_ascii_whitespace())
        && b.last().is_some_and(|c| !c.is_ascii_whitespace());
    if plain_already {
        return text.to_string(); // the common case, without re-scanning characters
    }
    let plain = strip_emphasis(text);
    let mut out = String::with_capacity(plain.len());
    for word in plain.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
#[path = "blocks_tests.rs"]
mod tests;
