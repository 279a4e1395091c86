// The example pages: error states, hostile host CSS, two widgets, inline JSON, the JS API, and
// the element's lifecycle (attribute changes, removal).

import assert from 'node:assert/strict';
import { areas, axe, events, inWidget, live, report, settled, styleIn } from './lib.mjs';

const MET = report('metropolitan-2006.json');
const NORTH = report('northshire-example-2006.json');
const squash = (s) => s.replace(/\s+/g, ' ').trim();
// Shown rows only: the filters hide rows rather than remove them (issue 12).
const rowIds = (page, id) => page.locator(`#${id} [data-testid="area-row"]`).evaluateAll((r) => r.filter((x) => x.checkVisibility()).map((x) => x.dataset.area));

/** Properties the widget owns; font-family is left out on purpose (it follows the host's font). */
const OWN = ['font-size', 'line-height', 'font-style', 'font-weight', 'color', 'letter-spacing', 'text-transform',
  'margin-top', 'padding-top', 'border-top-style', 'box-sizing', 'background-color', 'display', 'float', 'width'];

export const tests = [
  {
    name: 'error page: each failure shows its message inside the widget and fires error',
    page: 'www/examples/error.html',
    async run({ page }) {
      const missing = await settled(page, 'missing');
      assert.equal(missing.type, 'error');
      assert.equal(missing.detail.type, 'http');
      assert.match(missing.detail.message, /^could not fetch the report from http:\/\/127\.0\.0\.1:\d+\/www\/data\/no-such-report\.json: the server answered 404 Not Found$/);
      assert.equal(missing.detail.retryable, true);
      // The technical message is for site owners: in the collapsed details (issue 13).
      const box = squash(await inWidget(page, 'missing', 'error-message').textContent());
      assert.equal(box, missing.detail.message);
      await inWidget(page, 'missing', 'retry').waitFor();

      const invalid = await settled(page, 'invalid');
      assert.equal(invalid.detail.type, 'schema');
      assert.match(invalid.detail.message, /^the report from http:\/\/.*\/invalid-example\.json has 5 problems$/);
      assert.deepEqual(invalid.detail.problems.map((p) => p.path),
        ['published', 'domains[0].areas[0].grade', 'domains[0].areas[1].national', 'domains[0].areas[2].direction', 'domains[0].areas[3].id']);
      const listed = squash(await inWidget(page, 'invalid', 'problems').textContent());
      for (const p of invalid.detail.problems) assert.ok(listed.includes(p.path) && listed.includes(squash(p.message)), `not listed: ${p.path}`);

      const scheme = await settled(page, 'scheme');
      assert.deepEqual(scheme.detail, { type: 'src', message: 'the src "javascript:alert(1)" must be an http or https URL, not javascript:', problems: [], retryable: false });
      assert.equal(await inWidget(page, 'scheme', 'retry').count(), 0, 'a bad src is not worth retrying');
      // The host page itself still works.
      assert.equal(await page.locator('h1').innerText(), 'When the report cannot be shown');
    },
  },
  {
    name: 'error page: retry loads the report once the source works',
    page: 'www/examples/error.html',
    async run({ page }) {
      await settled(page, 'missing');
      await page.evaluate(() => document.getElementById('missing').setAttribute('src', '../data/northshire-example-2006.json'));
      await page.waitForFunction(() => window.__gw.events.some((e) => e.id === 'missing' && e.type === 'load'));
      assert.equal(await inWidget(page, 'missing', 'area-row').count(), 23);
      assert.equal(await inWidget(page, 'missing', 'error').count(), 0);
    },
  },
  {
    name: 'hostile host CSS does not leak in, and the widget CSS does not leak out',
    page: 'www/examples/hostile-css.html',
    fullPage: true,
    async run({ page, context, url }) {
      await settled(page, 'hostile');
      assert.equal(await inWidget(page, 'hostile', 'area-row').count(), 23);
      // The same page without its stylesheet: the computed styles inside must be the same.
      const plain = await context.newPage();
      await plain.route('**/hostile.css', (route) => route.fulfill({ status: 200, contentType: 'text/css', body: '' }));
      await plain.goto(url('www/examples/hostile-css.html'));
      await plain.locator('#hostile [data-testid="area-row"]').first().waitFor();
      for (const selector of ['[data-testid="area-row"] td', '[data-testid="area-row"] button', '[data-testid="filter-grade"]', 'h2', 'table', '[data-testid="chart"] svg rect']) {
        const inside = await styleIn(page, 'hostile', selector, OWN);
        const reference = await styleIn(plain, 'hostile', selector, OWN);
        assert.ok(inside && reference, `no element for ${selector}`);
        // Widths depend on the page's margins; everything else must match exactly.
        delete inside.width; delete reference.width;
        assert.deepEqual(inside, reference, `host CSS leaked into ${selector}`);
      }
      await plain.close();
      // The host's own elements keep the host's styles, even with the widget's class names.
      for (const probe of ['text', 'button', 'table']) {
        const style = await page.locator(`[data-probe="${probe}"]`).evaluate((el) => {
          const cs = getComputedStyle(el);
          return { float: cs.float, width: cs.width, color: cs.color, transform: cs.textTransform };
        });
        assert.deepEqual(style, { float: 'right', width: '10px', color: 'rgb(139, 0, 139)', transform: 'uppercase' }, `widget CSS leaked out to the ${probe} probe`);
      }
    },
  },
  {
    name: 'two widgets on one page stay independent',
    page: 'www/examples/two-widgets.html',
    async run({ page }) {
      const [met, north] = [await settled(page, 'met'), await settled(page, 'northshire')];
      assert.deepEqual(met.detail, { force: MET.force, areas: 23 });
      assert.deepEqual(north.detail, { force: NORTH.force, areas: 23 });
      assert.ok(squash(await inWidget(page, 'northshire', 'header').innerText()).includes('Northshire Constabulary'));
      // Select in one: the other keeps no selection and fires nothing.
      await page.locator('#met [data-testid="area-row"][data-area="2A"] button').click();
      await page.locator('#met [data-testid="area-detail"][data-area="2A"]').waitFor();
      assert.equal(await page.locator('#northshire [data-testid="area-detail"][data-area]').count(), 0);
      assert.deepEqual((await events(page, 'northshire')).map((e) => e.type), ['load']);
      assert.deepEqual((await events(page, 'met')).map((e) => e.type), ['load', 'select']);
      // Each widget's grades are its own report's.
      const metRow = squash(await page.locator('#met [data-testid="area-row"][data-area="1A"]').innerText());
      const northRow = squash(await page.locator('#northshire [data-testid="area-row"][data-area="1A"]').innerText());
      assert.ok(metRow.includes('Fair') && northRow.includes('Good'), `${metRow} / ${northRow}`);
      // Filter one: the other keeps all its rows. Same grade, different areas per force.
      await inWidget(page, 'northshire', 'filter-grade').selectOption('poor');
      const poor = areas(NORTH).filter((a) => a.grade === 'poor').map((a) => a.id);
      await page.waitForFunction((n) => [...document.getElementById('northshire').shadowRoot.querySelectorAll('[data-testid="area-row"]')].filter((r) => r.checkVisibility()).length === n, poor.length);
      assert.deepEqual(await rowIds(page, 'northshire'), poor);
      assert.equal((await rowIds(page, 'met')).length, 23);
    },
  },
  {
    name: 'inline JSON in a child script renders without a request',
    page: 'www/examples/inline-json.html',
    async run({ page }) {
      const loaded = await settled(page, 'inline');
      assert.deepEqual(loaded.detail, { force: NORTH.force, areas: 23 });
      assert.deepEqual(await rowIds(page, 'inline'), areas(NORTH).map((a) => a.id));
    },
  },
  {
    name: 'JS API: mount() with a report object, update() and destroy()',
    page: 'www/examples/js-api.html',
    async run({ page }) {
      const loaded = await settled(page, 'api');
      assert.deepEqual(loaded.detail, { force: NORTH.force, areas: 23 });
      assert.equal(await page.locator('#api').evaluate((el) => el.shadowRoot.firstElementChild.lang), 'en');
      await page.locator('#show-cy').click();
      await page.waitForFunction(() => document.getElementById('api').shadowRoot.querySelector('[lang="cy"]'));
      await page.locator('#remove').click();
      await page.waitForFunction(() => document.getElementById('api').shadowRoot.childElementCount === 0);
    },
  },
  {
    name: 'element lifecycle: a new src reloads, removal frees, re-adding mounts again',
    page: 'www/examples/two-widgets.html',
    async run({ page }) {
      await settled(page, 'northshire');
      await page.evaluate(() => document.getElementById('northshire').setAttribute('src', '../data/metropolitan-2006.json'));
      await page.waitForFunction(() => window.__gw.events.filter((e) => e.id === 'northshire' && e.type === 'load').length === 2);
      const loads = (await events(page, 'northshire')).filter((e) => e.type === 'load');
      assert.equal(loads[1].detail.force, MET.force);
      // Moving the element keeps the widget (no reload); removing it empties its shadow root.
      await page.evaluate(() => document.body.append(document.getElementById('northshire')));
      await page.waitForTimeout(200);
      assert.equal((await events(page, 'northshire')).filter((e) => e.type === 'load').length, 2);
      const left = await page.evaluate(async () => {
        window.__removed = document.getElementById('northshire');
        window.__removed.remove();
        await new Promise((r) => setTimeout(r, 50));
        return window.__removed.shadowRoot.childElementCount;
      });
      assert.equal(left, 0);
      // Put back, it mounts again and reloads its src.
      await page.evaluate(() => document.body.append(window.__removed));
      await page.waitForFunction(() => window.__gw.events.filter((e) => e.id === 'northshire' && e.type === 'load').length === 3);
      assert.equal(await inWidget(page, 'northshire', 'area-row').count(), 23);
    },
  },
  {
    name: 'loading="lazy" fetches only when the element nears the viewport',
    page: 'www/examples/two-widgets.html',
    async run({ page }) {
      await settled(page, 'met');
      const requests = [];
      page.on('request', (r) => requests.push(new URL(r.url()).pathname));
      await page.evaluate(() => {
        const spacer = document.createElement('div');
        spacer.style.height = '6000px';
        const lazy = document.createElement('grade-widget');
        lazy.id = 'lazy';
        lazy.setAttribute('loading', 'lazy');
        lazy.setAttribute('src', '../data/invalid-example.json');
        document.body.append(spacer, lazy);
      });
      await page.waitForTimeout(500);
      assert.ok(!requests.includes('/www/data/invalid-example.json'), 'fetched before it was near the viewport');
      await page.locator('#lazy').scrollIntoViewIfNeeded();
      const done = await settled(page, 'lazy');
      assert.equal(done.detail.type, 'schema');
      assert.ok(requests.includes('/www/data/invalid-example.json'));
    },
  },
  {
    name: 'deep link: a changed hash selects that area',
    page: 'index.html',
    async run({ page }) {
      await settled(page, 'report');
      await page.evaluate(() => { location.hash = '#6D'; });
      await page.locator('#report [data-testid="area-detail"][data-area="6D"]').waitFor();
      // A hash that is not an area id (a skip link) is left alone.
      await page.evaluate(() => { location.hash = '#report'; });
      await page.waitForTimeout(200);
      assert.equal(await page.locator('#report [data-testid="area-detail"][data-area="6D"]').count(), 1);
    },
  },
  {
    name: 'strict CSP: the widget works and nothing is blocked',
    page: 'www/examples/strict-csp.html',
    async run({ page }) {
      const loaded = await settled(page, 'csp');
      assert.equal(loaded.type, 'load');
      assert.ok(await inWidget(page, 'csp', 'area-row').count() > 0);
      // The summary view has nothing to click (its area names are text): the full view does.
      await page.locator('#csp').evaluate((e) => e.setAttribute('view', 'full'));
      await page.locator('#csp [data-testid="area-row"] button').first().click();
      await page.locator('#csp [data-testid="area-detail"][data-area]').waitFor();
      const header = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
      assert.match(header, /script-src 'self' 'wasm-unsafe-eval'/);
      assert.deepEqual(await page.evaluate(() => window.__gw.csp), []);
    },
  },
];

