// The no-JavaScript example (www/examples/no-js.html): markup printed by `grade-widget render`
// inside <grade-widget>. With JavaScript off the reader gets every grade, direction and national
// count from that markup; with JavaScript on the live widget takes its place (no hydration yet),
// and the page shows one widget, not two.

import assert from 'node:assert/strict';
import { areas, axe, ROOT, report, settled } from './lib.mjs';

const MET = report('metropolitan-2006.json');
const ALL = areas(MET);
const PAGE = 'www/examples/no-js.html';
const squash = (s) => s.replace(/\s+/g, ' ').trim();
const cap = (w) => w[0].toUpperCase() + w.slice(1);
/** The national counts as the summary table writes them: poor, fair, good, excellent. */
const national = (a) => ['poor', 'fair', 'good', 'excellent'].map((g) => a.national[g]).join(', ');

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
          const text = squash(await row.innerText());
          assert.ok(text.includes(area.title), `${area.id}: title missing in "${text}"`);
          assert.ok(text.includes(cap(area.grade)), `${area.id}: grade ${area.grade} missing in "${text}"`);
          if (area.direction) assert.ok(text.includes(cap(area.direction)), `${area.id}: direction ${area.direction} missing in "${text}"`);
          assert.ok(text.includes(national(area)), `${area.id}: national counts ${national(area)} missing in "${text}"`);
        }
        // The first row spelled out, so a change in wording shows here rather than only in a loop.
        assert.match(squash(await rows.first().innerText()), /^1A Fairness and Equality in Service Delivery ●●○○ Fair ▲ Improved 0, 15, 28, 0$/);

        // The page's own stylesheet (written by --stylesheet) applies: the table is laid out,
        // not raw browser defaults.
        const collapse = await page.locator('grade-widget table').first().evaluate((t) => getComputedStyle(t).borderCollapse);
        assert.equal(collapse, 'collapse');
        // Controls that need script are quieted in the static copy (see render.rs, CONTAINER_RULE).
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
    name: 'with JavaScript on, the live widget replaces the pre-rendered copy: one widget shows',
    page: PAGE,
    async run({ page }) {
      const loaded = await settled(page, 'nojs');
      assert.equal(loaded.type, 'load', JSON.stringify(loaded));
      // The shadow root has no <slot>, so the light-DOM copy is not rendered at all.
      const widgets = page.locator('[data-testid="widget"]');
      assert.equal(await widgets.count(), 2, 'the static copy stays in the DOM, in the light tree');
      assert.equal(await widgets.filter({ visible: true }).count(), 1);
      assert.equal(await page.locator('#nojs > [data-testid="widget"]').isVisible(), false);
      assert.equal(await page.locator('[data-testid="area-row"]').filter({ visible: true }).count(), 23);
      // The visible one is the live widget in the shadow root.
      const live = await page.evaluate(() => !!document.getElementById('nojs').shadowRoot?.querySelector('[data-testid="widget"]'));
      assert.ok(live);
      // The static copy's rules do not reach the live widget: its CSV button shows.
      assert.ok(await page.locator('#nojs .gw-container [data-testid="export-csv"]').filter({ visible: true }).count() === 1);
      assert.deepEqual(await axe(page, null), []);
    },
  },
];
