#!/usr/bin/env node
// Gives the wasm's imports and exports short names in the wasm-bindgen glue too, after
// `wasm-opt --minify-imports-and-exports-and-modules` gave them short names in the wasm
// (scripts/build.sh). The names the two files know each other by are wasm-bindgen's, such as
// `__wbg_querySelector_729c5470ea4b43e8` and closure shims of 200 characters: about 8 KB of
// hashes in each file that no compressor can shrink, ~5.5 KB brotli of the two together
// (docs/PERFORMANCE.md, "Issue 26: the lean core's cuts"). Nothing outside the glue sees these
// names: the glue's own exports (`mount`, `Widget`) are JS names and do not change.
//
// Usage: node scripts/wasm-names.mjs MAP.json GLUE.js WASM [KEEP.json]
//   MAP.json: what wasm-opt printed, { imports: [[module, name, short]], exports: [[name, short]] }
//     once per round of `--converge` (each round renames the last one's names again);
//   GLUE.js: the glue as wasm-bindgen wrote it (before esbuild), rewritten in place;
//   WASM: the minified wasm, read for the one module name its imports now have;
//   KEEP.json: where to write the composed map, { imports, exports } from the original names, for
//     tests that must reach an export by its wasm-bindgen name (tests/e2e/trap.spec.mjs).
// Fails, leaving the glue as it was, if any import is not found exactly once: a new
// wasm-bindgen that writes its glue differently must stop the build, not load a broken widget.
import { readFileSync, writeFileSync } from 'node:fs';

const [mapFile, glueFile, wasmFile, keepFile] = process.argv.slice(2);
if (!wasmFile) {
  console.error('usage: node scripts/wasm-names.mjs MAP.json GLUE.js WASM');
  process.exit(2);
}
const map = composed(readFileSync(mapFile, 'utf8'));
let glue = readFileSync(glueFile, 'utf8');

// Replaces every match of `re` (a global regex) by `to`; returns how many there were. A
// function as replacement, so a `$` in a short name is taken literally.
function swap(re, to) {
  let n = 0;
  glue = glue.replace(re, () => {
    n += 1;
    return to;
  });
  return n;
}

// Imports are the keys of the object wasm-bindgen's `__wbg_get_imports` returns, one per line:
// `        __wbg_querySelector_729c5470ea4b43e8: function(arg0, arg1) {`.
const problems = [];
for (const [, name, short] of map.imports) {
  const n = swap(new RegExp(`(?<=^\\s+)${name}(?=: function\\()`, 'gm'), short);
  if (n !== 1) problems.push(`import ${name} found ${n} times`);
}
// Exports are read as properties of the instance's exports, `wasm.NAME`. An export the glue
// never reads (wasm-bindgen's `__abort_handler`) is simply renamed in the wasm.
for (const [name, short] of map.exports) {
  swap(new RegExp(`\\bwasm\\.${name}\\b`, 'g'), `wasm.${short}`);
}
// The import object's one module key, `"./grade_widget_bg.js": import0`.
const modules = [...new Set(map.imports.map(([module]) => module))];
const renamed = importModules(readFileSync(wasmFile));
if (modules.length !== 1 || renamed.size !== 1) {
  problems.push(`expected one import module before and after, found ${modules.length} and ${renamed.size}`);
} else {
  const [module] = modules;
  const [short] = renamed;
  const n = swap(new RegExp(`"${module.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"(?=: import0\\b)`, 'g'), JSON.stringify(short));
  if (n !== 1) problems.push(`module key ${module} found ${n} times`);
}
if (problems.length) {
  console.error(`wasm-names: the glue does not match the wasm:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
writeFileSync(glueFile, glue);
if (keepFile) writeFileSync(keepFile, `${JSON.stringify(map)}\n`);

// The maps of every round, one JSON object after another, as one map from the original names.
function composed(text) {
  const rounds = text.split(/^(?=\{)/m).filter((part) => part.trim()).map((part) => JSON.parse(part));
  const [first, ...later] = rounds;
  for (const round of later) {
    const imports = new Map(round.imports.map(([, name, short]) => [name, short]));
    const exports = new Map(round.exports);
    first.imports = first.imports.map(([module, name, short]) => [module, name, imports.get(short) ?? short]);
    first.exports = first.exports.map(([name, short]) => [name, exports.get(short) ?? short]);
  }
  return first;
}

// The module names in a wasm binary's import section (section 2).
function importModules(bytes) {
  let at = 8; // magic and version
  const leb = () => {
    let value = 0;
    let shift = 0;
    for (;;) {
      const byte = bytes[at++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
      if (byte < 0x80) return value;
    }
  };
  const name = () => {
    const length = leb();
    const text = new TextDecoder().decode(bytes.subarray(at, at + length));
    at += length;
    return text;
  };
  const found = new Set();
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = leb();
    const end = at + size;
    if (id === 2) {
      for (let count = leb(); count > 0; count--) {
        found.add(name());
        name();
        const kind = bytes[at++];
        if (kind === 0) leb(); // function: type index
        else if (kind === 1) { at++; if (leb() & 1) leb(); leb(); } // table: type, limits
        else if (kind === 2) { if (leb() & 1) leb(); leb(); } // memory: limits
        else if (kind === 3) at += 2; // global: type, mutability
        else throw new Error(`wasm-names: unknown import kind ${kind}`);
      }
    }
    at = end;
  }
  return found;
}
