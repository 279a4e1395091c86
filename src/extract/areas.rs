//! Domains and areas: headings, the Grade / Direction of Travel lines and the National Grade
//! Distribution of each area. The text sections that follow are left to `sections`.

use crate::model::{Direction, Grade, NationalDistribution, Scale};

use super::blocks::terminated;
use super::columns;
use super::error::{ExtractProblem, ExtractProblemKind};
use super::grades;
use super::lines::Item;

#[derive(Debug, Clone)]
pub(crate) struct RawDomain {
    pub id: String,
    pub title: String,
    pub ppaf: Option<String>,
    pub areas: Vec<RawArea>,
}

#[derive(Debug, Clone)]
pub(crate) struct RawArea {
    pub id: String,
    pub title: String,
    pub line: usize,
    pub grade: Option<Grade>,
    pub direction: Option<Direction>,
    pub grade_line: usize,
    /// False when the grade or direction could not be read (already reported).
    pub grade_readable: bool,
    pub national: NationalDistribution,
    /// Line of the counts, for sum errors; None when the distribution could not be read.
    pub national_line: Option<usize>,
    /// Everything after the distribution, up to the next area or domain heading.
    pub items: Vec<Item>,
}

/// "3A Managing Critical Incidents and Major Crime" followed by a "Grade" line.
fn area_heading<'a>(item: &'a Item, next: Option<&Item>) -> Option<(&'a str, &'a str)> {
    let t = item.trimmed();
    let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let rest = t.get(digits..)?;
    let mut chars = rest.chars();
    let letter = chars.next()?;
    let title = chars.as_str();
    let ok = (1..=2).contains(&digits)
        && letter.is_ascii_uppercase()
        && title.starts_with(' ')
        && !terminated(title)
        && !title.contains('\t')
        && next.is_some_and(|n| n.trimmed().starts_with("Grade"));
    ok.then(|| (&t[..digits + 1], title.trim()))
}

/// "1 Citizen Focus (Domain A)" followed by its first area heading.
fn domain_heading<'a>(
    item: &'a Item,
    next: Option<&Item>,
    after: Option<&Item>,
) -> Option<(&'a str, &'a str)> {
    let t = item.trimmed();
    let (id, title) = t.split_once(' ')?;
    let numeric = !id.is_empty() && id.len() <= 2 && id.chars().all(|c| c.is_ascii_digit());
    let next = next?;
    let (area_id, _) = area_heading(next, after)?;
    let same = area_id.strip_suffix(|c: char| c.is_ascii_uppercase()) == Some(id);
    (numeric && same && !terminated(title) && !title.contains('\t')).then(|| (id, title.trim()))
}

/// "Citizen Focus (Domain A)" -> ("Citizen Focus", Some("Domain A")); "(PPAF Domain A)" too.
fn split_ppaf(title: &str) -> (String, Option<String>) {
    if let Some(open) = title.rfind('(') {
        let inner = title[open + 1..].trim_end_matches(')').trim();
        let inner = inner.strip_prefix("PPAF ").unwrap_or(inner);
        if inner.starts_with("Domain ") && title.ends_with(')') {
            return (title[..open].trim().to_string(), Some(inner.to_string()));
        }
    }
    (title.to_string(), None)
}

/// Reads every domain and area in `items` (the report body between the summary table and
/// the glossary).
pub(crate) fn scan(items: &[Item], problems: &mut Vec<ExtractProblem>) -> Vec<RawDomain> {
    let mut domains: Vec<RawDomain> = Vec::new();
    let mut i = 0;
    while let Some(item) = items.get(i) {
        let next = items.get(i + 1);
        if let Some((id, title)) = domain_heading(item, next, items.get(i + 2)) {
            let (title, ppaf) = split_ppaf(title);
            domains.push(RawDomain {
                id: id.to_string(),
                title,
                ppaf,
                areas: Vec::new(),
            });
            i += 1;
            continue;
        }
        if let Some((id, title)) = area_heading(item, next) {
            let end = (i + 1..items.len())
                .find(|&j| {
                    let (a, b, c) = (items.get(j), items.get(j + 1), items.get(j + 2));
                    a.is_some_and(|a| {
                        area_heading(a, b).is_some() || domain_heading(a, b, c).is_some()
                    })
                })
                .unwrap_or(items.len());
            let area = read_area(
                id,
                title,
                item.no,
                items.get(i + 1..end).unwrap_or(&[]),
                problems,
            );
            let number = id.trim_end_matches(|c: char| c.is_ascii_uppercase());
            match domains.last_mut() {
                Some(d) if d.id == number => d.areas.push(area),
                // An area whose domain heading is missing gets a domain of its own number;
                // its title is filled in from the summary table.
                _ => domains.push(RawDomain {
                    id: number.to_string(),
                    title: String::new(),
                    ppaf: None,
                    areas: vec![area],
                }),
            }
            i = end;
            continue;
        }
        i += 1; // text outside any area (none in this layout)
    }
    domains
}

