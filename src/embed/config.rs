//! The mount/update configuration: a plain JS object read key by key with `Reflect` (a few
//! calls, smaller in wasm than a serde derive), turned into the components' [`Options`] and a
//! data [`Source`].

use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;

use crate::components::{Options, View};

/// How long a `src` fetch may take, headers and body together, when `timeout` is not given.
pub const DEFAULT_TIMEOUT_MS: u32 = 15_000;

/// Where the report comes from. Priority: `report` object, then `src`, then a child
/// `<script type="application/json">` of the host.
#[derive(Clone, Debug)]
pub enum Source {
    /// A plain JS object passed to `mount` / the `report` property.
    Object(JsValue),
    /// A URL to fetch (resolved against the page's base URL).
    Src(String),
    /// The host's child `<script type="application/json">`.
    Inline,
}

impl PartialEq for Source {
    /// Same object identity, same URL text, or both inline: only a different source reloads.
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Source::Object(a), Source::Object(b)) => Object::is(a, b),
            (Source::Src(a), Source::Src(b)) => a == b,
            (Source::Inline, Source::Inline) => true,
            _ => false,
        }
    }
}

/// Everything `mount` / `update` accept, already checked.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    pub source: Source,
    pub options: Options,
    pub timeout_ms: u32,
}

/// Reads a config object. Unknown or ill-typed values fall back to their defaults: a host
/// attribute typo must not break the widget (the README lists the accepted values).
pub fn read(config: &JsValue) -> Config {
    let report = get(config, "report").filter(|v| !v.is_undefined() && !v.is_null());
    let src = get_str(config, "src").filter(|s| !s.trim().is_empty());
    let source = match (report, src) {
        (Some(report), _) => Source::Object(report),
        (None, Some(src)) => Source::Src(src.trim().to_owned()),
        (None, None) => Source::Inline,
    };
    let deep_link = get(config, "deepLink").is_some_and(|v| v.is_truthy());
    let mut area = get_str(config, "area")
        .map(|a| a.trim().to_owned())
        .filter(|a| !a.is_empty());
    if deep_link {
        // The reader's own link is more specific than the page author's default.
        if let Some(hashed) = hash_area() {
            area = Some(hashed);
        }
    }
    let options = Options {
        view: parse_view(get_str(config, "view").as_deref()),
        area,
        lang: parse_lang(get_str(config, "lang").as_deref()),
        deep_link,
        link: get_str(config, "href"),
        // Issue 13: heading level, area links and the error's fallback link.
        heading_level: heading_level(get(config, "headingLevel").as_ref()),
        area_href: get_str(config, "areaHref").filter(|s| !s.trim().is_empty()),
        fallback_href: get_str(config, "fallbackHref").filter(|s| !s.trim().is_empty()),
    };
    let timeout_ms = get(config, "timeout")
        .and_then(|v| v.as_f64())
        .filter(|s| s.is_finite() && *s > 0.0)
        .map_or(DEFAULT_TIMEOUT_MS, |s| (s * 1000.0).min(600_000.0) as u32);
    Config {
        source,
        options,
        timeout_ms,
    }
}

/// `headingLevel`: a number or a numeric string (the attribute's text), 2–6. Anything else is 0,
/// which the components read as the default, 2 (see components/heading.rs).
/// Integers only: parsing the text as a float would pull Rust's float parser (about 20 KB of
/// wasm) into the bundle for one attribute.
fn heading_level(value: Option<&JsValue>) -> u8 {
    let Some(v) = value else { return 0 };
    let n = match v.as_f64() {
        Some(f) if f.fract() == 0.0 && (2.0..=6.0).contains(&f) => f as u8,
        Some(_) => 0,
        None => v.as_string().and_then(|s| s.trim().parse::<u8>().ok()).unwrap_or(0),
    };
    if (2..=6).contains(&n) {
        n
    } else {
        0
    }
}

/// `view` attribute word to [`View`]; anything unknown is the full report.
pub fn parse_view(word: Option<&str>) -> View {
    match word.map(str::trim).unwrap_or("") {
        w if w.eq_ignore_ascii_case("summary") => View::Summary,
        w if w.eq_ignore_ascii_case("area") => View::Area,
        w if w.eq_ignore_ascii_case("badge") => View::Badge,
        _ => View::Full,
    }
}

/// A BCP 47 tag (`cy`, `cy-GB`, `en-GB`, …) to one of the widget's languages, "en" or "cy".
pub fn parse_lang(tag: Option<&str>) -> String {
    let primary = tag
        .unwrap_or("")
        .trim()
        .split(['-', '_'])
        .next()
        .unwrap_or("");
    if primary.eq_ignore_ascii_case("cy") {
        "cy"
    } else {
        "en"
    }
    .to_owned()
}

/// The area id in `location.hash` (`#3A`, `#3a`), if it looks like one. Other hashes (a skip
/// link's `#main`) are left alone so deep linking cannot hijack the host page's own anchors.
fn hash_area() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let id = hash.strip_prefix('#')?;
    is_area_id(id).then(|| id.to_ascii_uppercase())
}

/// One or two digits then one letter: the shape of every area id ("1A" … "7B").
pub fn is_area_id(id: &str) -> bool {
    let b = id.as_bytes();
    let n = b.len();
    (2..=3).contains(&n)
        && b[..n - 1].iter().all(u8::is_ascii_digit)
        && b[n - 1].is_ascii_alphabetic()
}

fn get(obj: &JsValue, key: &str) -> Option<JsValue> {
    if !obj.is_object() {
        return None;
    }
    Reflect::get(obj, &JsValue::from_str(key))
        .ok()
        .filter(|v| !v.is_undefined())
}

/// A string value; anything else (numbers, objects) counts as absent.
fn get_str(obj: &JsValue, key: &str) -> Option<String> {
    get(obj, key)?.as_string()
}
