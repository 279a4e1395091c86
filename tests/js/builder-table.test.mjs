// The report builder's national-table input (www/builder-table.js): which reader gets an input,
// and the worker request its form makes. Run with `node --test tests/js/`.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { importRequest, inputKind } from '../../www/builder-table.js';

const read = (path) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

test('a national table is told from a report text', () => {
  const cases = [
    [read('www/data/peel-table-example.csv'), 'table'],
    [read('tests/fixtures/metropolitan-2006.txt'), 'report'],
    // Cells copied from a spreadsheet: tabs, the last cell of a row possibly empty.
    ['Force\tInvestigating crime\tResponding\nA Police\tGood\t\n', 'table'],
    ['\uFEFF\r\n"Force","Building, supporting and protecting the workforce"\r\nA Police,Good\r\n', 'table'],
    // A report whose first lines hold commas, but not the same number of them.
    ['Northshire Constabulary\nBaseline Assessment, October 2006\n', 'report'],
    ['Force, grades, 2025\nA report, not a table, with more commas, here\n', 'report'],
    ['Force,Area\n', 'report'],
    ['', 'report'],
  ];
  for (const [text, want] of cases) assert.equal(inputKind(text), want, JSON.stringify(text.slice(0, 60)));
});

test('the choice and a .csv name decide before the text does', () => {
  const report = read('tests/fixtures/metropolitan-2006.txt');
  assert.equal(inputKind(report, { choice: 'table' }), 'table');
  assert.equal(inputKind('a,b\nc,d\n', { choice: 'report' }), 'report');
  assert.equal(inputKind('Force\n', { fileName: 'National.CSV' }), 'table');
  assert.equal(inputKind('Force\n', { fileName: 'grades.tsv' }), 'table');
  assert.equal(inputKind('Force\n', { fileName: 'report.txt' }), 'report');
});

test("the table's form makes the CLI's options: blank ones left out, a scale file by its text", () => {
  const form = {
    scale: 'peel-2021', force: 'A Police', title: ' PEEL 2023–25 ', published: '', comparedEn: ' ', comparedCy: undefined,
    comparedEnOne: '', comparedEnThis: undefined, comparedCyThis: ' ',
  };
  assert.deepEqual(importRequest({ text: 'x' }, form), {
    type: 'import', text: 'x', format: 'detect', scale: 'peel-2021', scaleFile: undefined, force: 'A Police',
    title: 'PEEL 2023–25', published: undefined, comparedEn: undefined, comparedCy: undefined,
    comparedEnOne: undefined, comparedEnThis: undefined, comparedCyThis: undefined,
  });
  // The singular and the phrases for "this one", as --compared-en-one, --compared-en-this and
  // --compared-cy-this take them.
  const services = importRequest({ text: 'x' }, {
    ...form, comparedEn: 'services', comparedCy: 'gwasanaeth', comparedEnOne: ' service', comparedEnThis: 'this service ',
    comparedCyThis: ' y gwasanaeth hwn ',
  });
  assert.equal(services.comparedEnOne, 'service');
  assert.equal(services.comparedEnThis, 'this service');
  assert.equal(services.comparedCyThis, 'y gwasanaeth hwn');
  const file = importRequest({ bytes: new ArrayBuffer(1) }, { ...form, scale: 'file', scaleFile: '{"grades":[]}', published: '2025-04' });
  assert.equal(file.scale, undefined);
  assert.equal(file.scaleFile, '{"grades":[]}');
  assert.equal(file.published, '2025-04');
  assert.ok(file.bytes instanceof ArrayBuffer);
});
