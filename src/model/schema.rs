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

use super::{NationalDistribution, Report, SCHEMA_VERSION};

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
    scale_rules(&mut schema);
    schema
}

/// The rules the types cannot state on their own because they depend on other fields, as far
/// as JSON Schema can say them: exactly one of `domains` and a flat `areas` list, not empty; and,
/// for a report on a built-in scale, that scale's grade and direction ids and its counts (one
/// `if`/`then` per scale, from `Scale::builtin`); on the 2006 scale (`scale` omitted or
/// "baseline-2006") also a national distribution on every area, numbered domains and "3A" area
/// ids, as before scales were data. The validator checks these and the rest (a scale given in
/// full, sums).
fn scale_rules(schema: &mut Schema) {
    use serde_json::json;
    // ajv's strict mode wants the type beside every keyword that needs one, and every required
    // property named.
    let list = |min: bool| if min { json!({ "type": "array", "minItems": 1 }) } else { json!({ "type": "array", "maxItems": 0 }) };
    let mut rules = vec![json!({
        "oneOf": [
            { "type": "object", "required": ["domains"], "properties": { "domains": list(true), "areas": list(false) } },
            { "type": "object", "required": ["areas"], "properties": { "areas": list(true), "domains": list(false) } }
        ]
    })];
    for name in super::scale::BUILTIN {
        let Some(scale) = super::Scale::builtin(name) else { continue };
        let baseline = name == super::scale::DEFAULT_SCALE;
        let ids: Vec<&str> = scale.ranks().filter_map(|g| scale.def(g)).map(|d| d.id.as_str()).collect();
        let or_null = |ids: &[&str]| ids.iter().map(|s| Value::from(*s)).chain([Value::Null]).collect::<Vec<_>>();
        let directions: Vec<&str> = scale.directions.iter().flatten().map(|d| d.id.as_str()).collect();
        let named: Map<String, Value> = ids.iter().map(|c| (c.to_string(), json!({ "type": "integer" }))).collect();
        let national = json!({ "type": "object", "required": ids, "properties": named, "propertyNames": { "type": "string", "enum": ids } });
        let area = |id: Option<&str>| {
            let mut a = json!({ "type": "object", "properties": {
                "grade": { "enum": or_null(&ids) },
                "direction": { "enum": or_null(&directions) },
                "national": national
            } });
            if baseline {
                a["required"] = json!(["national"]);
            }
            if let Some(pattern) = id {
                a["properties"]["id"] = json!({ "type": "string", "pattern": pattern });
            }
            a
        };
        let this_scale = json!({ "type": "object", "required": ["scale"], "properties": { "scale": { "const": name } } });
        let when = match baseline {
            true => json!({ "anyOf": [{ "type": "object", "not": { "type": "object", "required": ["scale"], "properties": { "scale": true } } }, this_scale] }),
            false => this_scale,
        };
        let domain = match baseline {
            true => json!({ "type": "object", "properties": {
                "id": { "type": "string", "pattern": "^[0-9]+$" },
                "areas": { "type": "array", "items": area(Some("^[0-9]+[A-Z]$")) }
            } }),
            false => json!({ "type": "object", "properties": { "areas": { "type": "array", "items": area(None) } } }),
        };
        rules.push(json!({
            "if": when,
            "then": { "type": "object", "properties": {
                "domains": { "type": "array", "items": domain },
                "areas": { "type": "array", "items": area(None) }
            } }
        }));
    }
    schema.insert("allOf".to_owned(), Value::Array(rules));
}

/// Report-level transform: `$schema` (a pointer to this schema, for editors) is the one field
/// outside the types that a report may have; the reader allows it too (src/model/read/tracked.rs).
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

/// A national distribution: an object of grade ids and counts (its keys depend on the report's
/// scale, so the schema says only their shape).
impl JsonSchema for NationalDistribution {
    fn schema_name() -> Cow<'static, str> {
        "national".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "title": "National grade distribution",
            "description": "How many forces were graded at each grade: one count for every grade id of the report's scale, e.g. {\"poor\": 5, \"fair\": 17, \"good\": 17, \"excellent\": 4}. The counts include this force, so the area's own grade has a count of at least 1.",
            "type": "object",
            "propertyNames": { "pattern": "^[a-z0-9][a-z0-9-]{0,39}$" },
            "additionalProperties": { "type": "integer", "minimum": 0 },
            "minProperties": 2,
            "maxProperties": 7
        })
    }
}

/// The format's field reference in Markdown, written from [`report_schema`]: one table per kind
/// of object (the report first, then each object type in the order the fields first name it),
/// each field with its type, whether it is required, and its description, which is the doc
/// comment on the type in report.rs. `grade-widget schema --markdown` prints it, and
/// docs/json-format.md holds it between two markers (tests/schema_cli.rs fails when they
/// differ), so the documentation cannot drift from the one definition of the format.
pub fn field_reference() -> String {
    let schema = report_schema().to_value();
    let defs = schema["$defs"].as_object().cloned().unwrap_or_default();
    field_tables(&schema, &defs)
}

