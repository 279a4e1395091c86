//! Short ids from titles and names ("Responding to the public" → `responding-to-the-public`),
//! unique within a table: the area ids the widget deep-links to, and `import --all`'s file names.
//! Also the key two names are compared by (case and runs of spaces ignored).

/// The longest slug, in bytes: long titles are cut at a hyphen before it.
pub const MAX_SLUG: usize = 40;

/// How two names or titles are compared: lowercase, with runs of whitespace as one space.
pub fn key(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Lowercase ASCII letters and digits, every other run of characters one hyphen, none at either
/// end; Welsh and other accented letters lose their accents (ŵ → w, é → e). May be empty.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    let mut gap = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = plain_letter(c);
        if c.is_ascii_alphanumeric() {
            if gap && !out.is_empty() {
                out.push('-');
            }
            gap = false;
            out.push(c);
        } else if c != '\'' && c != '’' {
            // An apostrophe joins its word ("force's" → "forces"); anything else separates.
            gap = true;
        }
    }
    if out.len() > MAX_SLUG {
        let cut = out[..=MAX_SLUG].rfind('-').filter(|&i| i > 0).unwrap_or(MAX_SLUG);
        out.truncate(cut);
        // A cut title ends on a word that says something: "…-protecting", not "…-protecting-the".
        while let Some((head, last)) = out.rsplit_once('-') {
            if !["a", "an", "and", "of", "or", "the", "to", "for", "in"].contains(&last) {
                break;
            }
            out.truncate(head.len());
        }
    }
    out
}

/// The accented Latin letters of Welsh (and the common ones of French and Irish place names)
/// as their plain letters; std has no Unicode decomposition, and these are what the titles hold.
fn plain_letter(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ẁ' | 'ẃ' | 'ŵ' | 'ẅ' => 'w',
        'ỳ' | 'ý' | 'ŷ' | 'ÿ' => 'y',
        'ç' => 'c',
        'ñ' => 'n',
        other => other,
    }
}

/// One slug per text, in order, each unique: a repeated slug gets `-2`, `-3`, …; a text with
/// no letters or digits gets `{fallback}-{n}` (its 1-based position).
pub fn unique_slugs<'a>(texts: impl IntoIterator<Item = &'a str>, fallback: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (i, text) in texts.into_iter().enumerate() {
        let base = match slug(text) {
            s if s.is_empty() => format!("{fallback}-{}", i + 1),
            s => s,
        };
        let mut candidate = base.clone();
        let mut n = 2;
        while out.contains(&candidate) {
            candidate = format!("{base}-{n}");
            n += 1;
        }
        out.push(candidate);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{key, slug, unique_slugs};

    #[test]
    fn slugs() {
        let cases = [
            ("Responding to the public", "responding-to-the-public"),
            ("  Leadership and force management ", "leadership-and-force-management"),
            ("Police powers and treating the public fairly and respectfully", "police-powers-and-treating-the-public"),
            ("Building, supporting and protecting the workforce", "building-supporting-and-protecting"),
            ("Ymateb i'r cyhoedd", "ymateb-ir-cyhoedd"),
            ("Heddlu Gogledd Cymru – Rheoli troseddwyr", "heddlu-gogledd-cymru-rheoli-troseddwyr"),
            ("Gŵyl Ddewi", "gwyl-ddewi"),
            ("Area 3A (2023)", "area-3a-2023"),
            ("!!!", ""),
        ];
        for (text, want) in cases {
            assert_eq!(slug(text), want, "{text:?}");
            assert!(slug(text).len() <= super::MAX_SLUG, "{text:?}");
        }
    }

    #[test]
    fn slugs_are_unique() {
        let got = unique_slugs(["Investigating crime", "Investigating  crime!", "—", "Investigating crime 2"], "area");
        assert_eq!(got, ["investigating-crime", "investigating-crime-2", "area-3", "investigating-crime-2-2"]);
    }

    #[test]
    fn keys_ignore_case_and_spacing() {
        assert_eq!(key("  Cleveland   POLICE "), "cleveland police");
    }
}
