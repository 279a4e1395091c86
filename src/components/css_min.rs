//! A small CSS minifier for the stylesheet the wasm carries: comments out, whitespace runs
//! collapsed, and spaces next to `{ } ; , >` and after `:` dropped (never before `:`, where a
//! space is a descendant combinator, as in `.gw :focus`). Quoted strings are kept as written.
//! Used by build.rs (at compile time, so the wasm holds only the minified text) and tested here.

/// The minified stylesheet. Rule for rule and declaration for declaration the same CSS.
pub fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.char_indices().peekable();
    // A whitespace run (or a comment) was skipped and may need to become one space.
    let mut gap = false;
    while let Some((i, c)) = chars.next() {
        if c == '/' && css[i..].starts_with("/*") {
            let end = css[i + 2..].find("*/").map_or(css.len(), |j| i + 2 + j + 2);
            while chars.peek().is_some_and(|&(j, _)| j < end) {
                chars.next();
            }
            gap = true;
            continue;
        }
        if c.is_whitespace() {
            gap = true;
            continue;
        }
        if gap {
            gap = false;
            let prev = out.chars().last();
            let needless = prev.is_none_or(|p| "{};,>:".contains(p)) || "{};,>".contains(c);
            if !needless {
                out.push(' ');
            }
        }
        if c == '}' && out.ends_with(';') {
            out.pop();
        }
        out.push(c);
        if c == '"' || c == '\'' {
            // Copy the string up to its closing quote (CSS strings here have no escapes).
            for (_, d) in chars.by_ref() {
                out.push(d);
                if d == c {
                    break;
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::minify;

    const SOURCE: &str = include_str!("style.css");

    fn without_comments(css: &str) -> String {
        let mut out = String::new();
        let mut rest = css;
        while let Some(i) = rest.find("/*") {
            out.push_str(&rest[..i]);
            rest = rest[i..].find("*/").map_or("", |j| &rest[i + j + 2..]);
        }
        out + rest
    }

    fn squeezed(css: &str) -> String {
        css.chars().filter(|c| !c.is_whitespace()).collect::<String>().replace(";}", "}")
    }

    #[test]
    fn the_stylesheet_minifies_to_the_same_rules() {
        let min = minify(SOURCE);
        assert!(min.len() * 10 < SOURCE.len() * 8, "{} -> {} bytes", SOURCE.len(), min.len());
        // Only whitespace, comments and final semicolons go.
        assert_eq!(squeezed(&min), squeezed(&without_comments(SOURCE)));
        // Spaces that mean something stay: descendant combinators (also before `:`), `+`
        // combinators, at-rule preludes, strings.
        for kept in [".gw [tabindex=\"-1\"]:focus-visible{", ".gw :focus{", ":where(.gw) :where(", ".gw-p + .gw-p,",
            "@container gw (min-width:60em){", "@media print{", "attr(data-label) \": \""] {
            assert!(min.contains(kept), "lost {kept:?}");
        }
        assert!(!min.contains("/*") && !min.contains('\n') && !min.contains("  "));
    }

    #[test]
    fn small_cases() {
        assert_eq!(minify("a , b {\n  color: red ;\n}\n/* x */ .c :hover > d{x:1}"), "a,b{color:red}.c :hover>d{x:1}");
        assert_eq!(minify("p::after { content: \" ( x ) \" }"), "p::after{content:\" ( x ) \"}");
        assert_eq!(minify("@media (a) and (b) { x { y: calc(1px + 2px) } }"), "@media (a) and (b){x{y:calc(1px + 2px)}}");
    }
}
