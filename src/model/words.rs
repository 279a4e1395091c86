//! The grade and direction words of the report format: the two enums, their JSON words, and
//! how a field holding one is read (leniently by the report reader, exactly by any other
//! deserializer). Part of the format defined in report.rs, which re-exports them.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A service delivery grade. Ordered from lowest to highest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Grade {
    Poor,
    Fair,
    Good,
    Excellent,
}

impl Grade {
    /// The four grades, lowest first (the report's column order).
    pub const ALL: [Grade; 4] = [Grade::Poor, Grade::Fair, Grade::Good, Grade::Excellent];

    /// The JSON word: "poor", "fair", "good", "excellent".
    pub fn as_str(&self) -> &'static str {
        match self {
            Grade::Poor => "poor",
            Grade::Fair => "fair",
            Grade::Good => "good",
            Grade::Excellent => "excellent",
        }
    }

    /// The grade whose JSON word this is exactly (lowercase), if any.
    pub fn from_word(word: &str) -> Option<Grade> {
        Grade::ALL.into_iter().find(|g| g.as_str() == word)
    }

    /// Reads a grade word in any letter case ("Excellent", "good"); None if it is not one.
    pub fn parse(word: &str) -> Option<Grade> {
        let w = word.trim();
        Grade::ALL.into_iter().find(|g| g.as_str().eq_ignore_ascii_case(w))
    }

    /// 0 for Poor … 3 for Excellent.
    pub fn rank(&self) -> usize {
        *self as usize
    }
}

/// Direction of travel since the previous assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    Improved,
    Stable,
    Declined,
}

impl Direction {
    pub const ALL: [Direction; 3] = [Direction::Improved, Direction::Stable, Direction::Declined];

    /// The JSON word: "improved", "stable", "declined".
    pub fn as_str(&self) -> &'static str {
        match self {
            Direction::Improved => "improved",
            Direction::Stable => "stable",
            Direction::Declined => "declined",
        }
    }

    /// The direction whose JSON word this is exactly (lowercase), if any.
    pub fn from_word(word: &str) -> Option<Direction> {
        Direction::ALL.into_iter().find(|d| d.as_str() == word)
    }

    /// Reads a direction word in any letter case; None if it is not one.
    pub fn parse(word: &str) -> Option<Direction> {
        let w = word.trim();
        Direction::ALL.into_iter().find(|d| d.as_str().eq_ignore_ascii_case(w))
    }
}

/// The newtype names by which the report reader (read/tracked.rs) knows a grade or direction word, to
/// note an unknown one as a problem and read on. Other deserializers ignore the name.
pub(crate) const GRADE_WORD: &str = "$grade-widget::grade";
pub(crate) const DIRECTION_WORD: &str = "$grade-widget::direction";

/// A grade or direction word, for the reader to recognise.
pub(crate) trait Word: Sized + 'static {
    const NEWTYPE: &'static str;
    const EXPECTING: &'static str;
    fn from_word(word: &str) -> Option<Self>;
}

impl Word for Grade {
    const NEWTYPE: &'static str = GRADE_WORD;
    const EXPECTING: &'static str = "\"poor\", \"fair\", \"good\", \"excellent\" or null";
    fn from_word(word: &str) -> Option<Self> {
        Grade::from_word(word)
    }
}

impl Word for Direction {
    const NEWTYPE: &'static str = DIRECTION_WORD;
    const EXPECTING: &'static str = "\"improved\", \"stable\", \"declined\" or null";
    fn from_word(word: &str) -> Option<Self> {
        Direction::from_word(word)
    }
}

/// An optional grade or direction. Any deserializer: null, or exactly one of the words. The
/// report reader instead notes an unknown word and answers `visit_none`.
pub(super) fn word<'de, D: Deserializer<'de>, W: Word>(d: D) -> Result<Option<W>, D::Error> {
    d.deserialize_newtype_struct(W::NEWTYPE, WordVisitor(PhantomData))
}

struct WordVisitor<W>(PhantomData<W>);

impl<'de, W: Word> Visitor<'de> for WordVisitor<W> {
    type Value = Option<W>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(W::EXPECTING)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Option<W>, D::Error> {
        match Option::<String>::deserialize(d)? {
            Some(word) => self.visit_str(&word),
            None => Ok(None),
        }
    }

    fn visit_str<E: de::Error>(self, word: &str) -> Result<Option<W>, E> {
        W::from_word(word).map(Some).ok_or_else(|| E::invalid_value(de::Unexpected::Str(word), &self))
    }

    fn visit_none<E: de::Error>(self) -> Result<Option<W>, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Option<W>, E> {
        Ok(None)
    }
}

macro_rules! word_serde {
    ($t:ident) => {
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
        /// Exactly one of the lowercase words (a field holding one reads it leniently, see
        /// [`word`]).
        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let word = String::deserialize(d)?;
                $t::from_word(&word)
                    .ok_or_else(|| de::Error::invalid_value(de::Unexpected::Str(&word), &<$t as Word>::EXPECTING))
            }
        }
    };
}
word_serde!(Grade);
word_serde!(Direction);