/**
 * axe-core inside every widget of every example page, in both languages and both colour schemes:
 * zero violations. Each page runs four times, so every language meets every scheme and each
 * scheme comes once from the reader's preference and once from the theme attribute:
 * English light (the default), English dark (prefers-color-scheme: dark, on a host element
 * that declares `color-scheme: light dark`: the widget follows its host page's scheme, and these
 * pages are light only), Welsh dark (theme="dark"), and Welsh light (theme="light" winning over
 * a dark preference).
 */
const AXE_PAGES = {
  'index.html': ['report'],
  'www/examples/error.html': ['missing', 'invalid', 'scheme'],
  'www/examples/hostile-css.html': ['hostile'],
  'www/examples/two-widgets.html': ['met', 'northshire'],
  'www/examples/inline-json.html': ['inline'],
  'www/examples/js-api.html': ['api'],
  'www/examples/strict-csp.html': ['csp'],
  'www/examples/no-js.html': ['nojs'],
  'www/examples/summary.html': ['summary'],
  'www/examples/area.html': ['area'],
  'www/examples/badge.html': ['badge'],
  // Already bilingual: one Welsh widget (from the page's lang) and one with lang="en".
  'www/examples/welsh.html': ['cy', 'en'],
};
const AXE_MODES = [
  { lang: 'en', scheme: 'light', theme: null, dark: false },
  { lang: 'en', scheme: 'dark', theme: null, dark: true },
  { lang: 'cy', scheme: 'light', theme: 'dark', dark: true },
  { lang: 'cy', scheme: 'dark', theme: 'light', dark: false },
];
const modeName = (m) => `${m.lang === 'cy' ? 'Welsh' : 'English'}, ${m.dark ? 'dark' : 'light'} (${m.theme ? `theme="${m.theme}"` : `prefers-color-scheme: ${m.scheme}`})`;

