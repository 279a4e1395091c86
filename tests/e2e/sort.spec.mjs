// Sorting the summary table (issue 12): the rows are one keyed list in one <tbody>, with a
// heading row per group, so a sort moves the very row elements (nothing is built again) into
// the new order, under the new group headings. Each cell names its headers with `headers`
// (column, area name, group heading; WCAG H43) and those must follow the rows through every sort
// and filter; axe-core stays clean. Expectations come from the report JSON and src/i18n.

import assert from 'node:assert/strict';
import { areas, axe, report, settled, strings } from './lib.mjs';

const MET = report('metropolitan-2006.json');
const ALL = areas(MET);
const { en: EN } = strings();
const RANKS = ['poor', 'fair', 'good', 'excellent'];
const rank = (a) => RANKS.indexOf(a.grade ?? '');

/** Report order grouped by grade, highest first, ungraded last (as `state::arrange` does). */
const BY_GRADE = [...ALL].map((a, i) => ({ a, i })).sort((x, y) => rank(y.a) - rank(x.a) || x.i - y.i).map((x) => x.a);

/**
 * The table as it stands: its rows in order ({ head } for a heading row, { area } for an area
 * row, each with `hidden`), whether each row element is one marked before (`__gwMark`), and
 * every problem with the cells' `headers`: a token that is no cell of this table, or a group
 * heading that is not the heading row above the cell's row.
 */
function table(page) {
  return page.evaluate(() => {
    const root = document.getElementById('report').shadowRoot;
    const t = root.querySelector('[data-testid="summary"] table');
    const problems = [];
    let heading = null;
    const rows = [];
    for (const tr of t.querySelectorAll('tbody > tr')) {
      // The rows that are not areas' are the groups' heading rows.
      if (tr.dataset.testid !== 'area-row') {
        heading = tr.querySelector('th');
        rows.push({ head: heading.textContent.trim(), hidden: tr.hidden, marked: tr.__gwMark !== undefined });
        continue;
      }
      rows.push({ area: tr.dataset.area, hidden: tr.hidden, marked: tr.__gwMark !== undefined });
      const name = tr.querySelector('th[scope="row"]');
      [...tr.cells].forEach((cell, c) => {
        const ids = (cell.getAttribute('headers') ?? '').split(' ');
        const cells = ids.map((id) => t.querySelector(`[id="${id}"]`));
        if (cells.some((x) => !x || x.localName !== 'th')) problems.push(`${tr.dataset.area} cell ${c}: headers "${ids.join(' ')}" name no header cell of the table`);
        const col = t.tHead.rows[0].cells[c];
        const want = cell === name ? [col, heading] : [col, name, heading];
        if (cells.length !== want.length || cells.some((x, k) => x !== want[k])) {
          problems.push(`${tr.dataset.area} cell ${c}: headers "${ids.join(' ')}" are not its column, area name and group heading`);
        }
      });
    }
    return { rows, problems, bodies: t.tBodies.length };
  });
}

/** Marks every row element of the table, to tell moved rows from rows built again. */
function mark(page) {
  return page.evaluate(() => {
    const root = document.getElementById('report').shadowRoot;
    root.querySelectorAll('[data-testid="summary"] tbody > tr').forEach((tr, i) => { tr.__gwMark = i; });
  });
}

/** Chooses a sort or a filter and waits for the row order (or visibility) to change. */
async function choose(page, testid, value) {
  const before = JSON.stringify((await table(page)).rows);
  await page.locator(`#report [data-testid="${testid}"]`).selectOption(value);
  await page.waitForFunction((before) => {
    const root = document.getElementById('report').shadowRoot;
    const rows = [...root.querySelectorAll('[data-testid="summary"] tbody > tr')];
    return JSON.stringify(rows.map((tr) => tr.dataset.area ?? tr.hidden)) !== before;
  }, JSON.stringify(JSON.parse(before).map((r) => r.area ?? r.hidden))).catch(() => {});
  return table(page);
}

const areaOrder = (rows) => rows.filter((r) => r.area).map((r) => r.area);
const headings = (rows) => rows.filter((r) => r.head !== undefined).map((r) => r.head);
const gradeWord = (g) => EN[RANKS.includes(g) ? `grade_${g}` : 'grade_none'];

