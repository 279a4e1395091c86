// Test page for tests/e2e/churn.spec.mjs: mounts, updates and destroys widgets over and over,
// through mount() and through the <grade-widget> element, either all in one task or with a
// frame between the steps, and reports the wasm instance's memory size. The test reads the DOM
// node count itself (CDP Memory.getDOMCounters after a forced GC).

import { mount } from '../../../pkg/grade-widget.js';
// The same module instance the loader initialised: a second init() hands back its exports.
import init from '../../../pkg/grade_widget.js';

const stage = document.getElementById('stage');
const report = await (await fetch('../../../www/data/metropolitan-2006.json')).json();
const wasm = await init();
const frame = () => new Promise((done) => requestAnimationFrame(() => done()));

/** One mount(): mount, update, destroy; `apart` puts a frame before the destroy. */
async function viaMount(apart) {
  const el = document.createElement('div');
  stage.append(el);
  const widget = await mount(el, { report, view: 'summary' });
  widget.update({ view: 'badge' });
  if (apart) await frame();
  widget.destroy();
  el.remove();
}

/**
 * One element: create, set `report`, remove. It mounts once the loader has booted (a microtask
 * or two after connection), which fires `load`; `apart` puts a frame between the steps.
 */
async function viaElement(apart) {
  const el = document.createElement('grade-widget');
  el.report = report;
  el.setAttribute('view', 'summary');
  const loaded = new Promise((done) => el.addEventListener('load', done, { once: true }));
  stage.append(el);
  await loaded;
  el.setAttribute('view', 'badge');
  if (apart) await frame();
  el.remove();
  // disconnectedCallback destroys in a microtask; let it run before the next cycle.
  await Promise.resolve();
}

window.churn = {
  async run(kind, count, apart) {
    const cycle = kind === 'element' ? viaElement : viaMount;
    for (let i = 0; i < count; i++) await cycle(apart);
    await frame();
  },
  // The memory export is found by type: its name is a short one since the names cut.
  wasmBytes: () => Object.values(wasm).find((x) => x instanceof WebAssembly.Memory).buffer.byteLength,
  ready: true,
};
