//! The validator's walk (validate.rs): where it is in the report ([`At`], a path kept on the
//! stack and turned into steps only for a problem), and two rules it checks, kept apart so
//! validate.rs stays readable: counting text blocks, and the `YYYY-MM` date.

use std::borrow::Cow;

use super::problem::{ReportPath, Step};
use super::{Area, Group, Report};

/// Where the walk is: a path kept on the stack, turned into [`Step`]s only when a problem is
/// found, so checking a valid report allocates nothing for paths.
#[derive(Clone, Copy)]
pub(super) enum At<'a> {
    Root,
    Key(&'a At<'a>, &'static str),
    Index(&'a At<'a>, usize),
}

impl<'a> At<'a> {
    pub(super) fn key(&'a self, k: &'static str) -> At<'a> {
        At::Key(self, k)
    }
    pub(super) fn index(&'a self, i: usize) -> At<'a> {
        At::Index(self, i)
    }
    pub(super) fn path(&self) -> ReportPath {
        let mut steps = Vec::new();
        let mut at = self;
        loop {
            match at {
                At::Root => break,
                At::Key(parent, k) => {
                    steps.push(Step::Key(Cow::Borrowed(*k)));
                    at = parent;
                }
                At::Index(parent, i) => {
                    steps.push(Step::Index(*i));
                    at = parent;
                }
            }
        }
        steps.reverse();
        ReportPath(steps)
    }
}

pub(super) fn count_blocks(r: &Report) -> usize {
    let section = |s: &[Group]| s.iter().map(|g| g.blocks.len()).sum::<usize>();
    let area = |a: &Area| {
        section(&a.national_context)
            + section(&a.context)
            + section(&a.strengths)
            + section(&a.work_in_progress)
            + section(&a.areas_for_improvement)
            + a.good_practice.iter().map(|g| g.body.len()).sum::<usize>()
    };
    // Plain loops rather than `Report::areas()`: its chain's `sum` was an instance of its own.
    let mut blocks = r.overview.iter().map(|o| o.blocks.len()).sum::<usize>();
    for d in &r.domains {
        blocks += d.areas.iter().map(area).sum::<usize>();
    }
    blocks + r.areas.iter().map(area).sum::<usize>()
}

/// `YYYY-MM` with a month from 01 to 12.
pub(super) fn is_year_month(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 7
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..].iter().all(u8::is_ascii_digit)
        && matches!(
            &s[5..],
            "01" | "02" | "03" | "04" | "05" | "06" | "07" | "08" | "09" | "10" | "11" | "12"
        )
}
