// The widget's own words in Welsh where they are not covered by the report pages: the error
// state. The failure's kind is told in Welsh; the technical detail, which the code writes in
// English, is marked lang="en" so a screen reader reads it as English.

import assert from 'node:assert/strict';
import { axe, inWidget, settled } from './lib.mjs';

/** Adds a widget for `src` in the given language to the page. */
function add(page, id, src, lang) {
  return page.evaluate(({ id, src, lang }) => {
    const el = document.createElement('grade-widget');
    el.id = id;
    el.lang = lang;
    el.setAttribute('src', src);
    document.querySelector('main').append(el);
  }, { id, src, lang });
}

export const tests = [
  {
    name: 'an error in a Welsh widget is explained in Welsh, with the English detail marked as English',
    page: 'www/examples/error.html',
    async run({ page }) {
      await add(page, 'cy-missing', '../data/no-such-report.json', 'cy');
      await add(page, 'en-missing', '../data/no-such-report.json', 'en');
      await add(page, 'cy-invalid', '../data/invalid-example.json', 'cy');
      const cy = await settled(page, 'cy-missing');
      const en = await settled(page, 'en-missing');
      // The event is the same in both languages: it is for the host's code, not the reader.
      assert.equal(cy.detail.type, 'http');
      assert.deepEqual(cy.detail, en.detail);

      const summary = (id) => inWidget(page, id, 'error-summary').innerText();
      assert.equal(await summary('en-missing'), 'The server did not send the report.');
      assert.equal(await summary('cy-missing'), "Ni anfonodd y gweinydd yr adroddiad.");
      assert.equal(await page.locator('#cy-missing [data-testid="error-title"]').innerText(), 'Nid oedd modd dangos yr adroddiad arolygu');
      assert.equal(await inWidget(page, 'cy-missing', 'retry').innerText(), 'Rhowch gynnig arall arni');
      // The detail is the event's message, in an element that says it is English.
      const detail = page.locator('#cy-missing [data-testid="error-message"] [lang="en"]');
      // (In the collapsed details: textContent, as innerText is empty until it is opened.)
      assert.equal(await detail.textContent(), cy.detail.message);
      assert.equal(await page.locator('#en-missing [data-testid="error-message"] [lang]').count(), 0, 'no lang switch in an English widget');

      const invalid = await settled(page, 'cy-invalid');
      assert.equal(invalid.detail.type, 'schema');
      assert.equal(await summary('cy-invalid'), 'Mae camgymeriadau yn ffeil yr adroddiad, felly nid oes modd ei dangos.');
      assert.equal(await inWidget(page, 'cy-invalid', 'problems').getAttribute('lang'), 'en');
      assert.equal(await page.locator('#cy-invalid [data-testid="problems-title"]').textContent(), 'Problemau a ganfuwyd');
      assert.deepEqual(await axe(page, '#cy-invalid'), []);
      assert.deepEqual(await axe(page, '#cy-missing'), []);
    },
  },
];
