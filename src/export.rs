//! Exports: the grades as CSV and a chart as a standalone SVG file, with file names made from
//! the force's name. Pure functions (tested natively); the download itself is in `dom`.

use crate::model::Report;

/// One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. Text that a
/// spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading `'`.
fn field(out: &mut String, text: &str) {
    let guarded = matches!(text.chars().next(), Some('=' | '+' | '-' | '@' | '\t' | '\r'));
    let quote = guarded || text.contains([',', '"', '\n', '\r']);
    if quote {
        out.push('"');
    }
    if guarded {
        out.push('\'');
    }
    for c in text.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if quote {
        out.push('"');
    }
}

/// Every area's grade, direction and national counts, one row per area, CRLF line ends. One
/// count column per grade of the report's scale, lowest first, headed by its id (the 2006
/// columns are poor, fair, good, excellent, as they always were); empty cells for an area without
/// national counts, and for `forces_assessed` when the report does not give it.
pub fn grades_csv(report: &Report) -> String {
    let scale = &report.grades;
    let mut out = String::from("id,area,domain,grade,direction,");
    for g in scale.ranks() {
        field(&mut out, scale.def(g).map_or("", |d| &d.id));
        out.push(',');
    }
    out.push_str("forces_assessed\r\n");
    let total = report.forces_assessed.map(|f| f.to_string()).unwrap_or_default();
    for place in report.places() {
        let a = report.area_at(place);
        let domain = place.0.map_or("", |d| report.domains[d].title.as_str());
        let texts = [
            a.id.as_str(),
            a.title.as_str(),
            domain,
            a.grade_id.as_deref().unwrap_or(""),
            a.direction_id.as_deref().unwrap_or(""),
        ];
        for t in texts {
            field(&mut out, t);
            out.push(',');
        }
        for g in scale.ranks() {
            if let Some(n) = &a.national {
                out.push_str(&n.count(g).to_string());
            }
            out.push(',');
        }
        out.push_str(&total);
        out.push_str("\r\n");
    }
    out
}

/// A file name from the force's name and a suffix: "metropolitan-police-service-3a.svg".
pub fn file_name(force: &str, suffix: &str, extension: &str) -> String {
    let mut out = String::new();
    for c in force.chars().chain(['-']).chain(suffix.chars()) {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let stem = out.trim_end_matches('-');
    let stem = if stem.is_empty() { "report" } else { stem };
    crate::i18n::cat(&[stem, ".", extension])
}

/// The colours the chart needs outside the widget, for a downloaded SVG (light theme).
const SVG_STYLE: &str = "<style>.gw-bar{fill:#6f777b}.gw-bar--own{fill:#1d70b8;stroke:#0b0c0c;stroke-width:2}\
.gw-grid{stroke:#d8dcdf}.gw-baseline{stroke:#0b0c0c}text{fill:#0b0c0c;font-family:Arial,sans-serif;font-size:12px}\
.gw-tick-label{fill:#505a5f;font-size:11px}.gw-count--own,.gw-cat--own,.gw-marker-label{font-weight:700}\
.gw-marker-shape{fill:#0b0c0c}</style>";

/// A chart's markup (`<svg …>…</svg>` as rendered) as a file that stands alone: the SVG
/// namespace, a title, and its own colours. None if `markup` is not an `<svg>` element.
pub fn standalone_svg(markup: &str, title: &str) -> Option<String> {
    let rest = markup.strip_prefix("<svg")?;
    let open_end = rest.find('>')?;
    let mut out = String::with_capacity(markup.len() + SVG_STYLE.len() + 64);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"");
    out.push_str(&rest[..=open_end]);
    out.push_str("<title>");
    for c in title.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '&' => out.push_str("&amp;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out.push_str("</title>");
    out.push_str(SVG_STYLE);
    out.push_str(&rest[open_end + 1..]);
    out.push('\n');
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields() {
        let cases = [
            ("plain", "plain"),
            ("Training, Development", "\"Training, Development\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""),
            ("-1", "\"'-1\""),
            ("line\nbreak", "\"line\nbreak\""),
            ("", ""),
        ];
        for (text, want) in cases {
            let mut out = String::new();
            field(&mut out, text);
            assert_eq!(out, want, "{text:?}");
        }
    }

    #[test]
    fn file_names() {
        let cases = [
            ("Metropolitan Police Service", "grades", "csv", "metropolitan-police-service-grades.csv"),
            ("Metropolitan Police Service", "3A", "svg", "metropolitan-police-service-3a.svg"),
            ("  Dyfed-Powys Police ", "grades", "csv", "dyfed-powys-police-grades.csv"),
            ("Heddlu Gogledd Cymru / North Wales", "", "csv", "heddlu-gogledd-cymru-north-wales.csv"),
            ("", "", "csv", "report.csv"),
            ("<script>", "../..", "svg", "script.svg"),
        ];
        for (force, suffix, ext, want) in cases {
            assert_eq!(file_name(force, suffix, ext), want);
        }
    }

    #[test]
    fn standalone_svgs() {
        let svg = standalone_svg("<svg viewBox=\"0 0 1 1\" role=\"img\"><rect></rect></svg>", "3A <x> & y").unwrap_or_default();
        assert!(svg.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\" role=\"img\"><title>3A &lt;x&gt; &amp; y</title><style>"));
        assert!(svg.ends_with("</style><rect></rect></svg>\n"));
        assert_eq!(standalone_svg("<div></div>", "x"), None);
    }
}
