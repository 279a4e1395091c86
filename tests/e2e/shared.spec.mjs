// Widgets that show the same `src` fetch it once and read it once (src/embed/shared.rs): a page
// of badges of one report.json must not parse and check 505 KB once per badge (issue 27). Each
// widget keeps its own timeout and can leave the load; the request lasts while any widget waits.

import assert from 'node:assert/strict';
import { events, failures, hold, inWidget, open, report, settled, until } from './lib.mjs';

const MET = 'www/data/metropolitan-2006.json';
const NORTH = 'www/data/northshire-example-2006.json';
const FORCE = report('metropolitan-2006.json').force;
// Each test asks for the report under a query string of its own, so that the requests of the
// page the test starts from are never counted.
const own = (t, file = MET) => `/${file}?${t.tag}`;
const mine = (t) => (url) => url.search === `?${t.tag}`;

/** Counts the page's requests for the report, and its JSON.parse calls on report-sized text. */
async function watch(t) {
  const { page } = t;
  const asked = [];
  page.on('request', (r) => {
    if (mine(t)(new URL(r.url()))) asked.push(r.url());
  });
  await page.addInitScript(() => {
    const parse = JSON.parse;
    window.__parsed = 0;
    JSON.parse = function (text, ...rest) {
      if (typeof text === 'string' && text.length > 100_000) window.__parsed += 1;
      return parse.call(this, text, ...rest);
    };
  });
  return { asked, parsed: () => page.evaluate(() => window.__parsed) };
}

const badges = (t, ids) => ids.map((id) => `<grade-widget id="${id}" view="badge" src="${own(t)}"></grade-widget>`).join('\n');

/** Failed requests of this test's own (a cancelled fetch is one). */
const failed = (t, all) => all.filter((f) => f.includes(`?${t.tag}`));

