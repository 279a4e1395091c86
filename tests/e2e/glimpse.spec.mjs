// A glimpse (src/embed/glimpse.rs, issue 27): over a copy the widget holds (the report read, Yew
// not yet hydrating the copy), a tap on an area's row or card shows that area's findings at
// once, in the copy, drawn on their own; the copy is taken over only when the reader does
// something a glimpse cannot (a filter, a key), and the app then draws the same picture afresh.
// On a phone's touch screen (Chromium's mobile emulation), with real touch events: a tap there
// comes with no approach before it, and Blink holds the loader's timers back until the touch has
// become a click, so a takeover would make the tap wait for Yew's hydration.

import assert from 'node:assert/strict';
import { areas, axe, deepFocus, events, held, renderCopy, report, settled, takenOver } from './lib.mjs';

/** Where each test's page opens before it routes its own: no widget there, so no request of its own. */
const PAGE = 'www/data/metropolitan-2006.json';
const SHEET = '__glimpse.css';
const PHONE = { touch: true, viewport: { width: 412, height: 823 } };

/** The demo report's copy (`--shadow-root` when `shadow`): markup and sheet. */
const rendered = (shadow) => renderCopy(shadow ? ['--shadow-root', SHEET] : []);

/** Opens a page with `<grade-widget id="w" ATTRS>` over the copy, and waits for its `load`. */
async function open(t, name, { attrs = '', shadow = false } = {}) {
  const { page, url } = t;
  const { html: markup, css } = rendered(shadow);
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1"><title>glimpse ${name}</title>
    ${shadow ? '' : `<link rel="stylesheet" href="${SHEET}">`}
    <script type="module" src="../../pkg/grade-widget.js"></script></head>
    <body><main><h1>The grades</h1><grade-widget id="w" src="../data/metropolitan-2006.json"${attrs}>${markup}</grade-widget></main></body></html>`;
  const address = url(`www/examples/__glimpse-${name}.html`);
  await page.route(address, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.route(url(`www/examples/${SHEET}`), (route) => route.fulfill({ contentType: 'text/css', body: css }));
  await page.goto(address);
  const e = await settled(page, 'w');
  assert.equal(e.type, 'load', JSON.stringify(e.detail));
  assert.equal(await held(page, 'w'), true, 'the copy is held after load');
}

/** A finger on `selector`'s middle for 80 ms, then lifted: Chromium makes a click of it. */
async function tap(t, selector) {
  const { page, context } = t;
  const target = page.locator(selector);
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  const point = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const cdp = await context.newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point] });
  await page.waitForTimeout(80);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/**
 * A finger drawn slowly up the screen from `selector`'s middle, held still, then lifted: a
 * scroll, no click, and no fling (a tap during a fling only stops it, and makes no click).
 */
async function swipe(t, selector) {
  const { page, context } = t;
  const box = await page.locator(selector).boundingBox();
  const x = box.x + box.width / 2;
  const y = Math.min(box.y + box.height / 2, 700);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  for (let i = 1; i <= 10; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y - i * 30 }] });
    await page.waitForTimeout(20);
  }
  await page.waitForTimeout(200);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

const ROW = (id) => `#w [data-testid="area-row"][data-area="${id}"] button`;

/** A tap on area `id`'s row, then its findings shown (a glimpse, over a held copy). */
async function glimpse(t, id) {
  await tap(t, ROW(id));
  await t.page.locator(`#w [data-testid="area-detail"][data-area="${id}"]`).waitFor();
}
const CARD = (id) => `#w [data-testid="glance-item"][data-area="${id}"] button`;

/** The area whose findings the widget shows (in the copy or in the app), or null. */
const shown = (page) => page.evaluate(() => {
  const host = document.getElementById('w');
  return (host.shadowRoot ?? host).querySelector('[data-testid="area-detail"]')?.dataset.area ?? null;
});

/** The areas the reader selected, from the `select` events. */
const selects = async (page) => (await events(page, 'w')).filter((e) => e.type === 'select').map((e) => e.detail.area);

const AREAS = areas(report('metropolitan-2006.json'));
const title = (id) => AREAS.find((a) => a.id === id).title;
/** The areas graded excellent, which the grade filter leaves. */
const EXCELLENT = AREAS.filter((a) => a.grade === 'excellent').map((a) => a.id);

/**
 * The findings shown: their area, their text (their buttons' too, which the copy's sheet hides
 * until the app has taken it over: they need it), and where their heading is on screen. (In the
 * page it moves down when the table's download button shows at the takeover, and the browser's
 * scroll anchoring scrolls the page by as much.)
 */
const picture = (page) => page.evaluate(() => {
  const host = document.getElementById('w');
  const detail = (host.shadowRoot ?? host).querySelector('[data-testid="area-detail"]');
  const text = [...detail.querySelectorAll('h3, h4, h5, p, li, figcaption')].map((e) => e.textContent.replace(/\s+/g, ' ').trim());
  return { area: detail.dataset.area, text, top: Math.round(detail.querySelector('h3').getBoundingClientRect().top) };
});

export const tests = [
  ...[false, true].map((shadow) => ({
    name: `a tap on an area's row of a held copy${shadow ? ' (declarative shadow root)' : ''} shows its findings at once, in the copy: focus on them, the row marked, \`select\` once, and no takeover`,
    page: PAGE,
    options: PHONE,
    async run(t) {
      const { page } = t;
      await open(t, `row${shadow ? '-dsd' : ''}`, { shadow });
      // A finger scrolling through the widget needs no app: nothing is taken over.
      await swipe(t, '#w [data-testid="summary"]');
      await page.waitForTimeout(300);
      assert.equal(await held(page, 'w'), true, 'a scroll took the copy over');
      // What the tap's own frame shows (an animation frame asked for before the widget's).
      await page.evaluate(() => document.addEventListener('click', () => requestAnimationFrame(() => {
        const host = document.getElementById('w');
        const detail = (host.shadowRoot ?? host).querySelector('[data-testid="area-detail"]');
        window.__tapFrame = { area: detail.dataset.area ?? null, later: detail.dataset.text ?? null, text: !!detail.querySelector('.gw-detail__text'), screen: detail.getBoundingClientRect().height >= innerHeight };
      }), { capture: true, once: true }));
      await tap(t, ROW('3B'));
      await page.waitForFunction(() => {
        const host = document.getElementById('w');
        return (host.shadowRoot ?? host).querySelector('[data-testid="area-detail"][data-area="3B"] .gw-detail__text');
      });
      // The heading, grade and chart in the tap's frame; the text (nine screens, below the
      // fold) in a task after it, the panel a screen tall until then (AreaDetailProps::text).
      assert.deepEqual(await page.evaluate(() => window.__tapFrame), { area: '3B', later: 'later', text: false, screen: true });
      assert.equal(await page.locator('#w [data-testid="area-detail"]').getAttribute('data-text'), null);
      assert.deepEqual(await deepFocus(page), { tag: 'h3', text: `3B ${title('3B')}`, testid: 'area-detail', area: '3B' });
      assert.deepEqual(await selects(page), ['3B']);
      assert.equal(await page.locator('#w [data-testid="area-row"][data-area="3B"]').getAttribute('data-row'), 'selected');
      // The findings scrolled into view with their heading, as the app's focus does.
      const top = await page.evaluate(() => {
        const host = document.getElementById('w');
        return (host.shadowRoot ?? host).querySelector('[data-testid="area-detail"] h3').getBoundingClientRect().top;
      });
      assert.ok(top >= 0 && top < 823, `the heading is on screen (top ${top})`);
      await page.waitForTimeout(500);
      assert.equal(await held(page, 'w'), true, 'still the copy: nothing asked for the app');
      assert.deepEqual(await axe(page, '#w'), []);
    },
  })),
  {
    name: 'after a glimpse: another area from anywhere on its row, or from its card, replaces it; a finger scrolling takes nothing over, a tap on text does',
    page: PAGE,
    options: PHONE,
    async run(t) {
      const { page } = t;
      await open(t, 'card');
      await glimpse(t, '3B');
      // The app selects on a click anywhere on a row: so does a glimpse.
      await tap(t, '#w [data-testid="area-row"][data-area="1A"] td.gw-cell--nat');
      await page.locator('#w [data-testid="area-detail"][data-area="1A"]').waitFor();
      await tap(t, CARD('2A'));
      await page.locator('#w [data-testid="area-detail"][data-area="2A"]').waitFor();
      assert.equal(await page.locator('#w [data-testid="area-detail"]').count(), 1, 'one findings panel');
      assert.deepEqual(await selects(page), ['3B', '1A', '2A']);
      assert.equal((await deepFocus(page)).area, '2A');
      assert.deepEqual(await page.locator('#w [data-row="selected"]').evaluateAll((r) => r.map((x) => x.dataset.area)), ['2A']);
      await swipe(t, '#w [data-testid="summary"]');
      await page.waitForTimeout(500);
      assert.equal(await held(page, 'w'), true, 'a scroll is not a reason to draw the app');
      // A tap elsewhere is (the findings' download, hidden until then, needs the app).
      await tap(t, '#w [data-testid="area-detail"] .gw-sentence');
      await takenOver(page, 'w');
      assert.equal(await shown(page), '2A');
      assert.equal(await page.locator('#w [data-testid="area-detail"] [data-testid="export-svg"]').isVisible(), true);
      assert.deepEqual(await selects(page), ['3B', '1A', '2A'], 'the takeover is not a selection');
    },
  },
  {
    name: 'after a glimpse, the app takes the copy over (the page asks for it: loading="eager") with the same findings in the same place, and nothing on screen moves',
    page: PAGE,
    options: PHONE,
    async run(t) {
      const { page } = t;
      await open(t, 'eager');
      await glimpse(t, '3B');
      const before = await picture(page);
      // Past the 500 ms in which the tap would excuse a shift.
      await page.waitForTimeout(600);
      await page.evaluate(() => {
        window.__shifts = [];
        new PerformanceObserver((list) => window.__shifts.push(...list.getEntries().map((e) => e.value))).observe({ type: 'layout-shift' });
      });
      await page.evaluate(() => document.getElementById('w').setAttribute('loading', 'eager'));
      await takenOver(page, 'w');
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      assert.deepEqual(await page.evaluate(() => window.__shifts), [], 'layout shifts at the takeover');
      const after = await picture(page);
      assert.deepEqual({ ...after, top: 0 }, { ...before, top: 0 }, 'the same findings');
      // Within a pixel: scroll anchoring scrolls by whole pixels.
      assert.ok(Math.abs(after.top - before.top) <= 1, `where they were (${before.top} then ${after.top})`);
      assert.deepEqual(await deepFocus(page), { tag: 'h3', text: `3B ${title('3B')}`, testid: 'area-detail', area: '3B' }, 'focus stays on the findings');
      assert.deepEqual(await selects(page), ['3B'], 'the takeover is not a selection');
    },
  },
  {
    name: 'after a glimpse, a filter takes the copy over and is applied; the findings stay',
    page: PAGE,
    options: PHONE,
    async run(t) {
      const { page } = t;
      await open(t, 'filter');
      await glimpse(t, '3B');
      // Focus reaching the filter is what takes the copy over; the choice is made before it
      // has (in the same task), on the copy, and done again on the app's filter.
      const before = await page.evaluate(() => {
        const select = document.querySelector('#w [data-testid="filter-grade"]');
        select.focus();
        select.value = 'excellent';
        select.dispatchEvent(new Event('change', { bubbles: true }));
        return !!select.closest('[data-gw-hydrate]');
      });
      assert.equal(before, true, 'chosen on the copy');
      await takenOver(page, 'w');
      await page.waitForFunction((n) => document.getElementById('w').shadowRoot?.querySelectorAll('[data-testid="area-row"]:not([hidden])').length === n, EXCELLENT.length);
      assert.deepEqual(await page.locator('#w [data-testid="area-row"]').evaluateAll((r) => r.filter((x) => !x.hidden).map((x) => x.dataset.area)), EXCELLENT);
      assert.equal(await page.locator('#w [data-testid="filter-grade"]').inputValue(), 'excellent');
      assert.equal(await shown(page), '3B');
      assert.deepEqual(await selects(page), ['3B'], 'the takeover is not a selection');
    },
  },
  {
    name: 'after a glimpse, Tab takes the copy over and focus stays where the reader put it, without a scroll',
    page: PAGE,
    options: PHONE,
    async run(t) {
      const { page } = t;
      await open(t, 'tab');
      await glimpse(t, '3B');
      const scrolled = await page.evaluate(() => scrollY);
      // From the findings' heading to the next control: the first card at a glance (the
      // findings' own buttons need the app, and the copy's sheet hides them until then).
      await page.keyboard.press('Tab');
      const focused = await deepFocus(page);
      assert.deepEqual(focused, { tag: 'button', text: focused.text, testid: 'glance-item', area: '1A' });
      await takenOver(page, 'w');
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      assert.deepEqual(await deepFocus(page), focused);
      assert.equal(await page.evaluate(() => document.getElementById('w').shadowRoot.activeElement !== null), true, 'focus in the app');
      // Tab scrolled the card into view; the takeover scrolled nothing more.
      const now = await page.evaluate(() => scrollY);
      assert.ok(now >= scrolled, `scrolled back (from ${scrolled} to ${now})`);
      // The app's own "Back to 3B in the table" now shows and works.
      await page.locator('#w [data-testid="back-to-row"]').focus();
      await page.keyboard.press('Enter');
      assert.deepEqual(await deepFocus(page), { tag: 'button', text: title('3B'), testid: 'area-row', area: '3B' });
    },
  },
  {
    name: 'deep-link: a glimpse makes its history entry (#3B) after the frame that shows it, with `select`; Back takes the copy over and shows the area before',
    page: PAGE,
    options: PHONE,
    async run(t) {
      const { page } = t;
      await open(t, 'deeplink', { attrs: ' deep-link' });
      await tap(t, ROW('1A'));
      await page.waitForFunction(() => location.hash === '#1A');
      await tap(t, CARD('3B'));
      await page.waitForFunction(() => location.hash === '#3B');
      assert.deepEqual(await selects(page), ['1A', '3B']);
      assert.equal(await held(page, 'w'), true);
      await page.goBack();
      await page.waitForFunction(() => document.getElementById('w').shadowRoot?.querySelector('[data-testid="area-detail"][data-area="1A"]'));
      assert.equal(await held(page, 'w'), false);
    },
  },
  {
    name: 'a widget removed while it shows a glimpse goes quietly, and put back it draws afresh (its copy now holds the glimpse)',
    page: PAGE,
    options: PHONE,
    async run(t) {
      const { page } = t;
      await open(t, 'remove');
      await glimpse(t, '3B');
      await page.evaluate(() => {
        window.__w = document.getElementById('w');
        window.__w.remove();
      });
      await page.waitForTimeout(300);
      // Its copy now holds the glimpse, which Yew cannot hydrate: the widget draws afresh.
      await page.evaluate(() => document.querySelector('main').append(window.__w));
      await page.waitForFunction(() => window.__gw.events.filter((e) => e.id === 'w' && e.type === 'load').length === 2);
      await page.waitForFunction(() => document.getElementById('w').shadowRoot?.querySelectorAll('[data-testid="area-row"]').length === 23);
      assert.equal(await held(page, 'w'), false);
    },
  },
];
