// The README's steps 4 and 5 together, as written: the snippet `<grade-widget src=…>` with no
// `view`, `lang` or `heading-level`, and inside it the copy `grade-widget render` made with
// `--view summary` (or `--lang cy`, `--heading-level 3`, `--shadow-root`). The copy carries what
// it was rendered with (src/hydration/stamps.rs), the loader takes that up where the element is
// silent (www/loader/copy.js), so the widget adopts the copy's very nodes and shows what it
// showed. Where the element says otherwise it wins, draws afresh, and the console says so once.

import assert from 'node:assert/strict';
import { axe, live, renderCopy, settled } from './lib.mjs';

const PAGE = 'www/examples/two-widgets.html';
const SHEET = '__copyopts.css';

/** `grade-widget render report.json ARGS --stylesheet FILE`, as step 5 says: the markup and its sheet. */
const rendered = renderCopy;

/**
 * Serves and opens a page with step 4's snippet (`attrs` added to the element) around the copy,
 * or, given `mount` (mount()'s options as JS), the copy in a <div> that a script mounts a widget
 * in; notes the copy's nodes as the parser left them, waits for the widget to load and returns
 * what became of them, with the console's warnings.
 */
async function open(page, url, name, args, { attrs = '', mount } = {}) {
  const { html: markup, css } = rendered(args);
  const shadow = args.includes('--shadow-root');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>copy ${name}</title>
    ${shadow ? '' : `<link rel="stylesheet" href="${SHEET}">`}
    <script type="module" src="../../pkg/grade-widget.js"></script></head>
    <body><main><h1>The grades</h1><h2>Summary</h2>
    ${mount
    ? `<div id="w">${markup}</div></main><script type="module">
        import { mount } from '../../pkg/grade-widget.js';
        mount(document.getElementById('w'), ${mount});
      </script></body></html>`
    : `<grade-widget id="w" src="../data/metropolitan-2006.json"${attrs}>${markup}</grade-widget></main></body></html>`}`;
  const address = url(`www/examples/__copyopts-${name}.html`);
  await page.route(address, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.route(url(`www/examples/${SHEET}`), (route) => route.fulfill({ contentType: 'text/css', body: css }));
  const warnings = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('readystatechange', () => {
      if (document.readyState !== 'interactive') return;
      const host = document.getElementById('w');
      const root = host.shadowRoot ?? host;
      window.__static = [...root.querySelectorAll('.gw-container *')];
    });
  });
  await page.goto(address);
  const loaded = await settled(page, 'w');
  assert.equal(loaded.type, 'load', JSON.stringify(loaded));
  // A held copy is taken over when the reader comes to it.
  await live(page, 'w');
  const state = await page.evaluate(() => {
    const container = document.getElementById('w').shadowRoot.querySelector('.gw-container');
    const live = [...container.querySelectorAll('*')];
    const top = container.querySelector('[data-testid="header-title"]');
    return {
      before: window.__static.length,
      reused: live.filter((n) => window.__static.includes(n)).length,
      view: container.querySelector('[data-testid="widget"]')?.dataset.view,
      lang: container.getAttribute('lang'),
      heading: top?.localName,
      // The stamps describe the copy; once it is the widget's they go.
      stamps: container.getAttributeNames().filter((a) => a.startsWith('data-gw-')),
    };
  });
  return { state, warnings };
}

/** Every node the parser made is the live widget's own: the copy was adopted, not drawn again. */
function keptWhole(state) {
  assert.ok(state.before > 100, `too little markup: ${JSON.stringify(state)}`);
  assert.equal(state.reused, state.before, `nodes drawn again: ${JSON.stringify(state)}`);
  assert.deepEqual(state.stamps, []);
}

export const tests = [
  {
    name: 'step 5\'s --view summary copy under step 4\'s snippet (no view) is adopted, and stays the summary',
    page: PAGE,
    async run({ page, url }) {
      const { state, warnings } = await open(page, url, 'summary', ['--view', 'summary']);
      keptWhole(state);
      assert.equal(state.view, 'summary');
      assert.deepEqual(warnings, []);
      // The adopted summary is as accessible as a fresh one.
      assert.deepEqual(await axe(page, null), []);
    },
  },
  {
    name: 'a --lang cy copy in an English page, under an element without lang, is adopted in Welsh',
    page: PAGE,
    async run({ page, url }) {
      const { state, warnings } = await open(page, url, 'cy', ['--view', 'summary', '--lang', 'cy']);
      keptWhole(state);
      assert.deepEqual([state.view, state.lang], ['summary', 'cy']);
      assert.deepEqual(warnings, []);
    },
  },
  {
    name: 'a --heading-level 3 copy under an element without heading-level is adopted, its top heading an h3',
    page: PAGE,
    async run({ page, url }) {
      const { state, warnings } = await open(page, url, 'h3', ['--view', 'summary', '--heading-level', '3']);
      keptWhole(state);
      assert.deepEqual([state.view, state.heading], ['summary', 'h3']);
      assert.deepEqual(warnings, []);
    },
  },
  {
    name: 'a --shadow-root summary copy under an element without view is adopted where the parser put it',
    page: PAGE,
    async run({ page, url }) {
      const { state, warnings } = await open(page, url, 'dsd', ['--view', 'summary', '--shadow-root', SHEET]);
      keptWhole(state);
      assert.equal(state.view, 'summary');
      assert.deepEqual(warnings, []);
    },
  },
  {
    name: 'an element that says view="full" over a summary copy wins: the full view, drawn afresh, and one warning naming both',
    page: PAGE,
    async run({ page, url }) {
      const { state, warnings } = await open(page, url, 'full', ['--view', 'summary'], { attrs: ' view="full"' });
      assert.equal(state.view, 'full');
      assert.equal(state.reused, 0, JSON.stringify(state));
      assert.equal(await page.locator('#w [data-testid="area-row"]').count(), 23);
      assert.deepEqual(warnings, [
        'grade-widget: the pre-rendered copy was rendered with view="summary" but the element says view="full"; drawing view="full". Re-render the copy or remove the attribute.',
      ]);
    },
  },
  {
    name: 'mount() over a copy takes up the copy\'s options it is not given',
    page: PAGE,
    async run({ page, url }) {
      const args = ['--view', 'summary', '--heading-level', '3'];
      const { state, warnings } = await open(page, url, 'mount', args, { mount: "{ src: '../data/metropolitan-2006.json' }" });
      keptWhole(state);
      assert.deepEqual([state.view, state.heading], ['summary', 'h3']);
      assert.deepEqual(warnings, []);
    },
  },
  {
    name: 'mount() given another heading level than the copy\'s draws its own, and says so',
    page: PAGE,
    async run({ page, url }) {
      const args = ['--view', 'summary', '--heading-level', '3'];
      const { state, warnings } = await open(page, url, 'mount-h4', args, { mount: "{ src: '../data/metropolitan-2006.json', headingLevel: 4 }" });
      assert.deepEqual([state.view, state.heading, state.reused], ['summary', 'h4', 0]);
      assert.deepEqual(warnings, [
        'grade-widget: the pre-rendered copy was rendered with heading-level="3" but the element says heading-level="4"; drawing heading-level="4". Re-render the copy or remove the attribute.',
      ]);
    },
  },
];
