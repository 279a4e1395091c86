// boot.js: starts the wasm once for the whole page (imports the glue, fetches and instantiates
// the wasm) and, when it cannot, tells each widget why: a note in the widget (failure.js, fetched
// only then) and the documented `error` event of type `wasm`.

import { walk } from './copy.js';
import { failure, importFailureNote, importGlue, wasmRequest } from './files.js';
import { langOf } from './lang.js';
import { watchTraps } from './trap.js';

let ready;
/** The glue's `mount`, once `boot()` has imported the glue and instantiated the wasm. */
export let mountWasm;

/**
 * Imports the glue and instantiates the wasm, once for the whole page. Every failure on the way
 * (no WebAssembly; glue missing, blocked by CSP or CORS, changed since its hash was taken; wasm
 * missing, refused, not compilable) rejects with a message naming the file, which each widget
 * shows (bootFailed).
 */
export function boot() {
  ready ??= (async () => {
    if (typeof WebAssembly !== 'object') {
      throw Object.assign(new Error('this browser does not run WebAssembly'), { stage: 'support' });
    }
    const glue = await importGlue();
    const wasm = wasmRequest();
    try {
      await glue.default({ module_or_path: wasm });
    } catch (error) {
      throw failure(wasm.url, error, 'wasm');
    }
    watchTraps(wasm.url);
    glue.walker(walk);
    mountWasm = glue.mount;
  })();
  return ready;
}

/**
 * Shows why the widget could not start in `host` (failure.js: the same box as the widget's other
 * errors), then fires `error`. The event goes out even when the note's own module cannot load
 * (the server that lost the wasm may have lost it too): the host's own content then stays as it is.
 * `options`: mount()'s, for the language, heading level and fallback link (else the host's attributes).
 */
export async function bootFailed(host, error, options = {}) {
  const message = `the grade widget could not start: ${error?.message ?? error}`;
  try {
    (await importFailureNote()).showFailure(host, error, message, { ...options, lang: options.lang ?? langOf(host) });
  } catch (noteFailed) {
    console.error('grade-widget:', message, noteFailed);
  }
  host.dispatchEvent(new CustomEvent('error', {
    composed: true,
    detail: { type: 'wasm', message, problems: [], retryable: false },
  }));
}
