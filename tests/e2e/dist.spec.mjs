// The release (make dist) as a web team hosts it: the folder on another origin, a host page under
// a strict Content-Security-Policy response header, the loader's script tag with `integrity`.
// Also the loader's boot path: every failure it can see ends in a message and an `error` event.

import assert from 'node:assert/strict';
import { manifest } from './dist.mjs';
import { inWidget, settled } from './lib.mjs';

const HASHED = /^grade_widget(_bg)?\.[0-9a-f]{8}\.(js|wasm)$/;

/** The release's hashed files (glue and wasm), from its integrity manifest. */
function hashedFiles() {
  const files = Object.keys(manifest().files).filter((f) => HASHED.test(f));
  assert.equal(files.length, 2, `expected a hashed glue and wasm in the release, found ${files.join(', ')}`);
  return files;
}

/** Resource timing of the release's hashed files on this page: { file: transferSize }. */
function transferSizes(page, distUrl, files) {
  return page.evaluate(({ prefix, files }) => Object.fromEntries(files.map((f) => {
    const entry = performance.getEntriesByType('resource').find((e) => e.name === prefix + f);
    return [f, entry ? entry.transferSize : null];
  })), { prefix: `${distUrl}cors/`, files });
}

/** Waits until the widget shows all 23 areas (pages opened without the event recorder). */
function rendered(page) {
  return page.waitForFunction(() => document.getElementById('hosted')?.shadowRoot?.querySelectorAll('[data-testid="area-row"]').length === 23);
}

