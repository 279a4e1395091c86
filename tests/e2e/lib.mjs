// Shared helpers for the end-to-end specs: the browser, a page that records the widget's DOM
// events, waiting for a widget to settle, reading inside shadow roots, axe-core, screenshots.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const copies = new Map();
/**
 * `grade-widget render` of the demo report with `args`, as the README's step 5 says (`--stylesheet`):
 * the pre-rendered markup and its stylesheet, `{ html, css }`; made once per `args`.
 */
export function renderCopy(args = []) {
  const key = JSON.stringify(args);
  if (!copies.has(key)) {
    const dir = mkdtempSync(join(tmpdir(), 'gw-copy-'));
    try {
      const css = join(dir, 'grade-widget-static.css');
      const html = execFileSync('cargo', ['run', '--quiet', '--bin', 'grade-widget', '--', 'render',
        'www/data/metropolitan-2006.json', ...args, '--stylesheet', css], { cwd: ROOT, encoding: 'utf8' });
      copies.set(key, { html, css: readFileSync(css, 'utf8') });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return copies.get(key);
}

/** Flags for Debian's chromium as root in a container (see docs/development.md, "Toolchain notes"). */
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** A report from www/data, parsed, for computing what the page must show. */
export function report(name) {
  return JSON.parse(readFileSync(`${ROOT}www/data/${name}`, 'utf8'));
}

/** Every area of a report, in order. */
export function areas(r) {
  return r.domains.flatMap((d) => d.areas);
}

/** The plain text of a section's first block ("strengths", …), as the widget shows it. */
export function firstText(section) {
  return section?.[0]?.blocks?.[0]?.text;
}

/**
 * Runs before any page script: records every `load`, `select` and `error` CustomEvent (capture
 * phase on document, so the non-bubbling `error` is seen too; not on window, which a `load`
 * event never reaches) and every CSP violation.
 */
function recorder() {
  window.__gw = { events: [], csp: [] };
  for (const type of ['load', 'select', 'error']) {
    document.addEventListener(type, (e) => {
      if (!(e instanceof CustomEvent)) return;
      window.__gw.events.push({ type, id: e.target.id ?? '', detail: JSON.parse(JSON.stringify(e.detail)) });
    }, true);
  }
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__gw.csp.push(`${e.violatedDirective} ${e.blockedURI}`);
  });
}

/** A fresh page with the event recorder, collecting console errors and uncaught exceptions. */
export async function openPage(browser, url, { viewport = { width: 1280, height: 900 }, bypassCSP = false, touch = false } = {}) {
  // `touch`: a phone's touch screen (Chromium's mobile emulation), for taps (glimpse.spec.mjs).
  const context = await browser.newContext({ viewport, bypassCSP, hasTouch: touch, isMobile: touch });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  page.on('console', (m) => {
    // The browser logs every failed request; the error-state pages fail requests on purpose.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console: ${m.text()}`);
  });
  await page.addInitScript(recorder);
  await page.goto(url);
  return { page, context, problems };
}

/** The recorded events, optionally for one element id. */
export function events(page, id) {
  return page.evaluate((id) => window.__gw.events.filter((e) => id === undefined || e.id === id), id);
}

/** Waits until the widget with this id has fired `load` or `error`; returns that event. */
export async function settled(page, id, timeout = 15000) {
  await page.waitForFunction(
    (id) => window.__gw.events.some((e) => e.id === id && (e.type === 'load' || e.type === 'error')),
    id,
    { timeout },
  );
  const all = await events(page, id);
  return all.find((e) => e.type === 'load' || e.type === 'error');
}

/**
 * Over a pre-rendered copy the widget keeps the copy as it is after `load` until the reader
 * reaches for it (element.js, `hold`): moves the pointer over widget `id`, as a reader would, and
 * waits until the app has taken the copy over (its stamp gone).
 */
export async function live(page, id) {
  await page.hover(`#${id}`);
  await takenOver(page, id);
}

/** In the page: whether widget `id` still shows a copy the app has not taken over (its stamp). */
const STAMPED = (id) => {
  const host = document.getElementById(id);
  return !!(host.querySelector('[data-gw-hydrate]') ?? host.shadowRoot?.querySelector('[data-gw-hydrate]'));
};

/** Whether widget `id` still shows its pre-rendered copy as the page put it, not taken over. */
export function held(page, id) {
  return page.evaluate(STAMPED, id);
}

