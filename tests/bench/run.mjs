//! Benchmark of the demo page in headless Chromium: cold render; every interaction issue 12 lists
// (grade, domain and direction filters and each one's undo, sort, selecting an area from a chart
// and from the table), each 5 times per cold page, with the full report; decode + validate in
// wasm, memory, bytes.
// Not a test: it prints medians (min–max) and writes bench-results/bench.json, and never fails on a
// timing, because on a 2-core machine single loads vary by ±20–40% (see docs/PERFORMANCE.md).
//
//   node tests/bench/run.mjs [--runs N] [--warmup W] [--out FILE]   (defaults: 10, 1, bench-results/bench.json)
//
// Each run is a cold load: a new browser context (empty cache, new renderer process) in one
// Chromium process, the page served from loopback by scripts/serve.mjs without compression.

import { spawnSync } from 'node:child_process';
import { createReadStream, mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, hostname, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';
import { CHROMIUM_ARGS, ROOT } from '../e2e/lib.mjs';

const PAGE = 'index.html';
/** The report the demo page's widget loads: the full one, findings text included (checked per load). */
const REPORT = 'www/data/metropolitan-2006.json';
const WIDGET = '#report';

function parseArgs(argv) {
  const opt = { runs: 10, warmup: 1, out: join(ROOT, 'bench-results', 'bench.json') };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i];
    const value = argv[i + 1];
    if (name === '--runs' || name === '--warmup') {
      const n = Number(value);
      const min = name === '--runs' ? 1 : 0;
      if (!Number.isInteger(n) || n < min) {
        console.error(`bench: ${name} needs an integer >= ${min}, got ${value}`);
        process.exit(2);
      }
      opt[name.slice(2)] = n;
      i++;
    } else if (name === '--out' && value) {
      opt.out = value;
      i++;
    } else {
      console.error(`bench: unknown argument ${name} (usage: node tests/bench/run.mjs [--runs N] [--warmup W] [--out FILE])`);
      process.exit(2);
    }
  }
  return opt;
}

// Runs in the page before any of its scripts.
// 1. Wraps WebAssembly.Memory / Instance / instantiate(Streaming) so every linear memory the page
//    creates or gets exported is remembered: no JS-heap metric includes wasm memory.
// 2. Records when the widget's `load` event fires and when the frame after it has been produced
//    (rAF runs before that frame's style/layout/paint, the setTimeout after it), the same
//    completion signal the peers' pages use.
function instrument() {
  const W = globalThis.WebAssembly;
  const memories = new Set();
  Object.defineProperty(globalThis, '__benchMemories', { value: memories });
  if (W) {
    const OriginalMemory = W.Memory;
    const collect = (instance) => {
      try {
        for (const v of Object.values(instance.exports)) if (v instanceof OriginalMemory) memories.add(v);
      } catch { /* an instance without readable exports holds no memory we can see */ }
    };
    W.Memory = new Proxy(OriginalMemory, {
      construct(target, args, newTarget) {
        const m = Reflect.construct(target, args, newTarget);
        memories.add(m);
        return m;
      },
    });
    W.Instance = new Proxy(W.Instance, {
      construct(target, args, newTarget) {
        const i = Reflect.construct(target, args, newTarget);
        collect(i);
        return i;
      },
    });
    for (const name of ['instantiate', 'instantiateStreaming']) {
      const original = W[name];
      if (typeof original !== 'function') continue;
      W[name] = function (...args) {
        return original.apply(this, args).then((result) => {
          collect(result.instance ?? result);
          return result;
        });
      };
    }
  }
  window.__bench = { loadEvent: null, loaded: null, error: null };
  document.addEventListener('load', (e) => {
    if (!(e instanceof CustomEvent) || e.target?.localName !== 'grade-widget' || window.__bench.loadEvent !== null) return;
    window.__bench.loadEvent = performance.now();
    requestAnimationFrame(() => setTimeout(() => { window.__bench.loaded = performance.now(); }, 0));
  }, true);
  document.addEventListener('error', (e) => {
    if (e instanceof CustomEvent && e.target?.localName === 'grade-widget') window.__bench.error = JSON.stringify(e.detail);
  }, true);
}

