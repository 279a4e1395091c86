// The small charts "at a glance" can have `content-visibility: auto` (issue 12): a host sets
// `--gw-glance-visibility: auto` on the element and, while off screen, the browser skips their
// layout and paint, so a sort that moves every card does not lay them out. It is not the default:
// a capture that paints beyond the viewport without scrolling would show them as empty frames.
// What must hold for a reader with it on: a chart not yet drawn is exactly as tall as a drawn one
// (nothing moves as it scrolls into view), scrolling to a card or focusing it draws its chart,
// printing draws every chart, and the cards stay in the accessibility tree (axe-core).
// `checkVisibility` with `contentVisibilityAuto` is the browser's own answer to "is this skipped".

import assert from 'node:assert/strict';
import { areas, axe, report, settled } from './lib.mjs';

const ALL = areas(report('metropolitan-2006.json'));

/** Each card's area, height, and whether its chart's SVG is drawn (not skipped). */
function cards(page) {
  return page.evaluate(() => [...document.getElementById('report').shadowRoot.querySelectorAll('[data-testid="glance-item"]')].map((li) => ({
    area: li.dataset.area,
    height: li.getBoundingClientRect().height,
    chart: li.querySelector('[data-testid="chart"]').getBoundingClientRect().height,
    drawn: li.querySelector('[data-testid="chart"] svg').checkVisibility({ contentVisibilityAuto: true }),
  })));
}

/** Two frames, so a scroll or a focus has been laid out and painted. */
const frames = (page) => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

export const tests = [
  {
    name: 'by default every glance chart is drawn, on screen or not (a full-size capture shows them all)',
    page: 'index.html',
    options: { viewport: { width: 400, height: 600 } },
    async run({ page }) {
      await settled(page, 'report');
      await frames(page);
      const all = await cards(page);
      assert.deepEqual(all.map((c) => c.area), ALL.map((a) => a.id));
      assert.deepEqual(all.filter((c) => !c.drawn).map((c) => c.area), [], 'every chart drawn while every card is off screen');
      // The full-size capture: the last card's chart has ink in it (not an empty frame).
      const box = await page.locator('#report [data-testid="glance-item"][data-area="7B"] [data-testid="chart"]').boundingBox();
      const png = await page.screenshot({ fullPage: true, clip: box });
      const inked = await page.evaluate(async (b64) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const c = new OffscreenCanvas(img.width, img.height);
        const g = c.getContext('2d');
        g.drawImage(img, 0, 0);
        const d = g.getImageData(0, 0, img.width, img.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i] + d[i + 1] + d[i + 2] < 600) n++;
        return n / (d.length / 4);
      }, png.toString('base64'));
      assert.ok(inked > 0.02, `the off-screen chart 7B is drawn in a full-page capture (${(inked * 100).toFixed(1)} % of its pixels dark)`);
    },
  },
  {
    name: 'with --gw-glance-visibility: auto, charts off screen are skipped at their drawn height; scrolled to or focused, they are drawn; print draws all',
    page: 'index.html',
    // A phone-sized window: the grid is two cards wide and far taller than the screen.
    options: { viewport: { width: 400, height: 600 } },
    async run({ page }) {
      await settled(page, 'report');
      // As a host page would: grade-widget { --gw-glance-visibility: auto }.
      await page.evaluate(() => document.getElementById('report').style.setProperty('--gw-glance-visibility', 'auto'));
      await frames(page);
      // The demo's widget starts below its introduction; the cards are far below the fold.
      const before = await cards(page);
      assert.deepEqual(before.map((c) => c.area), ALL.map((a) => a.id));
      assert.deepEqual(before.filter((c) => c.drawn).map((c) => c.area), [], 'no chart drawn while every card is off screen');

      // Scroll to the middle of the grid: the cards on screen are drawn, and no card changed height.
      await page.evaluate(() => document.getElementById('report').shadowRoot.querySelector('[data-testid="glance-item"][data-area="4B"]').scrollIntoView({ block: 'center' }));
      await frames(page);
      const after = await cards(page);
      assert.ok(after.find((c) => c.area === '4B').drawn, '4B is on screen and drawn');
      assert.ok(after.some((c) => !c.drawn), 'cards far from the screen are still skipped');
      after.forEach((c, i) => {
        assert.ok(Math.abs(c.height - before[i].height) < 0.5, `${c.area}: ${before[i].height} px skipped, ${c.height} px drawn`);
        assert.ok(Math.abs(c.chart - before[i].chart) < 0.5, `${c.area} chart: ${before[i].chart} px skipped, ${c.chart} px drawn`);
      });
      // A drawn chart is as tall as its SVG: the aspect ratio is the viewBox's.
      const fit = await page.evaluate(() => {
        const span = document.getElementById('report').shadowRoot.querySelector('[data-testid="glance-item"][data-area="4B"] [data-testid="chart"]');
        return [span.getBoundingClientRect().height, span.querySelector('svg').getBoundingClientRect().height];
      });
      assert.ok(Math.abs(fit[0] - fit[1]) < 0.5, `chart box ${fit[0]} px, its SVG ${fit[1]} px`);

      // Back to the top, then focus the last card (as Tab would): its chart is drawn.
      await page.evaluate(() => window.scrollTo(0, 0));
      await frames(page);
      await page.locator('#report [data-testid="glance-item"][data-area="7B"] button').focus();
      await frames(page);
      assert.ok((await cards(page)).find((c) => c.area === '7B').drawn, 'the focused card is drawn');

      assert.deepEqual(await axe(page, '#report'), [], 'axe-core with charts skipped');

      await page.emulateMedia({ media: 'print' });
      const printed = await page.evaluate(() => [...document.getElementById('report').shadowRoot.querySelectorAll('[data-testid="glance-item"] [data-testid="chart"]')].map((el) => getComputedStyle(el).contentVisibility));
      assert.deepEqual([...new Set(printed)], ['visible'], 'every chart is drawn in print');
    },
  },
];
