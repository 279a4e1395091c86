//! The widget's interactive state: which area is selected, the filters and the sort order.
//! Components only send [`Action`]s; [`State::reduce`] is the one place the state changes.
//! [`arrange`] turns a report plus this state into the rows to show, as a pure function.

use std::rc::Rc;

use yew::Reducible;

use crate::model::{Direction, Grade, Report, Scale};

/// Row order in the summary table and the at-a-glance grid.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub enum Sort {
    /// Report order, grouped by domain.
    #[default]
    Id,
    /// Highest grade first, grouped by grade; report order within a grade.
    Grade,
}

impl Sort {
    /// The `<option value>`.
    pub fn value(self) -> &'static str {
        match self {
            Sort::Id => "id",
            Sort::Grade => "grade",
        }
    }

    pub fn from_value(v: &str) -> Sort {
        if v == "grade" {
            Sort::Grade
        } else {
            Sort::Id
        }
    }
}

/// A filter on a value an area may lack (grade, direction): everything, only areas without one,
/// or one value.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub enum Pick<T> {
    #[default]
    All,
    Missing,
    Only(T),
}

/// The value of the "not graded / no direction" option in the filter selects.
pub const MISSING: &str = "none";

impl<T: PartialEq> Pick<T> {
    pub fn accepts(&self, v: Option<&T>) -> bool {
        match self {
            Pick::All => true,
            Pick::Missing => v.is_none(),
            Pick::Only(want) => v == Some(want),
        }
    }
}

impl Pick<Grade> {
    /// From a select's value: "" all, "none" missing, a grade id of the report's scale.
    pub fn from_value(v: &str, scale: &Scale) -> Self {
        match v {
            MISSING => Pick::Missing,
            _ => scale.grade_of_id(v).map_or(Pick::All, Pick::Only),
        }
    }
}

impl Pick<Direction> {
    pub fn from_value(v: &str, scale: &Scale) -> Self {
        match v {
            MISSING => Pick::Missing,
            _ => scale.direction_of_id(v).map_or(Pick::All, Pick::Only),
        }
    }
}

/// The three filters. `domain` holds a domain id ("3"); None shows every domain.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct Filters {
    pub domain: Option<String>,
    pub grade: Pick<Grade>,
    pub direction: Pick<Direction>,
}

impl Filters {
    pub fn is_active(&self) -> bool {
        *self != Filters::default()
    }
}

#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct State {
    /// The selected area's id as the report writes it ("3A").
    pub selected: Option<String>,
    pub filters: Filters,
    pub sort: Sort,
    /// Counts selections the reader made; the detail moves focus to its heading when this
    /// changes, so focus never jumps on its own (on load, on a deep link).
    pub focus_request: u32,
    /// Counts "Show all areas" presses (and "back" when the row is filtered out): focus moves
    /// to the summary table's heading, as the button that had it is gone.
    pub reset_focus: u32,
    /// Counts "Back to … in the table" presses: focus moves to the selected area's row.
    pub row_focus: u32,
    /// The selected area's findings text waits for the next frame: the reader chose another
    /// area, whose heading, grade and chart come first (see `AreaDetailProps::text`).
    pub text_later: bool,
}

impl State {
    /// The starting state, with `selected` if the host asked for an area.
    pub fn with_selected(selected: Option<String>) -> State {
        State { selected, ..State::default() }
    }
}

