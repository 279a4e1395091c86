// trap.js: a wasm trap stops every widget on the page, and each says so once.
//
// Built with `panic = "abort"`, a Rust panic first runs the hook in src/embed/panic.rs, which
// shows a note in every mounted widget and fires `error` (type `panic`) on it; then the wasm
// traps. Built with `-Cpanic=immediate-abort`, a panic is only the trap: a
// `WebAssembly.RuntimeError` ("unreachable") thrown out of whatever JS called into the wasm (an
// event listener, a promise job, the element's API) and no hook runs. After a trap the instance
// is in no state to run again. So the loader, whichever way the wasm was built, catches the trap
// (its own calls into the wasm, and the page's uncaught errors and rejections), stops calling the
// wasm, and gives every widget it manages the hook's note and event, skipping those the hook
// already reached, and any widget started later gets them when it starts.

/** The message of src/embed/panic.rs, word for word: one panic state, whoever shows it. */
export const MESSAGE = 'the widget stopped because of an internal error; reload the page to try again';

/** The hosts of every widget the loader started (elements and mount() targets). */
const widgets = new Set();
/** Hosts that have fired their `panic` error (by the Rust hook or here). */
const stopped = new WeakSet();
let dead = false;
/** The host this module is firing `panic` on right now (see guard). */
let firing = null;

/** True once the wasm has trapped: nothing may call into it again. */
export const isDead = () => dead;

/** Counts `host` among the page's widgets; after a trap it is stopped at once. */
export function track(host) {
  widgets.add(host);
  if (dead) stop(host);
}

export function untrack(host) {
  widgets.delete(host);
}

/**
 * When `error` is a wasm trap: stops every widget and returns true. The loader's calls into the
 * wasm pass what they catch here and rethrow or log anything else.
 */
export function caught(error) {
  if (!(error instanceof WebAssembly.RuntimeError)) return false;
  dead = true;
  for (const host of widgets) stop(host);
  return true;
}

/**
 * Once the wasm runs: traps thrown where the loader cannot catch them (the widget's own event
 * listeners, its promise jobs) reach the page as an uncaught error or rejection. They stay
 * uncaught (the console keeps the trap for the site owner); the widgets are stopped. `wasmUrl`
 * tells the widget's traps from another module's on the same page: engines name the module's
 * URL in its frames when it was compiled as it downloaded (V8, SpiderMonkey), so a stack that
 * names another .wasm file is not the widget's. One that names none (a module compiled from
 * bytes, an engine that names no files) is taken as the widget's.
 */
export function watchTraps(wasmUrl) {
  const check = (error) => {
    const stack = `${error?.stack}`;
    if (stack.includes(wasmUrl) || !/https?:\/\/\S+\.wasm\b/.test(stack)) caught(error);
  };
  addEventListener('error', (event) => check(event.error));
  addEventListener('unhandledrejection', (event) => check(event.reason));
  // Non-bubbling `error` events still pass document in the capture phase.
  document.addEventListener('error', guard, true);
}

/**
 * Marks the hosts the Rust hook reached, and stops a second `panic` event for a host (a later
 * call into the dead instance that panics again runs the hook again): one per widget.
 */
function guard(event) {
  if (!(event instanceof CustomEvent) || event.detail?.type !== 'panic') return;
  const host = event.composedPath()[0];
  if (host === firing) return;
  if (stopped.has(host)) event.stopImmediatePropagation();
  stopped.add(host);
}

/** The hook's note in the widget's container (plain DOM, text only), then the hook's event. */
function stop(host) {
  if (stopped.has(host)) return;
  stopped.add(host);
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const note = document.createElement('p');
  note.setAttribute('role', 'alert');
  note.className = 'gw-error';
  note.setAttribute('data-testid', 'error');
  note.textContent = MESSAGE;
  (root.querySelector(':scope > .gw-container') ?? root).replaceChildren(note);
  firing = host;
  try {
    host.dispatchEvent(new CustomEvent('error', {
      composed: true,
      detail: { type: 'panic', message: MESSAGE, problems: [], retryable: false },
    }));
  } finally {
    firing = null;
  }
}
