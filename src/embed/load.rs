//! Getting a report into the widget: from a JS object, from a child
//! `<script type="application/json">`, or from a `src` URL (http(s) only, no credentials, with a
//! timeout). Every route ends in the same decode + validate step, and every failure is a
//! [`LoadError`] whose [`ErrorKind`] becomes the `error` event's `detail.type`.
//!
//! JSON text is parsed by the browser's `JSON.parse`, and the resulting JS value (or the object
//! the page passed) is read into the report types by the same reader as the CLI's
//! (`model::load_value`, the JS value as its source: `embed/js_value.rs`), so paths and messages
//! are the CLI's. No serde_json in the wasm (about 12 KiB brotli saved; docs/development.md,
//! "Toolchain notes").

use js_sys::{JsString, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AbortController, Element, ReadableStreamDefaultReader, RequestCredentials, RequestInit, RequestMode, Response,
};

use crate::load_state::{ErrorKind, LoadError};
use crate::model::{load_value, Report, MAX_REPORT_BYTES};

/// Largest report text accepted: the model's byte limit, compared with the text's UTF-16 length
/// (never more than its UTF-8 byte length, so nothing within the limit is refused). Checked
/// before parsing so an oversized file cannot freeze the page.
const MAX_CHARS: u32 = MAX_REPORT_BYTES as u32;

#[wasm_bindgen]
extern "C" {
    /// `JSON.parse` on a JS string without copying it into wasm memory first.
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn json_parse(text: &JsString) -> Result<JsValue, JsValue>;

    /// `TextDecoder` (UTF-8), bound here rather than through web-sys so that `decode` hands
    /// back a JS string: the text stays out of wasm memory until `JSON.parse` reads it.
    type TextDecoder;
    #[wasm_bindgen(constructor, catch)]
    fn new() -> Result<TextDecoder, JsValue>;
    #[wasm_bindgen(method)]
    fn decode(this: &TextDecoder, bytes: &Uint8Array) -> JsString;
}

/// Reads and validates a report held as a JS value. `from` says where it came from, for the
/// message ("from https://…/x.json", "in the page", "passed to mount"); `fetched`, whether it
/// came from `src` (then trying again may help).
pub fn decode(value: JsValue, from: &str, fetched: bool) -> Result<Report, LoadError> {
    load_value(value).map_err(|problems| {
        let n = problems.len();
        let mut err = LoadError::new(
            ErrorKind::Schema { fetched },
            format!(
                "the report {from} has {n} problem{}",
                if n == 1 { "" } else { "s" }
            ),
        );
        err.problems = problems.iter().map(|p| (p.path.to_string(), p.message())).collect();
        err
    })
}

/// The JSON held by the host's child `<script type="application/json">`, parsed.
pub fn inline_json(host: &Element) -> Result<JsValue, LoadError> {
    const WHERE: &str = "in the page's <script type=\"application/json\">";
    let script = host
        .query_selector(":scope > script[type='application/json']")
        .ok()
        .flatten()
        .ok_or_else(|| {
            LoadError::new(
                ErrorKind::Source,
                "no report to show: set the src attribute, add a child <script type=\"application/json\">, or pass a report to mount()".to_owned(),
            )
        })?;
    let text = JsString::from(script.text_content().unwrap_or_default());
    parse_text(&text, WHERE, false)
}

/// Size check, then `JSON.parse`.
fn parse_text(text: &JsString, from: &str, fetched: bool) -> Result<JsValue, LoadError> {
    if text.length() > MAX_CHARS {
        return Err(too_large(from, fetched));
    }
    json_parse(text).map_err(|e| {
        LoadError::new(
            ErrorKind::Json { fetched },
            format!("the report {from} is not valid JSON: {}", js_message(&e)),
        )
    })
}

fn too_large(from: &str, fetched: bool) -> LoadError {
    LoadError::new(
        ErrorKind::Size { fetched },
        format!(
            "the report {from} is too large: the limit is {} MiB",
            MAX_REPORT_BYTES >> 20
        ),
    )
}

