// The report request starts while the wasm is still loading (www/grade-widget.js, `prefetch`):
// for <grade-widget src> and for mount({ src }), the wasm then reads that very request. A source
// changed before the wasm runs (a new src, a report object) cancels it, and the timeout counts
// from when it started. The wasm is held back by a route so "still loading" is certain.

import assert from 'node:assert/strict';
import { failures, hold, inWidget, open, report, settled, until } from './lib.mjs';

const MET = 'www/data/metropolitan-2006.json';
const NORTH = 'www/data/northshire-example-2006.json';

export const tests = [
  {
    name: 'the report is requested while the wasm is still loading, once, and shown from that request',
    page: 'www/examples/two-widgets.html',
    async run(t) {
      const { page } = t;
      const wasm = await hold(page, '**/grade_widget_bg.wasm');
      const reports = [];
      page.on('request', (r) => {
        if (r.url().endsWith('.json')) reports.push(r.url());
      });
      await open(t, `<grade-widget id="el" src="/${MET}"></grade-widget><div id="js"></div>
<script type="module">
  import { mount } from '/pkg/grade-widget.js';
  mount(document.getElementById('js'), { src: '/${NORTH}' });
</script>`);
      await until(() => wasm.asked.length > 0, 'the wasm request');
      // Both reports are asked for while the wasm's response is still held back.
      await until(() => reports.length === 2, `both report requests (seen: ${reports.join(', ')})`);
      assert.deepEqual(reports.map((u) => new URL(u).pathname).sort(), [`/${MET}`, `/${NORTH}`]);
      assert.equal(await page.locator('#el [data-testid="area-row"]').count(), 0, 'nothing rendered before the wasm');
      wasm.release();
      const el = await settled(page, 'el');
      const js = await settled(page, 'js');
      assert.equal(el.type, 'load', JSON.stringify(el.detail));
      assert.equal(el.detail.force, report('metropolitan-2006.json').force);
      assert.equal(js.type, 'load', JSON.stringify(js.detail));
      assert.equal(js.detail.force, report('northshire-example-2006.json').force);
      await inWidget(page, 'el', 'area-row').first().waitFor();
      // The wasm used the loader's requests rather than making its own.
      assert.equal(reports.length, 2, reports.join(', '));
    },
  },
  {
    name: 'a src changed while the wasm loads cancels the first request and shows the new report',
    page: 'www/examples/two-widgets.html',
    async run(t) {
      const { page } = t;
      const failed = failures(page);
      const wasm = await hold(page, '**/grade_widget_bg.wasm');
      const first = await hold(page, `**/${MET}`);
      await open(t, `<grade-widget id="el" src="/${MET}"></grade-widget>`);
      await until(() => first.asked.length === 1, 'the first report request');
      await page.evaluate((src) => document.getElementById('el').setAttribute('src', src), `/${NORTH}`);
      wasm.release();
      const e = await settled(page, 'el');
      assert.equal(e.type, 'load', JSON.stringify(e.detail));
      assert.equal(e.detail.force, report('northshire-example-2006.json').force);
      await until(() => failed.some((f) => f.includes(MET)), `the first request to be cancelled (failed: ${failed.join('; ')})`);
      assert.match(failed.find((f) => f.includes(MET)), /ERR_ABORTED/);
      first.release();
      // One event only: the cancelled request raised no error.
      await page.waitForTimeout(200);
      assert.deepEqual((await page.evaluate(() => window.__gw.events)).map((x) => x.type), ['load']);
    },
  },
  {
    name: 'a report set on the element while the wasm loads cancels the src request and is shown',
    page: 'www/examples/two-widgets.html',
    async run(t) {
      const { page } = t;
      const failed = failures(page);
      const wasm = await hold(page, '**/grade_widget_bg.wasm');
      const first = await hold(page, `**/${MET}`);
      await open(t, `<grade-widget id="el" src="/${MET}"></grade-widget>`);
      await until(() => first.asked.length === 1, 'the report request');
      await page.evaluate((north) => { document.getElementById('el').report = north; }, report('northshire-example-2006.json'));
      wasm.release();
      const e = await settled(page, 'el');
      assert.equal(e.type, 'load', JSON.stringify(e.detail));
      assert.equal(e.detail.force, report('northshire-example-2006.json').force);
      await until(() => failed.some((f) => f.includes(MET)), `the src request to be cancelled (failed: ${failed.join('; ')})`);
      first.release();
    },
  },
  {
    name: 'removed before the wasm runs: the early request is cancelled and nothing is fired',
    page: 'www/examples/two-widgets.html',
    async run(t) {
      const { page } = t;
      const failed = failures(page);
      const wasm = await hold(page, '**/grade_widget_bg.wasm');
      const first = await hold(page, `**/${MET}`);
      await open(t, `<grade-widget id="el" src="/${MET}"></grade-widget>`);
      await until(() => first.asked.length === 1, 'the report request');
      await page.evaluate(() => document.getElementById('el').remove());
      wasm.release();
      await until(() => failed.some((f) => f.includes(MET)), `the request to be cancelled (failed: ${failed.join('; ')})`);
      first.release();
      await page.waitForTimeout(200);
      assert.deepEqual(await page.evaluate(() => window.__gw.events), []);
    },
  },
  {
    name: 'the timeout counts from the early request, not from when the wasm ran',
    page: 'www/examples/two-widgets.html',
    async run(t) {
      const { page } = t;
      const wasm = await hold(page, '**/grade_widget_bg.wasm');
      const never = await hold(page, `**/${MET}`);
      await open(t, `<grade-widget id="el" src="/${MET}" timeout="1"></grade-widget>`);
      await until(() => never.asked.length === 1, 'the report request');
      // Held past the 1 s timeout: by the time the wasm runs, the request has had its second.
      await page.waitForTimeout(3000);
      const released = await page.evaluate(() => performance.now());
      wasm.release();
      const e = await settled(page, 'el');
      const at = await page.evaluate(() => performance.now());
      assert.equal(e.type, 'error');
      assert.equal(e.detail.type, 'timeout', e.detail.message);
      assert.match(e.detail.message, /no complete answer within 1 second$/);
      // A timeout counted from the wasm's start would fire a full second after the release.
      assert.ok(at - released < 900, `the timeout fired ${Math.round(at - released)} ms after the wasm ran`);
      never.release();
    },
  },
];