/** Waits until the app has taken widget `id`'s copy over (hydrated it or drawn afresh). */
export function takenOver(page, id) {
  return page.waitForFunction(`!(${STAMPED})(${JSON.stringify(id)})`);
}

/** A locator inside the widget's shadow root (playwright's CSS engine pierces open roots). */
export function inWidget(page, id, testid) {
  return page.locator(`#${id} [data-testid="${testid}"]`);
}

/** The focused element, looking through shadow roots: { testid of it or an ancestor, tag, text }. */
export function deepFocus(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    const row = el?.closest?.('[data-testid]');
    return { tag: el?.localName, text: el?.textContent?.trim(), testid: row?.getAttribute('data-testid'), area: row?.getAttribute('data-area') };
  });
}

const AXE = readFileSync(`${ROOT}node_modules/axe-core/axe.min.js`, 'utf8');

/**
 * axe-core on one element and its shadow tree (or the whole document when selector is null).
 * Returns violations as readable lines, empty when clean. WCAG 2.2 AA rule set.
 */
export async function axe(page, selector) {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async (selector) => {
    const context = selector ? document.querySelector(selector) : document;
    const result = await window.axe.run(context, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}; ${v.nodes.length} node(s), e.g. ${JSON.stringify(v.nodes[0]?.target)}: ${v.nodes[0]?.failureSummary?.replace(/\s+/g, ' ')}`);
  }, selector);
}

/** Computed style properties of the first element matching a selector inside a widget. */
export function styleIn(page, id, selector, props) {
  return page.evaluate(({ id, selector, props }) => {
    const el = document.getElementById(id)?.shadowRoot?.querySelector(selector);
    if (!el) return null;
    const cs = getComputedStyle(el);
    return Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
  }, { id, selector, props });
}

/**
 * The widget's two string tables, as tests/i18n.rs writes them from src/i18n (and checks on
 * every `cargo test`), so the tests compare against what the widget ships:
 * { en: { field: text }, cy: { field: text } }, with `{name}` where a value goes.
 */
export function strings() {
  const { en, cy } = JSON.parse(readFileSync(`${ROOT}tests/fixtures/strings.json`, 'utf8'));
  // Each table knows its language, for the plural forms of counted texts (`counted`).
  const tagged = (t, lang) => Object.defineProperty(t, '__lang', { value: lang, enumerable: false });
  return { en: tagged(en, 'en'), cy: tagged(cy, 'cy') };
}

/**
 * The form of a counted text (`badge_areas#one`, `#two`, …) for `n`, chosen by the JS engine's
 * own CLDR plural rules (Intl.PluralRules): a check of the widget's rules that shares no code
 * with them.
 */
export function counted(t, key, n) {
  const form = t[`${key}#${new Intl.PluralRules(t.__lang).select(n)}`];
  if (form === undefined) throw new Error(`strings.json: no ${t.__lang} form of ${key} for ${n}`);
  return form;
}

/** Fills `{name}` placeholders, as the widget does. */
export function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

const GRADES = ['poor', 'fair', 'good', 'excellent'];

/** What a report of forces compares, after the number `n`: "force", "forces"; Welsh "heddlu". */
export function forces(t, n) {
  return counted(t, 'n_forces', n);
}

/**
 * One of the texts that name what is compared (`n_…`), filled in for a report of forces as the
 * widget fills it: {things} the plural, {things_of} the plural before "grades" ("forces'"),
 * {this} "this force", capitalised where the text starts a sentence with it; `values` the rest.
 */
export function forcesText(t, key, values = {}) {
  const self = t.this_force;
  const text = t[key].replace(/(^|\. )\{this\}/g, (_, before) => `${before}${self[0].toUpperCase()}${self.slice(1)}`);
  const things = forces(t, 5);
  const thingsOf = t.__lang === 'en' ? `${things}${things.endsWith('s') ? "'" : "'s"}` : things;
  return fill(text, { this: self, things, things_of: thingsOf, ...values });
}

/**
 * The sentence under an area's chart in one language's table `t`, computed from the report's
 * numbers: how many forces share this force's grade, and how many were graded lower and higher.
 */
export function sentence(t, area, total) {
  const rank = GRADES.indexOf(area.grade);
  if (rank < 0) return forcesText(t, 'n_ungraded');
  const counts = GRADES.map((g) => area.national[g]);
  const sum = (xs) => xs.reduce((a, b) => a + b, 0);
  const v = { n: counts[rank], grade: t[`graded_${area.grade}`], lower: sum(counts.slice(0, rank)), higher: sum(counts.slice(rank + 1)), total };
  const [first, noun] = v.n <= 1 ? ['n_only', 1] : v.lower === 0 && v.higher === 0 ? ['n_all', total] : ['n_one_of', v.n];
  const tail = [
    v.lower === 0 ? null : fill(counted(t, 'n_lower', v.lower), { ...v, things: forces(t, v.lower) }),
    v.higher === 0 ? null : fill(counted(t, 'n_higher', v.higher), { ...v, things: forces(t, v.higher) }),
  ].filter(Boolean);
  return `${fill(t[first], { ...v, thing: forces(t, 1), things: forces(t, noun) })}${tail.length ? `; ${tail.join(t.s_and)}` : ''}.`;
}

/**
 * Everything a widget shows or announces: each non-blank text node (outside <style>) and each
 * aria-label, title and data-label attribute in its shadow root, with the nearest `lang` above
 * it and whether it sits in SVG. For checking which language every string is in.
 */
export function writtenText(page, id) {
  return page.evaluate((id) => {
    const root = document.getElementById(id).shadowRoot;
    const out = [];
    const langOf = (el) => el?.closest('[lang]')?.getAttribute('lang') ?? null;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!n.data.trim() || el?.closest('style')) continue;
      out.push({ text: n.data.trim(), lang: langOf(el), where: el.localName, abbrTitle: null });
    }
    for (const el of root.querySelectorAll('[aria-label], [title], [data-label]')) {
      for (const attr of ['aria-label', 'title', 'data-label']) {
        const v = el.getAttribute(attr);
        if (v?.trim()) out.push({ text: v.trim(), lang: langOf(el), where: `${el.localName}@${attr}` });
      }
    }
    return out;
  }, id);
}

