// Pre-rendered markup that a CMS sanitiser or an HTML minifier changed on the way to the page.
// Yew's hydration panics on markup it does not expect, and with `panic = "abort"` one such
// widget would stop every widget on the page ("the widget stopped because of an internal
// error"). Each case puts the changed markup of `grade-widget render` in one widget and a plain
// widget beside it: both must load, the changed one either hydrated (every node kept, every
// text and attribute put back) or drawn afresh (src/hydration/shape.rs says which).

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { axe, events, live, ROOT, settled } from './lib.mjs';

const PAGE = 'www/examples/two-widgets.html';

let cached;
/** The full view of the demo report, as `grade-widget render` prints it. */
function rendered() {
  cached ??= execFileSync('cargo', ['run', '--quiet', '--bin', 'grade-widget', '--', 'render', 'www/data/metropolitan-2006.json'], { cwd: ROOT, encoding: 'utf8' });
  return cached;
}

/** What sanitisers and minifiers do to markup, as text. */
const stripComments = (html) => html.replace(/<!--[\s\S]*?-->/g, '');
const collapseWhitespace = (html) => html.replace(/>\s+</g, '><').replace(/\s{2,}/g, ' ');
const prettyPrint = (html) => html.replace(/></g, '>\n  <');
const dropSvg = (html) => html.replace(/<svg[\s\S]*?<\/svg>/g, '');

/**
 * What they do to the parsed nodes, run in the page before the widget's module script starts
 * (the page is "interactive" then; module scripts run after): `data-*` attributes dropped
 * (optionally the container's stamps too), attributes reordered, empty text nodes dropped.
 */
function domChanges() {
  const copy = document.querySelector('#a > .gw-container');
  const change = window.__change;
  const all = [...copy.querySelectorAll('*')];
  if (change.dropData) {
    for (const el of change.dropStamps ? [copy, ...all] : all) {
      for (const name of el.getAttributeNames()) if (name.startsWith('data-')) el.removeAttribute(name);
    }
  }
  if (change.reorder) {
    for (const el of all) {
      const pairs = el.getAttributeNames().map((n) => [n, el.getAttribute(n)]);
      for (const [n] of pairs) el.removeAttribute(n);
      for (const [n, v] of pairs.reverse()) el.setAttribute(n, v);
    }
  }
  if (change.dropEmptyText) {
    const walker = document.createTreeWalker(copy, NodeFilter.SHOW_TEXT);
    const empty = [];
    while (walker.nextNode()) if (!walker.currentNode.data.trim()) empty.push(walker.currentNode);
    empty.forEach((t) => t.remove());
  }
}

const CASES = [
  { name: 'every HTML comment stripped (Yew\'s markers gone)', text: stripComments, hydrates: false },
  { name: 'comments stripped and whitespace collapsed, as an HTML minifier does', text: (h) => collapseWhitespace(stripComments(h)), hydrates: false },
  { name: 'whitespace between tags collapsed', text: collapseWhitespace, hydrates: true },
  { name: 'pretty-printed: a line break and indent between every two tags', text: prettyPrint, hydrates: true },
  { name: 'every <svg> removed, as sanitisers that refuse SVG do', text: dropSvg, hydrates: false },
  { name: 'data-* attributes dropped inside the markup', dom: { dropData: true }, hydrates: true },
  { name: 'every data-* attribute dropped, the container\'s stamps too', dom: { dropData: true, dropStamps: true }, hydrates: false },
  { name: 'attributes reordered and empty text nodes dropped', dom: { reorder: true, dropEmptyText: true }, hydrates: true },
];

/**
 * The words a reader gets from the HTML parts of a widget. Charts are left out: their marks are
 * one raw fragment that hydration keeps as the page parsed it, where whitespace between SVG
 * elements draws nothing.
 */
function readerText(id) {
  const root = document.getElementById(id).shadowRoot.querySelector('[data-testid="widget"]');
  return [...root.querySelectorAll('h2, h3, h4, p, caption, th, td, li, dt, dd, button, option, summary')]
    .filter((el) => !el.closest('svg'))
    .map((el) => {
      const copy = el.cloneNode(true);
      copy.querySelectorAll('svg').forEach((svg) => svg.remove());
      return copy.textContent.replace(/\s+/g, ' ').trim();
    });
}

