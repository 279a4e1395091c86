// Does a page with pre-rendered markup show the grades at its first paint (issue 12)? The
// no-JavaScript example (www/examples/no-js.html: `render` markup inside <grade-widget src>) is
// loaded cold, under a Chromium trace that records a screenshot of every frame, once with
// JavaScript on (the widget hydrates the copy) and once with it off (the markup alone, which is
// the floor). Then, decoded and compared in the browser:
//   - the first painted frame with JavaScript against the first without: the same picture means
//     the grades were there at first paint, drawn as the static page draws them;
//   - the first frame with JavaScript against its last one, after hydration: the same picture
//     means hydration moved and changed nothing that shows.
// A frame "differs" where a pixel's channel differs by more than 48 of 255 (the frames are JPEGs,
// so a few pixels always move a little). The frames are written to bench-results/first-frame/
// to look at. It measures; it asserts nothing and fails only when a page does not load.
//
//   node tests/bench/first-frame.mjs [--runs 3] [--page www/examples/no-js.html | --view full [--shadow-root 1]]
//
// --view full renders the demo report's full view (filters, table, findings panel, charts) with
// the CLI (`grade-widget render --stylesheet`, built by cargo if need be) into a page of its own
// under bench-results/first-frame/, the way a web team would publish it.

import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';
import { CHROMIUM_ARGS, ROOT } from '../e2e/lib.mjs';

const opt = { runs: 3, page: 'www/examples/no-js.html', view: null, 'shadow-root': '0' };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) {
  const key = argv[i].replace(/^--/, '');
  if (!(key in opt)) throw new Error(`first-frame: unknown argument ${argv[i]}`);
  opt[key] = key === 'runs' ? Number(argv[i + 1]) : argv[i + 1];
}
const OUT = join(ROOT, 'bench-results', 'first-frame');
mkdirSync(OUT, { recursive: true });
if (opt.view) {
  // --shadow-root 1: the copy in a declarative shadow root that links the stylesheet itself.
  const dsd = opt['shadow-root'] === '1';
  const name = dsd ? `${opt.view}-shadow-root` : opt.view;
  const css = join(OUT, `${name}.css`);
  const r = spawnSync('cargo', ['run', '-q', '--bin', 'grade-widget', '--', 'render', 'www/data/metropolitan-2006.json', '--view', opt.view, '--stylesheet', css,
    ...(dsd ? ['--shadow-root', `${name}.css`] : [])],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`first-frame: render failed: ${r.stderr}`);
  // A heading above the widget, as on a real page: the first paint must not be the heading alone.
  writeFileSync(join(OUT, `${name}.html`), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>pre-rendered ${opt.view} view</title>
${dsd ? '' : `<link rel="stylesheet" href="${name}.css">\n`}<script type="module" src="/pkg/grade-widget.js"></script></head>
<body><h1>Inspection grades</h1><grade-widget src="/www/data/metropolitan-2006.json" view="${opt.view}">${r.stdout}</grade-widget></body></html>
`);
  opt.page = `bench-results/first-frame/${name}.html`;
}

const { server, url } = await serve({ port: 0, routes: {} });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
const pageUrl = url + opt.page;

/** One cold load: the screenshots of its frames from navigation until well after it settles. */
async function load(js) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, javaScriptEnabled: js });
  const page = await context.newPage();
  // The widget's load or error event, whichever comes (a CustomEvent on the element).
  if (js) await page.addInitScript(() => {
    window.__settled = null;
    for (const type of ['load', 'error']) {
      document.addEventListener(type, (e) => { if (e instanceof CustomEvent) window.__settled ??= type; }, true);
    }
  });
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.screenshot,loading,blink.user_timing', transferMode: 'ReportEvents' });
  await page.goto(pageUrl, { waitUntil: 'load' });
  if (js) {
    // Hydrated: the widget has fired load (or error, which is reported).
    await page.waitForFunction(() => window.__settled, null, { timeout: 15000 });
    const settled = await page.evaluate(() => window.__settled);
    if (settled !== 'load') throw new Error(`first-frame: the widget fired ${settled}, not load`);
    // The copy is held as it is after `load` until the reader reaches for it: a pointer passes
    // over it (and leaves, so no hover style is in the last frame), and the app takes it over.
    for (const widget of await page.locator('grade-widget').all()) await widget.hover();
    await page.mouse.move(0, 0);
    await page.waitForFunction(() => ![...document.querySelectorAll('grade-widget')]
      .some((w) => (w.shadowRoot ?? w).querySelector('[data-gw-hydrate]')), null, { timeout: 15000 });
  }
  await page.waitForTimeout(1000);
  await cdp.send('Tracing.end');
  await complete;
  await context.close();
  const shots = events.filter((e) => e.name === 'Screenshot' && e.args?.snapshot).sort((a, b) => a.ts - b.ts);
  const fcp = events.find((e) => e.name === 'firstContentfulPaint');
  const nav = events.find((e) => e.name === 'navigationStart') ?? events.find((e) => e.name === 'TracingStartedInBrowser');
  if (!shots.length || !fcp) throw new Error(`first-frame: no frames or no first contentful paint (${js ? 'with' : 'without'} JavaScript)`);
  // The first frame at or after the first contentful paint (earlier frames are the blank page).
  const first = shots.find((s) => s.ts >= fcp.ts) ?? shots.at(-1);
  const painted = shots.filter((s) => s.ts >= first.ts).map((s) => ({ at: (s.ts - nav.ts) / 1000, snapshot: s.args.snapshot }));
  return { first: first.args.snapshot, last: shots.at(-1).args.snapshot, fcp: (fcp.ts - nav.ts) / 1000, frames: shots.length, painted };
}

/** A JPEG frame as PNG bytes (re-encoded by the browser), to look at. */
async function png(b64) {
  const page = await browser.newPage();
  const out = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/jpeg;base64,${b64}`;
    await img.decode();
    const c = new OffscreenCanvas(img.naturalWidth, img.naturalHeight);
    c.getContext('2d').drawImage(img, 0, 0);
    const bytes = new Uint8Array(await (await c.convertToBlob({ type: 'image/png' })).arrayBuffer());
    let bin = '';
    for (const x of bytes) bin += String.fromCharCode(x);
    return btoa(bin);
  }, b64);
  await page.close();
  return Buffer.from(out, 'base64');
}