export const tests = [
  {
    name: 'the release on another origin renders under a strict CSP with the integrity of every file checked',
    page: 'dist-host/cors.html',
    async run({ page, dist }) {
      const loaded = await settled(page, 'hosted');
      assert.equal(loaded.type, 'load', JSON.stringify(loaded.detail));
      assert.deepEqual(loaded.detail, { force: 'Metropolitan Police Service', areas: 23 });
      assert.equal(await inWidget(page, 'hosted', 'area-row').count(), 23);
      assert.deepEqual(await page.evaluate(() => window.__gw.csp), [], 'no CSP violation');
      // The constructable stylesheet applies although the policy allows no stylesheet at all.
      assert.equal(await page.locator('#hosted').evaluate((el) => getComputedStyle(el).display), 'block');
      // The fallback link is light-DOM content the widget's shadow root does not show.
      assert.equal(await page.getByTestId('fallback').isVisible(), false);
      // What the loader asked the second origin for: itself, then the hashed glue and wasm.
      const asked = dist.requests.filter((r) => r.variant === 'cors').map((r) => r.file);
      assert.deepEqual([...new Set(asked)].sort(), ['grade-widget.js', ...hashedFiles()].sort());
      const wasmRequest = dist.requests.find((r) => r.variant === 'cors' && r.file.endsWith('.wasm'));
      assert.match(wasmRequest.headers.origin ?? '', /^http:\/\/127\.0\.0\.1:\d+$/, 'the wasm is fetched with CORS');
    },
  },
  {
    name: 'a second page load takes the hashed files from the cache',
    page: 'dist-host/cors.html',
    async run({ page, context, dist, url }) {
      const files = hashedFiles();
      await settled(page, 'hosted');
      const first = await transferSizes(page, dist.url, files);
      for (const f of files) assert.ok(first[f] > 0, `first load: ${f} came over the network (${first[f]} bytes)`);
      const before = dist.requests.length;
      const again = await context.newPage();
      await again.goto(url('dist-host/cors.html'));
      await rendered(again);
      const second = await transferSizes(again, dist.url, files);
      for (const f of files) assert.equal(second[f], 0, `second load: ${f} from the cache`);
      const asked = dist.requests.slice(before).map((r) => r.file);
      for (const f of files) assert.ok(!asked.includes(f), `second load: the server was not asked for ${f} (asked for ${asked.join(', ') || 'nothing'})`);
      await again.close();
    },
  },
  {
    name: 'without CORS headers the loader never runs and the fallback content inside the element stays visible',
    page: 'dist-host/plain.html',
    async run({ page, dist, problems }) {
      await page.waitForLoadState('load');
      assert.ok(dist.requests.some((r) => r.variant === 'plain' && r.file === 'grade-widget.js'), 'the loader was requested');
      assert.equal(await page.evaluate(() => customElements.get('grade-widget')), undefined);
      assert.equal(await page.locator('#hosted').evaluate((el) => el.shadowRoot), null);
      const fallback = page.getByTestId('fallback');
      assert.ok(await fallback.isVisible(), 'the link inside the element is visible');
      assert.equal(await fallback.innerText(), 'Read the inspection report');
      assert.ok(problems.length > 0 && problems.every((p) => /CORS policy/.test(p)), problems.join('\n'));
      problems.length = 0;
    },
    allowConsoleErrors: true,
  },
  {
    name: 'a hashed file changed after the release was made is refused, with a message and an error event',
    page: 'dist-host/tampered.html',
    async run({ page, dist, problems }) {
      const failed = await settled(page, 'hosted');
      assert.equal(failed.type, 'error');
      assert.equal(failed.detail.type, 'wasm');
      const glue = hashedFiles().find((f) => f.endsWith('.js'));
      const named = new RegExp(`could not load http://127\\.0\\.0\\.1:\\d+/tampered/${glue.replace(/\./g, '\\.')}: .*integrity`);
      assert.match(failed.detail.message, named);
      // textContent: the technical part may sit in a collapsed <details>.
      assert.match(await inWidget(page, 'hosted', 'error').textContent(), named);
      assert.ok(problems.some((p) => /integrity/.test(p)), problems.join('\n'));
      // The note came from the release's hashed copy of the failure module, checked against
      // the hash the loader carries (an unchanged file here), and blames the server.
      const note = Object.keys(manifest().files).find((f) => /^grade-widget-failure\.[0-9a-f]{8}\.js$/.test(f));
      assert.ok(note, 'the release has a hashed failure module');
      assert.ok(dist.requests.some((r) => r.variant === 'tampered' && r.file === note), `${note} was not requested`);
      assert.equal(await inWidget(page, 'hosted', 'error').getAttribute('data-fault'), 'server');
    },
    allowConsoleErrors: true,
  },
  {
    name: 'when the failure note cannot load either, the error event still fires and the element\'s own content stays',
    page: 'dist-host/broken.html',
    async run({ page, dist, problems }) {
      const failed = await settled(page, 'hosted');
      assert.equal(failed.type, 'error');
      assert.equal(failed.detail.type, 'wasm');
      assert.match(failed.detail.message, /could not load http:\/\/127\.0\.0\.1:\d+\/broken\/grade_widget\.[0-9a-f]{8}\.js: .*integrity/);
      assert.ok(dist.requests.some((r) => r.variant === 'broken' && r.file.startsWith('grade-widget-failure.')), 'the note was asked for');
      // No shadow root was made: the link inside the element shows, as without script.
      assert.equal(await page.locator('#hosted').evaluate((el) => el.shadowRoot), null);
      assert.ok(await page.getByTestId('fallback').isVisible());
      assert.ok(problems.some((p) => /^console: grade-widget: the grade widget could not start: /.test(p)), problems.join('\n'));
    },
    allowConsoleErrors: true,
  },
  {
    name: 'when the glue cannot load, the element is still defined and reports it',
    page: 'www/examples/summary.html',
    async run({ page, context }) {
      await context.route('**/pkg/grade_widget.js', (route) => route.fulfill({ status: 404, body: 'gone' }));
      await page.reload();
      const [id] = await page.evaluate(() => [...document.querySelectorAll('grade-widget')].map((el) => el.id));
      const failed = await settled(page, id);
      assert.equal(failed.type, 'error');
      assert.equal(failed.detail.type, 'wasm');
      assert.match(failed.detail.message, /http:\/\/127\.0\.0\.1:\d+\/pkg\/grade_widget\.js/);
      assert.ok(await page.evaluate(() => customElements.get('grade-widget') !== undefined));
      assert.match(await inWidget(page, id, 'error').textContent(), /http:\/\/127\.0\.0\.1:\d+\/pkg\/grade_widget\.js/);
      // mount() rejects with the same error and shows it in its element, with the same event.
      const mounted = await page.evaluate(async () => {
        const el = document.createElement('div');
        el.id = 'mounted';
        document.body.append(el);
        const { mount } = await import(new URL('/pkg/grade-widget.js', location.href).href);
        const rejected = await mount(el, { src: '/www/data/metropolitan-2006.json' }).then(() => null, (e) => e.message);
        return { rejected, note: el.shadowRoot?.querySelector('[data-testid="error"]')?.textContent };
      });
      assert.match(mounted.rejected ?? '', /grade_widget\.js/);
      assert.ok(mounted.note?.includes(mounted.rejected), `the element shows the error: ${mounted.note}`);
      const event = (await settled(page, 'mounted')).detail;
      assert.equal(event.type, 'wasm');
      assert.ok(event.message.includes(mounted.rejected), event.message);
    },
    allowConsoleErrors: true,
  },
  {
    name: 'a second copy of the loader from another address says in the console that it is not used',
    page: 'www/examples/summary.html',
    async run({ page }) {
      await settled(page, 'summary');
      const warnings = [];
      page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
      await page.evaluate(() => import(new URL('/pkg/grade-widget.js?copy=2', location.href).href));
      await page.waitForTimeout(100);
      assert.deepEqual(warnings.filter((w) => w.startsWith('grade-widget:')), [
        `grade-widget: <grade-widget> is already defined by another script; ${new URL('/pkg/grade-widget.js?copy=2', page.url()).href} is not used`,
      ]);
    },
  },
];
