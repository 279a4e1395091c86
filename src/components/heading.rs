//! The widget's heading levels. A host places the widget under its own h2 or h3 with
//! `heading-level` (2–6, default 2): the widget's top heading takes that level and every heading
//! below it shifts with it, so the page keeps one outline. Levels past 6 stay h6, the deepest
//! HTML has.

use yew::prelude::*;
use yew::virtual_dom::{AttributeOrProperty, Attributes, VTag};

/// The level of the widget's top heading; every other heading is relative to it.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub struct Level(u8);

impl Default for Level {
    fn default() -> Self {
        Level(2)
    }
}

impl Level {
    /// 2–6; anything else (0 for "not given", 1, 7, …) is the default, 2.
    pub fn new(n: u8) -> Level {
        if (2..=6).contains(&n) {
            Level(n)
        } else {
            Level::default()
        }
    }

    /// The tag for a heading `depth` levels below the top one: `tag(0)` is the top heading.
    pub fn tag(self, depth: u8) -> &'static str {
        match self.0.saturating_add(depth) {
            0..=2 => "h2",
            3 => "h3",
            4 => "h4",
            5 => "h5",
            _ => "h6",
        }
    }
}

/// A heading `depth` levels below the widget's top one (`depth` 0 is the top heading), with its
/// class, its `lang` when it holds report text in a Welsh widget, and `target` when script moves
/// focus to it (it then gets `tabindex="-1"`). Built by hand rather than with `html!`'s dynamic
/// tag (`<@{tag}>`), whose expansion repeats every attribute for `<input>` and `<textarea>` at
/// each of the dozen places a heading is drawn. The attributes are one fixed list of keys, as
/// `html!` writes them, not `add_attribute`: that builds Yew's `IndexMap` form of attributes,
/// whose hashing and diffing were about 4 KB of wasm for this one function.
pub fn heading(level: Level, depth: u8, class: &'static str, lang: Option<&'static str>, target: Option<&NodeRef>, children: Html) -> Html {
    let mut tag = VTag::new(level.tag(depth));
    // `Attribute`, not `Static`: Yew's server renderer writes only the first from a key list.
    let attr = |value: &'static str| Some(AttributeOrProperty::Attribute(AttrValue::Static(value)));
    tag.set_attributes(Attributes::Dynamic {
        keys: &["lang", "tabindex", "class"],
        values: Box::new([lang.and_then(attr), target.and(attr("-1")), attr(class)]),
    });
    if let Some(target) = target {
        tag.node_ref = target.clone();
    }
    tag.add_child(children);
    tag.into()
}

#[cfg(test)]
mod tests {
    use super::Level;

    #[test]
    fn levels() {
        let cases = [(0, 0, "h2"), (2, 0, "h2"), (2, 3, "h5"), (3, 0, "h3"), (3, 2, "h5"), (5, 1, "h6"), (6, 3, "h6"), (1, 0, "h2"), (7, 0, "h2"), (255, 1, "h3")];
        for (n, depth, want) in cases {
            assert_eq!(Level::new(n).tag(depth), want, "level {n} depth {depth}");
        }
    }
}
