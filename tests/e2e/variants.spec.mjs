// The variant example pages (summary, one area, badge), the Welsh page, the layout at 320 px,
// forced colours and print. Every expectation is computed from the report JSON and from the
// string tables in src/i18n, never typed in.

import assert from 'node:assert/strict';
import { areas, counted, events, fill, firstText, forces, forcesText, inWidget, overflow, report, sentence, settled, strings, writtenText } from './lib.mjs';

const MET = report('metropolitan-2006.json');
const ALL = areas(MET);
const TOTAL = MET.forces_assessed;
const { en: EN, cy: CY } = strings();
const GRADES = ['poor', 'fair', 'good', 'excellent'];
const squash = (s) => s.replace(/\s+/g, ' ').trim();

const gradeWord = (t, grade) => t[GRADES.includes(grade) ? `grade_${grade}` : 'grade_none'];
const directionWord = (t, dir) => t[['improved', 'stable', 'declined'].includes(dir) ? `dir_${dir}` : 'dir_none'];
const counts = (a) => GRADES.map((g) => a.national[g]);
// "3A: of 43 forces, 5 Poor, 17 Fair, 17 Good, 4 Excellent. This force: Excellent."
const chartLabel = (t, a) => fill(t['n_chart'], { id: a.id, total: TOTAL, things: forces(t, TOTAL) })
  + GRADES.map((g) => `${a.national[g]} ${gradeWord(t, g)}`).join(', ')
  + forcesText(t, 'n_chart_own', { grade: gradeWord(t, a.grade) });
const summaryCaption = (t) => forcesText(t, 'n_summary_caption_total', { what: t['summary_grade_direction'], total: TOTAL, things: forces(t, TOTAL) });

/** The force's areas per grade and the national share of each grade, highest grade first. */
function profile(t) {
  const national = GRADES.map((g) => ALL.reduce((s, a) => s + a.national[g], 0));
  const all = national.reduce((a, b) => a + b, 0);
  return GRADES.map((g, i) => ({
    word: gradeWord(t, g),
    force: ALL.filter((a) => a.grade === g).length,
    // Whole per cent, half rounded up, as the widget rounds.
    share: Math.floor((national[i] * 200 + all) / (2 * all)),
  })).reverse();
}

/** The rows of the grade profile table as { word, force, share }. */
function profileRows(page, id) {
  return page.locator(`#${id} [data-testid="profile"] tbody tr`).evaluateAll((rows) => rows.map((r) => {
    const cells = [...r.children].map((c) => c.textContent.replace(/[●○]/g, '').trim());
    return { word: cells[0], force: Number(cells[1]), share: Number(cells[2].replace('%', '')) };
  }));
}

const rowIds = (page, id) => page.locator(`#${id} [data-testid="area-row"]`).evaluateAll((r) => r.map((x) => x.dataset.area));

/** Asserts that none of these test hooks exist in the widget. */
async function absent(page, id, testids) {
  for (const testid of testids) {
    assert.equal(await inWidget(page, id, testid).count(), 0, `#${id} should not show ${testid}`);
  }
}

/** Which findings sections an area has text for, by test hook. */
const SECTIONS = [
  ['national_context', 'national-context', 'sec_national_context'],
  ['context', 'context', 'sec_context'],
  ['strengths', 'strengths', 'sec_strengths'],
  ['work_in_progress', 'work-in-progress', 'sec_wip'],
  ['areas_for_improvement', 'areas-for-improvement', 'sec_afi'],
];
const hasText = (section) => (section ?? []).some((g) => g.heading || g.blocks?.length);

// ---- Language checks -------------------------------------------------------------------------

