//! The mount/update configuration: a plain JS object read by serde-wasm-bindgen into
//! [`MountOptions`] (the report kept as the JS value it is until it is read), turned into the
//! components' [`Options`] and a data [`Source`].

use std::fmt;

use js_sys::Object;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use wasm_bindgen::JsValue;

use crate::i18n::Lang;
use crate::options::{Options, View};
use crate::model::is_area_id;

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

/// The keys `mount` / `update` accept (the README's JS API table). Every key is optional, and
/// a value of the wrong type counts as absent: a host attribute typo must not break the widget.
#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct MountOptions {
    /// The report object, read later (as the report, with every problem reported).
    #[serde(with = "serde_wasm_bindgen::preserve")]
    report: JsValue,
    #[serde(deserialize_with = "text")]
    src: Option<String>,
    #[serde(deserialize_with = "text")]
    view: Option<String>,
    #[serde(deserialize_with = "text")]
    area: Option<String>,
    #[serde(deserialize_with = "lang")]
    lang: Lang,
    #[serde(deserialize_with = "truthy")]
    deep_link: bool,
    #[serde(deserialize_with = "text")]
    href: Option<String>,
    #[serde(deserialize_with = "heading_level")]
    heading_level: u8,
    #[serde(deserialize_with = "text")]
    area_href: Option<String>,
    #[serde(deserialize_with = "text")]
    fallback_href: Option<String>,
    /// Seconds.
    #[serde(deserialize_with = "number")]
    timeout: Option<f64>,
}

/// Reads a config object; anything that is not an object is no options at all.
pub fn read(config: &JsValue) -> Config {
    let options: MountOptions = serde_wasm_bindgen::from_value(config.clone()).unwrap_or_default();
    let source = match (options.report, options.src.filter(|s| !s.trim().is_empty())) {
        (report, _) if !report.is_undefined() && !report.is_null() => Source::Object(report),
        (_, Some(src)) => Source::Src(src.trim().to_owned()),
        _ => Source::Inline,
    };
    let deep_link = options.deep_link;
    let mut area = options.area.map(|a| a.trim().to_owned()).filter(|a| !a.is_empty());
    if deep_link {
        // The reader's own link is more specific than the page author's default.
        if let Some(hashed) = hash_area() {
            area = Some(hashed);
        }
    }
    let options_out = Options {
        view: parse_view(options.view.as_deref()),
        area,
        lang: options.lang,
        deep_link,
        link: options.href,
        // Issue 13: heading level, area links and the error's fallback link.
        heading_level: options.heading_level,
        area_href: options.area_href.filter(|s| !s.trim().is_empty()),
        fallback_href: options.fallback_href.filter(|s| !s.trim().is_empty()),
    };
    let timeout_ms = options
        .timeout
        .filter(|s| s.is_finite() && *s > 0.0)
        .map_or(DEFAULT_TIMEOUT_MS, |s| (s * 1000.0).min(600_000.0) as u32);
    Config { source, options: options_out, timeout_ms }
}

/// What a lenient option reader keeps of a JS value: a string, a number, or how truthy it is.
enum Loose {
    Text(String),
    Number(f64),
    Other { truthy: bool },
}

impl<'de> Deserialize<'de> for Loose {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Loose, D::Error> {
        d.deserialize_any(LooseVisitor)
    }
}

struct LooseVisitor;

impl<'de> Visitor<'de> for LooseVisitor {
    type Value = Loose;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Loose, E> {
        Ok(Loose::Other { truthy: v })
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Loose, E> {
        Ok(Loose::Number(v as f64))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Loose, E> {
        Ok(Loose::Number(v as f64))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Loose, E> {
        Ok(Loose::Number(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Loose, E> {
        Ok(Loose::Text(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Loose, E> {
        Ok(Loose::Text(v))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Loose, E> {
        Ok(Loose::Other { truthy: false })
    }
    fn visit_none<E: de::Error>(self) -> Result<Loose, E> {
        Ok(Loose::Other { truthy: false })
    }
    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<Loose, A::Error> {
        Ok(Loose::Other { truthy: true })
    }
    fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<Loose, A::Error> {
        Ok(Loose::Other { truthy: true })
    }
    fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<Loose, E> {
        Ok(Loose::Other { truthy: true })
    }
}

fn loose<'de, D: Deserializer<'de>>(d: D) -> Result<Loose, D::Error> {
    // A value the reader cannot even look at (a JS symbol) counts as absent too.
    Ok(Loose::deserialize(d).unwrap_or(Loose::Other { truthy: false }))
}

/// A string option; anything else (numbers, objects) counts as absent.
fn text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match loose(d)? {
        Loose::Text(s) => Some(s),
        _ => None,
    })
}

fn number<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    Ok(match loose(d)? {
        Loose::Number(n) => Some(n),
        _ => None,
    })
}

/// A flag with JS truthiness: `true`, a non-empty string, a non-zero number, any object.
fn truthy<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    Ok(match loose(d)? {
        Loose::Text(s) => !s.is_empty(),
        Loose::Number(n) => n != 0.0 && !n.is_nan(),
        Loose::Other { truthy } => truthy,
    })
}

/// `headingLevel`: a number or a numeric string (the attribute's text), 2–6. Anything else is 0,
/// which the components read as the default, 2 (see components/heading.rs).
fn heading_level<'de, D: Deserializer<'de>>(d: D) -> Result<u8, D::Error> {
    let n = match loose(d)? {
        Loose::Number(f) if f.fract() == 0.0 && (2.0..=6.0).contains(&f) => f as u8,
        Loose::Text(s) => s.trim().parse::<u8>().unwrap_or(0),
        _ => 0,
    };
    Ok(if (2..=6).contains(&n) { n } else { 0 })
}

/// `view` attribute word to [`View`]; anything unknown is the full report.
pub fn parse_view(word: Option<&str>) -> View {
    word.and_then(View::from_word).unwrap_or_default()
}

/// `lang`: a language tag, read as every tag is ([`Lang::parse`]); not text is English.
fn lang<'de, D: Deserializer<'de>>(d: D) -> Result<Lang, D::Error> {
    Ok(Lang::parse(text(d)?.as_deref().unwrap_or("")))
}

/// The area id in `location.hash` (`#3A`, `#3a`), if it looks like one. Other hashes (a skip
/// link's `#main`) are left alone so deep linking cannot hijack the host page's own anchors.
pub fn hash_area() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    // Deep links may be typed in lower case (`#3a`); the id's shape is the validator's.
    let id = hash.strip_prefix('#')?.to_ascii_uppercase();
    is_area_id(&id).then_some(id)
}
