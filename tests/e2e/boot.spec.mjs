// When the wasm cannot start, the loader's note (www/loader/failure.js, a module of its own
// fetched only then) says whose fault it is, in the reader's language: the website's when a file
// is missing, refused or changed, the browser's when it lacks what the widget needs. The event
// is the same `error` of type `wasm` either way.

import assert from 'node:assert/strict';
import { settled } from './lib.mjs';

const PAGE = 'www/examples/summary.html';
const SERVER = {
  en: 'A file the grade widget needs is missing, blocked or has changed on this website.',
  cy: "Mae ffeil sydd ei hangen ar y teclyn graddau ar goll, wedi'i rhwystro neu wedi newid ar y wefan hon.",
};
const BROWSER = {
  en: 'The grade widget could not start in this browser.',
  cy: "Nid oedd modd i'r teclyn graddau ddechrau yn y porwr hwn.",
};

/** Reloads the page with the widget's `lang` set before the loader runs; returns the note. */
async function failed(page, lang) {
  await page.addInitScript((lang) => {
    document.addEventListener('readystatechange', () => {
      if (document.readyState === 'interactive') document.getElementById('summary').lang = lang;
    });
  }, lang);
  await page.reload();
  const e = await settled(page, 'summary');
  assert.equal(e.type, 'error');
  assert.equal(e.detail.type, 'wasm');
  assert.ok(e.detail.message.startsWith('the grade widget could not start: '), e.detail.message);
  const box = page.locator('#summary [data-testid="error"]');
  return {
    message: e.detail.message,
    fault: await box.getAttribute('data-fault'),
    summary: await box.locator('[data-testid="error-summary"]').innerText(),
  };
}

export const tests = [
  {
    name: 'a wasm file the server lost is the website\'s fault, in English and Welsh',
    page: PAGE,
    async run({ page, context }) {
      await context.route('**/grade_widget_bg.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
      for (const lang of ['en', 'cy']) {
        const note = await failed(page, lang);
        assert.match(note.message, /404 Not Found.*grade_widget_bg\.wasm/);
        assert.deepEqual([note.fault, note.summary], ['server', SERVER[lang]], lang);
      }
    },
    allowConsoleErrors: true,
  },
  {
    name: 'a glue file the server lost, and a wasm file it serves as an HTML page, are the website\'s fault',
    page: PAGE,
    async run({ page, context }) {
      await context.route('**/pkg/grade_widget.js', (route) => route.fulfill({ status: 404, body: 'gone' }));
      let note = await failed(page, 'en');
      assert.match(note.message, /grade_widget\.js/);
      assert.deepEqual([note.fault, note.summary], ['server', SERVER.en]);
      await context.unroute('**/pkg/grade_widget.js');
      // A CMS's "page not found" answered with 200: the engine finds no wasm magic number.
      await context.route('**/grade_widget_bg.wasm', (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: '<!doctype html><title>Not found</title>' }));
      note = await failed(page, 'en');
      assert.match(note.message, /grade_widget_bg\.wasm/);
      assert.deepEqual([note.fault, note.summary], ['server', SERVER.en]);
    },
    allowConsoleErrors: true,
  },
  {
    name: 'a browser without WebAssembly is the browser\'s fault, in English and Welsh',
    page: PAGE,
    async run({ page }) {
      await page.addInitScript(() => {
        delete window.WebAssembly;
      });
      for (const lang of ['en', 'cy']) {
        const note = await failed(page, lang);
        assert.equal(note.message, 'the grade widget could not start: this browser does not run WebAssembly');
        assert.deepEqual([note.fault, note.summary], ['browser', BROWSER[lang]], lang);
      }
    },
  },
];
