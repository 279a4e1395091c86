// Issue 13, part A: layout under WCAG 1.4.12 text spacing and under larger text (1.4.4, 1.4.10;
// issue 26), the chart cards' borders (1.4.11), focus after buttons vanish, summary view area
// links, focus rings, screen-reader names (from Chromium's own accessibility tree), back from
// the findings, heading levels, errors for readers, and the widget following the host page's
// color-scheme. Expectations come from the report JSON and src/i18n.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { areas, axe, counted, deepFocus, fill, forces, forcesText, inWidget, report, ROOT, settled, strings } from './lib.mjs';

const MET = report('metropolitan-2006.json');
const ALL = areas(MET);
const { en: EN, cy: CY } = strings();
const GRADES = ['poor', 'fair', 'good', 'excellent'];
const gradeWord = (t, g) => t[GRADES.includes(g) ? `grade_${g}` : 'grade_none'];

/** The WCAG 1.4.12 text-spacing overrides, as the bookmarklets auditors use apply them. */
const SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }`;

/**
 * Applies the text-spacing overrides to the page and inside the widget's shadow root (a page's
 * stylesheet cannot reach in there; a reader's user stylesheet or extension does).
 */
export function textSpacing(page, id) {
  return page.evaluate(({ id, css }) => {
    const sheet = () => {
      const s = new CSSStyleSheet();
      s.replaceSync(css);
      return s;
    };
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet()];
    const root = document.getElementById(id).shadowRoot;
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet()];
  }, { id, css: SPACING });
}

/**
 * What is wrong with the layout, from the real boxes: the page scrolling sideways, anything
 * inside a column (each part of the widget, and the table and the findings when side by side)
 * reaching outside it, and columns overlapping each other. Empty when all is well.
 */
export function layoutProblems(page, id) {
  return page.evaluate((id) => {
    const out = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth) out.push(`the page scrolls sideways: ${doc.scrollWidth} > ${doc.clientWidth}`);
    const root = document.getElementById(id).shadowRoot;
    const name = (el) => `${el.localName}.${[...el.classList].join('.')}${el.dataset.area ? `[${el.dataset.area}]` : ''}`;
    const box = (el) => el.getBoundingClientRect();
    const gw = root.querySelector('[data-testid="widget"]');
    const columns = [...root.querySelectorAll('[data-testid="widget"] > *:not([data-testid="main"]), [data-testid="main"] > *')];
    for (const col of [gw, ...columns]) {
      const c = box(col);
      for (const el of col.querySelectorAll('*')) {
        // Visually hidden text is a 1 px clipped box wherever it sits.
        if (el.closest('.gw-vh')) continue;
        const b = box(el);
        if (!b.width || !b.height) continue;
        if (b.left < c.left - 1 || b.right > c.right + 1) {
          out.push(`${name(el)} [${Math.round(b.left)}, ${Math.round(b.right)}] sticks out of ${name(col)} [${Math.round(c.left)}, ${Math.round(c.right)}]`);
          break;
        }
      }
    }
    for (const [i, a] of columns.entries()) {
      for (const b of columns.slice(i + 1)) {
        const [p, q] = [box(a), box(b)];
        const overlap = Math.min(p.right, q.right) - Math.max(p.left, q.left) > 1 && Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top) > 1;
        if (overlap) out.push(`${name(a)} overlaps ${name(b)}`);
      }
    }
    return out;
  }, id);
}

/**
 * The words inside the elements matching `selector` in widget `id` that the layout broke across
 * lines, as "word: lines". A word's Range gives one box per line it is laid out on.
 */
export function brokenWords(page, id, selector) {
  return page.evaluate(({ id, selector }) => {
    const out = [];
    for (const el of document.getElementById(id).shadowRoot.querySelectorAll(selector)) {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const m of node.data.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
          if (lines > 1) out.push(`${m[0]}: ${lines} lines`);
        }
      }
    }
    return out;
  }, { id, selector });
}

async function selectArea(page, id, areaId) {
  await page.locator(`#${id} [data-testid="area-row"][data-area="${areaId}"] button`).click();
  await page.locator(`#${id} [data-testid="area-detail"][data-area="${areaId}"]`).waitFor();
}

/**
 * Chromium's accessibility tree (through shadow roots): every node's role and name. Chromium
 * puts a space around the text of boxes that are not inline (the visually hidden ": ", a flex
 * item), which screen readers do not speak; names are compared without it.
 */
async function axTree(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  return nodes.filter((n) => !n.ignored).map((n) => ({ role: n.role?.value, name: (n.name?.value ?? '').replace(/\s+([:.,])/g, '$1'), description: n.description?.value ?? '', id: n.nodeId, parent: n.parentId, children: n.childIds ?? [] }));
}

