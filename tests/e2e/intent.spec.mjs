// A page with a pre-rendered copy (`grade-widget render`) is readable before the app runs, and
// the reader may use it meanwhile (issue 27). What they do on the copy before the app has taken
// over is done again once it has (www/loader/intent.js, `keep`): a click on an area's button
// selects that area, a filter changed filters the rows, with the default loading and with
// `loading="interaction"`, in the light DOM and in a declarative shadow root. And with
// `loading="interaction"` the loader fetches nothing (no glue, no wasm, no report) until the
// reader reaches for the widget: a pointer over it, focus, or a deep link. The wasm is held
// back by a route where "before the app has started" must be certain (as prefetch.spec.mjs does).

import assert from 'node:assert/strict';
import { areas, deepFocus, events, held, renderCopy, report, settled, takenOver } from './lib.mjs';

/** Where each test's page opens before it routes its own: no widget there, so no request of its own. */
const PAGE = 'www/data/metropolitan-2006.json';
const SHEET = '__intent.css';

/** The demo report's copy (`--shadow-root` when `shadow`): markup and sheet. */
const rendered = (shadow) => renderCopy(shadow ? ['--shadow-root', SHEET] : []);

/**
 * Serves and opens a page with `<grade-widget id="w" ATTRS>` around the copy (in a declarative
 * shadow root when `shadow`), after `hash`. Returns every request the page made, by path.
 */
