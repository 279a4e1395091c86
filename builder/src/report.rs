//! The report JSON the page hands back for the pre-rendered markup, read the way the CLI and the
//! widget read a report: through the project's one reader (`model::parse_report`, the CLI's
//! own text reader), which reads and validates and gives every problem with its JSON path. The
//! page shows them all, one per line, as `grade-widget validate` lists them.

use grade_widget::model::{parse_report, Report, ReportProblem};

/// The report, valid, or every problem found in it: the CLI's problems, word for word (a test
/// below compares them), malformed text included.
pub fn read(json: &str) -> Result<Report, Vec<ReportProblem>> {
    parse_report(json)
}

/// What the page shows when the JSON cannot be rendered: the count, then every problem on a
/// line of its own (`domains[0].areas[0].grade: …`).
pub fn problems_message(problems: &[ReportProblem]) -> String {
    let count = problems.len();
    let mut out = format!("{count} problem{} in the report JSON:", if count == 1 { "" } else { "s" });
    for problem in problems {
        out.push('\n');
        out.push_str(&problem.to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{problems_message, read};
    use grade_widget::model::parse_report;
    use serde_json::{json, Value};

    const SEED: &str = include_str!("../../www/data/metropolitan-2006.json");

    /// The seed report with `change` made to its JSON value.
    fn seed_with(change: impl FnOnce(&mut Value)) -> String {
        let mut value: Value = serde_json::from_str(SEED).expect("the seed is JSON");
        change(&mut value);
        serde_json::to_string_pretty(&value).expect("JSON again")
    }

    #[test]
    fn the_seed_reads() {
        let report = read(SEED).expect("the seed is a valid report");
        assert_eq!(report.force, "Metropolitan Police Service");
    }

    #[test]
    fn every_problem_is_found_and_each_is_the_clis() {
        let json = seed_with(|v| {
            v["colour"] = json!("blue");
            v["domains"][0]["areas"][0]["grade"] = json!("brilliant");
            v["domains"][1]["areas"][0]["direction"] = json!("sideways");
            v["domains"][2]["areas"][0]["national"]["good"] = json!(99);
        });
        let problems = read(&json).expect_err("four problems");
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert!(lines.len() >= 4, "every problem, not the first only: {lines:#?}");
        for place in ["colour", "domains[0].areas[0].grade", "domains[1].areas[0].direction", "domains[2].areas[0].national"] {
            assert!(lines.iter().any(|l| l.starts_with(place)), "a problem at {place}: {lines:#?}");
        }
        // The one reader: the very problems `grade-widget validate` gives for this JSON.
        assert_eq!(problems, parse_report(&json).expect_err("the CLI's reader refuses it too"));

        let message = problems_message(&problems);
        assert_eq!(message.lines().count(), lines.len() + 1, "{message}");
        assert_eq!(message.lines().next(), Some(format!("{} problems in the report JSON:", lines.len())).as_deref());
        for line in &lines {
            assert!(message.lines().any(|l| l == line), "{line} is in {message}");
        }
    }

    #[test]
    fn malformed_and_trailing_text_are_problems() {
        let cases = [
            (" \n", "(document): the input is empty; expected a report json object"),
            ("{\"force\": ", "(document): malformed json: unexpected end of input while parsing a value at line 1 column 10"),
            ("[1, 2]", "(document): expected an object, found an array"),
            ("null", "(document): expected an object, found null"),
            ("{}", "schema_version: missing required field"),
        ];
        for (json, want) in cases {
            let problems = read(json).expect_err(json);
            let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
            assert_eq!(lines, [want], "{json:?}");
        }
        // The CLI's reader says the same, malformed text included.
        for json in [" \n", "{\"force\": ", "[1, 2]", "null", "{}"] {
            assert_eq!(read(json).err(), parse_report(json).err(), "{json:?}");
        }
        let trailing = format!("{}\n{{}}", SEED.trim_end());
        let problems = read(&trailing).expect_err("trailing characters");
        assert_eq!(problems.len(), 1, "{problems:#?}");
        assert!(problems[0].to_string().starts_with("(document): malformed json: trailing characters at line"), "{problems:#?}");
    }
}
