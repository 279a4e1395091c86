// Where a page's main-thread script time goes, by function, task by task: a CPU profile of one
// cold load (unthrottled), cut into busy spans at the profiler's idle samples, each with the
// functions it spent the most time in (inclusive). Not a test: it prints and asserts nothing.
// long-tasks.mjs says how long each task is at 4x CPU; this says what is in it.
//
//   node tests/bench/lighthouse.mjs --runs 0 --keep      # builds the pages, prints their folder
//   node tests/bench/profile.mjs PAGES [page, default ourssr] [--names] [--min MS] [--loads N]
//                                [--under TEXT] [--top N]
//
// --names first copies the page to `<page>-names` with a wasm that keeps its function names
// (wasm-bindgen --keep-debug, wasm-opt -g, from the last `scripts/build.sh`): without it the
// wasm's functions show as numbers. Its timings are those of a slightly different wasm, so read
// the shares, not the milliseconds. --min (default 3) hides spans shorter than MS; --loads
// (default 1) profiles N loads and prints each; --under counts only the samples inside a
// function whose name contains TEXT (what a function's time is made of); --top (default 12)
// is how many functions each span lists.

import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';
import { CHROMIUM_ARGS } from '../e2e/lib.mjs';

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i < 0 ? fallback : args.splice(i, 2)[1];
};
const names = args.includes('--names') && args.splice(args.indexOf('--names'), 1);
const min = Number(flag('--min', '3'));
const loads = Number(flag('--loads', '1'));
const under = flag('--under', '');
const topN = Number(flag('--top', '12'));
const [root, name = 'ourssr'] = args;
if (!root) {
  console.error('usage: node tests/bench/profile.mjs PAGES [page] [--names] [--min MS] [--loads N]');
  process.exit(2);
}

let page = name;
if (names) {
  const ROOT = new URL('../..', import.meta.url).pathname;
  const out = mkdtempSync(join(tmpdir(), 'gw-names-'));
  const wasm = join(ROOT, 'target/nightly/wasm32-unknown-unknown/release/grade_widget.wasm');
  execFileSync('wasm-bindgen', ['--keep-debug', '--target', 'web', '--out-dir', out, wasm], { stdio: 'inherit' });
  page = `${name}-names`;
  cpSync(join(root, name), join(root, page), { recursive: true });
  execFileSync(join(ROOT, 'node_modules/.bin/wasm-opt'), ['-Oz', '-g', '--enable-bulk-memory', '--enable-nontrapping-float-to-int',
    '--enable-sign-ext', '--enable-mutable-globals', join(out, 'grade_widget_bg.wasm'), '-o', join(root, page, 'grade_widget_bg.wasm')], { stdio: 'inherit' });
  copyFileSync(join(out, 'grade_widget.js'), join(root, page, 'grade_widget.js'));
}

const { server, url } = await serve({ root: root.replace(/\/$/, ''), port: 0 });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
// Rust's symbol hashes and the crate paths make the names unreadable at a glance.
const short = (s) => s.replace(/\[[0-9a-f]{16}\]/g, '').replace(/grade_widget::|yew::/g, '').slice(0, 120);
// Glue frames that every wasm call passes through: they say nothing.
const GLUE = /^\((root|program|idle)\)$|invoke|js-to-wasm|wasm-to-js|Queue|convert__closures/;

for (let load = 0; load < loads; load++) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  const tab = await context.newPage();
  // The same origin first: the profiler stays with the renderer process the page then loads in.
  await tab.goto(url).catch(() => {});
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  await tab.goto(`${url}${page}/`);
  await tab.waitForTimeout(1500);
  const { profile } = await cdp.send('Profiler.stop');
  await context.close();

  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (n) => n.callFrame.functionName || `(${n.callFrame.url.split('/').pop()})`;
  const spans = [];
  let t = 0;
  let span = null;
  profile.samples.forEach((id, k) => {
    const dt = (profile.timeDeltas[k + 1] ?? 0) / 1000;
    let inside = !under;
    for (let p = id; p && !inside; p = parent.get(p)) inside = label(nodes.get(p)).includes(under);
    if (label(nodes.get(id)) === '(idle)') {
      span = null;
    } else {
      if (!span) spans.push((span = { at: t, ms: 0, fns: {} }));
      span.ms += dt;
      if (!inside) return void (t += dt);
      const seen = new Set();
      for (let p = id; p; p = parent.get(p)) {
        const fn = label(nodes.get(p));
        if (!seen.has(fn)) {
          seen.add(fn);
          span.fns[fn] = (span.fns[fn] ?? 0) + dt;
        }
      }
    }
    t += dt;
  });
  console.log(`${page}, load ${load + 1}: busy spans of ${min} ms or more (ms from the profile's start)`);
  for (const s of spans.filter((s) => s.ms >= min)) {
    console.log(`  at ${s.at.toFixed(0).padStart(5)}: ${s.ms.toFixed(1)} ms`);
    const top = Object.entries(s.fns).filter(([fn]) => !GLUE.test(fn)).sort((a, b) => b[1] - a[1]).slice(0, topN);
    for (const [fn, ms] of top) console.log(`    ${ms.toFixed(1).padStart(6)}  ${short(fn)}`);
  }
}
await browser.close();
server.close();
