// What a host page pays for the widget, as a web team's Lighthouse shows it (issue 27). Not a
// test: it prints medians and writes bench-results/lighthouse.json; it fails only when a page
// does not load or Lighthouse cannot run, never on a score.
//
//   node tests/bench/lighthouse.mjs [--runs N] [--pages a,b] [--keep] [--before OLD_PKG] [--http1]
//                                   [--before-pages OLD_PAGES] [--lcp-path]
//   (default 3 runs, every page; --before adds each widget page again with an earlier build;
//   --http1 serves plain HTTP/1.1 instead of HTTP/2 over TLS; --lcp-path prints, for every
//   run, what Lighthouse's simulation puts on the LCP's path: each request and main-thread task
//   with its simulated start and end, and the LCP element from the trace)
//
// 1. Builds the peers harness's pages with tests/bench/peers.mjs (GW_PEERS_PAGES_ONLY=1): the
//    static floor, the fresh widget, both pre-rendered pages and the peers, from pkg/.
// 2. Adds the static floor with one script of the host's own (`static-script`); two pages of 43
//    badges (`view="badge"`), the transparency-page use: the static markup (`render --view
//    badge`) and the live widgets, all with one `src`. Then the pre-rendered pages with
//    `loading="interaction"` (`-interaction`: the widget starts only when the reader reaches for
//    it, which Lighthouse never does) and `loading="eager"` (`-eager`: the copy hydrated as soon
//    as the report is read), and 43 badges over their copies, with the default and `interaction`.
// 3. Serves the folder with brotli over HTTP/2 and TLS, as a real host would (Lighthouse counts
//    transfer sizes, and its simulation charges a new connection to each HTTP/1.1 request in
//    flight beside another: "Why HTTP/2" below), and runs Lighthouse 12.2.3 (pinned in
//    tests/bench/lighthouse/, installed into target/lighthouse/ on first use; 13 needs Node 22)
//    with its default mobile preset: simulated slow 4G and a 4x slower CPU. Pages are
//    interleaved run by run, so a busy spell hits all.

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createSecureServer } from 'node:http2';
import { loadavg } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import { CHROMIUM_ARGS, ROOT } from '../e2e/lib.mjs';

const fail = (message) => {
  console.error(`lighthouse: ${message}`);
  process.exit(1);
};
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const RUNS = Number(opt('--runs', 3));
const ONLY = opt('--pages', '')?.split(',').filter(Boolean);

// Lighthouse, pinned, in a folder of its own: 110 MB the tests never need.
const LH = join(ROOT, 'target', 'lighthouse');
if (!existsSync(join(LH, 'node_modules', 'lighthouse', 'package.json'))) {
  mkdirSync(LH, { recursive: true });
  for (const f of ['package.json', 'package-lock.json']) cpSync(join(ROOT, 'tests/bench/lighthouse', f), join(LH, f));
  console.log('lighthouse: npm ci in target/lighthouse (once)');
  const npm = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: LH, stdio: 'inherit' });
  if (npm.status !== 0) fail(`npm ci in target/lighthouse failed (exit ${npm.status})`);
}
const { default: lighthouse } = await import(pathToFileURL(join(LH, 'node_modules/lighthouse/core/index.js')));
const LCP_PATH = args.includes('--lcp-path');
const { LanternLargestContentfulPaint } = LCP_PATH
  ? await import(pathToFileURL(join(LH, 'node_modules/lighthouse/core/computed/metrics/lantern-largest-contentful-paint.js')))
  : {};
const chromeLauncher = await import(pathToFileURL(join(LH, 'node_modules/chrome-launcher/dist/index.js')));

// 1. The peers' pages and ours.
const peers = spawnSync(process.execPath, [join(ROOT, 'tests/bench/peers.mjs')], {
  env: { ...process.env, GW_PEERS_PAGES_ONLY: '1', GW_KEEP_PEERS: '1' }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'],
});
const ready = /peers: pages ready: (.+)/.exec(peers.stdout ?? '');
if (peers.status !== 0 || !ready) fail(`tests/bench/peers.mjs could not build the pages (exit ${peers.status}):\n${peers.stdout}`);
const SITE = ready[1].trim();
// `--keep`: leave the pages for tests/bench/long-tasks.mjs (`--runs 0 --keep` only builds them).
if (args.includes('--keep')) console.log(`lighthouse: pages kept in ${join(SITE, 'pages')}`);
else process.on('exit', () => rmSync(join(SITE, '..'), { recursive: true, force: true }));