/**
 * Horizontal overflow of the document and of a widget (its host box and its root element):
 * scrollWidth and clientWidth of each, the element sticking out furthest to the right (if any)
 * and any box inside that scrolls sideways on its own, so a test can say what is too wide.
 */
export function overflow(page, id) {
  return page.evaluate((id) => {
    const host = document.getElementById(id);
    const root = host.shadowRoot?.firstElementChild;
    const box = (el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth });
    // The widest element inside, to name the culprit when something sticks out.
    let widest = null;
    const right = host.getBoundingClientRect().right;
    for (const el of host.shadowRoot?.querySelectorAll('*') ?? []) {
      const r = el.getBoundingClientRect();
      if (r.width && r.right > right + 0.5 && (!widest || r.right > widest.right)) {
        widest = { right: Math.round(r.right), element: `${el.localName}.${[...el.classList].join('.')}` };
      }
    }
    // Boxes inside that scroll sideways themselves (overflow-x auto or scroll with more to show).
    const scrollers = [...host.shadowRoot?.querySelectorAll('*') ?? []]
      .filter((el) => /auto|scroll/.test(getComputedStyle(el).overflowX) && el.scrollWidth > el.clientWidth + 1)
      .map((el) => `${el.localName}.${[...el.classList].join('.')} (${el.scrollWidth} > ${el.clientWidth})`);
    return { document: box(document.documentElement), host: box(host), root: root ? box(root) : null, viewport: innerWidth, widest, scrollers };
  }, id);
}

/** A real paste into the builder: the text on the clipboard, Ctrl+V in its box. */
export async function paste(page, context, base, text) {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base.replace(/\/$/, '') });
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.locator('[data-testid="source"]').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
}

// Pages of one test's own, requests held back or failed: for the loader's requests.

/** A page of its own on the test origin: the loader, then `body`. */
export async function open(t, body) {
  const address = t.url('loader-test.html');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>loader test</title>
<script type="module" src="/pkg/grade-widget.js"></script></head><body><main>${body}</main></body></html>`;
  await t.page.route(address, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await t.page.goto(address);
}

/** Holds every response for `pattern` back until `release()`; `asked` lists the URLs requested. */
export async function hold(page, pattern) {
  let release;
  const held = new Promise((done) => { release = done; });
  const asked = [];
  await page.route(pattern, async (route) => {
    asked.push(route.request().url());
    await held;
    await route.continue().catch(() => {});
  });
  return { asked, release };
}

/** Waits until `fn()` is true, polling; fails with `what` after `ms`. */
export async function until(fn, what, ms = 10_000) {
  const end = Date.now() + ms;
  while (!fn()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 20));
  }
}

/** Records requests that failed (a cancelled fetch is one), by URL. */
export function failures(page) {
  const failed = [];
  page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText}`));
  return failed;
}