fn field_tables<'a>(schema: &'a Value, defs: &'a Map<String, Value>) -> String {
    let mut out = String::new();
    if let Some(text) = defs.get(Text::schema_name().as_ref()).and_then(|t| t["description"].as_str()) {
        out.push_str(&format!("*text* in the tables: {}\n", lower_first(text)));
    }
    // The report, then every object type it leads to, each once, in order of first mention.
    let mut queue: Vec<(String, &Value)> = vec![("The report (top level)".to_owned(), schema)];
    let mut seen: Vec<String> = Vec::new();
    let mut i = 0;
    while i < queue.len() {
        let (heading, object) = (queue[i].0.clone(), queue[i].1);
        i += 1;
        out.push_str(&format!("\n### {heading}\n\n"));
        if let Some(d) = object["description"].as_str() {
            out.push_str(&format!("{}\n\n", cell(d)));
        }
        // Object types met in this one's fields go right after it (depth first), so each
        // table comes close to the field that leads to it.
        let mut next = i;
        // An object whose keys are data (a national distribution's grade ids) has no fields
        // to list: its description says what it holds.
        let Some(properties) = object["properties"].as_object() else { continue };
        out.push_str("| field | type | required | meaning |\n| --- | --- | --- | --- |\n");
        let required: Vec<&str> = object["required"].as_array().map(|r| r.iter().filter_map(Value::as_str).collect()).unwrap_or_default();
        for (name, field) in properties {
            let meaning = field["description"].as_str().or(field["title"].as_str()).unwrap_or("");
            let yes = if required.contains(&name.as_str()) { "yes" } else { "no" };
            out.push_str(&format!("| `{name}` | {} | {yes} | {} |\n", cell(&type_of(field, defs)), cell(meaning)));
            // Through a definition that only chooses between others (`anyOf`: a scale's name or
            // a scale object), to the objects it leads to.
            let through = |t: &'a str| match defs.get(t) {
                Some(def) if def["type"] != "object" => refs(def),
                _ => vec![t],
            };
            for target in refs(field).into_iter().flat_map(through) {
                let Some(def) = defs.get(target) else { continue };
                if def["type"] == "object" && !seen.iter().any(|s| s == target) {
                    seen.push(target.to_owned());
                    queue.insert(next, (title_of(target, def), def));
                    next += 1;
                }
            }
        }
    }
    out
}

/// The heading of an object type: its title, else its name.
fn title_of(name: &str, def: &Value) -> String {
    def["title"].as_str().unwrap_or(name).to_owned()
}

/// GitHub's anchor for a heading: lower case, spaces as hyphens, other punctuation dropped.
fn anchor(heading: &str) -> String {
    heading
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// The `$defs` names a field refers to, directly, through `anyOf` or through its items.
fn refs(field: &Value) -> Vec<&str> {
    let mut out = Vec::new();
    if let Some(r) = field["$ref"].as_str() {
        out.push(r.trim_start_matches("#/$defs/"));
    }
    for inner in field["anyOf"].as_array().into_iter().flatten().chain(field.get("items")) {
        out.extend(refs(inner));
    }
    out
}

/// A field's type in words: *text*, an object type linked to its table, the values of an enum,
/// an integer's range, an array's element type and length, "or null".
fn type_of(field: &Value, defs: &Map<String, Value>) -> String {
    if let Some(r) = field["$ref"].as_str() {
        let name = r.trim_start_matches("#/$defs/");
        if name == Text::schema_name() {
            // Defined once, in the line above the tables.
            return "*text*".to_owned();
        }
        let Some(def) = defs.get(name) else { return format!("`{name}`") };
        if def["type"] == "object" {
            let title = title_of(name, def);
            return format!("[{}](#{})", lower_first(&title), anchor(&title));
        }
        return type_of(def, defs);
    }
    if let Some(options) = field["anyOf"].as_array() {
        return options.iter().map(|o| type_of(o, defs)).collect::<Vec<_>>().join(" or ");
    }
    if let Some(values) = field["enum"].as_array() {
        return values.iter().map(|v| format!("`{v}`")).collect::<Vec<_>>().join(", ");
    }
    if !field["const"].is_null() {
        return format!("`{}`", field["const"]);
    }
    let kinds: Vec<&str> = match &field["type"] {
        Value::String(t) => vec![t.as_str()],
        Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    let words: Vec<String> = kinds
        .iter()
        .map(|kind| match *kind {
            "integer" => format!("integer{}", range(&field["minimum"], &field["maximum"])),
            "string" => match field["pattern"].as_str() {
                Some(p) => format!("string matching `{p}`"),
                None => "string".to_owned(),
            },
            "array" => {
                let items = type_of(&field["items"], defs);
                match (field["minItems"].as_i64(), field["maxItems"].as_i64()) {
                    (Some(a), Some(b)) => format!("array of {items}, {a}–{b} items"),
                    (Some(a), None) => format!("array of {items}, at least {a}"),
                    (None, Some(b)) => format!("array of {items}, at most {b}"),
                    (None, None) => format!("array of {items}"),
                }
            }
            other => other.to_owned(),
        })
        .collect();
    words.join(" or ")
}

/// An integer's bounds: ` 1–1000`, ` ≥ 0`, ` ≤ 50`, or nothing.
fn range(min: &Value, max: &Value) -> String {
    match (min.as_i64(), max.as_i64()) {
        (Some(a), Some(b)) => format!(" {a}–{b}"),
        (Some(a), None) => format!(" ≥ {a}"),
        (None, Some(b)) => format!(" ≤ {b}"),
        (None, None) => String::new(),
    }
}

/// Text for a table cell: one line, `|` escaped.
fn cell(text: &str) -> String {
    text.replace('\n', " ").replace('|', "\\|")
}

/// "Glossary entry" → "glossary entry", for a type named inside a sentence or a cell.
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| c.to_lowercase().chain(chars).collect())
}
