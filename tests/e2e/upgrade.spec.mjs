// Upgrades never break a page (issue 28): a site keeps one folder per release, named by its
// version (/assets/grade-widget/<version>/, scripts/dist.mjs and docs/hosting.md, "Upgrading"),
// uploads the next release beside the last, and a page moves when its snippet is changed.
//
// The "new" release is dist/ (make dist); an "old" one is made from the same build by
// scripts/dist.mjs with another version (DIST_VERSION) into test-results/, so its loader's bytes
// and hash differ, as two releases' do. An assets origin serves the releases "uploaded" so far
// with the hosting guide's headers; a host page on another origin carries a release's snippet as
// snippet.html writes it (www/builder-embed.js), under a strict policy, and serves the snippet's
// report address. Each test also plays the one-directory upgrade the guide used to describe, and
// checks that it does show readers the fallback: that is what the version folders are for.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname } from 'node:path';
import { cacheControl, version } from '../../scripts/dist.mjs';
import { TYPES } from '../../scripts/serve.mjs';
import { EXAMPLE_REPORT, releaseFolder, releaseSnippets } from '../../www/builder-embed.js';
import { DIST } from './dist.mjs';
import { ROOT } from './lib.mjs';

const NEW = version();
const OLD = `${NEW}-previous`;
const OLD_DIR = `${ROOT}test-results/releases/grade-widget-${OLD}/`;

let made = false;
/** The old release, made once per run (not at import: the runner imports every spec). */
function oldRelease() {
  if (!existsSync(`${DIST}integrity.json`)) throw new Error(`${DIST} has no release: run make dist first`);
  if (!made) {
    execFileSync('node', [`${ROOT}scripts/dist.mjs`], {
      env: { ...process.env, DIST_VERSION: OLD, DIST_DIR: `${ROOT}test-results/releases` }, stdio: 'ignore',
    });
    made = true;
  }
  return OLD_DIR;
}

const integrityOf = (dir, file) => JSON.parse(readFileSync(`${dir}integrity.json`, 'utf8')).files[file].integrity;

/**
 * The two origins. `site.uploaded` maps a version to its folder on disk: what is on the assets
 * server under /assets/grade-widget/<version>/. `site.same` is the folder served at
 * /same/grade-widget/, the one-directory way, with the old guide's caching (the loader for five
 * minutes, the hashed files for ever). `site.requests` lists the asset paths asked for.
 */
async function twoOrigins() {
  const site = { uploaded: {}, same: null, requests: [] };
  const assets = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    site.requests.push(path);
    const versioned = /^\/assets\/grade-widget\/([^/]+)\/([\w.-]+)$/.exec(path);
    const same = /^\/same\/grade-widget\/([\w.-]+)$/.exec(path);
    const dir = versioned ? site.uploaded[versioned[1]] : same && site.same;
    const file = versioned ? versioned[2] : same?.[1];
    if (!dir || !existsSync(dir + file)) {
      res.writeHead(404, { 'Content-Type': 'text/plain', 'Access-Control-Allow-Origin': '*' });
      return res.end('not found');
    }
    const body = readFileSync(dir + file);
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': body.length,
      'Cache-Control': versioned ? cacheControl(file) : /\.[0-9a-f]{8}\.(js|wasm)$/.test(file) ? cacheControl(file) : 'public, max-age=300',
      'Access-Control-Allow-Origin': '*',
    });
    res.end(body);
  });
  await new Promise((done) => assets.listen(0, '127.0.0.1', done));
  const assetsOrigin = `http://127.0.0.1:${assets.address().port}`;

  // The host page: /page.html?release=<version>[&same] carries that release's snippet, naming
  // its version folder (or, with `same`, the one directory), with its loader's hash.
  const host = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname === EXAMPLE_REPORT.json) {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      return res.end(readFileSync(`${ROOT}www/data/metropolitan-2006.json`));
    }
    const release = url.searchParams.get('release');
    const dir = release === NEW ? DIST : OLD_DIR;
    const folder = url.searchParams.has('same') ? `${assetsOrigin}/same/grade-widget/` : releaseFolder(`${assetsOrigin}/assets/grade-widget/`, release);
    const { script } = releaseSnippets({ folder, integrity: integrityOf(dir, 'grade-widget.js'), host: { name: 'unused', integrity: '' } });
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': `default-src 'none'; script-src ${assetsOrigin} 'wasm-unsafe-eval'; connect-src 'self' ${assetsOrigin}; base-uri 'none'`,
    });
    res.end(`<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>A page with release ${release}'s snippet</title></head>\n<body>\n<main>\n${script.replace('<grade-widget ', '<grade-widget id="hosted" ')}</main>\n</body>\n</html>\n`);
  });
  await new Promise((done) => host.listen(0, '127.0.0.1', done));
  const hostUrl = `http://127.0.0.1:${host.address().port}/page.html`;
  return { site, assetsOrigin, page: (release, same = false) => `${hostUrl}?release=${release}${same ? '&same' : ''}`, close: () => { assets.close(); host.close(); } };
}