/// Resolves `src` against the page and refuses anything but http(s): the widget fetches report
/// files and nothing else (no `data:`, `blob:`, `javascript:` or `file:` URLs).
pub fn resolve(src: &str) -> Result<String, LoadError> {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    let url = web_sys::Url::new_with_base(src, &base).map_err(|_| {
        LoadError::new(
            ErrorKind::Src,
            format!("the src \"{src}\" is not a valid URL"),
        )
    })?;
    match url.protocol().as_str() {
        "http:" | "https:" => Ok(url.href()),
        other => Err(LoadError::new(
            ErrorKind::Src,
            format!("the src \"{src}\" must be an http or https URL, not {other}"),
        )),
    }
}

/// A `src` request the loader (`www/grade-widget.js`, `prefetch`) made while the wasm was still
/// loading, so that the report and the wasm come over the network at the same time. It was made
/// as [`request`] makes one (CORS, no credentials) and is cancelled through its own `abort`.
/// Widgets with the same `src` share it: the first load of its URL takes it (`taken`), and the
/// loader cancels one that no load took.
pub struct Prefetched {
    /// The loader's object, marked when a load takes it.
    value: JsValue,
    /// The absolute URL it asked for, resolved as [`resolve`] does.
    pub url: String,
    /// The `fetch()` promise of a `Response`.
    pub response: Promise,
    pub abort: AbortController,
    /// `Date.now()` when it started: a widget's timeout counts from there.
    pub started: f64,
}

impl Prefetched {
    /// The loader's `{ url, response, abort, started }`; anything else is no prefetch.
    pub fn read(value: &JsValue) -> Option<Prefetched> {
        if !value.is_object() {
            return None;
        }
        let get = |key: &str| Reflect::get(value, &JsValue::from_str(key)).ok();
        Some(Prefetched {
            value: value.clone(),
            url: get("url")?.as_string()?,
            response: get("response")?.dyn_into().ok()?,
            abort: get("abort")?.dyn_into().ok()?,
            started: get("started")?.as_f64()?,
        })
    }

    /// The request, unless a load has already taken it (its body can be read only once).
    pub fn take(self) -> Option<Prefetched> {
        let taken = JsValue::from_str("taken");
        if Reflect::get(&self.value, &taken).is_ok_and(|t| t.is_truthy()) {
            return None;
        }
        Reflect::set(&self.value, &taken, &JsValue::TRUE).ok()?;
        Some(self)
    }
}

/// Fetches and parses the report JSON at `url` (already [`resolve`]d; `from` is "from <url>",
/// for the messages, made once by the caller, who names the report so too). Credentials are never
/// sent. `abort` cancels the request and its body (every widget waiting for it has left: see
/// `shared.rs`, where each keeps its own timeout). With `early`, the request is the loader's,
/// already under way, and `abort` is its controller.
pub async fn fetch_json(url: &str, from: &str, abort: &AbortController, early: Option<Promise>) -> Result<JsValue, LoadError> {
    let window = web_sys::window()
        .ok_or_else(|| LoadError::new(ErrorKind::Fetch, "no window to fetch from".to_owned()))?;
    let text = fetch_text(&window, url, abort, early).await?;
    parse_text(&text, from, true)
}

/// The request and the whole body as text, the size limit enforced as it arrives.
async fn fetch_text(
    window: &web_sys::Window,
    url: &str,
    abort: &AbortController,
    early: Option<Promise>,
) -> Result<JsString, LoadError> {
    let network = |e: JsValue| {
        LoadError::new(
            ErrorKind::Fetch,
            format!(
                "could not fetch the report from {url}: the request failed (server unreachable, connection refused, or blocked by the page's Content-Security-Policy: {})",
                js_message(&e)
            ),
        )
    };
    let pending = early.unwrap_or_else(|| window.fetch_with_str_and_init(url, &request(RequestMode::Cors, abort)));
    let response: Response = match JsFuture::from(pending).await {
        Ok(r) => r.unchecked_into(),
        Err(e) if cors_refused(window, url, abort).await => {
            let origin = window.location().origin().unwrap_or_default();
            return Err(LoadError::new(
                ErrorKind::Cors,
                format!(
                    "could not fetch the report from {url}: the server answered but does not let this page read it (CORS); the server must send the header Access-Control-Allow-Origin: {origin} (or *) with the report ({})",
                    js_message(&e)
                ),
            ));
        }
        Err(e) => return Err(network(e)),
    };
    if !response.ok() {
        let status = response.status();
        let text = response.status_text();
        let sep = if text.is_empty() { "" } else { " " };
        return Err(LoadError::new(
            ErrorKind::Http,
            format!(
                "could not fetch the report from {url}: the server answered {status}{sep}{text}"
            ),
        ));
    }
    // Refuse early when the server announces an oversized body.
    let announced = response.headers().get("content-length").ok().flatten();
    if let Some(len) = announced.and_then(|l| l.trim().parse::<u64>().ok()) {
        if len > MAX_REPORT_BYTES as u64 {
            abort.abort();
            return Err(too_large(&format!("from {url}"), true));
        }
    }
    read_body(&response, url, abort).await
}

