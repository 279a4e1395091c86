//! Report text to [`crate::model::Report`]. (Owned by the extraction work.)
