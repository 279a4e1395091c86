// The report builder's language handling (www/builder-i18n.js, www/builder-strings.js) against
// the tables every part of the project is held to: language tags as tests/fixtures/lang-tags.json
// says, and plural categories as Rust's `Lang::plural` gives them (tests/fixtures/plurals.json,
// written and checked by builder/tests/plurals.rs). Run with `node --test tests/js/`.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { LANGS, parseLang, plural, text } from '../../www/builder-i18n.js';
import { STRINGS } from '../../www/builder-strings.js';

const fixture = (name) => JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));
const TAGS = fixture('lang-tags.json').cases;
const PLURALS = fixture('plurals.json');

test('language tags resolve as tests/fixtures/lang-tags.json says', () => {
  assert.ok(TAGS.length >= 9);
  for (const [tag, want] of TAGS) assert.equal(parseLang(tag), want, `tag ${JSON.stringify(tag)}`);
  // What the page may meet besides: no ?lang= and nothing stored.
  assert.equal(parseLang(null), 'en');
  assert.equal(parseLang(undefined), 'en');
});

test("the page's plural rule is Rust's for 0 to 30 in both languages", () => {
  assert.deepEqual(Object.keys(PLURALS).filter((k) => !k.startsWith('$')).sort(), [...LANGS].sort());
  for (const lang of LANGS) {
    const rust = PLURALS[lang];
    assert.equal(rust.length, 31);
    assert.deepEqual(rust.map((_, n) => plural(lang, n)), rust, lang);
  }
});

test('every counted text has exactly the forms its language needs, and none other', () => {
  for (const lang of LANGS) {
    const needed = [...new Set(PLURALS[lang])].sort();
    const counted = Object.entries(STRINGS[lang]).filter(([, v]) => typeof v === 'object');
    assert.ok(counted.length >= 2, `${lang} has counted texts`);
    for (const [key, forms] of counted) {
      assert.deepEqual(Object.keys(forms).sort(), needed, `${lang} ${key}`);
      for (const form of Object.values(forms)) assert.match(form, /\{n\}/, `${lang} ${key}: the count is shown`);
    }
  }
  // The same texts are counted in both languages.
  const countedKeys = (lang) => Object.keys(STRINGS[lang]).filter((k) => typeof STRINGS[lang][k] === 'object').sort();
  assert.deepEqual(countedKeys('cy'), countedKeys('en'));
});

test('both languages have the same keys, and each text the same placeholders', () => {
  assert.deepEqual(Object.keys(STRINGS.cy).sort(), Object.keys(STRINGS.en).sort());
  const names = (v) => [...new Set([...(typeof v === 'object' ? Object.values(v) : [v]).join(' ').matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
  for (const key of Object.keys(STRINGS.en)) assert.deepEqual(names(STRINGS.cy[key]), names(STRINGS.en[key]), key);
});

test('counted texts in use: Welsh "2 broblem", "6 phroblem", "2 faes"; English "1 problem", "1 area"', () => {
  assert.equal(text('en', 'problemsFound', { n: 1 }), '1 problem found: it is listed below.');
  assert.equal(text('en', 'problemsFound', { n: 2 }), '2 problems found: they are listed below.');
  assert.equal(text('cy', 'problemsFound', { n: 1 }), "Cafwyd hyd i 1 broblem: mae hi wedi'i rhestru isod.");
  assert.equal(text('cy', 'problemsFound', { n: 2 }), "Cafwyd hyd i 2 broblem: maen nhw wedi'u rhestru isod.");
  assert.equal(text('cy', 'problemsFound', { n: 3 }), "Cafwyd hyd i 3 problem: maen nhw wedi'u rhestru isod.");
  assert.equal(text('cy', 'problemsFound', { n: 6 }), "Cafwyd hyd i 6 phroblem: maen nhw wedi'u rhestru isod.");
  assert.equal(text('cy', 'problemsFound', { n: 11 }), "Cafwyd hyd i 11 problem: maen nhw wedi'u rhestru isod.");
  const ready = { force: 'Gwent Police', ms: 5 };
  assert.equal(text('en', 'readyStatus', { ...ready, n: 1 }), 'Read 1 area of the Gwent Police report in 5 ms.');
  assert.equal(text('en', 'readyStatus', { ...ready, n: 23 }), 'Read 23 areas of the Gwent Police report in 5 ms.');
  assert.equal(text('cy', 'readyStatus', { ...ready, n: 2 }), 'Darllenwyd 2 faes o adroddiad Gwent Police mewn 5 ms.');
  assert.equal(text('cy', 'readyStatus', { ...ready, n: 23 }), 'Darllenwyd 23 maes o adroddiad Gwent Police mewn 5 ms.');
});

test('text(): placeholders filled, a missing value left as written, a missing key falls back', () => {
  assert.equal(text('en', 'lineButton', { line: 12 }), 'Line 12');
  assert.equal(text('cy', 'lineButton', { line: 12 }), 'Llinell 12');
  assert.equal(text('en', 'lineButton'), 'Line {line}');
  assert.equal(text('en', 'no-such-key'), 'no-such-key');
  assert.equal(text('fr', 'lineButton', { line: 1 }), 'Line 1');
  // A value is text, never a pattern: `$&` and `{line}` inside a value stay as they are.
  assert.equal(text('en', 'jsonPath', { path: '$& {line}' }), 'In the JSON at $& {line}');
});