async function open(t, name, { attrs = '', shadow = false, hash = '', before = '', mount = false } = {}) {
  const { page, url } = t;
  const { html: markup, css } = rendered(shadow);
  // `mount`: the copy in a <div> that a script mounts a widget in, with mount()'s options.
  const widget = mount
    ? `<div id="w">${markup}</div><script type="module">
        import { mount } from '../../pkg/grade-widget.js';
        mount(document.getElementById('w'), { src: '../data/metropolitan-2006.json' });
      </script>`
    : `<grade-widget id="w" src="../data/metropolitan-2006.json"${attrs}>${markup}</grade-widget>`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>intent ${name}</title>
    ${shadow ? '' : `<link rel="stylesheet" href="${SHEET}">`}
    <script type="module" src="../../pkg/grade-widget.js"></script></head>
    <body><main><h1>The grades</h1>${before}
    ${widget}</main></body></html>`;
  const address = url(`www/examples/__intent-${name}.html`);
  await page.route(address, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.route(url(`www/examples/${SHEET}`), (route) => route.fulfill({ contentType: 'text/css', body: css }));
  const asked = [];
  page.on('request', (r) => asked.push(new URL(r.url()).pathname));
  await page.goto(address + hash);
  return asked;
}

/** Holds every response for `pattern` back until `release()`; `asked` counts the requests. */
async function hold(page, pattern) {
  let release;
  const held = new Promise((done) => { release = done; });
  const state = { asked: 0, release };
  await page.route(pattern, async (route) => {
    state.asked++;
    await held;
    await route.continue().catch(() => {});
  });
  return state;
}

/** Waits until `fn()` is true, polling; fails with `what` after `ms`. */
async function until(fn, what, ms = 10_000) {
  const end = Date.now() + ms;
  while (!fn()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 20));
  }
}

/** What the loader fetches to start the widget: glue, wasm, report. */
const starting = (asked) => asked.filter((p) => /grade_widget(_bg\.wasm|\.js)$|\.json$/.test(p));

/** The widget has loaded, without an error. */
async function loaded(page) {
  const e = await settled(page, 'w');
  assert.equal(e.type, 'load', JSON.stringify(e.detail));
}

/** After `open`: loaded, and a while later still the copy as the page put it (no reader yet). */
async function heldAfterLoad(t, name) {
  await open(t, name);
  await loaded(t.page);
  await t.page.waitForTimeout(200);
  assert.equal(await held(t.page, 'w'), true, 'taken over with no reader');
}

/** The areas the reader selected, from the `select` events. */
const selects = async (page) => (await events(page, 'w')).filter((e) => e.type === 'select').map((e) => e.detail.area);

/** The area now selected (the detail shown), or null. */
const selected = (page) => page.evaluate(() => {
  const host = document.getElementById('w');
  return (host.shadowRoot ?? host).querySelector('[data-testid="area-detail"][data-area]')?.dataset.area ?? null;
});

/** The areas of the rows shown (a filter hides the others), in order. */
const rows = (page) => page.locator('#w [data-testid="area-row"]').evaluateAll((r) => r.filter((x) => !x.hidden).map((x) => x.dataset.area));

/** The areas graded excellent, which the grade filter leaves. */
const EXCELLENT = areas(report('metropolitan-2006.json')).filter((a) => a.grade === 'excellent').map((a) => a.id);

/**
 * Which areas are marked chosen: the rows with `data-row="selected"`, and the areas of the
 * buttons (a row's, a card's) with `aria-current`, in page order.
 */
const marked = (page) => page.evaluate(() => {
  const root = document.getElementById('w').shadowRoot?.querySelector('[data-testid="widget"]') ? document.getElementById('w').shadowRoot : document.getElementById('w');
  return {
    rows: [...root.querySelectorAll('[data-row="selected"]')].map((r) => r.dataset.area),
    buttons: [...root.querySelectorAll('button[aria-current]')].map((b) => `${b.closest('[data-area]').dataset.testid}:${b.closest('[data-area]').dataset.area}`),
  };
});

/** Area `id` marked chosen as the app marks it: its row, its row's button and its card's button. */
const only = (id) => ({ rows: [id], buttons: [`area-row:${id}`, `glance-item:${id}`] });

/**
 * A click on area 3B's row button before the app has started (the wasm held back) marks the
 * row chosen at once, and selects the area once the app runs.
 */
async function clickBeforeStart(t, name, options) {
  const { page } = t;
  const wasm = await hold(page, '**/grade_widget_bg.wasm');
  await open(t, name, options);
  assert.deepEqual(await marked(page), { rows: [], buttons: [] }, 'the copy as drawn: nothing chosen');
  await page.locator('#w [data-testid="area-row"][data-area="3B"] button').click();
  await until(() => wasm.asked > 0, 'the wasm request');
  assert.equal(await selected(page), null, 'no findings in the copy before the app runs');
  assert.deepEqual(await marked(page), only('3B'), 'the row is marked chosen at once');
  assert.deepEqual(await events(page, 'w'), [], 'the app has not started');
  wasm.release();
  await loaded(page);
  await page.waitForFunction(() => document.querySelector('#w').shadowRoot?.querySelector('[data-testid="area-detail"][data-area="3B"]'));
  assert.equal(await selected(page), '3B');
  assert.deepEqual(await marked(page), only('3B'));
  assert.deepEqual(await selects(page), ['3B'], 'selected once');
}

/** A filter changed before the app has started (the wasm held back) filters the rows after. */
async function filterBeforeStart(t, name, options) {
  const { page } = t;
  const wasm = await hold(page, '**/grade_widget_bg.wasm');
  await open(t, name, options);
  // As a keyboard user does: focus the select, then choose.
  await page.locator('#w [data-testid="filter-grade"]').focus();
  await page.locator('#w [data-testid="filter-grade"]').selectOption('excellent');
  await until(() => wasm.asked > 0, 'the wasm request');
  assert.equal((await rows(page)).length, 23, 'the copy does not filter by itself');
  wasm.release();
  await loaded(page);
  await page.waitForFunction(() => document.querySelector('#w').shadowRoot?.querySelectorAll('[data-testid="area-row"]:not([hidden])').length === 3);
  assert.deepEqual(await rows(page), EXCELLENT);
  assert.equal(await page.locator('#w [data-testid="filter-grade"]').inputValue(), 'excellent');
  assert.match(await page.locator('#w [data-testid="shown"]').innerText(), /^3 of 23 areas shown/);
}

export const tests = [
  {
    name: 'default loading: after load the copy is held; a click on a row with no pointer or key before it (as a screen reader clicks) shows the area\'s findings at once, in the held copy (a glimpse), selected once',
    page: PAGE,
    async run(t) {
      const { page } = t;
      await heldAfterLoad(t, 'held-click');
      await page.evaluate(() => document.querySelector('#w [data-testid="area-row"][data-area="3B"] button').click());
      await page.waitForFunction(() => document.querySelector('#w [data-testid="area-detail"][data-area="3B"]'));
      assert.equal(await held(page, 'w'), true, 'a glimpse, not a takeover');
      assert.deepEqual(await deepFocus(page), { tag: 'h3', text: '3B Tackling Serious and Organised Criminality', testid: 'area-detail', area: '3B' }, 'focus on the findings, as the app moves it');
      assert.deepEqual(await selects(page), ['3B'], 'selected once');
    },
  },
  {
    // The pointer's approach asks for the takeover after the next frame; a quick mouse presses
    // before that and releases after. The takeover moves a light copy into the shadow root,
    // and Blink makes no click of a press whose target left the document meanwhile: the
    // takeover waits for the button to come up, and the click then gets its glimpse.
    name: 'default loading: a mouse that comes and presses on an area before the takeover it asked for, and releases after, still selects that area',
    page: PAGE,
    async run(t) {
      const { page } = t;
      await heldAfterLoad(t, 'held-press');
      const button = page.locator('#w [data-testid="area-row"][data-area="2A"] button');
      await button.scrollIntoViewIfNeeded();
      const box = await button.boundingBox();
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      // Long enough for the approach's frame and task (the takeover, were it not held back).
      await page.waitForTimeout(300);
      await page.mouse.up();
      await page.waitForFunction(() => {
        const host = document.getElementById('w');
        return (host.shadowRoot ?? host).querySelector('[data-testid="area-detail"][data-area="2A"]');
      }, null, { timeout: 5000 });
      assert.deepEqual(await selects(page), ['2A'], 'selected once');
      // The glimpse answered the click; the pointer moving on takes the copy over, with 2A.
      await page.mouse.move(box.x + 2, box.y + box.height + 30, { steps: 3 });
      await takenOver(page, 'w');
      assert.equal(await page.evaluate(() => document.getElementById('w').shadowRoot.querySelector('[data-testid="area-detail"]').dataset.area), '2A');
    },
  },
  ...[false, true].map((shadow) => ({
    name: `default loading${shadow ? ', declarative shadow root' : ''}: Tab into the held copy takes it over, focus stays where the reader put it, and Enter works`,
    page: PAGE,
    async run(t) {
      const { page } = t;
      await open(t, `held-tab${shadow ? '-dsd' : ''}`, { shadow });
      await loaded(page);
      assert.equal(await held(page, 'w'), true);
      await page.keyboard.press('Tab');
      const before = await deepFocus(page);
      await takenOver(page, 'w');
      assert.deepEqual(await deepFocus(page), before, 'focus moved by the takeover');
      // On to the first area's button, through the copy's controls, now the app's.
      for (let i = 0; i < 10 && (await deepFocus(page)).testid !== 'area-row'; i++) await page.keyboard.press('Tab');
      const row = await deepFocus(page);
      assert.equal(row.testid, 'area-row', JSON.stringify(row));
      await page.keyboard.press('Enter');
      await page.waitForFunction((id) => document.querySelector('#w').shadowRoot.querySelector(`[data-testid="area-detail"][data-area="${id}"]`), row.area);
    },
  })),
  {
    name: 'default loading: the held copy is taken over when the page sets loading="eager"',
    page: PAGE,
    async run(t) {
      const { page } = t;
      await open(t, 'held-eager');
      await loaded(page);
      assert.equal(await held(page, 'w'), true);
      await page.evaluate(() => document.getElementById('w').setAttribute('loading', 'eager'));
      await takenOver(page, 'w');
      assert.equal(await page.locator('#w [data-testid="area-row"]').count(), 23);
    },
  },
  {
    name: 'loading="interaction" over a copy fetches no glue, wasm or report until a pointer comes over the widget, then starts',
    page: PAGE,
    async run(t) {
      const { page } = t;
      const asked = await open(t, 'idle', { attrs: ' loading="interaction"' });
      await page.waitForLoadState('load');
      // Long enough for an eager widget to have asked for all three (it does within ~100 ms).
      await page.waitForTimeout(1500);
      assert.deepEqual(starting(asked), [], 'nothing fetched before the reader shows intent');
      assert.equal(await page.locator('#w [data-testid="area-row"]').count(), 23, 'the copy is shown meanwhile');
      assert.deepEqual(await events(page, 'w'), []);
      await page.locator('#w [data-testid="header-title"]').hover();
      await loaded(page);
      assert.deepEqual(starting(asked).map((p) => p.split('/').pop()).sort(), ['grade_widget.js', 'grade_widget_bg.wasm', 'metropolitan-2006.json']);
    },
  },
  {
    name: 'loading="interaction": focus reaching the copy by keyboard starts the widget',
    page: PAGE,
    async run(t) {
      const { page } = t;
      const asked = await open(t, 'focus', { attrs: ' loading="interaction"' });
      await page.waitForTimeout(500);
      assert.deepEqual(starting(asked), []);
      await page.keyboard.press('Tab');
      await loaded(page);
      assert.equal(starting(asked).length, 3, starting(asked).join(', '));
    },
  },
  {
    name: 'loading="interaction" with deep-link: a #3B at load starts the widget at once, even off screen, and selects 3B; a later #3A is followed',
    page: PAGE,
    async run(t) {
      const { page } = t;
      const asked = await open(t, 'deep', { attrs: ' loading="interaction" deep-link', hash: '#3B', before: '<div style="height: 4000px"></div>' });
      await loaded(page);
      assert.equal(starting(asked).length, 3, starting(asked).join(', '));
      await page.waitForFunction(() => document.querySelector('#w').shadowRoot?.querySelector('[data-testid="area-detail"][data-area="3B"]'));
      await page.evaluate(() => { location.hash = '#3A'; });
      await page.waitForFunction(() => document.querySelector('#w').shadowRoot?.querySelector('[data-testid="area-detail"][data-area="3A"]'));
    },
  },
  {
    name: 'loading="interaction" with deep-link: a hash change before the widget started starts it and selects that area',
    page: PAGE,
    async run(t) {
      const { page } = t;
      const asked = await open(t, 'hashchange', { attrs: ' loading="interaction" deep-link' });
      await page.waitForTimeout(500);
      assert.deepEqual(starting(asked), []);
      await page.evaluate(() => { location.hash = '#3A'; });
      await loaded(page);
      await page.waitForFunction(() => document.querySelector('#w').shadowRoot?.querySelector('[data-testid="area-detail"][data-area="3A"]'));
    },
  },
  {
    name: 'loading="interaction": a click on an area row\'s button before the app has started selects that area once it runs',
    page: PAGE,
    run: (t) => clickBeforeStart(t, 'click', { attrs: ' loading="interaction"' }),
  },
  {
    name: 'loading="interaction": a filter changed before the app has started filters the rows once it runs',
    page: PAGE,
    run: (t) => filterBeforeStart(t, 'filter', { attrs: ' loading="interaction"' }),
  },
  {
    name: 'default loading: a click on an area row\'s button while the wasm loads selects that area once it runs',
    page: PAGE,
    run: (t) => clickBeforeStart(t, 'eager-click'),
  },
  {
    name: 'default loading: a filter changed while the wasm loads filters the rows once it runs',
    page: PAGE,
    run: (t) => filterBeforeStart(t, 'eager-filter'),
  },
  {
    name: 'default loading: two areas chosen while the wasm loads (a row, then a card) move the mark at once, and are both done, in order, once it runs',
    page: PAGE,
    async run(t) {
      const { page } = t;
      const wasm = await hold(page, '**/grade_widget_bg.wasm');
      await open(t, 'eager-two');
      await page.locator('#w [data-testid="area-row"][data-area="3B"] button').click();
      assert.deepEqual(await marked(page), only('3B'));
      await page.locator('#w [data-testid="glance-item"][data-area="2A"] button').click();
      assert.deepEqual(await marked(page), only('2A'), 'the mark moves with the reader');
      await until(() => wasm.asked > 0, 'the wasm request');
      wasm.release();
      await loaded(page);
      await page.waitForFunction(() => document.querySelector('#w').shadowRoot?.querySelector('[data-testid="area-detail"][data-area="2A"]'));
      assert.deepEqual(await marked(page), only('2A'));
      assert.deepEqual(await selects(page), ['3B', '2A']);
    },
  },
  {
    name: 'default loading: when the wasm cannot load, an area chosen on the copy is no longer marked (nothing will show its findings)',
    page: PAGE,
    async run(t) {
      const { page } = t;
      // The wasm's request waits until the click is in, then fails.
      let fail;
      const clicked = new Promise((done) => { fail = done; });
      await page.route('**/grade_widget_bg.wasm', async (route) => {
        await clicked;
        await route.abort();
      });
      await open(t, 'eager-fail');
      await page.locator('#w [data-testid="area-row"][data-area="3B"] button').click();
      assert.deepEqual(await marked(page), only('3B'));
      fail();
      const e = await settled(page, 'w');
      assert.equal(e.type, 'error');
      assert.deepEqual(await marked(page), { rows: [], buttons: [] }, 'the copy as it was drawn');
    },
  },
  {
    name: 'mount() over a copy: a click on an area row\'s button while the wasm loads selects that area once it runs',
    page: PAGE,
    run: (t) => clickBeforeStart(t, 'mount-click', { mount: true }),
  },
  {
    name: 'declarative shadow root, loading="interaction": a filter changed and a row clicked before the app started are both done after',
    page: PAGE,
    async run(t) {
      const { page } = t;
      const wasm = await hold(page, '**/grade_widget_bg.wasm');
      const asked = await open(t, 'dsd', { attrs: ' loading="interaction"', shadow: true });
      await page.waitForTimeout(500);
      assert.deepEqual(starting(asked), [], 'nothing fetched before the reader shows intent');
      await page.locator('#w [data-testid="filter-grade"]').focus();
      await page.locator('#w [data-testid="filter-grade"]').selectOption('excellent');
      await page.locator(`#w [data-testid="area-row"][data-area="${EXCELLENT.at(-1)}"] button`).click();
      await until(() => wasm.asked > 0, 'the wasm request');
      assert.equal(await selected(page), null);
      wasm.release();
      await loaded(page);
      await page.waitForFunction((id) => document.querySelector('#w').shadowRoot.querySelector(`[data-testid="area-detail"][data-area="${id}"]`), EXCELLENT.at(-1));
      assert.equal(await selected(page), EXCELLENT.at(-1));
      assert.deepEqual(await rows(page), EXCELLENT);
      assert.equal(await page.locator('#w [data-testid="filter-grade"]').inputValue(), 'excellent');
    },
  },
  {
    name: 'loading="interaction" without a copy waits as lazy does: it starts when near the viewport',
    page: PAGE,
    async run(t) {
      const { page, url } = t;
      const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>no copy</title>
        <script type="module" src="../../pkg/grade-widget.js"></script></head><body><main><h1>No copy</h1>
        <div style="height: 3000px"></div>
        <grade-widget id="w" src="../data/metropolitan-2006.json" loading="interaction"></grade-widget></main></body></html>`;
      await page.route(url('www/examples/__intent-nocopy.html'), (route) => route.fulfill({ contentType: 'text/html', body: html }));
      const asked = [];
      page.on('request', (r) => asked.push(new URL(r.url()).pathname));
      await page.goto(url('www/examples/__intent-nocopy.html'));
      await page.waitForTimeout(800);
      assert.deepEqual(starting(asked), [], 'off screen: nothing fetched');
      await page.locator('#w').scrollIntoViewIfNeeded();
      await loaded(page);
    },
  },
];
