// The no-JavaScript example (www/examples/no-js.html): markup printed by `grade-widget render`
// inside <grade-widget>. With JavaScript off the reader gets every grade, direction and national
// count from that markup; with JavaScript on the widget adopts those very nodes (hydration) and
// makes them interactive, and the page shows one widget, not two.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { areas, axe, events, held, live, ROOT, report, settled, takenOver } from './lib.mjs';

/** The words that mark this force's count in the "All forces" cell (src/i18n, nat_own). */
const OWN = '(this force)';

const MET = report('metropolitan-2006.json');
const ALL = areas(MET);
const PAGE = 'www/examples/no-js.html';
const squash = (s) => s.replace(/\s+/g, ' ').trim();
const cap = (w) => w[0].toUpperCase() + w.slice(1);
/** The national counts as the summary table writes them: poor, fair, good, excellent. */
const national = (a) => ['poor', 'fair', 'good', 'excellent'].map((g) => a.national[g]).join(', ');

/** Holds the report's response back until `release()`; `asked` resolves when the widget asks. */
async function holdReport(page) {
  let release, requested;
  const held = new Promise((done) => { release = done; });
  const asked = new Promise((done) => { requested = done; });
  await page.route('**/metropolitan-2006.json', async (route) => {
    requested();
    await held;
    await route.continue();
  });
  return { asked, release };
}

