//! Browser tests of the embedding (wasm-bindgen-test in headless Chromium): mount into a plain
//! element through the same entry point the JS loader uses, with the real Metropolitan report.
//!
//! CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=/usr/bin/chromedriver \
//!   cargo test --target wasm32-unknown-unknown --test web
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use grade_widget::embed::{self, Widget};
use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{CustomEvent, HtmlElement};

/// `mount` as the loader calls it when it has made no request of its own for `src`.
fn mount(host: HtmlElement, config: JsValue) -> Result<Widget, JsValue> {
    embed::mount(host, config, JsValue::UNDEFINED, false)
}

wasm_bindgen_test_configure!(run_in_browser);

const MET: &str = include_str!("../www/data/metropolitan-2006.json");
const NORTH: &str = include_str!("../www/data/northshire-example-2006.json");

/// A fresh host element in the document.
fn host() -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let el: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&el).unwrap();
    el
}

/// Every `load` / `select` / `error` event on the element, as (type, detail).
fn record(el: &HtmlElement) -> Rc<RefCell<Vec<(String, JsValue)>>> {
    let seen = Rc::new(RefCell::new(Vec::new()));
    for kind in ["load", "select", "error"] {
        let seen = seen.clone();
        let listener = Closure::<dyn FnMut(CustomEvent)>::new(move |e: CustomEvent| {
            seen.borrow_mut().push((e.type_(), e.detail()));
        });
        el.add_event_listener_with_callback(kind, listener.as_ref().unchecked_ref())
            .unwrap();
        listener.forget();
    }
    seen
}

fn config(pairs: &[(&str, JsValue)]) -> JsValue {
    let obj = Object::new();
    for (k, v) in pairs {
        Reflect::set(&obj, &JsValue::from_str(k), v).unwrap();
    }
    obj.into()
}

fn report(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap()
}

/// How long a test waits for the widget's `load` or `error` event before it fails.
const EVENT_TIMEOUT_MS: i32 = 5_000;

/// The `load` and `error` events `seen` holds: the widget fires one of them each time it has
/// shown a report or a failure.
fn outcomes(seen: &Rc<RefCell<Vec<(String, JsValue)>>>) -> usize {
    seen.borrow().iter().filter(|(kind, _)| kind == "load" || kind == "error").count()
}

/// Waits until `seen` holds `n` `load` or `error` events, then until Yew has rendered what
/// they announce: events, not fixed sleeps, so a slow machine waits longer and a fast one
/// does not wait at all. Fails the test, saying what it waited for, after EVENT_TIMEOUT_MS
/// without the next event.
async fn outcome(el: &HtmlElement, seen: &Rc<RefCell<Vec<(String, JsValue)>>>, n: usize) {
    let window = web_sys::window().unwrap();
    while outcomes(seen) < n {
        // The promise's own resolve is the listener (it runs after `record`'s, which was
        // added first) and its reject the timer: no closure to keep alive or forget.
        let (mut listener, mut timer) = (None, 0);
        let next = js_sys::Promise::new(&mut |resolve, reject| {
            for kind in ["load", "error"] {
                el.add_event_listener_with_callback(kind, &resolve).unwrap();
            }
            let message = JsValue::from_str(&format!(
                "no `load` or `error` event within {EVENT_TIMEOUT_MS} ms (waiting for event {n}, seen {})",
                outcomes(seen)
            ));
            timer = window
                .set_timeout_with_callback_and_timeout_and_arguments_1(&reject, EVENT_TIMEOUT_MS, &message)
                .unwrap();
            listener = Some(resolve);
        });
        let waited = JsFuture::from(next).await;
        window.clear_timeout_with_handle(timer);
        if let Some(listener) = listener {
            for kind in ["load", "error"] {
                el.remove_event_listener_with_callback(kind, &listener).unwrap();
            }
        }
        if let Err(message) = waited {
            panic!("{}", message.as_string().unwrap_or_default());
        }
    }
    // The event comes when the widget hands Yew its new state; Yew renders in a microtask.
    yew::scheduler::flush().await;
}

