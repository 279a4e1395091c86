//! A JS value (the browser's `JSON.parse` output, or the object a page passed to `mount`) as the
//! report reader's [`Source`] (`model::read`): null and undefined are null, a number is an
//! integer when it is whole (as in JSON text), an array's elements and an object's own
//! enumerable entries (`Object.entries`, which is all `JSON.parse` makes) are handed over unread.
//! Functions, symbols and BigInts are values JSON cannot hold, and are refused as such.
//!
//! Only what the reader asks for is looked at: an unknown field's value, however deep, is never
//! walked.

use js_sys::{Array, Object};
use wasm_bindgen::{JsCast, JsValue};

use crate::model::read::{Source, Value};

impl Source for JsValue {
    fn value(self) -> Value<JsValue> {
        if self.is_null() || self.is_undefined() {
            Value::Null
        } else if self.as_bool().is_some() {
            Value::Bool
        } else if let Some(n) = self.as_f64() {
            Value::number(n)
        } else if let Some(s) = self.as_string() {
            Value::Str(s)
        } else if Array::is_array(&self) {
            Value::Arr(self.unchecked_into::<Array>().to_vec())
        } else if self.is_object() {
            let entries = Object::entries(self.unchecked_ref()).to_vec();
            Value::Obj(
                entries
                    .into_iter()
                    .map(|pair| {
                        let pair: Array = pair.unchecked_into();
                        (pair.get(0).as_string().unwrap_or_default(), pair.get(1))
                    })
                    .collect(),
            )
        } else {
            Value::Other
        }
    }
}