const cases = [
  {
    name: 'widgets with the same src fetch and read it once, each drawn, each firing load',
    page: 'www/examples/two-widgets.html',
    async run(t) {
      const { page } = t;
      const seen = await watch(t);
      const ids = ['a', 'b', 'c', 'd', 'e'];
      await open(t, `${badges(t, ids)}<div id="js"></div>
<script type="module">
  import { mount } from '/pkg/grade-widget.js';
  mount(document.getElementById('js'), { src: '${own(t)}', view: 'badge' });
</script>`);
      for (const id of [...ids, 'js']) {
        const e = await settled(page, id);
        assert.equal(e.type, 'load', `${id}: ${JSON.stringify(e.detail)}`);
        assert.equal(e.detail.force, FORCE);
        await inWidget(page, id, 'badge').waitFor();
      }
      assert.equal(seen.asked.length, 1, seen.asked.join(', '));
      assert.equal(await seen.parsed(), 1, 'the report text was parsed more than once');
    },
  },
  {
    name: 'a widget added while another shows the report takes it without a request; once none shows it, it is fetched anew',
    page: 'www/examples/two-widgets.html',
    async run(t) {
      const { page } = t;
      const seen = await watch(t);
      await open(t, badges(t, ['a']));
      assert.equal((await settled(page, 'a')).type, 'load');
      await page.evaluate((src) => {
        document.querySelector('main').insertAdjacentHTML('beforeend', `<grade-widget id="b" src="${src}"></grade-widget>`);
      }, own(t));
      const b = await settled(page, 'b');
      assert.equal(b.type, 'load', JSON.stringify(b.detail));
      await inWidget(page, 'b', 'area-row').first().waitFor();
      assert.equal(seen.asked.length, 1, seen.asked.join(', '));
      assert.equal(await seen.parsed(), 1);
      // Both gone: the report is freed, and the next widget asks the server again.
      await page.evaluate(() => document.querySelectorAll('grade-widget').forEach((el) => el.remove()));
      await page.waitForTimeout(100);
      await page.evaluate((src) => {
        document.querySelector('main').insertAdjacentHTML('beforeend', `<grade-widget id="c" view="badge" src="${src}"></grade-widget>`);
      }, own(t));
      assert.equal((await settled(page, 'c')).type, 'load');
      assert.equal(seen.asked.length, 2, seen.asked.join(', '));
    },
  },
  {
    name: 'each widget keeps its own timeout; the shared request lasts until the last one gives up',
    page: 'www/examples/two-widgets.html',
    async run(t) {
      const { page } = t;
      const all = failures(page);
      const never = await hold(page, mine(t));
      await open(t, `<grade-widget id="quick" view="badge" src="${own(t)}" timeout="1"></grade-widget>
<grade-widget id="patient" view="badge" src="${own(t)}" timeout="3"></grade-widget>`);
      const quick = await settled(page, 'quick');
      assert.equal(quick.type, 'error');
      assert.equal(quick.detail.type, 'timeout', quick.detail.message);
      assert.match(quick.detail.message, /within 1 second$/);
      // The other still waits, and so does the request.
      assert.deepEqual(await events(page, 'patient'), []);
      assert.deepEqual(failed(t, all), []);
      const patient = await settled(page, 'patient');
      assert.equal(patient.detail.type, 'timeout', patient.detail.message);
      assert.match(patient.detail.message, /within 3 seconds$/);
      await until(() => failed(t, all).length > 0, 'the request to be cancelled');
      assert.match(failed(t, all)[0], /ERR_ABORTED/);
      assert.equal(never.asked.length, 1, never.asked.join(', '));
      never.release();
    },
  },
  {
    name: 'a widget removed while the report loads leaves the others their load; the last one out cancels it',
    page: 'www/examples/two-widgets.html',
    async run(t) {
      const { page } = t;
      const all = failures(page);
      const held = await hold(page, mine(t));
      await open(t, badges(t, ['a', 'b', 'c']));
      await until(() => held.asked.length === 1, 'the report request');
      // Wait until every widget has started (the loading note is drawn) before removing one.
      for (const id of ['a', 'b', 'c']) await inWidget(page, id, 'loading').waitFor({ state: 'attached' });
      await page.evaluate(() => document.getElementById('a').remove());
      held.release();
      // Both loaded from the one request: a cancelled one would have failed them, or made them
      // ask again. (Not "no failed request": Chromium now and then reports a fetch whose body
      // was read to the end as ERR_ABORTED when its route was held, with no abort called.)
      for (const id of ['b', 'c']) assert.equal((await settled(page, id)).type, 'load');
      assert.equal(held.asked.length, 1, held.asked.join(', '));
      assert.deepEqual(await events(page, 'a'), []);

      // Now all of them, while a second report loads: its request is cancelled, nothing fires.
      const second = await hold(page, mine(t));
      await page.evaluate((src) => {
        for (const id of ['b', 'c']) document.getElementById(id).setAttribute('src', src);
      }, own(t, NORTH));
      await until(() => second.asked.length === 1, 'the second report request');
      await page.waitForTimeout(100);
      await page.evaluate(() => document.querySelectorAll('grade-widget').forEach((el) => el.remove()));
      await until(() => failed(t, all).some((f) => f.includes('northshire')), 'the request to be cancelled');
      second.release();
      assert.equal(second.asked.filter((u) => u.includes('northshire')).length, 1, second.asked.join(', '));
    },
  },
  {
    name: 'the loader asks once for widgets of one src; one removed before the wasm runs leaves the request to the other',
    page: 'www/examples/two-widgets.html',
    async run(t) {
      const { page } = t;
      const seen = await watch(t);
      const wasm = await hold(page, '**/grade_widget_bg.wasm');
      await open(t, badges(t, ['a', 'b']));
      await until(() => wasm.asked.length > 0 && seen.asked.length > 0, 'the wasm and report requests');
      // Both elements hold the loader's one request; the first one goes before the wasm runs.
      await page.evaluate(() => document.getElementById('a').remove());
      await page.waitForTimeout(100);
      wasm.release();
      const b = await settled(page, 'b');
      assert.equal(b.type, 'load', JSON.stringify(b.detail));
      // Loaded from the one request, so not cancelled: the wasm would have met the abort, and
      // `b` failed (see the test above for why not "no failed request").
      assert.equal(seen.asked.length, 1, seen.asked.join(', '));
      assert.deepEqual(await events(page, 'a'), []);
    },
  },
  {
    name: 'a failed load is not kept: "Try again" asks the server anew',
    page: 'www/examples/two-widgets.html',
    async run(t) {
      const { page } = t;
      let answers = 0;
      let answer;
      const later = new Promise((done) => { answer = done; });
      // The first request fails, once both widgets wait for it; any later one is answered.
      await page.route(mine(t), async (route) => {
        if (++answers > 1) return route.continue();
        await later;
        return route.fulfill({ status: 503, body: 'busy' });
      });
      await open(t, badges(t, ['a', 'b']));
      for (const id of ['a', 'b']) await inWidget(page, id, 'loading').waitFor({ state: 'attached' });
      answer();
      for (const id of ['a', 'b']) {
        const e = await settled(page, id);
        assert.equal(e.detail.type, 'http', JSON.stringify(e));
        assert.match(e.detail.message, /503/);
      }
      assert.equal(answers, 1);
      await page.evaluate(() => document.getElementById('a').retry());
      await page.waitForFunction(() => window.__gw.events.some((e) => e.id === 'a' && e.type === 'load'));
      assert.equal(answers, 2);
    },
  },
];

export const tests = cases.map((c, i) => ({ ...c, run: (t) => c.run({ ...t, tag: `shared-${i}` }) }));