export const tests = [
  {
    name: 'with JavaScript off, the pre-rendered table shows every grade, direction and national count',
    page: PAGE,
    fullPage: true,
    async run({ context, url }) {
      // The runner's context has JavaScript on; this test needs its own.
      const off = await context.browser().newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
      try {
        const page = await off.newPage();
        await page.goto(url(PAGE));
        assert.equal(await page.locator('grade-widget').evaluate((el) => !!el.shadowRoot), false, 'no shadow root: the widget did not start');

        const rows = page.locator('grade-widget [data-testid="area-row"]');
        assert.equal(ALL.length, 23);
        assert.equal(await rows.count(), 23);
        assert.deepEqual(await rows.evaluateAll((r) => r.map((x) => x.dataset.area)), ALL.map((a) => a.id));
        for (const [i, area] of ALL.entries()) {
          const row = rows.nth(i);
          assert.ok(await row.isVisible(), `row ${area.id} hidden`);
          const said = squash(await row.innerText());
          // This force's count is said in words too (visually hidden text), once per graded row.
          assert.equal(said.split(OWN).length - 1, area.grade ? 1 : 0, `${area.id}: "${said}"`);
          const text = said.replace(/\s*\(this force\)\s*/, '');
          assert.ok(text.includes(area.title), `${area.id}: title missing in "${text}"`);
          assert.ok(text.includes(cap(area.grade)), `${area.id}: grade ${area.grade} missing in "${text}"`);
          if (area.direction) assert.ok(text.includes(cap(area.direction)), `${area.id}: direction ${area.direction} missing in "${text}"`);
          assert.ok(text.includes(national(area)), `${area.id}: national counts ${national(area)} missing in "${text}"`);
        }
        // The first row spelled out, so a change in wording shows here rather than only in a loop.
        assert.match(squash(await rows.first().innerText()), /^1A Fairness and Equality in Service Delivery ●●○○ Fair ▲ Improved 0, 15 \(this force\) ?, 28, 0$/);

        // The page's own stylesheet (written by --stylesheet) applies: the table is laid out,
        // not raw browser defaults.
        const collapse = await page.locator('grade-widget table').first().evaluate((t) => getComputedStyle(t).borderCollapse);
        assert.equal(collapse, 'collapse');
        // Controls that need script are quieted in the static copy (see src/prerender.rs, CONTAINER_RULE).
        assert.equal(await page.locator('grade-widget [data-testid="export-csv"]').count(), 1);
        assert.equal(await page.locator('grade-widget [data-testid="export-csv"]').isVisible(), false);
        await page.screenshot({ path: `${ROOT}test-results/nojs-javascript-off.png`, fullPage: true });

        // The container queries work on the light-DOM copy too: no sideways scrolling at 320 px.
        await page.setViewportSize({ width: 320, height: 800 });
        assert.equal(await rows.count(), 23);
        const wide = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(wide <= 320, `the page scrolls sideways at 320 px (${wide} px wide)`);
        await page.screenshot({ path: `${ROOT}test-results/nojs-javascript-off-320.png`, fullPage: true });
      } finally {
        await off.close();
      }
    },
  },
  {
    name: 'with JavaScript on, the widget hydrates the pre-rendered nodes: same nodes, now interactive',
    page: PAGE,
    async run({ page }) {
      // Before the page's scripts run (readyState "interactive" comes before module scripts), keep
      // hold of the pre-rendered rows so we can tell later whether they are the very same nodes.
      await page.addInitScript(() => {
        document.addEventListener('readystatechange', () => {
          if (document.readyState !== 'interactive') return;
          window.__static = [...document.querySelectorAll('#nojs [data-testid="area-row"]')];
        });
      });
      // No pointer left over the widget by an earlier step: one there at start counts as the
      // reader's approach.
      await page.mouse.move(0, 0);
      await page.reload();
      const loaded = await settled(page, 'nojs');
      assert.equal(loaded.type, 'load', JSON.stringify(loaded));
      // The report is read and the copy is its picture: it stays as it is, in the light tree,
      // until the reader reaches for it (issue 27: Yew's hydration is one long task).
      const held = await page.evaluate(() => {
        const host = document.getElementById('nojs');
        const copy = host.querySelector(':scope > .gw-container');
        return { light: !!copy, stamp: copy?.hasAttribute('data-gw-hydrate'), shadow: host.shadowRoot !== null };
      });
      assert.deepEqual(held, { light: true, stamp: true, shadow: false });
      // Hydrating on a hover moves nothing on screen: a shift that no click or key caused counts
      // in the page's Cumulative Layout Shift.
      await page.evaluate(() => {
        window.__shifts = [];
        new PerformanceObserver((list) => window.__shifts.push(...list.getEntries().map((e) => e.value))).observe({ type: 'layout-shift' });
      });
      await live(page, 'nojs');
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      assert.deepEqual(await page.evaluate(() => window.__shifts), [], 'layout shifts when the copy was taken over');
      const kept = await page.evaluate(() => {
        const host = document.getElementById('nojs');
        const live = [...host.shadowRoot.querySelectorAll('[data-testid="area-row"]')];
        return {
          before: window.__static.length,
          live: live.length,
          same: live.every((row, i) => row === window.__static[i]),
          // The container moved: nothing is left in the light tree, no stamp is left on it.
          lightCopies: host.querySelectorAll(':scope > .gw-container').length,
          stamp: host.shadowRoot.querySelector('.gw-container').hasAttribute('data-gw-hydrate'),
          // Yew's markers are consumed by hydration.
          comments: document.createNodeIterator(host.shadowRoot, NodeFilter.SHOW_COMMENT).nextNode() !== null,
        };
      });
      assert.deepEqual(kept, { before: 23, live: 23, same: true, lightCopies: 0, stamp: false, comments: false });
      assert.equal(await page.locator('[data-testid="widget"]').count(), 1, 'one widget, not a live one beside a static one');
      assert.equal(await page.locator('[data-testid="area-row"]').filter({ visible: true }).count(), 23);

      // In the summary view the area names are plain text, with script as without (issue 13) …
      assert.equal(await page.locator('#nojs [data-testid="area-row"] button, #nojs [data-testid="area-row"] a').count(), 0);
      // … and the adopted nodes respond: the CSV button, hidden in the static copy, now shows and
      // downloads the grades (selecting through adopted nodes: the full-view hydration tests).
      const csv = page.locator('#nojs [data-testid="export-csv"]');
      assert.ok(await csv.isVisible());
      const [download] = await Promise.all([page.waitForEvent('download'), csv.click()]);
      assert.match(download.suggestedFilename(), /metropolitan.*\.csv$/i);
      const text = readFileSync(await download.path(), 'utf8');
      assert.equal(text.trim().split('\n').length, 24, 'a header and 23 areas');
      assert.deepEqual(await axe(page, null), []);
    },
  },
  {
    name: 'while the report loads, the pre-rendered copy stays where it is (no loading box, no shadow root yet), and moves in once',
    page: PAGE,
    async run({ page }) {
      const { asked, release } = await holdReport(page);
      await page.reload();
      // The widget has started (it asked for the report) but leaves the copy in the light tree,
      // with no shadow root yet: attaching one, or moving the copy in, before the report arrives
      // cost a layout of the whole copy (src/embed/shadow.rs, prepare).
      await asked;
      const waiting = await page.evaluate(() => {
        const host = document.getElementById('nojs');
        const copy = host.querySelector(':scope > .gw-container');
        window.__copy = copy;
        return { light: !!copy, shadow: host.shadowRoot !== null, shown: copy?.checkVisibility() };
      });
      assert.deepEqual(waiting, { light: true, shadow: false, shown: true });
      assert.equal(await page.locator('#nojs [data-testid="loading"]').count(), 0);
      assert.equal(await page.locator('#nojs [data-testid="area-row"]').filter({ visible: true }).count(), 23);
      assert.equal(await events(page, 'nojs').then((e) => e.length), 0, 'settled before the report arrived');
      release();
      assert.equal((await settled(page, 'nojs')).type, 'load');
      await live(page, 'nojs');
      const after = await page.evaluate(() => {
        const host = document.getElementById('nojs');
        return {
          moved: host.shadowRoot.querySelector('.gw-container') === window.__copy,
          slots: host.shadowRoot.querySelectorAll('slot').length,
          lightCopies: host.querySelectorAll(':scope > .gw-container').length,
        };
      });
      assert.deepEqual(after, { moved: true, slots: 0, lightCopies: 0 });
    },
  },
  {
    name: 'focus on a link in the pre-rendered copy survives the move into the widget',
    page: PAGE,
    async run({ page }) {
      const { asked, release } = await holdReport(page);
      await page.reload();
      await asked;
      // Any focusable element of the copy will do; the reader tabbed to it while the report loaded.
      const tag = await page.evaluate(() => {
        const copy = document.querySelector('#nojs > .gw-container');
        const target = copy.querySelector('a[href], button, [tabindex]');
        target.focus();
        window.__focused = target;
        return document.activeElement === target ? target.tagName : null;
      });
      assert.ok(tag, 'the copy has something focusable');
      release();
      assert.equal((await settled(page, 'nojs')).type, 'load');
      const kept = await page.evaluate(() => {
        const host = document.getElementById('nojs');
        return { host: document.activeElement === host, inside: host.shadowRoot.activeElement === window.__focused };
      });
      assert.deepEqual(kept, { host: true, inside: true });
    },
  },
  {
    name: 'a stale pre-rendered copy (other fingerprint) is replaced, not hydrated',
    page: PAGE,
    async run({ page }) {
      // As if the report had been updated after the markup was rendered.
      await page.addInitScript(() => {
        document.addEventListener('readystatechange', () => {
          if (document.readyState !== 'interactive') return;
          const copy = document.querySelector('#nojs > .gw-container');
          copy.setAttribute('data-gw-hydrate', '0000000000000000');
          window.__static = [...copy.querySelectorAll('[data-testid="area-row"]')];
        });
      });
      await page.reload();
      assert.equal((await settled(page, 'nojs')).type, 'load');
      const rows = await page.evaluate(() => {
        const live = [...document.getElementById('nojs').shadowRoot.querySelectorAll('[data-testid="area-row"]')];
        return { live: live.length, reused: live.filter((r) => window.__static.includes(r)).length };
      });
      assert.deepEqual(rows, { live: 23, reused: 0 });
      assert.equal(await page.locator('[data-testid="widget"]').count(), 1);
    },
  },
  {
    name: 'when the report cannot be fetched, the error replaces the pre-rendered copy',
    page: PAGE,
    async run({ page }) {
      await page.route('**/metropolitan-2006.json', (route) => route.fulfill({ status: 404, body: 'gone' }));
      await page.reload();
      const failed = await settled(page, 'nojs');
      assert.equal(failed.type, 'error');
      assert.equal(failed.detail.type, 'http');
      await page.locator('#nojs [data-testid="error"]').waitFor();
      assert.equal(await page.locator('#nojs [data-testid="area-row"]').count(), 0);
    },
  },
];

