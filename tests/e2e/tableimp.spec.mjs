// A national table into the report builder (issue 29): pasted from a spreadsheet (tab-separated)
// or chosen as a .csv file, the table is told from a report's text, its forces fill the picker,
// and the JSON the page hands out is byte for byte what `grade-widget import` writes for the same
// table and options (`cargo run --bin grade-widget`). Bad cells are listed with their lines, as
// the CLI lists them. The PEEL example pages render and are axe-clean.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { axe, paste, ROOT, settled } from './lib.mjs';

const PAGE = 'www/builder.html';
const TABLE = 'www/data/peel-table-example.csv';
const CSV = readFileSync(`${ROOT}${TABLE}`, 'utf8');
const OUT = `${ROOT}test-results`;
mkdirSync(OUT, { recursive: true });

/** The example table as cells copied from a spreadsheet: tabs, no quotes, LF. */
function asPasted(csv) {
  const rows = [];
  let cells = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { cells.push(cell); cell = ''; } else if (c === '\n') { cells.push(cell); rows.push(cells.join('\t')); cells = []; cell = ''; } else if (c !== '\r') cell += c;
  }
  return `${rows.join('\n')}\n`;
}

/** `grade-widget import` as a person with a toolchain runs it: { status, stdout, stderr }. */
function cliImport(path, ...args) {
  const r = spawnSync('cargo', ['run', '--quiet', '--bin', 'grade-widget', '--', 'import', path, ...args], { cwd: ROOT, encoding: 'utf8' });
  if (r.error) throw r.error;
  return r;
}

async function workerReady(page) {
  await page.waitForFunction(() => document.getElementById('status-text').textContent === ''
    && document.querySelectorAll('#table-scale option').length > 1, null, { timeout: 30000 });
}

/** Waits for the preview to load the report `force` and the markup to be made. */
async function built(page, force) {
  await page.waitForFunction((f) => window.__gw.events.some((e) => e.id === 'preview' && e.type === 'load' && e.detail.force === f)
    || document.querySelector('[data-testid="problems"] li'), force, { timeout: 30000 });
  const problems = await page.locator('[data-testid="problems"] li').allTextContents();
  assert.deepEqual(problems, [], `no problems while making ${force}'s widget`);
  await page.waitForFunction((f) => window.__gw.events.some((e) => e.id === 'preview' && e.type === 'load' && e.detail.force === f),
    force, { timeout: 30000 });
  await page.waitForFunction(() => document.querySelector('[data-testid="static-markup"]').getAttribute('aria-busy') === 'false', null, { timeout: 30000 });
}

async function downloaded(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="download-json"]').click()]);
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}

