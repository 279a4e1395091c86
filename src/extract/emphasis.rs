//! Markdown emphasis left by the PDF-to-text conversion ("**all**", "*Reflexions*",
//! "***Firearms***"): paired markers are removed, a lone "*" is text and stays.

/// Removes paired markdown emphasis ("**all**", "*Reflexions*") left by the text conversion;
/// an unpaired "*" is kept as text.
pub(crate) fn strip_emphasis(text: &str) -> String {
    if !text.contains('*') {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut remove = vec![false; chars.len()];
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '*' || remove[i] {
            i += 1;
            continue;
        }
        let run = chars[i..].iter().take_while(|&&c| c == '*').count();
        let opens = chars.get(i + run).is_some_and(|c| !c.is_whitespace())
            && (i == 0 || chars.get(i - 1).is_some_and(|c| !c.is_alphanumeric()));
        if opens {
            // The closing run of the same length, right after non-space text.
            let mut j = i + run;
            let mut found = None;
            while j < chars.len() {
                let r = chars[j..].iter().take_while(|&&c| c == '*').count();
                if r == run && chars.get(j - 1).is_some_and(|c| !c.is_whitespace()) {
                    found = Some(j);
                    break;
                }
                j += r.max(1);
            }
            if let Some(j) = found {
                remove[i..i + run].iter_mut().for_each(|r| *r = true);
                remove[j..j + run].iter_mut().for_each(|r| *r = true);
                i = j + run;
                continue;
            }
        }
        i += run;
    }
    chars
        .iter()
        .zip(remove)
        .filter(|(_, r)| !r)
        .map(|(c, _)| c)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_paired_emphasis_only() {
        let cases = [
            ("attained **all** the criteria", "attained all the criteria"),
            ("newsletter *Reflexions*, a", "newsletter Reflexions, a"),
            ("5 * 3 and a*", "5 * 3 and a*"),
            ("***Firearms***", "Firearms"),
        ];
        for (t, want) in cases {
            assert_eq!(strip_emphasis(t), want);
        }
    }
}
