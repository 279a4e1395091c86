// Pre-rendered markup in a declarative shadow root (`grade-widget render --shadow-root URL`):
// the HTML parser builds the element's shadow root itself, with the copy in it under the
// stylesheet it links, and the widget hydrates the copy where it is (src/embed/shadow.rs,
// `prepare`). Checked: the copy without script, the very same nodes adopted with script, the
// same markup put in with innerHTML (an inert <template> the widget unpacks), markup a
// sanitiser stripped of its comments (drawn afresh, the widget beside it unharmed), and a wasm
// that never loads (the copy stays, under the loader's note).

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { axe, events, live, ROOT, settled } from './lib.mjs';

const PAGE = 'www/examples/two-widgets.html';
const SHEET = '__shadow-root.css';

let cached;
/** The full view of the demo report in a declarative shadow root, and its stylesheet. */
function rendered() {
  if (!cached) {
    const dir = mkdtempSync(join(tmpdir(), 'gw-dsd-'));
    try {
      const css = join(dir, 'widget.css');
      const html = execFileSync('cargo', ['run', '--quiet', '--bin', 'grade-widget', '--', 'render',
        'www/data/metropolitan-2006.json', '--shadow-root', SHEET, '--stylesheet', css], { cwd: ROOT, encoding: 'utf8' });
      cached = { html, css: readFileSync(css, 'utf8') };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return cached;
}

/** Serves a page with the copy in widget `a` (as `body` puts it) and a plain widget `b` beside it. */
async function serveCopy(page, url, name, { widget, script = '' }) {
  const { css } = rendered();
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>declarative shadow root</title>
    <script type="module" src="../../pkg/grade-widget.js"></script></head>
    <body><main><h1>Pre-rendered in a declarative shadow root</h1>
    ${widget}
    <grade-widget id="b" src="../data/northshire-example-2006.json"></grade-widget></main>${script}</body></html>`;
  const address = url(`www/examples/__dsd-${name}.html`);
  await page.route(address, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.route(url(`www/examples/${SHEET}`), (route) => route.fulfill({ contentType: 'text/css', body: css }));
  return address;
}

/** That page, opened, with both widgets loaded, and the nodes of `a`'s copy as the parser left them. */
async function open(page, url, name, options) {
  const address = await serveCopy(page, url, name, options);
  // The nodes as the parser left them, before any module script runs.
  await page.addInitScript(() => {
    document.addEventListener('readystatechange', () => {
      if (document.readyState !== 'interactive') return;
      const host = document.getElementById('a');
      const root = host.shadowRoot ?? host.querySelector(':scope > template')?.content;
      window.__container = root?.querySelector('.gw-container') ?? null;
      window.__static = root ? [...root.querySelectorAll('.gw-container *')] : [];
      window.__texts = [];
      window.__langSets = 0;
      if (window.__container) {
        const walk = document.createTreeWalker(window.__container, NodeFilter.SHOW_TEXT);
        while (walk.nextNode()) window.__texts.push(walk.currentNode);
        new MutationObserver((records) => { window.__langSets += records.length; })
          .observe(window.__container, { subtree: true, attributes: true, attributeFilter: ['lang'] });
      }
    });
  });
  await page.goto(address);
  for (const id of ['a', 'b']) {
    const e = await settled(page, id);
    assert.equal(e.type, 'load', `${id}: ${JSON.stringify(e.detail)}`);
    // A held copy is taken over when the reader comes to it.
    await live(page, id);
  }
  assert.deepEqual((await events(page)).filter((e) => e.type === 'error'), [], 'no widget failed');
}

/** Where the copy ended up, and how much of it the live widget is made of. */
const adopted = (page) => page.evaluate(() => {
  const host = document.getElementById('a');
  const container = host.shadowRoot.querySelector('.gw-container');
  const live = [...container.querySelectorAll('*')];
  const texts = [];
  const walk = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  while (walk.nextNode()) texts.push(walk.currentNode);
  return {
    before: window.__static.length,
    reused: live.filter((n) => window.__static.includes(n)).length,
    sameContainer: container === window.__container,
    inRoot: container.parentNode === host.shadowRoot,
    containers: host.shadowRoot.querySelectorAll('.gw-container').length,
    lightChildren: host.children.length,
    stamp: container.hasAttribute('data-gw-hydrate') || container.hasAttribute('data-gw-shape'),
    comments: document.createNodeIterator(container, NodeFilter.SHOW_COMMENT).nextNode() !== null,
    rows: container.querySelectorAll('[data-testid="area-row"]').length,
    // Each run of text is one text node in the components, as the parser makes it: hydration
    // inserted none and split none (either would lay the table out again).
    textsMade: texts.filter((t) => !window.__texts.includes(t)).length,
    // Nothing set `lang` anywhere in the copy: setting it, even to the value it has, restyles
    // everything under it (6.7 ms for the whole report on the demo page).
    langSets: window.__langSets,
  };
});

/** The adopted widget works: the CSV button shows, a row selects its area, axe-core is clean. */
async function works(page) {
  assert.ok(await page.locator('#a [data-testid="export-csv"]').isVisible(), 'the CSV button, hidden without script, shows');
  await page.locator('#a [data-testid="area-row"][data-area="3B"] button').click();
  await page.locator('#a [data-testid="area-detail"][data-area="3B"]').waitFor();
  await page.locator('#b [data-testid="area-row"] button').first().click();
  await page.locator('#b [data-testid="area-detail"]').waitFor();
  assert.deepEqual(await axe(page, null), []);
}

const WHOLE = { before: 0, reused: 0, sameContainer: true, inRoot: true, containers: 1, lightChildren: 0, stamp: false, comments: false, rows: 23, textsMade: 0, langSets: 0 };

/** Every element the parser made became the live widget's own, in place, and it works. */
async function hydratedWhole(page) {
  const state = await adopted(page);
  assert.ok(state.before > 500, `too little markup: ${JSON.stringify(state)}`);
  assert.deepEqual(state, { ...WHOLE, before: state.before, reused: state.before });
  await works(page);
}

export const tests = [
  {
    name: 'with JavaScript off, the parser builds the shadow root: every grade shows, styled, with the controls that need script hidden',
    page: PAGE,
    async run({ context, url }) {
      const off = await context.browser().newContext({ javaScriptEnabled: false, viewport: { width: 1000, height: 900 } });
      try {
        const page = await off.newPage();
        const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>no script</title></head>
          <body><main><h1>Without script</h1><grade-widget id="a" src="../data/metropolitan-2006.json">${rendered().html}</grade-widget></main></body></html>`;
        await page.route(url('www/examples/__dsd-off.html'), (route) => route.fulfill({ contentType: 'text/html', body: html }));
        await page.route(url(`www/examples/${SHEET}`), (route) => route.fulfill({ contentType: 'text/css', body: rendered().css }));
        await page.goto(url('www/examples/__dsd-off.html'));
        const state = await page.locator('#a').evaluate((host) => ({
          root: !!host.shadowRoot,
          template: host.querySelector('template') !== null,
          link: host.shadowRoot?.querySelector('link[rel="stylesheet"]')?.getAttribute('href'),
        }));
        assert.deepEqual(state, { root: true, template: false, link: SHEET });
        const rows = page.locator('#a [data-testid="area-row"]');
        assert.equal(await rows.count(), 23);
        assert.equal(await rows.filter({ visible: true }).count(), 23);
        assert.match((await rows.first().innerText()).replace(/\s+/g, ' '), /1A Fairness and Equality in Service Delivery/);
        // The linked sheet applies inside the root: the widget's layout, not browser defaults.
        assert.equal(await page.locator('#a table').first().evaluate((t) => getComputedStyle(t).borderCollapse), 'collapse');
        assert.equal(await page.locator('#a [data-testid="export-csv"]').count(), 1);
        assert.equal(await page.locator('#a [data-testid="export-csv"]').isVisible(), false);
        const wide = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(wide <= 1000, `the page scrolls sideways at 1,000 px (${wide} px wide)`);
        await page.screenshot({ path: `${ROOT}test-results/shadowroot-javascript-off.png`, fullPage: true });
      } finally {
        await off.close();
      }
    },
  },
  {
    name: 'with JavaScript on, the widget hydrates the copy in its declarative shadow root where it is: same nodes, nothing moved',
    page: PAGE,
    async run({ page, url }) {
      await open(page, url, 'on', { widget: `<grade-widget id="a" src="../data/metropolitan-2006.json">${rendered().html}</grade-widget>` });
      await hydratedWhole(page);
    },
  },
  {
    name: 'the same markup put in with innerHTML (an inert <template>) is unpacked into the shadow root and hydrated',
    page: PAGE,
    async run({ page, url }) {
      // A classic script runs before the module loader: the template is there, inert, when the
      // widget starts, as when a CMS inserts the snippet from script.
      const markup = JSON.stringify(rendered().html).replace(/</g, '\\u003c');
      await open(page, url, 'inner', {
        widget: '<grade-widget id="a" src="../data/metropolitan-2006.json"></grade-widget>',
        script: `<script>document.getElementById('a').innerHTML = ${markup};</script>`,
      });
      await hydratedWhole(page);
    },
  },
  {
    name: 'a declarative copy stripped of its comments is drawn afresh, and the widget beside it keeps working',
    page: PAGE,
    async run({ page, url }) {
      const stripped = rendered().html.replace(/<!--[\s\S]*?-->/g, '');
      await open(page, url, 'stripped', { widget: `<grade-widget id="a" src="../data/metropolitan-2006.json">${stripped}</grade-widget>` });
      const state = await adopted(page);
      assert.ok(state.before > 500, `too little markup: ${JSON.stringify(state)}`);
      assert.ok(state.textsMade > 500, `drawn afresh, so its text is new: ${state.textsMade}`);
      assert.deepEqual(state, { ...WHOLE, before: state.before, reused: 0, textsMade: state.textsMade });
      await works(page);
    },
  },
  ...[['declarative', ''], ['inert <template> put in with innerHTML', 'inner']].map(([how, inner]) => ({
    name: `when the wasm cannot load, the copy (${how}) stays in the shadow root, with the note above it`,
    page: PAGE,
    async run({ page, url }) {
      await page.route('**/grade_widget_bg.wasm', (r) => r.fulfill({ status: 404, body: 'gone' }));
      const markup = JSON.stringify(rendered().html).replace(/</g, '\\u003c');
      await page.goto(await serveCopy(page, url, `nowasm${inner}`, inner
        ? { widget: '<grade-widget id="a" src="../data/metropolitan-2006.json"></grade-widget>', script: `<script>document.getElementById('a').innerHTML = ${markup};</script>` }
        : { widget: `<grade-widget id="a" src="../data/metropolitan-2006.json">${rendered().html}</grade-widget>` }));
      for (const id of ['a', 'b']) {
        const e = await settled(page, id);
        assert.equal(e.type, 'error', id);
        assert.equal(e.detail.type, 'wasm', id);
      }
      const state = await page.locator('#a').evaluate((host) => ({
        first: host.shadowRoot.firstElementChild?.querySelector('[data-testid="error"]') !== null,
        containers: host.shadowRoot.querySelectorAll('.gw-container').length,
        rows: host.shadowRoot.querySelectorAll('.gw-container [data-testid="area-row"]').length,
        lightChildren: host.children.length,
      }));
      assert.deepEqual(state, { first: true, containers: 1, rows: 23, lightChildren: 0 });
      // Still shown, and still styled by its own sheet: the note's sheet does not reach it.
      assert.equal(await page.locator('#a [data-testid="area-row"]').filter({ visible: true }).count(), 23);
      assert.equal(await page.locator('#a table').first().evaluate((t) => getComputedStyle(t).borderCollapse), 'collapse');
      assert.equal(await page.locator('#a [data-testid="error"] [data-testid="error-title"]').innerText(), 'The inspection report could not be shown');
      // The plain widget beside it, which had no copy, shows the note alone.
      assert.equal(await page.locator('#b [data-testid="error"]').count(), 1);
      assert.deepEqual(await axe(page, '#a'), []);
    },
    // The browser logs the failed wasm request; that is the failure under test.
    allowConsoleErrors: true,
  })),
  {
    name: 'removed and put back, a widget that hydrated a declarative copy draws afresh in the same shadow root',
    page: PAGE,
    async run({ page, url }) {
      await open(page, url, 'again', { widget: `<grade-widget id="a" src="../data/metropolitan-2006.json">${rendered().html}</grade-widget>` });
      // Out for a task (a move within one task keeps the widget), then back: destroy, mount.
      await page.evaluate(async () => {
        window.__gw.events.length = 0;
        const host = document.getElementById('a');
        window.__root = host.shadowRoot;
        const parent = host.parentNode;
        host.remove();
        await new Promise((done) => setTimeout(done, 0));
        parent.prepend(host);
      });
      assert.equal((await settled(page, 'a')).type, 'load');
      const state = await page.evaluate(() => {
        const host = document.getElementById('a');
        return {
          sameRoot: host.shadowRoot === window.__root,
          containers: host.shadowRoot.querySelectorAll('.gw-container').length,
          rows: host.shadowRoot.querySelectorAll('[data-testid="area-row"]').length,
        };
      });
      assert.deepEqual(state, { sameRoot: true, containers: 1, rows: 23 });
      await works(page);
    },
  },
];