/** Which system colour names resolve to, from a probe on the page. */
function systemColours(page) {
  return page.evaluate(() => {
    const probe = document.body.appendChild(document.createElement('i'));
    const get = (c) => { probe.style.color = c; return getComputedStyle(probe).color; };
    const out = { Canvas: get('Canvas'), CanvasText: get('CanvasText'), Highlight: get('Highlight') };
    probe.remove();
    return out;
  });
}

const background = (page, id) => page.locator(`#${id}`).evaluate((e) => getComputedStyle(e.shadowRoot.querySelector('[part="root"]')).backgroundColor);

/**
 * The browser's default font size, as a reader sets it (Chromium's font settings, through the
 * DevTools protocol): the widget's text follows it from the container's `all: initial`, like
 * text-only zoom. 32 px is 200 % text.
 */
async function browserFontSize(page, px) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.enable');
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: px, fixed: Math.round((px * 13) / 16) } });
  await cdp.detach();
}

/** Two animation frames: container queries and layout have settled after a resize. */
const frames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** The WCAG contrast ratio of two computed `rgb(…)` colours. */
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.match(/[\d.]+/g).slice(0, 3).map((v) => {
      const s = Number(v) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

export const tests = [
  // ---- 1. Text spacing and real widths ----
  {
    name: 'text spacing at 1280 px with an area open: nothing overlaps, nothing is wider than its column',
    page: 'index.html',
    fullPage: true,
    async run({ page }) {
      await settled(page, 'report');
      await selectArea(page, 'report', '3A');
      assert.deepEqual(await layoutProblems(page, 'report'), [], 'before the overrides');
      await textSpacing(page, 'report');
      assert.deepEqual(await layoutProblems(page, 'report'), [], 'with the WCAG 1.4.12 overrides');
    },
  },
  {
    name: '--gw-font-size: 24px with area="3A" at 1280 px: no overlap',
    page: 'index.html',
    fullPage: true,
    async run({ page }) {
      await settled(page, 'report');
      await page.locator('#report').evaluate((e) => {
        e.style.setProperty('--gw-font-size', '24px');
        e.setAttribute('area', '3A');
      });
      await page.locator('#report [data-testid="area-detail"][data-area="3A"]').waitFor();
      assert.deepEqual(await layoutProblems(page, 'report'), []);
      await textSpacing(page, 'report');
      assert.deepEqual(await layoutProblems(page, 'report'), [], 'and with text spacing');
    },
  },
  {
    name: 'every width from 1000 to 1200 px: the table fits its column, without overrides and with them',
    page: 'index.html',
    async run({ page }) {
      await settled(page, 'report');
      await selectArea(page, 'report', '3A');
      for (const spaced of [false, true]) {
        if (spaced) await textSpacing(page, 'report');
        for (let width = 1000; width <= 1200; width += 8) {
          await page.setViewportSize({ width, height: 900 });
          assert.deepEqual(await layoutProblems(page, 'report'), [], `${width} px${spaced ? ' with text spacing' : ''}`);
        }
      }
    },
  },
  {
    // WCAG 1.4.4 and 1.4.10: the table-to-cards switch is in em, so it follows the text. In px,
    // 200 % text spilled the summary table up to 473 px past the widget from 740 to 1,240 px
    // (in the dark theme, near-white text on the white page).
    name: '200 % text, a 20 px browser font and --gw-font-size: 24px, every width from 320 to 1400 px, light and dark: nothing wider than the widget or the page',
    page: 'index.html',
    timeout: 240_000,
    async run({ page, url }) {
      await settled(page, 'report');
      // The demo's own text (its title has words wider than 320 px at 200 %) is the host page's:
      // it may wrap, so that only the widget can make the page scroll. The container's
      // `all: initial` keeps this inherited property out of the widget.
      const hostWraps = () => page.addStyleTag({ content: 'body * { overflow-wrap: anywhere; }' });
      await hostWraps();
      for (const { font, gwFontSize } of [{ font: 32 }, { font: 20 }, { font: 16, gwFontSize: '24px' }]) {
        await browserFontSize(page, font);
        await page.locator('#report').evaluate((e, size) => {
          if (size) e.style.setProperty('--gw-font-size', size);
          else e.style.removeProperty('--gw-font-size');
        }, gwFontSize);
        for (const theme of ['light', 'dark']) {
          await page.locator('#report').evaluate((e, t) => e.setAttribute('theme', t), theme);
          const case_ = `${gwFontSize ? `--gw-font-size: ${gwFontSize}` : `${font} px browser font`}, ${theme}`;
          // The widget's text really is that size.
          const size = await page.locator('#report').evaluate((e) => getComputedStyle(e.shadowRoot.querySelector('[data-testid="widget"]')).fontSize);
          assert.equal(size, gwFontSize ?? `${font}px`, case_);
          for (let width = 320; width <= 1400; width += 20) {
            await page.setViewportSize({ width, height: 900 });
            await frames(page);
            assert.deepEqual(await layoutProblems(page, 'report'), [], `${width} px, ${case_}`);
          }
        }
      }
      // And with an area's findings open beside (or below) the table, at 200 % text.
      await browserFontSize(page, 32);
      await page.locator('#report').evaluate((e) => { e.style.removeProperty('--gw-font-size'); e.removeAttribute('theme'); });
      await selectArea(page, 'report', '3A');
      for (let width = 320; width <= 1400; width += 40) {
        await page.setViewportSize({ width, height: 900 });
        await frames(page);
        assert.deepEqual(await layoutProblems(page, 'report'), [], `${width} px, 200 % text, 3A open`);
      }
      // Welsh words are longer ("Lawrlwytho'r", "Rhagorol"): the Welsh page's full widget.
      await page.goto(url('www/examples/welsh.html'));
      await settled(page, 'cy');
      await browserFontSize(page, 32);
      await hostWraps();
      assert.equal(await page.locator('#cy').evaluate((e) => getComputedStyle(e.shadowRoot.querySelector('[data-testid="widget"]')).fontSize), '32px');
      await selectArea(page, 'cy', '3A');
      for (let width = 320; width <= 1400; width += 40) {
        await page.setViewportSize({ width, height: 900 });
        await frames(page);
        for (const id of ['cy', 'en']) assert.deepEqual(await layoutProblems(page, id), [], `Welsh page, #${id}, ${width} px, 200 % text`);
      }
    },
  },
  {
    // WCAG 1.4.11: a chart card is a button; its border is what shows it (was #b1b4b6, 2.08:1).
    name: 'an unselected chart card\'s border has 3:1 against the widget\'s background, light and dark',
    page: 'index.html',
    async run({ page }) {
      await settled(page, 'report');
      for (const theme of ['light', 'dark']) {
        await page.locator('#report').evaluate((e, t) => e.setAttribute('theme', t), theme);
        const look = await page.locator('#report').evaluate((e) => {
          const button = e.shadowRoot.querySelector('[data-testid="glance-item"] button:not([aria-current])');
          const cs = getComputedStyle(button);
          return {
            border: cs.borderTopColor,
            width: cs.borderTopWidth,
            card: cs.backgroundColor,
            widget: getComputedStyle(e.shadowRoot.querySelector('[part="root"]')).backgroundColor,
          };
        });
        assert.equal(look.width, '1px', theme);
        for (const behind of [look.widget, look.card]) {
          const ratio = contrast(look.border, behind);
          assert.ok(ratio >= 3, `${theme}: border ${look.border} on ${behind} is ${ratio.toFixed(2)}:1`);
        }
      }
    },
  },
  {
    name: 'Welsh page at 320 px with text spacing: the grade profile and the table fit',
    page: 'www/examples/welsh.html',
    fullPage: true,
    options: { viewport: { width: 320, height: 800 } },
    async run({ page }) {
      for (const id of ['cy', 'en']) await settled(page, id);
      await selectArea(page, 'cy', '3A');
      // Before the text spacing there is room for every header word of the grade profile whole
      // ("(meysydd)" was broken as "(meysyd" + "d)", with the grade column wider than it needed).
      for (const id of ['cy', 'en']) assert.deepEqual(await brokenWords(page, id, '[data-testid="profile"] thead th'), [], `#${id}`);
      for (const id of ['cy', 'en']) await textSpacing(page, id);
      for (const id of ['cy', 'en']) assert.deepEqual(await layoutProblems(page, id), [], `#${id}`);
      const profile = await page.locator('#cy [data-testid="profile"]').evaluate((s) => ({ table: s.querySelector('table').getBoundingClientRect().width, section: s.getBoundingClientRect().width }));
      assert.ok(profile.table <= profile.section + 0.5, `profile table ${profile.table} px in ${profile.section} px`);
    },
  },

  // ---- 2. Focus after a button vanishes ----
  {
    name: 'after "Show all areas" and after "Try again", focus lands inside the widget',
    page: 'index.html',
    async run({ page }) {
      await settled(page, 'report');
      // Met had no Poor area: the filter leaves nothing.
      await page.locator('#report [data-testid="filter-grade"]').selectOption('poor');
      await inWidget(page, 'report', 'no-match').waitFor();
      await inWidget(page, 'report', 'filter-reset').focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => [...document.getElementById('report').shadowRoot.querySelectorAll('[data-testid="area-row"]')].filter((r) => r.checkVisibility()).length === 23);
      const after = await deepFocus(page);
      assert.equal(after.testid, 'summary', JSON.stringify(after));
      assert.equal(after.text, EN['heading_summary']);

      // Try again, failing again: focus goes to the new error's title.
      await page.evaluate(() => {
        const el = document.createElement('grade-widget');
        el.id = 'broken';
        el.setAttribute('src', '/fault/500');
        document.querySelector('main').append(el);
      });
      await settled(page, 'broken');
      await inWidget(page, 'broken', 'retry').focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => window.__gw.events.filter((e) => e.id === 'broken' && e.type === 'error').length === 2);
      await page.waitForTimeout(50);
      const failed = await deepFocus(page);
      assert.equal(failed.testid, 'error-title', JSON.stringify(failed));
      assert.equal(failed.text, EN['error_title']);
    },
  },
  {
    name: 'after "Try again" that succeeds, focus is on the report\'s heading',
    page: 'www/examples/two-widgets.html',
    async run({ page }) {
      let calls = 0;
      await page.route('**/retry-me.json', (route) => (calls++ === 0
        ? route.fulfill({ status: 503, body: 'busy' })
        : route.fulfill({ status: 200, contentType: 'application/json', body: readFileSync(`${ROOT}www/data/metropolitan-2006.json`) })));
      await page.evaluate(() => {
        const el = document.createElement('grade-widget');
        el.id = 'flaky13';
        el.setAttribute('src', 'retry-me.json');
        document.querySelector('main').append(el);
      });
      await settled(page, 'flaky13');
      await inWidget(page, 'flaky13', 'retry').focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => window.__gw.events.some((e) => e.id === 'flaky13' && e.type === 'load'));
      await page.waitForTimeout(50);
      const focus = await deepFocus(page);
      assert.equal(focus.testid, 'header-title', JSON.stringify(focus));
      assert.ok(focus.text.includes(MET.force) && focus.text.includes(MET.title), JSON.stringify(focus));
    },
  },

  // ---- 4. Summary view: plain text, or the host's links ----
  {
    name: 'summary view: area names are plain text, or real links with area-href (script URLs refused)',
    page: 'www/examples/summary.html',
    async run({ page }) {
      await settled(page, 'summary');
      const id = 'summary';
      assert.equal(await page.locator(`#${id} [data-testid="summary"] [data-testid="area-row"] button, #${id} [data-testid="summary"] a`).count(), 0);
      const look = await page.locator(`#${id} [data-testid="area-row"][data-area="3A"] th`).evaluate((th) => {
        const cs = getComputedStyle(th.firstElementChild);
        return { cursor: getComputedStyle(th.closest('tr')).cursor, line: cs.textDecorationLine, tag: th.firstElementChild.localName };
      });
      assert.deepEqual(look, { cursor: 'auto', line: 'none', tag: 'span' }, 'looks like text, acts as text');
      await page.locator(`#${id}`).evaluate((e) => e.setAttribute('area-href', '/grades/{id}.html'));
      await page.locator(`#${id} [data-testid="area-link"]`).first().waitFor();
      const hrefs = await page.locator(`#${id} [data-testid="area-link"]`).evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assert.deepEqual(hrefs, ALL.map((a) => `/grades/${a.id}.html`));
      await page.locator(`#${id} [data-testid="area-link"]`).first().click();
      await page.waitForURL(/\/grades\/1A\.html$/);
      await page.goBack();
      await settled(page, id);
      await page.locator(`#${id}`).evaluate((e) => e.setAttribute('area-href', 'javascript:alert("{id}")'));
      await page.waitForFunction(() => !document.getElementById('summary').shadowRoot.querySelector('a'));
      assert.equal(await page.locator(`#${id} [data-testid="area-row"] th span`).count(), 23);
    },
  },

  // ---- 5. Focus rings ----
  {
    name: 'focus rings in the sticky findings panel are not clipped; in forced colours selected and focused cards differ',
    page: 'index.html',
    async run({ page }) {
      await settled(page, 'report');
      await page.locator('#report [data-testid="area-row"][data-area="3A"] button').focus();
      await page.keyboard.press('Enter');
      await page.locator('#report [data-testid="area-detail"][data-area="3A"]').waitFor();
      const ring = () => page.evaluate(() => {
        let el = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        const cs = getComputedStyle(el);
        const grow = parseFloat(cs.outlineWidth) + parseFloat(cs.outlineOffset);
        const b = el.getBoundingClientRect();
        // The nearest box that clips (its padding box), or the viewport.
        let clip = null;
        for (let n = el.parentElement; n; n = n.parentElement) {
          const s = getComputedStyle(n);
          if (/auto|scroll|hidden|clip/.test(s.overflowX + s.overflowY)) {
            const r = n.getBoundingClientRect();
            clip = { left: r.left + n.clientLeft, top: r.top + n.clientTop, right: r.left + n.clientLeft + n.clientWidth, bottom: r.top + n.clientTop + n.clientHeight, name: n.className };
            break;
          }
        }
        return { testid: el.closest('[data-testid]')?.dataset.testid, style: cs.outlineStyle, ring: { left: b.left - grow, top: b.top - grow, right: b.right + grow, bottom: b.bottom + grow }, clip };
      });
      const inside = (r) => !r.clip || (r.ring.left >= r.clip.left - 0.5 && r.ring.top >= r.clip.top - 0.5 && r.ring.right <= r.clip.right + 0.5 && r.ring.bottom <= r.clip.bottom + 0.5);
      const heading = await ring();
      assert.equal(heading.testid, 'area-detail');
      assert.ok(heading.clip, 'the findings panel scrolls on its own at 1280 px');
      assert.ok(heading.style !== 'none' && inside(heading), `heading ring clipped: ${JSON.stringify(heading)}`);
      await page.keyboard.press('Tab');
      const button = await ring();
      assert.equal(button.testid, 'export-svg');
      assert.ok(button.style !== 'none' && inside(button), `SVG button ring clipped: ${JSON.stringify(button)}`);

      await page.emulateMedia({ forcedColors: 'active' });
      const sys = await systemColours(page);
      await page.locator('#report [data-testid="glance-item"][data-area="1B"] button').focus();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      const cards = await page.evaluate(() => {
        const root = document.getElementById('report').shadowRoot;
        const look = (el) => {
          const cs = getComputedStyle(el);
          return { border: `${cs.borderTopStyle} ${cs.borderTopWidth} ${cs.borderTopColor}`, outline: cs.outlineStyle === 'none' ? 'none' : `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}` };
        };
        return {
          selected: look(root.querySelector('[data-testid="glance-item"][data-area="3A"] button')),
          focused: look(root.querySelector('[data-testid="glance-item"][data-area="1B"] button')),
          focusedIs1B: root.activeElement === root.querySelector('[data-testid="glance-item"][data-area="1B"] button'),
        };
      });
      assert.ok(cards.focusedIs1B, JSON.stringify(cards));
      assert.equal(cards.selected.outline, 'none', JSON.stringify(cards));
      assert.match(cards.selected.border, /^double [5-9]/, `selected card: ${JSON.stringify(cards)}`);
      assert.equal(cards.focused.outline, `solid 3px ${sys.Highlight}`, JSON.stringify(cards));
      assert.doesNotMatch(cards.focused.border, /^double/, JSON.stringify(cards));
    },
  },

  // ---- 6. Screen-reader names, from the accessibility tree ----
  {
    name: 'accessibility tree: short chart button names with the counts as their description, this force\'s count in words, no CSS labels in cell names at 320 px',
    page: 'index.html',
    async run({ page }) {
      await settled(page, 'report');
      const tree = await axTree(page);
      const buttons = tree.filter((n) => n.role === 'button');
      // The name is what the card says (id, title, grade); the national counts, which made
      // names up to 111 characters long, are the description, read after it.
      for (const a of ALL) {
        const want = `${a.id} ${a.title}: ${gradeWord(EN, a.grade)}`;
        const button = buttons.find((b) => b.name === want);
        assert.ok(button, `no button named ${JSON.stringify(want)}; chart buttons: ${JSON.stringify(buttons.filter((b) => b.name.startsWith(a.id)).map((b) => b.name))}`);
        assert.equal(button.description, fill(EN['n_counts'], { things: forces(EN, 5), counts: GRADES.map((g) => `${a.national[g]} ${gradeWord(EN, g)}`).join(', ') }), want);
        assert.ok(want.length <= 60, `${want.length} characters: ${want}`);
      }
      // "All forces" cells: this force's count is said, not only bold.
      const cells = tree.filter((n) => n.role === 'cell' && /^\d+, \d+/.test(n.name));
      assert.equal(cells.length, 23, JSON.stringify(cells.slice(0, 3)));
      const a1 = ALL[0];
      const own = GRADES.indexOf(a1.grade);
      const spoken = GRADES.map((g, i) => `${a1.national[g]}${i === own ? forcesText(EN, 'n_nat_own') : ''}`).join(', ');
      assert.ok(cells.some((c) => c.name === spoken), `no cell named ${spoken}: ${JSON.stringify(cells.map((c) => c.name).slice(0, 4))}`);

      // At 320 px the cells show "Grade: Fair"; a screen reader hears the header, not the label twice.
      await page.setViewportSize({ width: 320, height: 800 });
      await page.waitForFunction(() => getComputedStyle(document.getElementById('report').shadowRoot.querySelector('[data-testid="area-row"] td'), '::before').content !== 'none');
      const narrow = await axTree(page);
      const labels = [EN['col_id'], EN['col_grade'], EN['col_direction'], fill(EN['n_col_national'], { things: forces(EN, 5), grades: GRADES.map((g) => gradeWord(EN, g)).join(', ') })];
      const doubled = narrow.filter((n) => ['cell', 'gridcell', 'rowheader'].includes(n.role) && labels.some((l) => n.name.startsWith(`${l}:`)));
      assert.deepEqual(doubled.map((n) => n.name).slice(0, 3), [], 'cell names include the CSS label');
    },
  },

  {
    name: 'a change of sort is announced by the live region and stated with aria-sort on its column, in English and Welsh',
    page: 'www/examples/welsh.html',
    async run({ page }) {
      for (const id of ['cy', 'en']) await settled(page, id);
      // The full report in Welsh (#cy); the summary in English (#en) has no sort control but
      // still says how its table is ordered.
      const state = (id) => page.locator(`#${id}`).evaluate((host) => {
        const root = host.shadowRoot;
        const status = root.querySelector('[data-testid="shown"]');
        const heads = [...root.querySelectorAll('[data-testid="summary"] thead th')];
        return { role: status?.getAttribute('role') ?? null, status: status?.textContent ?? null, sort: heads.map((th) => th.getAttribute('aria-sort')) };
      });
      const total = ALL.length;
      const shown = fill(counted(CY, 'filter_shown', total), { n: total, total });
      assert.deepEqual(await state('cy'), { role: 'status', status: shown + CY['sorted_id'], sort: ['ascending', null, null, null, null] });
      assert.deepEqual((await state('en')).sort, ['ascending', null, null, null, null]);
      await page.locator('#cy [data-testid="filter-sort"]').selectOption('grade');
      await page.waitForFunction(() => document.getElementById('cy').shadowRoot.querySelector('thead th[aria-sort="descending"]'));
      assert.deepEqual(await state('cy'), { role: 'status', status: shown + CY['sorted_grade'], sort: [null, null, 'descending', null, null] });
      // A filter and the sort together: the count and the order in one announcement.
      await page.locator('#cy [data-testid="filter-grade"]').selectOption('excellent');
      const excellent = ALL.filter((a) => a.grade === 'excellent').length;
      await page.waitForFunction((n) => document.getElementById('cy').shadowRoot.querySelector('[data-testid="shown"]').textContent.includes(` ${n} `), excellent);
      assert.equal((await state('cy')).status, fill(counted(CY, 'filter_shown', total), { n: excellent, total }) + CY['sorted_grade']);
      await page.locator('#cy [data-testid="filter-sort"]').selectOption('id');
      await page.waitForFunction(() => document.getElementById('cy').shadowRoot.querySelector('thead th[aria-sort="ascending"]'));
      assert.match((await state('cy')).status, new RegExp(`${CY['sorted_id']}$`));
      assert.deepEqual(await axe(page, '#cy'), []);
    },
  },

  // ---- 7. Back from the findings ----
  {
    name: 'from an area\'s findings back to its row in three key presses',
    page: 'index.html',
    async run({ page }) {
      await settled(page, 'report');
      await page.locator('#report [data-testid="area-row"][data-area="5B"] button').focus();
      await page.keyboard.press('Enter');
      await page.locator('#report [data-testid="area-detail"][data-area="5B"]').waitFor();
      let presses = 0;
      while ((await deepFocus(page)).testid !== 'back-to-row' && presses < 30) {
        await page.keyboard.press('Tab');
        presses++;
      }
      assert.ok(presses <= 2, `${presses} Tabs to the way back`);
      assert.equal((await deepFocus(page)).text, fill(EN['detail_back'], { id: '5B' }));
      await page.keyboard.press('Enter');
      const focus = await deepFocus(page);
      assert.deepEqual({ testid: focus.testid, area: focus.area, tag: focus.tag }, { testid: 'area-row', area: '5B', tag: 'button' });
      // Filtered out of the table, the way back lands on the table's heading.
      await page.locator('#report [data-testid="filter-domain"]').selectOption('1');
      await inWidget(page, 'report', 'back-to-row').click();
      const table = await deepFocus(page);
      assert.equal(table.testid, 'summary', JSON.stringify(table));
    },
  },

  // ---- 8. Headings ----
  {
    name: 'heading-level shifts every heading; two widgets get different headings and region names',
    page: 'www/examples/two-widgets.html',
    async run({ page }) {
      for (const id of ['met', 'northshire']) await settled(page, id);
      const levels = (id) => page.locator(`#${id}`).evaluate((e) => [...e.shadowRoot.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.localName[1])));
      const before = await levels('met');
      assert.equal(before[0], 2);
      await page.locator('#met').evaluate((e) => e.setAttribute('heading-level', '3'));
      await page.waitForFunction(() => document.getElementById('met').shadowRoot.querySelector('h3[data-testid="header-title"]'));
      await selectArea(page, 'met', '3A');
      const after = await levels('met');
      assert.equal(after[0], 3);
      assert.equal(Math.min(...after), 3, `nothing above the top heading: ${after}`);
      assert.ok(after.includes(5), `findings headings shifted too: ${after}`);
      for (const bad of ['9', '1', 'two', '']) {
        await page.locator('#met').evaluate((e, v) => e.setAttribute('heading-level', v), bad);
        await page.waitForFunction(() => document.getElementById('met').shadowRoot.querySelector('h2[data-testid="header-title"]'));
      }
      const tree = await axTree(page);
      const headings = tree.filter((n) => n.role === 'heading' && n.name.includes(MET.title));
      assert.equal(new Set(headings.map((h) => h.name)).size, headings.length, `same heading twice: ${JSON.stringify(headings)}`);
      assert.ok(headings.some((h) => h.name === `${MET.force}: ${MET.title}`), JSON.stringify(headings));
      const regions = tree.filter((n) => n.role === 'region').map((n) => n.name);
      assert.equal(new Set(regions).size, regions.length, `same region name twice: ${regions}`);
      assert.ok(regions.some((r) => r.includes(MET.force)), JSON.stringify(regions));
    },
  },

  {
    name: 'widgets of one force in different views are different landmarks (axe landmark-unique), in both languages',
    page: 'www/examples/two-widgets.html',
    async run({ page }) {
      const added = [['badge', 'badge', null, 'en'], ['area3a', 'area', '3A', 'en'], ['area5b', 'area', '5B', 'en'], ['sum', 'summary', null, 'en'], ['areacy', 'area', '3A', 'cy']];
      await page.evaluate((added) => {
        for (const [id, view, area, lang] of added) {
          const el = document.createElement('grade-widget');
          el.id = id;
          el.setAttribute('src', '../data/metropolitan-2006.json');
          el.setAttribute('view', view);
          el.setAttribute('lang', lang);
          if (area) el.setAttribute('area', area);
          document.querySelector('main').append(el);
        }
      }, added);
      for (const id of ['met', 'northshire', ...added.map((a) => a[0])]) await settled(page, id);
      const region = (id) => page.locator(`#${id}`).evaluate((e) => e.shadowRoot.querySelector('[data-testid="widget"]').getAttribute('aria-label'));
      const names = {};
      for (const id of ['met', ...added.map((a) => a[0])]) names[id] = await region(id);
      const f = { force: MET.force };
      assert.deepEqual(names, {
        met: fill(EN['widget_label'], f),
        badge: fill(EN['widget_label_badge'], f),
        area3a: fill(EN['widget_label_area'], { ...f, id: '3A' }),
        area5b: fill(EN['widget_label_area'], { ...f, id: '5B' }),
        sum: fill(EN['widget_label_summary'], f),
        areacy: fill(CY['widget_label_area'], { ...f, id: '3A' }),
      });
      const regions = (await axTree(page)).filter((n) => n.role === 'region').map((n) => n.name);
      assert.equal(new Set(regions).size, regions.length, `same region name twice: ${regions}`);
      const violations = await axe(page);
      assert.deepEqual(violations.filter((v) => v.startsWith('landmark-unique')), []);
    },
  },

  // ---- 9. Errors for readers ----
  {
    name: 'errors: the plain sentence shows, the detail is collapsed, fallback-href adds "Read the report" (Welsh too)',
    page: 'www/examples/error.html',
    async run({ page }) {
      await settled(page, 'invalid');
      const box = page.locator('#invalid [data-testid="error"]');
      assert.equal(await box.locator('[data-testid="error-details"]').evaluate((d) => d.open), false);
      assert.equal(await box.locator('[data-testid="problems"]').isVisible(), false, 'problems are for site owners, collapsed');
      assert.equal(await box.locator('[data-testid="error-summary"]').isVisible(), true);
      const event = (await page.evaluate(() => window.__gw.events)).find((e) => e.id === 'invalid' && e.type === 'error');
      assert.ok(event.detail.problems.length >= 2, 'the detail is in the event');
      assert.equal(await box.locator('[data-testid="error-message"]').innerText(), '', 'hidden until opened');
      await box.locator('summary').click();
      assert.equal(await box.locator('[data-testid="error-message"]').innerText(), event.detail.message);
      assert.equal(await box.locator('[data-testid="problems"] li').count(), event.detail.problems.length);

      for (const [lang, t] of [['en', EN], ['cy', CY]]) {
        await page.locator('#missing').evaluate((e, lang) => {
          e.setAttribute('lang', lang);
          e.setAttribute('fallback-href', '/reports/metropolitan-2006.pdf');
        }, lang);
        const link = page.locator(`#missing .gw-container[lang="${lang}"] [data-testid="fallback"]`);
        await link.waitFor();
        assert.equal(await link.innerText(), t['error_fallback']);
        assert.equal(await link.getAttribute('href'), '/reports/metropolitan-2006.pdf');
      }
      await page.locator('#missing').evaluate((e) => e.setAttribute('fallback-href', 'javascript:alert(1)'));
      await page.waitForFunction(() => !document.getElementById('missing').shadowRoot.querySelector('[data-testid="fallback"]'));
    },
  },
  {
    name: 'a wasm that cannot load gives the same error box, with fallback-href and a collapsed reason',
    page: 'www/examples/error.html',
    async run({ page, context }) {
      await context.route('**/grade_widget_bg.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
      // Set while the parser finishes, before the loader's module runs.
      await page.addInitScript(() => document.addEventListener('readystatechange', () => {
        if (document.readyState !== 'interactive') return;
        for (const el of document.querySelectorAll('grade-widget')) el.setAttribute('fallback-href', '/reports/met.pdf');
      }));
      await page.reload();
      const failed = await settled(page, 'missing');
      assert.equal(failed.detail.type, 'wasm');
      const box = page.locator('#missing [data-testid="error"]');
      assert.equal(await box.locator('[data-testid="error-title"]').innerText(), EN['error_title']);
      assert.equal(await box.locator('[data-testid="error-title"]').evaluate((h) => h.localName), 'h2');
      assert.equal(await box.locator('[data-testid="fallback"]').getAttribute('href'), '/reports/met.pdf');
      assert.equal(await box.locator('[data-testid="error-details"]').evaluate((d) => d.open), false);
      assert.equal(await box.locator('[data-testid="error-message"]').innerText(), '');
      // Styled like the other errors: the same border, from the loader's own stylesheet.
      const border = await box.evaluate((b) => getComputedStyle(b).borderTopWidth);
      assert.equal(border, '5px');
      assert.equal(await box.evaluate((b) => b.hasAttribute('style')), false);
    },
    allowConsoleErrors: true,
  },

  // ---- 10. The host page's colour scheme ----
  {
    name: 'colour scheme: a light page gets a light widget under a dark preference; "light dark" follows it; theme forces',
    page: 'www/examples/summary.html',
    async run({ page }) {
      await page.emulateMedia({ colorScheme: 'dark' });
      await settled(page, 'summary');
      const isDark = (c) => {
        const [r, g, b] = c.match(/[\d.]+/g).slice(0, 3).map(Number);
        return (r + g + b) / 3 < 100;
      };
      // The page declares only light (or nothing): light.
      assert.equal(isDark(await background(page, 'summary')), false, 'light page, dark preference');
      await page.evaluate(() => { document.documentElement.style.colorScheme = 'normal'; });
      assert.equal(isDark(await background(page, 'summary')), false, 'page declares nothing');
      // The page declares light dark (CSS): the widget follows the reader.
      await page.evaluate(() => { document.documentElement.style.colorScheme = 'light dark'; });
      assert.equal(isDark(await background(page, 'summary')), true, 'light dark page, dark preference');
      await page.emulateMedia({ colorScheme: 'light' });
      assert.equal(isDark(await background(page, 'summary')), false, 'light dark page, light preference');
      await page.emulateMedia({ colorScheme: 'dark' });
      // theme still forces either way.
      await page.locator('#summary').evaluate((e) => e.setAttribute('theme', 'light'));
      assert.equal(isDark(await background(page, 'summary')), false, 'theme="light"');
      await page.evaluate(() => { document.documentElement.style.colorScheme = 'light'; });
      await page.locator('#summary').evaluate((e) => e.setAttribute('theme', 'dark'));
      assert.equal(isDark(await background(page, 'summary')), true, 'theme="dark" on a light page');
    },
  },
  {
    name: 'colour scheme: <meta name="color-scheme" content="light dark"> gives the dark widget under a dark preference',
    page: 'www/examples/color-scheme.html',
    async run({ page }) {
      await page.emulateMedia({ colorScheme: 'dark' });
      await settled(page, 'scheme');
      const bg = await background(page, 'scheme');
      assert.equal(bg, 'rgb(27, 29, 30)');
      await page.emulateMedia({ colorScheme: 'light' });
      assert.equal(await background(page, 'scheme'), 'rgb(255, 255, 255)');
    },
  },
];