export const tests = CASES.map((c) => ({
  name: `${c.name}: ${c.hydrates ? 'hydrated' : 'drawn afresh'}, and the widget beside it keeps working`,
  page: PAGE,
  async run({ page, url }) {
    const markup = c.text ? c.text(rendered()) : rendered();
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>sanitised markup</title>
      <script type="module" src="../../pkg/grade-widget.js"></script></head>
      <body><main><h1>Sanitised pre-rendered markup</h1>
      <grade-widget id="a" src="../data/metropolitan-2006.json">${markup}</grade-widget>
      <grade-widget id="b" src="../data/northshire-example-2006.json"></grade-widget></main></body></html>`;
    const address = url(`www/examples/__sanitised-${CASES.indexOf(c)}.html`);
    await page.route(address, (route) => route.fulfill({ contentType: 'text/html', body: html }));
    await page.addInitScript(({ change, domChanges }) => {
      window.__change = change;
      document.addEventListener('readystatechange', () => {
        if (document.readyState !== 'interactive') return;
        // eslint-disable-next-line no-new-func
        if (change) new Function(`(${domChanges})()`)();
        window.__static = [...document.querySelectorAll('#a > .gw-container *')];
      });
    }, { change: c.dom ?? null, domChanges: domChanges.toString() });
    await page.goto(address);
    for (const id of ['a', 'b']) {
      const e = await settled(page, id);
      assert.equal(e.type, 'load', `${id}: ${JSON.stringify(e.detail)}`);
      // A held copy is taken over when the reader comes to it.
      await live(page, id);
    }
    const all = await events(page);
    assert.deepEqual(all.filter((e) => e.type === 'error'), [], 'no widget failed (a panic fires "error" on every widget)');
    const state = await page.evaluate(() => {
      const host = document.getElementById('a');
      const live = [...host.shadowRoot.querySelectorAll('.gw-container *')];
      return {
        before: window.__static.length,
        live: live.length,
        reused: live.filter((n) => window.__static.includes(n)).length,
        roots: host.shadowRoot.querySelectorAll('[data-testid="widget"]').length,
        rows: host.shadowRoot.querySelectorAll('[data-testid="area-row"]').length,
        stamps: [...host.shadowRoot.querySelectorAll('.gw-container')].some((c) => c.hasAttribute('data-gw-shape')),
      };
    });
    assert.ok(state.before > 500, `too little markup: ${JSON.stringify(state)}`);
    assert.equal(state.roots, 1, `one widget root, not a live one beside a static one: ${JSON.stringify(state)}`);
    assert.equal(state.rows, 23, JSON.stringify(state));
    assert.equal(state.stamps, false);
    if (c.hydrates) {
      // Every element the page parsed became the live widget's own.
      assert.equal(state.reused, state.before, `not hydrated: ${JSON.stringify(state)}`);
    } else {
      assert.equal(state.reused, 0, `hydrated markup that was not intact: ${JSON.stringify(state)}`);
    }
    // Test ids (dropped by some sanitisers) are back, and both widgets respond.
    await page.locator('#a [data-testid="area-row"][data-area="3B"] button').click();
    await page.locator('#a [data-testid="area-detail"][data-area="3B"]').waitFor();
    await page.locator('#b [data-testid="area-row"] button').first().click();
    await page.locator('#b [data-testid="area-detail"]').waitFor();
    assert.deepEqual(await axe(page, null), []);
    // Hydrated or not, the reader gets exactly what a plain widget of the same report shows.
    await page.evaluate(() => {
      const el = document.createElement('grade-widget');
      el.id = 'c';
      el.setAttribute('src', '../data/metropolitan-2006.json');
      document.querySelector('main').append(el);
    });
    assert.equal((await settled(page, 'c')).type, 'load');
    await page.locator('#c [data-testid="area-row"][data-area="3B"] button').click();
    await page.locator('#c [data-testid="area-detail"][data-area="3B"]').waitFor();
    const [sanitised, plain] = await page.evaluate(([f]) => {
      const readerText = new Function(`return (${f})`)();
      return [readerText('a'), readerText('c')];
    }, [readerText.toString()]);
    assert.ok(plain.length > 100, `too little text: ${plain.length}`);
    assert.deepEqual(sanitised, plain);
  },
}));
