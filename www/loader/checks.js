// checks.js: mistakes in the calling page's use of the JS API, as TypeErrors that say which call
// was wrong and why, instead of whatever the wasm glue would throw ("null pointer passed to rust").

/** What `mount()` was given, for its error message. */
function describe(value) {
  if (value === null) return 'null';
  if (typeof value === 'string') return `the string "${value}" (pass the element itself, e.g. document.querySelector(…))`;
  if (typeof value !== 'object') return `${typeof value} ${String(value)}`;
  if (value.nodeType === 1) return `an <${value.localName}> element, which cannot hold a shadow root`;
  return `${Object.prototype.toString.call(value).slice(8, -1)} (not an element)`;
}

/** Throws unless `el` is an HTML element that can carry an open shadow root. */
export function checkMountTarget(el) {
  const html = el?.nodeType === 1 && el.namespaceURI === 'http://www.w3.org/1999/xhtml';
  // The elements attachShadow accepts: custom elements (with a hyphen) and these.
  const can = html && (el.localName.includes('-') || /^(article|aside|blockquote|body|div|footer|h[1-6]|header|main|nav|p|section|span)$/.test(el.localName));
  if (!can || el.shadowRoot?.mode === 'closed') {
    throw new TypeError(`grade-widget: mount() needs an element to show the widget in (a <div>, <section>, …), but was given ${describe(el)}`);
  }
}

export function afterDestroy(method) {
  return new TypeError(`grade-widget: ${method}() was called after destroy()`);
}
