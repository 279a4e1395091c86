// The loader's language-tag rule (www/loader/lang.js, parseLang) over the one table of tags
// every parser is held to: tests/fixtures/lang-tags.json. Run: node --test tests/js/*.test.mjs

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import test from 'node:test';
import { parseLang } from '../../www/loader/lang.js';

const { cases } = JSON.parse(readFileSync(new URL('../fixtures/lang-tags.json', import.meta.url), 'utf8'));

test('the fixture has cases', () => assert.ok(cases.length > 0));

for (const [tag, lang] of cases) {
  test(`${JSON.stringify(tag)} is ${lang}`, () => assert.equal(parseLang(tag), lang));
}

test('a missing tag is English', () => {
  assert.equal(parseLang(undefined), 'en');
  assert.equal(parseLang(null), 'en');
});
