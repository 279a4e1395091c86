//! Unit tests of blocks.rs: text lines into paragraphs, bullets and tables.

use super::*;

fn item(no: usize, text: &str, gap: bool, page: bool) -> Item {
    Item {
        no,
        text: text.to_string(),
        gap_before: gap,
        page_break_before: page,
    }
}

fn blocks(p: &[Piece]) -> Vec<(String, u8)> {
    p.iter()
        .map(|p| match p {
            Piece::Heading(h) => (format!("# {h}"), 9),
            Piece::Block(b) => (b.text.clone(), b.level),
        })
        .collect()
}

#[test]
fn joins_across_page_breaks() {
    let items = [
        item(1, "- The team has the", true, false),
        item(2, "programme has delivered.", true, true),
        item(3, "- Ends within the", true, false),
        item(
            4,
            "Safer Neighbourhoods teams - resulting in change.",
            true,
            true,
        ),
        item(5, " - Nested and working", false, false),
        item(6, "- with the community.", true, true),
        item(7, "-", false, false),
        item(8, "- providing support;", true, false),
        item(9, "- strategic roads policing;", true, true),
        item(10, "A paragraph providing front-", true, false),
        item(11, "line officers.", true, true),
    ];
    let want = [
        ("The team has the programme has delivered.", 1),
        (
            "Ends within the Safer Neighbourhoods teams - resulting in change.",
            1,
        ),
        ("Nested and working with the community.", 2),
        ("providing support;", 1),
        ("strategic roads policing;", 1),
        ("A paragraph providing front-line officers.", 0),
    ];
    assert_eq!(
        blocks(&pieces(&items, true)),
        want.map(|(t, l)| (t.to_string(), l))
    );
}

#[test]
fn headings_end_unterminated_blocks() {
    let items = [
        item(1, "- regular emails and posters", true, false),
        item(2, "Public Protection", true, false),
        item(3, "- Each London borough.", true, false),
    ];
    let got = blocks(&pieces(&items, true));
    assert_eq!(got[1], ("# Public Protection".to_string(), 9));
}

#[test]
fn never_leaves_a_heading_without_blocks() {
    let h = |t: &str| Piece::Heading(t.to_string());
    let b = |t: &str| {
        Piece::Block(Block {
            text: t.to_string(),
            level: 0,
        })
    };
    let got = titled(
        vec![h("Firearms"), b("x."), h("Trailing")],
        Some("Suffix".to_string()),
    );
    let want = vec![(
        Some("Suffix \u{2013} Firearms".to_string()),
        vec![
            Block {
                text: "x.".into(),
                level: 0,
            },
            Block {
                text: "Trailing".into(),
                level: 0,
            },
        ],
    )];
    assert_eq!(got, want);
    assert_eq!(
        titled(vec![h("Only")], None),
        vec![(
            None,
            vec![Block {
                text: "Only".into(),
                level: 0
            }]
        )]
    );
    assert!(titled(Vec::new(), None).is_empty());
}

#[test]
fn recognises_headings() {
    let cases = [
        ("Public Order and Mounted Branch", true),
        (
            "Structural Description of Force including Staff Changes at Chief Officer Level",
            true,
        ),
        ("Key to grades", true),
        ("General", true),
        ("C3i and Metcall", true),
        (
            "Group. At BOCU level there are formalised partnerships.",
            false,
        ),
        ("the outcome of the reviews.", false),
        ("1. Below minimum requirements", false),
        (
            "DPA and referred to the Safer Neighbourhoods communications team for comment",
            false,
        ),
    ];
    for (t, want) in cases {
        assert_eq!(heading_like(t), want, "{t}");
    }
}
