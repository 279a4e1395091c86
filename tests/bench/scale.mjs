//! Scale curve: how the cold render grows with the work on the page (issue 5, "Scale").
// Not a test: prints medians (min–max) and writes bench-results/scale.json.
//
//   node tests/bench/scale.mjs [--runs N] [--out FILE]   (defaults: 3, bench-results/scale.json)
//
// Pages, each loaded cold (new browser context) N times, in headless Chromium:
//   widgets-1, widgets-10, widgets-43  1, 10 and 43 <grade-widget>s (view="full"), each with its own
//                                     synthetic force: the demo report's 23 areas and national
//                                     counts under another name, with grades and directions drawn
//                                     (seeded) from those the counts allow
//   areas-230                         one widget whose report has 10 times the areas: 10 domains of
//                                     23 areas each (ids 1A … 10W)
// The reports carry no findings text (like the peers' data): what grows is widgets and areas.
// All pages and reports are generated here and served from memory; nothing is written to www/.
// Time is navigation → every widget's `load` event → the next frame (rAF, then a task), the same
// completion signal as tests/bench/run.mjs.

import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';
import { CHROMIUM_ARGS, ROOT } from '../e2e/lib.mjs';

const opt = { runs: 3, out: join(ROOT, 'bench-results', 'scale.json') };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) {
  if (argv[i] === '--runs' && Number.isInteger(Number(argv[i + 1])) && Number(argv[i + 1]) > 0) opt.runs = Number(argv[i + 1]);
  else if (argv[i] === '--out' && argv[i + 1]) opt.out = argv[i + 1];
  else {
    console.error('usage: node tests/bench/scale.mjs [--runs N] [--out FILE]');
    process.exit(2);
  }
}
if (!existsSync(join(ROOT, 'pkg/grade_widget_bg.wasm'))) {
  console.error('scale: pkg/grade_widget_bg.wasm is missing: run `bash scripts/build.sh` first');
  process.exit(2);
}

const met = JSON.parse(readFileSync(join(ROOT, 'www/data/metropolitan-2006.json'), 'utf8'));
const GRADES = ['poor', 'fair', 'good', 'excellent'];
const DIRECTIONS = ['improved', 'stable', 'declined', null];

