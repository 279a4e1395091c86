//! The front part's "Force Overview and Context": titled sections of paragraphs and bullets.

use crate::model::OverviewSection;

use super::blocks;
use super::lines::Item;

/// The heading that opens the overview.
pub(crate) const HEADING: &str = "Force Overview and Context";

/// Reads the overview from the items between its heading and the summary table. The heading
/// also appears in the contents list, so the last occurrence before the table is the one.
pub(crate) fn read(front: &[Item]) -> Vec<OverviewSection> {
    let Some(start) = front
        .iter()
        .rposition(|it| it.trimmed().eq_ignore_ascii_case(HEADING))
    else {
        return Vec::new();
    };
    // Text before the first sub-heading sits under the overview's own title.
    let pieces = blocks::pieces(front.get(start + 1..).unwrap_or(&[]), true);
    blocks::titled(pieces, None)
        .into_iter()
        .map(|(title, blocks)| OverviewSection {
            title: title.unwrap_or_else(|| HEADING.to_string()),
            blocks,
        })
        .collect()
}