/** Whether a CSS colour is dark (relative luminance under 0.2). */
function isDark(color) {
  const [r, g, b] = color.match(/[\d.]+/g).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.2;
}

for (const [path, ids] of Object.entries(AXE_PAGES)) {
  const bilingual = path.includes('welsh');
  for (const mode of AXE_MODES) {
    // The Welsh page brings both languages itself; it runs once per scheme and mechanism.
    if (bilingual && mode.lang === 'cy' && !mode.theme) continue;
    tests.push({
      name: `axe-core: no violations in the widgets of ${path.split('/').pop()}, ${bilingual ? `${mode.dark ? 'dark' : 'light'} (${mode.theme ? `theme="${mode.theme}"` : `prefers-color-scheme: ${mode.scheme}`})` : modeName(mode)}`,
      page: path,
      fullPage: true,
      // axe-core is injected as an inline script, which a strict CSP rightly blocks.
      options: { bypassCSP: path.includes('strict-csp') },
      async run({ page }) {
        await page.emulateMedia({ colorScheme: mode.scheme });
        for (const id of ids) await settled(page, id);
        for (const id of ids) {
          // A pre-rendered copy held until the reader comes (no-js.html): checked as it is, then
          // as the widget it becomes.
          if (await page.locator(`#${id} [data-gw-hydrate]`).count()) {
            assert.deepEqual(await axe(page, `#${id}`), [], `violations in the held copy #${id}`);
            await live(page, id);
          }
          const el = page.locator(`#${id}`);
          if (mode.theme) await el.evaluate((e, t) => e.setAttribute('theme', t), mode.theme);
          // These host pages declare only light; a host that offers both lets the reader choose.
          else if (mode.dark) await el.evaluate((e) => { e.style.colorScheme = 'light dark'; });
          if (!bilingual && mode.lang !== 'en') {
            await el.evaluate((e, l) => e.setAttribute('lang', l), mode.lang);
            // The JS API example is a mounted <div>: its language changes through update().
            if (path.includes('js-api')) await page.locator('#show-cy').click();
            await page.waitForFunction(({ id, l }) => document.getElementById(id).shadowRoot.querySelector(`.gw-container[lang="${l}"] > [part="root"]`), { id, l: mode.lang });
          }
        }
        // Open an area in full views (they have a findings panel), so its text and chart are checked too.
        const row = page.locator(`#${ids[0]} [data-testid="area-row"][data-area="3A"] button`);
        if (await row.count() && await page.locator(`#${ids[0]} [data-testid="area-detail"]`).count()) {
          await row.click();
          await page.locator(`#${ids[0]} [data-testid="area-detail"][data-area="3A"]`).waitFor();
        }
        for (const id of ids) {
          // The scheme asked for is the one drawn (else this would check the wrong colours).
          const background = await page.locator(`#${id}`).evaluate((e) => getComputedStyle(e.shadowRoot.querySelector('[part="root"]')).backgroundColor);
          if (!/rgba\(.*, 0\)$/.test(background)) assert.equal(isDark(background), mode.dark, `#${id} background ${background}`);
          assert.deepEqual(await axe(page, `#${id}`), [], `violations in #${id}`);
        }
        if (!path.includes('hostile')) assert.deepEqual(await axe(page, null), [], 'violations on the page');
      },
    });
  }
}
