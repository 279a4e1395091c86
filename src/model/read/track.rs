//! The state one read shares between all its wrappers: the path so far, the problems noted on
//! the way, and the one that stopped reading; and the conversions between our error and the
//! inner deserializer's as an error crosses from one side to the other.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};

use serde::de;

use super::error::{DeError, Raised, Want};
use crate::model::problem::{ReportPath, ReportProblem, ReportProblemKind as Kind, Step};
use crate::model::validate::MAX_PROBLEMS;

/// The state shared by every wrapper of one read. Not generic, so its code exists once.
#[derive(Default)]
pub(super) struct Track {
    pub(super) path: RefCell<Vec<Step>>,
    /// The key just read by a map, until its value is read.
    pub(super) key: RefCell<Option<String>>,
    pub(super) noted: RefCell<Vec<ReportProblem>>,
    pub(super) dropped: Cell<usize>,
    /// The typed problem that stopped reading, once placed.
    pub(super) failure: Cell<Option<ReportProblem>>,
    /// Where the inner deserializer's own error happened.
    pub(super) inner_at: Cell<Option<ReportPath>>,
}

impl Track {
    pub(super) fn path(&self) -> ReportPath {
        ReportPath(self.path.borrow().clone())
    }

    /// Enters an array element (its index) or an object field (the key just read). Out of
    /// line, so that the code reading each element or field type only calls it.
    #[inline(never)]
    pub(super) fn enter(&self, index: Option<usize>) {
        let step = match index {
            Some(index) => Step::Index(index),
            None => Step::Key(self.key.take().map_or(Cow::Borrowed("?"), Cow::Owned)),
        };
        self.path.borrow_mut().push(step);
    }

    #[inline(never)]
    pub(super) fn leave(&self) {
        self.path.borrow_mut().pop();
    }

    fn failed(&self) -> bool {
        let failure = self.failure.take();
        let failed = failure.is_some();
        self.failure.set(failure);
        failed
    }

    pub(super) fn note(&self, problem: ReportProblem) {
        let mut noted = self.noted.borrow_mut();
        if noted.len() >= MAX_PROBLEMS {
            self.dropped.set(self.dropped.get() + 1);
        } else {
            noted.push(problem);
        }
    }

    /// Places a typed problem raised by a visitor reading the value at the current path.
    pub(super) fn place(&self, raised: Raised, want: Want) {
        if self.failed() {
            return;
        }
        let mut path = self.path();
        let kind = match raised {
            Raised::Missing(field) | Raised::Duplicate(field) => {
                path.0.push(Step::Key(Cow::Borrowed(field)));
                if matches!(raised, Raised::Missing(_)) {
                    Kind::MissingField
                } else {
                    Kind::DuplicateField
                }
            }
            other => other.kind(want),
        };
        self.failure.set(Some(ReportProblem::new(path, kind)));
    }

    /// Turns an error of the inner deserializer into ours: a stand-in for a problem already
    /// placed, or the inner error itself, kept in `slot` for the frame that owns that type.
    pub(super) fn lower<E>(&self, e: E, slot: &Cell<Option<E>>) -> DeError {
        if self.failed() {
            DeError::Placed
        } else {
            if slot.replace(Some(e)).is_none() {
                self.inner_at.set(Some(self.path()));
            }
            DeError::Inner
        }
    }

    /// Turns our error into the inner deserializer's type on the way out of a wrapper.
    pub(super) fn raise<E: de::Error>(&self, e: DeError, want: Want, slot: &Cell<Option<E>>) -> E {
        match e {
            DeError::Raised(raised) => self.place(*raised, want),
            DeError::Inner => {
                if let Some(inner) = slot.take() {
                    return inner;
                }
            }
            DeError::Placed => {}
        }
        E::custom("the report does not have the expected shape")
    }
}
