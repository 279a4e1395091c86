// Cold loads of the demo page over a throttled network (Chromium's own emulation: a round trip
// and a download rate), for this tree's pkg/ and optionally another build's, interleaved.
// Prints the median time from navigation to the widget's `load` event. Measures, asserts nothing.
//
//   node tests/bench/network.mjs [--pkg DIR] [--runs 7] [--latency 100] [--kbps 5000]
//   node tests/bench/network.mjs --peers DIR [--list ours,ourssr,ourdsd,static] [--runs 7] …
//
// --peers serves the pages `GW_KEEP_PEERS=1 node tests/bench/peers.mjs` kept (it prints their
// folder) and times each page in --list from navigation to its render-done signal (the frame
// after the widget's `load`; for the static page, its first frame): whether a pre-rendered page
// is interactive sooner than a fresh render once the files take time to arrive.
//
// --pkg serves another build's three files in place of pkg/'s as a second page ("other"), so a
// before/after pair runs in one go. The server does not compress: every byte of the report and
// the wasm crosses the emulated link as it is.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';
import { CHROMIUM_ARGS, ROOT } from '../e2e/lib.mjs';

const opt = { pkg: null, peers: null, list: 'ours,ourssr,ourdsd,static', runs: 7, latency: 100, kbps: 5000 };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) {
  const key = argv[i].replace(/^--/, '');
  if (!(key in opt)) throw new Error(`network: unknown argument ${argv[i]}`);
  opt[key] = ['pkg', 'peers', 'list'].includes(key) ? argv[i + 1] : Number(argv[i + 1]);
}

const FILES = ['grade-widget.js', 'grade_widget.js', 'grade_widget_bg.wasm'];
const routes = {};
if (opt.pkg) {
  // The demo page again under /other/, loading the other build's files from /other/pkg/.
  const page = readFileSync(join(ROOT, 'index.html'), 'utf8').replace(/(src|href)="(?!https?:|#|\/)/g, '$1="../');
  routes['/other/index.html'] = (req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html', 'Cache-Control': 'no-store' });
    res.end(page.replaceAll('"../pkg/', '"pkg/'));
  };
  for (const name of FILES) {
    routes[`/other/pkg/${name}`] = (req, res) => {
      res.writeHead(200, { 'Content-Type': name.endsWith('.wasm') ? 'application/wasm' : 'text/javascript', 'Cache-Control': 'no-store' });
      res.end(readFileSync(join(opt.pkg, name)));
    };
  }
}
const { server, url } = await serve(opt.peers ? { root: opt.peers.replace(/\/$/, ''), port: 0 } : { port: 0, routes });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });

/** One cold load: ms from navigation start to the widget's `load` event. */
async function load(path) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: opt.latency,
    downloadThroughput: (opt.kbps * 1000) / 8,
    uploadThroughput: (opt.kbps * 1000) / 8,
  });
  await page.addInitScript(() => {
    document.addEventListener('load', (e) => {
      if (e instanceof CustomEvent && e.target.id === 'report') window.__loaded = performance.now();
    }, true);
  });
  await page.goto(new URL(path, url).href);
  const signal = opt.peers ? () => window.__renderDone ?? (window.__renderError && Infinity) : () => window.__loaded;
  await page.waitForFunction(signal, null, { timeout: 60_000 });
  const ms = await page.evaluate(signal);
  if (!Number.isFinite(ms)) throw new Error(`network: ${path}: ${await page.evaluate(() => window.__renderError)}`);
  await context.close();
  return ms;
}

const pages = opt.peers
  ? Object.fromEntries(opt.list.split(',').map((name) => [name, `/${name}/index.html`]))
  : { pkg: 'index.html', ...(opt.pkg ? { other: 'other/index.html' } : {}) };
const times = Object.fromEntries(Object.keys(pages).map((k) => [k, []]));
await load(Object.values(pages)[0]); // warm-up: the browser itself, not the page
for (let i = 0; i < opt.runs; i++) {
  for (const [k, path] of Object.entries(pages)) times[k].push(await load(path));
}
await browser.close();
server.close();

const median = (v) => [...v].sort((a, b) => a - b)[v.length >> 1];
console.log(`network: ${opt.runs} cold loads per page, ${opt.latency} ms latency, ${opt.kbps} kbit/s; load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
for (const [k, v] of Object.entries(times)) {
  const label = opt.peers ? k : k === 'pkg' ? 'pkg/' : opt.pkg;
  console.log(`  ${median(v).toFixed(0).padStart(6)} ms  to ${opt.peers ? 'render done' : 'load'} (${Math.min(...v).toFixed(0)}–${Math.max(...v).toFixed(0)})  ${label}`);
}