// Runs in the page after the widget has loaded: one reader action, `step`, on the shadow root of
// `selector`:
//   { kind: 'select', testid, value }  sets a <select> (filter-grade, filter-domain,
//                                      filter-direction, filter-sort) and fires `change`;
//   { kind: 'click', css }             clicks the element `css` finds (a chart's or a row's button).
// Times (a) until the last DOM change and (b) until the frame after it has been produced
// (rAF runs before that frame's style/layout/paint, the setTimeout after it). A MutationObserver
// takes the time of each batch of mutations; if another batch arrives before that frame, the
// wait starts again from it, so (b) is after the last change. Returns what the step must have
// changed: the shown count, the table's row order, the selected area.
function interactOnce([selector, step]) {
  const root = document.querySelector(selector)?.shadowRoot;
  if (!root) return Promise.reject(new Error(`bench: no shadow root on ${selector}`));
  const state = () => ({
    shown: root.querySelector('[data-testid="shown"]')?.textContent ?? '',
    // Shown ones only: the filters hide rows and charts rather than remove them (issue 12).
    rows: [...root.querySelectorAll('[data-testid="summary"] [data-testid="area-row"]')].filter((r) => r.checkVisibility()).map((r) => r.dataset.area).join(' '),
    charts: [...root.querySelectorAll('[data-testid="glance-item"]')].filter((c) => c.checkVisibility()).length,
    detail: root.querySelector('[data-testid="area-detail"]')?.dataset.area ?? '',
  });
  let act;
  if (step.kind === 'select') {
    const select = root.querySelector(`[data-testid="${step.testid}"]`);
    if (!select) return Promise.reject(new Error(`bench: no [data-testid="${step.testid}"] in ${selector}`));
    if (![...select.options].some((o) => o.value === step.value)) {
      return Promise.reject(new Error(`bench: ${step.testid} has no option "${step.value}"`));
    }
    act = () => {
      select.value = step.value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    };
  } else {
    const target = root.querySelector(step.css);
    if (!target) return Promise.reject(new Error(`bench: nothing matches ${step.css} in ${selector}`));
    act = () => target.click();
  }
  const before = state();
  return new Promise((resolve, reject) => {
    let t0 = 0;
    let first = 0;
    let last = 0;
    let batches = 0;
    // Batches that came after the input's task had ended (a setTimeout(0) queued right after the
    // input has run): a render split over tasks, not only over microtasks.
    let later = 0;
    let taskOver = false;
    let waiting = false;
    const settle = () => {
      const seen = batches;
      requestAnimationFrame(() => setTimeout(() => {
        if (batches !== seen) { settle(); return; }
        observer.disconnect();
        clearTimeout(timer);
        resolve({ laterTaskBatches: later, firstChange: first - t0, domUpdated: last - t0, frame: performance.now() - t0, batches, before, after: state() });
      }, 0));
    };
    const observer = new MutationObserver(() => {
      last = performance.now();
      if (!batches++) first = last;
      if (taskOver) later++;
      if (!waiting) { waiting = true; settle(); }
    });
    observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    const timer = setTimeout(() => { observer.disconnect(); reject(new Error(`bench: no DOM change within 5 s of ${JSON.stringify(step)}`)); }, 5000);
    t0 = performance.now();
    act();
    setTimeout(() => { taskOver = true; }, 0);
  });
}

