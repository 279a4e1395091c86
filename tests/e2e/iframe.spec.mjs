// The iframe embed (issue 28): the release's embed.html on its own origin (the second server,
// tests/e2e/dist.mjs), framed by /iframe-host.html on the first. Without the host script the
// host page's policy allows no script at all; with it, only the release's host script.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { layoutProblems, textSpacing } from './access.spec.mjs';
import { embedEdit, manifest } from './dist.mjs';
import { areas, deepFocus, overflow, report, ROOT } from './lib.mjs';

const MET = 'src=/reports/metropolitan-2006.json';
const AXE = readFileSync(`${ROOT}node_modules/axe-core/axe.min.js`, 'utf8');
const ALL = areas(report('metropolitan-2006.json'));

/** The host page's address: `frames` as { id, query, attrs }, the host script with `script`. */
function host(url, frames, { script = false, hash = '', lang } = {}) {
  const q = new URLSearchParams({ frames: JSON.stringify(frames) });
  if (script) q.set('script', '');
  if (lang) q.set('lang', lang);
  return url(`iframe-host.html?${q}${hash}`);
}

/** Polls `check` (async, returns truthy when done) until it holds; fails with `what` after `ms`. */
async function until(check, what, ms = 10_000) {
  const end = Date.now() + ms;
  let last;
  while (Date.now() < end) {
    last = await check();
    if (last) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The frame named `id`, once its widget shows a report (all 23 rows) or an error. */
async function shown(page, id, rows = 23) {
  const frame = await until(() => page.frame({ name: id }), `frame ${id}`);
  await frame.waitForFunction((rows) => {
    const root = document.getElementById('widget')?.shadowRoot;
    return root?.querySelectorAll('[data-testid="area-row"]').length === rows || root?.querySelector('[data-testid="error"]');
  }, rows, { timeout: 20_000 });
  return frame;
}

/** The <iframe>'s height on the host page and its content's height inside, in CSS pixels. */
async function heights(page, id) {
  const outer = await page.locator(`#${id}`).evaluate((f) => f.getBoundingClientRect().height);
  const inner = await page.frame({ name: id }).evaluate(() => ({
    content: document.documentElement.getBoundingClientRect().height,
    scrolls: document.documentElement.scrollHeight > document.documentElement.clientHeight,
  }));
  return { outer, ...inner };
}

/**
 * Waits until frame `id` is as tall as its content (within 3 px) and returns the heights. The
 * frame is scrolled into view first, as a reader would: Chromium throttles the rendering of
 * frames far outside the viewport (no layout, no ResizeObserver), so one below a tall frame
 * may take its height only when it nears the viewport.
 */
async function fitted(page, id) {
  await page.locator(`#${id}`).scrollIntoViewIfNeeded();
  return until(async () => {
    const h = await heights(page, id);
    return Math.abs(h.outer - h.content) <= 3 && !h.scrolls ? h : null;
  }, `frame ${id} to fit its content`);
}

/** The recorded CustomEvents on the host page for the iframe `id` (lib.mjs's recorder). */
function hostEvents(page, id) {
  return page.evaluate((id) => window.__gw.events.filter((e) => e.id === id), id);
}

/**
 * axe-core on the host page and inside its frames, as one page (a frame's content is part of the
 * page that frames it: the host's h1 is the page's). Both policies refuse script tags, so the
 * source is evaluated in each frame; axe tests frames on other origins only when told to.
 * Returns the violations and whether any checked node was inside a frame.
 */
async function axeWithFrames(page) {
  for (const frame of page.frames()) {
    await frame.evaluate(AXE);
    await frame.evaluate(() => window.axe.configure({ allowedOrigins: ['<unsafe_all_origins>'] }));
  }
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return {
      violations: result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}; ${JSON.stringify(v.nodes[0]?.target)}`),
      framed: result.passes.some((p) => p.nodes.some((n) => n.target.length > 1)),
    };
  });
}

/** Selects an area in a frame's full view, as a reader does, and waits for its findings. */
async function selectIn(page, id, area) {
  const frame = page.frameLocator(`#${id}`);
  await frame.locator(`[data-testid="area-row"][data-area="${area}"] button`).click();
  await frame.locator(`[data-testid="area-detail"][data-area="${area}"]`).waitFor();
}

export const tests = [
  {
    name: 'a host page that allows no script frames embed.html from another origin: the report, axe clean, no errors',
    page: 'iframe-host.html',
    async run({ page, url }) {
      await page.goto(host(url, [{ id: 'a', query: MET }]));
      const frame = await shown(page, 'a');
      assert.equal(await frame.locator('[data-testid="area-row"]').count(), 23);
      // The title follows the widget's `load`, which comes once the last rows are drawn (a
      // fresh full view is drawn in slices, issue 27): wait for it rather than for the rows.
      await frame.waitForFunction(() => document.title !== 'Inspection grades', null, { timeout: 10_000 }).catch(() => {});
      assert.equal(await frame.evaluate(() => document.title), 'Metropolitan Police Service: inspection grades');
      assert.equal(await frame.evaluate(() => document.documentElement.lang), 'en');
      // No host script: the snippet's fixed height holds and the report scrolls inside the frame.
      const h = await heights(page, 'a');
      assert.equal(h.outer, 300);
      assert.ok(h.scrolls && h.content > 300, JSON.stringify(h));
      // The frame's own strict policy (a meta tag) was enough: nothing was refused, here or there.
      assert.deepEqual(await frame.evaluate(() => window.__gw?.csp ?? []), []);
      assert.deepEqual(await page.evaluate(() => window.__gw.csp), []);
      const checked = await axeWithFrames(page);
      assert.deepEqual(checked.violations, []);
      assert.ok(checked.framed, 'axe checked inside the frame');
      // The widget fills the frame's width.
      const widths = await frame.evaluate(() => [document.getElementById('widget').getBoundingClientRect().width, innerWidth]);
      assert.equal(widths[0], widths[1]);
    },
  },
  {
    name: 'with the host script the frame takes its content height after load, a selection, a filter and a resize; select reaches the iframe',
    page: 'iframe-host.html',
    async run({ page, url }) {
      await page.goto(host(url, [{ id: 'a', query: `${MET}&view=full` }], { script: true }));
      await shown(page, 'a');
      const first = await fitted(page, 'a');
      assert.ok(first.outer > 300, `grew from the snippet's 300 px: ${JSON.stringify(first)}`);
      const loaded = (await hostEvents(page, 'a')).filter((e) => e.type === 'load');
      assert.deepEqual(loaded.map((e) => e.detail), [{ force: 'Metropolitan Police Service', areas: 23 }]);
      await selectIn(page, 'a', '7A');
      const after = await fitted(page, 'a');
      assert.notEqual(Math.round(after.outer), Math.round(first.outer), 'the findings changed the height');
      const selected = await until(async () => (await hostEvents(page, 'a')).filter((e) => e.type === 'select'), 'select on the iframe');
      assert.deepEqual(selected.map((e) => e.detail), [{ area: '7A' }]);
      // A filter: three areas instead of 23, a much shorter table.
      await page.frameLocator('#a').getByTestId('filter-grade').selectOption('excellent');
      const filtered = await fitted(page, 'a');
      assert.ok(filtered.outer < after.outer - 300, `shorter after the filter: ${filtered.outer} < ${after.outer}`);
      await page.frameLocator('#a').getByTestId('filter-grade').selectOption('');
      await fitted(page, 'a');
      // A narrower window: the content reflows and the frame follows.
      await page.setViewportSize({ width: 500, height: 900 });
      const narrow = await fitted(page, 'a');
      assert.ok(narrow.outer > after.outer, `taller when narrower: ${narrow.outer} > ${after.outer}`);
    },
  },
  {
    name: 'forged messages from another origin, another frame or a frame navigated away change nothing',
    page: 'iframe-host.html',
    async run({ page, url, dist }) {
      await page.goto(host(url, [{ id: 'a', query: `${MET}&view=summary` }], { script: true }));
      await shown(page, 'a');
      const before = await fitted(page, 'a');
      const forge = (data) => ({ widget: 'grade-widget', frame: 'a', ...data });
      const forged = [forge({ type: 'height', height: 42 }), forge({ type: 'select', detail: { area: '1A' } })];
      // The host page's own window, then a frame on the host's origin and a frame on the embed's.
      await page.evaluate((msgs) => msgs.forEach((m) => window.postMessage(m, '*')), forged);
      const others = { other: url('www/data/northshire-example-2006.md'), same: `${dist.url}cors/README.md` };
      for (const [name, src] of Object.entries(others)) {
        await page.evaluate(({ name, src }) => {
          const f = document.createElement('iframe');
          f.name = name;
          f.title = name;
          f.src = src;
          document.body.append(f);
          return new Promise((done) => { f.onload = done; });
        }, { name, src });
        await page.frame({ name }).evaluate((msgs) => msgs.forEach((m) => parent.postMessage(m, '*')), forged);
      }
      await page.waitForTimeout(300);
      assert.equal((await heights(page, 'a')).outer, before.outer);
      assert.deepEqual((await hostEvents(page, 'a')).filter((e) => e.type === 'select'), []);
      // Frame "a" sent somewhere else: its window's messages no longer come from the embed's origin.
      await page.frame({ name: 'a' }).evaluate((to) => { location.href = to; }, url('www/data/northshire-example-2006.md'));
      const moved = await until(async () => {
        const f = page.frame({ name: 'a' });
        return f && f.url().startsWith(url('')) ? f : null;
      }, 'frame a to move');
      await moved.waitForLoadState();
      await moved.evaluate((msgs) => msgs.forEach((m) => parent.postMessage(m, '*')), forged);
      await page.waitForTimeout(300);
      assert.equal((await heights(page, 'a')).outer, before.outer);
      assert.deepEqual((await hostEvents(page, 'a')).filter((e) => e.type === 'select'), []);
    },
  },
  {
    name: 'a src on a foreign origin is refused with a message in each language and an error event',
    page: 'iframe-host.html',
    async run({ page, url, cross }) {
      const foreign = `${cross}with-cors.json`;
      await page.goto(host(url, [
        { id: 'en', query: `src=${encodeURIComponent(foreign)}` },
        { id: 'cy', query: `src=${encodeURIComponent(foreign)}&lang=cy` },
      ], { script: true }));
      for (const [id, words] of [['en', /This report cannot be shown here/], ['cy', /Nid oes modd dangos yr adroddiad hwn yma/]]) {
        const frame = await until(() => page.frame({ name: id }), `frame ${id}`);
        const box = frame.getByTestId('refused');
        await box.waitFor();
        assert.match(await box.innerText(), words);
        assert.ok((await box.innerText()).includes(foreign), 'names the address refused');
        assert.equal(await frame.locator('grade-widget').count(), 0, 'no widget, no request for the report');
        assert.equal(await frame.evaluate(() => document.documentElement.lang), id);
        const errors = await until(async () => (await hostEvents(page, id)).filter((e) => e.type === 'error'), `error on ${id}`);
        assert.equal(errors[0].detail.type, 'src');
        await fitted(page, id);
      }
    },
  },
  {
    name: 'an origin added to embed.html\'s connect-src is allowed',
    page: 'iframe-host.html',
    async run({ page, url, cross }) {
      const origin = new URL(cross).origin;
      // The web team's edit: one origin more in the policy at the top of embed.html.
      embedEdit.origins = [origin];
      await page.goto(host(url, [{ id: 'a', query: `src=${encodeURIComponent(`${cross}with-cors.json`)}`, variant: 'edited' }]));
      const frame = await until(() => page.frame({ name: 'a' }), 'frame a');
      await frame.waitForFunction(() => document.getElementById('widget')?.shadowRoot?.querySelector('[data-testid="area-row"]'), null, { timeout: 20_000 });
      await frame.waitForFunction(() => document.title.startsWith('Northshire'), null, { timeout: 10_000 }).catch(() => {});
      assert.match(await frame.evaluate(() => document.title), /^Northshire/);
    },
  },
  {
    name: 'two embeds on one page size independently, each in its own language and theme',
    page: 'iframe-host.html',
    async run({ page, url }) {
      await page.goto(host(url, [
        { id: 'full', query: `${MET}&view=full` },
        { id: 'summary', query: `${MET}&view=summary&lang=cy&theme=dark` },
      ], { script: true }));
      await shown(page, 'full');
      await shown(page, 'summary');
      const full = await fitted(page, 'full');
      const summary = await fitted(page, 'summary');
      assert.ok(Math.abs(full.outer - summary.outer) > 50, `different heights: ${full.outer}, ${summary.outer}`);
      const welsh = page.frame({ name: 'summary' });
      assert.equal(await welsh.evaluate(() => document.documentElement.lang), 'cy');
      assert.equal(await welsh.evaluate(() => document.title), 'Metropolitan Police Service: graddau arolygu');
      // theme=dark: the widget's attribute, and the frame's own canvas around it.
      assert.equal(await welsh.locator('#widget').getAttribute('theme'), 'dark');
      assert.equal(await welsh.evaluate(() => getComputedStyle(document.documentElement).colorScheme), 'dark');
      assert.equal(await page.frame({ name: 'full' }).evaluate(() => getComputedStyle(document.documentElement).colorScheme), 'normal');
      await selectIn(page, 'full', '3A');
      await fitted(page, 'full');
      assert.equal((await heights(page, 'summary')).outer, summary.outer, 'the other frame kept its height');
    },
  },
  {
    name: 'a frame whose address sets no language speaks the host page\'s, and follows it; its height follows too',
    page: 'iframe-host.html',
    // Narrow, so that the two languages' words wrap into different heights.
    options: { viewport: { width: 360, height: 800 } },
    async run({ page, url }) {
      await page.goto(host(url, [{ id: 'a', query: `${MET}&view=summary` }], { script: true, lang: 'cy' }));
      const frame = await shown(page, 'a');
      await until(() => frame.evaluate(() => document.title === 'Metropolitan Police Service: graddau arolygu'), 'a Welsh title');
      assert.equal(await frame.evaluate(() => document.documentElement.lang), 'cy');
      // The widget's region is named in its language.
      const region = frame.getByTestId('widget');
      assert.equal(await region.getAttribute('aria-label'), "Metropolitan Police Service: crynodeb o'r graddau arolygu");
      const welsh = await fitted(page, 'a');
      // The host page's language switcher.
      await page.evaluate(() => { document.documentElement.lang = 'en'; });
      await until(() => frame.evaluate(() => document.title === 'Metropolitan Police Service: inspection grades'), 'an English title');
      await until(async () => (await region.getAttribute('aria-label')) === 'Metropolitan Police Service: summary of inspection grades', 'the widget in English');
      const english = await fitted(page, 'a');
      assert.notEqual(english.outer, welsh.outer, 'Welsh and English differ in height');
    },
  },
  {
    name: 'deep links through the frame: the host page\'s hash opens an area and follows the selection',
    page: 'iframe-host.html',
    async run({ page, url }) {
      await page.goto(host(url, [{ id: 'a', query: `${MET}&deep-link`, attrs: { 'data-mirror-hash': true } }], { script: true, hash: '#3A' }));
      await shown(page, 'a');
      const frame = page.frameLocator('#a');
      await frame.locator('[data-testid="area-detail"][data-area="3A"]').waitFor();
      await selectIn(page, 'a', '5B');
      await until(async () => new URL(page.url()).hash === '#5B', 'the host page\'s hash to follow');
      assert.equal(new URL(page.frame({ name: 'a' }).url()).hash, '#5B');
      // Back walks the frame's selection back, and the host page's hash follows it.
      await page.evaluate(() => history.back());
      await frame.locator('[data-testid="area-detail"][data-area="3A"]').waitFor();
      await until(async () => new URL(page.url()).hash === '#3A', 'the host page\'s hash to follow Back');
      // A link on the host page to another area.
      await page.evaluate(() => { location.hash = '#1A'; });
      await frame.locator('[data-testid="area-detail"][data-area="1A"]').waitFor();
    },
  },
  {
    name: 'keyboard focus moves into the frame and out again, both ways',
    page: 'iframe-host.html',
    async run({ page, url }) {
      await page.goto(host(url, [{ id: 'a', query: `${MET}&view=area&area=3A` }]));
      const frame = await shown(page, 'a', 0);
      await frame.getByTestId('area-detail').waitFor();
      const deepIn = () => frame.evaluate(() => {
        let el = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return document.hasFocus() && el !== document.body;
      });
      await page.locator('#before').focus();
      await page.keyboard.press('Tab');
      assert.ok(await deepIn(), 'Tab went into the frame');
      // On through everything inside and out to the link after: nothing holds focus.
      let left = false;
      for (let i = 0; i < 40 && !left; i++) {
        await page.keyboard.press('Tab');
        left = (await deepFocus(page)).text === 'A link after the frames';
      }
      assert.ok(left, 'Tab left the frame for the link after it');
      await page.keyboard.press('Shift+Tab');
      assert.ok(await deepIn(), 'Shift+Tab went back in');
      for (let i = 0; i < 40 && (await deepFocus(page)).text !== 'A link before the frames'; i++) await page.keyboard.press('Shift+Tab');
      assert.equal((await deepFocus(page)).text, 'A link before the frames');
      assert.equal(await page.locator('#a').getAttribute('title'), 'Inspection grades: a');
    },
  },
  {
    name: 'at 320 px with text spacing nothing in the frame overflows sideways',
    page: 'iframe-host.html',
    options: { viewport: { width: 320, height: 800 } },
    async run({ page, url }) {
      await page.goto(host(url, [{ id: 'a', query: `${MET}&area=3A` }], { script: true }));
      const frame = await shown(page, 'a');
      await textSpacing(frame, 'widget');
      assert.deepEqual(await layoutProblems(frame, 'widget'), []);
      const o = await overflow(frame, 'widget');
      assert.ok(o.document.scrollWidth <= o.document.clientWidth, JSON.stringify(o));
      assert.equal(o.widest, null, JSON.stringify(o));
      const hostDoc = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      assert.ok(hostDoc[0] <= hostDoc[1], `the host page does not scroll sideways: ${hostDoc}`);
      await fitted(page, 'a');
      await page.screenshot({ path: `${ROOT}test-results/iframe-320.png`, fullPage: true, clip: { x: 0, y: 0, width: 320, height: 1600 } });
    },
  },
  {
    name: 'a screenshot of the embed in a host page at 1000 px',
    page: 'iframe-host.html',
    options: { viewport: { width: 1000, height: 900 } },
    async run({ page, url }) {
      await page.goto(host(url, [{ id: 'a', query: `${MET}&area=3A` }], { script: true }));
      await shown(page, 'a');
      await fitted(page, 'a');
      assert.equal(ALL.length, 23);
      assert.ok(manifest().files['embed.html'], 'the release has embed.html');
      await page.screenshot({ path: `${ROOT}test-results/iframe-1000.png`, fullPage: true, clip: { x: 0, y: 0, width: 1000, height: 2400 } });
    },
  },
];
