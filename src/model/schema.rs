//! The JSON Schema of the report format, generated from the types in report.rs with schemars
//! (native only: the CLI prints it as `grade-widget schema`; `www/schema/report.schema.json` is
//! its committed output, and a test fails when the two differ).
//!
//! What serde's attributes do not say is added on the types themselves (`schemars(...)`
//! attributes: blank text, ranges, patterns, list lengths); this file holds only the shared
//! definitions those attributes name and the few schema-wide settings.

use std::borrow::Cow;

use schemars::generate::SchemaSettings;
use schemars::transform::RecursiveTransform;
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde_json::{Map, Value};

use super::{Direction, Grade, Report, SCHEMA_VERSION};

/// The schema as `grade-widget schema` prints it: pretty JSON and a final newline.
pub fn report_schema_json() -> String {
    let schema = report_schema();
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema is JSON");
    text.push('\n');
    text
}

/// The report format's JSON Schema (draft 2020-12).
pub fn report_schema() -> Schema {
    // No `format` keywords: schemars writes `uint32`, `int64`, … for Rust integer types, which
    // JSON Schema does not define (ajv's strict mode refuses them); the ranges say it all. Doc
    // comments are wrapped at 100 columns; a description is one paragraph.
    let generator = SchemaSettings::draft2020_12()
        .with_transform(RecursiveTransform(|s: &mut Schema| {
            s.remove("format");
            if let Some(Value::String(text)) = s.get_mut("description") {
                *text = text.replace('\n', " ");
            }
        }))
        .into_generator();
    let mut schema = generator.into_root_schema_for::<Report>();
    schema.insert("$id".to_owned(), format!("urn:grade-widget:schema:report:{SCHEMA_VERSION}").into());
    schema
}

/// Report-level transform: `$schema` (a pointer to this schema, for editors) is the one field
/// outside the types that a report may have; the reader allows it too (src/model/read.rs).
pub fn allow_schema_reference(schema: &mut Schema) {
    let Some(Value::Object(properties)) = schema.get_mut("properties") else { return };
    let mut with_reference = Map::new();
    with_reference.insert(
        "$schema".to_owned(),
        serde_json::json!({
            "title": "Schema reference",
            "description": "Optional pointer to this schema, for editors. Ignored by the reader.",
            "type": "string"
        }),
    );
    with_reference.append(properties);
    *properties = with_reference;
}

/// A string with at least one character that is not white space (`$defs/text`).
pub struct Text;

impl JsonSchema for Text {
    fn schema_name() -> Cow<'static, str> {
        "text".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A string with at least one character that is not white space.",
            "type": "string",
            "pattern": "\\S"
        })
    }
}

impl JsonSchema for Grade {
    fn schema_name() -> Cow<'static, str> {
        "grade".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A service delivery grade, lowercase.",
            "enum": Grade::ALL.map(|g| g.as_str())
        })
    }
}

impl JsonSchema for Direction {
    fn schema_name() -> Cow<'static, str> {
        "direction".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A direction of travel, lowercase.",
            "enum": Direction::ALL.map(|d| d.as_str())
        })
    }
}
