#!/usr/bin/env bash
# Installs everything the build and the tests need, skipping what is already present.
# Idempotent: `make demo`, `make test` and `.ci/run` call it first. Versions: see docs/development.md, "Toolchain notes".
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need_apt+=(chromium-driver)
command -v brotli >/dev/null 2>&1 || need_apt+=(brotli)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "setup: apt-get install ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "setup: rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# The CLI's Windows check (make check-windows) needs that target's std.
if ! rustup target list --installed | grep -qx x86_64-pc-windows-gnu; then
  echo "setup: rustup target add x86_64-pc-windows-gnu"
  rustup target add x86_64-pc-windows-gnu
fi

# The pinned nightly for the widget's release wasm (scripts/toolchain.sh): its std sources and
# wasm target. Without it the build falls back to stable, says so, and reports the larger size.
. scripts/toolchain.sh
if [ "${GW_TOOLCHAIN:-nightly}" = nightly ]; then
  nightly=$(gw_nightly)
  if [ -z "$nightly" ]; then
    echo "setup: rustup toolchain install nightly-$GW_NIGHTLY_DATE (the pinned nightly)"
    rustup toolchain install "nightly-$GW_NIGHTLY_DATE" --profile minimal \
      --component rust-src --target wasm32-unknown-unknown \
      || echo "setup: the pinned nightly could not be installed: the widget will be built on stable" >&2
  else
    if ! rustup component list --toolchain "$nightly" --installed | grep -q '^rust-src'; then
      echo "setup: rustup component add rust-src --toolchain $nightly"
      rustup component add rust-src --toolchain "$nightly"
    fi
    if ! rustup target list --toolchain "$nightly" --installed | grep -qx wasm32-unknown-unknown; then
      echo "setup: rustup target add wasm32-unknown-unknown --toolchain $nightly"
      rustup target add wasm32-unknown-unknown --toolchain "$nightly"
    fi
  fi
fi

# wasm-bindgen-cli must equal the wasm-bindgen version in Cargo.lock exactly.
want=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/"/,"",$3); print $3; exit}' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$want" != "$have" ]; then
  echo "setup: cargo install wasm-bindgen-cli $want (about 2 minutes)"
  # No --locked: its lockfile pins a webpki-roots release the registry lacks.
  cargo install -q wasm-bindgen-cli --version "$want"
fi

# npm: binaryen (wasm-opt that reads current wasm-bindgen output), playwright-core, axe-core.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
