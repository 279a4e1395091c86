//! The mount/update configuration: a plain JS object read key by key (the report kept as the
//! JS value it is until it is read), turned into the components' [`Options`] and a data
//! [`Source`].

use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;

use crate::i18n::Lang;
use crate::options::{Options, View};
use crate::model::{is_area_id, is_area_slug};

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
    /// The host's own `area`, before a `#fragment` replaced it: what is shown when the fragment
    /// turns out to name no area of the report (a skip link's `#main`, say).
    pub host_area: Option<String>,
}

/// Reads a config object: the keys `mount` / `update` accept (the README's JS API table). Every
/// key is optional, and a value of the wrong type counts as absent: a host attribute typo must
/// not break the widget. Anything that is not an object is no options at all.
///
/// Read key by key with `Reflect.get` rather than through a derived serde reader: the derive
/// with serde-wasm-bindgen was about 7.6 KB of wasm code for eleven keys (docs/PERFORMANCE.md,
/// "Issue 26: the lean core's cuts").
pub fn read(config: &JsValue) -> Config {
    // A missing key, a throwing getter and a config that is not an object all read as undefined.
    let raw = |key: &str| {
        let value = config.is_object().then(|| Reflect::get(config, &JsValue::from_str(key)).ok());
        value.flatten().unwrap_or(JsValue::UNDEFINED)
    };
    let get = |key: &str| loose(raw(key));
    // The report object, read later (as the report, with every problem reported).
    let report = raw("report");
    let source = match text(get("src")).filter(|s| !s.trim().is_empty()) {
        _ if !report.is_undefined() && !report.is_null() => Source::Object(report),
        Some(src) => Source::Src(src.trim().to_owned()),
        None => Source::Inline,
    };
    let deep_link = truthy(get("deepLink"));
    let host_area = text(get("area")).map(|a| a.trim().to_owned()).filter(|a| !a.is_empty());
    let mut area = host_area.clone();
    if deep_link {
        // The reader's own link is more specific than the page author's default.
        if let Some(hashed) = hash_area() {
            area = Some(hashed);
        }
    }
    let options = Options {
        view: parse_view(text(get("view")).as_deref()),
        area,
        lang: Lang::parse(text(get("lang")).as_deref().unwrap_or("")),
        deep_link,
        link: text(get("href")),
        // Issue 13: heading level, area links and the error's fallback link.
        heading_level: heading_level(get("headingLevel")),
        area_href: text(get("areaHref")).filter(|s| !s.trim().is_empty()),
        fallback_href: text(get("fallbackHref")).filter(|s| !s.trim().is_empty()),
    };
    // Seconds.
    let timeout_ms = match get("timeout") {
        Loose::Number(s) if s.is_finite() && s > 0.0 => (s * 1000.0).min(600_000.0) as u32,
        _ => DEFAULT_TIMEOUT_MS,
    };
    Config { source, options, timeout_ms, host_area }
}

/// What a lenient option reader keeps of a JS value: a string, a number, or how truthy it is.
enum Loose {
    Text(String),
    Number(f64),
    Other { truthy: bool },
}

fn loose(value: JsValue) -> Loose {
    if let Some(s) = value.as_string() {
        Loose::Text(s)
    } else if let Some(n) = value.as_f64() {
        Loose::Number(n)
    } else {
        Loose::Other { truthy: value.is_truthy() }
    }
}

/// A string option; anything else (numbers, objects) counts as absent.
fn text(v: Loose) -> Option<String> {
    match v {
        Loose::Text(s) => Some(s),
        _ => None,
    }
}

/// A flag with JS truthiness: `true`, a non-empty string, a non-zero number, any object.
fn truthy(v: Loose) -> bool {
    match v {
        Loose::Text(s) => !s.is_empty(),
        Loose::Number(n) => n != 0.0 && !n.is_nan(),
        Loose::Other { truthy } => truthy,
    }
}

/// `headingLevel`: a number or a numeric string (the attribute's text), 2–6. Anything else is 0,
/// which the components read as the default, 2 (see `Level` in src/options.rs).
fn heading_level(v: Loose) -> u8 {
    let n = match v {
        Loose::Number(f) if f.fract() == 0.0 && (2.0..=6.0).contains(&f) => f as u8,
        Loose::Text(s) => s.trim().parse::<u8>().unwrap_or(0),
        _ => 0,
    };
    if (2..=6).contains(&n) {
        n
    } else {
        0
    }
}

/// `view` attribute word to [`View`]; anything unknown is the full report.
pub fn parse_view(word: Option<&str>) -> View {
    word.and_then(View::from_word).unwrap_or_default()
}

/// The area id in `location.hash` (`#3A`, `#3a`, `#investigating-crime`), if it has an area id's
/// shape (any short slug, issue 29). Whether the report has that area is only known once it is
/// read: a fragment naming none (a skip link's `#main`) then changes nothing (`Inner::props`,
/// `deep_link::on_hash`), so deep linking cannot hijack the host page's own anchors.
pub fn hash_area() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let id = hash.strip_prefix('#')?;
    // A 2006 id typed in lower case (`#3a`) is written as the report writes it.
    let upper = id.to_ascii_uppercase();
    if is_area_id(&upper) {
        return Some(upper);
    }
    is_area_slug(id).then(|| id.to_owned())
}
