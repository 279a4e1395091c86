// What each long task of a page is made of, at Lighthouse's mobile CPU (4x slower): the wasm's
// compile, our script (the wasm's start-up, render and hydration), style and layout, paint.
// Lighthouse's own long-task breakdown is empty under its simulated throttling (it times only
// whole tasks), so this traces real loads with Chromium's CPU throttling instead (issue 27).
// Not a test: it prints and asserts nothing.
//
//   node tests/bench/lighthouse.mjs --runs 0 --keep     # builds the pages, prints their folder
//   node tests/bench/long-tasks.mjs PAGES [ours,ourssr,badges43] [loads per page, default 3]
//
// A task is a top-level RunTask on the page's main thread; its parts are the self times of the
// events inside it (tests/bench/self-time.mjs), grouped by name. Per page: every task of 50 ms
// or more in the median load (by the sum of their time over 50 ms, Lighthouse's Total Blocking
// Time), as duration = parts.

import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';
import { CHROMIUM_ARGS } from '../e2e/lib.mjs';
import { selfTimes } from './self-time.mjs';

const [root, list = 'ours,ourssr,badges43', loads = '3'] = process.argv.slice(2);
if (!root) {
  console.error('long-tasks: name the folder of the pages (node tests/bench/lighthouse.mjs --runs 0 --keep prints it)');
  process.exit(2);
}
const GROUPS = [
  ['compile', /wasm|compile|parseOnBackground/i],
  ['layout', /^(Layout|UpdateLayoutTree|RecalcStyle|UpdateLayerTree|HitTest|IntersectionObserverController::computeIntersections|ScheduleStyleRecalculation|InvalidateLayout)/],
  ['paint', /Paint|Composit|Commit|Raster|Layerize|Decode/],
  ['html', /^Parse(HTML|AuthorStyleSheet)/],
  ['gc', /GC|Sweep|Mark/],
  ['script', /./],
];
const group = (name) => GROUPS.find(([, re]) => re.test(name))[0];

const { server, url } = await serve({ root: root.replace(/\/$/, ''), port: 0 });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });

async function load(name) {
  // Lighthouse's mobile screen.
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8.execute,v8,disabled-by-default-devtools.timeline,toplevel', transferMode: 'ReportEvents' });
  await page.goto(new URL(`/${name}/`, url).href, { waitUntil: 'load' });
  // Quiet for a second: every widget has started, loaded and drawn.
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1500);
  await cdp.send('Tracing.end');
  await complete;
  await context.close();
  const parse = events.find((e) => e.name === 'ParseHTML');
  const main = events.filter((e) => e.ph === 'X' && e.pid === parse.pid && e.tid === parse.tid && e.dur != null).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const tops = main.filter((e) => e.name === 'RunTask' && e.dur >= 50_000);
  // A task nested in another (a nested run loop) is counted with its parent.
  const outer = tops.filter((t) => !tops.some((o) => o !== t && o.ts <= t.ts && o.ts + o.dur >= t.ts + t.dur));
  const tasks = outer.map((t) => {
    const inside = main.filter((e) => e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur);
    const parts = {};
    const self = selfTimes(inside);
    for (const [k, v] of Object.entries(self)) parts[group(k)] = (parts[group(k)] ?? 0) + v;
    // GW_TASK_EVENTS=1: the event names that took the most of each task.
    const top = Object.entries(self).sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ');
    // What started the task (the outermost event in it that is not the task itself): a script's
    // evaluation, a fetch's answer (a microtask), a timer, a frame.
    const cause = inside.find((e) => e !== t && e.name !== 'ThreadControllerImpl::RunTask')?.name ?? '?';
    return { at: (t.ts - parse.ts) / 1000, dur: t.dur / 1000, parts, cause, top };
  });
  // The widget's: from the wasm's compile on (before it, the page's own: the navigation, the
  // parse and the first layout of a pre-rendered copy, which the static page has too).
  const wasm = events.find((e) => e.name.startsWith('v8.wasm'));
  const since = wasm ? (wasm.ts - parse.ts) / 1000 : Infinity;
  const ours = tasks.filter((t) => t.at + t.dur >= since);
  return { tasks, blocking: tasks.reduce((s, t) => s + Math.max(0, t.dur - 50), 0), longest: Math.max(0, ...ours.map((t) => t.dur)) };
}

for (const name of list.split(',')) {
  const runs = [];
  for (let i = 0; i < Number(loads); i++) runs.push(await load(name));
  runs.sort((a, b) => a.blocking - b.blocking);
  const mid = runs[(runs.length - 1) >> 1];
  // On a busy machine the least of several loads is the best guess at a quiet one's figure.
  const longest = Math.min(...runs.map((r) => r.longest));
  console.log(`${name}: blocking ${runs.map((r) => r.blocking.toFixed(0)).join(', ')} ms (4x CPU, sum over 50 ms per task), the widget's longest task (from the wasm's compile on) at least ${longest.toFixed(0)} ms; median load's long tasks:`);
  for (const t of mid.tasks) {
    const parts = Object.entries(t.parts).filter(([, v]) => v >= 1).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ');
    console.log(`  at ${t.at.toFixed(0).padStart(5)} ms: ${t.dur.toFixed(0).padStart(4)} ms = ${parts} (${t.cause})`);
    if (process.env.GW_TASK_EVENTS) console.log(`        ${t.top}`);
  }
}
await browser.close();
server.close();
