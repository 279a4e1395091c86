// The JS API and the element used the wrong way, and the page's language changing: mistakes
// are TypeErrors that name the call and what was wrong; a widget without its own `lang`
// follows its ancestors' `lang` when it changes, until it is given one.

import assert from 'node:assert/strict';
import { events, fill, report, settled, strings } from './lib.mjs';

const { cy } = strings();
const MET = report('metropolitan-2006.json');
const WELSH_LABEL = fill(cy['widget_label'], { force: MET.force });

/** The error a call in the page throws, as { name, message }, or null. */
function thrown(page, body) {
  return page.evaluate(async (body) => {
    try {
      await new Function('api', `return (async () => { ${body} })()`)(window.api);
      return null;
    } catch (e) {
      return { name: e.name, message: e.message };
    }
  }, body);
}

/**
 * The widget's language as it writes it: the `lang` its root inherits (the container's, around
 * it; the root has none of its own, see src/components/app.rs), and its loading or region label.
 */
function widgetLang(page, id) {
  return page.evaluate((id) => document.getElementById(id).shadowRoot.querySelector('[data-testid="widget"]')?.closest('[lang]')?.getAttribute('lang'), id);
}

async function waitLang(page, id, want) {
  await page.waitForFunction(([id, want]) => document.getElementById(id).shadowRoot?.querySelector('[data-testid="widget"]')?.closest('[lang]')?.getAttribute('lang') === want, [id, want], { timeout: 5000 }).catch(() => {});
  return widgetLang(page, id);
}

/**
 * Waits for the page's module to put the API on `window.api`. Not `window.api` alone: the page's
 * `<div id="api">` is `window.api` too (named access) until the module runs, which on a loaded
 * machine is after the first check.
 */
const apiReady = (page) => page.waitForFunction(() => typeof window.api?.mount === 'function');

export const tests = [
  {
    name: 'mount() of nothing or of a non-element is a TypeError that says so',
    page: 'tests/e2e/pages/api.html',
    async run({ page }) {
      await apiReady(page);
      const cases = [
        ['api.mount(null, {})', 'grade-widget: mount() needs an element to show the widget in (a <div>, <section>, …), but was given null'],
        ['api.mount(undefined, {})', 'grade-widget: mount() needs an element to show the widget in (a <div>, <section>, …), but was given undefined undefined'],
        ['api.mount("#api", {})', 'grade-widget: mount() needs an element to show the widget in (a <div>, <section>, …), but was given the string "#api" (pass the element itself, e.g. document.querySelector(…))'],
        ['api.mount(document.createElement("img"), {})', 'grade-widget: mount() needs an element to show the widget in (a <div>, <section>, …), but was given an <img> element, which cannot hold a shadow root'],
        ['api.mount({ id: "api" }, {})', 'grade-widget: mount() needs an element to show the widget in (a <div>, <section>, …), but was given Object (not an element)'],
        ['api.mount(document.createElement("grade-widget"), {})', 'grade-widget: mount() is for plain elements; set attributes or the report property on <grade-widget> instead'],
      ];
      for (const [call, message] of cases) {
        assert.deepEqual(await thrown(page, `await ${call};`), { name: 'TypeError', message }, call);
      }
    },
  },
  {
    name: 'update() and retry() after destroy() are TypeErrors naming the misuse; destroy() twice is harmless',
    page: 'tests/e2e/pages/api.html',
    async run({ page }) {
      await apiReady(page);
      await page.evaluate(async () => {
        window.widget = await window.api.mount(document.getElementById('api'), { report: window.api.report });
        window.widget.destroy();
      });
      assert.deepEqual(await thrown(page, 'window.widget.update({ view: "summary" });'),
        { name: 'TypeError', message: 'grade-widget: update() was called after destroy()' });
      assert.deepEqual(await thrown(page, 'window.widget.retry();'),
        { name: 'TypeError', message: 'grade-widget: retry() was called after destroy()' });
      assert.equal(await thrown(page, 'window.widget.destroy();'), null);
      // The element's own retry() after removal stays quiet (nothing to retry), as before.
      assert.equal(await page.evaluate(() => document.getElementById('api').shadowRoot.childElementCount), 0);
    },
  },
  {
    name: 'an invalid report set on the element\'s report property says so, not "passed to mount"',
    page: 'tests/e2e/pages/api.html',
    async run({ page }) {
      await apiReady(page);
      await page.evaluate(() => {
        const el = document.createElement('grade-widget');
        el.id = 'prop';
        el.report = { schema_version: 1, domains: 'none' };
        document.getElementById('stage').append(el);
      });
      const failed = await settled(page, 'prop');
      assert.equal(failed.type, 'error');
      assert.match(failed.detail.message, /^the report set on the element's report property has \d+ problems?$/);
      await page.evaluate(async () => {
        window.widget = await window.api.mount(document.getElementById('api'), { report: { schema_version: 1 } });
      });
      const viaMount = await settled(page, 'api');
      assert.match(viaMount.detail.message, /^the report passed to mount has \d+ problems?$/);
    },
  },
  {
    name: 'a change of an ancestor\'s lang is followed by the element and by mount(), until they have their own',
    page: 'tests/e2e/pages/api.html',
    async run({ page }) {
      await apiReady(page);
      await page.evaluate(async () => {
        const el = document.createElement('grade-widget');
        el.id = 'el';
        el.report = window.api.report;
        document.getElementById('inherits').append(el);
        window.widget = await window.api.mount(document.getElementById('api'), { report: window.api.report });
      });
      await settled(page, 'el');
      await settled(page, 'api');
      // #el sits in a lang="cy" section; #api under <html lang="en">.
      assert.equal(await waitLang(page, 'el', 'cy'), 'cy');
      assert.equal(await widgetLang(page, 'api'), 'en');
      const label = (id) => page.evaluate((id) => document.getElementById(id).shadowRoot.querySelector('[data-testid="widget"]').getAttribute('aria-label'), id);
      assert.equal(await label('el'), WELSH_LABEL);

      await page.evaluate(() => document.getElementById('welsh-section').setAttribute('lang', 'en-GB'));
      assert.equal(await waitLang(page, 'el', 'en'), 'en', 'the element did not follow its section');
      await page.evaluate(() => document.documentElement.setAttribute('lang', 'cy-GB'));
      assert.equal(await waitLang(page, 'api', 'cy'), 'cy', 'mount() did not follow <html lang>');
      assert.equal(await widgetLang(page, 'el'), 'en', 'the nearer section still says en-GB');
      assert.equal(await label('api'), WELSH_LABEL);

      // Own languages win and stop the following.
      await page.evaluate(() => {
        document.getElementById('el').setAttribute('lang', 'en');
        window.widget.update({ lang: 'en' });
      });
      assert.equal(await waitLang(page, 'api', 'en'), 'en');
      await page.evaluate(() => {
        document.documentElement.setAttribute('lang', 'cy');
        document.getElementById('welsh-section').setAttribute('lang', 'cy');
      });
      await page.waitForTimeout(300);
      assert.equal(await widgetLang(page, 'el'), 'en');
      assert.equal(await widgetLang(page, 'api'), 'en');
      assert.deepEqual((await events(page)).filter((e) => e.type === 'error'), []);
    },
  },
];