/** A small deterministic generator, so every run draws the same forces. */
function rng(seed) {
  let s = seed >>> 0 || 1;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function leanArea(a, id, rand) {
  // Only grades at least one force got, so the counts still make sense for this force.
  const allowed = GRADES.filter((g) => a.national[g] > 0);
  return {
    id,
    title: a.title,
    grade: allowed[Math.floor(rand() * allowed.length)],
    direction: DIRECTIONS[Math.floor(rand() * DIRECTIONS.length)],
    national: a.national,
  };
}

function header(force) {
  const { schema_version, title, published, period, forces_assessed } = met;
  return { schema_version, force, title, published, period, forces_assessed };
}

/** Synthetic force `k`: the demo's 23 areas under another name, with drawn grades. */
function force(k) {
  const rand = rng(k + 1);
  return {
    ...header(`Synthetic Force ${k + 1}`),
    domains: met.domains.map((d) => ({
      id: d.id, title: d.title, ppaf: d.ppaf,
      areas: d.areas.map((a) => leanArea(a, a.id, rand)),
    })),
  };
}

/** Ten domains of 23 areas each: every area of the demo, renumbered 1A … 10W. */
function tenfold() {
  const rand = rng(99);
  const all = met.domains.flatMap((d) => d.areas);
  return {
    ...header('Synthetic Force with 230 areas'),
    domains: Array.from({ length: 10 }, (_, i) => ({
      id: String(i + 1),
      title: `Domain ${i + 1}`,
      areas: all.map((a, j) => leanArea(a, `${i + 1}${String.fromCharCode(65 + j)}`, rand)),
    })),
  };
}

function page(title, srcs) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title}</title>
<link rel="icon" href="data:,">
<script>
window.__scale = { want: ${srcs.length}, loads: 0, done: null, error: null };
document.addEventListener('load', (e) => {
  if (!(e instanceof CustomEvent) || e.target.localName !== 'grade-widget') return;
  if (++window.__scale.loads === window.__scale.want) {
    requestAnimationFrame(() => setTimeout(() => { window.__scale.done = performance.now(); }, 0));
  }
}, true);
document.addEventListener('error', (e) => {
  if (e instanceof CustomEvent && e.target.localName === 'grade-widget') window.__scale.error = JSON.stringify(e.detail);
}, true);
</script>
<script type="module" src="/pkg/grade-widget.js"></script>
</head>
<body>
${srcs.map((s) => `<grade-widget src="${s}"></grade-widget>`).join('\n')}
</body>
</html>
`;
}

const routes = {};
const json = (body) => (req, res) => {
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(body);
};
const html = (body) => (req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(body);
};
for (let k = 0; k < 43; k++) routes[`/__scale/force-${k + 1}.json`] = json(JSON.stringify(force(k)));
routes['/__scale/areas-230.json'] = json(JSON.stringify(tenfold()));
const CASES = [
  { name: 'widgets-1', widgets: 1, areas: 23 },
  { name: 'widgets-10', widgets: 10, areas: 230 },
  { name: 'widgets-43', widgets: 43, areas: 989 },
  { name: 'areas-230', widgets: 1, areas: 230 },
];
for (const c of CASES) {
  const srcs = c.name === 'areas-230'
    ? ['/__scale/areas-230.json']
    : Array.from({ length: c.widgets }, (_, k) => `/__scale/force-${k + 1}.json`);
  routes[`/__scale/${c.name}.html`] = html(page(`scale: ${c.name}`, srcs));
}

async function coldLoad(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__scale && (window.__scale.done !== null || window.__scale.error !== null), null,
      { polling: 10, timeout: 120000 });
    const s = await page.evaluate(() => window.__scale);
    if (s.error) throw new Error(`scale: a widget fired error: ${s.error}`);
    if (problems.length) throw new Error(`scale: ${problems.join('; ')}`);
    const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    return { done: s.done, nodes: metrics.Nodes };
  } finally {
    await context.close();
  }
}

const load = loadavg()[0];
if (load > 1) console.warn(`scale: load average ${load.toFixed(2)} at start: expect noisy figures`);
const { server, url } = await serve({ port: 0, routes });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
const results = [];
try {
  await coldLoad(browser, `${url}__scale/widgets-1.html`); // warm-up
  // Interleaved, so a busy spell on the machine does not land on one case only.
  const times = Object.fromEntries(CASES.map((c) => [c.name, []]));
  const nodes = {};
  for (let r = 0; r < opt.runs; r++) {
    for (const c of CASES) {
      const m = await coldLoad(browser, `${url}__scale/${c.name}.html`);
      times[c.name].push(m.done);
      nodes[c.name] = m.nodes;
    }
  }
  for (const c of CASES) {
    const v = times[c.name].sort((a, b) => a - b);
    results.push({ ...c, median: v[v.length >> 1], min: v[0], max: v[v.length - 1], nodes: nodes[c.name] });
  }
} finally {
  await browser.close();
  server.close();
}

const base = results[0];
console.log(`grade-widget scale: ${opt.runs} cold loads per case, median (min–max); load average ${load.toFixed(2)} at start`);
console.log('| case | widgets | areas | DOM nodes | render done ms | ms per widget | ms per area |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of results) {
  console.log(`| ${r.name} | ${r.widgets} | ${r.areas} | ${r.nodes} | ${r.median.toFixed(1)} (${r.min.toFixed(1)}–${r.max.toFixed(1)}) | ${(r.median / r.widgets).toFixed(1)} | ${(r.median / r.areas).toFixed(2)} |`);
}
// Linear or better: the time past the 1-widget page grows no faster than the extra work.
const w43 = results.find((r) => r.name === 'widgets-43');
const a230 = results.find((r) => r.name === 'areas-230');
console.log(`43 widgets vs 1: ${(w43.median / base.median).toFixed(1)}x the time for 43x the widgets; 230 areas vs 23: ${(a230.median / base.median).toFixed(1)}x the time for 10x the areas`);
mkdirSync(dirname(opt.out), { recursive: true });
writeFileSync(opt.out, JSON.stringify({ date: new Date().toISOString(), loadavg: load, runs: opt.runs, results }, null, 2));
console.log(`scale: wrote ${opt.out}`);