export const tests = [
  {
    name: 'sort by grade and back: the same row elements move, under the right headings, headers intact',
    page: 'index.html',
    async run({ page }) {
      await settled(page, 'report');
      let t = await table(page);
      assert.equal(t.bodies, 1, 'one tbody');
      assert.deepEqual(areaOrder(t.rows), ALL.map((a) => a.id));
      assert.deepEqual(t.problems, []);
      await mark(page);

      t = await choose(page, 'filter-sort', 'grade');
      assert.deepEqual(areaOrder(t.rows), BY_GRADE.map((a) => a.id), 'grade order');
      assert.deepEqual(t.rows.filter((r) => r.area && !r.marked), [], 'every area row is an element from before (moved, not built again)');
      const grades = [...new Set(BY_GRADE.map((a) => a.grade ?? null))];
      // Each heading says its grade (the symbol is aria-hidden text of its own: compare the word).
      const heads = headings(t.rows);
      assert.equal(heads.length, grades.length, JSON.stringify(heads));
      heads.forEach((h, i) => assert.ok(h.endsWith(gradeWord(grades[i])), `${h} is not ${gradeWord(grades[i])}`));
      // Each area row sits under its own grade's heading.
      let current;
      for (const r of t.rows) {
        if (r.head !== undefined) current = r.head;
        else assert.ok(current.endsWith(gradeWord(ALL.find((a) => a.id === r.area).grade)), `${r.area} under ${current}`);
      }
      assert.deepEqual(t.problems, [], 'headers after the sort');
      assert.deepEqual(await axe(page, '#report'), [], 'axe after sorting by grade');

      t = await choose(page, 'filter-sort', 'id');
      assert.deepEqual(areaOrder(t.rows), ALL.map((a) => a.id), 'report order again');
      // The domain headings are new (the grade sort has none of them); the area rows are not.
      assert.deepEqual(t.rows.filter((r) => r.area && !r.marked), [], 'every area row is an element from the start');
      assert.deepEqual(headings(t.rows).map((h) => h.split(' ')[0]), MET.domains.map((d) => d.id));
      assert.deepEqual(t.problems, [], 'headers after sorting back');
    },
  },
  {
    name: 'filters with each sort: a heading is hidden exactly when all its rows are, axe-clean',
    page: 'index.html',
    async run({ page }) {
      await settled(page, 'report');
      const check = (t, visible, what) => {
        assert.deepEqual(areaOrder(t.rows.filter((r) => !r.hidden)), visible, what);
        let head = null;
        const seen = new Map();
        for (const r of t.rows) {
          if (r.head !== undefined) {
            head = r;
            seen.set(r, false);
          } else if (!r.hidden) seen.set(head, true);
        }
        for (const [h, any] of seen) assert.equal(h.hidden, !any, `${what}: heading ${h.head} hidden=${h.hidden}`);
        assert.deepEqual(t.problems, [], what);
      };
      let t = await choose(page, 'filter-grade', 'excellent');
      check(t, ALL.filter((a) => a.grade === 'excellent').map((a) => a.id), 'Excellent, by area');
      t = await choose(page, 'filter-sort', 'grade');
      check(t, BY_GRADE.filter((a) => a.grade === 'excellent').map((a) => a.id), 'Excellent, by grade');
      assert.equal(t.rows.filter((r) => r.head !== undefined && !r.hidden).length, 1, 'only the Excellent heading');
      assert.deepEqual(await axe(page, '#report'), [], 'axe, filtered and sorted by grade');
      t = await choose(page, 'filter-domain', '3');
      check(t, BY_GRADE.filter((a) => a.grade === 'excellent' && a.id.startsWith('3')).map((a) => a.id), 'Excellent in 3, by grade');
      t = await choose(page, 'filter-grade', '');
      check(t, BY_GRADE.filter((a) => a.id.startsWith('3')).map((a) => a.id), 'domain 3, by grade');
      t = await choose(page, 'filter-sort', 'id');
      check(t, ALL.filter((a) => a.id.startsWith('3')).map((a) => a.id), 'domain 3, by area');
    },
  },
];
