// files.js: the files the loader starts besides itself (the wasm-bindgen glue, the wasm, and the
// boot-failure module), and how each is imported.
//
// This module is bundled into pkg/grade-widget.js (scripts/loader.mjs): the relative specifiers
// below name files beside that built loader, not beside this source file, and the bundler leaves
// them as they are (they are marked external). In pkg/ and the demo they have their plain names
// and no integrity. The release (`make dist`) defines `__GW_FILES__` (scripts/dist.mjs) with the
// content-hashed names and SRI hashes, so every file after the loader is checked against the
// hash the loader carries.

// eslint-disable-next-line no-undef
export const FILES = typeof __GW_FILES__ === 'undefined' ? null : __GW_FILES__;

/** An error that names the file that failed (once: the browser's own message may name it). */
export function failure(url, error, stage) {
  const reason = `${error?.message ?? error}`;
  const named = new Error(reason.includes(url) ? reason : `could not load ${url}: ${reason}`, { cause: error });
  // What failed, for the boot-failure note's "whose fault" (see failure.js, `blame`).
  named.stage = stage;
  return named;
}

/** The wasm, as a Request the glue fetches, so the release's integrity covers the wasm too. */
export function wasmRequest() {
  // `new URL('literal', import.meta.url)` is the form bundlers follow.
  const url = FILES ? new URL(FILES.wasm, import.meta.url) : new URL('grade_widget_bg.wasm', import.meta.url);
  return new Request(url, { integrity: FILES?.integrity.wasm ?? '' });
}

/**
 * The glue, by a dynamic import inside boot(): a static import that fails (missing file, no
 * CORS header, CSP) would fail the whole loader, leaving the element undefined and no event
 * fired. A literal specifier, so bundlers that take pkg/ as a package still follow it.
 */
export function importGlue() {
  return FILES
    ? importChecked(FILES.glue, FILES.integrity.glue, 'glue')
    : import('./grade_widget.js').catch(named('grade_widget.js', 'glue'));
}

/** The boot-failure note (failure.js), fetched only when the wasm cannot start. */
export function importFailureNote() {
  return FILES
    ? importChecked(FILES.failure, FILES.integrity.failure, 'note')
    : import('./grade-widget-failure.js').catch(named('grade-widget-failure.js', 'note'));
}

function named(file, stage) {
  return (error) => {
    throw failure(new URL(file, import.meta.url).href, error, stage);
  };
}

/**
 * import() takes no integrity, so the release first loads the module through
 * `<link rel="modulepreload" integrity>`: a changed file is refused there, and import() then
 * takes the checked module from the page's module map instead of fetching it again.
 */
async function importChecked(file, integrity, stage) {
  const url = new URL(file, import.meta.url).href;
  await new Promise((done, fail) => {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.crossOrigin = 'anonymous';
    link.integrity = integrity;
    link.href = url;
    link.onload = () => done(link.remove());
    link.onerror = () => {
      link.remove();
      fail(failure(url, 'it is missing, blocked (CORS or Content-Security-Policy) or does not match its integrity hash', stage));
    };
    (document.head ?? document.documentElement).append(link);
  });
  return import(url).catch(named(url, stage));
}
