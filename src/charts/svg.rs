//! Writing SVG marks as markup text. The chart's attributes are numbers and class names, and its
//! words (grade words, "this force") go through [`text`], escaped: since issue 29 they may be a
//! report's own (a custom scale's grade words, `compared`'s phrases; tests/scale.rs checks markup
//! in them stays text). So the marks can go into the page as one
//! raw fragment (`Html::from_html_unchecked`): one `innerHTML` per chart instead of some 60
//! element and attribute calls across the wasm boundary, and much less wasm than `html!` for
//! every mark. The chart's accessible name, which holds the area id from the report, stays a
//! normal attribute set by Yew on the `<svg>` element (see distribution.rs).
//!
//! The text matches what Yew's server renderer writes for the same elements (class last, explicit
//! closing tags), so static HTML, snapshots and the live DOM agree.

/// Appends a whole number in decimal.
pub fn num(out: &mut String, n: i32) {
    if n < 0 {
        out.push('-');
    }
    let mut v = n.unsigned_abs();
    let mut digits = [0u8; 10];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    for &d in &digits[i..] {
        out.push(d as char);
    }
}

/// Appends text content, escaped.
pub fn text(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
}

/// Appends ` name="n"`.
pub fn attr(out: &mut String, name: &str, n: i32) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    num(out, n);
    out.push('"');
}

/// `<text x="…" y="…"[ extra] class="…">words</text>`.
pub fn text_el(out: &mut String, x: i32, y: i32, extra: &str, class: &str, words: &str) {
    out.push_str("<text");
    attr(out, "x", x);
    attr(out, "y", y);
    out.push_str(extra);
    out.push_str(" class=\"");
    out.push_str(class);
    out.push_str("\">");
    text(out, words);
    out.push_str("</text>");
}

/// `<line x1 x2 y1 y2 class></line>`.
pub fn line(out: &mut String, x1: i32, x2: i32, y1: i32, y2: i32, class: &str) {
    out.push_str("<line");
    attr(out, "x1", x1);
    attr(out, "x2", x2);
    attr(out, "y1", y1);
    attr(out, "y2", y2);
    out.push_str(" class=\"");
    out.push_str(class);
    out.push_str("\"></line>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_escaping() {
        let mut s = String::new();
        for n in [0, 7, -4, 152, i32::MAX, i32::MIN] {
            num(&mut s, n);
            s.push(' ');
        }
        assert_eq!(s, "0 7 -4 152 2147483647 -2147483648 ");
        let mut t = String::new();
        text(&mut t, "a<b & \"c\" 'd'>");
        assert_eq!(t, "a&lt;b &amp; \"c\" 'd'&gt;");
        let mut e = String::new();
        text_el(&mut e, 1, 2, " text-anchor=\"middle\"", "gw-cat", "Poor");
        assert_eq!(e, "<text x=\"1\" y=\"2\" text-anchor=\"middle\" class=\"gw-cat\">Poor</text>");
    }
}
