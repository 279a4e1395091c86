// A fresh full render is drawn in slices (issue 27, src/components/slices.rs): the header, the
// grade profile and the filters in the first task, then the table's rows and the cards at a
// glance a few per task, so that no task of the widget's blocks the host page for long. `load`
// still means "everything is drawn", and a deep link to an area drawn in a late slice still
// opens it. A MutationObserver on the widget's shadow root sees each task's drawing as one
// batch (Yew draws in a microtask; the observer runs after it), so the counts it records are
// what each task drew.
// An area the reader chooses is drawn in two steps too: its heading, grade and chart in the
// click's frame, its findings text in a task after that frame (AreaDetailProps::text).

import assert from 'node:assert/strict';
import { areas, report, settled } from './lib.mjs';

const ALL = areas(report('metropolitan-2006.json'));

/** Before any page script: records the rows and cards drawn in #report after each batch. */
function watchSlices() {
  window.__slices = [];
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    if (this.id === 'report') {
      new MutationObserver(() => {
        const count = (testid) => root.querySelectorAll(`[data-testid="${testid}"]`).length;
        window.__slices.push({ header: count('header') + count('filters'), rows: count('area-row'), cards: count('glance-item') });
      }).observe(root, { childList: true, subtree: true });
    }
    return root;
  };
  document.addEventListener('load', (e) => {
    if (e.target.id !== 'report') return;
    const root = e.target.shadowRoot;
    window.__atLoad = { rows: root.querySelectorAll('[data-testid="area-row"]').length, cards: root.querySelectorAll('[data-testid="glance-item"]').length };
  }, true);
}