// 2. 43 badges, static and live.
const work = join(SITE, '.gw');
const cli = process.env.GW_CLI ?? join(ROOT, 'target', 'debug', 'grade-widget');
const badge = spawnSync(cli, ['render', join(work, 'report.json'), '--view', 'badge', '-o', join(work, 'badge.html')], { encoding: 'utf8' });
if (badge.status !== 0) fail(`grade-widget render --view badge failed: ${badge.stderr}`);
const badgeMarkup = readFileSync(join(work, 'badge.html'), 'utf8').trim();
const FORCES = 43;
const badgePage = (name, files, headExtra, body) => {
  const dir = join(SITE, 'pages', name);
  mkdirSync(dir, { recursive: true });
  for (const [to, from] of Object.entries(files)) cpSync(from, join(dir, to));
  writeFileSync(join(dir, 'index.html'), `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Every force's grades: ${name}</title>
<link rel="icon" href="data:,">
${headExtra}</head>
<body>
<h1>Inspection grades of all ${FORCES} forces</h1>
<ul style="list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr));gap:1rem">
${body}
</ul>
</body>
</html>
`);
};
badgePage('badges43static', { 'static.css': join(work, 'static.css') }, '<link rel="stylesheet" href="static.css">\n',
  Array.from({ length: FORCES }, () => `<li><grade-widget view="badge">${badgeMarkup}</grade-widget></li>`).join('\n'));
badgePage('badges43', {
  ...Object.fromEntries(['grade-widget.js', 'grade_widget.js', 'grade_widget_bg.wasm'].map((f) => [f, join(ROOT, 'pkg', f)])),
  'report.json': join(work, 'report.json'),
}, '<script type="module" src="grade-widget.js"></script>\n',
  Array.from({ length: FORCES }, () => '<li><grade-widget view="badge" src="report.json"></grade-widget></li>').join('\n'));

// The static floor with one script of the host's own (a 50-byte module, in the head as the
// widget's loader is): a host page has scripts, and Lighthouse's simulation charges the first
// one's request on the LCP path (see "Why HTTP/2" below), whoever's it is. The `-interaction`
// pages' LCP against this page is what the widget's loader costs beyond any script.
{
  const dir = join(SITE, 'pages', 'static');
  if (existsSync(dir)) {
    cpSync(dir, `${dir}-script`, { recursive: true });
    writeFileSync(join(`${dir}-script`, 'host.js'), "document.documentElement.dataset.hostScript = 'ran';\n");
    const html = join(`${dir}-script`, 'index.html');
    const withScript = readFileSync(html, 'utf8').replace('<link rel="stylesheet" href="static.css">\n',
      '<link rel="stylesheet" href="static.css">\n<script type="module" src="host.js"></script>\n');
    if (!withScript.includes('host.js')) fail('static-script: the static page has no stylesheet link to put the script after');
    writeFileSync(html, withScript);
  }
}

// The pre-rendered copies with `loading="interaction"` (nothing loads until the reader reaches for
// the widget) and with `loading="eager"` (the copy hydrated as soon as the report is read, the
// default before the copy was held until the reader's approach): the pages as they are, the
// attribute added.
// peers.mjs makes its pages with `loading="eager"` (its cold render measures until the app is
// live): `ourssr` and `ourdsd` here are the default, as a host writes the element.
for (const name of ['ourssr', 'ourdsd']) {
  const dir = join(SITE, 'pages', name);
  if (!existsSync(dir)) continue;
  const html = join(dir, 'index.html');
  const plain = readFileSync(html, 'utf8').replace('<grade-widget loading="eager" src=', '<grade-widget src=');
  if (!plain.includes('<grade-widget src=')) fail(`${name}: no <grade-widget src=…> in the page`);
  writeFileSync(html, plain);
  for (const loading of ['interaction', 'eager']) {
    cpSync(dir, `${dir}-${loading}`, { recursive: true });
    writeFileSync(join(`${dir}-${loading}`, 'index.html'), plain.replace('<grade-widget src=', `<grade-widget loading="${loading}" src=`));
  }
}
// 43 badges over their copies, with the default loading and with `interaction`.
for (const loading of ['', 'interaction']) {
  badgePage(`badges43ssr${loading && `-${loading}`}`, {
    ...Object.fromEntries(['grade-widget.js', 'grade_widget.js', 'grade_widget_bg.wasm'].map((f) => [f, join(ROOT, 'pkg', f)])),
    'report.json': join(work, 'report.json'), 'static.css': join(work, 'static.css'),
  }, '<link rel="stylesheet" href="static.css">\n<script type="module" src="grade-widget.js"></script>\n',
    Array.from({ length: FORCES }, () => `<li><grade-widget view="badge" src="report.json"${loading && ` loading="${loading}"`}>${badgeMarkup}</grade-widget></li>`).join('\n'));
}

