// The widget built on stable Rust still works: `make smoke-stable` builds it with
// GW_TOOLCHAIN=stable into target/stable-pkg/ and runs this. The release in pkg/ is built on the
// pinned nightly (scripts/toolchain.sh); this keeps the project from depending on nightly alone.
// Loads the real report in Debian's chromium, in the full view and in Welsh, and checks that
// every area is drawn, `load` fired and nothing failed.
//
//   node tests/e2e/smoke-stable.mjs [pkg-dir]     (default target/stable-pkg)

import assert from 'node:assert/strict';
import { serve } from '../../scripts/serve.mjs';
import { launch, openPage, report, areas } from './lib.mjs';

const dir = (process.argv[2] ?? 'target/stable-pkg').replace(/\/$/, '');

const page = (lang) => `<!doctype html><html lang="${lang}"><meta charset="utf-8"><title>smoke</title>
<script type="module" src="/${dir}/grade-widget.js"></script>
<grade-widget id="w" src="/www/data/metropolitan-2006.json"></grade-widget>`;
const { server, url } = await serve({
  port: 0,
  routes: Object.fromEntries(['en', 'cy'].map((lang) => [`/smoke-${lang}.html`, (req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page(lang));
  }])),
});
const browser = await launch();
const want = areas(report('metropolitan-2006.json')).length;
let passed = 0;
let failed = 0;
try {
  for (const lang of ['en', 'cy']) {
    const { page: p, context, problems } = await openPage(browser, `${url}smoke-${lang}.html`);
    try {
      await p.waitForFunction(() => window.__gw.events.some((e) => e.type === 'load' || e.type === 'error'), null, { timeout: 30000 });
      const got = await p.evaluate(() => ({
        events: window.__gw.events.map((e) => e.type),
        rows: document.querySelector('#w').shadowRoot.querySelectorAll('[data-testid="area-row"]').length,
        lang: document.querySelector('#w').shadowRoot.querySelector('[lang]')?.lang,
      }));
      assert.deepEqual(got.events, ['load'], `${lang}: the widget fired ${got.events.join(', ')}`);
      assert.equal(got.rows, want, `${lang}: every area drawn`);
      assert.equal(got.lang, lang, `${lang}: the widget speaks the page's language`);
      assert.deepEqual(problems, [], `${lang}: no console errors`);
      console.log(`ok smoke-stable ${lang}: ${got.rows} areas, load fired`);
      passed++;
    } catch (e) {
      console.log(`FAIL smoke-stable ${lang}: ${e.message}`);
      failed++;
    } finally {
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`smoke-stable: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