const WORD = /\p{L}[\p{L}\p{M}'’-]*/gu;
const words = (s) => (s.match(WORD) ?? []).map((w) => w.toLowerCase());
/**
 * Every word of a table's texts, placeholders left out, and of the texts that name what is
 * compared as the widget fills them for forces (English's possessives "force's", "forces'" are
 * words of those, not of the table).
 */
const vocabulary = (t) => {
  const filled = Object.keys(t).filter((k) => k.startsWith('n_') && !k.includes('#')).map((k) => forcesText(t, k));
  return new Set([...Object.values(t), ...filled].flatMap((v) => words(String(v).replace(/\{\w+\}/g, ' '))));
};

/** Report values the widget puts beside its own words (names, ids, titles), longest first. */
const LABELS = [MET.force, MET.title, MET.period, ...MET.domains.flatMap((d) => [d.id, d.title, d.ppaf]), ...ALL.flatMap((a) => [a.id, a.title])]
  .filter(Boolean).sort((a, b) => b.length - a.length);
/** Labels that are words in English (not ids or dates), which a Welsh widget must mark lang="en". */
const ENGLISH_LABELS = LABELS.filter((l) => /\p{L}{3}/u.test(l));

/** Every string anywhere in the report, for checking report text is shown verbatim. */
function reportStrings(value, out = []) {
  if (typeof value === 'string') out.push(squash(value));
  else if (Array.isArray(value)) value.forEach((v) => reportStrings(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => reportStrings(v, out));
  return out;
}
const REPORT_TEXT = reportStrings(MET);
// The domain filter's options join two of the report's strings: "1 Citizen Focus".
const isReportText = (s) => REPORT_TEXT.some((r) => r.includes(squash(s))) || MET.domains.some((d) => squash(s) === `${d.id} ${d.title}`);

/**
 * The words of everything a widget writes that are not in language `t`'s table: report text
 * (marked lang="en") and the report's labels are left out. Empty when every string is in `t`.
 */
async function foreignWords(page, id, t) {
  const known = vocabulary(t);
  const stray = [];
  for (const item of await writtenText(page, id)) {
    // Text marked as the report's English that really is report text, word for word.
    if (item.lang === 'en' && t === CY && isReportText(item.text)) continue;
    let rest = item.text;
    for (const label of LABELS) rest = rest.split(label).join(' ');
    const unknown = words(rest).filter((w) => !known.has(w));
    if (unknown.length) stray.push(`${item.where}: "${item.text.slice(0, 80)}" (${unknown.join(', ')})`);
  }
  return stray;
}

/** Selects an area by its title button in the summary table and waits for its findings. */
async function selectArea(page, id, areaId) {
  await page.locator(`#${id} [data-testid="area-row"][data-area="${areaId}"] button`).click();
  await page.locator(`#${id} [data-testid="area-detail"][data-area="${areaId}"]`).waitFor();
}

export const tests = [
  {
    name: 'summary view: the grade profile and every area\'s grades, and no charts, filters or findings',
    page: 'www/examples/summary.html',
    fullPage: true,
    async run({ page }) {
      const loaded = await settled(page, 'summary');
      assert.deepEqual(loaded.detail, { force: MET.force, areas: ALL.length });
      const header = squash(await inWidget(page, 'summary', 'header').innerText());
      assert.ok(header.includes(MET.force) && header.includes(MET.title) && header.includes(MET.period), header);
      assert.deepEqual(await profileRows(page, 'summary'), profile(EN));

      assert.deepEqual(await rowIds(page, 'summary'), ALL.map((a) => a.id));
      for (const a of ALL) {
        // Less the visually hidden "(this force)" after this force's count (tested in access.spec).
        const row = squash(await page.locator(`#summary [data-testid="area-row"][data-area="${a.id}"]`).innerText()).replace(/\s*\(this force\)\s*/, '');
        for (const expected of [a.title, gradeWord(EN, a.grade), directionWord(EN, a.direction), counts(a).join(', ')]) {
          assert.ok(row.includes(expected), `row ${a.id} should show "${expected}": ${row}`);
        }
      }
      assert.equal(squash(await page.locator('#summary [data-testid="summary"] caption').innerText()), summaryCaption(EN));
      assert.equal(squash(await inWidget(page, 'summary', 'export-csv').innerText()), EN['export_csv']);

      const notInSummary = ['filters', 'chart', 'detail-chart', 'glance', 'glance-item', 'area-detail', 'sentence', 'export-svg', 'badge', 'strengths'];
      await absent(page, 'summary', notInSummary);
      assert.equal(await page.locator('#summary svg[role="img"]').count(), 0, 'no chart of any kind');
      // No findings here, so nothing selects an area: the names are text (issue 13; area-href
      // makes them links, access.spec.mjs), and a click on a row does nothing.
      assert.equal(await page.locator('#summary [data-testid="area-row"] button').count(), 0);
      await page.locator('#summary [data-testid="area-row"][data-area="3A"]').click();
      assert.deepEqual((await events(page, 'summary')).filter((e) => e.type === 'select'), []);
      await absent(page, 'summary', notInSummary);
    },
  },
  {
    name: 'area view: area 3A alone, with its grade, chart, sentence and findings',
    page: 'www/examples/area.html',
    fullPage: true,
    async run({ page }) {
      await settled(page, 'area');
      const a = ALL.find((x) => x.id === '3A');
      const detail = inWidget(page, 'area', 'area-detail');
      assert.equal(await detail.count(), 1);
      assert.equal(await detail.getAttribute('data-area'), '3A');
      assert.equal(squash(await detail.locator('h3').innerText()), `${a.id} ${a.title}`);
      const meta = squash(await detail.locator('dl').innerText());
      assert.ok(meta.includes(gradeWord(EN, a.grade)) && meta.includes(directionWord(EN, a.direction)), meta);

      const chart = inWidget(page, 'area', 'chart');
      assert.equal(await chart.count(), 1, 'exactly one chart');
      assert.equal(await chart.getAttribute('data-area'), '3A');
      assert.equal(await chart.locator('svg[role="img"]').getAttribute('aria-label'), chartLabel(EN, a));
      assert.equal(squash(await inWidget(page, 'area', 'sentence').innerText()), sentence(EN, a, TOTAL));
      // Each bar is labelled with its count, in grade order.
      const barLabels = await chart.locator('svg text').allTextContents();
      for (const [i, g] of GRADES.entries()) {
        assert.ok(barLabels.includes(gradeWord(EN, g)) && barLabels.includes(String(counts(a)[i])), `bar ${g}: ${barLabels}`);
      }

      for (const [key, testid, title] of SECTIONS) {
        const section = inWidget(page, 'area', testid);
        if (!hasText(a[key])) {
          assert.equal(await section.count(), 0, `${testid} has no text in the report`);
          continue;
        }
        const text = squash(await section.innerText());
        assert.ok(text.startsWith(EN[title]), `${testid} heading: ${text.slice(0, 60)}`);
        const first = firstText(a[key]) ?? a[key][0].heading;
        assert.ok(text.includes(squash(first)), `${testid} should show "${first.slice(0, 60)}…"`);
      }
      const gp = squash(await inWidget(page, 'area', 'good-practice').innerText().catch(() => ''));
      for (const item of a.good_practice ?? []) assert.ok(gp.includes(squash(item.title)), `good practice "${item.title}"`);

      // Nothing from any other area, and none of the full view's other parts.
      await absent(page, 'area', ['area-row', 'summary', 'profile', 'filters', 'glance', 'glance-item', 'detail-chart', 'badge', 'shown']);
      const others = await page.locator('#area [data-area]').evaluateAll((els) => els.map((e) => e.dataset.area).filter((x) => x !== '3A'));
      assert.deepEqual(others, []);

      // The host can point it at another area later.
      const b = ALL.find((x) => x.id === '5C');
      await page.locator('#area').evaluate((el) => el.setAttribute('area', '5C'));
      await page.locator('#area [data-testid="area-detail"][data-area="5C"]').waitFor();
      assert.equal(squash(await inWidget(page, 'area', 'sentence').innerText()), sentence(EN, b, TOTAL));
    },
  },
  {
    name: 'badge view: force, assessment, grade profile and a link that opens the full report',
    page: 'www/examples/badge.html',
    async run({ page, url }) {
      await settled(page, 'badge');
      const badge = inWidget(page, 'badge', 'badge');
      const text = squash(await badge.innerText());
      for (const expected of [MET.force, MET.title, MET.period]) assert.ok(text.includes(expected), `badge should show "${expected}": ${text}`);
      const graded = ALL.filter((a) => GRADES.includes(a.grade)).length;
      assert.ok(text.includes(fill(counted(EN, 'badge_areas', graded), { n: graded })), text);
      const items = (await page.locator('#badge [data-testid="profile"] li').allInnerTexts()).map((s) => squash(s.replace(/[●○]/g, '')));
      assert.deepEqual(items, profile(EN).map((p) => `${p.word} ${p.force}`));

      await absent(page, 'badge', ['summary', 'area-row', 'chart', 'filters', 'area-detail', 'glance', 'header', 'export-csv']);
      assert.equal(await page.locator('#badge svg').count(), 0, 'no charts in a badge');

      const link = inWidget(page, 'badge', 'badge-link');
      assert.equal(squash(await link.innerText()), EN['badge_link']);
      assert.equal(await link.getAttribute('href'), await page.locator('#badge').getAttribute('href'));
      assert.equal(await link.evaluate((a) => a.href), url('index.html'));
      await link.click();
      await page.waitForURL(url('index.html'));
      const full = await settled(page, 'report');
      assert.deepEqual(full.detail, { force: MET.force, areas: ALL.length });
    },
  },
  {
    name: 'badge view: a script URL in href gives no link',
    page: 'www/examples/badge.html',
    async run({ page }) {
      await settled(page, 'badge');
      await inWidget(page, 'badge', 'badge-link').waitFor();
      await page.locator('#badge').evaluate((el) => el.setAttribute('href', ' JavaScript:alert(1)'));
      await page.waitForFunction(() => !document.getElementById('badge').shadowRoot.querySelector('[data-testid="badge-link"]'));
      assert.equal(await page.locator('#badge a').count(), 0);
      assert.ok(squash(await inWidget(page, 'badge', 'badge').innerText()).includes(MET.force), 'the badge itself stays');
    },
  },
  {
    name: 'Welsh page: the widget takes Welsh from the page, every string it writes is Welsh, and selecting an area works',
    page: 'www/examples/welsh.html',
    fullPage: true,
    async run({ page }) {
      await settled(page, 'cy');
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'cy');
      assert.equal(await page.locator('#cy').getAttribute('lang'), null, 'the Welsh comes from the page, not an attribute');
      assert.equal(await inWidget(page, 'cy', 'widget').evaluate((root) => root.closest('[lang]')?.getAttribute('lang')), 'cy');

      const a = ALL.find((x) => x.id === '3A');
      await selectArea(page, 'cy', a.id);
      assert.deepEqual((await events(page, 'cy')).filter((e) => e.type === 'select').map((e) => e.detail), [{ area: a.id }]);

      // Every word the widget writes is in the Welsh table (report text and names aside).
      assert.deepEqual(await foreignWords(page, 'cy', CY), [], 'strings that are not Welsh');

      // And the main pieces say exactly what the Welsh table says.
      const headings = (await page.locator('#cy h3').allInnerTexts()).map(squash);
      for (const key of ['heading_profile', 'heading_summary', 'heading_glance']) assert.ok(headings.includes(CY[key]), `${key}: ${headings}`);
      assert.equal(await inWidget(page, 'cy', 'filters').getAttribute('aria-label'), CY['heading_filters']);
      const captions = (await page.locator('#cy caption').allInnerTexts()).map(squash);
      assert.deepEqual(captions, [forcesText(CY, 'n_profile_caption'), summaryCaption(CY)]);
      assert.equal(squash(await inWidget(page, 'cy', 'shown').innerText()), fill(counted(CY, 'filter_shown', ALL.length), { n: ALL.length, total: ALL.length }) + CY['sorted_id']);
      assert.deepEqual(await profileRows(page, 'cy'), profile(CY));
      for (const x of ALL) {
        const row = squash(await page.locator(`#cy [data-testid="area-row"][data-area="${x.id}"]`).innerText());
        assert.ok(row.includes(gradeWord(CY, x.grade)) && row.includes(directionWord(CY, x.direction)), `row ${x.id}: ${row}`);
      }
      const glanceLabels = await page.locator('#cy [data-testid="chart"] svg[role="img"]').evaluateAll((s) => s.map((x) => x.getAttribute('aria-label')));
      assert.deepEqual(glanceLabels, ALL.map((x) => chartLabel(CY, x)));

      const detail = inWidget(page, 'cy', 'area-detail');
      const meta = squash(await detail.locator('dl').innerText());
      for (const expected of [CY['detail_grade'], gradeWord(CY, a.grade), CY['detail_direction'], directionWord(CY, a.direction)]) {
        assert.ok(meta.includes(expected), `detail should say "${expected}": ${meta}`);
      }
      assert.equal(await inWidget(page, 'cy', 'detail-chart').locator('svg[role="img"]').getAttribute('aria-label'), chartLabel(CY, a));
      assert.equal(squash(await detail.locator('[data-testid="sentence"]').innerText()), sentence(CY, a, TOTAL));
      assert.equal(squash(await inWidget(page, 'cy', 'export-svg').innerText()), CY['export_svg']);
      assert.equal(squash(await inWidget(page, 'cy', 'export-csv').innerText()), CY['export_csv']);
      const sectionHeadings = (await detail.locator('h4').allInnerTexts()).map(squash);
      const expectedSections = SECTIONS.filter(([key]) => hasText(a[key])).map(([, , k]) => CY[k]);
      if (a.good_practice?.length) expectedSections.push(CY['sec_good_practice']);
      assert.deepEqual(sectionHeadings, expectedSections);
    },
  },
  {
    name: 'Welsh page: report text is shown as given and marked lang="en", the widget\'s Welsh words are not',
    page: 'www/examples/welsh.html',
    async run({ page }) {
      await settled(page, 'cy');
      const a = ALL.find((x) => x.id === '3A');
      await selectArea(page, 'cy', a.id);
      const strengths = squash(await page.locator('#cy [data-testid="strengths"]').innerText());
      assert.ok(strengths.includes(squash(firstText(a.strengths))), 'strengths as the report gives them');
      const title = page.locator('#cy [data-testid="area-detail"] h3 [lang="en"]');
      assert.equal(await title.innerText(), a.title);

      const problems = [];
      for (const item of await writtenText(page, 'cy')) {
        const isAttribute = item.where.includes('@');
        if (item.lang === 'en' && !isReportText(item.text)) problems.push(`Welsh text marked lang="en": ${item.where} "${item.text}"`);
        // An attribute cannot mark part of itself; names inside a label are unavoidable there.
        if (item.lang !== 'en' && !isAttribute) {
          const label = ENGLISH_LABELS.find((l) => item.text.includes(l));
          if (label) problems.push(`report text not marked lang="en": ${item.where} "${item.text}"`);
        }
      }
      assert.deepEqual([...new Set(problems)], []);
    },
  },
  {
    name: 'Welsh page: lang="en" on the element wins over the page, and the nearest lang decides',
    page: 'www/examples/welsh.html',
    async run({ page }) {
      await settled(page, 'en');
      assert.equal(await inWidget(page, 'en', 'widget').evaluate((root) => root.closest('[lang]')?.getAttribute('lang')), 'en');
      assert.deepEqual(await foreignWords(page, 'en', EN), [], 'strings that are not English');
      assert.deepEqual(await profileRows(page, 'en'), profile(EN));
      assert.equal(squash(await page.locator('#en [data-testid="summary"] h3').innerText()), EN['heading_summary']);
      // A widget inside an English section of the Welsh page is English; without a lang anywhere
      // between it and the page it is Welsh.
      await page.evaluate(() => {
        const section = Object.assign(document.createElement('section'), { lang: 'en' });
        const inner = Object.assign(document.createElement('grade-widget'), { id: 'nested' });
        inner.setAttribute('src', '../data/metropolitan-2006.json');
        inner.setAttribute('view', 'badge');
        section.append(inner);
        document.querySelector('main').append(section);
      });
      await settled(page, 'nested');
      assert.equal(await inWidget(page, 'nested', 'widget').evaluate((root) => root.closest('[lang]')?.getAttribute('lang')), 'en');
      assert.ok(squash(await inWidget(page, 'nested', 'badge').innerText()).includes(EN['grade_excellent']));
    },
  },
];

// ---- 320 px: no sideways scrolling, with an area open -----------------------------------------

const NARROW = [
  // page, widgets, the widget to open an area in (full views only)
  ['index.html', ['report'], 'report'],
  ['www/examples/summary.html', ['summary'], null],
  ['www/examples/area.html', ['area'], null],
  ['www/examples/badge.html', ['badge'], null],
  ['www/examples/welsh.html', ['cy', 'en'], 'cy'],
];
for (const [path, ids, open] of NARROW) {
  tests.push({
    name: `320 px: no horizontal scroll on ${path.split('/').pop()}${open ? ' with an area open' : ''}`,
    page: path,
    fullPage: true,
    options: { viewport: { width: 320, height: 640 } },
    async run({ page }) {
      for (const id of ids) await settled(page, id);
      if (open) {
        await selectArea(page, open, '3A');
        // The stacked summary rows and the open findings are both on the page now.
        assert.equal(await inWidget(page, open, 'area-row').count(), ALL.length);
      }
      if (path.includes('area.html')) await inWidget(page, 'area', 'strengths').waitFor();
      for (const id of ids) {
        const o = await overflow(page, id);
        const where = JSON.stringify(o);
        assert.equal(o.viewport, 320);
        assert.ok(o.document.scrollWidth <= o.document.clientWidth, `the page scrolls sideways: ${where}`);
        assert.ok(o.host.scrollWidth <= o.host.clientWidth, `#${id} scrolls sideways: ${where}`);
        assert.ok(o.root.scrollWidth <= o.root.clientWidth, `#${id}'s root scrolls sideways: ${where}`);
        assert.deepEqual(o.scrollers, [], `#${id} has boxes that scroll sideways`);
        assert.equal(o.widest, null, `#${id} has content sticking out: ${where}`);
      }
    },
  });
}

// Just above 640 px the summary is a real table again, at its tightest: it must still fit.
tests.push({
  name: 'widths around the 640 px breakpoint: the summary table never scrolls sideways (English and Welsh)',
  page: 'index.html',
  async run({ page, url }) {
    for (const [path, id] of [['index.html', 'report'], ['www/examples/welsh.html', 'cy']]) {
      if (!page.url().endsWith(path)) await page.goto(url(path));
      await settled(page, id);
      const layouts = [];
      for (let width = 660; width <= 780; width += 4) {
        await page.setViewportSize({ width, height: 800 });
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const o = await overflow(page, id);
        const where = `${path} at ${width} px: ${JSON.stringify(o)}`;
        assert.ok(o.document.scrollWidth <= o.document.clientWidth, `the page scrolls sideways: ${where}`);
        assert.ok(o.root.scrollWidth <= o.root.clientWidth && o.widest === null && !o.scrollers.length, `#${id} is too wide: ${where}`);
        layouts.push(await page.locator(`#${id} [data-testid="summary"] thead`).evaluate((t) => {
          // The size container is the widget's root; its queries see the content box.
          const root = t.closest('[data-testid="widget"]');
          const cs = getComputedStyle(root);
          return { table: getComputedStyle(t).position !== 'absolute', container: root.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) };
        }));
      }
      // The sweep crossed the breakpoint, with a table layout within a few px above it.
      assert.ok(layouts.some((l) => !l.table), `${path}: never stacked`);
      const tightest = Math.min(...layouts.filter((l) => l.table).map((l) => l.container));
      assert.ok(tightest <= 656, `${path}: tightest table layout at ${tightest} px`);
    }
  },
});