// The interactions the issue lists, each paired with its undo; all are timed. With the full report
// (the demo page's). `expect` checks the state after the step (node side), failing loudly.
function interactionPlan(report) {
  const areas = report.domains.flatMap((d) => d.areas.map((a) => ({ ...a, domain: d.id })));
  const all = `${areas.length} of ${areas.length} areas shown`;
  const idOrder = areas.map((a) => a.id).join(' ');
  const shownIs = (n) => (s) => s.shown.startsWith(`${n} of ${areas.length} `) && s.rows.split(' ').filter(Boolean).length === n && s.charts === n;
  const grade = 'excellent';
  const direction = 'stable';
  const domain = report.domains[2].id;
  const count = (f) => areas.filter(f).length;
  const [chartA, chartB] = [areas[areas.length - 1].id, areas[0].id];
  const [rowA, rowB] = [areas[5].id, areas[1].id];
  const chart = (id) => `[data-testid="glance-item"][data-area="${id}"] button`;
  const row = (id) => `[data-testid="summary"] [data-testid="area-row"][data-area="${id}"] button`;
  // The status goes on with the sort (", sorted by reference").
  const allShown = (s) => s.shown.startsWith(`${all},`);
  const showsAll = (s) => allShown(s) && s.rows === idOrder;
  return [
    ['gradeFilter', 'grade filter (Excellent)', { kind: 'select', testid: 'filter-grade', value: grade }, shownIs(count((a) => a.grade === grade))],
    ['allGrades', 'all grades again', { kind: 'select', testid: 'filter-grade', value: '' }, showsAll],
    ['domainFilter', `domain filter (${domain})`, { kind: 'select', testid: 'filter-domain', value: domain }, shownIs(count((a) => a.domain === domain))],
    ['allDomains', 'all domains again', { kind: 'select', testid: 'filter-domain', value: '' }, showsAll],
    ['directionFilter', `direction filter (${direction})`, { kind: 'select', testid: 'filter-direction', value: direction }, shownIs(count((a) => a.direction === direction))],
    ['allDirections', 'all directions again', { kind: 'select', testid: 'filter-direction', value: '' }, showsAll],
    ['sortGrade', 'sort by grade', { kind: 'select', testid: 'filter-sort', value: 'grade' }, (s) => allShown(s) && s.rows !== idOrder && s.rows.split(' ').sort().join() === idOrder.split(' ').sort().join()],
    ['sortId', 'sort by area again', { kind: 'select', testid: 'filter-sort', value: 'id' }, showsAll],
    ['chartSelect', `select an area from a chart (${chartA}, ${chartB})`, { kind: 'click', css: chart(chartA) }, (s) => s.detail === chartA],
    ['chartSelect', null, { kind: 'click', css: chart(chartB) }, (s) => s.detail === chartB],
    ['rowSelect', `select an area from the table (${rowA}, ${rowB})`, { kind: 'click', css: row(rowA) }, (s) => s.detail === rowA],
    ['rowSelect', null, { kind: 'click', css: row(rowB) }, (s) => s.detail === rowB],
  ];
}
const PLAN = interactionPlan(JSON.parse(readFileSync(join(ROOT, REPORT), 'utf8')));
/** Each interaction's repetitions per cold page (alternating with its undo). */
const REPEATS = 5;

// Runs in the page after everything else: decode + validate of the page's report in wasm, with
// no render, through the export of the bench build (`__benchLoadReport`, src/embed/bench.rs;
// `make build-bench` puts it in target/bench-pkg/, served here as /bench-pkg/), and the
// browser's JSON.parse of the same text, each timed over `n` iterations after 3 warm-ups.
async function parseTimes([selector, n]) {
  const src = new URL(document.querySelector(selector).getAttribute('src'), location.href);
  const text = await (await fetch(src)).text();
  // The bench build is the widget's code plus that export: a second instance beside the page's.
  const wasm = await import(new URL('/bench-pkg/grade_widget.js', location.href).href);
  await wasm.default();
  const parse = [];
  const load = [];
  let areas = 0;
  for (let i = 0; i < n + 3; i++) {
    const t0 = performance.now();
    const value = JSON.parse(text);
    const t1 = performance.now();
    areas = wasm.__benchLoadReport(value);
    const t2 = performance.now();
    if (i >= 3) { parse.push(t1 - t0); load.push(t2 - t1); }
  }
  const median = (v) => v.sort((a, b) => a - b)[v.length >> 1];
  return { bytes: text.length, areas, jsonParse: median(parse), decodeValidate: median(load) };
}

