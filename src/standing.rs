//! Where this force stands among all forces in one area: how many share its grade, how many
//! were graded lower and how many higher. Pure arithmetic on the national distribution, on any scale.

use crate::model::{Grade, NationalDistribution};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Standing {
    /// Forces with this force's grade, this force included.
    pub same: i64,
    pub lower: i64,
    pub higher: i64,
}

/// This force's standing, or None when it was not graded (or the grade is not a real one).
pub fn standing(d: &NationalDistribution, grade: Option<&Grade>) -> Option<Standing> {
    let rank = grade?.rank();
    let counts = &d.counts;
    if rank >= counts.len() {
        return None;
    }
    let sum = |s: &[i64]| s.iter().fold(0i64, |a, b| a.saturating_add(*b));
    Some(Standing { same: counts[rank], lower: sum(&counts[..rank]), higher: sum(&counts[rank + 1..]) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standings() {
        let d = NationalDistribution { given: Vec::new(), counts: vec![5, 17, 17, 4] };
        let cases = [
            (Some(Grade::Excellent), Some(Standing { same: 4, lower: 39, higher: 0 })),
            (Some(Grade::Good), Some(Standing { same: 17, lower: 22, higher: 4 })),
            (Some(Grade::Fair), Some(Standing { same: 17, lower: 5, higher: 21 })),
            (Some(Grade::Poor), Some(Standing { same: 5, lower: 0, higher: 38 })),
            (None, None),
        ];
        for (grade, want) in cases {
            assert_eq!(standing(&d, grade.as_ref()), want, "{grade:?}");
        }
    }
}
