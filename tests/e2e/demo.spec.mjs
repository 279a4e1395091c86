// The demo page (index.html): the whole Metropolitan report, mouse, keyboard, filters, deep link.

import assert from 'node:assert/strict';
import { focusIndicator } from './focus.mjs';
import { areas, axe, deepFocus, events, firstText, inWidget, report, settled } from './lib.mjs';

const MET = report('metropolitan-2006.json');
const ALL = areas(MET);
const squash = (s) => s.replace(/\s+/g, ' ').trim();
const cap = (w) => w[0].toUpperCase() + w.slice(1);

/** The first area (in report order) that has strengths, optionally skipping some ids. */
const withStrengths = (skip = []) => ALL.find((a) => firstText(a.strengths) && !skip.includes(a.id));

async function strengthsShown(page, area) {
  const detail = inWidget(page, 'report', 'area-detail');
  await detail.and(page.locator(`[data-area="${area.id}"]`)).waitFor();
  const text = squash(await detail.locator('[data-testid="strengths"]').innerText());
  assert.ok(text.includes(squash(firstText(area.strengths))), `strengths of ${area.id} not shown; got: ${text.slice(0, 200)}`);
}

export const tests = [
  {
    name: 'the page\'s link focus style reaches 3:1 against the page and what it covers, on white and on the header',
    page: 'index.html',
    async run({ page }) {
      await settled(page, 'report');
      const targets = {
        'a link on the dark header': page.locator('.site-header a').first(),
        'a link in the text': page.locator('main a[href="www/builder.html"]').first(),
      };
      for (const [what, locator] of Object.entries(targets)) {
        const m = await focusIndicator(page, locator);
        assert.ok(m.strong >= m.perimeter, `${what}: ${m.strong} px of the indicator reach 3:1 against the page (${m.page}) and what they cover; `
          + `at least ${m.perimeter} needed (focused colours ${m.colours.join(' / ') || 'none'})`);
      }
    },
  },
  {
    name: 'renders every area as a row and a chart, with the report values',
    page: 'index.html',
    async run({ page }) {
      const loaded = await settled(page, 'report');
      assert.equal(loaded.type, 'load', `expected load, got ${JSON.stringify(loaded)}`);
      assert.deepEqual(loaded.detail, { force: MET.force, areas: ALL.length });
      assert.equal(ALL.length, 23);
      assert.equal(await inWidget(page, 'report', 'area-row').count(), 23);
      assert.equal(await inWidget(page, 'report', 'chart').count(), 23);
      const ids = await inWidget(page, 'report', 'area-row').evaluateAll((rows) => rows.map((r) => r.dataset.area));
      assert.deepEqual(ids, ALL.map((a) => a.id));
      for (const a of ALL.filter((a) => a.grade)) {
        const row = squash(await page.locator(`#report [data-testid="area-row"][data-area="${a.id}"]`).innerText());
        assert.ok(row.includes(cap(a.grade)), `row ${a.id} should say ${cap(a.grade)}: ${row}`);
        assert.ok(row.includes(a.title.slice(0, 20)), `row ${a.id} should give its title: ${row}`);
      }
      const header = squash(await inWidget(page, 'report', 'header').innerText());
      assert.ok(header.includes(MET.force) && header.includes(MET.title), header);
    },
  },
  {
    name: 'clicking an area shows its strengths, fires select and sets the hash',
    page: 'index.html',
    async run({ page }) {
      await settled(page, 'report');
      const area = ALL.find((a) => a.id === '3A');
      await page.locator(`#report [data-testid="area-row"][data-area="3A"] button`).click();
      await strengthsShown(page, area);
      // With deep-link the entry and select come just after the frame showing the area.
      await page.waitForFunction(() => location.hash === '#3A', null, { timeout: 5000 }).catch(() => {});
      const selects = (await events(page, 'report')).filter((e) => e.type === 'select');
      assert.deepEqual(selects.at(-1)?.detail, { area: '3A' });
      assert.equal(await page.evaluate(() => location.hash), '#3A');
    },
  },
  {
    name: 'keyboard only: Tab to an area and Enter shows its strengths',
    page: 'index.html',
    async run({ page }) {
      await settled(page, 'report');
      let focus;
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab');
        focus = await deepFocus(page);
        if (focus.testid === 'area-row' && focus.tag === 'button') break;
      }
      assert.equal(focus.testid, 'area-row', `Tab never reached an area button (last: ${JSON.stringify(focus)})`);
      const area = ALL.find((a) => a.id === focus.area);
      await page.keyboard.press('Enter');
      const detail = inWidget(page, 'report', 'area-detail');
      await detail.and(page.locator(`[data-area="${area.id}"]`)).waitFor();
      if (firstText(area.strengths)) await strengthsShown(page, area);
      // Then on to another area with the keyboard alone.
      const next = withStrengths([area.id]);
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab');
        focus = await deepFocus(page);
        if (focus.testid === 'area-row' && focus.area === next.id) break;
      }
      assert.equal(focus.area, next.id, 'Tab did not reach the next area');
      await page.keyboard.press('Enter');
      await strengthsShown(page, next);
    },
  },
  {
    name: 'filters by grade and by domain change the rows',
    page: 'index.html',
    async run({ page }) {
      await settled(page, 'report');
      // Rows the filters leave out stay in the table, hidden (issue 12): only the visible count.
      const rows = inWidget(page, 'report', 'area-row').filter({ visible: true });
      await inWidget(page, 'report', 'filter-grade').selectOption('excellent');
      const excellent = ALL.filter((a) => a.grade === 'excellent').map((a) => a.id);
      await page.waitForFunction((n) => [...document.querySelector('#report').shadowRoot.querySelectorAll('[data-testid="area-row"]')].filter((r) => r.checkVisibility()).length === n, excellent.length);
      assert.deepEqual(await rows.evaluateAll((r) => r.map((x) => x.dataset.area)), excellent);
      await inWidget(page, 'report', 'filter-grade').selectOption('');
      const domain = MET.domains[2];
      await inWidget(page, 'report', 'filter-domain').selectOption(domain.id);
      await page.waitForFunction((n) => [...document.querySelector('#report').shadowRoot.querySelectorAll('[data-testid="area-row"]')].filter((r) => r.checkVisibility()).length === n, domain.areas.length);
      assert.deepEqual(await rows.evaluateAll((r) => r.map((x) => x.dataset.area)), domain.areas.map((a) => a.id));
      await inWidget(page, 'report', 'filter-direction').selectOption('declined');
      const declined = domain.areas.filter((a) => a.direction === 'declined').length;
      await page.waitForFunction((n) => [...document.querySelector('#report').shadowRoot.querySelectorAll('[data-testid="area-row"]')].filter((r) => r.checkVisibility()).length === n, declined);
    },
  },
  {
    name: 'a deep link (#5C) selects that area on load',
    page: 'index.html#5C',
    async run({ page }) {
      await settled(page, 'report');
      const area = ALL.find((a) => a.id === '5C');
      await strengthsShown(page, area);
      assert.equal((await events(page, 'report')).filter((e) => e.type === 'select').length, 0, 'a deep link is not a reader selection');
    },
  },
  {
    name: 'axe-core finds no violations on the whole page',
    page: 'index.html',
    fullPage: true,
    async run({ page }) {
      await settled(page, 'report');
      await page.locator('#report [data-testid="area-row"][data-area="4B"] button').click();
      await inWidget(page, 'report', 'area-detail').and(page.locator('[data-area="4B"]')).waitFor();
      const violations = await axe(page, null);
      assert.deepEqual(violations, []);
    },
  },
];
