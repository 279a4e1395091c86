// mount.js: `mount(element, options)`, the JS API for pages that build widgets from script: a
// widget in any element that can hold a shadow root, driven through the handle it resolves to.

import { afterDestroy, checkMountTarget } from './checks.js';
import { boot, bootFailed, mountWasm } from './boot.js';
import { adopt, copyOf } from './copy.js';
import { keep, shown } from './intent.js';
import { followLang, langOf } from './lang.js';
import { prefetch, release } from './prefetch.js';
import { caught, isDead, MESSAGE, track, untrack } from './trap.js';

/** Calls into the wasm, unless it has trapped; a trap stops every widget (trap.js). */
function call(fn) {
  if (isDead()) return;
  try {
    fn();
  } catch (error) {
    if (!caught(error)) throw error;
  }
}

/**
 * Mounts a widget into any element that can hold a shadow root (div, section, article, …).
 * `options`: { report | src, view, area, lang, deepLink, timeout, href, headingLevel, areaHref,
 * fallbackHref }.
 * Resolves to a handle with update(options), retry() and destroy().
 */
export async function mount(element, options = {}) {
  if (element?.localName === 'grade-widget') {
    throw new TypeError('grade-widget: mount() is for plain elements; set attributes or the report property on <grade-widget> instead');
  }
  checkMountTarget(element);
  // What the reader does on a pre-rendered copy while the wasm loads is done again after.
  if (shown(element)) keep(element);
  const early = options?.report == null && !mountWasm ? prefetch(options?.src) : undefined;
  try {
    await boot();
  } catch (error) {
    release(early);
    await bootFailed(element, error, options);
    throw error;
  }
  // A pre-rendered copy's options fill those not given (copy.js); its language stays.
  const copy = copyOf(element);
  const [adopted, warning] = adopt({ ...options, lang: options?.lang ?? langOf(element) }, copy, options?.lang !== undefined);
  if (warning) console.warn(warning);
  let current = adopted;
  let widget;
  // After a trap, track() shows the stopped state at once.
  track(element);
  try {
    if (isDead()) throw new Error(`grade-widget: ${MESSAGE}`);
    widget = mountWasm(element, current, early, false);
  } catch (error) {
    caught(error);
    untrack(element);
    throw error;
  } finally {
    // Cancelled if no load took it (the source is another, or the mount failed).
    release(early);
  }
  // Without a `lang` option the widget follows the page's.
  let ownLang = options?.lang !== undefined || !!copy;
  const stopLang = followLang(element, (lang) => {
    if (!ownLang && widget) call(() => widget.update((current = { ...current, lang })));
  });
  return {
    update(next) {
      if (!widget) throw afterDestroy('update');
      if (next?.lang !== undefined) ownLang = true;
      current = { ...current, ...next };
      call(() => widget.update(current));
    },
    retry() {
      if (!widget) throw afterDestroy('retry');
      call(() => widget.retry());
    },
    /** Frees the widget; calling it again does nothing. */
    destroy() {
      stopLang();
      untrack(element);
      const freed = widget;
      widget = null;
      if (freed) call(() => freed.destroy());
    },
  };
}
