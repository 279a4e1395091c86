// Where a selection's time goes (issue 12): the demo page, areas selected from the table (or a
// chart) again and again under a Chromium trace, then per selection: the input's task, script,
// style, layout, pre-paint and paint self time, and input → the end of the frame's paint
// (the trace's own clock, so it does not depend on when a marker task after the frame runs:
// work queued after the frame, like a deferred history push, is not counted in that figure).
// It measures and asserts nothing else.
//
//   node tests/bench/select-trace.mjs [--pkg DIR] [--from table|chart|sort|grade|domain|direction] [--n 10] [--loads 3] [--css FILE]
//                                      [--scroll input|none] [--floor 1|both]
//
// --from sort alternates the table's sort between grade and area, --from grade the grade filter
// between Excellent and every grade, --from domain between domain 3 and every domain, --from
// direction between improved and every direction (a `change` on the <select>, as run.mjs does):
// the input is then that `change` event rather than a click.
// --pkg serves another build's pkg/ files in place of pkg/ (a before/after pair in one go);
// --css adds a stylesheet to the widget's shadow root after load (trying a CSS change without a
// rebuild). Self time as in trace.mjs.
// --scroll input (the default) first scrolls the control that is pressed to the middle of the
// viewport, as a reader sees what they press; the browser then lays out and paints what is on
// screen, which with `content-visibility: auto` is not the whole widget. --scroll none leaves
// the page at its top (the demo's widget starts below the fold).
// --floor 1 times the browser's floor for the same interaction: the widget makes each of the two
// changes once, untraced, and the script records what differs between the two states (attributes,
// text, the order of each element's children, and the detail panel); from then on a capture
// listener on the shadow root stops the input before the widget sees it and makes exactly that
// DOM change by hand (the panel as a fresh clone of the widget's, everything else on the same
// nodes), then focuses what the widget focused. No wasm runs. Before tracing, each replay is
// checked to leave the widget's markup exactly as the widget left it, or the run stops.
// --floor both alternates cold pages of the widget and of the floor and prints the two apart.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';
import { CHROMIUM_ARGS, ROOT } from '../e2e/lib.mjs';
import { selfTimes } from './self-time.mjs';

const opt = { pkg: null, from: 'table', n: 10, loads: 3, css: null, scroll: 'input', floor: '' };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) {
  const key = argv[i].replace(/^--/, '');
  if (!(key in opt)) throw new Error(`select-trace: unknown argument ${argv[i]}`);
  opt[key] = ['n', 'loads'].includes(key) ? Number(argv[i + 1]) : argv[i + 1];
}
const css = opt.css ? readFileSync(opt.css, 'utf8') : null;
const report = JSON.parse(readFileSync(join(ROOT, 'www/data/metropolitan-2006.json'), 'utf8'));
const areas = report.domains.flatMap((d) => d.areas.map((a) => a.id));
// Each input is a pair [testid of a <select>, value] or an area id to click.
const CHOICES = {
  chart: [areas.at(-1), areas[0]],
  table: [areas[5], areas[1]],
  sort: [['filter-sort', 'grade'], ['filter-sort', 'id']],
  grade: [['filter-grade', 'excellent'], ['filter-grade', '']],
  domain: [['filter-domain', '3'], ['filter-domain', '']],
  direction: [['filter-direction', 'improved'], ['filter-direction', '']],
};
if (!(opt.from in CHOICES)) throw new Error(`select-trace: --from is one of ${Object.keys(CHOICES).join(', ')}`);
if (!['input', 'none'].includes(opt.scroll)) throw new Error('select-trace: --scroll is input or none');
if (!['', '1', 'both'].includes(opt.floor)) throw new Error('select-trace: --floor is 1 or both');
const pair = CHOICES[opt.from];
const inputType = typeof pair[0] === 'string' ? 'click' : 'change';
const target = (id) => opt.from === 'chart'
  ? `[data-testid="glance-item"][data-area="${id}"] button`
  : `[data-testid="summary"] [data-testid="area-row"][data-area="${id}"] button`;

const routes = {};
if (opt.pkg) {
  for (const name of ['grade-widget.js', 'grade_widget.js', 'grade_widget_bg.wasm']) {
    routes[`/pkg/${name}`] = (req, res) => {
      res.writeHead(200, { 'Content-Type': name.endsWith('.wasm') ? 'application/wasm' : 'text/javascript', 'Cache-Control': 'no-store' });
      res.end(readFileSync(join(opt.pkg, name)));
    };
  }
}
const { server, url } = await serve({ port: 0, routes });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });

/** One cold page, `opt.n` selections traced. Returns per-selection figures. */
async function load(floor) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(url + 'index.html');
  // Every row and card drawn: a fresh render draws them in slices, the cards last.
  await page.locator('#report [data-testid="glance-item"]').nth(areas.length - 1).waitFor();
  if (css) {
    await page.evaluate((css) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      const root = document.getElementById('report').shadowRoot;
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    }, css);
  }
  if (opt.scroll === 'input') {
    const first = typeof pair[0] === 'string' ? target(pair[0]) : `[data-testid="${pair[0][0]}"]`;
    await page.evaluate((css) => document.getElementById('report').shadowRoot.querySelector(css).scrollIntoView({ block: 'center' }), first);
  }
  // Two warm-up selections, untraced.
  for (const id of pair) await select(page, id);
  if (floor) await recordFloor(page);
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8.execute,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  for (let i = 0; i < opt.n; i++) await select(page, pair[i % 2]);
  await cdp.send('Tracing.end');
  await complete;
  await context.close();
  return analyse(events);
}

/** Clicks the area's button (or sets the <select>) in the page and waits well past the frame after it. */
function select(page, choice) {
  const [testid, value] = typeof choice === 'string' ? [null, null] : choice;
  return page.evaluate(([css, testid, value]) => new Promise((done) => {
    const root = document.getElementById('report').shadowRoot;
    if (testid) {
      const select = root.querySelector(`[data-testid="${testid}"]`);
      if (![...select.options].some((o) => o.value === value)) throw new Error(`no option ${value} in ${testid}`);
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    } else {
      root.querySelector(css).click();
    }
    setTimeout(() => requestAnimationFrame(() => setTimeout(done, 50)), 50);
  }), [typeof choice === 'string' ? target(choice) : null, testid, value]);
}

/**
 * --floor: records the two states the widget leaves (it is at pair[1] now), installs the
 * by-hand replay of the change into each, and checks the replay reproduces the widget's markup.
 */
async function recordFloor(page) {
  const choices = pair.map((c) => (typeof c === 'string' ? { css: target(c) } : { testid: c[0], value: c[1] }));
  const PANEL = '[data-testid="area-detail"]';
  await page.evaluate((PANEL) => {
    const root = document.getElementById('report').shadowRoot;
    const gw = root.querySelector('.gw');
    // Everything but the panel's subtree: each element's attributes and child list, each text's data.
    const snap = () => {
      const panel = gw.querySelector(PANEL);
      const attrs = new Map();
      const kids = new Map();
      const texts = new Map();
      const walk = (el) => {
        attrs.set(el, new Map([...el.attributes].map((a) => [a.name, a.value])));
        kids.set(el, [...el.childNodes]);
        for (const n of el.childNodes) {
          if (n.nodeType === 1 && n !== panel) walk(n);
          else if (n.nodeType === 3) texts.set(n, n.data);
        }
      };
      walk(gw);
      const active = root.activeElement;
      const focusPath = [];
      if (active && panel.contains(active)) {
        for (let n = active; n !== panel; n = n.parentNode) focusPath.unshift([...n.parentNode.children].indexOf(n));
      }
      return { panel: panel.cloneNode(true), attrs, kids, texts, focusPath, focusOther: active && !panel.contains(active) ? active : null, html: gw.outerHTML };
    };
    window.__floorSnap = snap;
    window.__floorStates = [];
  }, PANEL);
  // The widget is at pair[1]: record it, then make pair[0] and record that.
  await page.evaluate(() => window.__floorStates[1] = window.__floorSnap());
  await select(page, pair[0]);
  await page.evaluate(() => window.__floorStates[0] = window.__floorSnap());
  await page.evaluate(([choices, PANEL]) => {
    const root = document.getElementById('report').shadowRoot;
    const gw = root.querySelector('.gw');
    const [s0, s1] = window.__floorStates;
    // The operations that turn one state into the other: only what differs.
    const plan = (from, to) => {
      const attrs = [];
      for (const [el, want] of to.attrs) {
        const had = from.attrs.get(el) ?? new Map();
        for (const [k, v] of want) if (had.get(k) !== v) attrs.push([el, k, v]);
        for (const k of had.keys()) if (!want.has(k)) attrs.push([el, k, null]);
      }
      const kids = [];
      for (const [el, want] of to.kids) {
        const had = from.kids.get(el);
        if (!had || had.length !== want.length || had.some((n, i) => n !== want[i])) kids.push([el, want]);
      }
      const texts = [];
      for (const [n, d] of to.texts) if (from.texts.get(n) !== d) texts.push([n, d]);
      const panel = from.panel.isEqualNode(to.panel) ? null : to.panel;
      return { attrs, kids, texts, panel, focusPath: to.focusPath, focusOther: to.focusOther };
    };
    const plans = [plan(s1, s0), plan(s0, s1)];
    const apply = (p) => {
      for (const [el, k, v] of p.attrs) v === null ? el.removeAttribute(k) : el.setAttribute(k, v);
      for (const [n, d] of p.texts) n.data = d;
      let panel = gw.querySelector(PANEL);
      for (const [el, want] of p.kids) {
        // Keep the live panel where the recorded one stood (it is replaced below).
        const list = want.map((n) => (n.matches?.(PANEL) ? panel : n));
        for (let i = 0; i < list.length; i++) if (el.childNodes[i] !== list[i]) el.insertBefore(list[i], el.childNodes[i] ?? null);
        while (el.childNodes.length > list.length) el.lastChild.remove();
      }
      if (p.panel) {
        const fresh = p.panel.cloneNode(true);
        panel.replaceWith(fresh);
        panel = fresh;
      }
      if (p.focusPath.length) {
        let n = panel;
        for (const i of p.focusPath) n = n.children[i];
        n.focus();
      } else if (p.focusOther && root.activeElement !== p.focusOther) {
        p.focusOther.focus();
      }
    };
    const which = (e) => choices.findIndex((c) => (c.css ? e.target.closest?.(c.css) : e.target.matches?.(`[data-testid="${c.testid}"]`) && e.target.value === c.value));
    const stop = (e) => {
      const i = which(e);
      if (i < 0) return;
      e.stopImmediatePropagation();
      apply(plans[i]);
    };
    root.addEventListener('click', stop, true);
    root.addEventListener('change', stop, true);
    window.__floorCheck = (i) => gw.outerHTML === window.__floorStates[i].html;
  }, [choices, PANEL]);
  // Two untraced replays, each checked against the widget's own markup for that state.
  for (const [i, c] of pair.entries()) {
    await select(page, c);
    if (!(await page.evaluate((i) => window.__floorCheck(i), i))) throw new Error(`select-trace --floor: the replay of ${JSON.stringify(c)} does not leave the widget's markup`);
  }
}

