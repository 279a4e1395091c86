//! Mutations for the fuzz targets, all driven by `arbitrary::Unstructured` so a saved input
//! replays exactly: byte-level (for raw JSON text), JSON-tree-level (drop, duplicate, retype,
//! rename fields; absurd numbers; odd Unicode; many copies of an array element) and line-level
//! (for report text: delete, duplicate, swap lines, noise, line ends, truncation).

use arbitrary::Unstructured;
use serde_json::{Map, Number, Value};

/// Strings that have broken renderers, parsers and layouts elsewhere: markup, script URLs,
/// entities, bidi overrides, zero-width and combining characters, control characters, formula
/// text for spreadsheets, and words that are almost grade or area words.
pub const HOSTILE: &[&str] = &[
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "</style><script>alert(1)</script>",
    "</title></svg><svg onload=alert(1)>",
    "x\" onmouseover=\"alert(1)",
    "x' onfocus='alert(1)",
    "&amp; &lt;b&gt; &#x3C;script&#x3E; &nbsp;",
    "<!-- --> ]]> <![CDATA[",
    "\u{202E}fdp.exe",
    "a\u{200B}b\u{200C}c\u{200D}d\u{2060}e\u{FEFF}",
    "e\u{301}\u{301}\u{301}\u{301}",
    "\u{1F46E}\u{200D}\u{2640}\u{FE0F}",
    "\u{0}\u{1}\u{7}\u{1B}[31m",
    "\u{2028}\u{2029}\u{85}",
    "\r\n\r\n",
    "\t",
    " ",
    "",
    "\u{A0}",
    "\u{FFFD}\u{FFFF}\u{10FFFF}",
    "=HYPERLINK(\"http://x\")",
    "+cmd|' /C calc'!A0",
    "\"quoted\", and, commas",
    "\\",
    "{{ .x }} ${x} %s%n",
    "شرطة",
    "𝕄𝕖𝕥𝕣𝕠𝕡𝕠𝕝𝕚𝕥𝕒𝕟",
    "Good",
    "good ",
    "excellent",
    "Not Graded",
    "3A",
    "9Z",
    "1",
    "0",
    "-1",
    "NaN",
    "__proto__",
    "constructor",
    "Domain A",
    "Contact:",
];

/// Numbers at and past every limit and type boundary the model has.
pub fn odd_number(u: &mut Unstructured) -> Value {
    let ints: [i64; 14] = [0, 1, -1, 2, 42, 43, 44, 255, 256, 1000, 1001, 10_000, i64::MAX, i64::MIN];
    match u.int_in_range(0..=5u8).unwrap_or(0) {
        0 => Value::from(u64::MAX),
        1 => Value::from(u64::from(u32::MAX) + 1),
        2 => Number::from_f64(*u.choose(&[0.5, -0.0, 1e308, -1e-300, 43.0, 2.5e9]).unwrap_or(&0.5)).map_or(Value::Null, Value::Number),
        3 => Value::from(u.arbitrary::<i64>().unwrap_or(0)),
        _ => Value::from(*u.choose(&ints).unwrap_or(&0)),
    }
}

/// A hostile string, a random one, or a very long one.
pub fn odd_string(u: &mut Unstructured) -> String {
    match u.int_in_range(0..=9u8).unwrap_or(0) {
        0 => u.arbitrary::<String>().unwrap_or_default(),
        1 => {
            // One long word (no break opportunity) or a long run of one hostile string.
            let n = u.int_in_range(100..=20_000usize).unwrap_or(100);
            if u.ratio(1, 2).unwrap_or(false) {
                "W".repeat(n)
            } else {
                u.choose(HOSTILE).unwrap_or(&"x").repeat(n / 16 + 1)
            }
        }
        2 => {
            let a = u.choose(HOSTILE).unwrap_or(&"");
            let b = u.choose(HOSTILE).unwrap_or(&"");
            format!("{a}{b}")
        }
        _ => (*u.choose(HOSTILE).unwrap_or(&"")).to_owned(),
    }
}