async function coldLoad(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  try {
    await context.addInitScript(instrument);
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
    // The browser asks for /favicon.ico on its own and logs its 404; any other failed request counts.
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console: ${m.text()}`);
    });
    page.on('response', (r) => {
      if (r.status() >= 400 && new URL(r.url()).pathname !== '/favicon.ico') problems.push(`http ${r.status()}: ${r.url()}`);
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__bench.loaded !== null || window.__bench.error !== null, null,
      { polling: 10, timeout: 30000 });
    const marks = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      // The report's fetch: from its last byte to the load event the wasm decodes, validates and
      // renders it (an upper bound on parse + validate in wasm, which has no mark of its own).
      const report = performance.getEntriesByType('resource').find((r) => r.name.endsWith('.json'));
      return { ...window.__bench, responseEnd: nav?.responseEnd ?? null, fcp: fcp?.startTime ?? null, reportEnd: report?.responseEnd ?? null };
    });
    if (marks.error) throw new Error(`bench: the widget fired error: ${marks.error}`);
    const src = await page.evaluate((sel) => document.querySelector(sel)?.getAttribute('src'), WIDGET);
    if (src !== REPORT) throw new Error(`bench: ${PAGE}'s ${WIDGET} loads ${src}, not ${REPORT}: update REPORT and the plan`);
    const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const m1 = await metrics();
    const wasmBytes = await page.evaluate(() => [...window.__benchMemories].reduce((s, m) => s + m.buffer.byteLength, 0));
    await cdp.send('HeapProfiler.collectGarbage');
    const m2 = await metrics();
    const steps = {};
    for (let rep = 0; rep < REPEATS; rep++) {
      for (const [key, label, step, expect] of PLAN) {
        const r = await page.evaluate(interactOnce, [WIDGET, step]);
        if (!expect(r.after)) {
          throw new Error(`bench: "${label ?? key}" (${JSON.stringify(step)}) did not change what it should:\n  before ${JSON.stringify(r.before)}\n  after  ${JSON.stringify(r.after)}`);
        }
        (steps[key] ??= { first: [], dom: [], frame: [], batches: [], later: [] });
        steps[key].later.push(r.laterTaskBatches);
        steps[key].first.push(r.firstChange);
        steps[key].dom.push(r.domUpdated);
        steps[key].frame.push(r.frame);
        steps[key].batches.push(r.batches);
      }
    }
    const parse = await page.evaluate(parseTimes, [WIDGET, 20]);
    if (parse.areas === 0) throw new Error('bench: __benchLoadReport found problems in the report');
    if (problems.length) throw new Error(`bench: the page reported problems:\n  ${problems.join('\n  ')}`);
    return {
      loadEvent: marks.loadEvent,
      renderDone: marks.loaded,
      fcp: marks.fcp,
      reportToLoad: marks.reportEnd === null ? null : marks.loadEvent - marks.reportEnd,
      responseEnd: marks.responseEnd,
      ...Object.fromEntries(Object.entries(steps).flatMap(([key, v]) => [[`${key}FirstChange`, v.first], [`${key}Dom`, v.dom], [`${key}Frame`, v.frame], [`${key}Batches`, v.batches], [`${key}LaterTaskBatches`, v.later]])),
      jsonParse: parse.jsonParse,
      decodeValidate: parse.decodeValidate,
      jsHeap: m1.JSHeapUsedSize,
      jsHeapAfterGc: m2.JSHeapUsedSize,
      wasmMemory: wasmBytes,
      nodes: m1.Nodes,
      taskDuration: m1.TaskDuration,
    };
  } finally {
    await context.close();
  }
}

function sizes() {
  // size.sh exits 1 when over budget but still prints the figures: read them either way.
  const r = spawnSync('bash', [join(ROOT, 'scripts/size.sh'), '--json'], { encoding: 'utf8' });
  const line = r.stdout.trim().split('\n').pop();
  try {
    return JSON.parse(line);
  } catch {
    throw new Error(`bench: scripts/size.sh --json printed no JSON (exit ${r.status}): ${r.stderr.trim()}`);
  }
}

function stats(values) {
  const v = values.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = v.length >> 1;
  const median = v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  return { median, min: v[0], max: v[v.length - 1], n: v.length };
}

const opt = parseArgs(process.argv.slice(2));
if (!existsSync(join(ROOT, 'pkg/grade_widget_bg.wasm'))) {
  console.error('bench: pkg/grade_widget_bg.wasm is missing: run `bash scripts/build.sh` (or `make build`) first');
  process.exit(2);
}
const BENCH_PKG = join(ROOT, 'target/bench-pkg');
if (!existsSync(join(BENCH_PKG, 'grade_widget_bg.wasm'))) {
  console.error('bench: target/bench-pkg/ is missing: run `make build-bench` (or `make bench`) first');
  process.exit(2);
}
const bytes = sizes();
const load = loadavg()[0];
if (load > 1) console.warn(`bench: load average ${load.toFixed(2)} at start: expect noisy figures`);