// `--before DIR`: the same widget pages once more, named `<page>@before`, with the build in DIR
// (a copy of an earlier pkg/): before and after side by side in one interleaved run.
const BEFORE = opt('--before', '');
if (BEFORE) {
  for (const name of readdirSync(join(SITE, 'pages'))) {
    const dir = join(SITE, 'pages', name);
    // Not the pre-rendered pages: their copy carries the markup version of the CLI that made
    // it, and an earlier wasm would draw afresh over it instead of adopting it.
    if (name.includes('@') || /ssr|dsd/.test(name) || !existsSync(join(dir, 'grade_widget_bg.wasm'))) continue;
    cpSync(dir, `${dir}@before`, { recursive: true });
    for (const f of ['grade-widget.js', 'grade_widget.js', 'grade_widget_bg.wasm']) cpSync(join(BEFORE, f), join(`${dir}@before`, f));
  }
}

// `--before-pages DIR`: the pre-rendered pages (`ourssr`, `ourdsd` and the rest) once more, as
// `<page>@before`, from DIR: the pages folder that `--runs 0 --keep` printed in a checkout of the
// earlier build, whose own CLI rendered their copies (see `--before` for why it takes that).
const BEFORE_PAGES = opt('--before-pages', '');
if (BEFORE_PAGES) {
  for (const name of readdirSync(BEFORE_PAGES)) {
    if (!name.includes('@') && /ssr|dsd/.test(name)) cpSync(join(BEFORE_PAGES, name), join(SITE, 'pages', `${name}@before`), { recursive: true });
  }
}

