//! The cover and front matter: force name, title, publication month, assessed period.
//!
//! Nothing is assumed from one force: the force name is the cover's first line and the
//! publication month is read from the cover line "<Title> <Month> <Year>"; the same month and
//! year is what the page footers repeat, so it is also how footers are recognised.

use super::error::{ExtractError, ExtractProblem, ExtractProblemKind};
use super::normalise::RawLine;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// What the cover says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Cover {
    pub force: String,
    pub title: String,
    /// "2006-10".
    pub published: String,
    /// "October 2006": the page footer text.
    pub footer: String,
}

/// How many non-blank lines from the top the cover line may be.
const COVER_LINES: usize = 12;

/// Reads the cover from the first non-blank lines (page headers skipped).
pub(crate) fn read(lines: &[RawLine]) -> Result<Cover, ExtractError> {
    let mut top = lines.iter().filter(|l| {
        let t = l.text.trim();
        !t.is_empty() && !is_page_header(t, None)
    });
    let first = top
        .next()
        .ok_or_else(|| ExtractError::one(ExtractProblemKind::Empty, None))?;
    let force = first.text.trim().to_string();
    if force.contains('\t')
        || force.chars().count() > 100
        || !force.starts_with(char::is_alphabetic)
    {
        return Err(ExtractError::one(ExtractProblemKind::NoForce, Some(first.no)));
    }
    let mut previous: Option<&str> = None;
    for line in top.take(COVER_LINES) {
        let text = line.text.trim();
        // "Baseline Assessment October 2006", or the title and the date on two lines.
        let found = cover_date(text).or_else(|| {
            let (month, year) = month_year(text)?;
            previous.map(|title| (title, month, year))
        });
        if let Some((title, month, year)) = found {
            return Ok(Cover {
                force,
                title: title.to_string(),
                published: format!("{year}-{month:02}"),
                footer: format!("{} {year}", MONTHS.get(month - 1).copied().unwrap_or("")),
            });
        }
        previous = Some(text).filter(|t| !t.contains('\t') && t.len() < 100);
    }
    Err(ExtractError::new(vec![ExtractProblem {
        kind: ExtractProblemKind::NoCoverDate,
        line: None,
    }]))
}

/// "October 2006" -> (10, 2006).
fn month_year(text: &str) -> Option<(usize, u32)> {
    let (month, year) = text.trim().split_once(' ')?;
    let year: u32 = year
        .trim()
        .parse()
        .ok()
        .filter(|y| (1900..=2999).contains(y))?;
    let month = MONTHS.iter().position(|m| m.eq_ignore_ascii_case(month))? + 1;
    Some((month, year))
}

/// "Baseline Assessment October 2006" -> ("Baseline Assessment", 10, 2006).
fn cover_date(line: &str) -> Option<(&str, usize, u32)> {
    let (rest, year) = line.rsplit_once(' ')?;
    let (title, month) = rest.trim_end().rsplit_once(' ')?;
    let (month, year) = month_year(&format!("{month} {year}"))?;
    let title = title.trim();
    (!title.is_empty() && title.chars().any(char::is_alphabetic)).then_some((title, month, year))
}

/// A page header added by some PDF tools: "Page 12 Metropolitan Police Service - Baseline
/// Assessment", or just "Page 12". `force` narrows the match once the cover is known.
pub(crate) fn is_page_header(line: &str, cover: Option<&Cover>) -> bool {
    let Some(rest) = line.strip_prefix("Page ") else {
        return false;
    };
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 {
        return false;
    }
    let tail = rest[digits..].trim();
    if tail.is_empty()
        || tail.starts_with("of ") && tail[3..].trim().chars().all(|c| c.is_ascii_digit())
    {
        return true;
    }
    match cover {
        Some(c) => tail.contains(&c.force) || tail.contains(&c.title),
        None => tail.contains(" - ") || tail.contains(" \u{2013} ") || tail.ends_with("Assessment"),
    }
}

/// The assessed period, "2005/06", from "financial year 2005/06" or from "assessment period
/// 1 April 2005 to 31 March 2006"; None when the text gives neither.
pub(crate) fn period<'a>(mut lines: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut from_dates = None;
    for line in &mut lines {
        if let Some(p) = after_phrase(line, "financial year ").and_then(year_pair) {
            return Some(p);
        }
        if from_dates.is_none() {
            from_dates = after_phrase(line, "assessment period ").and_then(date_range);
        }
    }
    from_dates
}

fn after_phrase<'a>(line: &'a str, phrase: &str) -> Option<&'a str> {
    line.find(phrase).map(|i| &line[i + phrase.len()..])
}

/// "2005/06 ..." -> "2005/06".
fn year_pair(s: &str) -> Option<String> {
    let candidate: String = s.chars().take(7).collect();
    let (a, b) = candidate.split_once('/')?;
    let ok =
        a.len() == 4 && b.len() == 2 && (a.chars().chain(b.chars())).all(|c| c.is_ascii_digit());
    ok.then_some(candidate)
}

/// "1 April 2005 to 31 March 2006 ..." -> "2005/06".
fn date_range(s: &str) -> Option<String> {
    let (start, end) = s.split_once(" to ")?;
    let y1: u32 = start.split_whitespace().nth(2)?.parse().ok()?;
    let y2: u32 = end
        .split_whitespace()
        .nth(2)?
        .trim_end_matches(['.', ',', ';'])
        .parse()
        .ok()?;
    (y2 == y1 + 1).then(|| format!("{y1}/{:02}", y2 % 100))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_cover_dates() {
        assert_eq!(
            cover_date("Baseline Assessment October 2006"),
            Some(("Baseline Assessment", 10, 2006))
        );
        assert_eq!(cover_date("Baseline Assessment 2006"), None);
        assert_eq!(cover_date("October 2006"), None);
    }

    #[test]
    fn recognises_page_headers() {
        let cases = [
            (
                "Page 12 Metropolitan Police Service - Baseline Assessment",
                true,
            ),
            ("Page 3", true),
            ("Page 3 of 40", true),
            ("Page 12 of the report shows more", false),
            ("Pages 12", false),
        ];
        for (line, want) in cases {
            assert_eq!(is_page_header(line, None), want, "{line}");
        }
    }

    #[test]
    fn reads_periods() {
        let cases = [
            (
                vec!["covers the financial year 2005/06; more"],
                Some("2005/06"),
            ),
            (
                vec!["the assessment period 1 April 2004 to 31 March 2005."],
                Some("2004/05"),
            ),
            (vec!["nothing here"], None),
        ];
        for (lines, want) in cases {
            assert_eq!(period(lines.into_iter()).as_deref(), want);
        }
    }
}
