//! The widget side by side with the static floor and the peers (issue 12), in one run of the
// shared peers harness. Not a test: it prints medians and ratios and writes
// bench-results/peers.json; it fails only when a page fails to load (or when hydration did not
// adopt the pre-rendered markup), never on a timing.
//
//   node tests/bench/peers.mjs [--runs N] [harness options…]   (default --runs 10)
//
// What it does:
// 1. Copies the shared harness (../shared/bench/peers beside the repository, or PEERS_SRC) into a
//    fresh scratch folder under the OS temp dir and runs `npm ci` there: never a cached copy.
// 2. Writes the 23-area report without report text (the harness contract: the same data as the
//    peers' data.json) and renders it with our CLI (`render --stylesheet`, full view, as the
//    element draws it without attributes).
// 3. Adds four pages:
//    ours    <grade-widget src="report.json">: a fresh render; done = frame after `load`.
//    static  the CLI's markup and stylesheet inside a script-less <grade-widget>: the floor.
//            Its only script is an inline one at the end of body for the completion signal.
//    ourssr  the same markup inside <grade-widget loading="eager" src="report.json">, hydrated
//            by the widget as soon as the report is read; done = frame after `load`
//            (interactive); FCP is when the grades were first painted. `eager`, because by
//            default the widget fires `load` over a copy of the same report and hydrates it only
//            at the reader's approach (docs/element.md): what this measures is the time until the
//            app has taken the copy over. tests/bench/lighthouse.mjs measures the default too.
//    ourdsd  the same, rendered with `--shadow-root`: the copy in a declarative shadow root.
// 4. Runs the harness's run.mjs with the remaining arguments and summarises its results.json.

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ROOT } from '../e2e/lib.mjs';

const fail = (message) => {
  console.error(`peers: ${message}`);
  process.exit(1);
};

const args = process.argv.slice(2);
if (!args.includes('--runs') && !args.includes('-n')) args.unshift('--runs', '10');
const outIndex = args.indexOf('--out');
const out = outIndex >= 0 ? args.splice(outIndex, 2)[1] : join(ROOT, 'bench-results', 'peers.json');

const SRC = process.env.PEERS_SRC ?? join(ROOT, '..', 'shared', 'bench', 'peers');
if (!existsSync(join(SRC, 'run.mjs'))) fail(`no peers harness at ${SRC} (set PEERS_SRC to its folder)`);
for (const f of ['grade-widget.js', 'grade_widget.js', 'grade_widget_bg.wasm']) {
  if (!existsSync(join(ROOT, 'pkg', f))) fail(`pkg/${f} is missing: run \`bash scripts/build.sh\` (or \`make build\`) first`);
}

// 1. A fresh copy of the harness and its dependencies.
const SCRATCH = mkdtempSync(join(tmpdir(), 'gw-peers-'));
const PEERS = join(SCRATCH, 'peers');
// The scratch copy (with its node_modules) goes when the script ends, however it ends; the
// screenshots are copied to bench-results/peers-shots/ first. GW_KEEP_PEERS=1 keeps it.
process.on('exit', () => {
  if (process.env.GW_KEEP_PEERS !== '1') rmSync(SCRATCH, { recursive: true, force: true });
  // The pages stay for tests/bench/trace.mjs (where the main thread's time goes, page by page).
  else console.log(`peers: kept the scratch copy; its pages: ${join(PEERS, 'pages')}`);
});
cpSync(SRC, PEERS, {
  recursive: true,
  filter: (p) => !/[/\\](node_modules|shots)$/.test(p) && !p.endsWith('results.json'),
});
console.log(`peers: harness copied to ${PEERS}; npm ci`);
const npm = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: PEERS, stdio: 'inherit' });
if (npm.status !== 0) fail(`npm ci in ${PEERS} failed (exit ${npm.status})`);

// 2. The report the harness contract allows (the same 23 areas, no report text) and its markup.
const full = JSON.parse(readFileSync(join(ROOT, 'www/data/metropolitan-2006.json'), 'utf8'));
const { schema_version, force, title, published, period, forces_assessed } = full;
const domains = full.domains.map((d) => ({
  id: d.id, title: d.title, ppaf: d.ppaf,
  areas: d.areas.map((a) => ({ id: a.id, title: a.title, grade: a.grade, direction: a.direction, national: a.national })),
}));
const report = JSON.stringify({ schema_version, force, title, published, period, forces_assessed, domains });
const work = join(PEERS, '.gw');
mkdirSync(work, { recursive: true });
writeFileSync(join(work, 'report.json'), report);