// 3. A server that sends brotli, cached per file.
//
// Why HTTP/2: Lighthouse's simulation (Lantern) builds the LCP from every request that ended
// before the paint it observed, unless it sees that a script ran after that paint; a module
// script has no `EvaluateScript` event naming its URL, so the loader's request (the only one
// of the widget's on a `loading="interaction"` page) always counts, though it never delays the
// paint. Over HTTP/1.1 it is fetched beside the page's stylesheet, and Lantern gives it a new
// connection: a TCP handshake, one more slow-4G round trip (150 ms) on the LCP path. That made
// the `-interaction` pages 1.18-1.35x the static page's LCP (the same page without the module:
// 0.98x; with it at the end of body, `async` or `fetchpriority="low"`: 1.23-1.33x); over HTTP/2,
// where Chrome and Lantern share the page's connection, 0.99-1.16x. What is left is the
// navigation's commit task, 4x slower in the simulation, that Lantern puts before the loader's
// request (the preload scanner sends it from that task) and so on the LCP path of a page with
// any script, not of the script-less static page: `static-script`, the static page with a
// 50-byte module of the host's own, measured 1.33x (HTTP/1.1) and 1.16x (HTTP/2) in the run
// where the `-interaction` page measured 1.32x and 1.13x. Nearly every host serves its pages over
// HTTP/2; `--http1` measures the other case. The certificate is a throwaway one for 127.0.0.1,
// made with openssl for this run; only this bench's Chromium is told to accept it.
const HTTP1 = args.includes('--http1');
let tls = null;
if (!HTTP1) {
  const key = join(SITE, '..', 'tls-key.pem');
  const cert = join(SITE, '..', 'tls-cert.pem');
  const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert,
    '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { encoding: 'utf8' });
  if (made.status !== 0) fail(`openssl could not make the throwaway certificate for HTTP/2 (${made.error?.message ?? made.stderr}); run with --http1 to serve plain HTTP/1.1`);
  tls = { key: readFileSync(key), cert: readFileSync(cert), allowHTTP1: true };
}
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml' };
const packed = new Map();
const serve = (req, res) => {
  let rel;
  try { rel = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { res.writeHead(400).end(); return; }
  let file = join(SITE, normalize(rel));
  if (!file.startsWith(SITE + sep) && file !== SITE) { res.writeHead(403).end(); return; }
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) { res.writeHead(404).end(); return; }
  const headers = { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' };
  let body = readFileSync(file);
  if (/\bbr\b/.test(req.headers['accept-encoding'] ?? '')) {
    if (!packed.has(file)) packed.set(file, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    body = packed.get(file);
    headers['Content-Encoding'] = 'br';
  }
  res.writeHead(200, { ...headers, 'Content-Length': body.length });
  res.end(body);
};
const server = tls ? createSecureServer(tls, serve) : createServer(serve);
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `${tls ? 'https' : 'http'}://127.0.0.1:${server.address().port}/pages/`;

const ORDER = ['static', 'static-script', 'ours', 'ourssr', 'ourssr-eager', 'ourssr-interaction', 'ourdsd', 'ourdsd-eager',
  'ourdsd-interaction', 'badges43static', 'badges43', 'badges43ssr', 'badges43ssr-interaction'];
const pages = readdirSync(join(SITE, 'pages'))
  .filter((p) => !p.startsWith('_') && !p.startsWith('.') && (!ONLY?.length || ONLY.includes(p.split('@')[0])))
  .sort((a, b) => (ORDER.indexOf(a.split('@')[0]) + 1 || 99) - (ORDER.indexOf(b.split('@')[0]) + 1 || 99) || a.localeCompare(b));

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  chromeFlags: [...CHROMIUM_ARGS.filter((f) => f !== '--headless'), '--headless=new', ...(tls ? ['--ignore-certificate-errors'] : [])],
});
const samples = Object.fromEntries(pages.map((p) => [p, []]));
const loadStart = loadavg();
try {
  for (let run = 0; run < RUNS; run++) {
    for (const name of pages) {
      const result = await lighthouse(`${base}${name}/`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
      const lhr = result?.lhr;
      if (!lhr || lhr.runtimeError) fail(`${name}: ${lhr?.runtimeError?.message ?? 'no result'}`);
      const a = lhr.audits;
      // The page itself must have come as served: HTTP/2 unless --http1.
      const protocol = (a['network-requests']?.details?.items ?? []).find((r) => r.resourceType === 'Document')?.protocol;
      if (protocol !== (tls ? 'h2' : 'http/1.1')) fail(`${name}: the page came over ${protocol ?? 'an unknown protocol'}, not ${tls ? 'h2' : 'http/1.1'}`);
      const longTasks = (a['long-tasks']?.details?.items ?? []).map((t) => Math.round(t.duration));
      const sample = {
        score: Math.round(lhr.categories.performance.score * 100),
        fcp: a['first-contentful-paint'].numericValue,
        lcp: a['largest-contentful-paint'].numericValue,
        tbt: a['total-blocking-time'].numericValue,
        tti: a.interactive?.numericValue ?? NaN,
        cls: a['cumulative-layout-shift'].numericValue,
        longestTask: Math.max(0, ...longTasks),
        bytes: a['total-byte-weight'].numericValue,
        // Main-thread time by Lighthouse's task groups (scriptParseCompile, scriptEvaluation,
        // styleLayout, …), observed ms; long tasks by part: tests/bench/long-tasks.mjs.
        breakdown: Object.fromEntries((a['mainthread-work-breakdown']?.details?.items ?? []).map((i) => [i.group, Math.round(i.duration)])),
      };
      samples[name].push(sample);
      console.log(`lighthouse: run ${run + 1}/${RUNS} ${name.padEnd(22)} score ${sample.score}, LCP ${Math.round(sample.lcp)} ms, TBT ${Math.round(sample.tbt)} ms, longest task ${sample.longestTask} ms`);
      if (LCP_PATH) await lcpPath(lhr, result.artifacts);
    }
  }
} finally {
  await chrome.kill();
  server.close();
}

/**
 * `--lcp-path`: the LCP element (from the trace: Lighthouse's own audit of it fails with this
 * Chromium) and the nodes of the simulation's LCP graph (the optimistic one; the estimate is the
 * mean of its end and the pessimistic graph's, both printed), by simulated start.
 * A main-thread task is named by its first telling events, with its observed length (the
 * simulation runs it 4x slower).
 */
async function lcpPath(lhr, artifacts) {
  const trace = artifacts.Trace ?? artifacts.traces?.defaultPass;
  const devtoolsLog = artifacts.DevtoolsLog ?? artifacts.devtoolsLogs?.defaultPass;
  const data = { trace, devtoolsLog, gatherContext: artifacts.GatherContext, settings: lhr.configSettings, URL: artifacts.URL };
  const lantern = await LanternLargestContentfulPaint.request(data, { computedCache: new Map(), settings: lhr.configSettings });
  const candidate = trace.traceEvents.filter((e) => e.name === 'largestContentfulPaint::Candidate').pop()?.args?.data;
  console.log(`  LCP element: ${candidate?.nodeName ?? '?'} (${candidate?.type ?? '?'}, ${candidate?.size ?? '?'} px²); simulated optimistic ${Math.round(lantern.optimisticEstimate.timeInMs)} ms, pessimistic ${Math.round(lantern.pessimisticEstimate.timeInMs)} ms`);
  const TELLING = /^(ParseHTML|EvaluateScript|v8\.evaluateModule|Layout|Paint|FunctionCall|TimerFire|DocumentLoader::CommitNavigation)$/;
  const rows = [...lantern.optimisticEstimate.nodeTimings].sort(([, a], [, b]) => a.startTime - b.startTime).map(([node, t]) => {
    const what = node.type === 'network'
      ? `${node.request.url.replace(/^.*\/pages\/[^/]+\//, '') || '(page)'} ${node.request.resourceType} ${node.request.priority}, ${node.request.transferSize} B, ${node.request.protocol}`
      : `task: ${[...new Set(node.childEvents.map((e) => e.name).filter((n) => TELLING.test(n)))].join(', ') || node.event.name}, ${((node.endTime - node.startTime) / 1000).toFixed(1)} ms observed`;
    return `    ${String(Math.round(t.startTime)).padStart(5)}-${String(Math.round(t.endTime)).padEnd(5)} ${what}`;
  });
  console.log(rows.join('\n'));
}

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((x, y) => x - y);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
const KEYS = ['score', 'fcp', 'lcp', 'tbt', 'tti', 'cls', 'longestTask', 'bytes'];
const summary = Object.fromEntries(pages.map((p) => [p, Object.fromEntries(KEYS.map((k) => [k, median(samples[p].map((s) => s[k]))]))]));
const staticLcp = summary.static?.lcp;
// Against the static page with one script of the host's own: what the widget adds beyond any script.
const scriptLcp = summary['static-script']?.lcp;
const PROTOCOL = tls ? 'HTTP/2 over TLS' : 'HTTP/1.1';
console.log(`\nlighthouse 12.2.3, mobile preset, ${PROTOCOL}, median of ${RUNS} (load average ${loadStart.map((x) => x.toFixed(1)).join(' ')} at the start)`);
console.log(`${'page'.padEnd(22)} ${'score'.padStart(5)} ${'FCP'.padStart(7)} ${'LCP'.padStart(7)} ${'LCP/static'.padStart(10)} ${'/+script'.padStart(8)} ${'TBT'.padStart(6)} ${'TTI'.padStart(7)} ${'longest'.padStart(7)} ${'KiB'.padStart(6)}`);
for (const p of pages) {
  const s = summary[p];
  console.log(`${p.padEnd(22)} ${String(s.score).padStart(5)} ${Math.round(s.fcp).toString().padStart(7)} ${Math.round(s.lcp).toString().padStart(7)} ${(s.lcp / staticLcp).toFixed(2).padStart(10)} ${(scriptLcp ? (s.lcp / scriptLcp).toFixed(2) : '-').padStart(8)} ${Math.round(s.tbt).toString().padStart(6)} ${Math.round(s.tti).toString().padStart(7)} ${String(s.longestTask).padStart(7)} ${(s.bytes / 1024).toFixed(1).padStart(6)}`);
}
mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
writeFileSync(join(ROOT, 'bench-results', 'lighthouse.json'), `${JSON.stringify({ runs: RUNS, protocol: PROTOCOL, loadStart, summary, samples }, null, 2)}\n`);
console.log('lighthouse: wrote bench-results/lighthouse.json');