// Every view and both languages hydrate, not only the summary of the example page: markup from
// the real `grade-widget render` (built by cargo if needed), served as a page of its own.
const VIEWS = [
  { name: 'full', args: [], attrs: '' },
  { name: 'full-cy', args: ['--lang', 'cy'], attrs: 'lang="cy"' },
  { name: 'area', args: ['--view', 'area', '--area', '3A'], attrs: 'view="area" area="3A"' },
  { name: 'badge', args: ['--view', 'badge', '--href', 'no-js.html'], attrs: 'view="badge" href="no-js.html"' },
  // The options that shape the markup are in its fingerprint: the element says the same.
  { name: 'summary-links', args: ['--view', 'summary', '--area-href', '/grades/{id}', '--heading-level', '3'], attrs: 'view="summary" area-href="/grades/{id}" heading-level="3"' },
];

function rendered(args) {
  return execFileSync('cargo', ['run', '--quiet', '--bin', 'grade-widget', '--', 'render', 'www/data/metropolitan-2006.json', ...args], { cwd: ROOT, encoding: 'utf8' });
}

for (const view of VIEWS) {
  tests.push({
    name: `hydration of the ${view.name} view keeps every node and wires it up`,
    page: PAGE,
    async run({ page, url }) {
      const markup = rendered(view.args);
      const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>hydrate ${view.name}</title>
        <script type="module" src="../../pkg/grade-widget.js"></script></head>
        <body><main><h1>Hydrated ${view.name} view</h1><h2>The grades</h2><grade-widget id="h" src="../data/metropolitan-2006.json" ${view.attrs}>${markup}</grade-widget></main></body></html>`;
      const address = url(`www/examples/__hydrate-${view.name}.html`);
      await page.route(address, (route) => route.fulfill({ contentType: 'text/html', body: html }));
      await page.addInitScript(() => {
        document.addEventListener('readystatechange', () => {
          if (document.readyState !== 'interactive') return;
          window.__static = [...document.querySelectorAll('#h .gw-container *')];
        });
      });
      await page.goto(address);
      const loaded = await settled(page, 'h');
      assert.equal(loaded.type, 'load', JSON.stringify(loaded));
      await live(page, 'h');
      const kept = await page.evaluate(() => {
        const live = [...document.getElementById('h').shadowRoot.querySelectorAll('.gw-container *')];
        return { before: window.__static.length, live: live.length, reused: live.filter((n) => window.__static.includes(n)).length };
      });
      assert.ok(kept.before > 20, `too little markup: ${JSON.stringify(kept)}`);
      // Every node the page parsed is still there and is the live widget's own.
      assert.equal(kept.reused, kept.before, JSON.stringify(kept));
      if (view.name.startsWith('full')) {
        await page.locator('#h [data-testid="area-row"][data-area="2A"] button').click();
        await page.locator('#h [data-testid="area-detail"][data-area="2A"]').waitFor();
        await page.locator('#h [data-testid="filter-grade"]').selectOption({ index: 1 });
        await page.waitForFunction(() => [...document.getElementById('h').shadowRoot.querySelectorAll('[data-testid="area-row"]')].filter((r) => r.checkVisibility()).length < 23);
        // A sort moves the adopted rows (one keyed list, issue 12): the first row is then 3A,
        // the first Excellent, and every area row is still a node the page parsed.
        await page.locator('#h [data-testid="filter-sort"]').selectOption('grade');
        await page.waitForFunction(() => document.getElementById('h').shadowRoot.querySelector('[data-testid="area-row"]').dataset.area === '3A');
        const moved = await page.evaluate(() => [...document.getElementById('h').shadowRoot.querySelectorAll('[data-testid="area-row"]')].filter((n) => !window.__static.includes(n)).length);
        // (The grade headings are new rows: the pre-rendered copy, sorted by area, has none.)
        assert.equal(moved, 0, 'area rows built again by the sort instead of moved');
      }
      if (view.name === 'summary-links') {
        assert.equal(await page.locator('#h a[data-testid="area-link"]').count(), 23);
        assert.equal(await page.locator('#h h3[data-testid="header-title"]').count(), 1);
      }
      if (view.name === 'badge') {
        const link = page.locator('#h a[href]');
        assert.equal(await link.getAttribute('href'), 'no-js.html');
      }
      assert.deepEqual(await axe(page, null), []);
    },
  });
}

// Issue 27: reading the report and hydrating the copy were one task (about 35 ms on this
// machine, 4x that on a slow phone). By default the copy now stays as it is after `load` until the
// reader reaches for it; `loading="eager"` hydrates it at once, in a task after the reading.
for (const { loading, seen } of [
  { loading: null, seen: [['load', true], ['next task', true]] },
  { loading: 'eager', seen: [['next task', true], ['load', false]] },
]) {
  tests.push({
    name: loading
      ? `with loading="${loading}", the report is read in one task and the copy hydrated in a later one, with load after it`
      : 'by default, load comes once the report is read, and the copy is hydrated only when the reader reaches for it',
    page: PAGE,
    async run({ page, url }) {
      // The copy's stylesheet linked, as hosts are told to: unstyled, the copy would be laid out
      // anew when the widget takes it over, and a click aimed at it could land elsewhere.
      const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>hydrate in a task of its own</title>
        <link rel="stylesheet" href="no-js.css"><script type="module" src="../../pkg/grade-widget.js"></script></head>
        <body><main><h1>Hydrated later</h1><grade-widget id="h" src="../data/metropolitan-2006.json" ${loading ? `loading="${loading}"` : ''}>${rendered([])}</grade-widget></main></body></html>`;
      const address = url('www/examples/__hydrate-task.html');
      await page.route(address, (route) => route.fulfill({ contentType: 'text/html', body: html }));
      await page.addInitScript(() => {
        const stamped = () => {
          const h = document.getElementById('h');
          return !!(h.querySelector('[data-gw-hydrate]') ?? h.shadowRoot?.querySelector('[data-gw-hydrate]'));
        };
        window.__seen = [];
        const parse = JSON.parse;
        JSON.parse = function (text, ...rest) {
          if (typeof text === 'string' && text.length > 100_000) {
            // The wasm reads the report right after this call, in the same task. A zero timeout
            // set now runs in the next task, before any the widget sets after it.
            setTimeout(() => window.__seen.push(['next task', stamped()]));
          }
          return parse.call(this, text, ...rest);
        };
        addEventListener('DOMContentLoaded', () => {
          document.getElementById('h').addEventListener('load', () => window.__seen.push(['load', stamped()]));
        });
      });
      await page.goto(address);
      assert.equal((await settled(page, 'h')).type, 'load');
      // The build before this change had hydrated the copy by the next task, `load` after it.
      await page.waitForFunction(() => window.__seen.length === 2);
      assert.deepEqual(await page.evaluate(() => window.__seen), seen);
      if (!loading) {
        // Nothing more happens on its own: still the copy a while later.
        await page.waitForTimeout(300);
        assert.ok(await held(page, 'h'), 'hydrated with no reader');
      }
      await page.evaluate(() => {
        window.__shifts = [];
        new PerformanceObserver((list) => window.__shifts.push(...list.getEntries().filter((e) => !e.hadRecentInput).map((e) => e.value))).observe({ type: 'layout-shift' });
      });
      // A click on the copy's row: for the held copy, the pointer's approach takes it over
      // first, or, should the click come before that, the widget shows the area's findings in
      // the copy itself (a glimpse, src/embed/glimpse.rs).
      await page.locator('#h [data-testid="area-row"][data-area="2A"] button').click();
      await page.locator('#h [data-testid="area-detail"][data-area="2A"]').waitFor();
      // Taken over on the pointer's arrival, before any click or key: nothing moved meanwhile.
      assert.deepEqual(await page.evaluate(() => window.__shifts), [], 'layout shifts with no input');
      if (!loading) {
        // The page then asks for the app: over a glimpse it draws the same picture afresh,
        // and nothing moves (no input to excuse a shift: the click is over 500 ms old).
        await page.waitForTimeout(600);
        await page.evaluate(() => document.getElementById('h').setAttribute('loading', 'eager'));
        await takenOver(page, 'h');
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        assert.deepEqual(await page.evaluate(() => window.__shifts), [], 'layout shifts when the app took over');
        assert.equal(await page.evaluate(() => document.getElementById('h').shadowRoot.querySelector('[data-testid="area-detail"]').dataset.area), '2A');
      }
      assert.equal(await held(page, 'h'), false);
    },
  });
}