// The CLI from this tree (the markup's version stamp hashes the components' sources, so it must be
// built from the same sources as pkg/). The dev profile: the markup does not depend on it, and the
// release profile's LTO build takes minutes. GW_CLI names another binary.
let cli = process.env.GW_CLI;
if (!cli) {
  const build = spawnSync('cargo', ['build', '--quiet', '--bin', 'grade-widget'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) fail(`cargo build --bin grade-widget failed (exit ${build.status})`);
  cli = join(ROOT, 'target', 'debug', 'grade-widget');
}
const render = spawnSync(cli, ['render', join(work, 'report.json'), '-o', join(work, 'markup.html'),
  '--stylesheet', join(work, 'static.css')], { encoding: 'utf8' });
if (render.status !== 0) fail(`grade-widget render failed (exit ${render.status}): ${render.stderr}`);
const markup = readFileSync(join(work, 'markup.html'), 'utf8').trim();
const css = readFileSync(join(work, 'static.css'));

const head = (name, extra = '') => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Grade charts: grade-widget (${name})</title>
<link rel="icon" href="data:,">
<script>window.__benchStart = performance.now();</script>
${extra}</head>`;
// The widget's completion signal: the frame after its `load` event. `check` runs at `load`.
const onLoad = (check = '') => `<script>
document.addEventListener('load', (e) => {
  if (!(e instanceof CustomEvent) || e.target.localName !== 'grade-widget' || window.__chartsBuilt) return;
  window.__chartsBuilt = performance.now();${check}
  requestAnimationFrame(() => setTimeout(() => { window.__renderDone = performance.now(); }, 0));
}, true);
document.addEventListener('error', (e) => {
  if (e instanceof CustomEvent && e.target.localName === 'grade-widget') window.__renderError = JSON.stringify(e.detail);
}, true);
</script>
<script type="module" src="grade-widget.js"></script>
`;
const h1 = (what) => `<h1>Metropolitan Police Service: baseline assessment grades (${what})</h1>`;

const page = (name, files, html) => {
  const dir = join(PEERS, 'pages', name);
  mkdirSync(dir, { recursive: true });
  for (const [to, from] of Object.entries(files)) cpSync(from, join(dir, to));
  writeFileSync(join(dir, 'index.html'), html);
};
const widgetFiles = Object.fromEntries(['grade-widget.js', 'grade_widget.js', 'grade_widget_bg.wasm']
  .map((f) => [f, join(ROOT, 'pkg', f)]));

// 3. The pages.
page('ours', { ...widgetFiles, 'report.json': join(work, 'report.json') }, `${head('Rust/WebAssembly', onLoad())}
<body>
${h1('grade-widget')}
<grade-widget src="report.json"></grade-widget>
</body>
</html>
`);

page('static', { 'static.css': join(work, 'static.css') }, `${head('static markup, no script', '<link rel="stylesheet" href="static.css">\n')}
<body>
${h1('grade-widget render, no script')}
<grade-widget>${markup}</grade-widget>
<script>requestAnimationFrame(() => setTimeout(() => { window.__renderDone = performance.now(); }, 0));</script>
</body>
</html>
`);

// Hydration must adopt the pre-rendered nodes, not draw afresh: a row taken from the markup
// before the widget starts must still be in the widget's shadow root at `load`, or in the copy
// still held as it is (the default loading, on tests/bench/lighthouse.mjs's pages).
const adopted = `
  const row = window.__ssrRow, root = e.target.shadowRoot;
  const taken = root && root.contains(row) && !row.closest('[data-gw-hydrate]');
  if (!row || !row.isConnected || !(taken || row.closest('[data-gw-hydrate]'))) window.__renderError = 'ourssr: the widget drew afresh instead of hydrating the pre-rendered markup';`;
page('ourssr', { ...widgetFiles, 'report.json': join(work, 'report.json'), 'static.css': join(work, 'static.css') },
  `${head('pre-rendered, hydrated', `<link rel="stylesheet" href="static.css">\n${onLoad(adopted)}`)}
<body>
${h1('grade-widget, pre-rendered and hydrated')}
<grade-widget loading="eager" src="report.json">${markup}</grade-widget>
<script>window.__ssrRow = document.querySelector('grade-widget [data-testid="area-row"]');</script>
</body>
</html>
`);

// The same markup in a declarative shadow root (`render --shadow-root`): the parser builds the
// element's shadow root, and the widget hydrates the copy where it is.
const dsdRender = spawnSync(cli, ['render', join(work, 'report.json'), '-o', join(work, 'markup-dsd.html'),
  '--shadow-root', 'shadow.css', '--stylesheet', join(work, 'shadow.css')], { encoding: 'utf8' });
if (dsdRender.status !== 0) fail(`grade-widget render --shadow-root failed (exit ${dsdRender.status}): ${dsdRender.stderr}`);
page('ourdsd', { ...widgetFiles, 'report.json': join(work, 'report.json'), 'shadow.css': join(work, 'shadow.css') },
  `${head('pre-rendered in a declarative shadow root, hydrated', onLoad(adopted))}
<body>
${h1('grade-widget, pre-rendered in a shadow root and hydrated')}
<grade-widget loading="eager" src="report.json">${readFileSync(join(work, 'markup-dsd.html'), 'utf8').trim()}</grade-widget>
<script>window.__ssrRow = document.querySelector('grade-widget').shadowRoot.querySelector('[data-testid="area-row"]');</script>
</body>
</html>
`);

// GW_PEERS_PAGES_ONLY=1: stop here, with the peers' bundles copied beside their pages, and keep
// the scratch folder for another runner (tests/bench/lighthouse.mjs serves it as it is).
if (process.env.GW_PEERS_PAGES_ONLY === '1') {
  const { copyBundles } = await import(join(PEERS, 'copy-bundles.mjs'));
  copyBundles({ quiet: true });
  process.env.GW_KEEP_PEERS = '1';
  console.log(`peers: pages ready: ${PEERS}`);
  process.exit(0);
}

// 4. The harness.
mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
const loadStart = loadavg();
const run = spawnSync(process.execPath, ['run.mjs', ...args, '--out', out], { cwd: PEERS, stdio: 'inherit' });
if (!existsSync(out)) fail(`the harness wrote no results (exit ${run.status})`);
const results = JSON.parse(readFileSync(out, 'utf8'));
const pages = results.pages;
const failed = Object.entries(pages).filter(([, p]) => p.failures > 0 || !p.summary.renderDone);
for (const [name, p] of failed) {
  const why = [...new Set(p.failureDetails.map((f) => f.error))].join('; ');
  console.error(`peers: page ${name} failed ${p.failures} of ${results.meta.runs} loads: ${why || 'no render done time'}`);
}
const OWN = ['ours', 'static', 'ourssr', 'ourdsd'];
for (const name of OWN) if (!pages[name]) fail(`no results for page ${name}`);

const med = (name, key = 'renderDone') => pages[name]?.summary[key]?.median ?? NaN;
const ratio = (a, b) => med(a) / med(b);
const peers = Object.keys(pages).filter((p) => !OWN.includes(p));
const fastest = peers.sort((a, b) => med(a) - med(b))[0];
const f1 = (x) => x.toFixed(1);
const f2 = (x) => x.toFixed(2);
console.log(`\ngrade-widget side by side (${results.meta.runs} cold loads per page, load average ${loadStart[0].toFixed(2)} at start, ${results.meta.host.loadavgAtEnd[0].toFixed(2)} at end)`);
for (const name of [...OWN, ...peers]) {
  const s = pages[name].summary;
  console.log(`  ${name.padEnd(10)} render done ${f1(s.renderDone.median)} ms (${f1(s.renderDone.min)}–${f1(s.renderDone.max)}), FCP ${s.fcp ? f1(s.fcp.median) : '-'} ms, ` +
    `brotli ${(s.code.brotli / 1024).toFixed(1)} KiB (${s.code.files} files), nodes ${s.domNodes?.median ?? '-'}`);
}
const summary = {
  oursOverStatic: ratio('ours', 'static'),
  ourssrOverStatic: ratio('ourssr', 'static'),
  ourssrOverOurs: ratio('ourssr', 'ours'),
  ourssrFcpOverStaticFcp: med('ourssr', 'fcp') / med('static', 'fcp'),
  ourdsdOverOurs: ratio('ourdsd', 'ours'),
  ourdsdOverOurssr: ratio('ourdsd', 'ourssr'),
  ourdsdFcpOverStaticFcp: med('ourdsd', 'fcp') / med('static', 'fcp'),
  fastestPeer: fastest ?? null,
  oursOverFastestPeer: fastest ? ratio('ours', fastest) : null,
  staticOverFastestPeer: fastest ? ratio('static', fastest) : null,
  oursBrotli: pages.ours.summary.code.brotli,
};
console.log(`  ours / static   = ${f2(summary.oursOverStatic)} (target ≤ 1.10)`);
console.log(`  ourssr / static = ${f2(summary.ourssrOverStatic)}; ourssr / ours = ${f2(summary.ourssrOverOurs)} (target ≤ 1.00: pre-rendered interactive no later than a fresh render)`);
console.log(`  ourssr FCP / static FCP = ${f2(summary.ourssrFcpOverStaticFcp)} (the grades at first paint)`);
console.log(`  ourdsd / ours = ${f2(summary.ourdsdOverOurs)}; ourdsd / ourssr = ${f2(summary.ourdsdOverOurssr)}; ourdsd FCP / static FCP = ${f2(summary.ourdsdFcpOverStaticFcp)} (the copy in a declarative shadow root)`);
if (fastest) console.log(`  fastest peer ${fastest}: ours / ${fastest} = ${f2(summary.oursOverFastestPeer)}, static / ${fastest} = ${f2(summary.staticOverFastestPeer)}`);
console.log(`  ours brotli ${(summary.oursBrotli / 1024).toFixed(1)} KiB (target ≤ 130 KiB)`);
results.gw = { summary, loadavgAtStart: loadStart, harness: relative(ROOT, SRC) };
writeFileSync(out, JSON.stringify(results, null, 1) + '\n');
const shots = join(ROOT, 'bench-results', 'peers-shots');
if (existsSync(join(PEERS, 'shots'))) {
  rmSync(shots, { recursive: true, force: true });
  cpSync(join(PEERS, 'shots'), shots, { recursive: true });
}
console.log(`peers: wrote ${relative(process.cwd(), out) || out}; screenshots (unless --no-shots) in ${relative(process.cwd(), shots) || shots}`);
if (failed.length || run.status !== 0) fail(`${failed.length ? failed.map(([n]) => n).join(', ') + ' failed' : `the harness exited ${run.status}`}`);
