# The Rust toolchain the widget's release wasm is built with; sourced by setup.sh and build.sh.
#
# The release wasm is built with a nightly pinned by date: `-Zbuild-std` rebuilds std for size
# and `-Cpanic=immediate-abort` drops every panic message and location (about 17 KB brotli, see
# docs/PERFORMANCE.md, "Nightly build"). Everything else (the CLI, native and browser tests, the
# builder's wasm) uses the stable toolchain, and `GW_TOOLCHAIN=stable` builds the widget on
# stable too: the project never depends on nightly alone (`make smoke-stable` checks that build).

# The pinned nightly: the date of the nightly that machines of this kind carry.
GW_NIGHTLY_DATE=2026-05-19

# Prints the rustup name of the pinned nightly if it is installed (as `nightly-DATE`, or as the
# plain `nightly` channel when that is the same date), else nothing.
gw_nightly() {
  if rustc "+nightly-$GW_NIGHTLY_DATE" --version >/dev/null 2>&1; then
    echo "nightly-$GW_NIGHTLY_DATE"
  elif rustc +nightly --version 2>/dev/null | grep -q "$GW_NIGHTLY_DATE)"; then
    echo nightly
  fi
}