pub enum Action {
    /// Select an area; `by_user` is true for a click or key press (moves focus to the detail).
    Select { id: String, by_user: bool },
    FilterDomain(Option<String>),
    FilterGrade(Pick<Grade>),
    FilterDirection(Pick<Direction>),
    SortBy(Sort),
    /// "Show all areas": clears the filters and moves focus to the table.
    ClearFilters,
    /// Focus the selected area's row (from its findings).
    FocusRow,
    /// Focus the summary table's heading.
    FocusTable,
    /// Draw the selected area's findings text (a frame after the reader chose the area).
    ShowText,
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Select { id, by_user } => {
                // Another area: a reader's choice draws its text a frame later. The same
                // area again (a deep link's echo of the reader's choice, too) changes nothing.
                if next.selected.as_ref() != Some(&id) {
                    next.text_later = by_user;
                    next.selected = Some(id);
                }
                if by_user {
                    next.focus_request = next.focus_request.wrapping_add(1);
                }
            }
            Action::FilterDomain(d) => next.filters.domain = d,
            Action::FilterGrade(g) => next.filters.grade = g,
            Action::FilterDirection(d) => next.filters.direction = d,
            Action::SortBy(s) => next.sort = s,
            Action::ClearFilters => {
                next.filters = Filters::default();
                next.reset_focus = next.reset_focus.wrapping_add(1);
            }
            Action::FocusRow => next.row_focus = next.row_focus.wrapping_add(1),
            Action::FocusTable => next.reset_focus = next.reset_focus.wrapping_add(1),
            Action::ShowText => next.text_later = false,
        }
        // Same state: hand back the same Rc so yew skips the re-render.
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

/// What heads a group of rows.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GroupKey {
    /// Index into `report.domains`.
    Domain(usize),
    /// The flat list of a report without domains: no heading.
    Flat,
    /// A grade rank (0 the lowest), or None for areas not graded.
    Grade(Option<usize>),
}

/// A run of rows under one heading. Rows are indices into `report.areas()` order.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct RowGroup {
    pub key: GroupKey,
    pub rows: Vec<usize>,
}

/// The rows to show, grouped and ordered, for these filters and this sort. Groups left empty
/// by the filters are dropped. Linear in the number of areas (plus a sort of the few groups).
pub fn arrange(report: &Report, filters: &Filters, sort: Sort) -> Vec<RowGroup> {
    let mut groups: Vec<RowGroup> = Vec::new();
    let mut index = 0usize;
    for place in report.places() {
        let area = report.area_at(place);
        let domain_ok = match place.0 {
            Some(di) => filters.domain.as_deref().is_none_or(|d| d == report.domains[di].id),
            None => true,
        };
        let i = index;
        index += 1;
        if !(domain_ok && filters.grade.accepts(area.grade.as_ref()) && filters.direction.accepts(area.direction.as_ref())) {
            continue;
        }
        let key = match (sort, place.0) {
            (Sort::Id, Some(di)) => GroupKey::Domain(di),
            (Sort::Id, None) => GroupKey::Flat,
            (Sort::Grade, _) => GroupKey::Grade(area.grade.as_ref().map(Grade::rank)),
        };
        match groups.iter_mut().find(|g| g.key == key) {
            Some(g) => g.rows.push(i),
            None => groups.push(RowGroup { key, rows: vec![i] }),
        }
    }
    if sort == Sort::Grade {
        // Highest grade first; areas without a grade last. At most eight groups, each with its
        // own key: picked in order by hand, which is smaller in the wasm than a sort's
        // monomorphised merge sort (issue 12), and keeps report order within each group.
        let rank = |g: &RowGroup| match g.key {
            GroupKey::Grade(Some(r)) => r as i64,
            _ => -1,
        };
        let mut ordered = Vec::with_capacity(groups.len());
        while let Some(i) = (0..groups.len()).reduce(|a, b| if rank(&groups[b]) > rank(&groups[a]) { b } else { a }) {
            ordered.push(groups.swap_remove(i));
        }
        groups = ordered;
    }
    groups
}

/// Every area in table order for a sort (`arrange` with no filters), and which of them the
/// filters let through, by report index. The table and the at-a-glance grid keep every area
/// mounted and hide the ones left out, so a filter change flips `hidden` attributes instead of
/// building rows and charts again (issue 12).
#[derive(PartialEq, Debug)]
pub struct Arranged {
    pub groups: Vec<RowGroup>,
    pub visible: Vec<bool>,
    /// How many are visible.
    pub shown: usize,
}

