//! Input noise: bytes to text, line ends, and characters that PDF-to-text tools vary.
//!
//! Everything here is per character or per line, so later stages see one spelling of each
//! thing: straight quotes, plain spaces, expanded ligatures, no BOM, one kind of line end.
//! En and em dashes are kept (they are prose); the structure stage accepts them as bullets.

use super::error::{ExtractError, ExtractProblemKind};

/// One input line after character clean-up, with its 1-based line number in the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RawLine {
    pub no: usize,
    pub text: String,
    /// A form feed was on this line: the PDF tool marked a page boundary here.
    pub form_feed: bool,
}

/// Decodes the CLI's bytes: UTF-8 only (with or without a BOM); the error gives the byte offset.
pub(crate) fn decode(bytes: &[u8]) -> Result<&str, ExtractError> {
    let (skip, body) = match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => (3, rest),
        _ => (0, bytes),
    };
    std::str::from_utf8(body).map_err(|e| {
        let at = e.valid_up_to();
        let byte = body.get(at).copied().unwrap_or(0);
        ExtractError::one(
            ExtractProblemKind::NotUtf8 {
                offset: skip + at,
                byte,
            },
            None,
        )
    })
}

/// Refuses empty input and input holding control characters that no text file contains.
pub(crate) fn check(text: &str) -> Result<(), ExtractError> {
    // Bytes, not chars: UTF-8 never uses bytes below 0x80 inside a multi-byte character, so a
    // byte scan finds exactly the control characters, and much faster.
    let bad = text
        .bytes()
        .position(|b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)) || b == 0x7f);
    if let Some(offset) = bad {
        let byte = text.as_bytes().get(offset).copied().unwrap_or(0);
        return Err(ExtractError::one(
            ExtractProblemKind::Binary { offset, byte },
            None,
        ));
    }
    if text
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .is_empty()
    {
        return Err(ExtractError::one(ExtractProblemKind::Empty, None));
    }
    Ok(())
}

/// Splits on CRLF, CR or LF and cleans each line's characters.
pub(crate) fn lines(text: &str) -> Vec<RawLine> {
    let mut out = Vec::with_capacity(text.len() / 60 + 1);
    let mut rest = text;
    let mut no = 0;
    loop {
        no += 1;
        let (line, next) = match rest.bytes().position(|b| b == b'\r' || b == b'\n') {
            Some(i) => {
                let after = match rest.as_bytes().get(i..i + 2) {
                    Some(b"\r\n") => i + 2,
                    _ => i + 1,
                };
                (&rest[..i], Some(&rest[after..]))
            }
            None => (rest, None),
        };
        let form_feed = line.contains('\u{0c}');
        out.push(RawLine {
            no,
            text: clean(line),
            form_feed,
        });
        match next {
            Some(n) => rest = n,
            None => break,
        }
    }
    out
}

/// Character clean-up of one line; trailing spaces go, tabs stay (they separate table cells).
pub(crate) fn clean(line: &str) -> String {
    let mut s = String::with_capacity(line.len());
    if line.is_ascii() {
        s.push_str(line);
    } else {
        for c in line.chars() {
            match c {
                '\u{feff}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{ad}' | '\u{2060}' => {}
                '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => {
                    s.push(' ')
                }
                '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' => s.push('\''),
                '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' => s.push('"'),
                '\u{fb00}' => s.push_str("ff"),
                '\u{fb01}' => s.push_str("fi"),
                '\u{fb02}' => s.push_str("fl"),
                '\u{fb03}' => s.push_str("ffi"),
                '\u{fb04}' => s.push_str("ffl"),
                '\u{fb05}' | '\u{fb06}' => s.push_str("st"),
                _ => s.push(c),
            }
        }
    }
    if s.contains('\u{0c}') {
        s.retain(|c| c != '\u{0c}');
    }
    let keep = s.trim_end_matches(' ').len();
    s.truncate(keep);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans_characters() {
        let cases = [
            ("\u{201c}Hi\u{201d} it\u{2019}s", "\"Hi\" it's"),
            ("of\u{fb01}cer \u{fb02}ow \u{fb03}x", "officer flow ffix"),
            ("a\u{a0}b  ", "a b"),
            (
                "2006\u{2013}09 \u{2014} kept",
                "2006\u{2013}09 \u{2014} kept",
            ),
            ("Good\t", "Good\t"),
        ];
        for (input, want) in cases {
            assert_eq!(clean(input), want, "input {input:?}");
        }
    }

    #[test]
    fn splits_every_line_end() {
        let got: Vec<_> = lines("a\r\nb\rc\n\nd")
            .into_iter()
            .map(|l| (l.no, l.text))
            .collect();
        let want = [(1, "a"), (2, "b"), (3, "c"), (4, ""), (5, "d")];
        assert_eq!(got, want.map(|(n, t)| (n, t.to_string())));
    }

    #[test]
    fn reports_bad_bytes_with_offsets() {
        let err = decode(b"ab\xffcd").err().map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("the input is not UTF-8 text: invalid byte 0xff at byte offset 2")
        );
        let err = check("abc\0def").err().map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("the input looks binary, not report text: control byte 0x00 at byte offset 3")
        );
        assert_eq!(
            check(" \n\t ").err().map(|e| e.to_string()).as_deref(),
            Some("the report text is empty")
        );
    }
}
