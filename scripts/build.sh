#!/usr/bin/env bash
# Release build of the widget into pkg/ (an npm-style package): cargo for wasm32, wasm-bindgen
# --target web, wasm-opt -Oz (npm binaryen: Debian's is too old for current wasm-bindgen
# output), then the loader (www/grade-widget.js, www/loader/) beside it, all JS minified. Then the
# report builder's own bundle (builder/: extractor, validator, pre-rendered markup) into
# pkg/builder/, which only www/builder.html loads. Prints raw / gzip / brotli sizes of
# everything a page loads (JS + wasm; the CSS is inside the wasm) against the 130 KiB budget,
# and the builder's bundle apart from it. Needs what scripts/setup.sh installs.
#
# GW_FEATURES / GW_OUT: cargo features and output folder for another build of the same code;
# `make bench` builds the `bench` feature into target/bench-pkg/ so pkg/ stays the production
# package (no size report for those, and no builder bundle). GW_TOOLCHAIN: see below.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

out=${GW_OUT:-pkg}
features=${GW_FEATURES:-}
mkdir -p "$out"

# The toolchain (scripts/toolchain.sh): the pinned nightly with std rebuilt for size and panics
# as immediate aborts (a panic is then a wasm trap, which the loader turns into the `panic`
# error), else stable with `panic = "abort"` and the panic hook. GW_TOOLCHAIN=stable asks for
# stable; a missing nightly falls back to it, and both are said.
. scripts/toolchain.sh
toolchain=${GW_TOOLCHAIN:-nightly}
if [ "$toolchain" = nightly ]; then
  nightly=$(gw_nightly)
  if [ -z "$nightly" ]; then
    echo "build: WARNING: the pinned nightly ($GW_NIGHTLY_DATE) is not installed (scripts/setup.sh installs it): building on stable, about 17 KB brotli larger" >&2
    toolchain=stable
  fi
fi
# Panic locations keep their file paths; cut this machine's prefixes off them (shorter and
# the same on every machine). Release wasm only: other builds keep their own flags and cache.
remap="--remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}/registry/src= --remap-path-prefix=$PWD=."
if [ "$toolchain" = nightly ]; then
  cargo=(cargo "+$nightly")
  # -Zbuild-std: std compiled with the crate's own opt-level "z" and LTO, and
  # optimize_for_size's smaller std code paths. -Cpanic=immediate-abort: a panic is an
  # `unreachable` trap with no message, no location and no formatting machinery behind it.
  # location-detail=none and fmt-debug=shallow drop caller locations and derived Debug bodies.
  nightly_flags=(-Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size)
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$remap --remap-path-prefix=$(rustc "+$nightly" --print sysroot)= -Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=shallow"
  # Its own target folder: the stable builds (tests, builder, GW_TOOLCHAIN=stable) would otherwise
  # take turns overwriting the one uplifted .wasm, and a fresh build does not copy it again.
  target_dir=${CARGO_TARGET_DIR:-target}/nightly
  made="nightly ($(rustc "+$nightly" --version | awk '{print $2, $4}' | tr -d ')'), build-std, immediate-abort panics)"
else
  cargo=(cargo)
  nightly_flags=()
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$remap --remap-path-prefix=$(rustc --print sysroot)="
  target_dir=${CARGO_TARGET_DIR:-target}
  made="stable ($(rustc --version | awk '{print $2}'), panic hook)"
fi
echo "build: ${cargo[*]} build --release --target wasm32-unknown-unknown -p grade-widget --lib${features:+ --features $features} -> $out/ [$made]"
# `-p grade-widget` alone: built with the builder in one invocation, Cargo would unify features
# and the widget would carry the builder's server renderer.
CARGO_TARGET_DIR=$target_dir "${cargo[@]}" build --release --target wasm32-unknown-unknown -p grade-widget --lib ${features:+--features "$features"} "${nightly_flags[@]}"

wasm=$target_dir/wasm32-unknown-unknown/release/grade_widget.wasm

echo "build: wasm-bindgen --target web"
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name grade_widget "$wasm"

