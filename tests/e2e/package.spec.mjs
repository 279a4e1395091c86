// The production package in pkg/: what it exports is the widget's API and nothing made for the
// bench (`__benchLoadReport` lives behind the `bench` cargo feature, built by `make bench` into
// target/bench-pkg/). Reads the real files: the JS glue and the wasm module's export section.
// The wasm's exports have minified names (scripts/build.sh, wasm-names.mjs), so a bench hook
// would show there only as one more short name: the glue, which names every export it wraps in
// JS, is where one would be seen; the wasm must carry no readable export name at all.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ROOT } from './lib.mjs';

export const tests = [
  {
    name: 'pkg/ exports no bench hooks, in the glue or the wasm',
    page: 'www/examples/two-widgets.html',
    async run() {
      const glue = readFileSync(`${ROOT}pkg/grade_widget.js`, 'utf8');
      assert.ok(glue.includes('mount'), 'the glue exports mount');
      assert.ok(!/bench/i.test(glue), 'the glue names a bench export');
      const module = new WebAssembly.Module(readFileSync(`${ROOT}pkg/grade_widget_bg.wasm`));
      const exports = WebAssembly.Module.exports(module).map((e) => e.name);
      assert.ok(exports.length > 0, 'the wasm exports nothing');
      const readable = exports.filter((name) => name.length > 3);
      assert.deepEqual(readable, [], 'the wasm has export names that are not minified');
    },
  },
];