export const tests = [
  {
    name: 'a table pasted from a spreadsheet: its forces to pick, and the JSON `grade-widget import` writes',
    page: PAGE,
    // axe-core is added as an inline script, which the page's strict CSP would block.
    options: { bypassCSP: true },
    async run({ page, context, base }) {
      await workerReady(page);
      const pasted = asPasted(CSV);
      assert.ok(pasted.includes('\tBuilding, supporting and protecting the workforce\t'));
      await paste(page, context, base, pasted);
      await page.locator('[data-testid="read"]').click();
      // The first row's widget comes at once; the table's section offers every force.
      await built(page, 'Northshire Police');
      assert.equal(await page.locator('[data-testid="table-section"]').isVisible(), true);
      const forces = await page.locator('[data-testid="table-force"] option').allTextContents();
      assert.equal(forces.length, 12);
      assert.equal(forces[8], 'Heddlu Dyffryn Arian');
      assert.equal(await page.locator('#preview [data-testid="area-row"]').count(), 8);
      const path = `${OUT}/tableimp-pasted.tsv`;
      writeFileSync(path, pasted);
      const first = cliImport(path, '--scale', 'peel-2021', '--force', 'Northshire Police');
      assert.equal(first.status, 0, first.stderr);
      assert.equal((await downloaded(page)).text, first.stdout, "the first force's JSON is the CLI's");

      // Another force, with the options the CLI takes.
      await page.locator('[data-testid="table-force"]').selectOption('Kestrel Bay Police');
      await page.locator('[data-testid="table-title"]').fill('PEEL (made-up example)');
      await page.locator('[data-testid="table-published"]').fill('2025-04');
      await page.locator('[data-testid="table-compared-en"]').fill('services');
      await page.locator('[data-testid="table-compared-cy"]').fill('gwasanaeth');
      // The singular and the phrases for "this one": Welsh's cannot be derived from the noun.
      await page.locator('[data-testid="table-compared-en-one"]').fill('service');
      await page.locator('[data-testid="table-compared-en-this"]').fill('this police service');
      await page.locator('[data-testid="table-compared-cy-this"]').fill('y gwasanaeth heddlu hwn');
      await page.locator('[data-testid="table-form"]').screenshot({ path: `${OUT}/tableimp-form.png` });
      await page.locator('[data-testid="table-make"]').click();
      await built(page, 'Kestrel Bay Police');
      const cli = cliImport(path, '--scale', 'peel-2021', '--force', 'Kestrel Bay Police', '--title', 'PEEL (made-up example)',
        '--published', '2025-04', '--compared-en', 'services', '--compared-cy', 'gwasanaeth', '--compared-en-one', 'service',
        '--compared-en-this', 'this police service', '--compared-cy-this', 'y gwasanaeth heddlu hwn');
      assert.equal(cli.status, 0, cli.stderr);
      const json = await downloaded(page);
      assert.equal(json.text, cli.stdout, 'byte for byte the CLI\'s JSON for the same table and options');
      assert.deepEqual(JSON.parse(json.text).compared, {
        en: 'services', cy: 'gwasanaeth', en_one: 'service', en_this: 'this police service', cy_this: 'y gwasanaeth heddlu hwn',
      });
      assert.match(await page.locator('#preview').evaluate((el) => el.shadowRoot.textContent), /[Tt]his police service/,
        'the preview says the English phrase given');
      assert.equal(JSON.parse(json.text).areas.find((a) => a.id === 'responding-to-the-public').grade, null, 'an empty cell: not graded');
      const shot = `${OUT}/tableimp-builder.png`;
      await page.screenshot({ path: shot, fullPage: false });
      assert.deepEqual(await axe(page), [], 'axe, English');
      await page.locator('.lang-switch[data-lang="cy"]').click();
      assert.equal(await page.locator('#table-heading').textContent(), 'Y tabl cenedlaethol');
      assert.equal(await page.locator('label[for="table-compared-cy-this"]').textContent(),
        "Y rhes y mae'r teclyn amdani, yn Gymraeg, gyda'r fannod, fel y darllenir hi mewn brawddeg (dewisol; e.e. y gwasanaeth hwn; fel arall mae'r teclyn yn dweud y sefydliad hwn)");
      assert.deepEqual(await axe(page), [], 'axe, Welsh');
      // The widget in Welsh says the phrase given, not the neutral "y sefydliad hwn".
      await page.locator('input[name="lang"][value="cy"]').check();
      await page.waitForFunction(() => /[Yy] gwasanaeth heddlu hwn/.test(document.getElementById('preview').shadowRoot.textContent),
        null, { timeout: 30000 });
      assert.doesNotMatch(await page.locator('#preview').evaluate((el) => el.shadowRoot.textContent), /sefydliad/);
      await page.locator('#preview').screenshot({ path: `${OUT}/tableimp-preview-cy.png` });
      // The phrases without the words they go with are refused, as the CLI refuses them.
      await page.locator('[data-testid="table-compared-en"]').fill('');
      await page.locator('[data-testid="table-compared-cy"]').fill('');
      await page.locator('[data-testid="table-make"]').click();
      await page.locator('[data-testid="problems"] li').first().waitFor();
      const refused = await page.locator('[data-testid="problems"] li').allTextContents();
      assert.equal(refused.length, 1);
      assert.match(refused[0], /what the rows are: the singular and the phrases for "this one" need the English and Welsh words as well$/);
    },
  },
  {
    name: 'a .csv file chosen: read as a table; a scale file of its own works',
    page: PAGE,
    async run({ page }) {
      await workerReady(page);
      await page.locator('[data-testid="file"]').setInputFiles(`${ROOT}${TABLE}`);
      await built(page, 'Northshire Police');
      const cli = cliImport(TABLE, '--scale', 'peel-2021', '--force', 'Northshire Police');
      assert.equal((await downloaded(page)).text, cli.stdout);

      // The same words as a scale file: the report carries the scale in full, as the CLI's does.
      const scale = { grades: [
        { id: 'outstanding', en: 'Outstanding', cy: 'Rhagorol' }, { id: 'good', en: 'Good', cy: 'Da' },
        { id: 'adequate', en: 'Adequate', cy: 'Digonol' }, { id: 'requires-improvement', en: 'Requires improvement', cy: 'Angen gwella' },
        { id: 'inadequate', en: 'Inadequate', cy: 'Annigonol' },
      ] };
      const scalePath = `${OUT}/tableimp-scale.json`;
      writeFileSync(scalePath, JSON.stringify(scale));
      await page.locator('[data-testid="table-scale"]').selectOption('file');
      await page.locator('[data-testid="scale-file"]').setInputFiles(scalePath);
      await page.locator('[data-testid="table-force"]').selectOption('Oakdown Constabulary');
      await page.locator('[data-testid="table-make"]').click();
      await built(page, 'Oakdown Constabulary');
      const withFile = cliImport(TABLE, '--scale', scalePath, '--force', 'Oakdown Constabulary');
      assert.equal(withFile.status, 0, withFile.stderr);
      const json = await downloaded(page);
      assert.equal(json.text, withFile.stdout);
      assert.equal(JSON.parse(json.text).scale.grades.length, 5);
    },
  },
  {
    name: 'a table with bad cells: every one listed with its line, as the CLI lists them',
    page: PAGE,
    async run({ page, context, base }) {
      await workerReady(page);
      const bad = asPasted(CSV).replace('Westvale Police\tAdequate', 'Westvale Police\tAdequat').replace('\tOutstanding\n', '\tSuperb\n');
      await paste(page, context, base, bad);
      await page.locator('[data-testid="read"]').click();
      await page.locator('[data-testid="problems"] li').first().waitFor();
      const items = await page.locator('[data-testid="problems"] li').allTextContents();
      const path = `${OUT}/tableimp-bad.tsv`;
      writeFileSync(path, bad);
      const cli = cliImport(path, '--scale', 'peel-2021', '--force', 'Northshire Police');
      assert.equal(cli.status, 1);
      const lines = cli.stderr.trim().split('\n').filter((l) => l.startsWith('error: ')).map((l) => l.slice(`error: ${path}: `.length));
      assert.equal(lines.length, 2, cli.stderr);
      assert.equal(items.length, 2);
      items.forEach((item, i) => assert.ok(item.startsWith(lines[i]), `${item} / ${lines[i]}`));
      assert.match(items[0], /^row 5 \("Westvale Police"\), column 2 \(B\) "Police powers and public treatment": "Adequat" is not a grade;.*\(line 5\)$/);
      // Each leads to its line in the box.
      await page.locator('[data-testid="problems"] li a').first().click();
      assert.match(await page.locator('[data-testid="problem-context"] mark').textContent(), /Westvale Police\tAdequat/);
      // The table's shape is fine, so its section stays, for another try once the cells are mended.
      assert.equal(await page.locator('[data-testid="table-section"]').isVisible(), true);
    },
  },
  {
    name: 'the PEEL example pages: Cleveland without national counts, the made-up table with them; axe-clean',
    page: 'www/examples/cleveland-peel.html',
    async run({ page, url }) {
      for (const id of ['cleveland', 'cleveland-summary']) assert.equal((await settled(page, id, 30000)).type, 'load', id);
      const rows = await page.locator('#cleveland [data-testid="area-row"]').count();
      assert.equal(rows, 9, 'eight graded areas and the one inspected but not graded');
      await page.screenshot({ path: `${OUT}/tableimp-cleveland.png`, fullPage: true });
      assert.deepEqual(await axe(page), [], 'axe, Cleveland');

      await page.goto(url('www/examples/peel-table.html'));
      for (const id of ['northshire', 'dyffryn', 'oakdown']) assert.equal((await settled(page, id, 30000)).type, 'load', id);
      assert.equal(await page.locator('#oakdown [data-testid="area-row"]').count(), 8);
      await page.screenshot({ path: `${OUT}/tableimp-peel-table.png`, fullPage: true });
      assert.deepEqual(await axe(page), [], 'axe, the made-up table');
    },
  },
];
