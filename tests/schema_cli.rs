//! `grade-widget schema` prints the JSON Schema generated from the report types, and
//! `www/schema/report.schema.json` is that output, committed: this fails when they differ
//! (`UPDATE_SNAPSHOTS=1 cargo test --test schema_cli` rewrites the file). The schema's own
//! checks against real data are tests/schema/check.mjs (ajv).
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

use serde_json::Value;

const COMMITTED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/www/schema/report.schema.json");

fn printed() -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_grade-widget")).arg("schema").output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_committed_schema_is_what_grade_widget_schema_prints() {
    let fresh = printed();
    assert_eq!(fresh, grade_widget::model::schema::report_schema_json());
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(COMMITTED, &fresh).unwrap();
    }
    let committed = std::fs::read_to_string(COMMITTED).unwrap_or_default();
    assert!(committed == fresh, "www/schema/report.schema.json is stale: UPDATE_SNAPSHOTS=1 cargo test --test schema_cli");
}

/// What the validator refuses and JSON Schema can say is in the generated schema.
#[test]
fn the_schema_keeps_the_constraints_json_schema_can_express() {
    let schema: Value = serde_json::from_str(&printed()).unwrap();
    let defs = schema["$defs"].as_object().unwrap();
    // Unknown fields are refused everywhere, `$schema` is allowed at the top.
    for (name, def) in defs.iter().filter(|(_, d)| d["type"] == "object") {
        assert_eq!(def["additionalProperties"], false, "{name}");
    }
    assert_eq!(schema["additionalProperties"], false);
    assert_eq!(schema["properties"]["$schema"]["type"], "string");
    let required = |v: &Value| v["required"].as_array().unwrap().iter().map(|r| r.as_str().unwrap().to_owned()).collect::<Vec<_>>();
    assert_eq!(required(&schema), ["schema_version", "force", "title", "forces_assessed", "domains"]);
    assert_eq!(required(&defs["area"]), ["id", "title", "national"]);
    assert_eq!(defs["grade"]["enum"], serde_json::json!(["poor", "fair", "good", "excellent"]));
    assert_eq!(defs["direction"]["enum"], serde_json::json!(["improved", "stable", "declined"]));
    let p = &schema["properties"];
    assert_eq!((p["forces_assessed"]["minimum"].as_u64(), p["forces_assessed"]["maximum"].as_u64()), (Some(1), Some(1000)));
    assert_eq!(p["schema_version"]["const"], 1);
    assert_eq!((p["domains"]["minItems"].as_u64(), p["domains"]["maxItems"].as_u64()), (Some(1), Some(50)));
    assert_eq!(defs["area"]["properties"]["id"]["pattern"], "^[0-9]+[A-Z]$");
    assert_eq!(defs["domain"]["properties"]["id"]["pattern"], "^[0-9]+$");
    assert_eq!(defs["block"]["properties"]["level"]["maximum"], 2);
    assert_eq!(defs["national"]["properties"]["poor"]["minimum"], 0);
    assert_eq!(defs["text"]["pattern"], "\\S");
    assert!(!printed().contains("\"format\""), "no non-standard formats");
}
