// Benchmark of the report builder (www/builder.html) in headless Chromium: the two figures of
// issue 10. Not a test: it prints medians (min–max), writes bench-results/builder.json, and
// never fails on a timing (see docs/PERFORMANCE.md on the noise of this 2-core machine).
//
//   node tests/bench/builder.mjs [--runs N] [--repeat R]   (defaults: 10 cold pages, 10 warm repeats)
//
// 1. Text in to preview shown: the seed text in the box, then from the press of "Read the report"
//    (the page's `builder:read` mark) to the frame after the preview <grade-widget> fired `load`.
//    Each run is a cold page (new context: the worker compiles the builder's wasm afresh).
// 2. Extraction in the worker: the wasm `extract` call alone, timed inside the worker
//    (builder-worker.js), first call of each cold page and then R more in one page (warm), with
//    the ratio to the native figure of `cargo bench --bench extract` (criterion's estimate of the
//    same fixture, read from target/criterion when `make bench` has just run it).

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';
import { CHROMIUM_ARGS, ROOT } from '../e2e/lib.mjs';

const args = process.argv.slice(2);
const opt = { runs: 10, repeat: 10 };
for (let i = 0; i < args.length; i += 2) {
  const n = Number(args[i + 1]);
  if (!['--runs', '--repeat'].includes(args[i]) || !Number.isInteger(n) || n < 1) {
    console.error('usage: node tests/bench/builder.mjs [--runs N] [--repeat R]');
    process.exit(2);
  }
  opt[args[i].slice(2)] = n;
}
if (!existsSync(join(ROOT, 'pkg/builder/grade_widget_builder_bg.wasm'))) {
  console.error('bench: pkg/builder/ has no build: run scripts/build.sh (or make build) first');
  process.exit(2);
}

const SEED = readFileSync(join(ROOT, 'tests/fixtures/metropolitan-2006.txt'), 'utf8');

/** In the page: records when the frame after the preview's `load` has been produced. */
function instrument() {
  window.__builderBench = { shown: null };
  document.addEventListener('load', (e) => {
    if (!(e instanceof CustomEvent) || e.target?.id !== 'preview') return;
    requestAnimationFrame(() => setTimeout(() => { window.__builderBench.shown = performance.now(); }, 0));
  }, true);
}

/** One cold page: returns { toPreview, firstExtract, warm: [ms…] }. */
async function once(browser, base, repeat) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(instrument);
    await page.goto(`${base}www/builder.html`);
    await page.waitForFunction(() => document.getElementById('status-text').textContent === '', null, { timeout: 30000 });
    await page.evaluate((text) => {
      const box = document.getElementById('source');
      box.value = text;
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }, SEED);
    await page.click('[data-testid="read"]');
    await page.waitForFunction(() => window.__builderBench.shown !== null, null, { timeout: 60000 });
    const first = await page.evaluate(() => ({
      toPreview: window.__builderBench.shown - performance.getEntriesByName('builder:read').at(-1).startTime,
      extract: performance.getEntriesByName('builder:extracted').at(-1).detail.ms,
    }));
    const warm = [];
    for (let i = 0; i < repeat; i++) {
      const before = await page.evaluate(() => performance.getEntriesByName('builder:extracted').length);
      await page.click('[data-testid="read"]');
      await page.waitForFunction((n) => performance.getEntriesByName('builder:extracted').length > n, before, { timeout: 30000 });
      warm.push(await page.evaluate(() => performance.getEntriesByName('builder:extracted').at(-1).detail.ms));
    }
    return { toPreview: first.toPreview, firstExtract: first.extract, warm };
  } finally {
    await context.close();
  }
}

function stats(values) {
  const v = [...values].sort((a, b) => a - b);
  const mid = v.length >> 1;
  return { median: v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2, min: v[0], max: v.at(-1), n: v.length };
}

/** criterion's mean for `extract/metropolitan-2006.txt`, in ms, or null when it has not run. */
function nativeExtractMs() {
  const file = join(ROOT, 'target/criterion/extract/metropolitan-2006.txt/new/estimates.json');
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8')).mean.point_estimate / 1e6;
}

const { server, url: base } = await serve({ port: 0 });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
const load = loadavg()[0];
const runs = [];
try {
  await once(browser, base, 1); // warm-up: the OS file cache, Chromium's own start
  for (let i = 0; i < opt.runs; i++) runs.push(await once(browser, base, opt.repeat));
} finally {
  await browser.close();
  server.close();
}

const toPreview = stats(runs.map((r) => r.toPreview));
const firstExtract = stats(runs.map((r) => r.firstExtract));
const warmExtract = stats(runs.flatMap((r) => r.warm));
const native = nativeExtractMs();
const fmt = (ms) => `${ms.toFixed(1)} ms`;
const row = (label, s) => console.log(`${label.padEnd(44)} ${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)}), n=${s.n}`);
console.log(`report builder bench: ${opt.runs} cold pages, ${opt.repeat} warm repeats each; load average ${load.toFixed(2)} on ${cpus().length} cores`);
row('text in to preview shown (cold page)', toPreview);
row('extraction in the worker, first call', firstExtract);
row('extraction in the worker, warm', warmExtract);
if (native === null) {
  console.log('native extraction: no criterion figure (run `cargo bench --bench extract` first); no ratio');
} else {
  console.log(`${'native extraction (cargo bench, mean)'.padEnd(44)} ${fmt(native)}`);
  console.log(`${'ratio worker / native'.padEnd(44)} ${(firstExtract.median / native).toFixed(1)}x first call, ${(warmExtract.median / native).toFixed(1)}x warm`);
}
console.log(`target: extraction under 100 ms in wasm: ${warmExtract.median < 100 ? 'met' : 'not met'} (warm median)`);

mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
writeFileSync(join(ROOT, 'bench-results/builder.json'), `${JSON.stringify({
  date: new Date().toISOString(), loadavg: loadavg(), cores: cpus().length, runs: opt.runs, repeat: opt.repeat,
  toPreview, firstExtract, warmExtract, nativeExtractMs: native,
}, null, 1)}\n`);
