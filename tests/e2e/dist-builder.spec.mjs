// The release folder alone (make dist), as a web team that never builds anything has it: served
// by a plain static server with nothing else on the origin, its report builder (builder/) reads
// the seed report and shows the preview, and its code names this release with its hashes. Its
// README says where it comes from and every link in it and in the hosting guide it ships leads to
// a file in the folder.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { version } from '../../scripts/dist.mjs';
import { serve } from '../../scripts/serve.mjs';
import { DIST, manifest } from './dist.mjs';
import { ROOT } from './lib.mjs';

const FIXTURE = `${ROOT}tests/fixtures/metropolitan-2006.txt`;

export const tests = [
  {
    name: 'the release folder served alone hosts the report builder: the seed report read, the preview shown, the code naming this release',
    page: 'www/data/metropolitan-2006.json',
    timeout: 90_000,
    async run({ page }) {
      const files = manifest().files;
      assert.ok(files['builder/index.html'] && files['builder/grade_widget_builder_bg.wasm'], 'the builder is in the release');
      const { server, url } = await serve({ port: 0, root: DIST.replace(/\/$/, ''), headers: {} });
      try {
        const asked = [];
        page.on('request', (r) => asked.push(r.url()));
        const violations = [];
        // A failed request is checked by its response (below); the browser's own favicon.ico is not.
        page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && violations.push(m.text()));
        const missing = [];
        page.on('response', (r) => r.status() >= 400 && missing.push(`${r.status()} ${r.url()}`));
        await page.goto(`${url}builder/`);
        // The page's own policy, from its meta tag (the plain server sends none).
        assert.match(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'), /worker-src 'self'/);
        await page.waitForFunction(() => document.getElementById('status-text').textContent === '', null, { timeout: 30_000 });
        await page.locator('[data-testid="file"]').setInputFiles(FIXTURE);
        await page.waitForFunction(() => document.getElementById('preview')?.shadowRoot?.querySelectorAll('[data-testid="area-row"]').length === 23, null, { timeout: 30_000 });
        await page.waitForFunction(() => document.querySelector('[data-testid="embed-code"]').textContent.includes('integrity='));
        const embed = await page.locator('[data-testid="embed-code"]').textContent();
        const folder = `/assets/grade-widget/${version()}/`;
        assert.ok(embed.startsWith(`<script type="module" src="${folder}grade-widget.js"\n        integrity="${files['grade-widget.js'].integrity}" crossorigin="anonymous"></script>\n`), embed);
        const frame = await page.locator('[data-testid="embed-iframe"]').textContent();
        const host = Object.keys(files).find((f) => /^embed-host\.[0-9a-f]{8}\.js$/.test(f));
        assert.ok(frame.startsWith(`<iframe src="${folder}embed.html?src=`), frame);
        assert.ok(frame.includes(`<script type="module" src="${folder}${host}"\n        integrity="${files[host].integrity}"`), frame);
        // Nothing came from anywhere but the release folder.
        const elsewhere = asked.filter((u) => !u.startsWith(url) && !u.startsWith('blob:'));
        assert.deepEqual(elsewhere.filter((u) => !u.includes('/www/data/')), [], 'every request stays in the release folder');
        assert.deepEqual(missing, [], 'every file the builder asks for is in the release');
        assert.deepEqual(violations, [], 'no console errors');
        await page.screenshot({ path: `${ROOT}test-results/dist-builder.png` });
      } finally {
        server.close();
      }
    },
  },
  {
    name: 'the release README says where the release comes from, and its links and the hosting guide\'s lead to files in the folder',
    page: 'www/data/metropolitan-2006.json',
    async run() {
      const readme = readFileSync(`${DIST}README.md`, 'utf8');
      for (const needed of [`# grade-widget ${version()}`, 'make dist', '(hosting.md)', `/assets/grade-widget/${version()}/`, 'builder/']) {
        assert.ok(readme.includes(needed), `README.md says ${needed}`);
      }
      assert.ok(!/docs\/hosting\.md/.test(readme), 'README.md names the guide in the folder, not the project\'s');
      for (const doc of ['README.md', 'hosting.md']) {
        const text = readFileSync(`${DIST}${doc}`, 'utf8');
        const anchors = new Set([...text.matchAll(/^#+ (.+)$/gm)].map(([, h]) => h.toLowerCase().replace(/[^\w\s-]/g, '').replace(/\s/g, '-')));
        for (const [, target] of text.matchAll(/\]\(([^)]+)\)/g)) {
          if (/^https?:/.test(target)) continue;
          const [file, anchor] = target.split('#');
          if (file) assert.ok(existsSync(`${DIST}${file}`), `${doc} links ${target}, which is not in the folder`);
          if (anchor && (!file || file === doc)) assert.ok(anchors.has(anchor), `${doc} links #${anchor}, which is not a heading`);
        }
      }
    },
  },
];
