// Hostile report content (issue 6): every string of www/data/hostile-content.json is shown as
// literal text, nothing in it runs or becomes an element or attribute, the layout stays inside
// each widget at 1280 and 320 px, axe finds nothing; absurd reports are refused with a message
// quickly, without freezing the page.

import assert from 'node:assert/strict';
import { axe, inWidget, report, settled } from './lib.mjs';

const PAGE = 'www/examples/hostile-content.html';
const HOSTILE = report('hostile-content.json');
const AREA = HOSTILE.domains[0].areas[0];

/** Every string the full view shows for area 1A selected, as the report gives it. */
function shownStrings(r) {
  const a = r.domains[0].areas[0];
  const texts = (section) => (section ?? []).flatMap((g) => [g.heading, ...g.blocks.map((b) => b.text)]);
  return [
    r.force, r.title, r.period,
    ...r.domains.flatMap((d) => [d.title, ...d.areas.map((x) => x.title)]),
    ...texts(a.national_context), ...texts(a.context), ...texts(a.strengths),
    ...texts(a.work_in_progress), ...texts(a.areas_for_improvement),
    ...a.good_practice.flatMap((g) => [g.title, ...g.body.map((b) => b.text), g.contact]),
  ].filter((s) => typeof s === 'string');
}

/** Fails the test on any dialog (alert, confirm, prompt, beforeunload). */
function noDialogs(page) {
  const opened = [];
  page.on('dialog', async (d) => {
    opened.push(`${d.type()}: ${d.message()}`);
    await d.dismiss().catch(() => {});
  });
  return opened;
}

/** Inside a widget's shadow root: elements, attributes and URLs that report text must never make. */
function unexpectedMarkup(page, id) {
  return page.evaluate((id) => {
    const root = document.getElementById(id).shadowRoot;
    const found = [];
    for (const el of root.querySelectorAll('script, img, iframe, object, embed, frame, style, link, base, meta, form, input')) {
      found.push(`<${el.localName}>`);
    }
    for (const el of root.querySelectorAll('*')) {
      for (const { name, value } of el.attributes) {
        if (name.startsWith('on') || name === 'style' || name === 'srcdoc') found.push(`<${el.localName} ${name}>`);
        if (['href', 'src', 'xlink:href', 'action', 'formaction'].includes(name) && /^\s*(javascript|vbscript|data):/i.test(value)) {
          found.push(`<${el.localName} ${name}="${value.slice(0, 40)}">`);
        }
      }
    }
    return found;
  }, id);
}

/**
 * Horizontal overflow: of the document, of each widget's host, and of any element in a widget
 * beyond its host's right edge (unless a scrolling or clipping ancestor inside the widget holds it).
 */
function overflow(page, ids) {
  return page.evaluate((ids) => {
    const out = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth + 1) out.push(`document: ${doc.scrollWidth} > ${doc.clientWidth}`);
    for (const id of ids) {
      const host = document.getElementById(id);
      if (host.scrollWidth > host.clientWidth + 1) out.push(`#${id}: ${host.scrollWidth} > ${host.clientWidth}`);
      const right = host.getBoundingClientRect().right;
      for (const el of host.shadowRoot.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.right <= right + 1) continue;
        let clipped = false;
        for (let p = el.parentElement; p; p = p.parentElement) {
          if (getComputedStyle(p).overflowX !== 'visible') clipped = true;
        }
        if (!clipped) out.push(`#${id} <${el.localName} class="${el.getAttribute('class') ?? ''}">: right ${Math.round(r.right)} > ${Math.round(right)}`);
        if (out.length > 10) return out;
      }
    }
    return out;
  }, ids);
}

// Alone (run.mjs): a check here times the main thread, which another test beside it would slow.
export const serial = true;

