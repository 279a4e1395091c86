// Reliability under churn: mounting, updating and destroying widgets over and over must not
// leak. 1,000 cycles per API (mount() and the element), in batches that alternate between all
// in one task and a frame before the destroy; after each batch a forced GC, then the DOM node
// count (CDP Memory.getDOMCounters) and the wasm memory size. Both must reach a plateau: the
// growth over the second half of the run is compared with a small allowance, whatever the
// first half needed to get there (the pool of idle apps, the allocator's high-water mark).

import assert from 'node:assert/strict';

const CYCLES = 1000;
const BATCH = 50;
/** DOM nodes the second half may add: GC noise only. One leaked node per cycle would be 500. */
const NODE_ALLOWANCE = 10;
/** Wasm bytes the second half may add: two 64 KiB pages. 3 KB per cycle would be 1.5 MB. */
const WASM_ALLOWANCE = 2 * 65536;

async function churn(page, context, kind) {
  await page.waitForFunction(() => window.churn?.ready);
  const cdp = await context.newCDPSession(page);
  const measure = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { nodes } = await cdp.send('Memory.getDOMCounters');
    return { nodes, wasm: await page.evaluate(() => window.churn.wasmBytes()) };
  };
  const series = [await measure()];
  for (let done = 0, n = 0; done < CYCLES; done += BATCH, n++) {
    await page.evaluate(([kind, count, apart]) => window.churn.run(kind, count, apart), [kind, BATCH, n % 2 === 1]);
    series.push(await measure());
  }
  const [first, middle, last] = [series[0], series[series.length >> 1], series.at(-1)];
  const shown = series.map((m) => `${m.nodes}/${(m.wasm / 1024).toFixed(0)}K`).join(' ');
  assert.ok(last.nodes - middle.nodes <= NODE_ALLOWANCE,
    `${kind}: DOM nodes still growing: ${first.nodes} -> ${middle.nodes} -> ${last.nodes} (nodes/wasm per batch: ${shown})`);
  assert.ok(last.wasm - middle.wasm <= WASM_ALLOWANCE,
    `${kind}: wasm memory still growing: ${first.wasm} -> ${middle.wasm} -> ${last.wasm} (nodes/wasm per batch: ${shown})`);
  // Every widget is gone at the end: the page holds about what it held before the first.
  assert.equal(await page.evaluate(() => document.getElementById('stage').children.length), 0);
  return series;
}

// Alone (run.mjs): the DOM-node and wasm-memory levels and 2,000 cycles want the machine to themselves.
export const serial = true;

export const tests = [
  {
    name: 'mount(), update(), destroy() 1,000 times: DOM nodes and wasm memory level off',
    page: 'tests/e2e/pages/churn.html',
    // 1,000 renders of the whole report: about a minute on an idle 2-core machine.
    timeout: 300_000,
    async run({ page, context }) {
      await churn(page, context, 'mount');
    },
  },
  {
    name: 'element created, report set, removed 1,000 times: DOM nodes and wasm memory level off',
    page: 'tests/e2e/pages/churn.html',
    // 1,000 renders of the whole report: about a minute on an idle 2-core machine.
    timeout: 300_000,
    async run({ page, context }) {
      await churn(page, context, 'element');
    },
  },
];
