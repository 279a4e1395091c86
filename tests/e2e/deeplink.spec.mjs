// Deep links (`deep-link` attribute, `deepLink` option): the hash and the selection stay in
// step every way a reader moves. Selecting an area pushes a history entry (`#5B`), so Back and
// Forward walk through the areas read; a link to `#3A`, Back and Forward select that area,
// whether the widget is an element (attribute present from the start or added later) or made
// by mount(). Turning deep linking off, or destroying the widget, stops it following the hash.
// The entry is made just after the frame that shows the selection, and `select` fires right after
// it (issue 12): so the tests wait for the hash, and a listener of `select` reads the new hash.
// A link or Back while the report loads over a pre-rendered copy must not cost the copy, nor
// (by a hydration panic) every widget on the page (issue 26).

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { events, ROOT, settled } from './lib.mjs';

/** The area whose findings the widget shows, once it is `want` (or after the timeout, whatever it is). */
async function shownArea(page, id, want) {
  const detail = `#${id} [data-testid="area-detail"]`;
  await page.locator(`${detail}[data-area="${want}"]`).waitFor({ timeout: 5000 }).catch(() => {});
  return page.locator(detail).getAttribute('data-area');
}

/** Clicks the area's row, as a reader would. */
function pick(page, id, area) {
  return page.locator(`#${id} [data-testid="area-row"][data-area="${area}"] button`).click();
}

/** Follows an ordinary in-page link to `hash`, added to the host page for the test. */
async function followLink(page, hash) {
  await page.evaluate((hash) => {
    const a = document.createElement('a');
    a.href = hash;
    a.id = 'test-link';
    a.textContent = `link to ${hash}`;
    document.body.prepend(a);
  }, hash);
  await page.locator('#test-link').click();
  await page.evaluate(() => document.getElementById('test-link').remove());
}

/** How many `hashchange` / `popstate` listeners the window has (CDP). */
async function hashListeners(context, page) {
  const cdp = await context.newCDPSession(page);
  const { result } = await cdp.send('Runtime.evaluate', { expression: 'window' });
  const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
  await cdp.detach();
  return listeners.filter((l) => l.type === 'hashchange' || l.type === 'popstate').length;
}

/** `location.hash`, once it is `want` (or after the timeout, whatever it is). */
async function hash(page, want) {
  if (want !== undefined) {
    await page.waitForFunction((want) => location.hash === want, want, { timeout: 5000 }).catch(() => {});
  }
  return page.evaluate(() => location.hash);
}

/** The `select` events `id` fired, once there are `n` (or after the timeout). */
async function selects(page, id, n) {
  await page.waitForFunction(([id, n]) => window.__gw.events.filter((e) => e.type === 'select' && e.id === id).length >= n, [id, n], { timeout: 5000 }).catch(() => {});
  return (await events(page, id)).filter((e) => e.type === 'select').map((e) => e.detail.area);
}

let prerendered;
/** The full view of the demo report, with no area, as `grade-widget render` prints it. */
function rendered() {
  prerendered ??= execFileSync('cargo', ['run', '--quiet', '--bin', 'grade-widget', '--', 'render', 'www/data/metropolitan-2006.json'], { cwd: ROOT, encoding: 'utf8' });
  return prerendered;
}

/** Ways a reader comes to #3A before the report has arrived. */
const DURING_LOAD = [
  { how: 'a link to #3A while the report loads', move: (page) => followLink(page, '#3A') },
  {
    how: 'Back to #3A while the report loads',
    async move(page) {
      await followLink(page, '#3A');
      await followLink(page, '#5B');
      await page.goBack();
    },
  },
  // The hash is read at mount: the host's options then name 3A, the copy none.
  { how: 'the page opened at #3A', at: '#3A', move: async () => {} },
];

/**
 * A page with two widgets: `a` with `deep-link` over the static copy of its report, whose
 * response the test holds back, and a plain `b` beside it.
 */