tests.push({
  name: 'when the WebAssembly cannot load, the loader says so (in Welsh too) and the static table stays',
  page: PAGE,
  async run({ page, context }) {
    await context.route('**/grade_widget_bg.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
    for (const lang of ['en', 'cy']) {
      await page.addInitScript((lang) => {
        document.addEventListener('readystatechange', () => {
          if (document.readyState === 'interactive') document.getElementById('nojs').lang = lang;
        });
      }, lang);
      await page.reload();
      const failed = await settled(page, 'nojs');
      assert.equal(failed.type, 'error');
      assert.equal(failed.detail.type, 'wasm');
      // The same box as the widget's other errors: a heading in the reader's language, a plain
      // sentence, and the browser's reason (in English) in a collapsed <details>.
      const box = page.locator('#nojs [data-testid="error"]');
      const title = lang === 'cy' ? 'Nid oedd modd dangos yr adroddiad arolygu' : 'The inspection report could not be shown';
      assert.equal(await box.locator('[data-testid="error-title"]').innerText(), title, lang);
      assert.ok(failed.detail.message.startsWith('the grade widget could not start: '), failed.detail.message);
      await box.locator('summary').click();
      assert.equal(await box.locator('[data-testid="error-message"]').innerText(), failed.detail.message);
      // The pre-rendered copy shows through the slot below the note.
      assert.equal(await page.locator('#nojs [data-testid="area-row"]').filter({ visible: true }).count(), 23);
    }
  },
  // The browser logs the failed wasm compile; that is the failure under test.
  allowConsoleErrors: true,
});
