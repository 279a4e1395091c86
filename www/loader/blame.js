// blame.js: whose fault it is that the wasm could not start, for the failure note (failure.js):
// the website's (a file missing, refused or changed) or the browser's (it lacks what the widget
// needs). Apart from the note so that node can test it (tests/js/blame.test.mjs).

/**
 * 'browser' only when the browser lacks what the widget needs: no WebAssembly, or a wasm it
 * cannot compile although the file is wasm and the page allows it. Otherwise 'server': a file
 * that is missing, refused, served as something else or changed (the glue at any step; for the
 * wasm an HTTP error, a failed integrity check, a body that is not wasm, a glue and a wasm from
 * different builds), and the page's Content-Security-Policy refusing the wasm.
 * `error` is the loader's (www/loader/files.js, `failure`): `stage` says which step failed,
 * `cause` is the browser's own error.
 */
export function blame(error) {
  if (error?.stage === 'support') return 'browser';
  const cause = error?.cause;
  const compile = error?.stage === 'wasm' && typeof WebAssembly === 'object' && cause instanceof WebAssembly.CompileError;
  // Engines name the magic number (or its bytes) when the body is not wasm, and the policy when
  // CSP refuses to compile it.
  return compile && !/magic|\\0asm|\bCSP\b|Content.Security.Policy|unsafe-eval/i.test(cause.message) ? 'browser' : 'server';
}
