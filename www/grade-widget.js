// grade-widget.js: the one file a host page loads. Defines the <grade-widget> custom element and
// exports `mount(element, options)` for pages that build widgets from JS. Both drive the wasm
// build (the wasm-bindgen glue and the wasm beside this file), which is imported, fetched and
// instantiated once, on first use, and shared by every widget on the page.
//
// The parts live in www/loader/, one job each; scripts/loader.mjs bundles them into this one
// file in pkg/. The note for a wasm that cannot start is a module of its own
// (grade-widget-failure.js), fetched only then: a page where the widget starts never loads it.
//
// No eval, no inline styles, no inline scripts: works under `script-src 'self' 'wasm-unsafe-eval'`.

import { GradeWidget, TAG } from './loader/element.js';

export { mount } from './loader/mount.js';
export { GradeWidget };

if (!customElements.get(TAG)) {
  customElements.define(TAG, GradeWidget);
} else if (customElements.get(TAG) !== GradeWidget) {
  // Another copy of the loader (another URL, another version) defined the element first: this
  // one stays unused. Say so, or an upgrade that left an old script tag looks like it did nothing.
  console.warn(`grade-widget: <${TAG}> is already defined by another script; ${import.meta.url} is not used`);
}