impl Arranged {
    pub fn new(report: &Report, filters: &Filters, sort: Sort) -> Arranged {
        let groups = arrange(report, &Filters::default(), sort);
        let mut visible = vec![false; report.areas().count()];
        let mut shown = 0;
        for i in arrange(report, filters, sort).iter().flat_map(|g| g.rows.iter()) {
            visible[*i] = true;
            shown += 1;
        }
        Arranged { groups, visible, shown }
    }

    /// Whether any row of this group is visible (a group with none is hidden, heading and all).
    pub fn any(&self, g: &RowGroup) -> bool {
        g.rows.iter().any(|i| self.visible[*i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Area, Domain};

    fn area(id: &str, grade: Option<Grade>, direction: Option<Direction>) -> Area {
        Area {
            id: id.into(),
            title: id.into(),
            grade_id: grade.map(|g| g.as_str().into()),
            direction_id: direction.map(|d| d.as_str().into()),
            ..Area::default()
        }
    }

    fn report() -> Report {
        let mut r = Report {
            schema_version: 1,
            force: "F".into(),
            title: "T".into(),
            domains: vec![
                Domain { id: "1".into(), title: "One".into(), ppaf: None, areas: vec![area("1A", Some(Grade::Fair), Some(Direction::Improved)), area("1B", Some(Grade::Excellent), None)] },
                Domain { id: "2".into(), title: "Two".into(), ppaf: None, areas: vec![area("2A", None, Some(Direction::Stable)), area("2B", Some(Grade::Good), Some(Direction::Improved)), area("2C", Some(Grade::Excellent), Some(Direction::Declined))] },
            ],
            ..Report::default()
        };
        r.resolve();
        r
    }

    type Rows = Vec<(GroupKey, Vec<usize>)>;

    fn rows(groups: &[RowGroup]) -> Rows {
        groups.iter().map(|g| (g.key, g.rows.clone())).collect()
    }

    #[test]
    fn arrange_cases() {
        use GroupKey::*;
        let r = report();
        let all = Filters::default();
        let only_domain_2 = Filters { domain: Some("2".into()), ..Filters::default() };
        let excellent = Filters { grade: Pick::Only(crate::model::Grade::Excellent), ..Filters::default() };
        let ungraded = Filters { grade: Pick::Missing, ..Filters::default() };
        let no_direction = Filters { direction: Pick::Missing, ..Filters::default() };
        let improved_in_2 = Filters { domain: Some("2".into()), direction: Pick::Only(Direction::Improved), ..Filters::default() };
        let nothing = Filters { domain: Some("9".into()), ..Filters::default() };
        let cases: Vec<(&Filters, Sort, Rows)> = vec![
            (&all, Sort::Id, vec![(Domain(0), vec![0, 1]), (Domain(1), vec![2, 3, 4])]),
            (&all, Sort::Grade, vec![(Grade(Some(3)), vec![1, 4]), (Grade(Some(2)), vec![3]), (Grade(Some(1)), vec![0]), (Grade(None), vec![2])]),
            (&only_domain_2, Sort::Id, vec![(Domain(1), vec![2, 3, 4])]),
            (&excellent, Sort::Id, vec![(Domain(0), vec![1]), (Domain(1), vec![4])]),
            (&ungraded, Sort::Grade, vec![(Grade(None), vec![2])]),
            (&no_direction, Sort::Id, vec![(Domain(0), vec![1])]),
            (&improved_in_2, Sort::Grade, vec![(Grade(Some(2)), vec![3])]),
            (&nothing, Sort::Id, vec![]),
        ];
        for (filters, sort, want) in cases {
            assert_eq!(rows(&arrange(&r, filters, sort)), want, "{filters:?} {sort:?}");
        }
        assert_eq!(Arranged::new(&r, &all, Sort::Id).shown, 5);
    }

    /// Everything stays in the layout; the filters only decide what is visible.
    #[test]
    fn arranged_keeps_every_row() {
        let r = report();
        let excellent = Filters { grade: Pick::Only(crate::model::Grade::Excellent), ..Filters::default() };
        for sort in [Sort::Id, Sort::Grade] {
            let a = Arranged::new(&r, &excellent, sort);
            assert_eq!(a.groups, arrange(&r, &Filters::default(), sort), "{sort:?}");
            assert_eq!(a.visible, [false, true, false, false, true], "{sort:?}");
            assert_eq!(a.shown, 2);
            let any: Vec<bool> = a.groups.iter().map(|g| a.any(g)).collect();
            let want: &[bool] = if sort == Sort::Id { &[true, true] } else { &[true, false, false, false] };
            assert_eq!(any, want, "{sort:?}");
        }
        let nothing = Arranged::new(&r, &Filters { domain: Some("9".into()), ..Filters::default() }, Sort::Id);
        assert_eq!((nothing.shown, nothing.groups.len()), (0, 2));
        assert!(nothing.groups.iter().all(|g| !nothing.any(g)));
        let all = Arranged::new(&r, &Filters::default(), Sort::Grade);
        assert_eq!((all.shown, all.visible.iter().all(|v| *v)), (5, true));
    }

    #[test]
    fn select_values() {
        let grades = [("", Pick::All), ("none", Pick::Missing), ("excellent", Pick::Only(Grade::Excellent)), ("poor", Pick::Only(Grade::Poor)), ("bogus", Pick::All)];
        for (v, want) in grades {
            assert_eq!(Pick::<Grade>::from_value(v, &Scale::default()), want, "{v}");
        }
        let dirs = [("", Pick::All), ("none", Pick::Missing), ("declined", Pick::Only(Direction::Declined))];
        for (v, want) in dirs {
            assert_eq!(Pick::<Direction>::from_value(v, &Scale::default()), want, "{v}");
        }
        assert_eq!(Sort::from_value("grade"), Sort::Grade);
        assert_eq!(Sort::from_value("x"), Sort::Id);
    }

    #[test]
    fn reduce() {
        let s = Rc::new(State::default());
        let s = s.reduce(Action::Select { id: "3A".into(), by_user: false });
        assert_eq!((s.selected.as_deref(), s.focus_request), (Some("3A"), 0));
        let s = s.reduce(Action::Select { id: "3B".into(), by_user: true });
        assert_eq!((s.selected.as_deref(), s.focus_request), (Some("3B"), 1));
        // Another area chosen by the reader: its findings text waits for the next frame, and
        // neither the deep link's echo of it nor the same area chosen again draws it sooner.
        assert!(s.text_later);
        let s = s.reduce(Action::Select { id: "3B".into(), by_user: false });
        let s = s.reduce(Action::Select { id: "3B".into(), by_user: true });
        assert_eq!((s.text_later, s.focus_request), (true, 2));
        let s = s.reduce(Action::ShowText);
        assert!(!s.text_later);
        let s = s.reduce(Action::Select { id: "3B".into(), by_user: true });
        assert!(!s.text_later, "the same area chosen again keeps its text");
        let s = s.reduce(Action::Select { id: "2A".into(), by_user: false });
        assert!(!s.text_later, "an area the host asks for (an attribute, a hash) is drawn whole");
        let s = s.reduce(Action::FilterGrade(Pick::Only(Grade::Good)));
        assert!(s.filters.is_active());
        let before = s.clone();
        let same = s.reduce(Action::FilterGrade(Pick::Only(Grade::Good)));
        assert!(Rc::ptr_eq(&before, &same), "an unchanged state keeps its Rc so nothing re-renders");
        let s = same.reduce(Action::ClearFilters);
        assert!(!s.filters.is_active());
        assert_eq!(s.reset_focus, 1, "focus goes to the table once the reset button is gone");
        let s = s.reduce(Action::FocusRow);
        assert_eq!((s.row_focus, s.reset_focus), (1, 1));
        let s = s.reduce(Action::FocusTable);
        assert_eq!((s.row_focus, s.reset_focus), (1, 2));
        let s = s.reduce(Action::SortBy(Sort::Grade));
        assert_eq!(s.sort, Sort::Grade);
    }
}
