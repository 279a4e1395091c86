//! Minifies src/components/style.css into OUT_DIR for the wasm build (see css_min.rs).

#[path = "src/components/css_min.rs"]
mod css_min;

fn main() {
    let src = "src/components/style.css";
    println!("cargo:rerun-if-changed={src}");
    println!("cargo:rerun-if-changed=src/components/css_min.rs");
    let css = std::fs::read_to_string(src).expect("read src/components/style.css");
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("style.min.css");
    std::fs::write(out, css_min::minify(&css)).expect("write style.min.css");
}
