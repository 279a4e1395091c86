// Grade scales as data (issue 29) in the real widget: a report on the built-in five-grade PEEL
// scale (tests/fixtures/peel-2021-example.json, made up for the tests) in every view and both
// languages: five bars and five words in a chart, the scale's words, no direction of travel, an
// area without national counts saying why it has no chart; and axe-core finds nothing. A custom
// three-grade scale comparing services (tests/fixtures/custom-scale-example.json) in Welsh.

import assert from 'node:assert/strict';
import { axe, ROOT, settled } from './lib.mjs';

const PEEL = '../../tests/fixtures/peel-2021-example.json';
const CUSTOM = '../../tests/fixtures/custom-scale-example.json';

/** Adds a widget for `src` to the page, with these attributes. */
function add(page, id, src, attrs) {
  return page.evaluate(({ id, src, attrs }) => {
    const el = document.createElement('grade-widget');
    el.id = id;
    el.setAttribute('src', src);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    document.querySelector('main').append(el);
  }, { id, src, attrs });
}

const text = (page, selector) => page.locator(selector).first().innerText();

export const tests = [
  {
    name: 'a five-grade PEEL report in every view and both languages, axe-clean',
    page: 'www/examples/error.html',
    async run({ page }) {
      const widgets = [
        ['en-full', { lang: 'en', area: 'investigating-crime' }],
        ['cy-full', { lang: 'cy', area: 'responding-to-the-public' }],
        ['en-summary', { lang: 'en', view: 'summary' }],
        ['cy-area', { lang: 'cy', view: 'area', area: 'managing-offenders' }],
        ['en-badge', { lang: 'en', view: 'badge' }],
        ['cy-badge', { lang: 'cy', view: 'badge' }],
      ];
      for (const [id, attrs] of widgets) await add(page, id, PEEL, attrs);
      for (const [id] of widgets) {
        const event = await settled(page, id);
        assert.equal(event.type, 'load', `${id}: ${JSON.stringify(event.detail)}`);
      }

      // One bar slot and one label per grade in the chart, lowest first: PEEL's words are too
      // long for five bands, so short labels, with a key under the chart.
      const cats = await page.locator('#en-full [data-testid="detail-chart"] .gw-cat').allTextContents();
      assert.deepEqual(cats, ['I', 'RI', 'A', 'G', 'O']);
      assert.equal(await text(page, '#en-full [data-testid="detail-chart"] .gw-chart__key'),
        'I Inadequate · RI Requires improvement · A Adequate · G Good · O Outstanding');
      assert.equal(await page.locator('#en-full [data-testid="detail-chart"] rect.gw-bar').count(), 5);
      assert.equal(await text(page, '#en-full [data-testid="detail-chart"] [data-testid="sentence"]'),
        'One of 3 forces graded Outstanding; 40 forces were graded lower.');
      const cyCats = await page.locator('#cy-full [data-testid="detail-chart"] .gw-cat').allTextContents();
      assert.deepEqual(cyCats, ['A', 'AG', 'Di', 'Da', 'R']);
      assert.equal(await text(page, '#cy-full [data-testid="detail-chart"] [data-testid="sentence"]'),
        'Un o 18 heddlu a raddiwyd yn Ddigonol; graddiwyd 14 heddlu yn is a graddiwyd 9 heddlu yn uwch.');

      // No direction of travel on this scale: no column, no filter.
      assert.equal(await page.locator('#en-full [data-testid="filter-direction"]').count(), 0);
      assert.ok(!(await text(page, '#en-summary [data-testid="summary"]')).includes('Direction of travel'));
      // The area without national counts says why there is no chart.
      assert.equal(await page.locator('#cy-area svg[role="img"]').count(), 0);
      assert.ok((await text(page, '#cy-area [data-testid="area-detail"]')).includes('Ni roddwyd niferoedd cenedlaethol ar gyfer y maes hwn, felly nid oes siart.'));
      // The badge lists the five grades, best first.
      const badge = await page.locator('#en-badge .gw-badge__grade .gw-word').allInnerTexts();
      assert.deepEqual(badge, ['Outstanding', 'Good', 'Adequate', 'Requires improvement', 'Inadequate']);

      // The grade filter offers the scale's grades and filters by them.
      await page.locator('#en-full [data-testid="filter-grade"]').selectOption('requires-improvement');
      assert.equal(await text(page, '#en-full [data-testid="shown"]'), '1 of 5 areas shown, sorted by reference');

      for (const [id] of widgets) assert.deepEqual(await axe(page, `#${id}`), [], id);
      // To look at: the full view and the Welsh badge.
      await page.locator('#en-full [data-testid="area-detail"]').screenshot({ path: `${ROOT}test-results/scale-peel-en-detail.png` });
      await page.locator('#cy-full [data-testid="glance"]').screenshot({ path: `${ROOT}test-results/scale-peel-cy-glance.png` });
      await page.locator('#cy-badge').screenshot({ path: `${ROOT}test-results/scale-peel-cy-badge.png` });
    },
  },
  {
    name: 'a custom three-grade scale comparing services, in Welsh',
    page: 'www/examples/error.html',
    async run({ page }) {
      await add(page, 'custom', CUSTOM, { lang: 'cy', area: 'leadership' });
      const event = await settled(page, 'custom');
      assert.equal(event.type, 'load', JSON.stringify(event.detail));
      assert.equal(await text(page, '#custom [data-testid="detail-chart"] [data-testid="sentence"]'),
        'Un o 4 gwasanaeth a raddiwyd yn Gryf; graddiwyd 26 gwasanaeth yn is.');
      const cats = await page.locator('#custom [data-testid="detail-chart"] .gw-cat').allTextContents();
      assert.deepEqual(cats, ['Gwan', 'Yn datblygu', 'Cryf']);
      assert.deepEqual(await axe(page, '#custom'), []);
    },
  },
];
