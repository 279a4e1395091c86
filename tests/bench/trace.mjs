// Where each page's main-thread time goes, from a Chromium trace: self time per trace event
// (script, layout, paint, …) from navigation to the page's render-done signal, averaged over
// cold loads. It explains a ratio that peers.mjs measures (why the hydrated page is slower than a
// fresh render); it measures nothing new and asserts nothing.
//
//   GW_KEEP_PEERS=1 node tests/bench/peers.mjs --runs 1   # prints the folder of its pages
//   node tests/bench/trace.mjs PAGES [ours,ourssr,static] [loads per page, default 5]
//   GW_TRACE_LAYOUTS=1 node tests/bench/trace.mjs …   # also each load's layouts of 10 ms or more
//
// Self time: an event's duration less that of the events nested in it on the same thread, so a
// layout forced by script counts as layout, not twice. Event names are Chromium's: FunctionCall
// and RunMicrotasks are script (the wasm included), V8.BytecodeBudgetInterrupt is V8 tiering up
// hot JS (for us, the wasm-bindgen glue), RunTask is the scheduler's own share of each task.

import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';
import { CHROMIUM_ARGS } from '../e2e/lib.mjs';
import { selfTimes } from './self-time.mjs';

const [root, list = 'ours,ourssr,static', loads = '5'] = process.argv.slice(2);
if (!root) {
  console.error('trace: name the folder of the peers pages (GW_KEEP_PEERS=1 node tests/bench/peers.mjs prints it)');
  process.exit(2);
}
const { server, url } = await serve({ root: root.replace(/\/$/, ''), port: 0 });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });

async function trace(name) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8.execute,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  await page.goto(new URL(`/${name}/index.html`, url).href);
  await page.waitForFunction(() => window.__renderDone || window.__renderError, null, { timeout: 60_000 });
  const { done, error } = await page.evaluate(() => ({ done: window.__renderDone, error: window.__renderError }));
  if (error) throw new Error(`${name}: ${error}`);
  await cdp.send('Tracing.end');
  await complete;
  await context.close();
  // The page's main thread: the renderer thread that parsed this page.
  const parse = events.find((e) => e.name === 'ParseHTML');
  const main = events.filter((e) => e.ph === 'X' && e.pid === parse.pid && e.tid === parse.tid).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const self = selfTimes(main);
  // With GW_TRACE_LAYOUTS=1: each layout of 10 ms or more, as duration@start (ms from the first
  // main-thread event), to see how many times a page lays the widget out and when.
  if (process.env.GW_TRACE_LAYOUTS) {
    const t0 = main[0].ts;
    const big = main.filter((e) => e.name === 'Layout' && e.dur >= 10_000).map((e) => `${(e.dur / 1000).toFixed(0)}@${((e.ts - t0) / 1000).toFixed(0)}`);
    console.log(`  ${name}: layouts ${big.join(' ')}; done at ${done.toFixed(0)}`);
  }
  return { done, self };
}

for (const name of list.split(',')) {
  const totals = {};
  const done = [];
  for (let i = 0; i < Number(loads); i++) {
    const run = await trace(name);
    done.push(run.done);
    for (const [k, v] of Object.entries(run.self)) totals[k] = (totals[k] ?? 0) + v / Number(loads);
  }
  const sum = Object.values(totals).reduce((a, b) => a + b, 0);
  done.sort((a, b) => a - b);
  console.log(`${name}: render done median ${done[done.length >> 1].toFixed(1)} ms; main-thread busy ${sum.toFixed(1)} ms (mean)`);
  for (const [k, v] of Object.entries(totals).sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`  ${v.toFixed(1).padStart(8)} ms  ${k}`);
}
await browser.close();
server.close();
