// builder-worker.js: the report builder's background half, a module worker started by builder.js
// (`new Worker(url, { type: 'module' })`). It loads the builder's own wasm (pkg/builder/: the
// extractor, validator and pre-rendered markup; the widget's bundle never loads it) and answers
// one request per message, so however long a report takes, the page stays responsive.
//
// Requests: { id, type: 'extract', text } or { id, type: 'extract', bytes } (a file's own bytes,
// read exactly as `grade-widget extract` reads a file); { id, type: 'render', json, view, area,
// lang, href, headingLevel, areaHref, shadowRoot } (shadowRoot: the stylesheet's URL, for markup in a
// declarative shadow root); { id, type: 'stylesheet', shadow }. A national table (src/import/):
// { id, type: 'table', text | bytes, format } (its shape and names), { id, type: 'import', text |
// bytes, format, scale | scaleFile, force, title, published, comparedEn, comparedCy,
// comparedEnOne, comparedEnThis, comparedCyThis } (one force's report, answered as 'extract'
// is), { id, type: 'scales' } (the built-in scales). Every answer is
// { id, ok: true, ... } or { id, ok: false, error }. First of all the worker posts { type: 'ready', maxBytes } or
// { type: 'failed', error }.

import init, {
  extract, importTable, maxBytes, readTable, render, scales, shadowStylesheet, stylesheet,
} from '../pkg/builder/grade_widget_builder.js';

const ready = init({ module_or_path: new URL('../pkg/builder/grade_widget_builder_bg.wasm', import.meta.url) });
ready.then(
  () => self.postMessage({ type: 'ready', maxBytes: maxBytes() }),
  (error) => self.postMessage({ type: 'failed', error: `${error?.message ?? error}` }),
);

const encoder = new TextEncoder();
const input = ({ text, bytes }) => (bytes ? new Uint8Array(bytes) : encoder.encode(text ?? ''));

const HANDLERS = {
  extract(request) {
    const bytes = input(request);
    // Timed here, around the wasm call alone, for the bench (tests/bench/builder.mjs).
    const started = performance.now();
    const result = extract(bytes);
    return { result, ms: performance.now() - started };
  },
  table(request) {
    return { result: readTable(input(request), request.format ?? 'detect') };
  },
  import(request) {
    const { format, scale, scaleFile, force, title, published, comparedEn, comparedCy, comparedEnOne, comparedEnThis, comparedCyThis } = request;
    const bytes = input(request);
    const started = performance.now();
    const result = importTable(
      bytes, format ?? 'detect', scale, scaleFile, force ?? '', title, published, comparedEn, comparedCy,
      comparedEnOne, comparedEnThis, comparedCyThis,
    );
    return { result, ms: performance.now() - started };
  },
  scales() {
    return { scales: scales() };
  },
  async render({ json, view, area, lang, href, headingLevel, areaHref, shadowRoot }) {
    return {
      markup: await render(
        json, view, area || undefined, lang, href || undefined, headingLevel || undefined, areaHref || undefined,
        shadowRoot ?? undefined,
      ),
    };
  },
  stylesheet({ shadow }) {
    return { css: shadow ? shadowStylesheet() : stylesheet() };
  },
};

self.onmessage = async ({ data }) => {
  const { id, type } = data ?? {};
  try {
    await ready;
    const handler = HANDLERS[type];
    if (!handler) throw new Error(`unknown request ${JSON.stringify(type)}`);
    self.postMessage({ id, ok: true, ...(await handler(data)) });
  } catch (error) {
    self.postMessage({ id, ok: false, error: `${error?.message ?? error}` });
  }
};