function analyse(events) {
  const parse = events.find((e) => e.name === 'RunTask' && e.args?.src_func) ?? null;
  const inputs = events.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === inputType).sort((a, b) => a.ts - b.ts);
  const { pid, tid } = inputs[0] ?? parse;
  const main = events.filter((e) => e.ph === 'X' && e.pid === pid && e.tid === tid).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const out = [];
  for (let k = 0; k < inputs.length; k++) {
    const t0 = inputs[k].ts;
    const t1 = inputs[k + 1]?.ts ?? Infinity;
    const span = main.filter((e) => e.ts >= t0 - 1 && e.ts < t1);
    // The input's task: the RunTask holding the click.
    const task = main.find((e) => e.name === 'RunTask' && e.ts <= t0 && e.ts + e.dur >= t0);
    const self = selfTimes(span);
    // Input → the end of the frame's paint, and the tasks after it until the next input.
    const paints = span.filter((e) => e.name === 'Paint');
    const lastPaint = paints.filter((e) => e.ts < t0 + 1e6).at(0);
    // What the layouts after the input had to do: objects marked for layout, of how many.
    const layouts = span.filter((e) => e.name === 'Layout');
    const dirty = layouts.reduce((n, e) => n + (e.args?.beginData?.dirtyObjects ?? 0), 0);
    const total = layouts.reduce((n, e) => Math.max(n, e.args?.beginData?.totalObjects ?? 0), 0);
    out.push({
      // Which of the two inputs this was (they alternate, the first traced one is pair[0]).
      which: k % 2,
      dirty,
      total,
      layouts: layouts.length,
      task: task ? task.dur / 1000 : null,
      toPaintEnd: lastPaint ? (lastPaint.ts + lastPaint.dur - t0) / 1000 : null,
      self,
    });
  }
  return out;
}

// --floor both: the widget and the floor in alternate cold pages, so both see the same machine.
const modes = opt.floor === 'both' ? [false, true] : [Boolean(opt.floor)];
const runs = new Map(modes.map((m) => [m, []]));
for (let i = 0; i < opt.loads; i++) for (const m of modes) runs.get(m).push(...await load(m));
await browser.close();
server.close();

const median = (v) => {
  const s = v.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  return s.length ? s[s.length >> 1] : NaN;
};
const label = (c) => (typeof c === 'string' ? c : `${c[0]}=${c[1] || '(all)'}`);
for (const [floor, all] of runs) {
  console.log(`select-trace: ${opt.from}${floor ? ' (floor: the same DOM change by hand, no wasm)' : ''}, ${all.length} selections over ${opt.loads} loads, ${opt.pkg ?? 'pkg'}${opt.css ? ` + ${opt.css}` : ''}, scroll ${opt.scroll}; load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  console.log(`  ${median(all.map((r) => r.task)).toFixed(1).padStart(7)} ms  input task (median)`);
  console.log(`  ${median(all.map((r) => r.toPaintEnd)).toFixed(1).padStart(7)} ms  input -> end of the first paint after it (median)`);
  console.log(`          of which ${pair.map((c, w) => `${label(c)} ${median(all.filter((r) => r.which === w).map((r) => r.toPaintEnd)).toFixed(1)} ms`).join(', ')}`);
  console.log(`  ${median(all.map((r) => r.dirty))} of ${median(all.map((r) => r.total))} layout objects dirty, in ${median(all.map((r) => r.layouts))} layouts (median)`);
  const names = new Set(all.flatMap((r) => Object.keys(r.self)));
  const rows = [...names].map((n) => [n, median(all.map((r) => r.self[n] ?? 0))]).sort((a, b) => b[1] - a[1]).slice(0, 14);
  for (const [n, v] of rows) console.log(`  ${v.toFixed(1).padStart(7)} ms  ${n} (self, median per selection)`);
}