/** The page's widget rendered the report: a `load` event, 23 areas, the fallback link hidden. */
async function renders(page, what) {
  // By what the widget shows: pages in the tests' extra browser contexts have no event recorder.
  await page.waitForFunction(() => document.getElementById('hosted')?.shadowRoot?.querySelectorAll('[data-testid="area-row"]').length === 23, null, { timeout: 20_000 })
    .catch(() => assert.fail(`${what}: the widget did not render the report's 23 areas`));
  assert.equal(await page.locator('#hosted [data-testid="error"]').count(), 0, `${what}: no error`);
  assert.equal(await page.locator('#hosted > a').isVisible(), false, `${what}: the fallback link is hidden`);
}

/** The loader was refused: the element never defined, the fallback link showing. */
async function showsFallback(page, what) {
  await page.waitForLoadState('load');
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => customElements.get('grade-widget')), undefined, `${what}: the element is not defined`);
  assert.ok(await page.locator('#hosted > a').isVisible(), `${what}: the fallback link shows`);
}

export const tests = [
  {
    name: 'a page with the old release\'s snippet still renders after the new release is uploaded beside it',
    page: 'www/data/metropolitan-2006.json',
    timeout: 90_000,
    async run({ page, context, problems }) {
      const oldDir = oldRelease();
      assert.notEqual(integrityOf(oldDir, 'grade-widget.js'), integrityOf(DIST, 'grade-widget.js'), 'the two releases\' loaders differ');
      const o = await twoOrigins();
      try {
        o.site.uploaded = { [OLD]: oldDir };
        await page.goto(o.page(OLD));
        await renders(page, 'the old release alone');

        // The new release goes up beside the old; the page keeps its snippet.
        o.site.uploaded = { [OLD]: oldDir, [NEW]: DIST };
        const before = o.site.requests.length;
        const fresh = await context.browser().newContext();
        for (const [where, p] of [['the same browser', page], ['a new reader', await fresh.newPage()]]) {
          await p.goto(o.page(OLD));
          await renders(p, `the old snippet after the upload, ${where}`);
        }
        const asked = o.site.requests.slice(before);
        assert.ok(asked.length > 0 && asked.every((a) => a.startsWith(`/assets/grade-widget/${OLD}/`)), `only the old folder was asked for: ${asked.join(', ')}`);
        await fresh.close();

        // The one-directory way: the new loader replaces the old, and the old snippet's hash
        // refuses it. A reader then sees only the fallback.
        o.site.same = DIST;
        const reader = await context.browser().newContext();
        const p = await reader.newPage();
        await p.goto(o.page(OLD, true));
        await showsFallback(p, 'the old snippet with the new loader in its place');
        await reader.close();
      } finally {
        o.close();
      }
      // The refused loader, in the last page, is logged in that page only; this page is clean.
      assert.deepEqual(problems, []);
    },
  },
  {
    name: 'the new release\'s snippet renders while the browser holds the old release\'s loader in its cache',
    page: 'www/data/metropolitan-2006.json',
    timeout: 90_000,
    async run({ page, context }) {
      const oldDir = oldRelease();
      const o = await twoOrigins();
      try {
        o.site.uploaded = { [OLD]: oldDir, [NEW]: DIST };
        await page.goto(o.page(OLD));
        await renders(page, 'the old snippet');
        // The page is edited to the new release's snippet; this reader's cache holds the old loader.
        const before = o.site.requests.length;
        await page.goto(o.page(NEW));
        await renders(page, 'the new snippet, the old loader cached');
        assert.ok(o.site.requests.slice(before).includes(`/assets/grade-widget/${NEW}/grade-widget.js`), 'the new loader came from the new folder');

        // The one-directory way: the cached loader (five minutes) is the old one, which the new
        // snippet's hash refuses, until it expires.
        const reader = await context.browser().newContext();
        const p = await reader.newPage();
        o.site.same = oldDir;
        await p.goto(o.page(OLD, true));
        await p.waitForLoadState('load');
        o.site.same = DIST;
        const asked = o.site.requests.length;
        await p.goto(o.page(NEW, true));
        await showsFallback(p, 'the new snippet, the old loader cached, one directory');
        assert.ok(!o.site.requests.slice(asked).includes('/same/grade-widget/grade-widget.js'), 'the loader came from the cache');
        await reader.close();
      } finally {
        o.close();
      }
    },
  },
];
