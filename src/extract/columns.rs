//! The cells of one table row. Reports flattened with tabs put a tab between cells; PDF-to-text
//! tools that keep the page layout (`pdftotext -layout`) line the columns up with runs of
//! spaces instead. Words inside a cell ("Not Graded", "Direction of Travel") have single spaces,
//! so two or more spaces in a row are a column gap.

/// Tab-separated when the line has a tab (each cell trimmed, empty cells kept: "Citizen Focus
/// <TAB><TAB>" is three cells); otherwise split at runs of two or more spaces, with no empty
/// cells (a layout row has no marker for an empty column).
pub(crate) fn cells(line: &str) -> Vec<&str> {
    if line.contains('\t') {
        return line.split('\t').map(str::trim).collect();
    }
    line.trim()
        .split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect()
}

/// Whether a row is laid out with spaces rather than tabs.
pub(crate) fn is_layout(line: &str) -> bool {
    !line.contains('\t') && line.trim().contains("  ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_tabs_and_space_runs() {
        let cases: [(&str, &[&str]); 6] = [
            ("Fair\tImproved", &["Fair", "Improved"]),
            ("Citizen Focus\t\t", &["Citizen Focus", "", ""]),
            ("  Volume Crime Reduction      Fair        Improved", &["Volume Crime Reduction", "Fair", "Improved"]),
            ("Professional Standards   Good   Not Graded", &["Professional Standards", "Good", "Not Graded"]),
            ("   Citizen Focus", &["Citizen Focus"]),
            ("Good Improved", &["Good Improved"]),
        ];
        for (line, want) in cases {
            assert_eq!(cells(line), want, "line {line:?}");
        }
        assert!(is_layout("Summary of Judgements    Grade    Direction of Travel"));
        assert!(!is_layout("Summary of Judgements\tGrade\tDirection of Travel"));
        assert!(!is_layout("   Citizen Focus"));
    }
}
