// A wasm trap stops every widget on the page, each with the panic note and one `error` event of
// type `panic` (www/loader/trap.js), whichever way the wasm was built: with `panic = "abort"`
// the Rust hook (src/embed/panic.rs) speaks first and the trap follows; with
// `-Cpanic=immediate-abort` there is only the trap.
//
// The traps are real ones, in the page's own wasm instance: wasm-bindgen's
// allocator export, asked for an impossible layout (alignment 3), aborts, which in the wasm is
// `unreachable` and runs no panic hook, exactly what every panic is in an immediate-abort build.
// They are set off where a trap reaches the loader: a task of the page (uncaught error), a
// promise job (unhandled rejection), and inside the element's and mount()'s own calls into the
// wasm (a report whose fields trap when the widget reads them). One test instead makes the
// widget's own Rust code panic (Yew cannot insert a row next to one the page moved away): with
// `panic = "abort"` the hook runs before the trap, and nobody may hear of it twice. All four
// also pass on a nightly `-Cpanic=immediate-abort` build of the same code (checked by hand with
// the flags of the lead's release build, 2026-12-06).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ROOT, settled } from './lib.mjs';

/** The allocator export's name in pkg/: short since the names cut, so read from the build's map. */
function mallocName() {
  const map = JSON.parse(readFileSync(`${ROOT}target/wasm-names/pkg.json`, 'utf8'));
  const found = map.exports.find(([name]) => name === '__wbindgen_malloc');
  assert.ok(found, 'target/wasm-names/pkg.json names __wbindgen_malloc (run scripts/build.sh)');
  return found[1];
}

const PAGE = 'www/examples/two-widgets.html';
/** Another page's wasm: (module (func (export "f") unreachable)). */
const OTHER = Buffer.from([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00,
  0x07, 0x05, 0x01, 0x01, 0x66, 0x00, 0x00, 0x0a, 0x05, 0x01, 0x03, 0x00, 0x00, 0x0b,
]);
const MESSAGE = 'the widget stopped because of an internal error; reload the page to try again';

/**
 * Gives the page `__trap()` (a real trap in its wasm instance, see above), `__panics` (the
 * `panic` errors each widget fired, counted on the element itself) and `__count(el)`.
 */
async function prepare(page) {
  for (const id of ['met', 'northshire']) assert.equal((await settled(page, id)).type, 'load', id);
  await page.evaluate(async (malloc) => {
    const glue = await import(new URL('/pkg/grade_widget.js', location.href).href);
    // Initialised already by the loader: this returns the running instance's exports.
    const wasm = await glue.default();
    window.__trap = () => wasm[malloc](1, 3);
    // A report whose fields trap when read. Symbols get an answer: the widget asks for
    // Symbol.iterator through a call that turns any exception into a report problem.
    window.__trappingReport = () => new Proxy({}, {
      get: (target, key) => (typeof key === 'symbol' ? undefined : window.__trap()),
      ownKeys: () => window.__trap(),
    });
    window.__panics = {};
    addEventListener('error', (e) => { window.__otherTrapped ||= /other\.wasm/.test(e.error?.stack); });
    window.__count = (el) => el.addEventListener('error', (e) => {
      if (e.detail?.type === 'panic') window.__panics[el.id] = (window.__panics[el.id] ?? 0) + 1;
    });
    for (const el of document.querySelectorAll('grade-widget')) window.__count(el);
  }, mallocName());
}

/** Mounts a widget with the JS API into a new <div id=…>; the handle is window.__handles[id]. */
async function mountDiv(page, id) {
  await page.evaluate(async (id) => {
    const el = document.createElement('div');
    el.id = id;
    document.querySelector('main').append(el);
    window.__count(el);
    const { mount } = await import(new URL('/pkg/grade-widget.js', location.href).href);
    window.__handles ??= {};
    window.__handles[id] = await mount(el, { src: '/www/data/metropolitan-2006.json' });
  }, id);
  assert.equal((await settled(page, id)).type, 'load', id);
}

/** Waits until every id shows the panic note, then returns the panic counts. */
async function stopped(page, ids) {
  await page.waitForFunction((ids) => ids.every((id) => {
    const note = document.getElementById(id)?.shadowRoot?.querySelector('[data-testid="error"]');
    return note?.textContent === 'the widget stopped because of an internal error; reload the page to try again';
  }), ids, { timeout: 10_000 });
  // Whatever else was going to fire has had its chance.
  await page.waitForTimeout(200);
  return page.evaluate(() => window.__panics);
}

/** The recorded `error` events of type panic, as [id, message]. */
const panicEvents = (page) => page.evaluate(() => window.__gw.events
  .filter((e) => e.type === 'error' && e.detail.type === 'panic')
  .map((e) => [e.id, e.detail.message, e.detail.retryable]));