export const tests = [
  {
    name: 'every hostile string is shown as text; nothing runs, no element or attribute is made from it',
    page: PAGE,
    fullPage: true,
    async run({ page }) {
      const dialogs = noDialogs(page);
      for (const id of ['hostile-src', 'hostile-big']) {
        const e = await settled(page, id);
        assert.equal(e.type, 'load', `${id}: ${JSON.stringify(e.detail).slice(0, 300)}`);
      }
      const text = await page.evaluate(() => document.getElementById('hostile-src').shadowRoot.textContent);
      const strings = shownStrings(HOSTILE);
      assert.ok(strings.length > 20, `${strings.length} strings`);
      for (const s of strings) assert.ok(text.includes(s), `not shown as text: ${JSON.stringify(s.slice(0, 80))}`);
      // The 1 MB strings, whole.
      const big = await page.evaluate(() => {
        const t = document.getElementById('hostile-big').shadowRoot.textContent;
        return { word: t.includes('W'.repeat(1024 * 1024)), paragraph: t.includes('<script>alert(1)</script> words <b>bold?</b>'), length: t.length };
      });
      assert.ok(big.word && big.paragraph && big.length > 2 * 1024 * 1024, JSON.stringify(big));
      for (const id of ['hostile-src', 'hostile-big']) assert.deepEqual(await unexpectedMarkup(page, id), [], id);
      // Nothing was injected into the page either.
      assert.equal(await page.locator('img, iframe, object, embed').count(), 0);
      // The badge link is the only URL a host can set; report text never becomes a link.
      assert.equal(await page.locator('#hostile-src a[href]').count(), 0);
      // Interacting with the hostile rows and their charts runs nothing either.
      await inWidget(page, 'hostile-src', 'area-row').nth(1).locator('button').click();
      await page.locator('#hostile-src [data-testid="area-detail"][data-area="1B"]').waitFor();
      await page.locator('#hostile-src [data-testid="area-detail"] h3, #hostile-src [data-testid="area-detail"] h2').first().hover().catch(() => {});
      // Glossary meanings become <abbr title> text (an attribute value, not markup): 1B's
      // strengths name MPS and ACPO.
      const titles = await page.evaluate(() => [...document.getElementById('hostile-src').shadowRoot.querySelectorAll('abbr[title]')].map((a) => [a.textContent, a.title]));
      for (const { abbr, meaning } of HOSTILE.glossary) {
        assert.ok(titles.some(([t, m]) => t === abbr && m === meaning), `<abbr title> for ${abbr}: ${JSON.stringify(titles)}`);
      }
      assert.deepEqual(await unexpectedMarkup(page, 'hostile-src'), []);
      await page.waitForTimeout(200);
      assert.deepEqual(dialogs, []);
      assert.equal(await page.evaluate(() => document.title), 'Hostile report content: grade-widget example');
    },
  },
  {
    name: 'the layout stays inside each widget at 1280 and 320 px',
    page: PAGE,
    async run({ page }) {
      const ids = ['hostile-src', 'hostile-big'];
      for (const id of ids) assert.equal((await settled(page, id)).type, 'load');
      for (const width of [1280, 320]) {
        await page.setViewportSize({ width, height: 900 });
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        assert.deepEqual(await overflow(page, ids), [], `at ${width} px`);
      }
      await page.locator('#hostile-src').screenshot({ path: 'test-results/hostile-320.png' });
    },
  },
  {
    name: 'absurd reports are refused with a clear message, without freezing the page',
    page: PAGE,
    async run({ page }) {
      // Long tasks (main thread blocked over 50 ms), from before the page's scripts run.
      await page.evaluate(() => {
        window.__long = [];
        new PerformanceObserver((l) => window.__long.push(...l.getEntries().map((e) => e.duration))).observe({ type: 'longtask', buffered: true });
      });
      const cases = [
        ['absurd-areas', 'schema', /^areas: 10000 areas; the limit is 1000$|10,?000 areas/],
        ['absurd-negative', 'schema', /^domains\[0\]\.areas\[0\]\.national\.poor: /],
        ['absurd-huge', 'schema', /^forces_assessed: /],
        ['absurd-string', 'schema', /^force: /],
        ['absurd-size-widget', 'size', null],
      ];
      for (const [id, type, problem] of cases) {
        const e = await settled(page, id);
        assert.equal(e.type, 'error', id);
        assert.equal(e.detail.type, type, `${id}: ${e.detail.message}`);
        if (problem) {
          const shown = e.detail.problems.map((p) => `${p.path}: ${p.message}`);
          assert.ok(shown.some((p) => problem.test(p)), `${id}: ${JSON.stringify(shown.slice(0, 5))}`);
          assert.ok(e.detail.problems.length <= 1001, `${id}: ${e.detail.problems.length} problems`);
        } else {
          assert.match(e.detail.message, /is too large: the limit is 8 MiB$/);
        }
        // The message is in the widget, and the page is still there to read it.
        await inWidget(page, id, 'error').waitFor();
        assert.equal(await inWidget(page, id, 'retry').count(), 0, `${id}: nothing to retry for a bad report`);
      }
      // Still responsive: a frame comes promptly, and nothing blocked the page for seconds.
      const frame = await page.evaluate(() => new Promise((r) => { const t = performance.now(); requestAnimationFrame(() => r(performance.now() - t)); }));
      assert.ok(frame < 1000, `next frame after ${frame} ms`);
      const longest = await page.evaluate(() => Math.max(0, ...window.__long));
      assert.ok(longest < 3000, `the main thread was blocked for ${longest} ms`);
      for (const id of cases.map((c) => c[0])) assert.deepEqual(await unexpectedMarkup(page, id), [], id);
    },
  },
  {
    name: 'axe finds no violations in the hostile and refused widgets',
    page: PAGE,
    async run({ page }) {
      for (const id of ['hostile-src', 'absurd-areas', 'absurd-size-widget']) await settled(page, id);
      for (const id of ['hostile-src', 'absurd-areas', 'absurd-negative', 'absurd-size-widget']) {
        assert.deepEqual(await axe(page, `#${id}`), [], id);
      }
      // The 1 MB widget too, on its own (axe reads every text node).
      await settled(page, 'hostile-big');
      assert.deepEqual(await axe(page, '#hostile-big'), [], 'hostile-big');
    },
  },
];

// The report must keep its hostile strings, or the test proves nothing.
assert.ok(AREA.title.startsWith('javascript:') && HOSTILE.force.includes('<script>'), 'hostile-content.json still hostile');