echo "build: wasm-opt -Oz ($(wasm-opt --version))"
# Features come from the module's target_features section (hence no `strip = true` in Cargo.toml),
# which nothing after this step reads, so it goes too.
# Last, the imports and exports get short names (printed as a map), which scripts/wasm-names.mjs
# then gives them in the glue too: wasm-bindgen's hashed names were ~5.5 KB brotli of the two.
# A function called from one place only is inlined there only when it is small (at most 20
# bytes): -Oz inlines every such function, however large, into its caller, which made fewer
# but longer functions that brotli packed worse. Measured on this wasm (docs/PERFORMANCE.md,
# "Issue 27: one load per src"): 368 KB raw instead of 361 KB, but 121.4 KB brotli instead of
# 126.0 KB; 20 was the best of 0 to 5000.
wasm-opt -Oz --converge --low-memory-unused --one-caller-inline-max-function-size=20 \
  --strip-debug --strip-producers --strip-target-features \
  --minify-imports-and-exports-and-modules \
  -o "$out/grade_widget_bg.wasm.tmp" "$out/grade_widget_bg.wasm" >"$out/names.json.tmp"
# The composed map is kept beside the build, not in the package: tests reach an export by its
# wasm-bindgen name through it (target/wasm-names/<folder>.json, e.g. pkg.json).
mkdir -p "${CARGO_TARGET_DIR:-target}/wasm-names"
node scripts/wasm-names.mjs "$out/names.json.tmp" "$out/grade_widget.js" "$out/grade_widget_bg.wasm.tmp" \
  "${CARGO_TARGET_DIR:-target}/wasm-names/$(basename "$out").json"
rm "$out/names.json.tmp"
mv "$out/grade_widget_bg.wasm.tmp" "$out/grade_widget_bg.wasm"

# The glue minified (npm esbuild, from package.json): export names, import.meta.url and behaviour
# are kept. Then the loader: www/grade-widget.js and its modules in www/loader/, bundled and
# minified into grade-widget.js, and the note for a wasm that cannot start into
# grade-widget-failure.js, which the loader fetches only then (scripts/loader.mjs; plain names
# here, scripts/dist.mjs builds the release's with hashed names and SRI hashes).
echo "build: esbuild --minify ($(esbuild --version)), scripts/loader.mjs"
esbuild "$out/grade_widget.js" --minify --format=esm --charset=utf8 --log-level=warning --outfile="$out/grade_widget.js.tmp"
mv "$out/grade_widget.js.tmp" "$out/grade_widget.js"
node scripts/loader.mjs "$out"

# The builder's bundle, after the widget's is done (so nothing of the widget's build can be
# overwritten by the builder's): the library without its `widget` feature, plus builder/.
# Only for pkg/: the other folders (bench, stable smoke) are builds of the widget alone.
if [ "$out" = pkg ]; then
  builder_out="$out/builder"
  builder_wasm=${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/grade_widget_builder.wasm
  echo "build: cargo build --release --target wasm32-unknown-unknown -p grade-widget-builder [stable]"
  # The builder stays on stable with its panic hook: its panics are reported in its page, and its
  # size is no widget page's cost.
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$remap --remap-path-prefix=$(rustc --print sysroot)="
  cargo build --release --target wasm32-unknown-unknown -p grade-widget-builder
  mkdir -p "$builder_out"
  wasm-bindgen --target web --no-typescript --out-dir "$builder_out" --out-name grade_widget_builder "$builder_wasm"
  # -O3, not -Oz: the builder is one download for a page a web team opens now and then, and its
  # extraction time is what a person waits for (see docs/PERFORMANCE.md, "Report builder").
  wasm-opt -O3 --low-memory-unused --strip-debug --strip-producers \
    -o "$builder_out/grade_widget_builder_bg.wasm.tmp" "$builder_out/grade_widget_builder_bg.wasm"
  mv "$builder_out/grade_widget_builder_bg.wasm.tmp" "$builder_out/grade_widget_builder_bg.wasm"
  esbuild "$builder_out/grade_widget_builder.js" --minify --format=esm --charset=utf8 --log-level=warning \
    --outfile="$builder_out/grade_widget_builder.js.tmp"
  mv "$builder_out/grade_widget_builder.js.tmp" "$builder_out/grade_widget_builder.js"
fi

# The budget is reported, not enforced here: an oversized build must still be demonstrable.
if [ "$out" = pkg ] && [ -z "$features" ]; then
  bash scripts/size.sh || echo "build: over the size budget (see above)"
fi
echo "build: the widget's wasm was built on $made"
