// Whose fault a failed start is (www/loader/blame.js), for the errors engines give at each step.
// The browser is blamed only for what it lacks; everything a server or a page's policy did is
// the website's. Run: node --test tests/js/*.test.mjs

import assert from 'node:assert/strict';
import test from 'node:test';
import { blame } from '../../www/loader/blame.js';

/** The loader's error for a failed step, as www/loader/files.js makes it. */
const at = (stage, cause) => Object.assign(new Error(`could not load x: ${cause?.message ?? cause}`, { cause }), { stage });

const CASES = [
  ['no WebAssembly at all', Object.assign(new Error('this browser does not run WebAssembly'), { stage: 'support' }), 'browser'],
  ['glue 404 (Chromium)', at('glue', new TypeError('Failed to fetch dynamically imported module: https://x/grade_widget.js')), 'server'],
  ['glue refused by integrity', at('glue', 'it is missing, blocked (CORS or Content-Security-Policy) or does not match its integrity hash'), 'server'],
  ['wasm 404', at('wasm', new Error("failed to fetch Wasm: 404 Not Found fetching 'https://x/grade_widget_bg.wasm'")), 'server'],
  ['wasm refused by integrity or CORS', at('wasm', new TypeError('Failed to fetch')), 'server'],
  ['an HTML page for the wasm (Chromium)', at('wasm', new WebAssembly.CompileError('WebAssembly.instantiate(): expected magic word 00 61 73 6d, found 3c 21 64 6f @+0')), 'server'],
  ['an HTML page for the wasm (Firefox)', at('wasm', new WebAssembly.CompileError('wasm validation error: at offset 4: failed to match magic number')), 'server'],
  ['an HTML page for the wasm (Safari)', at('wasm', new WebAssembly.CompileError("WebAssembly.Module doesn't parse at byte 0: module doesn't start with '\\0asm'")), 'server'],
  ['CSP without wasm-unsafe-eval (Chromium)', at('wasm', new WebAssembly.CompileError("WebAssembly.instantiateStreaming(): Refused to compile or instantiate WebAssembly module because 'unsafe-eval' is not an allowed source of script in the following Content Security Policy directive: \"script-src 'self'\"")), 'server'],
  ['CSP without wasm-unsafe-eval (Firefox)', at('wasm', new WebAssembly.CompileError('call to WebAssembly.instantiate() blocked by CSP')), 'server'],
  ['glue and wasm from different builds', at('wasm', new WebAssembly.LinkError('WebAssembly.instantiate(): Import #3 "wbg" "__wbg_x": function import requires a callable')), 'server'],
  ['a wasm feature the engine lacks', at('wasm', new WebAssembly.CompileError('WebAssembly.instantiate(): invalid opcode 0xfc at offset 1234')), 'browser'],
  ['nothing known', undefined, 'server'],
];

for (const [name, error, fault] of CASES) {
  test(`${name}: ${fault}`, () => assert.equal(blame(error), fault));
}
