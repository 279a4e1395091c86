//! The widget's headings, at the levels [`Level`] gives them (crate::options).

use yew::prelude::*;
use yew::virtual_dom::{AttributeOrProperty, Attributes, VTag};

use crate::options::Level;

/// A heading `depth` levels below the widget's top one (`depth` 0 is the top heading), with its
/// class, its `data-testid` when tests find it, its `lang` when it holds report text in a Welsh widget, and `target` when script moves
/// focus to it (it then gets `tabindex="-1"`). Built by hand rather than with `html!`'s dynamic
/// tag (`<@{tag}>`), whose expansion repeats every attribute for `<input>` and `<textarea>` at
/// each of the dozen places a heading is drawn. The attributes are one fixed list of keys, as
/// `html!` writes them, not `add_attribute`: that builds Yew's `IndexMap` form of attributes,
/// whose hashing and diffing were about 4 KB of wasm for this one function.
pub fn heading(level: Level, depth: u8, class: &'static str, testid: Option<&'static str>, lang: Option<&'static str>, target: Option<&NodeRef>, children: Html) -> Html {
    let mut tag = VTag::new(level.tag(depth));
    // `Attribute`, not `Static`: Yew's server renderer writes only the first from a key list.
    let attr = |value: &'static str| Some(AttributeOrProperty::Attribute(AttrValue::Static(value)));
    tag.set_attributes(Attributes::Dynamic {
        keys: &["lang", "tabindex", "class", "data-testid"],
        values: Box::new([lang.and_then(attr), target.and(attr("-1")), attr(class), testid.and_then(attr)]),
    });
    if let Some(target) = target {
        tag.node_ref = target.clone();
    }
    tag.add_child(children);
    tag.into()
}