/**
 * Share of pixels that differ between two JPEG frames, decoded by the browser, and the share of
 * pixels of the first that are not near white (so two blank frames cannot pass for the same page).
 */
async function differ(a, b) {
  const page = await browser.newPage();
  const share = await page.evaluate(async ([a, b]) => {
    const pixels = async (b64) => {
      const img = new Image();
      img.src = `data:image/jpeg;base64,${b64}`;
      await img.decode();
      const c = new OffscreenCanvas(img.naturalWidth, img.naturalHeight);
      const g = c.getContext('2d');
      g.drawImage(img, 0, 0);
      return g.getImageData(0, 0, c.width, c.height);
    };
    const [p, q] = [await pixels(a), await pixels(b)];
    if (p.width !== q.width || p.height !== q.height) return 1;
    let n = 0;
    let ink = 0;
    for (let i = 0; i < p.data.length; i += 4) {
      if (Math.abs(p.data[i] - q.data[i]) > 48 || Math.abs(p.data[i + 1] - q.data[i + 1]) > 48 || Math.abs(p.data[i + 2] - q.data[i + 2]) > 48) n++;
      if (Math.min(p.data[i], p.data[i + 1], p.data[i + 2]) < 200) ink++;
    }
    return { differ: n / (p.width * p.height), ink: ink / (p.width * p.height) };
  }, [a, b]);
  await page.close();
  return share;
}

const pct = (x) => `${(x * 100).toFixed(2)} %`;
const rows = [];
for (let r = 0; r < opt.runs; r++) {
  const on = await load(true);
  const off = await load(false);
  const vsStatic = await differ(on.first, off.first);
  const vsLast = await differ(on.first, on.last);
  writeFileSync(join(OUT, `run${r}-js-first.png`), await png(on.first));
  writeFileSync(join(OUT, `run${r}-js-last.png`), await png(on.last));
  writeFileSync(join(OUT, `run${r}-nojs-first.png`), await png(off.first));
  // Every frame from the first paint on, against the last: what a reader saw in between (a
  // heading alone, the copy unstyled, the copy as it ends up).
  const sequence = [];
  for (const [i, f] of on.painted.entries()) {
    const d = await differ(f.snapshot, on.last);
    writeFileSync(join(OUT, `run${r}-js-frame${i}.png`), await png(f.snapshot));
    sequence.push(`${f.at.toFixed(0)} ms ink ${pct(d.ink)} differs ${pct(d.differ)}`);
  }
  rows.push({ fcpJs: on.fcp, fcpNoJs: off.fcp, firstVsStatic: vsStatic.differ, firstVsLast: vsLast.differ, ink: vsStatic.ink, frames: on.frames, sequence });
}
await browser.close();
server.close();

console.log(`first-frame: ${opt.page}, ${opt.runs} cold loads each way, 1280x800; load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
for (const [i, r] of rows.entries()) {
  console.log(`  run ${i}: FCP ${r.fcpJs.toFixed(0)} ms with JavaScript, ${r.fcpNoJs.toFixed(0)} ms without; first painted frame (${pct(r.ink)} of it ink) vs the static page's: ${pct(r.firstVsStatic)} of pixels differ; vs the last of ${r.frames} frames (hydrated): ${pct(r.firstVsLast)}`);
  console.log(`    with JavaScript, each frame from the first paint against the last: ${r.sequence.join('; ')}`);
}
console.log(`  frames written to ${join('bench-results', 'first-frame')}/`);
