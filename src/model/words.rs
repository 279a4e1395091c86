//! Grades and directions inside the crate: a [`Grade`] is a rank into the report's scale (0 the
//! lowest), a [`Direction`] an index into its directions. The words they stand for are the
//! scale's (src/model/scale.rs); the report's JSON holds ids, which reading resolves
//! (src/model/resolve.rs).

/// A grade: its rank in the report's scale, 0 the lowest. Ordered, so a higher grade is
/// greater whatever the scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Grade(pub u8);

// The 2006 scale's four grades under the names the four-grade enum gave them, so code and tests
// about that scale read as before. Only meaningful for a report on that scale.
#[allow(non_upper_case_globals)]
impl Grade {
    pub const Poor: Grade = Grade(0);
    pub const Fair: Grade = Grade(1);
    pub const Good: Grade = Grade(2);
    pub const Excellent: Grade = Grade(3);
    /// The 2006 scale's grades, lowest first (the report's column order).
    pub const ALL: [Grade; 4] = [Grade::Poor, Grade::Fair, Grade::Good, Grade::Excellent];
}

impl Grade {
    /// 0 for the lowest grade.
    pub fn rank(&self) -> usize {
        self.0 as usize
    }

    /// The 2006 scale's id for this grade ("poor" … "excellent"): for the 2006 extractor.
    pub fn as_str(&self) -> &'static str {
        ["poor", "fair", "good", "excellent"].get(self.rank()).copied().unwrap_or("")
    }

    /// Reads a 2006 grade word in any letter case ("Excellent", "good"); None if it is not one.
    pub fn parse(word: &str) -> Option<Grade> {
        let w = word.trim();
        Grade::ALL.into_iter().find(|g| g.as_str().eq_ignore_ascii_case(w))
    }
}

/// A direction of travel: its index in the scale's directions (as listed, best first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Direction(pub u8);

#[allow(non_upper_case_globals)]
impl Direction {
    pub const Improved: Direction = Direction(0);
    pub const Stable: Direction = Direction(1);
    pub const Declined: Direction = Direction(2);
    /// The 2006 scale's directions.
    pub const ALL: [Direction; 3] = [Direction::Improved, Direction::Stable, Direction::Declined];
}

impl Direction {
    /// The 2006 scale's id for this direction: for the 2006 extractor.
    pub fn as_str(&self) -> &'static str {
        ["improved", "stable", "declined"].get(self.0 as usize).copied().unwrap_or("")
    }

    /// Reads a 2006 direction word in any letter case; None if it is not one.
    pub fn parse(word: &str) -> Option<Direction> {
        let w = word.trim();
        Direction::ALL.into_iter().find(|d| d.as_str().eq_ignore_ascii_case(w))
    }
}