// ---- Forced colours (Windows high contrast) and print ----------------------------------------

tests.push({
  name: 'forced colours: this force\'s bar, the other bars and the focus ring stay visible',
  page: 'index.html',
  async run({ page }) {
    await page.emulateMedia({ forcedColors: 'active' });
    await settled(page, 'report');
    await selectArea(page, 'report', '3A');
    assert.equal(await page.evaluate(() => matchMedia('(forced-colors: active)').matches), true);
    const look = await page.evaluate(() => {
      // The system colours as this browser resolves them, from a probe element on the page.
      const probe = document.body.appendChild(document.createElement('i'));
      const system = (name) => { probe.style.color = name; return getComputedStyle(probe).color; };
      const sys = { Canvas: system('Canvas'), CanvasText: system('CanvasText'), Highlight: system('Highlight'), GrayText: system('GrayText') };
      probe.remove();
      const root = document.getElementById('report').shadowRoot;
      const chart = root.querySelector('[data-testid="detail-chart"] svg');
      const style = (el) => getComputedStyle(el);
      const own = style(chart.querySelector('.gw-bar--own'));
      const other = style(chart.querySelector('.gw-bar:not(.gw-bar--own)'));
      const pbar = style(root.querySelector('.gw-pbar__fill[data-bar="force"]'));
      const track = style(root.querySelector('.gw-pbar__track'));
      return { sys, canvas: style(root.querySelector('[data-testid="widget"]')).backgroundColor, own: { fill: own.fill, stroke: own.stroke, width: own.strokeWidth }, other: other.fill, pbar: pbar.fill, track: track.stroke };
    });
    const why = JSON.stringify(look);
    assert.equal(look.canvas, look.sys.Canvas, `the widget's background is not the system Canvas: ${why}`);
    assert.notEqual(look.sys.Highlight, look.sys.Canvas);
    // This force's bar in Highlight with a CanvasText outline, the others in GrayText.
    assert.deepEqual(look.own, { fill: look.sys.Highlight, stroke: look.sys.CanvasText, width: look.own.width }, why);
    assert.ok(parseFloat(look.own.width) >= 1, why);
    assert.equal(look.other, look.sys.GrayText, why);
    assert.equal(look.pbar, look.sys.CanvasText, `profile bars: ${why}`);
    assert.equal(look.track, look.sys.CanvasText, `profile bar tracks: ${why}`);

    // Keyboard focus on an area button: a solid outline in a colour unlike the background.
    await page.locator('#report [data-testid="area-row"][data-area="1A"] button').focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const ring = await page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      const cs = getComputedStyle(el);
      let bg = 'rgba(0, 0, 0, 0)';
      for (let n = el; n && /rgba\(.*, 0\)$/.test(bg); n = n.parentElement ?? n.getRootNode().host) bg = getComputedStyle(n).backgroundColor;
      const probe = document.body.appendChild(document.createElement('i'));
      probe.style.color = 'Highlight';
      const highlight = getComputedStyle(probe).color;
      probe.remove();
      return { text: el.textContent, style: cs.outlineStyle, width: parseFloat(cs.outlineWidth), color: cs.outlineColor, bg, highlight };
    });
    assert.equal(ring.text, ALL.find((x) => x.id === '1A').title, `focus is elsewhere: ${JSON.stringify(ring)}`);
    assert.ok(ring.style !== 'none' && ring.width >= 2, `no focus ring: ${JSON.stringify(ring)}`);
    assert.equal(ring.color, ring.highlight, `focus ring not in Highlight: ${JSON.stringify(ring)}`);
    assert.notEqual(ring.color, ring.bg, `focus ring is the background colour: ${JSON.stringify(ring)}`);
  },
});

