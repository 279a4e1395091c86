// Network faults: each ends in a clear message inside the widget and an `error` event whose
// detail.type says which, with no uncaught errors, while another widget on the page keeps working.

import assert from 'node:assert/strict';
import { inWidget, settled } from './lib.mjs';

/** Adds a widget for a fault endpoint to the page. */
function add(page, id, src, timeout) {
  return page.evaluate(({ id, src, timeout }) => {
    const el = document.createElement('grade-widget');
    el.id = id;
    el.setAttribute('src', src);
    if (timeout) el.setAttribute('timeout', timeout);
    document.querySelector('main').append(el);
  }, { id, src, timeout });
}

const CASES = [
  ['500', '/fault/500', undefined, 'http', /^could not fetch the report from http:\/\/127\.0\.0\.1:\d+\/fault\/500: the server answered 500 Internal Server Error$/],
  ['html', '/fault/html', undefined, 'json', /^the report from http:\/\/127\.0\.0\.1:\d+\/fault\/html is not valid JSON: Unexpected token '<', "<!doctype "\.\.\. is not valid JSON$/],
  ['truncated', '/fault/truncated', undefined, 'fetch', /^could not read the report from http:\/\/127\.0\.0\.1:\d+\/fault\/truncated: the answer broke off \(.+\)$/],
  ['hang', '/fault/hang', '1', 'timeout', /^could not fetch the report from http:\/\/127\.0\.0\.1:\d+\/fault\/hang: no complete answer within 1 second$/],
  // Cross-origin and refused: the no-cors probe fails too, so this is "fetch", not "cors".
  ['refused', 'http://127.0.0.1:9/report.json', undefined, 'fetch', /^could not fetch the report from http:\/\/127\.0\.0\.1:9\/report\.json: the request failed \(server unreachable, connection refused, or blocked by the page's Content-Security-Policy: Failed to fetch\)$/],
];

// Alone (run.mjs): the fault routes keep state across requests (the flaky route's count, what the
// endless body sent), and the endless body's timing is measured.
export const serial = true;

export const tests = [
  {
    name: 'an endless body without Content-Length is cut off at the size limit and the connection closed',
    page: 'www/examples/two-widgets.html',
    async run({ page, url }) {
      await settled(page, 'met');
      const started = Date.now();
      await add(page, 'f-endless', '/fault/endless');
      const e = await settled(page, 'f-endless', 30_000);
      assert.equal(e.type, 'error');
      assert.equal(e.detail.type, 'size', e.detail.message);
      assert.match(e.detail.message, /^the report from http:\/\/127\.0\.0\.1:\d+\/fault\/endless is too large: the limit is 8 MiB$/);
      await inWidget(page, 'f-endless', 'error').waitFor();
      // The server saw the browser hang up, soon after the limit: not at its own cap.
      let status;
      for (let i = 0; i < 50; i++) {
        status = await (await fetch(url('fault/endless-status'))).json();
        if (status.closed) break;
        await new Promise((done) => setTimeout(done, 100));
      }
      assert.equal(status.requests, 1, JSON.stringify(status));
      assert.equal(status.closed, true, `the connection is still open: ${JSON.stringify(status)}`);
      assert.ok(status.sent >= 8 << 20, `cut before the limit: ${JSON.stringify(status)}`);
      // What the server wrote includes what sits in socket and network-process buffers when
      // the widget cancels (more on a loaded machine: 25 MB was seen at load 15), so the bound is
      // well under the server's own 64 MiB cap rather than close to 8 MiB: a widget that read
      // the whole body would only stop at that cap.
      assert.ok(status.sent < 48 << 20, `read far past the limit: ${JSON.stringify(status)}`);
      assert.ok(Date.now() - started < 30_000);
      // The other widget on the page is untouched.
      assert.equal((await settled(page, 'met')).type, 'load');
    },
  },
  {
    name: 'each fault gives its own error type, a message and a retry button',
    page: 'www/examples/two-widgets.html',
    async run({ page }) {
      await settled(page, 'met');
      for (const [id, src, timeout] of CASES) await add(page, `f-${id}`, src, timeout);
      for (const [id, , , type, message] of CASES) {
        const e = await settled(page, `f-${id}`);
        assert.equal(e.type, 'error', id);
        assert.equal(e.detail.type, type, `${id}: ${e.detail.message}`);
        assert.match(e.detail.message, message);
        assert.equal(e.detail.retryable, true);
        await inWidget(page, `f-${id}`, 'retry').waitFor();
      }
      // The other widgets still work.
      await page.locator('#met [data-testid="area-row"][data-area="1B"] button').click();
      await page.locator('#met [data-testid="area-detail"][data-area="1B"]').waitFor();
    },
  },
  {
    name: 'retry succeeds once the server recovers',
    page: 'www/examples/two-widgets.html',
    async run({ page }) {
      await add(page, 'flaky', '/fault/flaky');
      const first = await settled(page, 'flaky');
      assert.equal(first.detail.type, 'http');
      await inWidget(page, 'flaky', 'retry').click();
      await page.waitForFunction(() => window.__gw.events.some((e) => e.id === 'flaky' && e.type === 'load'));
      assert.equal(await inWidget(page, 'flaky', 'area-row').count(), 23);
      assert.equal(await inWidget(page, 'flaky', 'error').count(), 0);
    },
  },
  {
    name: 'a CORS refusal is told apart from an unreachable server, and retry recovers once the server allows the page',
    page: 'www/examples/two-widgets.html',
    // Chromium itself logs the refusal ("... has been blocked by CORS policy ..."); the test
    // checks that nothing else is logged.
    allowConsoleErrors: true,
    async run({ page, cross, problems }) {
      await fetch(`${cross}reset`);
      await settled(page, 'met');
      await add(page, 'cors', `${cross}report.json`);
      await add(page, 'recovering', `${cross}recovering.json`);
      await add(page, 'allowed', `${cross}with-cors.json`);
      await add(page, 'refused', 'http://127.0.0.1:9/report.json');
      const origin = new URL(page.url()).origin;
      for (const id of ['cors', 'recovering']) {
        const e = await settled(page, id);
        assert.equal(e.type, 'error', id);
        assert.equal(e.detail.type, 'cors', `${id}: ${e.detail.message}`);
        const url = `${cross}${id === 'cors' ? 'report' : 'recovering'}.json`;
        assert.equal(
          e.detail.message,
          `could not fetch the report from ${url}: the server answered but does not let this page read it (CORS); the server must send the header Access-Control-Allow-Origin: ${origin} (or *) with the report (Failed to fetch)`,
        );
        assert.equal(e.detail.retryable, true);
        await inWidget(page, id, 'retry').waitFor();
        // The message is in the widget, as text.
        const shown = await inWidget(page, id, 'error').textContent();
        assert.ok(shown.includes('Access-Control-Allow-Origin'), shown);
      }
      // A cross-origin server that allows the page loads; an unreachable one is still "fetch".
      assert.equal((await settled(page, 'allowed')).type, 'load');
      assert.equal((await settled(page, 'refused')).detail.type, 'fetch');
      // The server starts sending the header: retry now loads.
      await fetch(`${cross}allow`);
      await inWidget(page, 'recovering', 'retry').click();
      await page.waitForFunction(() => window.__gw.events.some((e) => e.id === 'recovering' && e.type === 'load'));
      assert.equal(await inWidget(page, 'recovering', 'area-row').count(), 23);
      assert.equal(await inWidget(page, 'recovering', 'error').count(), 0);
      // The other widgets keep working.
      await page.locator('#met [data-testid="area-row"][data-area="1B"] button').click();
      await page.locator('#met [data-testid="area-detail"][data-area="1B"]').waitFor();
      const unexpected = problems.filter((p) => !/^console: Access to fetch at '.+' from origin '.+' has been blocked by CORS policy/.test(p));
      assert.deepEqual(unexpected, []);
      assert.ok(problems.length > 0, 'chromium logged the CORS refusal (else this test saw no refusal)');
    },
  },
];