/// The body as text, read chunk by chunk and refused as soon as it passes the limit: a server
/// that sends no `Content-Length` (or a false one) and never stops is cut off at
/// `MAX_REPORT_BYTES` instead of filling the page's memory. Bytes are counted (the limit is in
/// bytes), kept as JS chunks, and decoded once at the end as UTF-8, as `Response.text()` would
/// (a byte-order mark dropped, bad bytes replaced).
async fn read_body(response: &Response, url: &str, abort: &AbortController) -> Result<JsString, LoadError> {
    let broke_off = |e: JsValue| {
        LoadError::new(
            ErrorKind::Fetch,
            format!("could not read the report from {url}: the answer broke off ({})", js_message(&e)),
        )
    };
    // No body at all (a 204, say): the empty text, which then fails as JSON like an empty file.
    let Some(body) = response.body() else { return Ok(JsString::from("")) };
    let reader: ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut chunks: Vec<Uint8Array> = Vec::new();
    let mut total: u64 = 0;
    loop {
        let step = JsFuture::from(reader.read()).await.map_err(broke_off)?;
        if Reflect::get(&step, &JsValue::from_str("done")).map_or(true, |d| d.is_truthy()) {
            break;
        }
        let chunk: Uint8Array = Reflect::get(&step, &JsValue::from_str("value"))
            .ok()
            .and_then(|v| v.dyn_into().ok())
            .ok_or_else(|| broke_off(JsValue::from_str("a chunk that is not bytes")))?;
        total += u64::from(chunk.length());
        if total > MAX_REPORT_BYTES as u64 {
            // Cancelling the stream closes the connection; awaiting it keeps a rejection (the
            // stream may have failed meanwhile) from surfacing as an unhandled one.
            let _ = JsFuture::from(reader.cancel()).await;
            abort.abort();
            return Err(too_large(&format!("from {url}"), true));
        }
        chunks.push(chunk);
    }
    let whole = Uint8Array::new_with_length(total as u32);
    let mut at = 0;
    for chunk in &chunks {
        whole.set(chunk, at);
        at += chunk.length();
    }
    let decoder = TextDecoder::new().map_err(broke_off)?;
    Ok(decoder.decode(&whole))
}

/// A GET without credentials, cancelled by `abort`.
fn request(mode: RequestMode, abort: &AbortController) -> RequestInit {
    let init = RequestInit::new();
    init.set_method("GET");
    init.set_credentials(RequestCredentials::Omit);
    init.set_mode(mode);
    init.set_signal(Some(&abort.signal()));
    init
}

/// After a cross-origin fetch failed, tells a CORS refusal from an unreachable server: browsers
/// give scripts the same bare `TypeError` for both, but a `no-cors` request to the same URL
/// resolves (with an opaque response the page cannot read) whenever the server answered at all.
/// Same-origin requests never need CORS, so they are not probed; nor are aborted ones (timeout,
/// destroy). The probe shares the abort signal, so the timeout covers it too.
async fn cors_refused(window: &web_sys::Window, url: &str, abort: &AbortController) -> bool {
    if abort.signal().aborted() {
        return false;
    }
    let target = web_sys::Url::new(url).map(|u| u.origin()).ok();
    let page = window.location().origin().ok();
    if target.is_none() || target == page {
        return false;
    }
    let probe = window.fetch_with_str_and_init(url, &request(RequestMode::NoCors, abort));
    JsFuture::from(probe).await.is_ok()
}

/// The `message` of a JS exception (`SyntaxError: Unexpected token …`), or its string form.
pub fn js_message(e: &JsValue) -> String {
    if let Some(err) = e.dyn_ref::<js_sys::Error>() {
        return String::from(err.message());
    }
    e.as_string().unwrap_or_else(|| "unknown error".to_owned())
}