tests.push({
  name: 'print: no controls, and the summary table and charts fit the page without clipping',
  page: 'index.html',
  fullPage: true,
  // About the width of an A4 page's printable area at 96 px per inch.
  options: { viewport: { width: 700, height: 1000 } },
  async run({ page }) {
    await settled(page, 'report');
    await selectArea(page, 'report', '3A');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.evaluate(() => matchMedia('print').matches), true);
    const result = await page.evaluate(() => {
      const root = document.getElementById('report').shadowRoot;
      const box = root.querySelector('[data-testid="widget"]').getBoundingClientRect();
      const clipped = [];
      const check = (el, name) => {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) return clipped.push(`${name} is not shown`);
        if (r.left < box.left - 0.5 || r.right > box.right + 0.5) clipped.push(`${name} sticks out of the widget (${Math.round(r.left)}–${Math.round(r.right)} of ${Math.round(box.left)}–${Math.round(box.right)})`);
        if (el.scrollWidth > el.clientWidth + 1 && el.localName !== 'svg') clipped.push(`${name} is wider than its box`);
        // Any ancestor that hides overflow must hold the whole element.
        for (let a = el.parentElement; a; a = a.parentElement) {
          const cs = getComputedStyle(a);
          if (cs.overflowX === 'visible' && cs.overflowY === 'visible') continue;
          const ar = a.getBoundingClientRect();
          if (r.left < ar.left - 0.5 || r.right > ar.right + 0.5 || r.top < ar.top - 0.5 || r.bottom > ar.bottom + 0.5) clipped.push(`${name} is clipped by ${a.localName}.${a.className}`);
        }
      };
      for (const t of root.querySelectorAll('table')) check(t, `table "${t.caption?.textContent.slice(0, 30)}"`);
      const charts = root.querySelectorAll('[data-testid="chart"] svg[role="img"], [data-testid="detail-chart"] svg[role="img"]');
      for (const s of charts) check(s, `chart ${s.closest('[data-area]')?.dataset.area}`);
      const hidden = (sel) => [...root.querySelectorAll(sel)].every((e) => getComputedStyle(e).display === 'none');
      return { clipped, filtersHidden: hidden('[data-testid="filters"]'), buttonsHidden: hidden('button.gw-button'), charts: charts.length };
    });
    assert.deepEqual(result.clipped, []);
    assert.equal(result.charts, ALL.length + 1, 'every small chart and the selected area\'s chart print');
    assert.ok(result.filtersHidden && result.buttonsHidden, `controls still print: ${JSON.stringify(result)}`);
  },
});