// The bench build's two files, served beside the page (pkg/ stays the production package).
const file = (name, type) => (req, res) => {
  res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  createReadStream(join(BENCH_PKG, name)).pipe(res);
};
const { server, url } = await serve({
  port: 0,
  routes: {
    '/bench-pkg/grade_widget.js': file('grade_widget.js', 'text/javascript'),
    '/bench-pkg/grade_widget_bg.wasm': file('grade_widget_bg.wasm', 'application/wasm'),
  },
});
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
const runs = [];
try {
  for (let i = 0; i < opt.warmup + opt.runs; i++) {
    const r = await coldLoad(browser, url + PAGE);
    if (i >= opt.warmup) runs.push(r);
  }
} finally {
  await browser.close();
  server.close();
}

// Another build writing pkg/ during the run would make the figures a mix of two builds: say so.
const bytesAfter = sizes();
if (JSON.stringify(bytesAfter) !== JSON.stringify(bytes)) {
  console.warn(`bench: pkg/ changed during the run (brotli ${bytes.brotli} -> ${bytesAfter.brotli} bytes): rerun when no build is going on`);
}

const ms = (x) => x.toFixed(1);
const mib = (x) => (x / 1048576).toFixed(2);
const ROWS = [
  ['cold render: navigation → load event + frame (ms)', 'renderDone', ms],
  ['  of which: navigation → load event (ms)', 'loadEvent', ms],
  ['  report fetched → load event: decode, validate, render (ms)', 'reportToLoad', ms],
  ['  first contentful paint (ms)', 'fcp', ms],
  ...PLAN.filter(([, label]) => label).flatMap(([key, label]) => [
    [`${label}: input → last DOM change (ms)`, `${key}Dom`, ms],
    [`${label}: input → next frame (ms)`, `${key}Frame`, ms],
  ]),
  ['JSON.parse of the report text, in JS (ms)', 'jsonParse', ms],
  ['decode + validate in wasm, no render (ms)', 'decodeValidate', ms],
  ['JS heap at render done (MiB)', 'jsHeap', mib],
  ['JS heap after GC (MiB)', 'jsHeapAfterGc', mib],
  ['wasm linear memory (MiB)', 'wasmMemory', mib],
  ['DOM nodes', 'nodes', (x) => String(Math.round(x))],
];
const summary = Object.fromEntries(ROWS.map(([, key]) => [key, stats(runs.flatMap((r) => r[key]))]));
const width = Math.max(...ROWS.map(([label]) => label.length));
console.log(`grade-widget bench: ${PAGE}, ${opt.runs} cold loads (+${opt.warmup} warm-up), median (min–max)`);
for (const [label, key, fmt] of ROWS) {
  const s = summary[key];
  console.log(`${label.padEnd(width)}  ${s ? `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)})` : 'n/a'}`);
}
const most = (suffix) => Math.max(...runs.flatMap((r) => Object.entries(r).filter(([k]) => k.endsWith(suffix)).flatMap(([, v]) => v)));
const batches = most('Batches');
console.log(`${'mutation batches after the input\'s task, most seen'.padEnd(width)}  ${most('LaterTaskBatches')}`);
console.log(`${'mutation batches per interaction, most seen'.padEnd(width)}  ${batches}${batches > 1 ? ' (some DOM changes came in a later task: the frame is timed after the last one)' : ''}`);
const kib = (x) => (x / 1024).toFixed(1);
console.log(`${'bytes the widget loads (JS + wasm; CSS is in the wasm)'.padEnd(width)}  raw ${kib(bytes.raw)} KiB, gzip ${kib(bytes.gzip)} KiB, brotli ${kib(bytes.brotli)} KiB (budget ${kib(bytes.budget_brotli)} KiB brotli${bytes.brotli > bytes.budget_brotli ? ', OVER' : ''})`);

mkdirSync(dirname(opt.out), { recursive: true });
writeFileSync(opt.out, JSON.stringify({
  date: new Date().toISOString(),
  host: hostname(),
  cpus: cpus().length,
  loadavg: loadavg(),
  page: PAGE,
  runs: opt.runs,
  warmup: opt.warmup,
  bytes,
  bytesAfter,
  summary,
  perRun: runs,
}, null, 2) + '\n');
console.log(`bench: wrote ${opt.out}`);