/// A value of any JSON type, mostly of a different type from the one it replaces.
fn retyped(u: &mut Unstructured) -> Value {
    match u.int_in_range(0..=7u8).unwrap_or(0) {
        0 => Value::Null,
        1 => Value::Bool(u.arbitrary().unwrap_or(true)),
        2 | 3 => odd_number(u),
        4 | 5 => Value::String(odd_string(u)),
        6 => Value::Array(Vec::new()),
        _ => Value::Object(Map::new()),
    }
}

/// Field names the report format uses: mutations that add or rename fields pick these often, so
/// they collide with real fields instead of only making unknown ones.
const KEYS: &[&str] = &[
    "schema_version", "force", "title", "published", "period", "forces_assessed", "domains",
    "overview", "glossary", "id", "ppaf", "areas", "grade", "direction", "national", "poor",
    "fair", "good", "excellent", "national_context", "context", "strengths", "work_in_progress",
    "areas_for_improvement", "good_practice", "heading", "blocks", "text", "level", "body",
    "contact", "abbr", "meaning", "$schema",
];

/// Marks a key that the writer emits as a duplicate of the key after the marker: JSON text can
/// hold the same key twice, a `serde_json::Map` cannot.
pub const DUP: &str = "\u{0}dup\u{0}";

fn count(v: &Value, f: &impl Fn(Option<&str>, &Value) -> bool, key: Option<&str>) -> usize {
    let own = usize::from(f(key, v));
    own + match v {
        Value::Array(a) => a.iter().map(|x| count(x, f, None)).sum(),
        Value::Object(o) => o.iter().map(|(k, x)| count(x, f, Some(k))).sum(),
        _ => 0,
    }
}

/// The `n`th node (pre-order) that `f` accepts, mutably.
fn nth<'a>(
    v: &'a mut Value,
    f: &impl Fn(Option<&str>, &Value) -> bool,
    key: Option<&str>,
    n: &mut usize,
) -> Option<&'a mut Value> {
    if f(key, v) {
        if *n == 0 {
            return Some(v);
        }
        *n -= 1;
    }
    match v {
        Value::Array(a) => a.iter_mut().find_map(|x| nth(x, f, None, n)),
        Value::Object(o) => o.iter_mut().find_map(|(k, x)| nth(x, f, Some(k.as_str()), n)),
        _ => None,
    }
}

/// Picks a node: half the time any node, half the time one under a field the model checks
/// (counts, grades, ids, limits), which uniform picking would rarely reach in a report that is
/// mostly prose.
fn pick<'a>(u: &mut Unstructured, root: &'a mut Value) -> Option<&'a mut Value> {
    const STRUCTURAL: &[&str] = &[
        "schema_version", "forces_assessed", "domains", "areas", "id", "grade", "direction",
        "national", "poor", "fair", "good", "excellent", "level", "published", "glossary",
        "blocks", "heading", "good_practice",
    ];
    let any = |_: Option<&str>, _: &Value| true;
    let structural = |k: Option<&str>, _: &Value| k.is_some_and(|k| STRUCTURAL.contains(&k));
    if u.ratio(1, 2).unwrap_or(true) {
        let total = count(root, &structural, None);
        if total > 0 {
            let mut n = u.int_in_range(0..=total - 1).unwrap_or(0);
            return nth(root, &structural, None, &mut n);
        }
    }
    let total = count(root, &any, None);
    let mut n = u.int_in_range(0..=total.saturating_sub(1)).unwrap_or(0);
    nth(root, &any, None, &mut n)
}

/// Rough size of a value, to keep "many copies" mutations within a few megabytes.
fn weight(v: &Value) -> usize {
    match v {
        Value::Array(a) => 1 + a.iter().map(weight).sum::<usize>(),
        Value::Object(o) => 1 + o.values().map(weight).sum::<usize>(),
        Value::String(s) => 1 + s.len() / 64,
        _ => 1,
    }
}