export const tests = [
  {
    name: 'a fresh full report is drawn in slices, rows and cards in later tasks; at load everything is drawn',
    page: 'index.html',
    async run({ page }) {
      await page.addInitScript(watchSlices);
      await page.reload();
      await settled(page, 'report');
      const { slices, atLoad } = await page.evaluate(() => ({ slices: window.__slices, atLoad: window.__atLoad }));
      assert.deepEqual(atLoad, { rows: ALL.length, cards: ALL.length }, 'every row and card is drawn when load fires');
      const drawing = slices.filter((s) => s.header > 0);
      assert.ok(drawing.length > 0, 'the report was drawn');
      assert.deepEqual({ rows: drawing[0].rows, cards: drawing[0].cards }, { rows: 0, cards: 0 }, 'the first task draws the header, profile and filters only');
      const steps = new Set(drawing.map((s) => s.rows + s.cards));
      assert.ok(steps.size >= 6, `rows and cards arrive over several tasks (${[...steps].join(', ')})`);
      for (let i = 1; i < drawing.length; i++) {
        assert.ok(drawing[i].rows >= drawing[i - 1].rows && drawing[i].cards >= drawing[i - 1].cards, 'each slice adds, none takes away');
      }
    },
  },
  {
    name: 'removed while its slices are being drawn: no load, no error, and a new widget in its place draws whole',
    page: 'index.html',
    async run({ page, problems }) {
      await page.addInitScript(() => {
        // Removed as soon as the first slice is drawn (the header, no rows yet).
        const attach = Element.prototype.attachShadow;
        Element.prototype.attachShadow = function (init) {
          const root = attach.call(this, init);
          const el = this;
          if (el.id !== 'report') return root;
          const observer = new MutationObserver(() => {
            if (!root.querySelector('[data-testid="header"]') || root.querySelector('[data-testid="area-row"]')) return;
            observer.disconnect();
            window.__removedAt = root.querySelectorAll('[data-testid="glance-item"]').length;
            const next = document.createElement('grade-widget');
            next.id = 'again';
            next.setAttribute('src', el.getAttribute('src'));
            el.replaceWith(next);
          });
          observer.observe(root, { childList: true, subtree: true });
          return root;
        };
      });
      await page.reload();
      await settled(page, 'again');
      await page.waitForTimeout(300);
      const { removedAt, loads, again } = await page.evaluate(() => ({
        removedAt: window.__removedAt,
        loads: window.__gw.events.filter((e) => e.type === 'load').map((e) => e.id),
        again: document.getElementById('again').shadowRoot.querySelectorAll('[data-testid="glance-item"]').length,
      }));
      assert.equal(removedAt, 0, 'removed before its rows and cards were drawn');
      assert.deepEqual(loads, ['again'], 'no load for the removed widget');
      assert.equal(again, ALL.length);
      assert.deepEqual(problems, []);
    },
  },
  {
    name: 'opened at #7B (drawn in a late slice): 7B is open, its row selected, once the report has loaded',
    page: 'index.html#7B',
    async run({ page }) {
      await settled(page, 'report');
      const shown = await page.evaluate(() => {
        const root = document.getElementById('report').shadowRoot;
        return {
          selected: [...root.querySelectorAll('[data-testid="area-row"][data-row="selected"]')].map((r) => r.dataset.area),
          detail: root.querySelector('.gw-detail__title')?.textContent ?? '',
        };
      });
      assert.deepEqual(shown.selected, ['7B']);
      assert.match(shown.detail, /7B/);
    },
  },
  {
    name: "an area the reader chooses: heading, grade and chart in the click's frame, the findings text a frame later; the same area again keeps its text; a hash draws an area whole",
    page: 'index.html',
    options: { viewport: { width: 412, height: 823 } },
    async run({ page }) {
      await settled(page, 'report');
      // In the page: clicks area `id`'s row, then what the click's frame shows (an animation
      // frame asked for after the click, before which nothing later ran), and what the frame
      // after that shows. `removed` counts findings texts taken out of the panel meanwhile.
      const choose = (id) => page.evaluate((id) => {
        const root = document.getElementById('report').shadowRoot;
        const look = () => {
          const detail = root.querySelector('[data-testid="area-detail"]');
          return {
            area: detail.dataset.area ?? null,
            later: detail.dataset.text ?? null,
            text: !!detail.querySelector('.gw-detail__text'),
            back: !!detail.querySelector('[data-testid="back-to-row"]'),
            screen: detail.getBoundingClientRect().height >= innerHeight,
            focus: root.activeElement?.closest('[data-testid="area-detail"]') ? root.activeElement.tagName.toLowerCase() : null,
          };
        };
        let removed = 0;
        new MutationObserver((records) => {
          removed += records.flatMap((r) => [...r.removedNodes]).filter((n) => n.classList?.contains('gw-detail__text')).length;
        }).observe(root, { childList: true, subtree: true });
        root.querySelector(`[data-testid="area-row"][data-area="${id}"] button`).click();
        return new Promise((done) => requestAnimationFrame(() => {
          const frame = look();
          setTimeout(() => requestAnimationFrame(() => done({ frame, after: look(), removed })));
        }));
      }, id);

      const first = await choose('3B');
      assert.deepEqual(first.frame, { area: '3B', later: 'later', text: false, back: false, screen: true, focus: 'h3' }, "the click's frame");
      assert.deepEqual(first.after, { area: '3B', later: null, text: true, back: true, screen: true, focus: 'h3' }, 'the frame after');
      const other = await choose('1A');
      assert.deepEqual([other.frame.text, other.after.text, other.removed], [false, true, 1], 'another area: the text of the one before goes at once');
      const again = await choose('1A');
      assert.deepEqual([again.frame.later, again.frame.text, again.removed], [null, true, 0], 'the same area again keeps its text');
      // A deep link's hash is the host's choice, not a click: drawn whole at once.
      const hashed = await page.evaluate(() => new Promise((done) => {
        window.addEventListener('hashchange', () => requestAnimationFrame(() => {
          const detail = document.getElementById('report').shadowRoot.querySelector('[data-testid="area-detail"]');
          done({ area: detail.dataset.area, text: !!detail.querySelector('.gw-detail__text') });
        }), { once: true });
        location.hash = '#7B';
      }));
      assert.deepEqual(hashed, { area: '7B', text: true });
    },
  },
];