fn count(el: &HtmlElement, testid: &str) -> u32 {
    el.shadow_root()
        .unwrap()
        .query_selector_all(&format!("[data-testid=\"{testid}\"]"))
        .unwrap()
        .length()
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

#[wasm_bindgen_test]
async fn a_report_object_renders_every_area_and_fires_load() {
    let el = host();
    let seen = record(&el);
    let widget = mount(el.clone(), config(&[("report", report(MET))])).unwrap();
    outcome(&el, &seen, 1).await;
    assert_eq!(count(&el, "area-row"), 23);
    assert_eq!(count(&el, "chart"), 23);
    let events = seen.borrow();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].0, "load");
    assert_eq!(
        get(&events[0].1, "force").as_string().unwrap(),
        "Metropolitan Police Service"
    );
    assert_eq!(get(&events[0].1, "areas").as_f64().unwrap(), 23.0);
    drop(events);
    widget.destroy();
}

#[wasm_bindgen_test]
async fn an_invalid_report_shows_every_problem_and_fires_error() {
    let el = host();
    let seen = record(&el);
    let bad = report(MET);
    // Break two things: an unknown grade and counts that no longer sum to 43.
    let area = js_sys::Array::from(&get(
        &js_sys::Array::from(&get(&bad, "domains")).get(0),
        "areas",
    ))
    .get(0);
    Reflect::set(&area, &"grade".into(), &"outstanding".into()).unwrap();
    Reflect::set(&get(&area, "national"), &"poor".into(), &JsValue::from(9)).unwrap();
    let widget = mount(el.clone(), config(&[("report", bad)])).unwrap();
    outcome(&el, &seen, 1).await;
    assert_eq!(count(&el, "error"), 1);
    assert_eq!(count(&el, "area-row"), 0);
    assert_eq!(count(&el, "retry"), 0, "a bad object is not worth retrying");
    let events = seen.borrow();
    let (kind, detail) = &events[0];
    assert_eq!(kind, "error");
    assert_eq!(get(detail, "type").as_string().unwrap(), "schema");
    assert_eq!(
        get(detail, "message").as_string().unwrap(),
        "the report passed to mount has 2 problems"
    );
    let paths: Vec<String> = js_sys::Array::from(&get(detail, "problems"))
        .iter()
        .map(|p| get(&p, "path").as_string().unwrap())
        .collect();
    assert_eq!(
        paths,
        ["domains[0].areas[0].grade", "domains[0].areas[0].national"]
    );
    drop(events);
    widget.destroy();
}

#[wasm_bindgen_test]
async fn a_non_http_src_is_refused_without_a_request() {
    let el = host();
    let seen = record(&el);
    let widget = mount(
        el.clone(),
        config(&[("src", "data:application/json,{}".into())]),
    )
    .unwrap();
    outcome(&el, &seen, 1).await;
    let events = seen.borrow();
    assert_eq!(get(&events[0].1, "type").as_string().unwrap(), "src");
    assert_eq!(
        get(&events[0].1, "message").as_string().unwrap(),
        "the src \"data:application/json,{}\" must be an http or https URL, not data:"
    );
    drop(events);
    widget.destroy();
}

#[wasm_bindgen_test]
async fn two_widgets_are_independent_and_destroy_empties_the_shadow_root() {
    let (a, b) = (host(), host());
    let (seen_a, seen_b) = (record(&a), record(&b));
    let wa: Widget = mount(a.clone(), config(&[("report", report(MET))])).unwrap();
    let wb: Widget = mount(
        b.clone(),
        config(&[("report", report(NORTH)), ("view", "summary".into())]),
    )
    .unwrap();
    outcome(&a, &seen_a, 1).await;
    outcome(&b, &seen_b, 1).await;
    assert_eq!(count(&a, "area-row"), 23);
    let header_b = b
        .shadow_root()
        .unwrap()
        .query_selector("[data-testid=\"header\"]")
        .unwrap()
        .unwrap();
    assert!(header_b
        .text_content()
        .unwrap()
        .contains("Northshire Constabulary"));
    // Changing one widget's options leaves the other alone.
    wa.update(config(&[("report", report(NORTH))]));
    outcome(&a, &seen_a, 2).await;
    let header_a = a
        .shadow_root()
        .unwrap()
        .query_selector("[data-testid=\"header\"]")
        .unwrap()
        .unwrap();
    assert!(header_a
        .text_content()
        .unwrap()
        .contains("Northshire Constabulary"));
    wb.destroy();
    yew::scheduler::flush().await;
    assert_eq!(b.shadow_root().unwrap().child_element_count(), 0);
    assert_eq!(count(&a, "area-row"), 23);
    wa.destroy();
    assert_eq!(a.shadow_root().unwrap().child_element_count(), 0);
}

