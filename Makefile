# grade-widget: the two commands a fresh machine needs are `make demo` and `make test`.
# Each target installs what is missing first (scripts/setup.sh skips what is present).

PORT ?= 8080
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
# Browser tests as root with Debian's chromium (see docs/development.md, "Toolchain notes").
export CHROMEDRIVER ?= /usr/bin/chromedriver
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER ?= wasm-bindgen-test-runner

.PHONY: setup build build-bench smoke-stable check-windows dist demo serve test test-native test-js test-schema test-browser test-e2e bench fuzz clean

setup:
	@bash scripts/setup.sh

## build: release wasm + JS loader into pkg/ (an npm-style package)
build: setup
	@bash scripts/build.sh

## build-bench: the same wasm with the bench-only export (`bench` feature) into target/bench-pkg/
build-bench: setup
	@GW_FEATURES=bench GW_OUT=target/bench-pkg bash scripts/build.sh

## smoke-stable: the widget built on stable Rust (GW_TOOLCHAIN=stable) into target/stable-pkg/,
## loaded in chromium: the release is built on the pinned nightly, and must never depend on it alone
smoke-stable: setup
	@GW_TOOLCHAIN=stable GW_OUT=target/stable-pkg bash scripts/build.sh
	node tests/e2e/smoke-stable.mjs target/stable-pkg

## dist: the release folder dist/grade-widget-<version>/ and its npm tarball (hashed file names,
## SRI manifest, snippet, the report builder, hosting guide, licences; see docs/hosting.md)
dist: build
	@node scripts/dist.mjs

## demo: build, then serve the demo on http://127.0.0.1:$(PORT)/
demo: build
	@node scripts/serve.mjs --port $(PORT)

serve:
	@node scripts/serve.mjs --port $(PORT)

## test: every test the project has
test: setup test-native test-js test-schema check-windows build dist test-browser test-e2e smoke-stable
	@echo "make test: all suites passed"

# Includes the fuzz pass (tests/fuzz): a fixed number of cases per target from a fixed seed, so
# every run checks the same inputs (FUZZ_CASES=N, FUZZ_SEED=N to change them); FUZZ_TEST_SECONDS
# only caps each target on a slow machine. Each target prints its count and seed.
FUZZ_TEST_SECONDS ?= 20
# The report builder's crate (builder/) is a workspace member of its own: its tests run apart.
# Not one `cargo test --workspace`: that would build the library with the builder's `ssr`
# feature unified in, and the e2e specs' `cargo run --bin grade-widget` (the library's own
# features) would then compile it all again in the middle of the browser tests.
test-native:
	FUZZ_SECONDS=$(FUZZ_TEST_SECONDS) cargo test --all-targets
	cargo test -p grade-widget-builder

# Unit tests of the pages' pure JavaScript modules (node's own test runner, no browser): the
# report builder's embed code, worker client, language tags and plural rules, the loader's
# language-tag rule and failure blame (tests/js/).
test-js:
	node --test tests/js/

# The CLI must build on Windows too (its Unix signal handling is cfg(unix)): a type check for
# that target, no linker needed. scripts/setup.sh adds the target's std.
check-windows:
	cargo check --quiet --target x86_64-pc-windows-gnu --bin grade-widget

test-schema:
	node tests/schema/check.mjs

# wasm-bindgen-test in headless chromium. Not `-q`: it is passed on to the runner, which rejects it.
test-browser:
	cargo test --target wasm32-unknown-unknown --test web

# The CLI first: specs compare with `cargo run --bin grade-widget`, and a compile inside them
# would starve the browser tests running beside it (a no-op when test-native built it).
test-e2e:
	cargo build --bin grade-widget
	node tests/e2e/run.mjs

## bench: extraction and validation speed (criterion), bundle size, render and re-render time,
## parse + validate in wasm, the scale curve (1/10/43 widgets, 10x areas) in chromium, and the
## report builder (text in to preview shown; extraction in its worker against the native figure), and
## the widget beside the static floor, its hydrated pages (plain and in a declarative shadow root)
## and the peers (tests/bench/peers.mjs), and
## every interaction traced on the widget and on the same DOM change made by hand (select-trace.mjs),
## the first interaction on a pre-rendered page at 4x CPU, a touch tap among them (first-input.mjs),
## and Lighthouse's mobile preset on the same pages and on 43 badges (lighthouse.mjs)
# build-bench first: both builds share target/, and the last one links the production wasm
# again, so pkg/ is what `make build` makes.
bench: build-bench build
	cargo bench --bench extract --bench validate
	node tests/bench/run.mjs
	node tests/bench/scale.mjs
	node tests/bench/builder.mjs
	node tests/bench/first-frame.mjs
	node tests/bench/first-frame.mjs --view full
	node tests/bench/first-frame.mjs --view full --shadow-root 1
	for i in grade domain direction sort table chart; do node tests/bench/select-trace.mjs --from $$i --floor both --loads 2; done
	node tests/bench/first-input.mjs
	node tests/bench/peers.mjs
	node tests/bench/lighthouse.mjs

## fuzz: every fuzz target on FUZZ_CASES cases each, capped at FUZZ_SECONDS, from a new seed each
## run (printed; FUZZ_SEED=N repeats a run; see tests/fuzz/harness.rs)
FUZZ_CASES ?= 1000000
FUZZ_SECONDS ?= 60
FUZZ_SEED ?= random
fuzz:
	FUZZ_CASES=$(FUZZ_CASES) FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_SEED=$(FUZZ_SEED) cargo test --test fuzz

clean:
	cargo clean
	rm -rf pkg/*.js pkg/*.wasm pkg/builder dist test-results bench-results