fn read_area(
    id: &str,
    title: &str,
    line: usize,
    items: &[Item],
    problems: &mut Vec<ExtractProblem>,
) -> RawArea {
    let mut area = RawArea {
        id: id.to_string(),
        title: title.to_string(),
        line,
        grade: None,
        direction: None,
        grade_line: line,
        grade_readable: false,
        national: NationalDistribution::from_counts(&Scale::default(), &[0; 4]),
        national_line: None,
        items: Vec::new(),
    };
    let mut used = read_grade(&mut area, items, problems);
    let dist = items.get(used..).unwrap_or(&[]);
    if let Some(pos) = dist.iter().take(3).position(|it| {
        it.trimmed()
            .eq_ignore_ascii_case("National Grade Distribution")
    }) {
        used +=
            pos + 1 + read_distribution(&mut area, dist.get(pos + 1..).unwrap_or(&[]), problems);
    } else {
        let detail = "not found after the grade".to_string();
        problems.push(ExtractProblem::at(
            ExtractProblemKind::NoDistribution {
                area: area.id.clone(),
                detail,
            },
            line,
        ));
    }
    area.items = items.get(used..).unwrap_or(&[]).to_vec();
    area
}

/// Reads "Grade<TAB>Direction of Travel" and the values line (tabs or, from `pdftotext
/// -layout`, runs of spaces between them); returns items used.
fn read_grade(area: &mut RawArea, items: &[Item], problems: &mut Vec<ExtractProblem>) -> usize {
    let (Some(header), Some(values)) = (items.first(), items.get(1)) else {
        problems.push(ExtractProblem::at(
            ExtractProblemKind::NoGrade {
                area: area.id.clone(),
            },
            area.line,
        ));
        return 0;
    };
    let no_direction = header
        .trimmed()
        .to_ascii_lowercase()
        .contains("no direction");
    let cells = columns::cells(&values.text);
    let (g, d) = match cells.as_slice() {
        [g] => split_words(g),
        [g, d, ..] => (*g, *d),
        [] => ("", ""),
    };
    area.grade_line = values.no;
    area.grade_readable = true;
    match grades::grade(g) {
        Ok(grade) => area.grade = grade,
        Err(word) => {
            area.grade_readable = false;
            problems.push(ExtractProblem::at(
                ExtractProblemKind::BadGrade {
                    area: area.id.clone(),
                    word,
                },
                values.no,
            ))
        }
    }
    if no_direction && d.is_empty() {
        area.direction = None;
    } else {
        match grades::direction(d) {
            Ok(dir) => area.direction = dir,
            Err(word) => {
                area.grade_readable = false;
                problems.push(ExtractProblem::at(
                    ExtractProblemKind::BadDirection {
                        area: area.id.clone(),
                        word,
                    },
                    values.no,
                ))
            }
        }
    }
    2
}

/// "Good Improved" with the tab lost: grade word(s) first, the rest is the direction.
fn split_words(s: &str) -> (&str, &str) {
    if let (Some(head), Some(tail)) = (s.get(..10), s.get(10..)) {
        if head.eq_ignore_ascii_case("not graded") {
            return (head, tail.trim());
        }
    }
    s.split_once(' ').map_or((s, ""), |(g, d)| (g, d.trim()))
}

/// Reads the "Poor Fair Good Excellent" header (in whatever order it gives) and the counts;
/// returns items used.
fn read_distribution(area: &mut RawArea, items: &[Item], problems: &mut Vec<ExtractProblem>) -> usize {
    let fail = |detail: &str, line: usize, problems: &mut Vec<ExtractProblem>| {
        let kind = ExtractProblemKind::NoDistribution {
            area: area.id.clone(),
            detail: detail.to_string(),
        };
        problems.push(ExtractProblem::at(kind, line));
    };
    let (Some(header), Some(counts)) = (items.first(), items.get(1)) else {
        fail("has no header and counts lines", area.line, problems);
        return items.len();
    };
    let columns: Vec<Option<Grade>> = header.text.split_whitespace().map(Grade::parse).collect();
    let distinct = Grade::ALL
        .iter()
        .all(|g| columns.contains(&Some(*g)));
    if columns.len() != 4 || !distinct {
        fail(
            &format!("header \"{}\" is not the four grades", header.trimmed()),
            header.no,
            problems,
        );
        return 1;
    }
    let numbers: Vec<Option<i64>> = counts
        .text
        .split_whitespace()
        .map(|w| w.parse().ok())
        .collect();
    if numbers.len() != 4 || numbers.iter().any(Option::is_none) {
        let detail = format!(
            "\"{}\" is not four whole numbers",
            counts.text.split_whitespace().collect::<Vec<_>>().join(" ")
        );
        fail(&detail, counts.no, problems);
        return 2;
    }
    let mut by_rank = [0i64; 4];
    for (g, n) in columns.into_iter().zip(numbers) {
        if let Some(g) = g.filter(|g| g.rank() < 4) {
            by_rank[g.rank()] = n.unwrap_or(0);
        }
    }
    // The 2006 scale's ids in its column order: poor, fair, good, excellent.
    area.national = NationalDistribution::from_counts(&Scale::default(), &by_rank);
    area.national_line = Some(counts.no);
    2
}
