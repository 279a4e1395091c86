//! Three pieces of how problems are written (problem.rs): a value from the report quoted inside
//! a message ([`Excerpt`], [`Quoted`]), and a wide integer written without `i128`'s own
//! formatter ([`Wide`]).

use std::fmt;

/// A value from the report shown inside a message: at most 40 characters, quoted when shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    text: String,
    cut: bool,
}

impl Excerpt {
    const LIMIT: usize = 40;

    pub fn new(s: &str) -> Excerpt {
        match s.char_indices().nth(Self::LIMIT) {
            Some((cut, _)) => Excerpt { text: s[..cut].to_owned(), cut: true },
            None => Excerpt { text: s.to_owned(), cut: false },
        }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }
}

/// `"October 2006"`, or `"a very long …"…` when cut short.
impl fmt::Display for Excerpt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", Quoted(&self.text), if self.cut { "…" } else { "" })
    }
}

/// Text in double quotes, as JSON and Rust write it: `"` and `\` escaped, line breaks and tabs
/// as `\n`, `\r`, `\t`, `\0`, other control characters as `\u{1b}`. Written here rather than with
/// `str`'s `Debug`, which also escapes every character Unicode calls unprintable and carries
/// Unicode's tables for that into the widget's wasm; report text is shown as it is.
pub struct Quoted<'a>(pub &'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("\"")?;
        for c in self.0.chars() {
            match c {
                '"' => f.write_str("\\\"")?,
                '\\' => f.write_str("\\\\")?,
                '\n' => f.write_str("\\n")?,
                '\r' => f.write_str("\\r")?,
                '\t' => f.write_str("\\t")?,
                '\0' => f.write_str("\\0")?,
                c if c.is_control() => write!(f, "\\u{{{:x}}}", c as u32)?,
                c => fmt::Write::write_char(f, c)?,
            }
        }
        f.write_str("\"")
    }
}

/// An `i128` of [`ReportProblemKind::OutOfRange`] in decimal, written as a sign and a `u64`:
/// every bound and number there comes from a 64-bit integer (serde's `i64` and `u64`), and
/// `i128`'s own `Display` is a second integer formatter, with 128-bit division, in the wasm.
pub(super) struct Wide(pub(super) i128);

impl fmt::Display for Wide {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 < 0 {
            f.write_str("-")?;
        }
        fmt::Display::fmt(&u64::try_from(self.0.unsigned_abs()).unwrap_or(u64::MAX), f)
    }
}

#[cfg(test)]
mod tests {
    use crate::model::problem::ReportProblemKind as Kind;

    /// Quoting as `Debug` quotes ordinary text, line breaks and control characters.
    #[test]
    fn quoted_text() {
        use super::Quoted;
        for s in ["October 2006", "say \"hi\"", "back\\slash", "two\nlines\tand\r", "nul\u{0}esc\u{1b}", "Cymraeg: ŵ ŷ"] {
            assert_eq!(Quoted(s).to_string(), format!("{s:?}"), "{s:?}");
        }
    }

    /// The 64-bit extremes, which `Wide` writes without `i128`'s formatter, read as before.
    #[test]
    fn out_of_range_bounds_at_the_64_bit_extremes() {
        let kind = Kind::OutOfRange { min: i64::MIN.into(), max: u64::MAX.into(), found: (-1).into() };
        assert_eq!(kind.to_string(), "expected an integer from -9223372036854775808 to 18446744073709551615, found -1");
    }
}
