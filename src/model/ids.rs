//! The shapes of domain and area ids (the 2006 scale's "3A", and any scale's short slug), one definition for the validator and the widget (which
//! reads an area id from `location.hash` for deep links).

/// "1", "12": digits only, so an area id (domain id + one capital letter) splits one way.
pub fn is_domain_id(id: &str) -> bool {
    !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit())
}

/// The domain part of a well-formed area id ("3A" → "3"), or None when malformed.
pub fn area_id_domain(id: &str) -> Option<&str> {
    // Check the last character before slicing: a multi-byte one must not be cut in half.
    let last = id.chars().next_back()?;
    let prefix = &id[..id.len() - last.len_utf8()];
    (last.is_ascii_uppercase() && is_domain_id(prefix)).then_some(prefix)
}

/// A domain id followed by one capital letter: "1A", "7B", "12C".
pub fn is_area_id(id: &str) -> bool {
    area_id_domain(id).is_some()
}

/// Any area id: a short slug of letters, digits and hyphens, starting with a letter or digit, at
/// most 40 characters ("investigating-crime", "3A"). The deep-link fragment.
pub fn is_area_slug(id: &str) -> bool {
    let b = id.as_bytes();
    !b.is_empty() && b.len() <= 40 && b[0] != b'-' && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn area_ids() {
        let cases = [
            ("1A", Some("1")),
            ("7B", Some("7")),
            ("12C", Some("12")),
            ("123D", Some("123")),
            ("3a", None),
            ("A", None),
            ("3", None),
            ("", None),
            ("3AB", None),
            ("A3", None),
            ("-1A", None),
            ("3É", None),
            ("٣A", None),
            ("main", None),
        ];
        for (id, domain) in cases {
            assert_eq!(area_id_domain(id), domain, "{id:?}");
            assert_eq!(is_area_id(id), domain.is_some(), "{id:?}");
        }
    }

    #[test]
    fn domain_ids() {
        for (id, ok) in [("1", true), ("12", true), ("", false), ("1a", false), (" 1", false)] {
            assert_eq!(is_domain_id(id), ok, "{id:?}");
        }
    }
}