/// The widget's reader gives the CLI's problems for every mistake of tests/readers_agree.rs:
/// each edit is made to the real report as a JS object, which is passed to `mount`, and the
/// `error` event's detail must list exactly the problems `grade-widget validate` lists for the
/// same mistake (tests/fixtures/reader-mistakes.json, kept current by that native test).
#[wasm_bindgen_test]
async fn the_widget_reports_what_the_cli_reports_for_every_mistake() {
    let cases = js_sys::Array::from(&report(include_str!("fixtures/reader-mistakes.json")));
    assert!(cases.length() >= 30, "only {} mistakes", cases.length());
    let mut failures = Vec::new();
    for case in cases.iter() {
        let pointer = get(&case, "pointer").as_string().unwrap();
        let doc = edited(report(MET), &pointer, &case);
        let expected: Vec<String> = js_sys::Array::from(&get(&case, "problems"))
            .iter()
            .map(|p| {
                let p = js_sys::Array::from(&p);
                format!("{}: {}", p.get(0).as_string().unwrap(), p.get(1).as_string().unwrap())
            })
            .collect();
        let el = host();
        let seen = record(&el);
        let widget = mount(el.clone(), config(&[("report", doc)])).unwrap();
        outcome(&el, &seen, 1).await;
        let events = seen.borrow().clone();
        let got: Vec<String> = match events.first() {
            Some((kind, detail)) if kind == "error" => js_sys::Array::from(&get(detail, "problems"))
                .iter()
                .map(|p| format!("{}: {}", get(&p, "path").as_string().unwrap(), get(&p, "message").as_string().unwrap()))
                .collect(),
            _ => Vec::new(),
        };
        if got != expected {
            failures.push(format!("{pointer}:\n  cli    {expected:?}\n  widget {got:?}"));
        }
        widget.destroy();
        el.remove();
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `doc` with the case's edit made at the JSON pointer: the value set, or the field removed.
fn edited(doc: JsValue, pointer: &str, case: &JsValue) -> JsValue {
    let value = get(case, "value");
    if pointer.is_empty() {
        return value;
    }
    let steps: Vec<&str> = pointer[1..].split('/').collect();
    let mut at = doc.clone();
    for step in &steps[..steps.len() - 1] {
        at = get(&at, step);
    }
    let last = JsValue::from_str(steps[steps.len() - 1]);
    if get(case, "remove").is_truthy() {
        Reflect::delete_property(at.unchecked_ref::<Object>(), &last).unwrap();
    } else {
        Reflect::set(&at, &last, &value).unwrap();
    }
    doc
}

#[wasm_bindgen_test]
async fn options_of_the_wrong_type_fall_back_to_their_defaults() {
    let el = host();
    let seen = record(&el);
    let widget = mount(
        el.clone(),
        config(&[("report", report(MET)), ("view", JsValue::from(3)), ("timeout", "soon".into()), ("lang", JsValue::NULL)]),
    )
    .unwrap();
    outcome(&el, &seen, 1).await;
    assert_eq!(count(&el, "area-row"), 23, "full view");
    assert_eq!(seen.borrow()[0].0, "load");
    widget.destroy();
    // Not an object at all: no options, so the inline JSON (absent here) is looked for.
    let el = host();
    let seen = record(&el);
    let widget = mount(el.clone(), JsValue::from_str("nonsense")).unwrap();
    outcome(&el, &seen, 1).await;
    assert_eq!(get(&seen.borrow()[0].1, "type").as_string().unwrap(), "source");
    widget.destroy();
}
