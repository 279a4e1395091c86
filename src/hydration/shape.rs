//! The shape of hydratable markup: its elements (by name) and its comments (Yew's markers
//! around each component and each raw fragment), in document order, hashed.
//!
//! These are exactly what Yew's hydration asserts on: it panics when it meets another element
//! than the one it expects, misses a marker, or finds nodes left over. Text it never checks (it
//! replaces each text node's value, creates missing ones and drops whitespace between tags),
//! nor attributes (it sets every attribute it renders), so the shape leaves text and attributes
//! out: markup whose whitespace was collapsed, whose empty text nodes or `data-*` attributes
//! were dropped, or whose attributes were reordered keeps its shape and is hydrated, and Yew
//! puts every text and attribute back. Markup that lost its comments (sanitisers and minifiers
//! strip them), lost or gained an element or gained a comment has another shape and is drawn
//! afresh.
//!
//! [`markup_shape`] reads the markup `grade-widget render` writes; [`dom_shape`] reads the
//! nodes the browser parsed from it. For the same markup the two agree.

use super::fingerprint::hex;
use super::fnv::Fnv;
use std::hash::Hasher;

/// The hash of a shape, fed one node at a time in document order.
pub struct Shape(Fnv);

impl Default for Shape {
    fn default() -> Shape {
        Shape(Fnv::new())
    }
}

impl Shape {
    /// An element, by its name in any letter case (HTML names are case-insensitive).
    pub fn element(&mut self, name: &str) {
        self.0.write(b"<");
        for b in name.bytes() {
            self.0.write(&[b.to_ascii_lowercase()]);
        }
        self.0.write(b"\0");
    }

    /// A comment, by its text (between `<!--` and `-->`).
    pub fn comment(&mut self, text: &str) {
        self.0.write(b"!");
        self.0.write(text.as_bytes());
        self.0.write(b"\0");
    }

    /// Sixteen hex digits.
    pub fn finish(&self) -> String {
        hex(self.0.finish())
    }
}

/// The shape of `html`, markup as Yew's server renderer writes it: well-formed, attribute
/// values in double quotes, `<` in text escaped. Not a general HTML parser: it does not need
/// to be, because it reads only the widget's own output (`grade-widget render`).
pub fn markup_shape(html: &str) -> String {
    let mut shape = Shape::default();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        rest = &rest[open..];
        if let Some(body) = rest.strip_prefix("<!--") {
            let end = body.find("-->").unwrap_or(body.len());
            shape.comment(&body[..end]);
            rest = body.get(end + 3..).unwrap_or("");
            continue;
        }
        let after = &rest[1..];
        if !after.starts_with(|c: char| c.is_ascii_alphabetic()) {
            // A closing tag (`</p>`) or a declaration: nothing the shape counts.
            rest = after.find('>').map_or("", |i| &after[i + 1..]);
            continue;
        }
        let name_end = after.find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>').unwrap_or(after.len());
        shape.element(&after[..name_end]);
        rest = skip_tag(&after[name_end..]);
    }
    shape.finish()
}

/// The rest of the markup after the `>` that closes a start tag, skipping quoted values
/// (which may hold a `>`).
fn skip_tag(tag: &str) -> &str {
    let mut quote = None;
    for (i, c) in tag.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return &tag[i + 1..],
            _ => {}
        }
    }
    ""
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    static WALKER: std::cell::RefCell<Option<js_sys::Function>> = const { std::cell::RefCell::new(None) };
}

/// Takes the loader's walk over a copy (`walk` in www/loader/copy.js): it lists the copy's
/// elements and comments in document order as one string, in the bytes [`Shape`] hashes. In
/// JavaScript, not here: the same walk through web-sys crosses into JavaScript four times a node,
/// 10-13 ms for the full report on the demo page, in the task that hydrates (issue 27).
#[cfg(target_arch = "wasm32")]
pub fn set_walker(walk: js_sys::Function) {
    WALKER.with(|w| *w.borrow_mut() = Some(walk));
}

/// [`markup_shape`] of the nodes under `root` as they are now. Without the loader's walk, or
/// should it fail, the shape of nothing: the copy is then drawn afresh, never hydrated blind.
#[cfg(target_arch = "wasm32")]
pub fn dom_shape(root: &web_sys::Node) -> String {
    let walked = WALKER.with(|w| w.borrow().as_ref().and_then(|walk| walk.call1(&wasm_bindgen::JsValue::NULL, root).ok()));
    let mut shape = Shape::default();
    if let Some(walked) = walked.and_then(|w| w.as_string()) {
        shape.0.write(walked.as_bytes());
    }
    shape.finish()
}

#[cfg(test)]
mod tests {
    use super::markup_shape;

    #[test]
    fn text_and_attributes_do_not_count() {
        let base = markup_shape("<!--<[]>--><div class=\"a\" data-testid=\"x\"><p>One  two</p> <svg viewBox=\"0 0 1 1\"><!--<#>--><rect x=\"1\"/><!--</#>--></svg></div><!--</[]>-->");
        let same = [
            // whitespace collapsed or dropped between tags, text changed or emptied
            "<!--<[]>--><div class=\"a\" data-testid=\"x\"><p>One two</p><svg viewBox=\"0 0 1 1\"><!--<#>--><rect x=\"1\"/><!--</#>--></svg></div><!--</[]>-->",
            "<!--<[]>-->\n  <div class=\"a\" data-testid=\"x\">\n<p></p>\n<svg viewBox=\"0 0 1 1\"><!--<#>--><rect x=\"1\"/><!--</#>--></svg></div><!--</[]>-->",
            // data-* dropped, attributes reordered, upper-case names, a `>` inside a value
            "<!--<[]>--><DIV class=\"a\"><p title='a>b'>One  two</p> <svg viewBox=\"0 0 1 1\"><!--<#>--><rect x=\"1\"></rect><!--</#>--></svg></DIV><!--</[]>-->",
        ];
        for html in same {
            assert_eq!(markup_shape(html), base, "{html}");
        }
    }

    #[test]
    fn comments_and_elements_count() {
        let base = markup_shape("<!--<[]>--><div><p>One</p><svg><!--<#>--><rect/><!--</#>--></svg></div><!--</[]>-->");
        let other = [
            // every comment stripped, as CMS sanitisers and HTML minifiers do
            "<div><p>One</p><svg><rect/></svg></div>",
            // one marker stripped
            "<!--<[]>--><div><p>One</p><svg><rect/><!--</#>--></svg></div><!--</[]>-->",
            // an element dropped (a sanitiser that refuses <svg>), renamed or added
            "<!--<[]>--><div><p>One</p></div><!--</[]>-->",
            "<!--<[]>--><div><span>One</span><svg><!--<#>--><rect/><!--</#>--></svg></div><!--</[]>-->",
            "<!--<[]>--><div><p>One</p><svg><!--<#>--><rect/><!--</#>--></svg></div><p></p><!--</[]>-->",
            // a comment added, or a marker's text changed
            "<!--<[]>--><div><!-- cms --><p>One</p><svg><!--<#>--><rect/><!--</#>--></svg></div><!--</[]>-->",
            "<!--<[x]>--><div><p>One</p><svg><!--<#>--><rect/><!--</#>--></svg></div><!--</[]>-->",
        ];
        for html in other {
            assert_ne!(markup_shape(html), base, "{html}");
        }
        assert_eq!(markup_shape("").len(), 16);
    }
}
