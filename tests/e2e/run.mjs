// End-to-end tests: starts the static server on a free port, drives /usr/bin/chromium with
// playwright-core through every *.spec.mjs in this folder, saves a screenshot per test in
// test-results/, prints "N passed, M failed" and exits non-zero on any failure.
//
//   node tests/e2e/run.mjs [name-filter]      (needs a build in pkg/: scripts/build.sh, and for
//                                             dist.spec.mjs the release in dist/: make dist)

import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { serve } from '../../scripts/serve.mjs';
import { distServer, hostRoutes } from './dist.mjs';
import { crossOriginServer, FAULT_ROUTES } from './faults.mjs';
import { launch, openPage, ROOT } from './lib.mjs';

const filter = process.argv[2] ?? '';
const OUT = `${ROOT}test-results`;
/** Per test, unless the test sets its own `timeout` (ms). */
const TIMEOUT = 60_000;

if (!existsSync(`${ROOT}pkg/grade_widget_bg.wasm`) || !existsSync(`${ROOT}pkg/grade-widget.js`)) {
  console.error('e2e: pkg/ has no build: run scripts/build.sh (or make build) first');
  process.exit(2);
}
mkdirSync(OUT, { recursive: true });

const specs = readdirSync(new URL('.', import.meta.url)).filter((f) => f.endsWith('.spec.mjs')).sort();
// The release folder on its own origin (dist.spec.mjs); its host pages on the first origin name it.
const dist = await distServer();
const { server, url: base } = await serve({ port: 0, routes: { ...FAULT_ROUTES, ...hostRoutes(dist.url) } });
// Another port is another origin: for the CORS fault (faults.spec.mjs).
const { server: crossServer, url: cross } = await crossOriginServer();
const browser = await launch();
let passed = 0;
const failures = [];

// Tests run JOBS at a time (each in its own browser context), except those that must have the
// machine to themselves: a spec that exports `serial = true` (shared server state such as the
// fault routes' counters, memory levels, main-thread timing), or a test with `serial: true`.
// Those run afterwards, one by one. GW_E2E_JOBS=1 runs everything one by one.
const JOBS = Math.max(1, Number(process.env.GW_E2E_JOBS ?? Math.min(2, availableParallelism())));
const parallel = [];
const serial = [];
for (const file of specs) {
  const spec = await import(`./${file}`);
  for (const test of spec.tests) {
    const name = `${file.replace('.spec.mjs', '')}: ${test.name}`;
    if (!name.includes(filter)) continue;
    (spec.serial || test.serial ? serial : parallel).push({ name, test });
  }
}

async function runOne({ name, test }) {
  const started = Date.now();
  const opened = await openPage(browser, base + test.page, test.options);
  const t = { ...opened, base, cross, dist, url: (path) => base + path };
  let timer;
  try {
    await Promise.race([
      test.run(t),
      new Promise((_, fail) => {
        timer = setTimeout(() => fail(new Error(`timed out after ${test.timeout ?? TIMEOUT} ms`)), test.timeout ?? TIMEOUT);
      }),
    ]);
    // Every test also holds the page to no uncaught errors and no unexpected console errors.
    if (opened.problems.length && !test.allowConsoleErrors) {
      throw new Error(`the page logged errors:\n  ${opened.problems.join('\n  ')}`);
    }
    passed++;
    console.log(`ok   ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    const text = `FAIL ${name}\n     ${String(error?.stack ?? error).split('\n').slice(0, 30).join('\n     ')}`;
    failures.push(text);
    console.log(text);
  } finally {
    clearTimeout(timer);
    const shot = `${OUT}/${name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase()}.png`;
    await opened.page.screenshot({ path: shot, fullPage: test.fullPage ?? false }).catch(() => {});
    await opened.context.close();
  }
}

// A shared queue: each worker takes the next test when its last one ends.
const queue = [...parallel];
await Promise.all(Array.from({ length: Math.min(JOBS, queue.length) }, async () => {
  while (queue.length) await runOne(queue.shift());
}));
for (const entry of serial) await runOne(entry);

await browser.close();
server.close();
crossServer.close();
dist.server.close();
// Interleaved output from parallel tests: the failures again, together, before the count.
if (failures.length) console.log(`\n${failures.join('\n')}\n`);
console.log(`${passed} passed, ${failures.length} failed`);
process.exit(failures.length === 0 && passed > 0 ? 0 : 1);