function hashDuringLoad({ how, at = '', move }, i) {
  return {
    name: `${how}, over a pre-rendered copy: the copy is adopted and shows 3A, and the widget beside it keeps working`,
    page: 'www/examples/two-widgets.html',
    async run({ page, context, url }) {
      const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>hash during load</title>
        <script type="module" src="../../pkg/grade-widget.js"></script></head>
        <body><main><h1>A hash change while the report loads</h1>
        <grade-widget id="a" src="../data/metropolitan-2006.json" deep-link>${rendered()}</grade-widget>
        <grade-widget id="b" src="../data/northshire-example-2006.json"></grade-widget></main></body></html>`;
      const address = url(`www/examples/__hash-during-load-${i}.html`);
      await page.route(address, (route) => route.fulfill({ contentType: 'text/html', body: html }));
      let release;
      const held = new Promise((resolve) => { release = resolve; });
      await page.route('**/data/metropolitan-2006.json', async (route) => {
        await held;
        await route.continue();
      });
      await page.addInitScript(() => {
        document.addEventListener('readystatechange', () => {
          if (document.readyState === 'interactive') window.__static = [...document.querySelectorAll('#a > .gw-container *')];
        });
      });
      await page.goto(address + at);
      assert.equal((await settled(page, 'b')).type, 'load');
      // `a` is mounted (it follows the hash) while its report is still held back.
      for (let tries = 0; (await hashListeners(context, page)) < 2; tries++) {
        assert.ok(tries < 100, 'widget a never started following the hash');
        await page.waitForTimeout(50);
      }
      await move(page);
      assert.equal(await hash(page, '#3A'), '#3A');
      assert.equal(await page.evaluate(() => window.__gw.events.some((e) => e.id === 'a')), false, 'the report was not held back');
      release();
      const a = await settled(page, 'a');
      assert.equal(a.type, 'load', JSON.stringify(a.detail));
      assert.deepEqual((await events(page)).filter((e) => e.type === 'error'), [], 'no widget failed (a panic fires "error" on every widget)');
      assert.equal(await shownArea(page, 'a', '3A'), '3A');
      const copy = await page.evaluate(() => {
        const live = [...document.getElementById('a').shadowRoot.querySelectorAll('.gw-container *')];
        return { before: window.__static.length, reused: live.filter((n) => window.__static.includes(n)).length };
      });
      assert.ok(copy.before > 500, `too little markup: ${JSON.stringify(copy)}`);
      // Hydration keeps every node of the copy that the shown area does not change: nearly all.
      assert.ok(copy.reused > copy.before * 0.9, `the copy was drawn again, not adopted: ${JSON.stringify(copy)}`);
      // Both widgets still respond.
      await pick(page, 'a', '5B');
      assert.equal(await shownArea(page, 'a', '5B'), '5B');
      await page.locator('#b [data-testid="area-row"] button').first().click();
      await page.locator('#b [data-testid="area-detail"]').waitFor({ timeout: 5000 });
    },
  };
}

/**
 * A report whose area ids are slugs (issue 29: any short slug, not only `3A`), with deep links:
 * the page is opened at `at`, its address routed to a page of one widget.
 */
async function slugPage(page, url, at) {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>slug deep links</title>
    <script type="module" src="../../pkg/grade-widget.js"></script></head>
    <body><a href="#main">Skip to the content</a><main id="main"><h1>Slug ids</h1>
    <grade-widget id="peel" src="../../tests/fixtures/peel-2021-example.json" deep-link></grade-widget></main></body></html>`;
  const address = url('www/examples/__slug-deep-links.html');
  await page.route(address, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.goto(address + at);
  const first = await settled(page, 'peel');
  assert.equal(first.type, 'load', JSON.stringify(first.detail));
}

const SLUG_TESTS = [
  {
    name: 'slug area ids: the page opened at #protecting-vulnerable-people shows it; a selection pushes its slug; a skip link to #main changes nothing',
    page: 'index.html',
    async run({ page, url }) {
      await slugPage(page, url, '#protecting-vulnerable-people');
      assert.equal(await shownArea(page, 'peel', 'protecting-vulnerable-people'), 'protecting-vulnerable-people');
      await pick(page, 'peel', 'managing-offenders');
      assert.equal(await hash(page, '#managing-offenders'), '#managing-offenders');
      assert.equal(await shownArea(page, 'peel', 'managing-offenders'), 'managing-offenders');
      assert.deepEqual(await selects(page, 'peel', 1), ['managing-offenders']);
      // The host page's own anchor: a slug-shaped fragment that names no area of the report.
      await page.locator('a[href="#main"]').click();
      assert.equal(await hash(page, '#main'), '#main');
      await page.waitForTimeout(300);
      assert.equal(await shownArea(page, 'peel', 'managing-offenders'), 'managing-offenders', 'the skip link took the selection away');
      assert.deepEqual(await selects(page, 'peel', 1), ['managing-offenders'], 'the skip link selected something');
      await page.goBack();
      assert.equal(await shownArea(page, 'peel', 'managing-offenders'), 'managing-offenders');
      await followLink(page, '#investigating-crime');
      assert.equal(await shownArea(page, 'peel', 'investigating-crime'), 'investigating-crime');
    },
  },
  {
    name: 'slug area ids: a page opened at a fragment that names no area (#main) shows the report as without one',
    page: 'index.html',
    async run({ page, url }) {
      await slugPage(page, url, '#main');
      await page.waitForTimeout(300);
      assert.equal(await page.locator('#peel [data-testid="area-detail"][data-area="main"]').count(), 0);
      assert.equal(await page.locator('#peel [data-testid="area-row"]').count(), 5);
      assert.deepEqual((await events(page, 'peel')).filter((e) => e.type === 'error'), []);
      await pick(page, 'peel', 'victims');
      assert.equal(await hash(page, '#victims'), '#victims');
    },
  },
];

export const tests = [
  {
    // By default a copy of the very report is held as it is after `load` (element.js, `hold`).
    name: 'over a held copy, a link to #3A after load takes the copy over (its nodes kept) and shows 3A, and the next pick is followed',
    page: 'www/examples/two-widgets.html',
    async run({ page, url }) {
      const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>hash over a held copy</title>
        <script type="module" src="../../pkg/grade-widget.js"></script></head>
        <body><main><h1>A link over a held copy</h1>
        <grade-widget id="a" src="../data/metropolitan-2006.json" deep-link>${rendered()}</grade-widget></main></body></html>`;
      const address = url('www/examples/__hash-held-copy.html');
      await page.route(address, (route) => route.fulfill({ contentType: 'text/html', body: html }));
      await page.addInitScript(() => {
        document.addEventListener('readystatechange', () => {
          if (document.readyState === 'interactive') window.__static = [...document.querySelectorAll('#a > .gw-container *')];
        });
      });
      await page.goto(address);
      assert.equal((await settled(page, 'a')).type, 'load');
      assert.equal(await page.evaluate(() => !!document.querySelector('#a > [data-gw-hydrate]')), true, 'held after load');
      // Added by script, away from the widget: no pointer comes near it.
      await page.evaluate(() => { location.hash = '#3A'; });
      assert.equal(await shownArea(page, 'a', '3A'), '3A');
      const copy = await page.evaluate(() => {
        const live = [...document.getElementById('a').shadowRoot.querySelectorAll('.gw-container *')];
        return { before: window.__static.length, reused: live.filter((n) => window.__static.includes(n)).length };
      });
      assert.ok(copy.reused > copy.before * 0.9, `the copy was drawn again, not adopted: ${JSON.stringify(copy)}`);
      // Live: the reader's next pick is followed, and named in the address.
      await pick(page, 'a', '5B');
      assert.equal(await hash(page, '#5B'), '#5B');
      assert.deepEqual((await events(page)).filter((e) => e.type === 'error'), []);
    },
  },
  {
    name: 'two selections in one task make two entries, in order; select listeners read the new hash',
    page: 'index.html#3A',
    async run({ page }) {
      await settled(page, 'report');
      const before = await page.evaluate(() => {
        window.__seen = [];
        document.getElementById('report').addEventListener('select', (e) => window.__seen.push([e.detail.area, location.hash]));
        return history.length;
      });
      await page.evaluate(() => {
        const root = document.getElementById('report').shadowRoot;
        for (const id of ['5B', '6D']) root.querySelector(`[data-testid="area-row"][data-area="${id}"] button`).click();
      });
      assert.equal(await hash(page, '#6D'), '#6D');
      assert.equal(await shownArea(page, 'report', '6D'), '6D');
      assert.deepEqual(await selects(page, 'report', 2), ['5B', '6D']);
      assert.deepEqual(await page.evaluate(() => window.__seen), [['5B', '#5B'], ['6D', '#6D']], 'in select, location.hash names the area');
      assert.equal(await page.evaluate(() => history.length), before + 2);
      await page.goBack();
      assert.equal(await hash(page, '#5B'), '#5B');
      assert.equal(await shownArea(page, 'report', '5B'), '5B');
      await page.goBack();
      assert.equal(await shownArea(page, 'report', '3A'), '3A');
    },
  },
  {
    name: 'removed in the task of a selection: no history entry, no select, no error',
    page: 'index.html#3A',
    async run({ page }) {
      await settled(page, 'report');
      const before = await page.evaluate(() => history.length);
      await page.evaluate(() => {
        const el = document.getElementById('report');
        // On the element itself: a detached host's events no longer reach the document.
        window.__late = [];
        el.addEventListener('select', (e) => window.__late.push(e.detail.area));
        el.shadowRoot.querySelector('[data-testid="area-row"][data-area="5B"] button').click();
        el.remove();
      });
      // Well past the frame and the task after it.
      await page.waitForTimeout(1300);
      assert.equal(await hash(page), '#3A');
      assert.equal(await page.evaluate(() => history.length), before);
      assert.deepEqual(await page.evaluate(() => window.__late), [], 'select fired after destroy');
    },
  },
  {
    name: "a link followed before a selection's entry is made: the link's entry stands, select still fires",
    page: 'index.html#3A',
    async run({ page }) {
      await settled(page, 'report');
      const before = await page.evaluate(() => history.length);
      await page.evaluate(() => {
        document.getElementById('report').shadowRoot.querySelector('[data-testid="area-row"][data-area="5B"] button').click();
        // A fragment navigation in the same task: its hashchange comes before the queued entry.
        location.hash = '#6D';
      });
      assert.equal(await shownArea(page, 'report', '6D'), '6D');
      assert.deepEqual(await selects(page, 'report', 1), ['5B']);
      await page.waitForTimeout(300);
      assert.equal(await hash(page), '#6D', 'the queued 5B entry was pushed after the link');
      assert.equal(await page.evaluate(() => history.length), before + 1);
      assert.equal(await shownArea(page, 'report', '6D'), '6D');
    },
  },
  {
    name: 'opened at #3A, 5B clicked, then a link to #3A: 3A is selected again',
    page: 'index.html#3A',
    async run({ page }) {
      await settled(page, 'report');
      assert.equal(await shownArea(page, 'report', '3A'), '3A');
      await pick(page, 'report', '5B');
      assert.equal(await shownArea(page, 'report', '5B'), '5B');
      assert.equal(await hash(page, '#5B'), '#5B');
      await followLink(page, '#3A');
      assert.equal(await shownArea(page, 'report', '3A'), '3A');
      // A link to the area already shown changes nothing and fires no select.
      await followLink(page, '#3A');
      assert.equal(await shownArea(page, 'report', '3A'), '3A');
      const selects = (await events(page, 'report')).filter((e) => e.type === 'select').map((e) => e.detail.area);
      assert.deepEqual(selects, ['5B'], 'only the reader\'s click is a select event');
    },
  },
  {
    name: 'Back and Forward walk through the areas selected, each selected again',
    page: 'index.html#3A',
    async run({ page }) {
      await settled(page, 'report');
      await pick(page, 'report', '5B');
      await shownArea(page, 'report', '5B');
      await hash(page, '#5B');
      await pick(page, 'report', '6D');
      assert.equal(await shownArea(page, 'report', '6D'), '6D');
      assert.equal(await hash(page, '#6D'), '#6D');
      await page.goBack();
      assert.equal(await hash(page), '#5B');
      assert.equal(await shownArea(page, 'report', '5B'), '5B');
      await page.goBack();
      assert.equal(await hash(page), '#3A');
      assert.equal(await shownArea(page, 'report', '3A'), '3A');
      await page.goForward();
      assert.equal(await shownArea(page, 'report', '5B'), '5B');
      // Clicking the area already in the hash adds no entry: one Back leaves 5B for 3A.
      await pick(page, 'report', '5B');
      await selects(page, 'report', 3);
      await page.goBack();
      assert.equal(await shownArea(page, 'report', '3A'), '3A');
    },
  },
  {
    name: 'deep-link added after connection follows the hash; removed, it stops',
    page: 'www/examples/area.html',
    async run({ page }) {
      await page.evaluate(() => {
        const el = document.createElement('grade-widget');
        el.id = 'late';
        el.setAttribute('src', '../data/metropolitan-2006.json');
        document.querySelector('main').append(el);
      });
      await settled(page, 'late');
      await page.evaluate(() => document.getElementById('late').setAttribute('deep-link', ''));
      await page.evaluate(() => { location.hash = '#6D'; });
      assert.equal(await shownArea(page, 'late', '6D'), '6D');
      await pick(page, 'late', '2A');
      assert.equal(await hash(page, '#2A'), '#2A');
      await page.goBack();
      assert.equal(await shownArea(page, 'late', '6D'), '6D');
      await page.evaluate(() => document.getElementById('late').removeAttribute('deep-link'));
      await page.evaluate(() => { location.hash = '#1B'; });
      await page.waitForTimeout(300);
      assert.equal(await shownArea(page, 'late', '6D'), '6D', 'followed the hash after deep-link was removed');
    },
  },
  {
    name: 'mount() with deepLink follows later hash changes; off or destroyed, it stops and unlistens',
    page: 'tests/e2e/pages/api.html',
    async run({ page, context }) {
      await page.waitForFunction(() => typeof window.api?.mount === 'function');
      const before = await hashListeners(context, page);
      await page.evaluate(async () => {
        window.widget = await window.api.mount(document.getElementById('api'), { report: window.api.report, deepLink: true });
      });
      assert.equal(await hashListeners(context, page), before + 2, 'hashchange and popstate listeners while deep linking');
      await page.evaluate(() => { location.hash = '#4B'; });
      assert.equal(await shownArea(page, 'api', '4B'), '4B');
      await followLink(page, '#3C');
      assert.equal(await shownArea(page, 'api', '3C'), '3C');
      await page.goBack();
      assert.equal(await shownArea(page, 'api', '4B'), '4B');

      await page.evaluate(() => window.widget.update({ deepLink: false }));
      assert.equal(await hashListeners(context, page), before, 'listeners left after deepLink: false');
      await page.evaluate(() => { location.hash = '#7A'; });
      await page.waitForTimeout(300);
      assert.equal(await shownArea(page, 'api', '7A'), '4B', 'followed the hash with deepLink off');

      await page.evaluate(() => window.widget.update({ deepLink: true }));
      assert.equal(await shownArea(page, 'api', '7A'), '7A', 'deepLink turned on reads the hash');
      await page.evaluate(() => window.widget.destroy());
      assert.equal(await hashListeners(context, page), before, 'listeners left after destroy()');
      await page.evaluate(() => { location.hash = '#1A'; });
      await page.waitForTimeout(200);
    },
  },
  ...DURING_LOAD.map(hashDuringLoad),
  ...SLUG_TESTS,
];