/// Applies one random structure-aware mutation somewhere in the tree.
pub fn mutate_value(u: &mut Unstructured, root: &mut Value) {
    let Some(node) = pick(u, root) else { return };
    match node {
        Value::Object(o) if u.ratio(2, 3).unwrap_or(false) => {
            let keys: Vec<String> = o.keys().cloned().collect();
            match u.int_in_range(0..=4u8).unwrap_or(0) {
                0 if !keys.is_empty() => {
                    let k = u.choose(&keys).cloned().unwrap_or_default();
                    o.remove(&k);
                }
                1 if !keys.is_empty() => {
                    // Rename: a typo of the key, or another real key (which may collide).
                    let k = u.choose(&keys).cloned().unwrap_or_default();
                    if let Some(v) = o.remove(&k) {
                        let new = if u.ratio(1, 2).unwrap_or(false) {
                            (*u.choose(KEYS).unwrap_or(&"id")).to_owned()
                        } else {
                            typo(u, &k)
                        };
                        o.insert(new, v);
                    }
                }
                2 if !keys.is_empty() => {
                    let k = u.choose(&keys).cloned().unwrap_or_default();
                    let v = if u.ratio(1, 2).unwrap_or(false) { o[&k].clone() } else { retyped(u) };
                    o.insert(format!("{DUP}{k}"), v);
                }
                _ => {
                    let k = (*u.choose(KEYS).unwrap_or(&"grdae")).to_owned();
                    o.insert(k, retyped(u));
                }
            }
        }
        Value::Array(a) if u.ratio(2, 3).unwrap_or(false) => {
            let len = a.len();
            match u.int_in_range(0..=5u8).unwrap_or(0) {
                0 if len > 0 => {
                    a.remove(u.int_in_range(0..=len - 1).unwrap_or(0));
                }
                1 if len > 0 => {
                    // Many copies: past MAX_AREAS, MAX_DOMAINS, MAX_BLOCKS, MAX_GLOSSARY.
                    let i = u.int_in_range(0..=len - 1).unwrap_or(0);
                    let cap = (400_000 / weight(&a[i]).max(1)).clamp(1, 12_000);
                    let copies = u.int_in_range(1..=cap).unwrap_or(1);
                    let item = a[i].clone();
                    a.extend(std::iter::repeat_n(item, copies));
                }
                2 if len > 1 => {
                    let i = u.int_in_range(0..=len - 1).unwrap_or(0);
                    let j = u.int_in_range(0..=len - 1).unwrap_or(0);
                    a.swap(i, j);
                }
                3 => a.clear(),
                4 => {
                    let inner = std::mem::take(a);
                    a.push(Value::Array(inner));
                }
                _ => a.push(retyped(u)),
            }
        }
        Value::Number(_) if u.ratio(2, 3).unwrap_or(false) => {
            *node = if u.ratio(1, 2).unwrap_or(false) {
                odd_number(u)
            } else {
                // Near the old value: off by one makes a sum disagree by one.
                let n = node.as_i64().unwrap_or(0);
                let delta = *u.choose(&[-1i64, 1, -2, 2, -43, 1000]).unwrap_or(&1);
                Value::from(n.saturating_add(delta))
            };
        }
        Value::String(s) if u.ratio(2, 3).unwrap_or(false) => match u.int_in_range(0..=4u8).unwrap_or(0) {
            0 => s.push_str(&odd_string(u)),
            1 => *s = s.to_uppercase(),
            2 => {
                let cut = u.int_in_range(0..=s.len()).unwrap_or(0);
                let cut = (0..=cut).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0);
                s.truncate(cut);
            }
            _ => *s = odd_string(u),
        },
        _ => *node = retyped(u),
    }
}

fn typo(u: &mut Unstructured, key: &str) -> String {
    let mut chars: Vec<char> = key.chars().collect();
    if chars.len() > 1 && u.ratio(1, 2).unwrap_or(false) {
        let i = u.int_in_range(0..=chars.len() - 2).unwrap_or(0);
        chars.swap(i, i + 1);
    } else {
        chars.push(*u.choose(&['s', '_', ' ', 'A', '\u{200B}']).unwrap_or(&'s'));
    }
    chars.into_iter().collect()
}