export const tests = [
  {
    name: 'a trap in a task or a promise job stops every widget on the page, once each, and widgets started later too',
    page: PAGE,
    async run({ page, problems }) {
      await prepare(page);
      await mountDiv(page, 'mounted');
      // Another module on the page traps: not the widget's business.
      await page.route('**/other.wasm', (r) => r.fulfill({ contentType: 'application/wasm', body: OTHER }));
      await page.evaluate(async () => {
        const { instance } = await WebAssembly.instantiateStreaming(fetch('/other.wasm'));
        setTimeout(() => instance.exports.f());
      });
      await page.waitForFunction(() => window.__otherTrapped);
      await page.waitForTimeout(200);
      assert.deepEqual(await page.evaluate(() => window.__panics), {}, 'another module\'s trap stopped the widgets');
      assert.equal(await page.locator('#met [data-testid="area-row"]').count(), 23);
      await page.evaluate(() => setTimeout(() => window.__trap()));
      assert.deepEqual(await stopped(page, ['met', 'northshire', 'mounted']), { met: 1, northshire: 1, mounted: 1 });
      assert.deepEqual(await panicEvents(page), [['met', MESSAGE, false], ['northshire', MESSAGE, false], ['mounted', MESSAGE, false]]);
      // A second trap, in a promise job this time: nothing more is fired.
      await page.evaluate(() => {
        Promise.resolve().then(() => window.__trap());
      });
      // The element and the handle no longer call the wasm, and do not throw.
      await page.evaluate(() => {
        const met = document.getElementById('met');
        met.setAttribute('view', 'summary');
        met.report = { schema_version: 1 };
        met.retry();
        window.__handles.mounted.update({ view: 'summary' });
        window.__handles.mounted.retry();
      });
      // A widget added after the trap says so as soon as it starts; mount() rejects.
      const late = await page.evaluate(async () => {
        const el = document.createElement('grade-widget');
        el.id = 'late';
        window.__count(el);
        el.setAttribute('src', '../data/metropolitan-2006.json');
        document.querySelector('main').append(el);
        const div = document.createElement('div');
        div.id = 'late-mounted';
        window.__count(div);
        document.querySelector('main').append(div);
        const { mount } = await import(new URL('/pkg/grade-widget.js', location.href).href);
        return mount(div, { src: '/www/data/metropolitan-2006.json' }).then(() => 'resolved', (e) => e.message);
      });
      assert.equal(late, `grade-widget: ${MESSAGE}`);
      assert.deepEqual(await stopped(page, ['met', 'northshire', 'mounted', 'late', 'late-mounted']),
        { met: 1, northshire: 1, mounted: 1, late: 1, 'late-mounted': 1 });
      // The traps themselves stay uncaught for the console (the site owner's trace), and nothing else.
      assert.deepEqual(problems.filter((p) => !/^uncaught: unreachable/.test(p)), []);
      assert.ok(problems.length >= 3, 'the other module\'s trap, then the widget\'s two');
      problems.length = 0;
    },
    allowConsoleErrors: true,
  },
  {
    name: 'a trap inside the element\'s own call into the wasm is caught by the loader and stops every widget once',
    page: PAGE,
    async run({ page, problems }) {
      await prepare(page);
      await mountDiv(page, 'mounted');
      // The widget reads a report set on the element at once, in the property's setter.
      await page.evaluate(() => {
        document.getElementById('northshire').report = window.__trappingReport();
      });
      assert.deepEqual(await stopped(page, ['met', 'northshire', 'mounted']), { met: 1, northshire: 1, mounted: 1 });
      assert.equal((await panicEvents(page)).length, 3);
      assert.deepEqual(problems, [], 'the loader caught the trap: nothing uncaught');
    },
  },
  {
    name: 'a trap inside a mount() handle\'s call into the wasm is caught by the loader and stops every widget once',
    page: PAGE,
    async run({ page, problems }) {
      await prepare(page);
      await mountDiv(page, 'mounted');
      const thrown = await page.evaluate(() => {
        try {
          window.__handles.mounted.update({ report: window.__trappingReport() });
          return null;
        } catch (e) {
          return String(e);
        }
      });
      assert.equal(thrown, null);
      assert.deepEqual(await stopped(page, ['met', 'northshire', 'mounted']), { met: 1, northshire: 1, mounted: 1 });
      assert.deepEqual(problems, [], 'the loader caught the trap: nothing uncaught');
    },
  },
  {
    name: 'a panic in the widget\'s Rust code is said once per widget, whether a hook ran first or not',
    page: PAGE,
    async run({ page, problems }) {
      await prepare(page);
      await mountDiv(page, 'mounted');
      // The page takes met's rows out of its table; sorting by grade then asks Yew to insert the
      // group headings before rows that are no longer there: Yew panics ("failed to insert node
      // before next sibling"), the hook speaks, the wasm traps.
      await page.evaluate(() => {
        const rows = document.getElementById('met').shadowRoot.querySelectorAll('[data-testid="area-row"]');
        for (const row of rows) document.createDocumentFragment().append(row);
      });
      await page.locator('#met [data-testid="filter-sort"]').selectOption('grade');
      assert.deepEqual(await stopped(page, ['met', 'northshire', 'mounted']), { met: 1, northshire: 1, mounted: 1 });
      assert.equal((await panicEvents(page)).length, 3);
      // The trap reached the page; with `panic = "abort"` the hook's line ("grade-widget:
      // panicked at …") comes first, with immediate abort there is none.
      assert.ok(problems.some((p) => /^uncaught: unreachable/.test(p)), `the trap: ${problems.join('\n')}`);
      problems.length = 0;
    },
    allowConsoleErrors: true,
  },
];