/// JSON text for a tree, honouring [`DUP`] keys (written as the key itself, so the text holds
/// the key twice) and sometimes writing every non-ASCII character as a `\u` escape.
pub fn write_json(u: &mut Unstructured, v: &Value) -> String {
    let escape_all = u.ratio(1, 8).unwrap_or(false);
    let mut out = String::new();
    write(v, escape_all, &mut out);
    out
}

fn write(v: &Value, escape_all: bool, out: &mut String) {
    match v {
        Value::Array(a) => {
            out.push('[');
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write(x, escape_all, out);
            }
            out.push(']');
        }
        Value::Object(o) => {
            out.push('{');
            for (i, (k, x)) in o.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_str(k.strip_prefix(DUP).unwrap_or(k), escape_all, out);
                out.push(':');
                write(x, escape_all, out);
            }
            out.push('}');
        }
        Value::String(s) => write_str(s, escape_all, out),
        other => out.push_str(&other.to_string()),
    }
}

fn write_str(s: &str, escape_all: bool, out: &mut String) {
    if !escape_all {
        out.push_str(&Value::String(s.to_owned()).to_string());
        return;
    }
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 || !c.is_ascii() => {
                let mut buf = [0u16; 2];
                for unit in c.encode_utf16(&mut buf) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Whether a tree holds [`DUP`] keys (its text then differs from the tree).
pub fn has_dup(v: &Value) -> bool {
    match v {
        Value::Array(a) => a.iter().any(has_dup),
        Value::Object(o) => o.iter().any(|(k, x)| k.starts_with(DUP) || has_dup(x)),
        _ => false,
    }
}

/// Byte-level mutations of JSON (or any) text: flips, JSON punctuation, inserts, deletes,
/// duplicated ranges, splices from another seed, truncation.
pub fn mutate_bytes(u: &mut Unstructured, bytes: &mut Vec<u8>, other: &[u8]) {
    const PUNCT: &[u8] = b"{}[]\",:\\-+.0123456789eE \n\tntfu\x00\xff\xc3";
    let len = bytes.len();
    let at = |u: &mut Unstructured, len: usize| u.int_in_range(0..=len).unwrap_or(0);
    match u.int_in_range(0..=6u8).unwrap_or(0) {
        0 if len > 0 => {
            let i = at(u, len - 1);
            bytes[i] ^= 1 << u.int_in_range(0..=7u8).unwrap_or(0);
        }
        1 if len > 0 => {
            let i = at(u, len - 1);
            bytes[i] = *u.choose(PUNCT).unwrap_or(&b'{');
        }
        2 => {
            let i = at(u, len);
            let n = u.int_in_range(1..=16usize).unwrap_or(1);
            let insert: Vec<u8> = (0..n).map(|_| *u.choose(PUNCT).unwrap_or(&b'"')).collect();
            bytes.splice(i..i, insert);
        }
        3 if len > 0 => {
            let i = at(u, len - 1);
            let n = u.int_in_range(1..=(len - i).min(512)).unwrap_or(1);
            bytes.drain(i..i + n);
        }
        4 if len > 0 => {
            let i = at(u, len - 1);
            let n = u.int_in_range(1..=(len - i).min(4096)).unwrap_or(1);
            let copy = bytes[i..i + n].to_vec();
            let j = at(u, len);
            bytes.splice(j..j, copy);
        }
        5 if !other.is_empty() => {
            let i = at(u, other.len() - 1);
            let n = u.int_in_range(1..=(other.len() - i).min(4096)).unwrap_or(1);
            let j = at(u, len);
            bytes.splice(j..j, other[i..i + n].iter().copied());
        }
        _ => bytes.truncate(at(u, len)),
    }
}

/// Line-level mutations of report text, the ways PDF-to-text output goes wrong: lines lost,
/// repeated, swapped or joined; page furniture and stray lines inserted; digits and grade words
/// changed; line ends converted; the text cut off.
pub fn mutate_text(u: &mut Unstructured, text: &mut String) {
    const NOISE: &[&str] = &[
        "October 2006", "Page 12", "Page 3 Metropolitan Police Service - Baseline Assessment",
        "\u{c}", "Grade\tGood", "Grade\tExcellent\tImproved", "Direction of Travel\tStable",
        "Not Graded", "3A Managing Critical Incidents and Major Crime", "1 Citizen Focus (Domain A)",
        "Strengths", "Areas for Improvement", "Work in Progress", "Contextual Factors***Firearms***",
        "GOOD PRACTICE", "Contact:", "Poor\tFair\tGood\tExcellent", "5\t17\t17\t4", "• ", "- ",
        "   - nested", "Glossary", "ACPO\tAssociation of Chief Police Officers", "-----",
        "SUMMARY OF JUDGEMENTS", "**bold**", "*",
    ];
    let mut lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
    let n = lines.len();
    let line = |u: &mut Unstructured| u.int_in_range(0..=n.saturating_sub(1)).unwrap_or(0);
    match u.int_in_range(0..=11u8).unwrap_or(0) {
        0 if n > 0 => {
            let i = line(u);
            let k = u.int_in_range(1..=40usize).unwrap_or(1).min(n - i);
            lines.drain(i..i + k);
        }
        1 if n > 0 => {
            let i = line(u);
            let k = u.int_in_range(1..=40usize).unwrap_or(1).min(n - i);
            let copy: Vec<String> = lines[i..i + k].to_vec();
            let j = line(u);
            lines.splice(j..j, copy);
        }
        2 if n > 1 => {
            let (i, j) = (line(u), line(u));
            lines.swap(i, j);
        }
        3 => {
            let i = line(u);
            let noise = if u.ratio(1, 3).unwrap_or(false) { odd_string(u) } else { (*u.choose(NOISE).unwrap_or(&"")).to_owned() };
            lines.insert(i.min(lines.len()), noise);
        }
        4 if n > 1 => {
            let i = line(u).min(n - 2);
            let next = lines.remove(i + 1);
            lines[i].push(' ');
            lines[i].push_str(&next);
        }
        5 if n > 0 => {
            let i = line(u);
            let l = &lines[i];
            let cut = u.int_in_range(0..=l.len()).unwrap_or(0);
            let cut = (0..=cut).rev().find(|&c| l.is_char_boundary(c)).unwrap_or(0);
            let rest = l[cut..].to_owned();
            lines[i].truncate(cut);
            lines.insert(i + 1, rest);
        }
        6 if n > 0 => {
            // Change the numbers or grade words on a line that has them.
            let i = line(u);
            let swapped: String = lines[i]
                .chars()
                .map(|c| if c.is_ascii_digit() { char::from(b'0' + u.int_in_range(0..=9u8).unwrap_or(0)) } else { c })
                .collect();
            let words = ["Excellent", "Good", "Fair", "Poor", "Improved", "Stable", "Declined"];
            let from = *u.choose(&words).unwrap_or(&"Good");
            let to = *u.choose(&words).unwrap_or(&"Fair");
            lines[i] = swapped.replace(from, to);
        }
        7 if n > 0 => {
            let i = line(u);
            let at = u.int_in_range(0..=lines[i].len()).unwrap_or(0);
            let at = (0..=at).rev().find(|&c| lines[i].is_char_boundary(c)).unwrap_or(0);
            let s = odd_string(u);
            lines[i].insert_str(at, &s);
        }
        8 => {
            *text = lines.join(if u.ratio(1, 2).unwrap_or(true) { "\r\n" } else { "\r" });
            return;
        }
        9 => {
            let joined = lines.join("\n");
            let cut = u.int_in_range(0..=joined.len()).unwrap_or(0);
            let cut = (0..=cut).rev().find(|&c| joined.is_char_boundary(c)).unwrap_or(0);
            *text = joined[..cut].to_owned();
            return;
        }
        10 if n > 0 => {
            let i = line(u);
            lines[i] = lines[i].replace('\t', " ").to_uppercase();
        }
        _ if n > 0 => {
            let i = line(u);
            lines[i] = format!("{}{}", *u.choose(&["\t", "  ", "\u{A0}", "\u{FEFF}", "- ", "• "]).unwrap_or(&" "), lines[i]);
        }
        _ => {}
    }
    *text = lines.join("\n");
}
